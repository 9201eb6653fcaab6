//! The HTML report and the SVG graph: a reviewed snapshot of the Lachin
//! page, determinism, self-containment, and a hostile fixture whose title,
//! outlet, author, extra fields and body hold markup and script payloads
//! that must come out as text.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use claimgraph::input::{LoadOptions, load_paths};
use claimgraph::{Analysis, Analyzer, Document};
use common::markup::{check_nesting, check_safe, tags};

fn fixture(story: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(story)
}

fn load(story: &str) -> Vec<Document> {
    load_paths(&[fixture(story)], &LoadOptions::default()).expect("fixtures load").documents
}

fn analysis(story: &str) -> Analysis {
    Analyzer::new().analyze(load(story)).expect("analysis")
}

/// The text of the page's one `<style>` element.
fn style_of(html: &str) -> &str {
    let start = html.find("<style>").expect("a style element") + "<style>".len();
    let end = html[start..].find("</style>").expect("style closed") + start;
    &html[start..end]
}

/// Checks that a page is well-formed, safe and self-contained.
fn check_page(html: &str) {
    let t = tags(html).unwrap_or_else(|e| panic!("markup: {e}"));
    check_nesting(&t).unwrap_or_else(|e| panic!("nesting: {e}"));
    check_safe(&t).unwrap_or_else(|e| panic!("unsafe markup: {e}"));
    assert_eq!(
        t.iter().filter(|x| x.name == "script" && !x.closing).count(),
        1,
        "one script: the page's own"
    );
    assert_eq!(t.iter().filter(|x| x.name == "style" && !x.closing).count(), 1, "one style: the page's own");
    assert_eq!(html.matches("</style>").count(), 1, "an unescaped </style> from an input");
    assert_eq!(html.matches("</script>").count(), 1, "an unescaped </script> from an input");
    // Nothing to fetch: no address in any attribute, no CSS that loads.
    for x in &t {
        for (n, v) in &x.attrs {
            let v = v.to_ascii_lowercase();
            assert!(
                !(v.contains("http:")
                    || v.contains("https:")
                    || v.starts_with("//")
                    || v.contains("javascript:"))
                    || (n == "content" && x.name == "meta"),
                "an address in {n}={v:?} on <{}>",
                x.name
            );
        }
    }
    let style = style_of(html);
    assert!(!style.contains("url(") && !style.contains("@import"), "CSS that loads something");
    let csp = t
        .iter()
        .find(|x| x.name == "meta" && x.attr("http-equiv") == Some("Content-Security-Policy"))
        .and_then(|x| x.attr("content"))
        .expect("a Content-Security-Policy");
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
}

#[test]
fn lachin_html_snapshot() {
    let html = claimgraph::html::render(&analysis("lachin-corridor"));
    check_page(&html);
    assert!(html.len() < 400_000, "the page grew to {} bytes", html.len());
    insta::assert_snapshot!("lachin-corridor.html", html);
}

#[test]
fn every_fixture_renders_a_safe_self_contained_page() {
    for story in ["lachin-corridor", "corvasse-terminal-blast", "kestrel-dam-camp", "hostile"] {
        let a = analysis(story);
        let html = claimgraph::html::render(&a);
        check_page(&html);
        // Every claim is in its article, once, with its anchor.
        for (i, _) in a.claims().iter().enumerate() {
            assert_eq!(html.matches(&format!(" id=\"c{i}\"")).count(), 1, "{story}: anchor of claim {i}");
        }
        // Every divergence is on the page.
        for d in &a.report().divergences {
            assert!(html.contains(&format!("<code>{}</code>", d.id)), "{story}: divergence {}", d.id);
        }
        let svg = claimgraph::svg::render(&a);
        let t = tags(&svg).unwrap_or_else(|e| panic!("{story} svg: {e}"));
        check_nesting(&t).unwrap_or_else(|e| panic!("{story} svg nesting: {e}"));
        check_safe(&t).unwrap_or_else(|e| panic!("{story} svg: {e}"));
    }
}

#[test]
fn the_page_shows_what_the_report_finds() {
    let html = claimgraph::html::render(&analysis("lachin-corridor"));
    for needle in [
        "<section id=\"divergences\"",
        "Was the Lachin Corridor blocked?",
        "<section id=\"naming\"",
        "Lachin-Khankendi road",
        "<section id=\"framing\"",
        "<section id=\"single-source\"",
        "<section id=\"matrix\"",
        "<svg class=\"claim-graph\"",
        "<section id=\"articles\"",
        "Armenian-American outlet",
        "2023-06-23",
        "Nargiz Mammadli",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    // The outlets' columns in the matrix name both relations with a mark, not colour alone.
    assert!(html.contains("✓") && html.contains("✗"));
}

#[test]
fn output_is_deterministic_whatever_the_input_order() {
    for story in ["lachin-corridor", "hostile"] {
        let docs = load(story);
        let forward = claimgraph::html::render(&Analyzer::new().analyze(docs.clone()).expect("analysis"));
        let mut reversed = docs;
        reversed.reverse();
        let a = Analyzer::new().analyze(reversed).expect("analysis");
        assert!(forward == claimgraph::html::render(&a), "{story}: HTML depends on input order");
        assert!(
            claimgraph::svg::render(&a) == claimgraph::svg::render(&analysis(story)),
            "{story}: SVG depends on input order"
        );
    }
}

#[test]
fn hostile_inputs_render_as_text() {
    let a = analysis("hostile");
    assert!(a.report().divergences.len() >= 2, "the hostile fixture has divergences");
    let html = claimgraph::html::render(&a);
    check_page(&html);
    for raw in [
        "<script>document",
        "<img",
        "<svg onload",
        "<b onmouseover",
        "<iframe",
        "<style>body",
        "<link",
        "<b>open",
    ] {
        assert!(!html.contains(raw), "raw {raw:?} in the page");
    }
    for escaped in [
        // Title, outlet, author, perspective, url, body.
        "&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;",
        "Harbor &lt;img src=x onerror=&quot;document.title=&#39;PWNED&#39;&quot;&gt; Gazette",
        "&lt;/style&gt;&lt;b onmouseover=",
        "&lt;svg onload=",
        "javascript:document.title=&#39;PWNED&#39;",
        "Valley &quot;Echo&quot; &lt;/style&gt;&lt;script&gt;",
        "O&#39;Brien",
        "a week &amp; more",
    ] {
        assert!(html.contains(escaped), "missing as text: {escaped:?}");
    }
    let svg = claimgraph::svg::render(&a);
    assert!(!svg.contains("<img") && !svg.contains("<script") && !svg.contains("<style>body"));
}

#[test]
fn cli_writes_html_and_svg() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-html");
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let html = dir.join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["report", "--format", "html", "--output"])
        .arg(&html)
        .arg(fixture("hostile"))
        .status()
        .expect("run claimgraph");
    assert!(status.success());
    let page = std::fs::read_to_string(&html).expect("html written");
    assert_eq!(page, claimgraph::html::render(&analysis("hostile").with_skipped(Vec::<String>::new())));
    let out = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["report", "--format", "svg"])
        .arg(fixture("hostile"))
        .output()
        .expect("run claimgraph");
    assert!(out.status.success());
    let svg = String::from_utf8(out.stdout).expect("utf-8");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(svg, claimgraph::svg::render(&analysis("hostile")));
}
