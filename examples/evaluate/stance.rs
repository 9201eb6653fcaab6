//! FNC-1 and Emergent: the stance of an article toward a claim.

use crate::{Args, Figures};

pub fn fnc1(_args: &Args) -> Result<Figures, String> {
    Err("fnc1: not yet implemented".into())
}

pub fn emergent(_args: &Args) -> Result<Figures, String> {
    Err("emergent: not yet implemented".into())
}
