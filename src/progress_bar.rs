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
