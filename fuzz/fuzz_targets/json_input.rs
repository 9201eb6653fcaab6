//! JSON inputs: syntax errors, wrong shapes, element positions.
#![no_main]

use claimgraph::input::{LoadOptions, parse_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = LoadOptions { keep_going: false, max_doc_bytes: Some(1 << 20) };
    match parse_json("in.json", "in", data, &options) {
        Ok(docs) => {
            for doc in &docs {
                doc.validate().expect("a parsed document is valid");
            }
            let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            assert_eq!(ids.len(), n, "ids are unique");
        }
        Err(err) => {
            let _ = err.to_string();
        }
    }
});
