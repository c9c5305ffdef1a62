//! Any bytes as a JSONL line: reading and processing must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(raw) = parse::read_jsonl_line("fuzz.jsonl", 1, data) {
        let pipeline = pipeline::Pipeline::new(Default::default(), label::Labelers::standard());
        let _ = pipeline.process(&raw);
    }
});
