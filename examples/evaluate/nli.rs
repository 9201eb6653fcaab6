//! Breaking NLI and the Stanford contradiction pairs: comparing two sentences.

use crate::{Args, Figures};

pub fn breaking(_args: &Args) -> Result<Figures, String> {
    Err("breaking-nli: not yet implemented".into())
}

pub fn stanford(_args: &Args) -> Result<Figures, String> {
    Err("stanford: not yet implemented".into())
}
