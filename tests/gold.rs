//! Gold tests: every expectation in `fixtures/<story>/expected.toml` must hold
//! on the report claimgraph produces for that story. The format is described
//! in `fixtures/README.md`.
//!
//! A failing story lists every expectation that does not hold, with what was
//! found instead, so one run shows the whole picture.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use claimgraph::input::{LoadOptions, load_paths};
use claimgraph::report::Report;
use claimgraph::{Analyzer, Claim, Kind, RelationType, SpeakerKind};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum SpeakerSpec {
    One(String),
    Any(Vec<String>),
}

#[derive(Debug, Deserialize)]
struct QuoteRef {
    doc: String,
    quote: String,
    speaker: Option<SpeakerSpec>,
}

#[derive(Debug, Deserialize)]
struct Side {
    position: String,
    claims: Vec<QuoteRef>,
}

#[derive(Debug, Deserialize)]
struct Edge {
    a: QuoteRef,
    b_side: String,
    values: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct ExpDivergence {
    id: String,
    kinds: Vec<String>,
    #[serde(default = "one")]
    min_per_side: usize,
    sides: Vec<Side>,
    #[serde(default)]
    edges: Vec<Edge>,
}

fn one() -> usize {
    1
}

#[derive(Debug, Deserialize)]
struct ExpAgreement {
    id: String,
    kind: String,
    value: Option<toml::Value>,
    #[serde(default = "two")]
    min_outlets: usize,
    claims: Vec<QuoteRef>,
    #[serde(default)]
    no_contradiction: bool,
}

fn two() -> usize {
    2
}

#[derive(Debug, Deserialize)]
struct ExpNaming {
    referent: String,
    must_join: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ExpFraming {
    id: String,
    distancing: Vec<QuoteRef>,
    plain: Vec<QuoteRef>,
}

#[derive(Debug, Deserialize)]
struct ExpSingle {
    doc: String,
    quote: String,
}

#[derive(Debug, Deserialize)]
struct ExpAttribution {
    doc: String,
    quote: String,
    speaker: SpeakerSpec,
    cue: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    documents: BTreeMap<String, String>,
    #[serde(default)]
    divergences: Vec<ExpDivergence>,
    #[serde(default)]
    agreements: Vec<ExpAgreement>,
    #[serde(default)]
    naming: Vec<ExpNaming>,
    #[serde(default)]
    framing: Vec<ExpFraming>,
    #[serde(default)]
    single_source: Vec<ExpSingle>,
    #[serde(default)]
    attribution: Vec<ExpAttribution>,
}

struct Story {
    expected: Expected,
    report: Report,
    texts: BTreeMap<String, String>,
}

impl Story {
    fn load(name: &str) -> Story {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
        let expected: Expected =
            toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).expect("expected.toml"))
                .expect("valid expected.toml");
        let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("fixtures load");
        let texts = loaded.documents.iter().map(|d| (d.id.clone(), d.text.clone())).collect();
        let report = Analyzer::new().analyze(loaded.documents).expect("analysis").report();
        Story { expected, report, texts }
    }

    fn doc_id<'a>(&'a self, alias: &'a str) -> &'a str {
        self.expected.documents.get(alias).map_or(alias, String::as_str)
    }

    /// Claims that hold the quote: they overlap it by at least 60% of its length.
    fn claims_for(&self, q: &QuoteRef) -> Result<Vec<&Claim>, String> {
        self.claims_for_quote(&q.doc, &q.quote)
    }

    fn claims_for_quote(&self, doc: &str, quote: &str) -> Result<Vec<&Claim>, String> {
        let doc = self.doc_id(doc);
        let text = self.texts.get(doc).ok_or_else(|| format!("no document {doc}"))?;
        let start = text.find(quote).ok_or_else(|| format!("quote not in {doc}: {quote:?}"))?;
        let end = start + quote.len();
        let found: Vec<&Claim> = self
            .report
            .claims
            .iter()
            .filter(|c| c.doc == doc)
            .filter(|c| {
                let o = c.span.end.min(end).saturating_sub(c.span.start.max(start));
                o * 10 >= quote.len() * 6
            })
            .collect();
        if found.is_empty() { Err(format!("no claim holds {quote:?} in {doc}")) } else { Ok(found) }
    }

    fn relation(&self, a: &str, b: &str) -> Option<&claimgraph::Relation> {
        self.report.relations.iter().find(|r| (r.a == a && r.b == b) || (r.a == b && r.b == a))
    }
}

fn speaker_ok(c: &Claim, spec: &Option<SpeakerSpec>) -> bool {
    let names: Vec<&str> = match spec {
        None => return true,
        Some(SpeakerSpec::One(s)) => vec![s.as_str()],
        Some(SpeakerSpec::Any(v)) => v.iter().map(String::as_str).collect(),
    };
    names.iter().any(|n| {
        if *n == "outlet" {
            c.speaker.kind == SpeakerKind::Outlet
        } else {
            c.speaker.kind != SpeakerKind::Outlet && c.speaker.name.to_lowercase().contains(&n.to_lowercase())
        }
    })
}

fn describe(c: &Claim) -> String {
    format!("{} [{}: {}]", c.id, format!("{:?}", c.speaker.kind).to_lowercase(), c.speaker.name)
}

fn check_divergence(s: &Story, d: &ExpDivergence, fails: &mut Vec<String>) {
    // Claims (with the right speaker) for each expected side.
    let mut per_side: Vec<Vec<&Claim>> = Vec::new();
    for side in &d.sides {
        let mut v = Vec::new();
        for q in &side.claims {
            match s.claims_for(q) {
                Ok(cs) => v.extend(cs.into_iter().filter(|c| speaker_ok(c, &q.speaker))),
                Err(e) => fails.push(format!("divergence {}: {e}", d.id)),
            }
        }
        per_side.push(v);
    }
    let mut best = String::new();
    let found = s.report.divergences.iter().any(|div| {
        if !div.kinds.iter().any(|k| d.kinds.contains(&k.as_str().to_string())) {
            return false;
        }
        // Which reported side each expected side's claims fall on.
        let mut used_sides = BTreeSet::new();
        let mut counts = Vec::new();
        for claims in &per_side {
            let mut by_side: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
            for c in claims {
                for (i, rs) in div.sides.iter().enumerate() {
                    if rs.claims.contains(&c.id) {
                        by_side.entry(i).or_default().insert(c.id.as_str());
                    }
                }
            }
            let Some((&side, ids)) =
                by_side.iter().filter(|(i, _)| !used_sides.contains(*i)).max_by_key(|(_, ids)| ids.len())
            else {
                counts.push(0);
                continue;
            };
            used_sides.insert(side);
            counts.push(ids.len());
        }
        let ok = counts.iter().all(|&n| n >= d.min_per_side);
        if !ok && counts.iter().sum::<usize>() > 0 {
            best = format!("closest: {} with {:?} matching claims per side", div.id, counts);
        }
        ok
    });
    if !found {
        let sides: Vec<String> =
            per_side.iter().map(|cs| cs.iter().map(|c| describe(c)).collect::<Vec<_>>().join(", ")).collect();
        fails.push(format!("divergence {}: no reported divergence with ≥{} claims per side. {best}. claims with the right speakers: {sides:?}", d.id, d.min_per_side));
    }
    for e in &d.edges {
        let Ok(a_claims) = s.claims_for(&e.a) else {
            fails.push(format!("divergence {}: edge source {:?} not found", d.id, e.a.quote));
            continue;
        };
        let Some(side) = d.sides.iter().position(|x| x.position == e.b_side) else {
            fails.push(format!("divergence {}: unknown side {:?}", d.id, e.b_side));
            continue;
        };
        let b_claims: Vec<&Claim> =
            d.sides[side].claims.iter().filter_map(|q| s.claims_for(q).ok()).flatten().collect();
        let hit = a_claims.iter().any(|a| {
            b_claims.iter().any(|b| {
                s.relation(&a.id, &b.id).is_some_and(|r| {
                    r.relation == RelationType::Contradict
                        && e.values.as_ref().is_none_or(|want| {
                            let got: BTreeSet<&str> =
                                r.evidence.values.iter().flatten().map(|v| v.as_str()).collect();
                            want.iter().all(|w| got.contains(w.as_str()))
                        })
                })
            })
        });
        if !hit {
            let rels: Vec<String> = a_claims
                .iter()
                .flat_map(|a| s.report.relations.iter().filter(move |r| r.a == a.id || r.b == a.id))
                .map(|r| format!("{} {:?} {} ({})", r.a, r.relation, r.b, r.kind.as_str()))
                .collect();
            fails.push(format!(
                "divergence {}: no contradiction from {:?} to side {:?}; its relations: {rels:?}",
                d.id, e.a.quote, e.b_side
            ));
        }
    }
}

fn check_agreement(s: &Story, a: &ExpAgreement, fails: &mut Vec<String>) {
    let mut claims: Vec<&Claim> = Vec::new();
    for q in &a.claims {
        match s.claims_for(q) {
            Ok(cs) => claims.extend(cs.into_iter().filter(|c| speaker_ok(c, &q.speaker))),
            Err(e) => fails.push(format!("agreement {}: {e}", a.id)),
        }
    }
    let value = a.value.as_ref().map(|v| match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let found = s.report.agreements.iter().any(|ag| {
        let kind_ok = a.kind == "restatement" || ag.kind.as_str() == a.kind;
        let value_ok = value.as_ref().is_none_or(|v| ag.value.split(", ").any(|x| x == v) || ag.value == *v);
        let outlets: BTreeSet<&str> =
            claims.iter().filter(|c| ag.claims.contains(&c.id)).map(|c| c.outlet.as_str()).collect();
        kind_ok && value_ok && outlets.len() >= a.min_outlets
    });
    if !found {
        let ids: Vec<String> = claims.iter().map(|c| describe(c)).collect();
        let near: Vec<String> = s
            .report
            .agreements
            .iter()
            .filter(|ag| claims.iter().any(|c| ag.claims.contains(&c.id)))
            .map(|ag| format!("{} [{}] {:?}", ag.id, ag.value, ag.claims))
            .collect();
        fails.push(format!("agreement {}: not reported across {} outlets. claims: {ids:?}; agreements touching them: {near:?}", a.id, a.min_outlets));
    }
    if a.no_contradiction {
        for (i, x) in claims.iter().enumerate() {
            for y in &claims[i + 1..] {
                if let Some(r) = s.relation(&x.id, &y.id).filter(|r| r.relation == RelationType::Contradict) {
                    let wanted = a.kind == "restatement" || r.kind.as_str() == a.kind;
                    if wanted {
                        fails.push(format!(
                            "agreement {}: {} and {} are linked as a {} contradiction",
                            a.id,
                            x.id,
                            y.id,
                            r.kind.as_str()
                        ));
                    }
                }
            }
        }
    }
}

fn check_naming(s: &Story, n: &ExpNaming, fails: &mut Vec<String>) {
    let key = |x: &str| claimgraph::lexicon::name_key(x);
    let joined = s.report.naming.iter().any(|entry| {
        let names: BTreeSet<String> = entry.names.iter().map(|u| key(&u.name)).collect();
        n.must_join.iter().all(|m| names.contains(&key(m)))
    });
    if !joined {
        let near: Vec<String> = s
            .report
            .entities
            .iter()
            .filter(|e| e.names.iter().any(|u| n.must_join.iter().any(|m| key(&u.name) == key(m))))
            .map(|e| format!("{} {:?}", e.id, e.names.iter().map(|u| u.name.as_str()).collect::<Vec<_>>()))
            .collect();
        fails.push(format!(
            "naming {:?}: {:?} not one referent in the naming table; entities: {near:?}",
            n.referent, n.must_join
        ));
    }
}

fn check_framing(s: &Story, f: &ExpFraming, fails: &mut Vec<String>) {
    let ids = |qs: &[QuoteRef]| -> BTreeSet<String> {
        qs.iter().filter_map(|q| s.claims_for(q).ok()).flatten().map(|c| c.id.clone()).collect()
    };
    let (dist, plain) = (ids(&f.distancing), ids(&f.plain));
    if dist.is_empty() || plain.is_empty() {
        fails.push(format!("framing {}: quotes not found as claims", f.id));
        return;
    }
    let found = s.report.divergences.iter().filter(|d| d.kinds.contains(&Kind::Framing)).any(|d| {
        d.sides.len() >= 2
            && d.sides[0].claims.iter().any(|c| dist.contains(c))
            && d.sides[1..].iter().any(|side| side.claims.iter().any(|c| plain.contains(c)))
    });
    if !found {
        let near: Vec<String> = s
            .report
            .divergences
            .iter()
            .filter(|d| {
                d.kinds.contains(&Kind::Framing)
                    && d.sides.iter().any(|x| x.claims.iter().any(|c| dist.contains(c) || plain.contains(c)))
            })
            .map(|d| d.id.clone())
            .collect();
        fails.push(format!(
            "framing {}: no framing divergence with {dist:?} distancing and {plain:?} plain; near: {near:?}",
            f.id
        ));
    }
}

fn check_single(s: &Story, x: &ExpSingle, fails: &mut Vec<String>) {
    let doc = s.doc_id(&x.doc).to_string();
    match s.claims_for_quote(&x.doc, &x.quote) {
        Ok(cs) => {
            let listed = s
                .report
                .single_source
                .iter()
                .find(|ss| ss.doc == doc)
                .is_some_and(|ss| cs.iter().any(|c| ss.claims.contains(&c.id)));
            if !listed {
                fails.push(format!(
                    "single source {:?} ({}): not listed",
                    x.quote,
                    cs.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")
                ));
            }
        }
        Err(e) => fails.push(format!("single source: {e}")),
    }
}

fn check_attribution(s: &Story, a: &ExpAttribution, fails: &mut Vec<String>) {
    match s.claims_for_quote(&a.doc, &a.quote) {
        Ok(cs) => {
            let spec = Some(match &a.speaker {
                SpeakerSpec::One(x) => SpeakerSpec::One(x.clone()),
                SpeakerSpec::Any(v) => SpeakerSpec::Any(v.clone()),
            });
            let ok = cs.iter().any(|c| {
                speaker_ok(c, &spec)
                    && a.cue.as_ref().is_none_or(|cue| {
                        c.cue.as_ref().is_some_and(|q| q.text.to_lowercase().contains(&cue.to_lowercase()))
                    })
            });
            if !ok {
                let got: Vec<String> = cs
                    .iter()
                    .map(|c| format!("{} cue {:?}", describe(c), c.cue.as_ref().map(|q| q.text.as_str())))
                    .collect();
                fails.push(format!(
                    "attribution {:?}: want {:?} {:?}, got {got:?}",
                    a.quote, a.speaker, a.cue
                ));
            }
        }
        Err(e) => fails.push(format!("attribution: {e}")),
    }
}

fn check_story(name: &str) {
    let s = Story::load(name);
    let mut fails = Vec::new();
    for d in &s.expected.divergences {
        check_divergence(&s, d, &mut fails);
    }
    for a in &s.expected.agreements {
        check_agreement(&s, a, &mut fails);
    }
    for n in &s.expected.naming {
        check_naming(&s, n, &mut fails);
    }
    for f in &s.expected.framing {
        check_framing(&s, f, &mut fails);
    }
    for x in &s.expected.single_source {
        check_single(&s, x, &mut fails);
    }
    for a in &s.expected.attribution {
        check_attribution(&s, a, &mut fails);
    }
    assert!(fails.is_empty(), "{name}: {} expectations do not hold:\n- {}", fails.len(), fails.join("\n- "));
}

#[test]
fn lachin_corridor_gold() {
    check_story("lachin-corridor");
}

#[test]
fn corvasse_terminal_blast_gold() {
    check_story("corvasse-terminal-blast");
}

#[test]
fn kestrel_dam_camp_gold() {
    check_story("kestrel-dam-camp");
}
