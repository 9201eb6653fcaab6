//! The claim graph as an SVG picture, laid out in pure Rust (no Graphviz).
//!
//! # Layout
//!
//! Linked claims are placed on a circle, grouped by outlet: each outlet
//! holds one arc, outlets in alphabetical order clockwise from the top, and
//! claims in document order within their outlet. A relation is a curve
//! between its two claims, bent towards the centre, so links between
//! outlets cross the middle of the picture and never run over other
//! claims. The layout is computed, not searched: the same analysis always
//! gives the same picture, byte for byte, and its cost is linear in the
//! number of claims and relations.
//!
//! # Encoding
//!
//! * Claims are filled with their outlet's colour (Paul Tol's "light"
//!   scheme, readable by colour-blind people) and the outlet's name is
//!   written on its arc and in the legend, so colour is never the only cue.
//! * A claim in the outlet's own voice is a circle; a claim attributed to a
//!   speaker is a square.
//! * Agreements are solid blue lines, contradictions dashed vermilion
//!   ones: they differ in pattern as well as in colour.
//! * Each claim is labelled with its number in its document (the `n` of its
//!   id `doc:n`), its speaker and its first words; hovering shows the
//!   outlet, the speaker and the whole claim, and hovering a link shows its
//!   kind and reason.
//!
//! Only claims that have a relation are drawn. Past [`MAX_NODES`] linked
//! claims, the most contradicted ones are kept, and past [`MAX_EDGES`]
//! links, the contradictions; the picture says what was left out.

use std::collections::BTreeMap;
use std::f64::consts::PI;
use std::fmt::Write as _;

use foldhash::HashMap;

use crate::analysis::Analysis;
use crate::claim::{Claim, SpeakerKind};
use crate::compare::{Relation, RelationType};
use crate::html::{claim_anchor, escape, truncate_chars};

/// At most this many claims are drawn: the most contradicted linked claims
/// are kept (then the most linked, then the first in document order).
pub const MAX_NODES: usize = 150;

/// At most this many links are drawn: contradictions first, then
/// agreements, in claim order.
pub const MAX_EDGES: usize = 2000;

/// Fill colours of outlets, by outlet index (Paul Tol's "light" scheme,
/// distinct for colour-blind readers and legible under black text).
pub(crate) const OUTLET_COLOURS: [&str; 9] =
    ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#44BB99", "#BBCC33", "#99DDFF", "#AAAA00", "#DDDDDD"];

/// Colour of agreeing links (drawn solid).
pub(crate) const AGREE_COLOUR: &str = "#0077BB";
/// Colour of contradicting links (drawn dashed).
pub(crate) const CONTRADICT_COLOUR: &str = "#CC3311";
/// The dash pattern of contradicting links.
const DASH: &str = "6 3";

/// Space between two claims on the circle, in pixels.
const SLOT: f64 = 15.0;
/// Room for the claim labels outside the circle.
const LABEL_ROOM: f64 = 200.0;
/// Characters of a claim label.
const LABEL_CHARS: usize = 30;
/// Smallest radius of the circle.
const MIN_RADIUS: f64 = 210.0;

/// Renders the claim graph of an analysis as a standalone SVG document.
///
/// The result is a complete `<svg>` element with its legend, ready to be
/// saved as an `.svg` file; it refers to nothing outside itself. Every piece
/// of article text in it is escaped.
///
/// ```
/// use claimgraph::{Analyzer, Document};
///
/// let docs = vec![
///     Document::new("a", "Harbor Gazette", "Police said the Tessa Bridge was closed on Monday."),
///     Document::new("b", "Valley Echo", "The Tessa Bridge was not closed on Monday, the mayor said."),
/// ];
/// let analysis = Analyzer::new().analyze(docs)?;
/// let svg = claimgraph::svg::render(&analysis);
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
/// assert!(svg.contains("Harbor Gazette") && svg.contains("Valley Echo"));
/// assert!(svg.contains("stroke-dasharray")); // the contradiction
/// assert!(svg.trim_end().ends_with("</svg>"));
/// # Ok::<(), claimgraph::Error>(())
/// ```
pub fn render(analysis: &Analysis) -> String {
    draw(analysis, false)
}

/// The SVG for the HTML report: no XML namespace declaration (inline SVG
/// needs none) and every claim a link to its place in the articles.
pub(crate) fn render_inline(analysis: &Analysis) -> String {
    draw(analysis, true)
}

/// Outlet colour index by outlet name: outlets in alphabetical order.
pub(crate) fn outlet_indices(analysis: &Analysis) -> BTreeMap<&str, usize> {
    let mut names: Vec<&str> = analysis.documents().iter().map(|d| d.meta.outlet.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names.into_iter().enumerate().map(|(i, n)| (n, i)).collect()
}

/// The fill colour of outlet number `i`.
pub(crate) fn outlet_colour(i: usize) -> &'static str {
    OUTLET_COLOURS[i % OUTLET_COLOURS.len()]
}

/// What is drawn: the claims kept, grouped by outlet, and the links between them.
struct Selection<'a> {
    /// Outlets with at least one claim drawn: (name, colour index, claim indices in document order).
    groups: Vec<(&'a str, usize, Vec<usize>)>,
    /// Links between drawn claims: (claim index, claim index, relation).
    edges: Vec<(usize, usize, &'a Relation)>,
    /// Linked claims in all.
    linked: usize,
    /// Links between drawn claims left out past [`MAX_EDGES`].
    dropped_edges: usize,
}

fn select(analysis: &Analysis) -> Selection<'_> {
    let claims = analysis.claims();
    let index: HashMap<&str, usize> = claims.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let mut all = Vec::new();
    // (contradictions, links) per claim.
    let mut degree = vec![(0usize, 0usize); claims.len()];
    for r in analysis.relations() {
        let (Some(&a), Some(&b)) = (index.get(r.a.as_str()), index.get(r.b.as_str())) else { continue };
        if a == b {
            continue;
        }
        for x in [a, b] {
            degree[x].1 += 1;
            if r.relation == RelationType::Contradict {
                degree[x].0 += 1;
            }
        }
        all.push((a, b, r));
    }
    let mut linked: Vec<usize> = (0..claims.len()).filter(|&i| degree[i].1 > 0).collect();
    let total = linked.len();
    if linked.len() > MAX_NODES {
        linked.sort_by_key(|&i| (std::cmp::Reverse(degree[i].0), std::cmp::Reverse(degree[i].1), i));
        linked.truncate(MAX_NODES);
        linked.sort_unstable();
    }
    let mut keep = vec![false; claims.len()];
    for &i in &linked {
        keep[i] = true;
    }
    let colours = outlet_indices(analysis);
    let mut by_outlet: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &linked {
        by_outlet.entry(claims[i].outlet.as_str()).or_default().push(i);
    }
    let groups = by_outlet
        .into_iter()
        .map(|(name, members)| (name, colours.get(name).copied().unwrap_or(0), members))
        .collect();
    let mut edges: Vec<(usize, usize, &Relation)> =
        all.into_iter().filter(|(a, b, _)| keep[*a] && keep[*b]).collect();
    // Past MAX_EDGES, contradictions are kept first.
    edges.sort_by_key(|(a, b, r)| (r.relation != RelationType::Contradict, *a, *b));
    let dropped_edges = edges.len().saturating_sub(MAX_EDGES);
    edges.truncate(MAX_EDGES);
    // Agreements first, so that contradictions are drawn on top.
    edges.sort_by_key(|(a, b, r)| (r.relation == RelationType::Contradict, *a, *b));
    Selection { groups, edges, linked: total, dropped_edges }
}

/// A point, formatted with one decimal.
#[derive(Clone, Copy)]
struct Pt(f64, f64);

impl std::fmt::Display for Pt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.1} {:.1}", self.0, self.1)
    }
}

/// Estimated width of a text in pixels at `size` px (an average glyph).
fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.58
}

/// The label of a claim node: "n. Speaker: first words…".
fn node_label(c: &Claim) -> String {
    let n = c.id.rsplit(':').next().unwrap_or("");
    let text: String = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let label = match c.speaker.kind {
        SpeakerKind::Outlet => format!("{n}. {text}"),
        _ => format!("{n}. {}: {text}", c.speaker.name),
    };
    truncate_chars(&label, LABEL_CHARS)
}

/// The hover text of a claim node.
fn node_title(c: &Claim) -> String {
    let who = match c.speaker.kind {
        SpeakerKind::Outlet => "own voice".to_string(),
        _ => match &c.cue {
            Some(q) => format!("{} ({})", c.speaker.name, q.text),
            None => c.speaker.name.clone(),
        },
    };
    format!("{} — {}: “{}” [{}]", c.outlet, who, truncate_chars(c.text.trim(), 300), c.id)
}

struct Legend {
    svg: String,
    height: f64,
}

/// The legend: link styles, node shapes, then one swatch per outlet, wrapped to `width`.
fn legend(groups: &[(&str, usize, Vec<usize>)], width: f64, note: Option<&str>) -> Legend {
    let mut svg = String::from("<g class=\"legend\" font-size=\"12\">");
    let (mut x, mut y) = (12.0, 20.0);
    let line = |svg: &mut String, x: f64, y: f64, colour: &str, dash: Option<&str>, label: &str| {
        let dash = dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
        let _ = write!(
            svg,
            "<path d=\"M{} h28\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/><text x=\"{:.1}\" y=\"{:.1}\">{label}</text>",
            Pt(x, y - 4.0),
            x + 34.0,
            y
        );
    };
    line(&mut svg, x, y, AGREE_COLOUR, None, "agree (solid)");
    x += 34.0 + text_width("agree (solid)", 12.0) + 18.0;
    line(&mut svg, x, y, CONTRADICT_COLOUR, Some(DASH), "contradict (dashed)");
    x += 34.0 + text_width("contradict (dashed)", 12.0) + 18.0;
    let _ = write!(
        svg,
        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#222222\"/><text x=\"{:.1}\" y=\"{y:.1}\">own voice</text>",
        x + 6.0,
        y - 4.0,
        x + 16.0
    );
    x += 16.0 + text_width("own voice", 12.0) + 18.0;
    let _ = write!(
        svg,
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"#ffffff\" stroke=\"#222222\"/><text x=\"{:.1}\" y=\"{y:.1}\">attributed to a speaker</text>",
        x + 1.0,
        y - 9.0,
        x + 16.0
    );
    x = 12.0;
    y += 22.0;
    for (name, colour, _) in groups {
        let label = escape(&truncate_chars(name, 48));
        let w = 20.0 + text_width(&truncate_chars(name, 48), 12.0) + 18.0;
        if x > 12.0 && x + w > width - 12.0 {
            x = 12.0;
            y += 20.0;
        }
        let _ = write!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{}\" stroke=\"#222222\"/><text x=\"{:.1}\" y=\"{y:.1}\">{label}</text>",
            x,
            y - 11.0,
            outlet_colour(*colour),
            x + 20.0
        );
        x += w;
    }
    if let Some(note) = note {
        y += 20.0;
        let _ = write!(svg, "<text x=\"12\" y=\"{y:.1}\" font-style=\"italic\">{}</text>", escape(note));
    }
    svg.push_str("</g>");
    Legend { svg, height: y + 14.0 }
}

fn draw(analysis: &Analysis, inline: bool) -> String {
    let claims = analysis.claims();
    let sel = select(analysis);
    let drawn: usize = sel.groups.iter().map(|g| g.2.len()).sum();
    let gap = if sel.groups.len() > 1 { 2.0 } else { 0.0 };
    let slots = drawn as f64 + gap * sel.groups.len() as f64;
    let radius = (slots * SLOT / (2.0 * PI)).max(MIN_RADIUS);
    let side = 2.0 * (radius + LABEL_ROOM);
    let width = side.max(560.0);
    let mut notes = Vec::new();
    if drawn < sel.linked {
        notes.push(format!(
            "Showing the {drawn} most contradicted of {} linked claims; {} are left out.",
            sel.linked,
            sel.linked - drawn
        ));
    }
    if sel.dropped_edges > 0 {
        notes.push(format!("{} links are left out (agreements before contradictions).", sel.dropped_edges));
    }
    let note = if notes.is_empty() { None } else { Some(notes.join(" ")) };
    let legend = legend(&sel.groups, width, note.as_deref());
    let height = legend.height + side;
    let centre = Pt(width / 2.0, legend.height + side / 2.0);

    let mut out = String::new();
    let ns = if inline { "" } else { " xmlns=\"http://www.w3.org/2000/svg\"" };
    let _ = write!(
        out,
        "<svg{ns} class=\"claim-graph\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"cg-graph-title cg-graph-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\">"
    );
    let contradictions = sel.edges.iter().filter(|e| e.2.relation == RelationType::Contradict).count();
    let _ = write!(
        out,
        "<title id=\"cg-graph-title\">Claim graph</title><desc id=\"cg-graph-desc\">{drawn} claims from {} outlets, {} links ({contradictions} contradicting, {} agreeing).</desc>",
        sel.groups.len(),
        sel.edges.len(),
        sel.edges.len() - contradictions
    );
    let _ = write!(out, "<rect width=\"{width:.0}\" height=\"{height:.0}\" fill=\"#ffffff\"/>");
    out.push_str(&legend.svg);
    if drawn == 0 {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"14\">No claim is linked to another.</text></svg>",
            centre.0, centre.1
        );
        return out;
    }

    // Angles: slot k of `slots`, clockwise from the top; a gap before each outlet.
    let mut angle = vec![0.0f64; claims.len()];
    let mut arcs = Vec::new();
    let mut k = 0.0;
    for (name, colour, members) in &sel.groups {
        k += gap / 2.0;
        let first = k;
        for &m in members {
            angle[m] = -PI / 2.0 + 2.0 * PI * (k + 0.5) / slots;
            k += 1.0;
        }
        arcs.push((*name, *colour, first, k));
        k += gap / 2.0;
    }
    let at = |theta: f64, r: f64| Pt(centre.0 + r * theta.cos(), centre.1 + r * theta.sin());

    // Links: quadratic curves whose control point is pulled towards the
    // centre, the more so the further apart their claims are.
    out.push_str("<g class=\"links\" fill=\"none\">");
    for (a, b, r) in &sel.edges {
        let (ta, tb) = (angle[*a], angle[*b]);
        let mut d = (ta - tb).abs() % (2.0 * PI);
        if d > PI {
            d = 2.0 * PI - d;
        }
        let pull = 0.9 * (1.0 - d / PI).powi(2);
        let (pa, pb) = (at(ta, radius - 6.0), at(tb, radius - 6.0));
        let mid = Pt((pa.0 + pb.0) / 2.0, (pa.1 + pb.1) / 2.0);
        let ctrl = Pt(centre.0 + (mid.0 - centre.0) * pull, centre.1 + (mid.1 - centre.1) * pull);
        let (colour, dash, class) = match r.relation {
            RelationType::Agree => (AGREE_COLOUR, String::new(), "agree"),
            RelationType::Contradict => {
                (CONTRADICT_COLOUR, format!(" stroke-dasharray=\"{DASH}\""), "contradict")
            }
        };
        let _ = write!(
            out,
            "<path class=\"{class}\" d=\"M{pa} Q{ctrl} {pb}\" stroke=\"{colour}\" stroke-width=\"1.4\" stroke-opacity=\"0.6\"{dash}><title>{}</title></path>",
            escape(&format!(
                "{} {} {} ({}): {}",
                claims[*a].id,
                if r.relation == RelationType::Agree { "agrees with" } else { "contradicts" },
                claims[*b].id,
                r.kind.as_str(),
                truncate_chars(&r.reason, 200)
            ))
        );
    }
    out.push_str("</g>");

    // Outlet arcs, just inside the claims, with their names written along
    // them (upright on both halves of the circle).
    out.push_str("<g class=\"outlets\">");
    for (k, (name, colour, from, to)) in arcs.iter().enumerate() {
        let (a0, a1) = (-PI / 2.0 + 2.0 * PI * from / slots, -PI / 2.0 + 2.0 * PI * to / slots);
        let r = radius - 11.0;
        let large = if a1 - a0 > PI { 1 } else { 0 };
        let _ = write!(
            out,
            "<path d=\"M{} A{r:.1} {r:.1} 0 {large} 1 {}\" fill=\"none\" stroke=\"{}\" stroke-width=\"6\"/>",
            at(a0, r),
            at(a1, r),
            outlet_colour(*colour)
        );
        let mid = (a0 + a1) / 2.0;
        let bottom = mid.sin() > 0.0;
        let rt = if bottom { radius - 18.0 } else { radius - 27.0 };
        let room = ((a1 - a0) * rt / 7.5).floor();
        if room < 4.0 {
            continue;
        }
        let label = truncate_chars(name, room as usize);
        let (p0, p1, sweep) = if bottom { (at(a1, rt), at(a0, rt), 0) } else { (at(a0, rt), at(a1, rt), 1) };
        let _ = write!(
            out,
            "<path id=\"cg-arc-{k}\" d=\"M{p0} A{rt:.1} {rt:.1} 0 {large} {sweep} {p1}\" fill=\"none\"/><text font-size=\"12\" font-weight=\"bold\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\"><textPath href=\"#cg-arc-{k}\" startOffset=\"50%\" text-anchor=\"middle\">{}</textPath></text>",
            escape(&label)
        );
    }
    out.push_str("</g>");

    // Claims: a shape on the circle and a radial label outside it.
    out.push_str("<g class=\"claims\" font-size=\"10\">");
    for (_, colour, members) in &sel.groups {
        let fill = outlet_colour(*colour);
        for &m in members {
            let c = &claims[m];
            let theta = angle[m];
            let p = at(theta, radius);
            let (open, close) = if inline {
                (format!("<a href=\"#{}\">", claim_anchor(m)), "</a>")
            } else {
                ("<g>".to_string(), "</g>")
            };
            out.push_str(&open);
            let _ = write!(out, "<title>{}</title>", escape(&node_title(c)));
            if c.speaker.kind == SpeakerKind::Outlet {
                let _ = write!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5.5\" fill=\"{fill}\" stroke=\"#222222\"/>",
                    p.0, p.1
                );
            } else {
                let _ = write!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{fill}\" stroke=\"#222222\"/>",
                    p.0 - 5.0,
                    p.1 - 5.0
                );
            }
            let q = at(theta, radius + 10.0);
            let mut deg = theta.to_degrees();
            let anchor = if theta.cos() < -1e-9 {
                deg += 180.0;
                "end"
            } else {
                "start"
            };
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" dy=\"3.5\" text-anchor=\"{anchor}\" transform=\"rotate({deg:.1} {q})\">{}</text>",
                q.0,
                q.1,
                escape(&node_label(c))
            );
            out.push_str(close);
        }
    }
    out.push_str("</g></svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Document};

    fn analysis() -> Analysis {
        Analyzer::new()
            .analyze(vec![
                Document::new("a", "Harbor <Gazette>", "Police said the Tessa Bridge was closed on Monday."),
                Document::new(
                    "b",
                    "Valley Echo",
                    "The Tessa Bridge was not closed on Monday, the mayor said.",
                ),
                Document::new("c", "Hill Times", "The Tessa Bridge was closed on Monday, officials said."),
            ])
            .expect("analysis")
    }

    #[test]
    fn draws_linked_claims_with_escaped_labels() {
        let a = analysis();
        let svg = render(&a);
        assert!(svg.contains("Harbor &lt;Gazette&gt;"));
        assert!(!svg.contains("<Gazette>"));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(svg.contains(CONTRADICT_COLOUR));
        // Deterministic.
        assert_eq!(svg, render(&a));
        // The inline version links claims to the articles and declares no namespace.
        let inline = render_inline(&a);
        assert!(inline.contains("<a href=\"#c0\">"));
        assert!(!inline.contains("xmlns"));
    }

    #[test]
    fn no_links_no_claims() {
        let a = Analyzer::new()
            .analyze(vec![Document::new("a", "Solo", "The mayor said the bridge was closed.")])
            .expect("analysis");
        let svg = render(&a);
        assert!(svg.contains("No claim is linked to another."));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn large_graphs_are_capped() {
        let mut docs = Vec::new();
        for i in 0..90 {
            let negated = if i % 2 == 0 { "" } else { "not " };
            docs.push(Document::new(
                format!("d{i:03}"),
                format!("Outlet {i}"),
                format!(
                    "Police said the Tessa Bridge was {negated}closed on Monday. Officials said the Tessa Bridge was {negated}closed on Tuesday."
                ),
            ));
        }
        let a = Analyzer::new().analyze(docs).expect("analysis");
        let sel = select(&a);
        let drawn: usize = sel.groups.iter().map(|g| g.2.len()).sum();
        assert!(sel.linked > MAX_NODES, "{} linked claims", sel.linked);
        assert_eq!(drawn, MAX_NODES);
        assert!(sel.edges.len() <= MAX_EDGES);
        let svg = render(&a);
        assert!(
            svg.contains(&format!(
                "Showing the {MAX_NODES} most contradicted of {} linked claims",
                sel.linked
            ))
        );
    }
}
