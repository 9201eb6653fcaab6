//! Compiles WordNet's text table, `data/wordnet.txt.gz`, into the form the
//! crate reads in place (`src/wordnet_format.rs`), so that nothing is
//! decompressed or parsed at run time.

use std::io::Read as _;
use std::path::PathBuf;

#[path = "src/wordnet_format.rs"]
mod wordnet_format;
#[path = "src/wordnet_write.rs"]
mod wordnet_write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for input in ["build.rs", "data/wordnet.txt.gz", "src/wordnet_format.rs", "src/wordnet_write.rs"] {
        println!("cargo::rerun-if-changed={input}");
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let compressed = std::fs::read(root.join("data/wordnet.txt.gz"))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(&compressed[..]).read_to_string(&mut text)?;
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let table = wordnet_write::write(&text, big_endian)?;
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR")?).join("wordnet.bin"), table)?;
    Ok(())
}
