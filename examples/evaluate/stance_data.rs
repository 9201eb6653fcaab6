//! Reading the FNC-1 and Emergent CSV files, and the development split
//! shared by the evaluation (`examples/evaluate`) and the trainer
//! (`examples/train_stance.rs`).
//!
//! The split is by a hash of the headline (FNC-1) or of the claim id
//! (Emergent), so no headline (claim) is in both halves; it does not depend
//! on the order of the rows or on the file names.

use std::collections::BTreeMap;
use std::path::Path;

/// One FNC-1 pair.
#[derive(Clone, Debug)]
pub struct FncPair {
    pub headline: String,
    pub body: String,
    pub stance: String,
}

/// One Emergent row.
#[derive(Clone, Debug)]
pub struct EmergentRow {
    pub index: String,
    pub claim: String,
    pub headline: String,
    pub stance: String,
    pub claim_id: String,
}

/// FNV-1a, 64 bits: a fixed hash, the same on every machine and run.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The SplitMix64 finaliser: spreads every input bit over the output, so
/// that one bit of the result is a fair coin (FNV-1a's lowest bit alone is
/// only the parity of the odd bytes).
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Whether a key (a headline, a claim id) falls in the held-out half:
/// lowercased, whitespace collapsed, hashed.
pub fn held_out(key: &str) -> bool {
    let norm = key.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    mix(fnv1a(norm.as_bytes())) >> 63 == 1
}

fn reader(path: &Path) -> Result<csv::Reader<std::fs::File>, String> {
    csv::ReaderBuilder::new().flexible(false).from_path(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn column(headers: &csv::StringRecord, name: &str, path: &Path) -> Result<usize, String> {
    headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == name)
        .ok_or_else(|| format!("{}: no column {name:?}", path.display()))
}

/// Reads the FNC-1 stances and bodies: pairs, and bodies by id.
pub fn read_fnc1(stances: &Path, bodies: &Path) -> Result<(Vec<FncPair>, BTreeMap<String, String>), String> {
    let mut rb = reader(bodies)?;
    let h = rb.headers().map_err(|e| format!("{}: {e}", bodies.display()))?.clone();
    let (bid, btext) = (column(&h, "Body ID", bodies)?, column(&h, "articleBody", bodies)?);
    let mut texts = BTreeMap::new();
    for rec in rb.records() {
        let rec = rec.map_err(|e| format!("{}: {e}", bodies.display()))?;
        texts.insert(rec[bid].to_string(), rec[btext].to_string());
    }
    let mut rs = reader(stances)?;
    let h = rs.headers().map_err(|e| format!("{}: {e}", stances.display()))?.clone();
    let (hl, id, st) =
        (column(&h, "Headline", stances)?, column(&h, "Body ID", stances)?, column(&h, "Stance", stances)?);
    let mut pairs = Vec::new();
    for rec in rs.records() {
        let rec = rec.map_err(|e| format!("{}: {e}", stances.display()))?;
        if !texts.contains_key(&rec[id]) {
            return Err(format!("{}: body {} is not in {}", stances.display(), &rec[id], bodies.display()));
        }
        pairs.push(FncPair {
            headline: rec[hl].to_string(),
            body: rec[id].to_string(),
            stance: rec[st].to_lowercase(),
        });
    }
    Ok((pairs, texts))
}

/// Reads the Emergent CSV.
pub fn read_emergent(path: &Path) -> Result<Vec<EmergentRow>, String> {
    let mut r = reader(path)?;
    let h = r.headers().map_err(|e| format!("{}: {e}", path.display()))?.clone();
    let idx = column(&h, "", path).or_else(|_| column(&h, "index", path)).ok();
    let (c, a, s, ci) = (
        column(&h, "claimHeadline", path)?,
        column(&h, "articleHeadline", path)?,
        column(&h, "articleHeadlineStance", path)?,
        column(&h, "claimId", path)?,
    );
    let mut rows = Vec::new();
    for (n, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: {e}", path.display()))?;
        rows.push(EmergentRow {
            index: idx.map_or_else(|| n.to_string(), |i| rec[i].to_string()),
            claim: rec[c].to_string(),
            headline: rec[a].to_string(),
            stance: rec[s].to_lowercase(),
            claim_id: rec[ci].to_string(),
        });
    }
    Ok(rows)
}
