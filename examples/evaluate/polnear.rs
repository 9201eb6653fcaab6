//! PolNeAR: attribution extraction (source, cue, content spans).

use crate::{Args, Figures};

pub fn run(_args: &Args) -> Result<Figures, String> {
    Err("polnear: not yet implemented".into())
}
