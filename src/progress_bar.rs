//! The command line's progress bar: on standard error, only when it is a
//! terminal, and only for inputs large enough to take a while.

use std::io::IsTerminal as _;

use claimgraph::Stage;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Inputs with fewer documents than this finish too fast for a bar.
const MIN_DOCUMENTS: usize = 200;

/// A hidden-until-used progress bar, or none when it should not be shown.
pub fn bar(documents: usize, disabled: bool) -> Option<ProgressBar> {
    if disabled || documents < MIN_DOCUMENTS || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr_with_hz(4));
    let style = ProgressStyle::with_template("{prefix:>18} [{bar:40}] {pos}/{len} ({elapsed})")
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

/// The analysis callback that moves `bar`.
pub fn updater(bar: ProgressBar) -> impl Fn(Stage, usize, usize) + Send + Sync + 'static {
    move |stage, done, total| {
        if done == 0 {
            bar.set_prefix(stage.as_str());
            bar.set_length(total as u64);
            bar.reset();
        }
        bar.set_position(done as u64);
    }
}

/// Turns the bar into a spinner for a step whose length is not known in
/// advance: building the report, or writing it (`bytes`: show how much has
/// been written, counted by a writer from [`ProgressBar::wrap_write`]).
pub fn spin(bar: &ProgressBar, what: &'static str, bytes: bool) {
    let template = if bytes {
        "{prefix:>18} {spinner} {bytes} ({elapsed})"
    } else {
        "{prefix:>18} {spinner} ({elapsed})"
    };
    let style = ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.set_prefix(what);
    bar.set_length(0);
    bar.reset();
    bar.enable_steady_tick(std::time::Duration::from_millis(250));
}
