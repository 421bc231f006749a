//! The TAS+ engine at pipeline scale: win rate + red flags for 10,000 deals
//! (goal ≤ 100 ms) and the weekly snapshot of all open deals of a
//! 10,000-deal workspace, written to SQLite (goal ≤ 1 s).

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use sandtable::demo::synthetic::org_workspace;
use sandtable::engine::win_rate::win_rate;
use sandtable::io::{import_workspace, ImportMode};
use sandtable::engine::flags::flags_of;
use sandtable::Store;

fn engine(c: &mut Criterion) {
    let ws = org_workspace(2_000, 10_000, 11);
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let activities = &ws.accounts[0].activities;
    let mut group = c.benchmark_group("engine");
    group.sample_size(20);
    group.bench_function("win rate, 10000 deals", |b| {
        b.iter(|| ws.deals.iter().map(|d| win_rate(d, &ws.settings.win_rate_weights, as_of).rate.unwrap_or(0.0)).sum::<f64>())
    });
    group.bench_function("win rate + red flags, 10000 deals", |b| {
        b.iter(|| flags_of(&ws.deals, activities, &ws.settings, as_of))
    });
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("engine.db")).unwrap();
    import_workspace(&mut store, &ws, ImportMode::Merge).unwrap();
    group.sample_size(10);
    group.bench_function("weekly snapshot of 10000 open deals (load, compute, write)", |b| {
        b.iter(|| store.take_snapshots(as_of).unwrap())
    });
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
