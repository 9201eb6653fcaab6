//! The report as one self-contained HTML page, for people.
//!
//! The page holds everything it shows: its CSS, a small script and the
//! claim graph as inline SVG. It loads nothing: no font, no image, no
//! script from anywhere, so it reads the same offline, and it prints. Its
//! Content-Security-Policy forbids any fetch and allows only its own style
//! and script (by their SHA-256 hashes), so even a page edited by hand
//! cannot call out.
//!
//! # What it shows
//!
//! A header with each article's outlet, title, date, author, perspective
//! and other front matter fields; then the divergences, strongest first
//! (the question, the sides side by side with each claim's outlet, speaker
//! and text, cue words and evidence highlighted, the kinds and the
//! reasons); the agreements; the naming table; framing markers per outlet;
//! single-source claims; the outlet × outlet matrix; the claim graph (see
//! [`crate::svg`]); and the articles themselves with every claim
//! highlighted and its speaker shown on hover. Each quoted claim links to
//! its place in its article; clicking a divergence's question highlights
//! all its claims in the articles and scrolls to the first (without
//! script, the link still goes to the first).
//!
//! # Safety
//!
//! Article text and metadata are untrusted. Every piece of them is escaped
//! (`&`, `<`, `>`, `"`, `'`) in text and in attributes, and ids used in
//! `id`/`href` attributes are generated (`c17`, `doc2`), never taken from
//! the input. A front matter `url` is shown as text, not as a live link,
//! so the page has no external address in any `href` or `src`.
//!
//! The output is deterministic: the same input gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use foldhash::{HashMap, HashMapExt as _};

use crate::analysis::Analysis;
use crate::claim::{Claim, FramingKind, SpeakerKind};
use crate::compare::{self, Kind, Relation, RelationType};
use crate::document::Document;
use crate::report::{Divergence, Report};
use crate::span::Span;
use crate::svg;

/// Claims shown per divergence side before the rest is folded away.
const SHOWN_PER_SIDE: usize = 5;
/// Agreements listed (the JSON report has them all).
const MAX_AGREEMENTS: usize = 30;

/// Renders the report of an analysis as one self-contained HTML page.
///
/// Builds the report with [`Analysis::report`]; use [`render_report`] to
/// reuse a report already built.
///
/// ```
/// use claimgraph::{Analyzer, Document};
///
/// let docs = vec![
///     Document::new("a", "Harbor Gazette", "Police said the Tessa Bridge was closed on Monday."),
///     Document::new("b", "Valley <Echo>", "The Tessa Bridge was not closed on Monday, the mayor said."),
/// ];
/// let analysis = Analyzer::new().analyze(docs)?;
/// let html = claimgraph::html::render(&analysis);
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// // The divergence ("Was the Tessa Bridge blocked?") is on the page.
/// let divergence = &analysis.report().divergences[0];
/// assert!(html.contains(&divergence.question));
/// assert!(html.contains("Valley &lt;Echo&gt;") && !html.contains("<Echo>"));
/// assert!(!html.contains("http://") && !html.contains("https://"));
/// # Ok::<(), claimgraph::Error>(())
/// ```
pub fn render(analysis: &Analysis) -> String {
    render_report(analysis, &analysis.report())
}

/// Renders `report`, built from `analysis`, as one self-contained HTML page.
///
/// The analysis gives the article texts; the report gives the findings.
/// Claim ids in the report that the analysis does not know are shown as
/// plain ids.
pub fn render_report(analysis: &Analysis, report: &Report) -> String {
    Page::new(analysis, report).render()
}

/// Escapes text for HTML and XML, in text and in quoted attribute values:
/// `&`, `<`, `>`, `"` and `'`. Control characters other than tab, line feed
/// and carriage return (not allowed in XML) become U+FFFD.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The anchor of the claim at `index` in [`Analysis::claims`].
pub(crate) fn claim_anchor(index: usize) -> String {
    format!("c{index}")
}

/// `s` cut to at most `max` characters, with "…" when cut.
pub(crate) fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

const STYLE: &str = r#"
:root{--fg:#1b1b1b;--muted:#555;--line:#d4d4d4;--soft:#f5f5f2;--agree:#0077BB;--contra:#CC3311;--claim:#e9f1fa;--claim-own:#f1f1ea;--hit:#ffe58a;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
header,main,footer{max-width:76rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.7rem;margin:1.2rem 0 .2rem}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-top:.4rem;border-top:3px solid var(--fg)}
h3{font-size:1.08rem;margin:0 0 .3rem}
h4{font-size:1rem;margin:0 0 .3rem}
a{color:#0b4f8a}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.stats{color:var(--muted);margin:.2rem 0 1rem}
.docs{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.6rem}
.docs li{min-width:0;overflow-wrap:anywhere;border:1px solid var(--line);border-left:8px solid var(--oc);border-radius:4px;padding:.5rem .7rem;font-size:.92rem}
.docs .title{display:block;font-weight:600;margin:.15rem 0}
.docs .line{color:var(--muted)}
.docs dl{margin:.2rem 0 0;display:grid;grid-template-columns:max-content 1fr;gap:0 .5rem;color:var(--muted);font-size:.85rem}
.docs dt{font-weight:600}.docs dd{margin:0;overflow-wrap:anywhere}
.persp{font-style:italic}
.rejected{border-left:4px solid var(--contra);padding:.3rem .7rem;background:var(--soft)}
nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin:1rem 0;padding:.5rem 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line);font-size:.95rem}
nav a{white-space:nowrap}
.chip{display:inline-block;background:var(--oc);color:#000;border:1px solid rgba(0,0,0,.35);border-radius:3px;padding:0 .35rem;font-size:.82rem;font-weight:600;line-height:1.45;white-space:nowrap;max-width:100%;overflow:hidden;text-overflow:ellipsis;vertical-align:baseline;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.badge{display:inline-block;border:1px solid var(--fg);border-radius:999px;padding:0 .45rem;font-size:.78rem;margin-right:.25rem;white-space:nowrap}
.div{border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin:0 0 1rem;background:#fff}
.div h3 a{color:inherit;text-decoration:none}.div h3 a:hover,.div h3 a:focus{text-decoration:underline}
.div .n{color:var(--muted);margin-right:.3rem}
.meta{margin:0 0 .6rem;font-size:.88rem;color:var(--muted)}
.meta code{font-size:.8rem}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:.8rem}
.side{background:var(--soft);border-radius:4px;padding:.6rem .7rem;border-top:4px solid var(--fg)}
.side+.side{border-top-style:dashed}
.side h4 .pos{font-size:1.05rem}
.quotes{list-style:none;margin:.3rem 0 0;padding:0}
.quotes li{margin:.45rem 0;font-size:.93rem;overflow-wrap:anywhere}
.who{font-weight:600}
.qt{color:inherit;text-decoration:none;border-bottom:1px dotted var(--muted)}
.qt:hover,.qt:focus{background:var(--claim)}
mark{background:var(--hit);color:inherit;padding:0 .1em;border-radius:2px}
mark.cue{background:none;font-weight:700;text-decoration:underline;text-decoration-thickness:2px}
mark.fr{background:#f3d1ee}
.why{margin:.6rem 0 0;font-size:.9rem}
details summary{cursor:pointer;color:#0b4f8a;font-size:.9rem}
table{border-collapse:collapse;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
.scroll{overflow-x:auto;max-width:100%}
.naming tr.first td{border-top:2px solid var(--fg)}
.naming .yes{font-weight:700}
.matrix td{text-align:center;min-width:5.5rem;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.matrix th{max-width:11rem}.matrix .chip{white-space:normal}
.matrix .self{background:#eee;color:var(--muted)}
.matrix .none{color:var(--muted)}
.ag{color:#004a75;font-weight:700}.ct{color:#8a1f06;font-weight:700}
.m-a1{background:#deebf7}.m-a2{background:#b3d3ec}.m-a3{background:#84b7de}
.m-c1{background:repeating-linear-gradient(135deg,#fbe3dc 0 5px,#fff 5px 9px)}
.m-c2{background:repeating-linear-gradient(135deg,#f5b8a6 0 5px,#fce9e3 5px 9px)}
.m-c3{background:repeating-linear-gradient(135deg,#ec8d73 0 5px,#f8cfc2 5px 9px)}
.key{font-size:.88rem;color:var(--muted)}
.key span{display:inline-block;width:1.4rem;height:.9rem;vertical-align:middle;border:1px solid var(--line);margin:0 .2rem 0 .6rem}
figure{margin:0}
svg.claim-graph{max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
svg.claim-graph a:hover circle,svg.claim-graph a:hover rect,svg.claim-graph a:focus circle,svg.claim-graph a:focus rect{stroke-width:3}
svg.claim-graph path.agree:hover,svg.claim-graph path.contradict:hover{stroke-width:4;stroke-opacity:1}
figcaption{font-size:.88rem;color:var(--muted)}
.framing td{min-width:8rem}
code.doc{font-size:.78rem;color:var(--muted);font-weight:400}
.article{border:1px solid var(--line);border-left:8px solid var(--oc);border-radius:4px;padding:.7rem 1rem;margin:0 0 1.2rem}
.article .body{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;font-size:1rem;line-height:1.6;margin-top:.5rem}
.claim{background:var(--claim);border-bottom:2px solid #8db3d9;border-radius:2px;cursor:help}
.claim.own{background:var(--claim-own);border-bottom:2px dotted #999}
.claim b.cue{font-weight:700}
.claim:target,.claim.on{background:var(--hit);border-bottom-color:#000;outline:2px solid #000}
footer{margin:2rem auto;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:.6rem}
.o0{--oc:#77AADD}.o1{--oc:#EE8866}.o2{--oc:#EEDD88}.o3{--oc:#FFAABB}.o4{--oc:#44BB99}.o5{--oc:#BBCC33}.o6{--oc:#99DDFF}.o7{--oc:#AAAA00}.o8{--oc:#DDDDDD}
@media (max-width:40rem){body{font-size:15px}header,main,footer{padding:0 .6rem}.div{padding:.6rem}.sides{grid-template-columns:1fr}h1{font-size:1.4rem}}
@media print{nav,.skip{display:none}body{font-size:10.5pt}header,main,footer{max-width:none;padding:0}a{color:inherit;text-decoration:none}.docs li,tr,figure,.quotes li{break-inside:avoid}h2{break-after:avoid}.claim{cursor:auto}svg.claim-graph{border:none}}
"#;

const SCRIPT: &str = r#"
(function(){
var d=document,h=d.documentElement;
h.setAttribute('data-cg-ready','1');
d.addEventListener('securitypolicyviolation',function(e){h.setAttribute('data-cg-blocked',((h.getAttribute('data-cg-blocked')||'')+' '+e.violatedDirective).trim())});
d.addEventListener('click',function(e){
var t=e.target&&e.target.closest?e.target.closest('[data-claims]'):null;
if(!t)return;
var first=null;
d.querySelectorAll('.claim.on').forEach(function(x){x.classList.remove('on')});
t.getAttribute('data-claims').split(' ').forEach(function(id){
d.querySelectorAll('[data-c~="'+id+'"]').forEach(function(x){x.classList.add('on');if(!first)first=x})});
if(first){e.preventDefault();first.scrollIntoView({block:'center'})}
});
window.addEventListener('beforeprint',function(){d.querySelectorAll('details').forEach(function(x){x.open=true})});
})();
"#;

struct Page<'a> {
    analysis: &'a Analysis,
    report: &'a Report,
    /// Claim id → index in `analysis.claims()`.
    claims: HashMap<&'a str, usize>,
    /// Document id → index in `analysis.documents()`.
    docs: HashMap<&'a str, usize>,
    /// Outlet → colour index.
    colours: BTreeMap<&'a str, usize>,
    /// (a, b) → relation.
    relations: HashMap<(&'a str, &'a str), &'a Relation>,
}

impl<'a> Page<'a> {
    fn new(analysis: &'a Analysis, report: &'a Report) -> Page<'a> {
        Page {
            analysis,
            report,
            claims: analysis.claims().iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect(),
            docs: analysis.documents().iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect(),
            colours: svg::outlet_indices(analysis),
            relations: analysis.relations().iter().map(|r| ((r.a.as_str(), r.b.as_str()), r)).collect(),
        }
    }

    fn claim(&self, id: &str) -> Option<(usize, &'a Claim)> {
        let i = *self.claims.get(id)?;
        Some((i, &self.analysis.claims()[i]))
    }

    fn doc_of(&self, c: &Claim) -> Option<&'a Document> {
        self.docs.get(c.doc.as_str()).map(|&i| &self.analysis.documents()[i])
    }

    fn outlet_class(&self, outlet: &str) -> String {
        format!("o{}", self.colours.get(outlet).copied().unwrap_or(0) % svg::OUTLET_COLOURS.len())
    }

    fn chip(&self, outlet: &str) -> String {
        format!("<span class=\"chip {}\">{}</span>", self.outlet_class(outlet), escape(outlet))
    }

    fn chips<'b>(&self, outlets: impl IntoIterator<Item = &'b String>) -> String {
        outlets.into_iter().map(|o| self.chip(o)).collect::<Vec<_>>().join(" ")
    }

    fn render(&self) -> String {
        let mut out = String::with_capacity(256 * 1024);
        let outlets: BTreeSet<&str> = self.report.documents.iter().map(|d| d.outlet.as_str()).collect();
        let title = format!(
            "claimgraph report: {}",
            truncate_chars(&outlets.iter().copied().collect::<Vec<_>>().join(", "), 160)
        );
        let csp = format!(
            "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; img-src 'none'; base-uri 'none'; form-action 'none'",
            base64(&sha256(STYLE.as_bytes())),
            base64(&sha256(SCRIPT.as_bytes()))
        );
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>{}</title>\n<style>{STYLE}</style>\n<script>{SCRIPT}</script>\n</head>\n<body>\n<a class=\"skip\" href=\"#divergences\">Skip to the divergences</a>\n",
            escape(&title)
        );
        self.header(&mut out);
        out.push_str("<main>\n");
        self.divergences(&mut out);
        self.agreements(&mut out);
        self.naming(&mut out);
        self.framing(&mut out);
        self.single_source(&mut out);
        self.matrix(&mut out);
        self.graph(&mut out);
        self.undecided(&mut out);
        self.articles(&mut out);
        out.push_str("</main>\n<footer>Made by claimgraph. Claims are extracted and compared automatically: read the articles before you trust a finding. This page is self-contained: it loads nothing from anywhere.</footer>\n");
        out.push_str("</body>\n</html>\n");
        out
    }

    fn header(&self, out: &mut String) {
        let r = self.report;
        let contradicting = r.relations.iter().filter(|x| x.relation == RelationType::Contradict).count();
        let outlets: BTreeSet<&str> = r.documents.iter().map(|d| d.outlet.as_str()).collect();
        let _ = write!(
            out,
            "<header>\n<h1>claimgraph report</h1>\n<p class=\"stats\">{} articles from {} outlets · {} claims · {} links ({} contradicting, {} agreeing) · {} divergences · {} agreements</p>\n<ul class=\"docs\">\n",
            r.documents.len(),
            outlets.len(),
            r.inputs.claims,
            r.relations.len(),
            contradicting,
            r.relations.len() - contradicting,
            r.divergences.len(),
            r.agreements.len()
        );
        for d in &r.documents {
            let anchor = self.docs.get(d.id.as_str()).map(|i| format!("doc{i}"));
            let title = d.title.as_deref().unwrap_or("(no title)");
            let _ =
                write!(out, "<li class=\"{}\"><b>{}</b>", self.outlet_class(&d.outlet), escape(&d.outlet));
            match anchor {
                Some(a) => {
                    let _ = write!(out, "<a class=\"title\" href=\"#{a}\">{}</a>", escape(title));
                }
                None => {
                    let _ = write!(out, "<span class=\"title\">{}</span>", escape(title));
                }
            }
            let _ = write!(
                out,
                "<div class=\"line\">{} · {} · {}</div>",
                escape(d.published.as_deref().unwrap_or("no date")),
                match &d.author {
                    Some(a) => format!("by {}", escape(a)),
                    None => "no author".to_string(),
                },
                count(d.claims, "claim")
            );
            if let Some(p) = d.extra.get("perspective") {
                let _ = write!(out, "<div class=\"persp\">{}</div>", escape(p));
            }
            let extra: Vec<(&str, &str)> = d
                .extra
                .iter()
                .filter(|&(k, _)| k != "perspective")
                // Shown as text, never as a live link: the page has no external address.
                .chain(d.url.as_deref().map(|u| ("url", u)))
                .collect();
            if extra.is_empty() {
                out.push_str("</li>\n");
                continue;
            }
            let _ = write!(out, "<details><summary>{}</summary><dl>", count(extra.len(), "more field"));
            for (k, v) in extra {
                let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
            }
            let _ = writeln!(out, "</dl></details></li>");
        }
        out.push_str("</ul>\n");
        if !r.inputs.rejected.is_empty() {
            out.push_str("<div class=\"rejected\"><b>Rejected inputs</b> (not analysed):<ul>");
            for x in &r.inputs.rejected {
                let _ = write!(out, "<li><code>{}</code>: {}</li>", escape(&x.origin), escape(&x.reason));
            }
            out.push_str("</ul></div>\n");
        }
        let _ = writeln!(
            out,
            "<nav aria-label=\"Sections\"><a href=\"#divergences\">Divergences ({})</a><a href=\"#agreements\">Agreements ({})</a><a href=\"#naming\">Naming</a><a href=\"#framing\">Framing</a><a href=\"#single-source\">Single-source claims</a><a href=\"#matrix\">Outlet matrix</a><a href=\"#graph\">Claim graph</a><a href=\"#articles\">Articles</a></nav>\n</header>",
            r.divergences.len(),
            r.agreements.len()
        );
    }

    /// The highlights of a claim in a divergence: its evidence in the
    /// divergence's relations, framing markers for framing, the names in
    /// dispute for naming.
    fn divergence_marks(&self, d: &Divergence) -> HashMap<&'a str, Vec<(Span, &'static str)>> {
        let mut marks: HashMap<&'a str, Vec<(Span, &'static str)>> = HashMap::new();
        for [a, b] in &d.relations {
            if let Some(r) = self.relations.get(&(a.as_str(), b.as_str())) {
                for e in &r.evidence.a {
                    marks.entry(r.a.as_str()).or_default().push((e.span, "ev"));
                }
                for e in &r.evidence.b {
                    marks.entry(r.b.as_str()).or_default().push((e.span, "ev"));
                }
            }
        }
        let framing = d.kinds.contains(&Kind::Framing);
        let naming = d.kinds.contains(&Kind::Naming);
        // The term in dispute: `framing:closure:blocked` → `closure:blocked`.
        let term = d.topic.split_once(':').map_or("", |x| x.1).to_lowercase();
        let relevant = |m: &crate::claim::FramingMarker| {
            term.is_empty()
                || m.keys.iter().any(|k| k.to_lowercase() == term)
                || m.cue.text.to_lowercase().contains(&term)
                || m.target.as_ref().is_some_and(|t| t.text.to_lowercase().contains(&term))
        };
        if framing || naming {
            for s in &d.sides {
                for id in &s.claims {
                    let Some((_, c)) = self.claim(id) else { continue };
                    let entry = marks.entry(c.id.as_str()).or_default();
                    if framing {
                        entry.extend(c.framing.iter().filter(|m| relevant(m)).map(|m| (m.cue.span, "fr")));
                    }
                    if naming {
                        let label = s.label.to_lowercase();
                        entry.extend(
                            c.entities
                                .iter()
                                .filter(|e| e.text.to_lowercase() == label)
                                .map(|e| (e.span, "ev")),
                        );
                    }
                }
            }
        }
        marks
    }

    /// One claim as a list item: outlet, speaker and cue, the text with its
    /// highlights, linking to its place in the article.
    fn quote(&self, id: &str, marks: &[(Span, &'static str)], chip: bool) -> String {
        let Some((i, c)) = self.claim(id) else {
            return format!("<li><code>{}</code></li>", escape(id));
        };
        let who = match c.speaker.kind {
            SpeakerKind::Outlet => "own voice".to_string(),
            _ => escape(&c.speaker.name),
        };
        let cue = c.cue.as_ref().map(|q| format!(", <i>{}</i>", escape(&q.text))).unwrap_or_default();
        let mut all: Vec<(Span, &'static str)> = marks.to_vec();
        if let Some(q) = &c.cue {
            all.push((q.span, "cue"));
        }
        all.extend(c.stance_cues.iter().map(|m| (m.span, "cue")));
        let text = match self.doc_of(c) {
            Some(doc) => highlight(&doc.text, c.span, &all).unwrap_or_else(|| escape(&c.text)),
            None => escape(&c.text),
        };
        format!(
            "<li>{}<span class=\"who\">{who}</span>{cue}: <a class=\"qt\" href=\"#{}\" title=\"Show in the article ({})\">“{}”</a></li>",
            if chip { self.chip(&c.outlet) + " " } else { String::new() },
            claim_anchor(i),
            escape(&c.id),
            text.trim()
        )
    }

    fn quotes(
        &self,
        ids: &[String],
        marks: &HashMap<&str, Vec<(Span, &'static str)>>,
        shown: usize,
        chip: bool,
    ) -> String {
        let mut out = String::from("<ul class=\"quotes\">");
        for id in ids.iter().take(shown) {
            out.push_str(&self.quote(id, marks.get(id.as_str()).map_or(&[][..], Vec::as_slice), chip));
        }
        out.push_str("</ul>");
        if ids.len() > shown {
            let _ =
                write!(out, "<details><summary>{} more</summary><ul class=\"quotes\">", ids.len() - shown);
            for id in &ids[shown..] {
                out.push_str(&self.quote(id, marks.get(id.as_str()).map_or(&[][..], Vec::as_slice), chip));
            }
            out.push_str("</ul></details>");
        }
        out
    }

    /// The anchors of claims, for `data-claims`.
    fn anchors<'b>(&self, ids: impl IntoIterator<Item = &'b String>) -> Vec<String> {
        let mut idx: Vec<usize> =
            ids.into_iter().filter_map(|id| self.claims.get(id.as_str()).copied()).collect();
        idx.sort_unstable();
        idx.dedup();
        idx.into_iter().map(claim_anchor).collect()
    }

    fn divergences(&self, out: &mut String) {
        let ds = &self.report.divergences;
        let _ = writeln!(
            out,
            "<section id=\"divergences\" aria-labelledby=\"h-divergences\">\n<h2 id=\"h-divergences\">Divergences</h2>"
        );
        if ds.is_empty() {
            out.push_str("<p>None found.</p>\n");
        }
        for (n, d) in ds.iter().enumerate() {
            let anchors = self.anchors(d.sides.iter().flat_map(|s| s.claims.iter()));
            let question = escape(&d.question);
            let _ = write!(
                out,
                "<article class=\"div\" id=\"d{}\">\n<h3><span class=\"n\">{}.</span>",
                n + 1,
                n + 1
            );
            match anchors.first() {
                Some(first) => {
                    let _ = write!(
                        out,
                        "<a href=\"#{first}\" data-claims=\"{}\" title=\"Show these claims in the articles\">{question}</a>",
                        anchors.join(" ")
                    );
                }
                None => out.push_str(&question),
            }
            out.push_str("</h3>\n<p class=\"meta\">");
            for k in &d.kinds {
                let _ = write!(out, "<span class=\"badge\">{}</span>", k.as_str());
            }
            let _ = writeln!(out, " <code>{}</code></p>", escape(&d.id));
            let marks = self.divergence_marks(d);
            out.push_str("<div class=\"sides\">");
            for s in &d.sides {
                let _ = write!(
                    out,
                    "\n<div class=\"side\"><h4><span class=\"pos\">{}</span></h4><div>{}</div>{}</div>",
                    escape(&s.label),
                    self.chips(&s.outlets),
                    self.quotes(&s.claims, &marks, SHOWN_PER_SIDE, true)
                );
            }
            out.push_str("\n</div>\n");
            match d.reasons.split_first() {
                Some((first, rest)) if !d.relations.is_empty() => {
                    let _ = write!(out, "<p class=\"why\"><b>Why:</b> {}</p>", escape(first));
                    if !rest.is_empty() {
                        let _ = write!(
                            out,
                            "<details><summary>{}</summary><ul>",
                            count(rest.len(), "more reason")
                        );
                        for r in rest {
                            let _ = write!(out, "<li>{}</li>", escape(r));
                        }
                        out.push_str("</ul></details>");
                    }
                }
                _ => {
                    let _ = write!(out, "<p class=\"why\"><b>Why:</b> {}</p>", escape(&d.summary));
                }
            }
            out.push_str("\n</article>\n");
        }
        out.push_str("</section>\n");
    }

    fn agreements(&self, out: &mut String) {
        let a = &self.report.agreements;
        out.push_str("<section id=\"agreements\" aria-labelledby=\"h-agreements\">\n<h2 id=\"h-agreements\">Agreements</h2>\n");
        if a.is_empty() {
            out.push_str("<p>None found.</p>\n");
        }
        let none = HashMap::new();
        for g in a.iter().take(MAX_AGREEMENTS) {
            let _ = writeln!(
                out,
                "<div class=\"div\"><h3>{}</h3><p class=\"meta\"><span class=\"badge\">{}</span> <code>{}</code></p>{}</div>",
                escape(&g.summary),
                g.kind.as_str(),
                escape(&g.id),
                self.quotes(&g.claims, &none, 4, true)
            );
        }
        if a.len() > MAX_AGREEMENTS {
            let _ = writeln!(out, "<p>… and {} more (see the JSON report).</p>", a.len() - MAX_AGREEMENTS);
        }
        out.push_str("</section>\n");
    }

    fn naming(&self, out: &mut String) {
        let r = self.report;
        out.push_str(
            "<section id=\"naming\" aria-labelledby=\"h-naming\">\n<h2 id=\"h-naming\">Naming</h2>\n",
        );
        if r.naming.is_empty() {
            out.push_str("<p>No referent is named in more than one way.</p>\n</section>\n");
            return;
        }
        out.push_str("<p class=\"key\">Who calls each thing what. “Differs” marks referents whose names differ between outlets beyond short forms.</p>\n");
        out.push_str("<div class=\"scroll\"><table class=\"naming\"><thead><tr><th scope=\"col\">referent</th><th scope=\"col\">name</th><th scope=\"col\">used by</th><th scope=\"col\">mentions</th><th scope=\"col\">differs</th></tr></thead><tbody>\n");
        let outlet_of: HashMap<&str, &str> =
            r.documents.iter().map(|d| (d.id.as_str(), d.outlet.as_str())).collect();
        for n in &r.naming {
            for (i, name) in n.names.iter().enumerate() {
                let outlets: BTreeSet<String> = name
                    .docs
                    .iter()
                    .filter_map(|d| outlet_of.get(d.as_str()))
                    .map(|o| o.to_string())
                    .collect();
                let _ = writeln!(
                    out,
                    "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{}>{}</td></tr>",
                    if i == 0 { " class=\"first\"" } else { "" },
                    if i == 0 { format!("<b>{}</b>", escape(&n.name)) } else { String::new() },
                    escape(&name.name),
                    self.chips(&outlets),
                    name.mentions,
                    if i == 0 && n.divergent { " class=\"yes\"" } else { "" },
                    if i == 0 && n.divergent { "differs" } else { "" }
                );
            }
        }
        out.push_str("</tbody></table></div>\n</section>\n");
    }

    fn framing(&self, out: &mut String) {
        out.push_str("<section id=\"framing\" aria-labelledby=\"h-framing\">\n<h2 id=\"h-framing\">Framing markers</h2>\n");
        let rows: Vec<_> = self.report.framing.iter().filter(|f| !f.markers.is_empty()).collect();
        if rows.is_empty() {
            out.push_str("<p>None found.</p>\n</section>\n");
            return;
        }
        out.push_str("<p class=\"key\">Words by which an article keeps its distance from a term (scare quotes, “so-called”, “claiming to be”), vouches for it, or labels with a loaded word. Each marker links to its claim.</p>\n");
        const KINDS: [(FramingKind, &str); 4] = [
            (FramingKind::ScareQuotes, "scare quotes"),
            (FramingKind::Distancing, "distancing"),
            (FramingKind::Endorsing, "endorsing"),
            (FramingKind::Loaded, "loaded labels"),
        ];
        out.push_str(
            "<div class=\"scroll\"><table class=\"framing\"><thead><tr><th scope=\"col\">article</th>",
        );
        for (_, label) in KINDS {
            let _ = write!(out, "<th scope=\"col\">{label}</th>");
        }
        out.push_str("</tr></thead><tbody>\n");
        for f in rows {
            let _ = write!(
                out,
                "<tr><th scope=\"row\">{} <code class=\"doc\">{}</code></th>",
                self.chip(&f.outlet),
                escape(&f.doc)
            );
            for (kind, _) in KINDS {
                let items: Vec<String> = f
                    .markers
                    .iter()
                    .filter(|m| m.kind == kind)
                    .map(|m| {
                        let text = escape(&m.text);
                        let target = match &m.target {
                            Some(t) if !m.text.contains(t.as_str()) => format!(" ({})", escape(t)),
                            _ => String::new(),
                        };
                        match self.claims.get(m.claim.as_str()) {
                            Some(&i) => format!("<a href=\"#{}\">{text}</a>{target}", claim_anchor(i)),
                            None => format!("{text}{target}"),
                        }
                    })
                    .collect();
                let _ = write!(
                    out,
                    "<td>{}</td>",
                    if items.is_empty() { "–".to_string() } else { items.join(", ") }
                );
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n</section>\n");
    }

    fn single_source(&self, out: &mut String) {
        out.push_str("<section id=\"single-source\" aria-labelledby=\"h-single\">\n<h2 id=\"h-single\">Single-source claims</h2>\n");
        out.push_str("<p class=\"key\">Checkable claims (a figure, a date, a state or a name) that no other outlet supports.</p>\n");
        let none = HashMap::new();
        let mut any = false;
        for s in self.report.single_source.iter().filter(|s| !s.claims.is_empty()) {
            any = true;
            let mut ranked: Vec<&Claim> =
                s.claims.iter().filter_map(|id| self.claim(id).map(|x| x.1)).collect();
            ranked.sort_by_key(|c| {
                (std::cmp::Reverse(c.quantities.len() + c.dates.len()), compare::id_order(&c.id))
            });
            let ids: Vec<String> = ranked.iter().map(|c| c.id.clone()).collect();
            let _ = writeln!(
                out,
                "<h3>{} {} <code class=\"doc\">{}</code></h3><div class=\"single\">{}</div>",
                self.chip(&s.outlet),
                count(s.claims.len(), "claim"),
                escape(&s.doc),
                self.quotes(&ids, &none, 3, false)
            );
        }
        if !any {
            out.push_str("<p>None found.</p>\n");
        }
        out.push_str("</section>\n");
    }

    fn matrix(&self, out: &mut String) {
        let r = self.report;
        out.push_str("<section id=\"matrix\" aria-labelledby=\"h-matrix\">\n<h2 id=\"h-matrix\">Outlet × outlet</h2>\n");
        let outlets: Vec<&str> =
            r.documents.iter().map(|d| d.outlet.as_str()).collect::<BTreeSet<_>>().into_iter().collect();
        let cells: HashMap<(&str, &str), (usize, usize)> = r
            .outlet_matrix
            .iter()
            .flat_map(|c| {
                [
                    ((c.a.as_str(), c.b.as_str()), (c.agree, c.contradict)),
                    ((c.b.as_str(), c.a.as_str()), (c.agree, c.contradict)),
                ]
            })
            .collect();
        out.push_str("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><td></td>");
        for o in &outlets {
            let _ = write!(out, "<th scope=\"col\">{}</th>", self.chip(o));
        }
        out.push_str("</tr></thead><tbody>\n");
        for a in &outlets {
            let _ = write!(out, "<tr><th scope=\"row\">{}</th>", self.chip(a));
            for b in &outlets {
                if a == b {
                    out.push_str("<td class=\"self\">–</td>");
                    continue;
                }
                let (agree, contra) = cells.get(&(*a, *b)).copied().unwrap_or((0, 0));
                let total = agree + contra;
                let level = match total {
                    0 => 0,
                    1..=2 => 1,
                    3..=9 => 2,
                    _ => 3,
                };
                let class = if total == 0 {
                    "none".to_string()
                } else if contra >= agree {
                    format!("m-c{level}")
                } else {
                    format!("m-a{level}")
                };
                let _ = write!(
                    out,
                    "<td class=\"{class}\" title=\"{}\"><span class=\"ag\">✓&#8239;{agree}</span><span class=\"vh\"> agreeing,</span> <span class=\"ct\">✗&#8239;{contra}</span><span class=\"vh\"> contradicting</span></td>",
                    escape(&format!("{a} and {b}: {agree} agreeing, {contra} contradicting links"))
                );
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n<p class=\"key\">✓ agreeing links, ✗ contradicting links between two outlets’ claims.<span class=\"m-a2\"></span>more agreeing (solid blue)<span class=\"m-c2\"></span>as many or more contradicting (striped red); darker: more links.</p>\n</section>\n");
    }

    fn graph(&self, out: &mut String) {
        let linked: BTreeSet<&str> =
            self.analysis.relations().iter().flat_map(|r| [r.a.as_str(), r.b.as_str()]).collect();
        let _ = write!(
            out,
            "<section id=\"graph\" aria-labelledby=\"h-graph\">\n<h2 id=\"h-graph\">Claim graph</h2>\n<figure>\n{}<figcaption>The {} linked claims of {}, grouped by outlet around the circle in document order (the number is the claim’s number in its article). Solid blue: agree; dashed red: contradict. Circles are the outlet’s own voice, squares are attributed to a speaker. Hover for the text; click a claim to find it in its article. Also available with <code>--format svg</code>.</figcaption>\n</figure>\n</section>\n",
            svg::render_inline(self.analysis),
            linked.len(),
            self.analysis.claims().len()
        );
    }

    fn undecided(&self, out: &mut String) {
        let u = &self.report.undecided;
        if u.is_empty() {
            return;
        }
        let _ = write!(
            out,
            "<section id=\"undecided\" aria-labelledby=\"h-undecided\">\n<h2 id=\"h-undecided\">Left undecided</h2>\n<p>{} candidate pairs were compared and left undecided, e.g.:</p><ul>",
            u.len()
        );
        for x in u.iter().take(5) {
            if x.a.is_empty() {
                let _ = write!(out, "<li>{}</li>", escape(&x.reason));
            } else {
                let _ = write!(
                    out,
                    "<li><code>{}</code> / <code>{}</code>: {}</li>",
                    escape(&x.a),
                    escape(&x.b),
                    escape(&x.reason)
                );
            }
        }
        out.push_str("</ul>\n</section>\n");
    }

    fn articles(&self, out: &mut String) {
        out.push_str("<section id=\"articles\" aria-labelledby=\"h-articles\">\n<h2 id=\"h-articles\">Articles</h2>\n<p class=\"key\">Every extracted claim is highlighted: blue underline, attributed to a speaker; dotted grey, the outlet’s own voice. Hover a claim for its speaker; reporting cues are in bold.</p>\n");
        let mut by_doc: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, c) in self.analysis.claims().iter().enumerate() {
            by_doc.entry(c.doc.as_str()).or_default().push(i);
        }
        for (i, d) in self.analysis.documents().iter().enumerate() {
            let claims = by_doc.get(d.id.as_str()).map_or(&[][..], Vec::as_slice);
            let mut meta: Vec<String> = Vec::new();
            if let Some(p) = d.meta.published {
                meta.push(p.to_string());
            }
            if let Some(a) = &d.meta.author {
                meta.push(format!("by {}", escape(a)));
            }
            meta.push(count(claims.len(), "claim"));
            meta.push(format!("<code>{}</code>", escape(&d.id)));
            let _ = writeln!(
                out,
                "<article class=\"article {}\" id=\"doc{i}\"><h3>{} {}</h3><p class=\"meta\">{}</p><div class=\"body\">{}</div></article>",
                self.outlet_class(&d.meta.outlet),
                self.chip(&d.meta.outlet),
                escape(d.meta.title.as_deref().unwrap_or("")),
                meta.join(" · "),
                self.article_body(d, claims)
            );
        }
        out.push_str("</section>\n");
    }

    /// The text of a document with its claims as highlighted spans and
    /// reporting cues in bold. Overlapping claims are cut into pieces, each
    /// piece tagged with all the claims it belongs to.
    fn article_body(&self, doc: &Document, claim_ids: &[usize]) -> String {
        let text = doc.text.as_str();
        let all = self.analysis.claims();
        let valid = |s: Span| {
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let mut bounds: BTreeSet<usize> = BTreeSet::from([0, text.len()]);
        let mut starts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut ends: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut cue_delta: BTreeMap<usize, i64> = BTreeMap::new();
        for &i in claim_ids {
            let c = &all[i];
            if !valid(c.span) {
                continue;
            }
            bounds.extend([c.span.start, c.span.end]);
            starts.entry(c.span.start).or_default().push(i);
            ends.entry(c.span.end).or_default().push(i);
            let cues = c.cue.iter().map(|q| q.span).chain(c.stance_cues.iter().map(|m| m.span));
            for s in cues.filter(|&s| valid(s)) {
                bounds.extend([s.start, s.end]);
                *cue_delta.entry(s.start).or_default() += 1;
                *cue_delta.entry(s.end).or_default() -= 1;
            }
        }
        let bounds: Vec<usize> = bounds.into_iter().collect();
        let mut out = String::with_capacity(text.len() * 2);
        let mut active: BTreeSet<usize> = BTreeSet::new();
        let mut open: Vec<usize> = Vec::new();
        let mut cues: i64 = 0;
        for w in bounds.windows(2) {
            let (s, e) = (w[0], w[1]);
            for i in ends.get(&s).into_iter().flatten() {
                active.remove(i);
            }
            for &i in starts.get(&s).into_iter().flatten() {
                active.insert(i);
            }
            cues += cue_delta.get(&s).copied().unwrap_or(0);
            let now: Vec<usize> = active.iter().copied().collect();
            if now != open {
                if !open.is_empty() {
                    out.push_str("</span>");
                }
                if !now.is_empty() {
                    out.push_str(&self.claim_open(s, &now));
                }
                open = now;
            }
            let piece = escape(&text[s..e]);
            if cues > 0 {
                let _ = write!(out, "<b class=\"cue\">{piece}</b>");
            } else {
                out.push_str(&piece);
            }
        }
        if !open.is_empty() {
            out.push_str("</span>");
        }
        out
    }

    /// The opening tag of a piece of claim text covered by the claims `now`
    /// (indices, sorted), starting at byte `at`.
    fn claim_open(&self, at: usize, now: &[usize]) -> String {
        let all = self.analysis.claims();
        let starting: Vec<usize> = now.iter().copied().filter(|&i| all[i].span.start == at).collect();
        let mut out = String::new();
        // Extra anchors for claims that start here beyond the first.
        for &i in starting.iter().skip(1) {
            let _ = write!(out, "<span id=\"{}\"></span>", claim_anchor(i));
        }
        let id = starting.first().map(|&i| format!(" id=\"{}\"", claim_anchor(i))).unwrap_or_default();
        // The innermost claim decides the style.
        let inner =
            now.iter().copied().max_by_key(|&i| (all[i].span.start, std::cmp::Reverse(all[i].span.end)));
        let own = inner.is_some_and(|i| all[i].speaker.kind == SpeakerKind::Outlet);
        let title: Vec<String> = now.iter().map(|&i| claim_title(&all[i])).collect();
        let data: Vec<String> = now.iter().map(|&i| claim_anchor(i)).collect();
        let _ = write!(
            out,
            "<span class=\"claim{}\"{id} data-c=\"{}\" title=\"{}\">",
            if own { " own" } else { "" },
            data.join(" "),
            escape(&title.join(" | "))
        );
        out
    }
}

/// "1 claim", "2 claims".
fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// The hover text of a claim in its article: its speaker and cue.
fn claim_title(c: &Claim) -> String {
    let who = match c.speaker.kind {
        SpeakerKind::Outlet => format!("{} (own voice)", c.outlet),
        kind => {
            let kind = match kind {
                SpeakerKind::Person => "person",
                SpeakerKind::Organization => "organization",
                SpeakerKind::Media => "media",
                SpeakerKind::Unnamed => "unnamed source",
                SpeakerKind::Outlet => "outlet",
            };
            format!("{} ({kind})", c.speaker.name)
        }
    };
    let cue = c.cue.as_ref().map(|q| format!(", “{}”", q.text)).unwrap_or_default();
    format!("Speaker: {who}{cue} · {}", c.id)
}

/// The text of `span` in `doc` with `marks` (clipped to it, the first of
/// overlapping ones kept) as `<mark>` elements. `None` if the span does not
/// slice the text.
fn highlight(doc: &str, span: Span, marks: &[(Span, &'static str)]) -> Option<String> {
    doc.get(span.range())?;
    let mut ms: Vec<(usize, usize, &str)> = marks
        .iter()
        .filter_map(|(s, class)| {
            let (a, b) = (s.start.max(span.start), s.end.min(span.end));
            (a < b && doc.is_char_boundary(a) && doc.is_char_boundary(b)).then_some((a, b, *class))
        })
        .collect();
    ms.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1), m.2));
    let mut out = String::new();
    let mut pos = span.start;
    for (a, b, class) in ms {
        if a < pos {
            continue;
        }
        let _ = write!(out, "{}<mark class=\"{class}\">{}</mark>", escape(&doc[pos..a]), escape(&doc[a..b]));
        pos = b;
    }
    out.push_str(&escape(&doc[pos..span.end]));
    Some(out)
}

/// SHA-256 (FIPS 180-4), for the Content-Security-Policy hashes.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_be_bytes());
    for chunk in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (slot, word) in w.iter_mut().zip(chunk.chunks_exact(4)) {
            *slot = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for (k, wi) in K.iter().zip(w.iter()) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(*k).wrapping_add(*wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (o, x) in out.chunks_exact_mut(4).zip(h) {
        o.copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Document};

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_and_base64_match_known_vectors() {
        assert_eq!(hex(&sha256(b"")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(hex(&sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(
            hex(&sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn escapes_everything_that_matters() {
        assert_eq!(
            escape("<a href=\"x\" b='y'>&</a>"),
            "&lt;a href=&quot;x&quot; b=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{7}c\nd"), "a\u{FFFD}b\u{FFFD}c\nd");
    }

    #[test]
    fn highlight_clips_and_skips_overlaps() {
        let doc = "Police said the bridge was closed.";
        let span = Span::new(0, doc.len());
        let marks = [(Span::new(7, 11), "cue"), (Span::new(9, 15), "ev"), (Span::new(27, 40), "ev")];
        assert_eq!(
            highlight(doc, span, &marks).as_deref(),
            Some("Police <mark class=\"cue\">said</mark> the bridge was <mark class=\"ev\">closed.</mark>")
        );
        assert_eq!(highlight(doc, Span::new(0, 99), &marks), None);
    }

    #[test]
    fn hostile_ids_never_reach_attributes() {
        let id = "x\"><script>alert(1)</script>";
        let docs = vec![
            Document::new(id, "Harbor Gazette", "Police said the Tessa Bridge was closed on Monday."),
            Document::new("b'", "Valley Echo", "The Tessa Bridge was not closed on Monday, the mayor said."),
        ];
        let analysis = Analyzer::new().analyze(docs).expect("analysis");
        let html = render(&analysis);
        assert_eq!(html.matches("<script").count(), 1);
        assert!(html.contains("x&quot;&gt;&lt;script&gt;"));
        assert!(!html.contains("b'"));
    }

    #[test]
    fn overlapping_and_broken_claim_spans_render() {
        let text = "Police said the bridge was closed. The mayor said it was open.";
        let mut a = Analyzer::new().analyze(vec![Document::new("a", "Gazette", text)]).expect("analysis");
        assert!(a.claims.len() >= 2, "{:?}", a.claims.iter().map(|c| &c.text).collect::<Vec<_>>());
        // The second claim now starts inside the first.
        a.claims[1].span.start = a.claims[0].span.start + 7;
        let html = render(&a);
        assert!(html.contains("data-c=\"c0 c1\""), "a piece of both claims");
        assert_eq!(html.matches(" id=\"c1\"").count(), 1);
        assert_eq!(html.matches("<span class=\"claim").count(), html.matches("data-c=").count());
        // Spans that do not slice the text are left out, without a panic.
        a.claims[0].span = Span::new(5, 100_000);
        a.claims[1].span = Span::new(1, 0);
        let html = render(&a);
        assert!(!html.contains(" id=\"c0\"") && html.contains("The mayor said"));
    }

    #[test]
    fn the_content_security_policy_matches_the_page() {
        let analysis = Analyzer::new()
            .analyze(vec![Document::new("a", "Solo", "The bridge was closed.")])
            .expect("analysis");
        let html = render(&analysis);
        let style = base64(&sha256(STYLE.as_bytes()));
        let script = base64(&sha256(SCRIPT.as_bytes()));
        assert!(html.contains(&format!("style-src 'sha256-{style}'; script-src 'sha256-{script}'")));
        assert!(html.contains(&format!("<style>{STYLE}</style>")));
        assert!(html.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(!STYLE.contains('<') && !SCRIPT.contains('<'));
    }
}
