//! Relationship-map layouts (goals from issue 4): reporting layer of 20,000
//! people ≤ 10 ms, political layer of 2,000 ≤ 100 ms, decision layer of a
//! 40-person deal ≤ 1 ms. The reporting layer is measured twice: the layout
//! itself (index, forest, positions, routes) and the whole serialisable
//! `Layout` (which also copies every name, title and id into the output).
//! Political maps of up to 1,000 lines are annealed (no goal of their own;
//! measured at 200 people to show its cost).

use criterion::{criterion_group, criterion_main, Criterion};
use sandtable::layout::reporting::{geometry, Forest};
use sandtable::layout::{layout, person_index, synthetic, Layer, LayoutOptions, ReportingMode};

fn opts() -> LayoutOptions {
    LayoutOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date"))
}

fn layouts(c: &mut Criterion) {
    const ACC: &str = "acc-synthetic";
    let big = synthetic::workspace(20_000, 1, 7, 40, 55);
    let mid = synthetic::workspace(2_000, 1, 7, 40, 55);
    let mut group = c.benchmark_group("layout");
    group.sample_size(30);
    let people = &big.accounts[0].people;
    group.bench_function("reporting 20000, positions and routes", |b| {
        b.iter(|| {
            let index = person_index(people);
            let forest = Forest::new(people, &index, &[]);
            geometry(&forest, ReportingMode::Compact)
        })
    });
    group.bench_function("reporting 20000, tidy tree positions and routes", |b| {
        b.iter(|| {
            let index = person_index(people);
            let forest = Forest::new(people, &index, &[]);
            geometry(&forest, ReportingMode::Tidy)
        })
    });
    group.bench_function("reporting 20000, whole Layout", |b| {
        b.iter(|| layout(&big, ACC, Layer::Reporting, &opts()).expect("laid out"))
    });
    group.bench_function("reporting 2000, whole Layout", |b| {
        b.iter(|| layout(&mid, ACC, Layer::Reporting, &opts()).expect("laid out"))
    });
    group.bench_function("political 2000, whole Layout", |b| {
        b.iter(|| layout(&mid, ACC, Layer::Political, &opts()).expect("laid out"))
    });
    let small = synthetic::workspace_with(200, 0, 7, 0, 0, synthetic::Influences::Circles);
    group.bench_function("political 200 (annealed), whole Layout", |b| {
        b.iter(|| layout(&small, ACC, Layer::Political, &opts()).expect("laid out"))
    });
    let deal = LayoutOptions { deal: Some("d0".into()), ..opts() };
    group.bench_function("decision 40 people 55 links, whole Layout", |b| {
        b.iter(|| layout(&mid, ACC, Layer::Decision, &deal).expect("laid out"))
    });
    group.bench_function("combined 2000 with a deal, whole Layout", |b| {
        b.iter(|| layout(&mid, ACC, Layer::Combined, &deal).expect("laid out"))
    });
    group.finish();
}

criterion_group!(benches, layouts);
criterion_main!(benches);
