//! `clause_final/13`: a cue after its content. "CONTENT, SPEAKER CUE" ("..., Baku Tribune
//! reports citing Azertac", "..., he said"), "CONTENT, CUE SPEAKER" ("..., kata Xi"), with a
//! second claim for "citing SOURCE". Quoted content is left to `quote/13`.

use records::{Claim, ClaimKind};

use super::doc::{Doc, Speaker, Subject, is_quote};
use super::lexicon::{SubjectSide, has_affix};
use crate::ClaimLabeler;

pub const NAME: &str = "clause_final/13";

/// Words after a final cue before the sentence ends ("told Baku Tribune", "said on Monday").
const MAX_TRAILING: usize = 4;
/// Words of the speaker phrase.
const MAX_SPEAKER: usize = 7;
/// Tokens of a speaker phrase after its cue, where a long title comes first ("kata Menteri
/// Koordinator Bidang Kemaritiman dan Investasi Luhut Binsar Pandjaitan").
const MAX_INVERTED_SPEAKER: usize = 12;

pub struct ClauseFinal;

impl ClaimLabeler for ClauseFinal {
    fn name(&self) -> &'static str {
        NAME
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Claim>) {
        for &(a, send) in &doc.sent_toks {
            // The sentence without its final punctuation.
            let mut end = send;
            while end > a && !doc.is_word(end - 1) {
                end -= 1;
            }
            let Some(last_comma) = (a..end).rev().find(|&k| doc.is_comma(k)) else {
                continue;
            };
            // The tail after the last comma, else after the comma before it when only a few
            // words of circumstance follow ("..., kata Menteri Luhut di Tokyo, Jumat.").
            let attribution = tail(doc, last_comma + 1, end)
                .map(|found| (last_comma, found))
                .or_else(|| {
                    let circumstance =
                        doc.words_in(doc.toks[last_comma].end, doc.toks[end - 1].end);
                    if circumstance > MAX_TRAILING
                        || (last_comma + 1..end).any(|k| doc.cue_at(k).is_some())
                    {
                        return None;
                    }
                    let comma = (a..last_comma).rev().find(|&k| doc.is_comma(k))?;
                    tail(doc, comma + 1, last_comma).map(|found| (comma, found))
                });
            // "CONTENT, Xi said, adding that ...": the attribution between two commas, before a
            // participle that goes on with the same speaker.
            let attribution = attribution.or_else(|| {
                let after = (a..end).find(|&k| {
                    doc.is_comma(k) && doc.cue_at(k + 1).is_some_and(|c| c.cue.participle)
                })?;
                let before = (a..after)
                    .rev()
                    .take(MAX_SPEAKER + 2)
                    .find(|&k| doc.is_comma(k))?;
                end = after;
                tail(doc, before + 1, after).map(|found| (before, found))
            });
            let Some((comma, mut found)) = attribution else {
                if let Some(c) = interposed(doc, a, end) {
                    out.push(c);
                }
                continue;
            };
            // A tail before the tail ("..., Minister Parviz Shahbazov said, Trend reports"):
            // the speaker's words end at its comma, and the outlet reports the same words.
            let mut comma = comma;
            if let Some(inner) = (a..comma).rev().find(|&k| doc.is_comma(k))
                && let Some(said) = tail(doc, inner + 1, comma)
            {
                found.splice(0..0, said);
                comma = inner;
            }
            // Quoted content is left to `quote/13`; a content does not run over a line break.
            let quotes =
                |s: usize, e: usize| doc.text[s..e].chars().filter(|&c| is_quote(c)).count();
            let tail_start = doc.toks[comma].end;
            let tail_end = doc.toks[end - 1].end;
            let mut start = doc.toks[a].start;
            if let Some(n) = doc.text[start..doc.toks[comma].start].rfind('\n') {
                start += n + 1;
            }
            let content = (start, doc.toks[comma].start);
            if doc.words_in(content.0, content.1) < 4
                || doc.text[content.0..content.1]
                    .trim_start()
                    .starts_with(is_quote)
                || quotes(content.0, content.1) % 2 == 1
                || quotes(tail_start, tail_end) > 0
            {
                continue;
            }
            for (speaker, cue) in found {
                if let Some(c) = doc.claim(
                    content,
                    Some(&speaker),
                    Some(cue),
                    ClaimKind::Indirect,
                    NAME,
                    0.8,
                ) {
                    out.push(c);
                }
            }
        }
    }
}

/// Words before an interposed attribution (the sentence's opening: "Yang terpenting,").
const MAX_INTERPOSED_AFTER: usize = 4;

/// An attribution set between commas after a sentence's first words, whose clause follows it
/// ("Yang terpenting, kata Wahyu, warga mulai menampung air hujan", "Warga, lanjutnya,
/// berencana ...", "Non-tariff barriers, she argued, cost ..."): the cue stands before its
/// speaker or carries it, or after it where the subject comes first. The content is the clause
/// after the second comma (a content is one span). `[a, end)`: the sentence's tokens without
/// its final punctuation.
fn interposed(doc: &Doc, a: usize, end: usize) -> Option<Claim> {
    let open = (a..end)
        .take_while(|&k| doc.words_in(doc.toks[a].start, doc.toks[k].start) <= MAX_INTERPOSED_AFTER)
        .find(|&k| doc.is_comma(k))?;
    let close = (open + 1..end)
        .take(MAX_INVERTED_SPEAKER + 2)
        .find(|&k| doc.is_comma(k))?;
    // The cue right after the first comma, before its speaker or carrying it; or, where the
    // subject comes first, after its speaker ("Non-tariff barriers, she argued, cost ...").
    let k = (open + 1..close).find(|&k| doc.cue_at(k).is_some())?;
    let cm = doc.cue_at(k)?;
    let inverted = k == open + 1 && (cm.cue.inverted || cm.cue.pronoun);
    let after_speaker = k > open + 1
        && doc.lx.subject == SubjectSide::Before
        && cm.cue.final_
        && !cm.cue.inverted
        && cm.last == close;
    if !(inverted || after_speaker) {
        return None;
    }
    let (speaker, cue) = tail(doc, open + 1, close)?.into_iter().next()?;
    let content = (doc.toks.get(close + 1)?.start, doc.toks[end - 1].end);
    // Not after a quotation ('"Fundamentals remain solid," he said, pointing to ...'), whose
    // attribution it is, nor where a participle goes on with the speaker's acts (one that is
    // no finite verb's form too: "contravened" is the clause's verb).
    let participle = after_speaker
        && doc.has_aside_suffix(close + 1)
        && !has_affix(&doc.lx.finite_affixes, &doc.toks[close + 1].norm);
    if doc.words_in(content.0, content.1) < 3
        || doc.text[doc.toks[a].start..content.1].contains(is_quote)
        || participle
    {
        return None;
    }
    doc.claim(
        content,
        Some(&speaker),
        Some(cue),
        ClaimKind::Indirect,
        NAME,
        0.8,
    )
}

/// The attributions of a sentence tail `[from, end)`: speaker and cue, then the cited source.
fn tail(doc: &Doc, from: usize, end: usize) -> Option<Vec<(Speaker, (usize, usize))>> {
    // Words, not tokens: an acronym in brackets ("the British Medical Association (BMA) has
    // announced") is three tokens of one word. A long title and a name before the cue take
    // more, all capitalised but for the words that link a title's parts ("..., Coordinating
    // Minister for Maritime Affairs and Investment Luhut Binsar Pandjaitan stated here").
    let (mut words, mut titled) = (0, true);
    let mut found = None;
    for k in from..end {
        words += usize::from(doc.toks[k].word);
        if words > MAX_SPEAKER + 1 && !(titled && words <= MAX_INVERTED_SPEAKER + 1) {
            break;
        }
        if doc.cue_at(k).is_some() && !(k > from && doc.after_intent_or_degree(k)) {
            found = Some(k);
            break;
        }
        titled &= !doc.toks[k].word
            || doc.is_capitalised(k)
            || doc.tok_in(k, &doc.lx.role_links)
            || doc.tok_in(k, &doc.lx.conjs);
    }
    let k = found?;
    // The verb of an "according to" phrase is that phrase's ("، بحسب ما أفاد به مصدر").
    let cm = doc
        .cue_at(k)
        .filter(|cm| !doc.in_according_phrase(cm, from))?;
    // A cue that stands before its speaker ("kata Xi") after other words is a noun ("tidak
    // mencapai kata sepakat"), as it is before a word that shows an object ("kata kunci").
    if !cm.cue.final_
        || (cm.cue.inverted && k > from)
        || (cm.last < end && doc.tok_in(cm.last, &doc.lx.blocks))
    {
        return None;
    }
    let found = |s: usize, e: usize| match doc.resolve_subject(s, e, None) {
        Subject::Found(x) => Some(x),
        _ => None,
    };
    let mut out = Vec::new();
    if k == from {
        if cm.cue.pronoun && cm.last == end {
            // "..., ujarnya."
            out.push((
                doc.pronoun_cue_speaker((cm.start, cm.end)),
                (cm.start, cm.end),
            ));
            return Some(out);
        }
        // CUE SPEAKER, up to where circumstances begin ("kata Menteri Luhut di Tokyo"); a
        // clause after the cue is its content, not its speaker ("..., a Democrat from
        // Massachusetts, said the bill would fail", "...، وقال إن الصين ...", "..., said they
        // expect ...": a pronoun with words after it opens a clause; ", said he." is a speaker).
        let speaker_end = (cm.last + 1..end)
            .find(|&k| doc.is_preposition(k))
            .unwrap_or(end);
        let pronoun_clause = cm.last + 1 < end && doc.tok_in(cm.last, &doc.lx.subject_pronouns);
        if speaker_end - cm.last > MAX_INVERTED_SPEAKER
            || pronoun_clause
            || (cm.last + 1..end).any(|k| doc.finite_at(k))
            || (cm.last..end).any(|k| doc.match_any(k, &doc.lx.comps).is_some())
        {
            return None;
        }
        // Where the subject comes first, "the NOUN of" after the cue is its object
        // ("Bayraktar, for his part, emphasized the importance of ..."), unless it names
        // someone or a role ("..., said the head of the agency"); any other phrase is the
        // speaker ("..., said the company", "..., said people familiar with the matter").
        let object = doc.lx.subject == SubjectSide::Before
            && doc.tok_in(cm.last, &doc.lx.determiners)
            && speaker_end < end
            && doc.tok_in(speaker_end, &doc.lx.role_links)
            && !(cm.last..speaker_end).any(|k| doc.match_any(k, &doc.lx.roles).is_some());
        let speaker =
            found(cm.last, speaker_end).filter(|x| !object || x.person || x.canonical.is_some())?;
        out.push((speaker, (cm.start, cm.end)));
        return Some(out);
    }
    // A negation or a copula right before the cue makes it no attribution ("..., a claim
    // Israel has not confirmed", "..., the sector remains stressed"), nor does a relative
    // pronoun opening the subject ("..., which the minister confirmed"); names are
    // capitalised ("..., the WHO said").
    let lower = |j: usize| !doc.is_capitalised(j);
    let before_cue = k.checked_sub(1).filter(|&j| j >= from && lower(j));
    // Nor does a verb-first language's cue with a complementizer of its own after it ("...،
    // والوزيرة قالت إن ..."): its clause is its content ("that" after an English one may be a
    // demonstrative: "the minister said that evening").
    if before_cue
        .is_some_and(|j| doc.tok_in(j, &doc.lx.negations) || doc.tok_in(j, &doc.lx.copulas))
        || (lower(from) && doc.tok_in(from, &doc.lx.relatives))
        || (doc.lx.subject == SubjectSide::After
            && (cm.last..end.min(cm.last + 3)).any(|j| doc.match_any(j, &doc.lx.comps).is_some()))
    {
        return None;
    }
    out.push((found(from, k)?, (cm.start, cm.end)));
    if let Some((cite, cite_end)) = doc
        .lx
        .cites
        .iter()
        .find_map(|w| doc.match_words(cm.last, w).map(|e| (cm.last, e)))
    {
        if let Some(s) = found(cite_end, end) {
            out.push((s, (doc.toks[cite].start, doc.toks[cite_end - 1].end)));
        }
    } else if (cm.last..end).any(|k| doc.finite_at(k))
        || (end - cm.last > MAX_TRAILING
            // Longer circumstances open with a preposition ("..., Dr Tan said in parliament
            // during the debate on his ministry's budget.").
            && !(doc.is_preposition(cm.last) && doc.only_circumstances(cm.last)))
    {
        // A clause after the cue is its own content ("..., the minister said the figures
        // were wrong").
        return None;
    }
    Some(out)
}
