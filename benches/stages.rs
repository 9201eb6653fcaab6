//! Benchmarks of each stage on the Lachin fixture articles (five real news
//! articles, 25 KB): `cargo bench --bench stages`.
//!
//! Stages run on one thread (a one-thread rayon pool), so the figures are
//! per core; `pipeline` also runs on all threads. Throughput is in bytes of
//! article text.

use std::path::Path;
use std::sync::OnceLock;

use claimgraph::input::{LoadOptions, load_paths};
use claimgraph::{Analysis, Analyzer, Document, Lexicon, stages};
use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

fn lachin() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("lachin-corridor");
        load_paths(&[dir], &LoadOptions::default()).expect("fixtures load").documents
    })
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

fn bytes() -> BytesCount {
    BytesCount::new(lachin().iter().map(|d| d.text.len()).sum::<usize>())
}

/// Runs `f` on a pool of `threads` threads.
fn on_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    static POOLS: OnceLock<Vec<rayon::ThreadPool>> = OnceLock::new();
    let pools = POOLS.get_or_init(|| {
        let n = std::thread::available_parallelism().map_or(1, |n| n.get());
        [1, n]
            .iter()
            .map(|&t| rayon::ThreadPoolBuilder::new().num_threads(t).build().expect("thread pool"))
            .collect()
    });
    let pool = if threads == 1 { &pools[0] } else { &pools[1] };
    pool.install(f)
}

fn analysis() -> &'static Analysis {
    static ANALYSIS: OnceLock<Analysis> = OnceLock::new();
    ANALYSIS.get_or_init(|| Analyzer::new().analyze(lachin().to_vec()).expect("analysis"))
}

/// Sentence segmentation only.
#[divan::bench]
fn segmentation(b: Bencher) {
    b.counter(bytes()).bench(|| {
        lachin().iter().map(|d| claimgraph::segment::segment(divan::black_box(&d.text)).len()).sum::<usize>()
    });
}

/// Sentences, tokens, stems and quote regions.
#[divan::bench]
fn tokenization(b: Bencher) {
    b.counter(bytes()).bench(|| on_threads(1, || stages::prepare(divan::black_box(lachin())).tokens()));
}

/// Name mentions and their resolution to referents.
#[divan::bench]
fn entities(b: Bencher) {
    let prepared = stages::prepare(lachin());
    b.counter(bytes()).bench(|| {
        on_threads(1, || stages::names(lachin(), divan::black_box(&prepared), lexicon()).referents())
    });
}

/// Normalisation: quantities and dates of every sentence.
#[divan::bench]
fn normalization(b: Bencher) {
    let sentences: Vec<(&Document, claimgraph::Span)> = lachin()
        .iter()
        .flat_map(|d| claimgraph::segment::segment(&d.text).into_iter().map(move |s| (d, s.span)))
        .collect();
    b.counter(bytes()).bench(|| {
        let mut found = 0;
        for (d, span) in &sentences {
            let text = divan::black_box(span.slice(&d.text));
            found += claimgraph::quantity::find_quantities(text, span.start).len();
            found += claimgraph::dates::find_dates(text, span.start, d.meta.published).len();
        }
        found
    });
}

/// Claim extraction: attribution, clauses, states, framing, features.
#[divan::bench]
fn extraction(b: Bencher) {
    let prepared = stages::prepare(lachin());
    let names = stages::names(lachin(), &prepared, lexicon());
    b.counter(bytes()).bench(|| {
        on_threads(1, || stages::extract(lachin(), divan::black_box(&prepared), &names, lexicon()).len())
    });
}

/// Comparison: blocking index, candidate pairs, detectors.
#[divan::bench]
fn comparison(b: Bencher) {
    let claims = analysis().claims();
    b.counter(bytes())
        .bench(|| on_threads(1, || stages::compare(divan::black_box(claims), lexicon()).0.len()));
}

/// The report: divergences, agreements, naming, framing, matrix.
#[divan::bench]
fn report_build(b: Bencher) {
    b.counter(bytes()).bench(|| divan::black_box(analysis()).report());
}

/// The report as JSON.
#[divan::bench]
fn report_json(b: Bencher) {
    let report = analysis().report();
    b.counter(bytes()).bench(|| divan::black_box(&report).to_json().len());
}

/// The report as Markdown.
#[divan::bench]
fn report_markdown(b: Bencher) {
    let report = analysis().report();
    b.counter(bytes()).bench(|| divan::black_box(&report).to_markdown().len());
}

/// The whole pipeline, documents to JSON report, on one thread and on all.
#[divan::bench(args = [1, 0])]
fn pipeline(b: Bencher, threads: usize) {
    b.counter(bytes()).bench(|| {
        on_threads(threads, || {
            let analysis = Analyzer::new().analyze(divan::black_box(lachin().to_vec())).expect("analysis");
            analysis.report().to_json().len()
        })
    });
}
