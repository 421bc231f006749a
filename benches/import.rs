//! Import of a 20,000-person workspace file into a new SQLite database:
//! parse, validate every rule, write in one transaction (goal: under 2 s);
//! and `import --replace` of the same file over a database that holds it,
//! backup of the old workspace included (goal: within 2× of the fresh import).
//! Both open the store and close it again, as one CLI run does.

use std::path::Path;
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
        b.iter_custom(|iters| (0..iters).map(|_| replace_once(&replaced, &json)).sum())
    });
    // Criterion times one case after the other, so a machine that gets busier
    // in between skews their ratio; pairs taken in turn share the load.
    let mut ratios: Vec<f64> = (0..10)
        .map(|i| {
            let start = Instant::now();
            let mut store = Store::open(dir.path().join(format!("pair-{i}.db"))).unwrap();
            import_workspace(&mut store, &workspace_file::parse(json.as_bytes()).unwrap(), ImportMode::Merge).unwrap();
            drop(store);
            let fresh = start.elapsed();
            replace_once(&replaced, &json).as_secs_f64() / fresh.as_secs_f64()
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    println!(
        "import/replace ÷ fresh import, 10 pairs in turn: median {:.2}× (min {:.2}×, max {:.2}×)",
        (ratios[4] + ratios[5]) / 2.0,
        ratios[0],
        ratios[9]
    );
    let mut store = Store::open(dir.path().join("export.db")).unwrap();
    import_workspace(&mut store, &workspace_file::parse(json.as_bytes()).unwrap(), ImportMode::Merge).unwrap();
    group.bench_function("export, 20000 people", |b| b.iter(|| sandtable::io::export_json(&store).unwrap()));
    group.finish();
}

/// One `import --replace` of `json` over the workspace at `db` (which holds
/// it already), as the CLI runs it: open, parse, check, back up, write, close.
fn replace_once(db: &Path, json: &str) -> Duration {
    let start = Instant::now();
    let mut store = Store::open(db).unwrap();
    let ws = workspace_file::parse(json.as_bytes()).unwrap();
    let report = import_workspace(&mut store, &ws, ImportMode::Replace).unwrap();
    drop(store);
    let spent = start.elapsed();
    // Not timed: the backups would fill the disk over a run.
    std::fs::remove_file(report.backup.expect("a replace of a full workspace backs it up")).unwrap();
    spent
}

criterion_group!(benches, import_20k);
criterion_main!(benches);
