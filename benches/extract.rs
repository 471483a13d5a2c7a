//! Criterion benchmarks of the library: the seed article, a 1 MB news text, a text with no dates and
//! a date-dense text. `cargo bench --bench extract`.

use chronoline::{extract, Reference};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../fixtures/musk-trump-x.txt");

/// Every fixture text, concatenated: the news sample the 1 MB text repeats.
fn news() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect::<Vec<_>>().join("\n\n")
}

fn to_size(sample: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + sample.len());
    while s.len() < size {
        s.push_str(sample);
        s.push_str("\n\n");
    }
    s
}

fn bench(c: &mut Criterion) {
    let r: Reference = "2024-08-13".parse().unwrap();
    let one_mb = to_size(&news(), 1 << 20);
    let no_dates = to_size(
        "The committee reviewed the proposal and asked the staff for a clearer account of the costs, \
         the risks and the people who would carry them. Several members said the plan was sound. ",
        1 << 20,
    );
    let dense = to_size(
        "On Monday, Jan. 6, 2021, at 3 p.m. ET, three days after Christmas 2020 and a year ago today, \
         the board met for more than 40 minutes; it meets every week, twice a month in 2022-2023. ",
        1 << 20,
    );
    let mut g = c.benchmark_group("extract");
    g.sample_size(20);
    for (name, text) in [("seed", SEED), ("news_1mb", &one_mb), ("no_dates_1mb", &no_dates), ("dense_1mb", &dense)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| extract(text, &r)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
