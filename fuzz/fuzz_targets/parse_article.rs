//! Any bytes as a `.txt` article: decoding, parsing and labelling must never panic (nor be
//! rejected as `internal_error`, a caught panic), and the rows they make must index their
//! text.
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
    let Ok((text, flags)) = parse::decode_text(data) else {
        return;
    };
    let raw = records::RawArticle {
        source_file: "fuzz.txt".into(),
        source_line: None,
        text,
        given: Default::default(),
        input_flags: flags,
    };
    // A panic while labelling is caught and the article rejected (`internal_error`), so
    // that a run goes on: here it is the crash the fuzzer looks for.
    let result = pipeline().process(&raw);
    if let Err(reject) = &result {
        assert_ne!(reject.reason, pipeline::INTERNAL_ERROR, "{}", reject.detail);
    }
    if let Ok(rows) = result {
        let article = &rows.articles[0];
        for s in &rows.sentences {
            let text: String = article
                .text
                .chars()
                .skip(s.char_start as usize)
                .take((s.char_end - s.char_start) as usize)
                .collect();
            assert_eq!(text, s.text);
        }
    }
});
