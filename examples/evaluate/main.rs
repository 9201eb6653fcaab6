//! Measures claimgraph on public benchmark sets, through the public API only.
//!
//! ```text
//! cargo run --release --example evaluate -- <set> <paths…> [--json] [--errors N]
//! ```
//!
//! | set | paths | task |
//! |---|---|---|
//! | `breaking-nli` | the `.jsonl` file | [`Analyzer::compare_texts`] on sentence pairs |
//! | `stanford` | the `.xml` file | [`Analyzer::compare_texts`] on text / hypothesis |
//! | `fnc1` | the stances CSV, the bodies CSV | stance of a body toward a headline |
//! | `emergent` | the `.csv` file | stance of an article headline toward a claim |
//! | `polnear` | the folder holding `text/` and `attributions/` | attribution extraction |
//! | `stories` | BASIL's or NewsWCL50's folder, or FNC-1's stances and bodies CSVs | story grouping against the known events |
//!
//! The table goes to stdout; with `--json` the last line of stdout is one JSON
//! object of the figures. `--errors N` prints up to N misses of each kind (to
//! stderr) for error analysis. `fnc1 … --holdout` scores only the held-out half
//! of the development split (see `stance.rs`); without it every pair is scored.
//!
//! [`Analyzer::compare_texts`]: claimgraph::Analyzer::compare_texts

// Some helpers are used only by some sets.
#![allow(dead_code)]

mod metrics;
mod nli;
mod polnear;
mod stance;
mod stories;

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::Value;

/// Command-line options shared by every set.
pub struct Args {
    pub set: String,
    pub paths: Vec<PathBuf>,
    pub json: bool,
    pub errors: usize,
    pub holdout: bool,
}

/// What a set's run produces: a Markdown table and the JSON figures.
pub struct Figures {
    pub table: String,
    pub json: Value,
}

pub const USAGE: &str = "usage: evaluate <breaking-nli|stanford|fnc1|emergent|polnear|stories> <paths…> [--json] [--errors N] [--holdout]";

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let set = it.next().ok_or(USAGE)?;
    let mut args = Args { set, paths: Vec::new(), json: false, errors: 0, holdout: false };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => args.json = true,
            "--holdout" => args.holdout = true,
            "--errors" => {
                let n = it.next().ok_or("--errors needs a number")?;
                args.errors = n.parse().map_err(|_| format!("--errors needs a number, not {n:?}"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => args.paths.push(PathBuf::from(a)),
        }
    }
    Ok(args)
}

fn run(args: &Args) -> Result<Figures, String> {
    let need = |n: usize| {
        if args.paths.len() == n {
            Ok(())
        } else {
            Err(format!("{} takes {n} path(s), got {}\n{USAGE}", args.set, args.paths.len()))
        }
    };
    match args.set.as_str() {
        "breaking-nli" => need(1).and_then(|()| nli::breaking(args)),
        "stanford" => need(1).and_then(|()| nli::stanford(args)),
        "fnc1" => need(2).and_then(|()| stance::fnc1(args)),
        "emergent" => need(1).and_then(|()| stance::emergent(args)),
        "polnear" => need(1).and_then(|()| polnear::run(args)),
        "stories" => stories::run(args),
        other => Err(format!("unknown set {other:?}\n{USAGE}")),
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    match run(&args) {
        Ok(f) => {
            println!("{}", f.table);
            eprintln!("{}: {:.1} s", args.set, started.elapsed().as_secs_f64());
            if args.json {
                println!("{}", serde_json::to_string(&f.json).expect("figures serialize"));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
