//! The `claimgraph` command-line tool.
//!
//! # Exit codes
//!
//! * **0**: the report was written and every input was analysed.
//! * **1**: the report was written, but with `--keep-going` some inputs
//!   were rejected (each is listed on standard error and in the report,
//!   with its reason).
//! * **2**: nothing was written: a usage error (clap's own exit code for a
//!   bad flag or a missing argument), an unreadable or invalid input
//!   without `--keep-going`, every input rejected, an invalid lexicon, or
//!   an output file that cannot be written.
//!
//! The analysis never panics on input; a document over `--max-doc-bytes`
//! (default 512 KiB) is refused with a clear error instead of taking
//! minutes.

use std::io::{IsTerminal as _, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use claimgraph::input::{LoadOptions, load_paths};
use claimgraph::{Analyzer, Lexicon};

mod progress_bar;

// mimalloc: the analysis allocates many small strings on several threads;
// glibc's allocator was a tenth of the profile and kept freed memory in
// per-thread arenas (see docs/performance-history.md, "Profile"). Version 2
// (Cargo.toml): version 3 held 10-30% more memory at its peak on small and
// middle-sized inputs, in the same time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns off transparent huge pages for this process, before any thread
/// starts. mimalloc asks the kernel for huge pages, and the kernel then
/// zeroes 2 MiB on each first touch: at 10,000 articles that was a quarter
/// of the CPU time, all of it in the kernel (docs/performance-history.md,
/// "Profile"). Failure (an old kernel, a sandbox that forbids `prctl`) only
/// costs that time, so it is ignored.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

/// Compare what news outlets claim about one story.
///
/// Exit codes: 0 success; 1 the analysis ran but some inputs were rejected
/// (with --keep-going); 2 usage error or unreadable input.
#[derive(Parser, Debug)]
#[command(
    name = "claimgraph",
    version,
    about,
    long_about = None,
    after_help = "Exit codes: 0 ok; 1 the report was written but some inputs were rejected \
                  (--keep-going); 2 usage error or unreadable input, nothing written."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles and print the divergence report.
    Report(ReportArgs),
    /// Analyse articles and list the extracted claims with their speakers.
    Claims(ReportArgs),
    /// List every attribution in each article: who says, believes, wants
    /// or judges what (source, cue, content), wider than the claims'
    /// speakers.
    Attributions(ReportArgs),
}

#[derive(Parser, Debug)]
struct ReportArgs {
    /// Article files (front matter + text, or .json arrays) or folders of them.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// A lexicon file with aliases and extra terms (see the README).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
    /// Analyse the good inputs and list the bad ones instead of stopping.
    #[arg(long)]
    keep_going: bool,
    /// Refuse documents larger than this many bytes (a whole article file,
    /// or the `text` of a JSON input object).
    #[arg(long, value_name = "BYTES", default_value_t = claimgraph::analysis::DEFAULT_MAX_DOC_BYTES)]
    max_doc_bytes: usize,
    /// Memory, about, for keeping documents prepared between the passes of
    /// `report --format jsonl`: all are kept if all fit, otherwise none (the
    /// same output; 0 prepares each document twice).
    #[arg(long, value_name = "BYTES", default_value_t = claimgraph::analysis::DEFAULT_KEEP_PREPARED_BYTES)]
    keep_prepared_bytes: usize,
    /// Memory for holding the texts of article files through the passes of
    /// `report --format jsonl`: all are held if all fit, otherwise none, and
    /// each is read again from its file when a pass needs it (the same
    /// output, for less memory and more time; 0 reads every text again).
    /// Without it, every text is held.
    #[arg(long, value_name = "BYTES")]
    hold_text_bytes: Option<usize>,
    /// Write the output to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Do not show a progress bar (it is shown only on a terminal, for
    /// large inputs).
    #[arg(long)]
    no_progress: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Markdown, for people.
    Md,
    /// JSON, the documented contract for tools.
    Json,
    /// JSON Lines, for large inputs: a header line (format
    /// `claimgraph-groups/1`), then one line per group of stories, each the
    /// JSON report of that group alone, written as soon as it is done.
    /// Memory holds a few groups at a time; relations are made within a
    /// group only.
    Jsonl,
    /// Graphviz DOT of the claim graph.
    Dot,
    /// One self-contained HTML page (CSS, script and graph inline).
    Html,
    /// The claim graph as a standalone SVG picture.
    Svg,
}

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    if let Command::Claims(args) | Command::Attributions(args) = &cli.command
        && !matches!(args.format, Format::Md | Format::Json)
    {
        use clap::CommandFactory as _;
        let what = if matches!(cli.command, Command::Claims(_)) { "claims" } else { "attributions" };
        Cli::command()
            .error(
                clap::error::ErrorKind::InvalidValue,
                format!(
                    "`{what}` lists {what} as tab-separated lines (the default) or JSON (`--format json`); \
                     the other formats are for `report`"
                ),
            )
            .exit();
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimgraph: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, claimgraph::Error> {
    let (args, claims_only, attributions) = match cli.command {
        Command::Report(a) => (a, false, false),
        Command::Claims(a) => (a, true, false),
        Command::Attributions(a) => (a, false, true),
    };
    // Only the groups' report reads texts again; the others hold them.
    let by_group = args.format == Format::Jsonl && !claims_only && !attributions;
    let options = LoadOptions {
        keep_going: args.keep_going,
        max_doc_bytes: Some(args.max_doc_bytes),
        hold_text_bytes: args.hold_text_bytes.filter(|_| by_group),
    };
    let loaded = load_paths(&args.paths, &options)?;
    for r in &loaded.rejected {
        eprintln!("claimgraph: rejected {}: {}", r.origin, r.error);
    }
    if !loaded.skipped.is_empty() {
        let names: Vec<String> = loaded.skipped.iter().map(|p| p.display().to_string()).collect();
        eprintln!("claimgraph: note: not articles, not read: {}", names.join(", "));
    }
    if loaded.documents.is_empty() {
        return Err(claimgraph::Error::NoDocuments);
    }
    let lexicon = match &args.lexicon {
        Some(path) => Lexicon::from_file(path)?,
        None => Lexicon::builtin(),
    };
    let mut analyzer = Analyzer::with_lexicon(lexicon)
        .max_doc_bytes(args.max_doc_bytes)
        .keep_prepared_bytes(args.keep_prepared_bytes);
    if attributions {
        let out = attributions_listing(&analyzer, loaded.documents, args.format)?;
        write_out(&args.output, &out)?;
        return Ok(if loaded.rejected.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    // JSON Lines are written while the analysis runs: no bar among them
    // when they go to the terminal.
    let lines_to_terminal =
        args.format == Format::Jsonl && args.output.is_none() && std::io::stdout().is_terminal();
    let bar = progress_bar::bar(loaded.documents.len(), args.no_progress || lines_to_terminal);
    if let Some(bar) = &bar {
        analyzer = analyzer.on_progress(progress_bar::updater(bar.clone()));
    }
    if args.format == Format::Jsonl {
        let rejected = loaded.rejected.iter().map(|r| (r.origin.clone(), r.error.to_string()));
        let skipped = loaded.skipped.iter().map(|p| p.display().to_string());
        let written =
            report_by_group(&analyzer, loaded.documents, loaded.texts, rejected, skipped, &args.output);
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        match written {
            // A closed pipe (e.g. `| head`) ends the run early; it is not an
            // error worth reporting.
            Err(claimgraph::Error::Write { .. }) if args.output.is_none() => {}
            other => other?,
        }
        return Ok(if loaded.rejected.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    let analysis = analyzer
        .analyze(loaded.documents)?
        .with_rejected(loaded.rejected.iter().map(|r| (r.origin.clone(), r.error.to_string())))
        .with_skipped(loaded.skipped.iter().map(|p| p.display().to_string()));
    if !claims_only && args.format == Format::Json {
        // Large reports are streamed rather than built in memory. Building
        // and writing them can take a while on large inputs, so the bar
        // becomes a spinner for both.
        if let Some(bar) = &bar {
            progress_bar::spin(bar, "building report", false);
        }
        let report = analysis.into_report();
        let sink = open_output(&args.output)?;
        // Not while the report itself goes to the terminal.
        let sink = match &bar {
            Some(bar) if args.output.is_some() || !std::io::stdout().is_terminal() => {
                progress_bar::spin(bar, "writing report", true);
                Box::new(bar.wrap_write(sink))
            }
            _ => sink,
        };
        let written = report.write_json(sink);
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        // A closed pipe (e.g. `| head`) is not an error worth reporting; a
        // file that could not be written is.
        if let (Some(path), Err(source)) = (&args.output, written) {
            return Err(claimgraph::Error::Write { path: path.clone(), source });
        }
        // Freeing millions of small allocations one by one takes longer
        // than the process's exit, which returns the memory at once.
        std::mem::forget(report);
        return Ok(if loaded.rejected.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    if let Some(bar) = &bar {
        progress_bar::spin(bar, if claims_only { "listing claims" } else { "building report" }, false);
    }
    let out = if claims_only {
        claims_listing(&analysis, args.format)
    } else {
        match args.format {
            // The report takes the analysis's claims and relations instead
            // of copying them.
            Format::Md => {
                let report = analysis.into_report();
                let md = report.to_markdown();
                std::mem::forget(report);
                md
            }
            Format::Json => analysis.report().to_json() + "\n",
            // Written group by group above; were it asked here, the whole
            // analysis would be one line.
            Format::Jsonl => analysis.report().to_json_line() + "\n",
            Format::Dot => analysis.graph().to_dot(),
            Format::Html => claimgraph::html::render(&analysis),
            Format::Svg => claimgraph::svg::render(&analysis),
        }
    };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    write_out(&args.output, &out)?;
    Ok(if loaded.rejected.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The report in JSON Lines (`--format jsonl`): the header, then each
/// group's report as soon as it is done, to the file or to standard output.
/// A failed write stops the analysis and is returned as
/// [`claimgraph::Error::Write`] (with the path `-` for standard output).
fn report_by_group(
    analyzer: &Analyzer,
    documents: Vec<claimgraph::Document>,
    texts: claimgraph::input::ArticleFiles,
    rejected: impl IntoIterator<Item = (String, String)>,
    skipped: impl IntoIterator<Item = String>,
    output: &Option<PathBuf>,
) -> Result<(), claimgraph::Error> {
    let groups = if texts.is_empty() {
        analyzer.story_groups(documents)?
    } else {
        analyzer.story_groups_from(documents, texts)?
    };
    let header = claimgraph::report::GroupsHeader::new(&groups, rejected, skipped);
    let path = output.clone().unwrap_or_else(|| PathBuf::from("-"));
    let mut out = std::io::BufWriter::with_capacity(1 << 16, open_output(output)?);
    let mut line = |text: &[u8]| -> Result<(), claimgraph::Error> {
        out.write_all(text)
            .and_then(|()| out.write_all(b"\n"))
            .map_err(|source| claimgraph::Error::Write { path: path.clone(), source })
    };
    line(header.to_json_line().as_bytes())?;
    groups.analyze_each(
        |group, analysis| analysis.into_report().for_group(group).to_json_line_vec(),
        |text: Vec<u8>| line(&text),
    )?;
    out.flush().map_err(|source| claimgraph::Error::Write { path, source })
}

/// The file `output` names, created, or standard output.
fn open_output(output: &Option<PathBuf>) -> Result<Box<dyn Write>, claimgraph::Error> {
    Ok(match output {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .map_err(|source| claimgraph::Error::Write { path: path.clone(), source })?,
        ),
        None => standard_output(),
    })
}

/// Standard output for a report. On Unix it is written as a file (a
/// duplicate of its descriptor), without the line buffering of
/// `std::io::Stdout`, which searches every write for its last line break:
/// gigabytes of JSON Lines. Elsewhere, or if the descriptor cannot be
/// duplicated, it is `std::io::Stdout`.
fn standard_output() -> Box<dyn Write> {
    #[cfg(unix)]
    if let Ok(fd) = std::os::fd::AsFd::as_fd(&std::io::stdout()).try_clone_to_owned() {
        return Box::new(std::fs::File::from(fd));
    }
    Box::new(std::io::stdout().lock())
}

/// Writes `out` to the file, or to standard output.
fn write_out(output: &Option<PathBuf>, out: &str) -> Result<(), claimgraph::Error> {
    match output {
        Some(path) => std::fs::write(path, out)
            .map_err(|source| claimgraph::Error::Write { path: path.clone(), source })?,
        None => {
            // A closed pipe (e.g. `| head`) is not an error worth reporting.
            let _ = standard_output().write_all(out.as_bytes());
        }
    }
    Ok(())
}

/// Every attribution of each document, in document id order: tab-separated
/// lines (document, sentence, speaker with the cue and its class, content)
/// or a JSON array with one object per document, each attribution with its
/// spans and their text.
fn attributions_listing(
    analyzer: &Analyzer,
    mut documents: Vec<claimgraph::Document>,
    format: Format,
) -> Result<String, claimgraph::Error> {
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    // Each document on its own, in parallel; the list keeps id order.
    let all: Vec<Vec<claimgraph::Attribution>> = {
        use rayon::prelude::*;
        documents.par_iter().map(|d| analyzer.attributions(d)).collect::<Result<_, _>>()?
    };
    let mut json = Vec::new();
    let mut out = String::new();
    for (d, found) in documents.iter().zip(all) {
        let content = |a: &claimgraph::Attribution| -> Vec<&str> {
            a.content.iter().map(|s| s.slice(&d.text)).collect()
        };
        if format == Format::Json {
            let items: Vec<serde_json::Value> = found
                .iter()
                .map(|a| {
                    let mut v = serde_json::to_value(a).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert("source_text".into(), a.source.map(|s| s.slice(&d.text)).into());
                        o.insert("content_text".into(), content(a).into());
                    }
                    v
                })
                .collect();
            json.push(serde_json::json!({ "doc": d.id, "outlet": d.meta.outlet, "attributions": items }));
            continue;
        }
        for a in &found {
            let cue =
                a.cue.as_ref().map(|c| format!(" [{}: {}]", c.text, c.class.as_str())).unwrap_or_default();
            out.push_str(&format!(
                "{}\t{}\t{}{}\t{}\n",
                d.id,
                a.sentence,
                a.speaker.as_ref().map_or("(unstated)", |s| s.name.as_str()),
                cue,
                content(a).join(" … ").replace('\n', " ")
            ));
        }
    }
    if format == Format::Json {
        out = serde_json::to_string_pretty(&json).unwrap_or_default() + "\n";
    }
    Ok(out)
}

fn claims_listing(analysis: &claimgraph::Analysis, format: Format) -> String {
    if format == Format::Json {
        return serde_json::to_string_pretty(analysis.claims()).unwrap_or_default() + "\n";
    }
    let mut out = String::new();
    for c in analysis.claims() {
        let cue = c.cue.as_ref().map(|q| format!(" [{}]", q.text)).unwrap_or_default();
        out.push_str(&format!("{}\t{}{}\t{}\n", c.id, c.speaker.name, cue, c.text.replace('\n', " ")));
    }
    out
}
