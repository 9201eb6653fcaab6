//! The HTML report in a real browser: headless Chromium renders the Lachin
//! report and the hostile fixture's report, dumps their DOM and takes
//! screenshots. Checks that the divergences and the naming table are there,
//! that the page's own script ran and no injected one did, that nothing
//! was blocked by the page's Content-Security-Policy, and, from Chromium's
//! net log, that the page made no network request (a control page that does
//! make one proves the check sees requests).
//!
//! Needs Chromium, so it is ignored by default; `.ci/run` installs Debian's
//! `chromium` and runs `cargo test --test browser -- --ignored --nocapture`.
//! Set `CHROMIUM` to use another binary. The screenshots and DOM dumps are
//! left in `target/tmp/browser/` and their paths printed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::markup::{Tag, check_safe, tags};
use serde_json::Value;

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).expect("output dir");
    dir
}

fn chromium() -> String {
    if let Ok(c) = std::env::var("CHROMIUM") {
        return c;
    }
    for c in ["chromium", "chromium-browser", "google-chrome"] {
        if Command::new("sh")
            .args(["-c", &format!("command -v {c}")])
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return c.to_string();
        }
    }
    panic!("no chromium found: install Debian's chromium or set CHROMIUM");
}

/// Runs headless Chromium on `page` with a fresh profile, no network
/// (every host name resolves to nothing) and a net log; returns stdout.
fn run_chromium(page: &Path, name: &str, action: &[String]) -> (String, PathBuf) {
    let dir = out_dir();
    let profile = dir.join(format!("profile-{name}"));
    let _ = std::fs::remove_dir_all(&profile);
    let netlog = dir.join(format!("{name}.netlog.json"));
    let _ = std::fs::remove_file(&netlog);
    let url = format!("file://{}", page.canonicalize().expect("page exists").display());
    let out = Command::new("timeout")
        .arg("120")
        .arg(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--log-net-log={}", netlog.display()))
        .args(action)
        .arg(&url)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed on {name}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&profile);
    (String::from_utf8_lossy(&out.stdout).into_owned(), netlog)
}

/// The URLs of requests the page made, from a Chromium net log: requests
/// with an initiator (the browser's own background requests have none) or
/// made for a `file://` page.
fn page_requests(netlog: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(netlog).expect("net log written");
    // Chromium may leave the closing brackets off if it is stopped early.
    let v: Value = serde_json::from_str(&text)
        .or_else(|_| serde_json::from_str(&format!("{}]}}", text.trim_end().trim_end_matches(','))))
        .expect("net log is JSON");
    let mut out = Vec::new();
    for e in v["events"].as_array().into_iter().flatten() {
        let p = &e["params"];
        let Some(url) = p["url"].as_str() else { continue };
        let initiator = p["initiator"].as_str().unwrap_or("not an origin");
        let nik = p["network_isolation_key"].as_str().unwrap_or("");
        if initiator != "not an origin" || nik.contains("file://") {
            out.push(url.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn render(fixture: &str, name: &str) -> PathBuf {
    let page = out_dir().join(format!("{name}.html"));
    let status = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["report", "--format", "html", "--output"])
        .arg(&page)
        .arg(format!("fixtures/{fixture}"))
        .status()
        .expect("run claimgraph");
    assert!(status.success(), "claimgraph failed on {fixture}");
    page
}

/// The DOM of a page after load, and the page requests it made.
fn dump(page: &Path, name: &str) -> (String, Vec<String>) {
    let (dom, netlog) = run_chromium(page, name, &["--dump-dom".to_string()]);
    std::fs::write(out_dir().join(format!("{name}.dom.html")), &dom).expect("write dom");
    (dom, page_requests(&netlog))
}

fn screenshot(page: &Path, name: &str, size: &str) -> PathBuf {
    let png = out_dir().join(format!("{name}.png"));
    let _ = std::fs::remove_file(&png);
    run_chromium(page, name, &[format!("--screenshot={}", png.display()), format!("--window-size={size}")]);
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000, "{name}: not a real screenshot");
    println!("screenshot: {}", png.display());
    png
}

fn first<'a>(t: &'a [Tag], name: &str) -> &'a Tag {
    t.iter().find(|x| x.name == name && !x.closing).unwrap_or_else(|| panic!("no <{name}>"))
}

/// Checks a dumped DOM: the page's own script ran, nothing was blocked,
/// no element or attribute an input could have injected exists.
fn check_dom(dom: &str, name: &str) -> Vec<Tag> {
    let t = tags(dom).unwrap_or_else(|e| panic!("{name}: DOM markup: {e}"));
    check_safe(&t).unwrap_or_else(|e| panic!("{name}: injected markup in the DOM: {e}"));
    let html = first(&t, "html");
    assert_eq!(html.attr("data-cg-ready"), Some("1"), "{name}: the page's own script did not run");
    assert_eq!(html.attr("data-cg-blocked"), None, "{name}: the Content-Security-Policy blocked something");
    assert_eq!(t.iter().filter(|x| x.name == "script" && !x.closing).count(), 1, "{name}: scripts");
    assert!(t.iter().all(|x| x.attr("data-pwned").is_none()), "{name}: an injected script ran");
    let title_at = dom.find("<title>").expect("a title") + "<title>".len();
    assert!(dom[title_at..].starts_with("claimgraph report"), "{name}: the title was changed");
    t
}

#[test]
#[ignore = "needs Chromium: .ci/run installs it and runs this with --ignored"]
fn reports_render_in_headless_chromium() {
    // The check for network requests sees them: a control page makes one.
    let control = out_dir().join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><html><body><img src=\"http://claimgraph-probe.invalid/x.png\" alt=\"\"></body></html>",
    )
    .expect("write control page");
    let (_, requests) = dump(&control, "control");
    assert!(
        requests.iter().any(|u| u.contains("claimgraph-probe.invalid")),
        "the net log check missed the control page's request: {requests:?}"
    );

    // The Lachin report.
    let lachin = render("lachin-corridor", "lachin-report");
    let (dom, requests) = dump(&lachin, "lachin-report");
    assert!(requests.is_empty(), "the Lachin page made network requests: {requests:?}");
    let t = check_dom(&dom, "lachin");
    for id in
        ["divergences", "agreements", "naming", "framing", "single-source", "matrix", "graph", "articles"]
    {
        assert!(t.iter().any(|x| x.attr("id") == Some(id)), "lachin: no section {id}");
    }
    let naming = &dom[dom.find("id=\"naming\"").expect("naming")..];
    let naming = &naming[..naming.find("</section>").expect("naming ends")];
    assert!(
        naming.contains("Lachin Corridor") && naming.contains("Lachin-Khankendi road"),
        "lachin: naming table"
    );
    assert!(dom.contains("Was the Lachin Corridor blocked?"), "lachin: the first divergence");
    assert!(t.iter().filter(|x| x.name == "article" && x.attr("class") == Some("div")).count() >= 5);
    assert!(t.iter().any(|x| x.name == "svg"), "lachin: the claim graph");
    println!("DOM: {}", out_dir().join("lachin-report.dom.html").display());
    screenshot(&lachin, "lachin-report", "1280,1600");
    screenshot(&lachin, "lachin-report-narrow", "420,1400");

    // The hostile fixture: every payload stays text.
    let hostile = render("hostile", "hostile-report");
    let (dom, requests) = dump(&hostile, "hostile-report");
    assert!(requests.is_empty(), "the hostile page made network requests: {requests:?}");
    check_dom(&dom, "hostile");
    assert!(
        dom.contains("&lt;script&gt;document.body.setAttribute('data-pwned','1')&lt;/script&gt;"),
        "hostile: the script payload is not shown as text"
    );
    assert!(dom.contains("&lt;img src=x onerror="), "hostile: the image payload is not shown as text");
    println!("DOM: {}", out_dir().join("hostile-report.dom.html").display());
    screenshot(&hostile, "hostile-report", "1280,1200");

    // It prints.
    let pdf = out_dir().join("lachin-report.pdf");
    let _ = std::fs::remove_file(&pdf);
    run_chromium(
        &lachin,
        "lachin-print",
        &[format!("--print-to-pdf={}", pdf.display()), "--no-pdf-header-footer".into()],
    );
    let bytes = std::fs::read(&pdf).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF") && bytes.len() > 50_000, "the print-out is empty");
    println!("print-out: {}", pdf.display());
    println!("browser test: 3 pages rendered, no network request, no injected script");
}
