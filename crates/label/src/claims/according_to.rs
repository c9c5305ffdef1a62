//! `according_to/13`: "According to SPEAKER, CONTENT", "CONTENT, according to SPEAKER",
//! "menurut SPEAKER", "Menurutnya, CONTENT" (the person named last), "CONTENT، وفقا لما نقلت SPEAKER". Only at the start of a sentence or
//! after a comma: "chosen according to their national conditions" is no attribution.

use records::{Claim, ClaimKind};

use super::doc::{Doc, Speaker, Subject};
use crate::ClaimLabeler;

pub const NAME: &str = "according_to/13";

/// Tokens of the speaker phrase after the cue, with the source it cites ("a security source
/// cited by the state-run MENA news agency").
const MAX_SPEAKER: usize = 14;

pub struct AccordingTo;

/// A longer phrase of a thing and who made it ("a report published by the central bank", "data
/// released by the statistics office"): the whole phrase, for the maker named after the
/// preposition that ends an `agent` entry ("by"), where it is a known body or person.
fn made_by(doc: &Doc, s: usize, e: usize) -> Option<Speaker> {
    let by = (s + 2..e).find(|&k| {
        doc.lx
            .agents
            .iter()
            .any(|a| a.last().is_some_and(|w| *w == *doc.toks[k].norm))
    })?;
    match doc.resolve_subject(by + 1, e, None) {
        Subject::Found(maker) => Some(Speaker {
            start: doc.toks[s].start,
            end: doc.toks[e - 1].end,
            ..maker
        }),
        _ => None,
    }
}

impl ClaimLabeler for AccordingTo {
    fn name(&self) -> &'static str {
        NAME
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Claim>) {
        for &(a, send) in &doc.sent_toks {
            for i in a..send {
                if !(i == a || doc.is_comma(i - 1)) {
                    continue;
                }
                // "Menurutnya, CONTENT": the speaker is the pronoun inside the cue; after a
                // connective too ("Namun, menurutnya, kondisi itu sudah membaik").
                let opens = i == a
                    || (i > a
                        && doc.is_comma(i - 1)
                        && doc.match_any(a, &doc.lx.connectives) == Some(i - 1));
                if opens
                    && let Some(end) = doc.match_any(i, &doc.lx.according_pronouns)
                    && end < send
                    && doc.is_comma(end)
                {
                    let cue = (doc.toks[i].start, doc.toks[end - 1].end);
                    let content = (doc.toks[end].end, doc.toks[send - 1].end);
                    if doc.words_in(content.0, content.1) >= 4
                        && let Some(c) = doc.claim(
                            content,
                            Some(&doc.pronoun_cue_speaker(cue)),
                            Some(cue),
                            ClaimKind::Indirect,
                            NAME,
                            0.85,
                        )
                    {
                        out.push(c);
                    }
                    continue;
                }
                let Some((cue_start, cue_end, speaker_from, speaker_start)) =
                    matched(doc, i, opens)
                else {
                    continue;
                };
                // Circumstances after a participle are no source ("Seperti dikutip dalam
                // laporan tahunan,").
                if speaker_from < send && doc.is_preposition(speaker_from) {
                    continue;
                }
                // The speaker phrase runs to the next comma outside a name ("Menurut Badan
                // Meteorologi, Klimatologi, dan Geofisika (BMKG), ...") or the sentence's end.
                let mut e = speaker_from;
                while e < send
                    && !doc.is_boundary_between_names(e)
                    && e - speaker_from < MAX_SPEAKER
                {
                    e += 1;
                }
                if e < send && !doc.is_boundary_between_names(e) {
                    continue;
                }
                // An acronym in brackets after the name is the speaker's too ("... (BMKG), ").
                if e + 3 <= send
                    && doc.is_punct(e, &['('])
                    && doc.is_word(e + 1)
                    && doc.is_punct(e + 2, &[')'])
                {
                    e += 3;
                }
                // The closing mark of a name in quotation marks ('بحسب ما أفادت «الوكالة
                // الوطنية للإعلام»، فإن').
                if e < send && e > speaker_from && doc.is_quote_tok(e) {
                    e += 1;
                }
                // "حسبما ذكرت وكالة رويترز نقلا عن مصادر حكومية،": the outlet, and the source it
                // cites for the same words.
                let cited = (speaker_from..e).find_map(|k| {
                    doc.lx
                        .cites
                        .iter()
                        .find_map(|w| doc.match_words(k, w).map(|end| (k, end)))
                });
                let outlet_end = cited.map_or(e, |(k, _)| k);
                let speaker = match doc.resolve_subject(speaker_from, outlet_end, None) {
                    Subject::Found(mut s) => {
                        s.start = s.start.max(speaker_start);
                        s
                    }
                    _ => match made_by(doc, speaker_from, outlet_end) {
                        Some(mut s) => {
                            s.start = s.start.max(speaker_start);
                            s
                        }
                        None => continue,
                    },
                };
                let source = cited.and_then(|(k, end)| match doc.resolve_subject(end, e, None) {
                    Subject::Found(s) => Some((s, (doc.toks[k].start, doc.toks[end - 1].end))),
                    _ => None,
                });
                // The content ends before a speaker's own attribution after it ("Melansir laman
                // resmi BMKG, gempa itu tidak berpotensi tsunami, kata kepala BMKG ...").
                let tail = |from: usize| {
                    (from..send)
                        .find(|&k| {
                            doc.is_comma(k)
                                && (super::cue_that::tail_attribution(doc, k + 1, send).is_some()
                                    || doc.cue_at(k + 1).is_some_and(|cm| cm.cue.inverted))
                        })
                        .map_or(doc.toks[send - 1].end, |k| doc.toks[k].start)
                };
                // Between a cue and its clause ("Menteri X menegaskan, seperti dilansir dari
                // Antara, pemerintah tidak akan ..."): the clause after it.
                let inside_attribution = i >= 2
                    && e + 1 < send
                    && doc.is_comma(e)
                    && doc.cue_at(i - 2).is_some_and(|cm| cm.last == i - 1);
                // Between a clause's verb and its complementizer ("كشفت التحريات، وفق ما
                // أكده مصدر أمني، أن ..."): the clause after the complementizer.
                let before_complement = e + 1 < send
                    && doc.is_comma(e)
                    && doc.match_any(e + 1, &doc.lx.comps).is_some();
                // Between a subject and its verb of saying ("analis Wood Mackenzie, Rohan
                // Mehta, seperti dilansir Reuters, menilai harga ..."): that verb's clause.
                let before_cue = (i > a && e + 2 < send && doc.is_comma(e))
                    .then(|| doc.cue_at(e + 1))
                    .flatten()
                    .filter(|cm| !cm.cue.inverted && !cm.cue.pronoun && cm.last < send);
                let content = if let Some(cm) = before_cue {
                    // (`last` is the token after the cue.)
                    let from = match doc.match_any(cm.last, &doc.lx.comps) {
                        Some(after) if after < send => after,
                        _ => cm.last,
                    };
                    (doc.toks[from].start, tail(from))
                } else if opens || inside_attribution || before_complement {
                    // "According to X, CONTENT", after a connective too ("Namun, menurut X, ...")
                    if e >= send || !doc.is_comma(e) {
                        continue;
                    }
                    // "وبحسب البيان، فإن ...": the complementizer is no part of the content.
                    let from = match doc.match_any(e + 1, &doc.lx.comps) {
                        Some(after) if after < send => doc.toks[after].start,
                        _ => doc.toks[e].end,
                    };
                    (from, tail(e + 1))
                } else {
                    // "CONTENT, according to X"
                    (doc.toks[a].start, doc.toks[i - 1].start)
                };
                if doc.words_in(content.0, content.1) < 4
                    || doc.text[content.0..content.1]
                        .trim_start()
                        .starts_with(super::doc::is_quote)
                {
                    continue;
                }
                if let Some(c) = doc.claim(
                    content,
                    Some(&speaker),
                    Some((cue_start, cue_end)),
                    ClaimKind::Indirect,
                    NAME,
                    0.85,
                ) {
                    out.push(c);
                }
                if let Some((source, cite)) = source
                    && let Some(c) = doc.claim(
                        content,
                        Some(&source),
                        Some(cite),
                        ClaimKind::Indirect,
                        NAME,
                        0.85,
                    )
                {
                    out.push(c);
                }
            }
        }
    }
}

/// Particles after the verb of "بحسب ما VERB" that the source follows ("بحسب ما أفاد به
/// مصدر", "بحسب ما ورد في لائحة الاتهام").
const AFTER_RELATIVE_VERB: [&str; 7] = ["به", "بها", "في", "عن", "عنه", "عنها", "من"];

/// "بحسب ما VERB", "وفقا لما VERB", "حسبما VERB": where the phrase ends in "ما" ("what"), its
/// verb and a particle after it are the cue's too, and the source comes after them. Returns
/// the cue's end byte and the source's first token, from the verb at token `verb`.
fn relative_verb(doc: &Doc, verb: usize) -> Option<(usize, usize)> {
    let t = doc.toks.get(verb)?;
    let next = doc.toks.get(verb + 1)?;
    if !t.word || next.sent != t.sent || !doc.tok_in(verb, &doc.lx.relative_verbs) {
        return None;
    }
    // The source in quotation marks ('بحسب ما أفادت «الوكالة الوطنية للإعلام»').
    if doc.is_opening_quote(verb + 1) {
        return doc
            .toks
            .get(verb + 2)
            .filter(|t| t.word)
            .map(|_| (t.end, verb + 2));
    }
    if !next.word {
        return None;
    }
    match AFTER_RELATIVE_VERB.contains(&&*next.norm) {
        true => doc
            .toks
            .get(verb + 2)
            .filter(|t| t.word)
            .map(|_| (next.end, verb + 2)),
        false => Some((t.end, verb + 1)),
    }
}

/// An "according to" phrase at token `i`: the cue's first and end bytes, the first token of
/// the speaker, and the speaker's first byte (after a glued preposition). A phrase that ends
/// in "ما" takes its verb ([`relative_verb`]).
fn matched(doc: &Doc, i: usize, opens: bool) -> Option<(usize, usize, usize, usize)> {
    let (cue_start, cue_end, from, start) = matched_phrase(doc, i, opens)?;
    let ends_in_what = |k: usize| k > i && doc.toks[k - 1].norm.ends_with("ما");
    // The glued preposition's "ما" ("وفقا لما أوردته"): the whole word is the cue's.
    let glued_what = doc
        .toks
        .get(from)
        .is_some_and(|t| t.start < start && t.norm.ends_with("ما"));
    let verb = if glued_what {
        from + 1
    } else if ends_in_what(from) {
        from
    } else if doc.toks.get(from).is_some_and(|t| *t.norm == *"ما") {
        from + 1
    } else {
        return Some((cue_start, cue_end, from, start));
    };
    let (end, source) = relative_verb(doc, verb)?;
    Some((cue_start, end, source, doc.toks[source].start))
}

fn matched_phrase(doc: &Doc, i: usize, opens: bool) -> Option<(usize, usize, usize, usize)> {
    // A conjunction glued to the phrase is no part of the cue ("وبحسب"): where the phrase
    // matched only without it.
    let cue_start = |words: &[String]| {
        let glued_conj = doc.match_words(i, words).is_none();
        doc.toks[i].start + doc.unglued(i).filter(|_| glued_conj).map_or(0, |(_, n)| n)
    };
    let openers = doc.lx.according_openers.iter().filter(|_| opens);
    for words in openers {
        if let Some(end) = doc.match_words_unglued(i, words) {
            let t = doc.toks.get(end)?;
            return Some((cue_start(words), doc.toks[end - 1].end, end, t.start));
        }
    }
    for (words, glued) in &doc.lx.according {
        if !glued {
            if let Some(end) = doc.match_words_unglued(i, words) {
                let t = doc.toks.get(end)?;
                return Some((cue_start(words), doc.toks[end - 1].end, end, t.start));
            }
            continue;
        }
        let n = words.len();
        let Some(end) = doc.match_words_unglued(i, &words[..n - 1]) else {
            continue;
        };
        let t = doc.toks.get(end)?;
        let prefix = &words[n - 1];
        if t.sent != doc.toks[i].sent || !t.norm.starts_with(prefix.as_str()) || t.norm == *prefix {
            continue;
        }
        let raw = &doc.text[t.start..t.end];
        let cut = raw
            .char_indices()
            .nth(prefix.chars().count())
            .map_or(raw.len(), |(b, _)| b);
        return Some((
            cue_start(&words[..n - 1]),
            t.start + cut,
            end,
            t.start + cut,
        ));
    }
    None
}
