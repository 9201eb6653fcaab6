//! Article files: front matter parsing, UTF-8 decoding, size limits.
//!
//! Whatever the bytes, `parse_document` returns a document or an error, and
//! a document's body is a suffix of the input (kept byte for byte).
#![no_main]

use claimgraph::input::{LoadOptions, parse_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = LoadOptions { keep_going: false, max_doc_bytes: Some(1 << 20) };
    match parse_document("doc", "doc.txt", data, &options) {
        Ok(doc) => {
            assert!(data.ends_with(doc.text.as_bytes()), "the body is a suffix of the file");
            assert!(!doc.text.trim().is_empty());
            assert!(!doc.meta.outlet.trim().is_empty());
            doc.validate().expect("a parsed document is valid");
        }
        Err(err) => {
            // Every error has a message that names the input.
            let message = err.to_string();
            assert!(message.contains("doc"), "{message}");
        }
    }
});
