//! Import of a 20,000-person workspace file into a new SQLite database:
//! parse, validate every rule, write in one transaction (goal: under 2 s);
//! and `import --replace` of the same file over a database that holds it,
//! backup of the old workspace included (goal: within 2× of the fresh import).
//! Both open the store and close it again, as one CLI run does.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use sandtable::demo::synthetic::org_workspace;
use sandtable::io::{import_workspace, workspace_file, ImportMode};
use sandtable::Store;

fn import_20k(c: &mut Criterion) {
    let json = workspace_file::to_json(&org_workspace(20_000, 200, 7));
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("workspace file, 20000 people, file database", |b| {
        b.iter(|| {
            n += 1;
            let mut store = Store::open(dir.path().join(format!("bench-{n}.db"))).unwrap();
            let ws = workspace_file::parse(json.as_bytes()).unwrap();
            import_workspace(&mut store, &ws, ImportMode::Merge).unwrap();
        })
    });
    let replaced = dir.path().join("replaced.db");
    import_workspace(&mut Store::open(&replaced).unwrap(), &workspace_file::parse(json.as_bytes()).unwrap(), ImportMode::Merge)
        .unwrap();
    group.bench_function("replace, 20000 people over 20000, file database, backup included", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let mut store = Store::open(&replaced).unwrap();
                let ws = workspace_file::parse(json.as_bytes()).unwrap();
                let report = import_workspace(&mut store, &ws, ImportMode::Replace).unwrap();
                drop(store);
                spent += start.elapsed();
                // Not timed: the backups would fill the disk over a run.
                std::fs::remove_file(report.backup.expect("a replace of a full workspace backs it up")).unwrap();
            }
            spent
        })
    });
    let mut store = Store::open(dir.path().join("export.db")).unwrap();
    import_workspace(&mut store, &workspace_file::parse(json.as_bytes()).unwrap(), ImportMode::Merge).unwrap();
    group.bench_function("export, 20000 people", |b| b.iter(|| sandtable::io::export_json(&store).unwrap()));
    group.finish();
}

criterion_group!(benches, import_20k);
criterion_main!(benches);
