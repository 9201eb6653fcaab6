//! Pathological input: huge documents, one huge sentence, many numbers,
//! deep quote nesting, only punctuation, mixed and right-to-left scripts,
//! zero-width characters, odd line ends, a byte order mark, many names and
//! acronyms in one document.
//!
//! The default tests run every case at a small size through the whole
//! analysis (no panic, valid spans, a report) and check the size limit.
//! The timing tests are ignored by default, because they need a release
//! build and an idle machine:
//!
//! ```text
//! cargo test --release --test pathological -- --ignored --nocapture --test-threads 1
//! ```
//!
//! `linear_time` runs each case at two sizes, 4x apart, and fails if the
//! larger takes more than 8x as long (quadratic would be 16x).
//! `huge_documents` analyses a 1 MB sentence (refused by default) and
//! 100,000 numbers, and checks that a 50 MB document is refused at once
//! under the default [`DEFAULT_MAX_DOC_BYTES`].

use std::time::Instant;

use claimgraph::analysis::DEFAULT_MAX_DOC_BYTES;
use claimgraph::{Analysis, Analyzer, Document, Error};

/// Named pathological inputs of about `size` bytes.
fn cases(size: usize) -> Vec<(&'static str, String)> {
    let fill = |unit: &str| {
        let mut s = unit.repeat(size / unit.len() + 1);
        s.truncate(s.floor_char_boundary(size));
        s
    };
    let numbers = {
        let mut s = String::with_capacity(size + 16);
        let mut i = 0u64;
        while s.len() < size {
            // Figures, amounts and ranges, as in a table pasted into text.
            let item = match i % 4 {
                0 => format!("{i} "),
                1 => format!("{}.{} ", i, i % 10),
                2 => format!("${},{:03} ", i, i % 1000),
                _ => format!("{}-{} ", i, i + 3),
            };
            s.push_str(&item);
            i += 1;
        }
        s
    };
    // Distinct names of several words and distinct acronyms, all in one
    // document: each acronym is matched against the names' initials.
    let names = {
        let word = |mut n: usize| {
            let syllables = ["Ka", "lo", "mi", "ru", "te", "va", "zo", "ne"];
            let mut w = String::new();
            loop {
                w.push_str(syllables[n % 8]);
                n /= 8;
                if n == 0 {
                    break;
                }
            }
            let mut chars = w.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        };
        let acronym = |mut n: usize| {
            let mut a = String::new();
            for _ in 0..4 {
                a.push(char::from(b'A' + (n % 26) as u8));
                n /= 26;
            }
            a
        };
        let mut s = String::with_capacity(size + 80);
        let mut i = 0;
        while s.len() < size {
            s.push_str(&format!(
                "The {} {} Council met the {} delegation. ",
                word(i),
                word(i + 7),
                acronym(i)
            ));
            i += 1;
        }
        s
    };
    let depth = size / 4;
    let nested = {
        // “‘“‘ ... x ... ’”’” : quotes nested `depth` deep.
        let open: String = (0..depth).map(|i| if i % 2 == 0 { '“' } else { '‘' }).collect();
        let close: String = (0..depth).rev().map(|i| if i % 2 == 0 { '”' } else { '’' }).collect();
        format!("The mayor said {open}the bridge was closed{close} on Monday.")
    };
    vec![
        (
            "news paragraphs",
            fill(
                "Police said the Tessa Bridge was closed on Monday. \u{201c}We will not reopen it,\u{201d} \
             Mayor Lena Ortiz told reporters. At least 12 people were injured, officials said.\n\n",
            ),
        ),
        (
            "one long sentence",
            "The mayor said ".to_string() + &fill("the bridge and the road were closed and ") + ".",
        ),
        ("numbers", numbers),
        ("nested quotes", nested),
        ("ascii quotes", fill("\"'\"' said \"a 'b \"c")),
        ("only punctuation", fill(".!?…;:,\"'“”‘’()[]«»—-")),
        (
            "mixed scripts",
            fill(
                "Հայաստանի կառավարությունը հայտարարեց. Министр заявил, что мост закрыт. \
             قال الوزير إن الجسر مغلق. Nazir Əli Həsənov dedi ki, körpü bağlıdır. ",
            ),
        ),
        (
            "right-to-left",
            fill("\u{202b}قال الوزير\u{202c} \u{200f}إن الجسر مغلق. עברית נכתבת מימין לשמאל. "),
        ),
        ("zero-width", fill("The\u{200b}bridge\u{200d} was\u{2060} closed\u{feff}, po\u{200c}lice said. ")),
        ("CRLF", fill("Police said the bridge was closed.\r\nThe mayor denied it.\r\n\r\n")),
        ("lone CR", fill("Police said the bridge was closed.\rThe mayor denied it.\r\r")),
        ("BOM", "\u{feff}".to_string() + &fill("\u{feff}The bridge was open, the mayor said. ")),
        ("no spaces", fill("x")),
        ("capitalised words", fill("Alpha Beta Gamma Delta Said Closed ")),
        ("names and acronyms", names),
    ]
}

fn analyse(id: &str, text: &str) -> Analysis {
    Analyzer::new().analyze(vec![Document::new(id, "Outlet", text)]).unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// Spans of claims and their parts lie in the text on char boundaries.
fn check(analysis: &Analysis) {
    let text = &analysis.documents()[0].text;
    for c in analysis.claims() {
        assert_eq!(text.get(c.span.range()), Some(c.text.as_str()), "{}", c.id);
        assert!(c.span.contains(c.content), "{}", c.id);
        for q in &c.quantities {
            assert_eq!(text.get(q.span.range()), Some(q.text.as_str()), "{}", c.id);
        }
        for d in &c.dates {
            assert_eq!(text.get(d.span.range()), Some(d.text.as_str()), "{}", c.id);
        }
        for e in &c.entities {
            assert_eq!(text.get(e.span.range()), Some(e.text.as_str()), "{}", c.id);
        }
    }
}

#[test]
fn every_case_is_analysed_safely() {
    for (name, text) in cases(6_000) {
        let analysis = analyse("doc", &text);
        check(&analysis);
        let report = analysis.report();
        assert!(report.to_markdown().starts_with("# claimgraph report"), "{name}");
        assert!(report.to_json().contains("\"format\""), "{name}");
    }
}

#[test]
fn two_documents_of_every_case_are_compared_safely() {
    let small = cases(3_000);
    let docs: Vec<Document> = small
        .iter()
        .enumerate()
        .map(|(i, (_, text))| Document::new(format!("d{i}"), format!("Outlet {i}"), text.as_str()))
        .collect();
    let analysis = Analyzer::new().analyze(docs).expect("analysis");
    for r in analysis.relations() {
        assert_ne!(r.a, r.b);
    }
}

#[test]
fn default_limit_refuses_larger_documents_clearly() {
    let text = "a ".repeat(DEFAULT_MAX_DOC_BYTES / 2 + 1);
    let err = Analyzer::new().analyze(vec![Document::new("big", "Outlet", text.as_str())]).unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { size, limit, .. } if size == text.len() && limit == DEFAULT_MAX_DOC_BYTES)
    );
    assert_eq!(
        err.to_string(),
        format!("big: document is {} bytes, over the limit of {DEFAULT_MAX_DOC_BYTES} bytes", text.len())
    );
    // The limit is a setting: raised, the same document is analysed; no
    // limit at all is `usize::MAX`.
    let small = "The bridge was closed. ".repeat(10);
    let err = Analyzer::new().max_doc_bytes(100).analyze(vec![Document::new("s", "O", small.as_str())]);
    assert!(matches!(err, Err(Error::TooLarge { limit: 100, .. })));
    assert!(Analyzer::new().max_doc_bytes(small.len()).analyze(vec![Document::new("s", "O", small)]).is_ok());
}

/// Seconds of the fastest of `runs` analyses of `text`.
fn time(text: &str, runs: usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut claims = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let analysis = Analyzer::new()
            .max_doc_bytes(usize::MAX)
            .analyze(vec![Document::new("doc", "Outlet", text)])
            .expect("analysis");
        best = best.min(start.elapsed().as_secs_f64());
        claims = analysis.claims().len();
    }
    (best, claims)
}

/// Peak resident memory of this process so far, in MiB (Linux only).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Cases known to grow faster than their size, and where. They are
/// reported, not failed, until the analysis is fixed there; any other case
/// that grows super-linearly fails the test.
const KNOWN_SUPER_LINEAR: &[(&str, &str)] = &[];

#[test]
#[ignore = "timing: run in release mode on an idle machine (see the module docs)"]
fn linear_time() {
    let (small, large) = (64 << 10, 256 << 10);
    let names: Vec<&str> = cases(16).iter().map(|(n, _)| *n).collect();
    let mut failures = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let a = cases(small).swap_remove(i).1;
        let b = cases(large).swap_remove(i).1;
        let (ta, ca) = time(&a, 3);
        let (tb, cb) = time(&b, 2);
        let ratio = tb / ta.max(1e-9);
        println!(
            "{name:18} {:>8} B {ta:>8.3} s {ca:>6} claims | {:>8} B {tb:>8.3} s {cb:>6} claims | x{ratio:.1}",
            a.len(),
            b.len()
        );
        // Times under 50 ms are noise.
        if tb > 0.05 && ratio > 8.0 {
            match KNOWN_SUPER_LINEAR.iter().find(|(known, _)| known == name) {
                Some((_, why)) => println!("  known super-linear: {why}"),
                None => failures.push(format!("{name}: 4x input took {ratio:.1}x time")),
            }
        }
    }
    assert!(failures.is_empty(), "super-linear: {failures:#?}");
}

#[test]
#[ignore = "timing: run in release mode on an idle machine (see the module docs)"]
fn huge_documents() {
    // One sentence of 1 MB: refused by default; analysed when allowed.
    let sentence =
        "The mayor said ".to_string() + &"the bridge and the road were closed and ".repeat(25_000) + ".";
    let err = Analyzer::new().analyze(vec![Document::new("long", "Outlet", sentence.as_str())]).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }));
    let (t, claims) = time(&sentence, 1);
    println!(
        "one 1 MB sentence: {} B, {t:.2} s, {claims} claims, peak {:?} MiB",
        sentence.len(),
        peak_rss_mib()
    );
    // 100,000 numbers.
    let numbers: String = (0..100_000).map(|i| format!("{i} ")).collect();
    let (t, claims) = time(&numbers, 1);
    println!(
        "100,000 numbers: {} B, {t:.2} s, {claims} claims, peak {:?} MiB",
        numbers.len(),
        peak_rss_mib()
    );
    // A 50 MB document is refused by default, at once, with the limit named.
    let unit = "Police said the Tessa Bridge was closed on Monday. \u{201c}We will not reopen it,\u{201d} \
                Mayor Lena Ortiz told reporters. At least 12 people were injured, officials said.\n\n";
    let huge = unit.repeat((50 << 20) / unit.len() + 1);
    let start = Instant::now();
    let err = Analyzer::new().analyze(vec![Document::new("huge", "Outlet", huge.as_str())]).unwrap_err();
    println!("50 MB document: refused in {:.3} s: {err}", start.elapsed().as_secs_f64());
    assert!(matches!(err, Error::TooLarge { .. }));
}
