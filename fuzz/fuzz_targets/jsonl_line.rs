//! Any bytes as a JSONL line: reading and processing must never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// Built once: the knowledge base takes far longer to load than one input to process.
fn pipeline() -> &'static pipeline::Pipeline {
    static PIPELINE: OnceLock<pipeline::Pipeline> = OnceLock::new();
    PIPELINE
        .get_or_init(|| pipeline::Pipeline::new(Default::default(), label::Labelers::standard()))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(raw) = parse::read_jsonl_line("fuzz.jsonl", 1, data) {
        let _ = pipeline().process(&raw);
    }
});
