//! Progress of a long analysis, reported to a callback (the CLI draws a bar
//! with it; the library draws nothing).

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A stage of the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// Sentences, tokens and stems of each document.
    Prepare,
    /// Name mentions in each document.
    Mentions,
    /// Resolving mentions to referents across documents (one step).
    Resolve,
    /// Claims of each document.
    Extract,
    /// Comparing candidate pairs of claims.
    Compare,
    /// Analysing one group of stories at a time
    /// ([`crate::StoryGroups::analyze_each`]): the documents of the groups
    /// done.
    Groups,
}

impl Stage {
    /// A short name for display.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Prepare => "segmenting",
            Stage::Mentions => "finding names",
            Stage::Resolve => "resolving names",
            Stage::Extract => "extracting claims",
            Stage::Compare => "comparing claims",
            Stage::Groups => "analysing stories",
        }
    }
}

type Callback = dyn Fn(Stage, usize, usize) + Send + Sync;

/// A progress callback: `(stage, done, total)`. It is called from several
/// threads, as work is done, with `done` going from 0 to `total` per stage.
#[derive(Clone, Default)]
pub(crate) struct Progress(Option<Arc<Callback>>);

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() { "Progress(callback)" } else { "Progress(none)" })
    }
}

impl Progress {
    pub fn new(f: impl Fn(Stage, usize, usize) + Send + Sync + 'static) -> Progress {
        Progress(Some(Arc::new(f)))
    }

    /// A counter for a stage of `total` steps; it reports the start.
    pub fn stage(&self, stage: Stage, total: usize) -> Counter<'_> {
        if let Some(f) = &self.0 {
            f(stage, 0, total);
        }
        Counter { progress: self, stage, total, done: AtomicUsize::new(0) }
    }
}

/// Counts the steps of one stage and reports them.
pub(crate) struct Counter<'p> {
    progress: &'p Progress,
    stage: Stage,
    total: usize,
    done: AtomicUsize,
}

impl Counter<'_> {
    /// Reports `n` more steps done.
    pub fn add(&self, n: usize) {
        if let Some(f) = &self.progress.0 {
            let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
            f(self.stage, done.min(self.total), self.total);
        }
    }
}
