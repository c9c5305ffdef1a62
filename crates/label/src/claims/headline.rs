//! `headline/11`: a title that attributes words with a colon, "President: Relations develop
//! successfully", is a direct claim without a cue.

use records::{Claim, ClaimKind, EntityType};

use super::doc::{Doc, Subject, is_quote};
use super::lexicon::SubjectSide;
use crate::ClaimLabeler;

pub const NAME: &str = "headline/11";

/// Words of the speaker before the colon.
const MAX_SPEAKER: usize = 5;

/// Bytes after a title searched for its kicker as the body's dateline.
const DATELINE_REACH: usize = 400;

pub struct Headline;

impl ClaimLabeler for Headline {
    fn name(&self) -> &'static str {
        NAME
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Claim>) {
        for (si, &(a, send)) in doc.sent_toks.iter().enumerate() {
            // A title glued to the next line by a simple sentence splitter is its first line.
            let (s, e) = doc.sents[si];
            let e = doc.text[s..e].find('\n').map_or(e, |n| s + n);
            let send = (a..send).find(|&k| doc.toks[k].start >= e).unwrap_or(send);
            let text = &doc.text[s..e];
            let is_title = si == 0
                || doc
                    .article
                    .title
                    .as_deref()
                    .is_some_and(|t| t.trim() == text);
            if !is_title || text.ends_with(['.', ':']) {
                continue;
            }
            if let Some(c) = quotation_first(doc, a, send, s, e) {
                out.push(c);
                continue;
            }
            // Each part of a headline may have its speaker ("مونتيرو: ... .. ومدرب الاتحاد: ...").
            let title_start = a;
            for colon in (a..send).filter(|&k| doc.is_punct(k, &[':'])) {
                // The news first and its speaker after a comma or two periods ("Persebaya Tekuk
                // Persija 2-1, Paulo Menezes: Kemenangan Ini untuk Bonek", "سيول تداهم منازل في
                // وادي موسى.. والأهالي: تُركنا وحدنا").
                let joint = |k: usize| {
                    doc.is_comma(k)
                        || doc.is_punct(k, &['\u{2026}'])
                        || (doc.is_punct(k, &['.'])
                            && (doc.is_punct(k + 1, &['.'])
                                || (k > 0 && doc.is_punct(k - 1, &['.']))))
                };
                let a = match (title_start..colon).rev().find(|&k| joint(k)) {
                    Some(j) if j > title_start && j + 1 < colon => j + 1,
                    _ => title_start,
                };
                // Whom it was said to is no part of the speaker ("وزير الطاقة اللبناني
                // لـ«الشرق الأوسط»: ...", the outlet that interviewed him).
                let speaker_end = (a + 1..colon)
                    .find(|&k| &*doc.toks[k].norm == "ل")
                    .unwrap_or(colon);
                // A headline that opens with quoted words has them before the colon, and its
                // speaker after ("'We rebuild a school, they bomb it again': Kharkiv volunteer
                // on ...").
                if colon == a
                    || (a..colon).any(|k| doc.is_punct(k, &[':']))
                    || doc.text[doc.toks[title_start].start..]
                        .starts_with(|c: char| is_quote(c) || matches!(c, '\'' | '\u{2018}'))
                    || doc.words_in(doc.toks[a].start, doc.toks[speaker_end - 1].end) > MAX_SPEAKER
                    || (a..colon).any(|k| doc.cue_at(k).is_some())
                {
                    continue;
                }
                let role_after_conj = (doc.lx.roles.iter()).any(|r| {
                    doc.match_words(a, r).is_none() && doc.match_words_unglued(a, r).is_some()
                });
                // A role names no one before a headline: the person the body introduces with it.
                // After the news, a phrase that is no person nor role is a label ("..., Skor
                // Akhir:", "..., Kamis 14 Maret 2024:").
                let speaker = match doc.resolve_subject(a, speaker_end, None) {
                    Subject::Found(x) if x.canonical.is_some() => x,
                    found => match (doc.role_introduced_after(a, speaker_end), found) {
                        (Some(x), _) => x,
                        // A role after a glued "و" is one too ("ومدرب الاتحاد:").
                        // A role whose holder the body does not name is still who speaks
                        // ("Minister: Relations develop successfully").
                        (None, Subject::Found(x))
                            if x.person
                                || role_after_conj
                                || role_ends_at(doc, a, speaker_end)
                                || people_phrase(doc, a, speaker_end) =>
                        {
                            x
                        }
                        _ => continue,
                    },
                };
                // "و" glued before the article or a role is the conjunction ("والأهالي",
                // "ومدرب الاتحاد").
                let mut speaker = speaker;
                let people_after_conj =
                    !doc.lx.people.iter().any(|p| *p == *doc.toks[a].norm) && people_at(doc, a);
                let glued_conj =
                    doc.toks[a].norm.starts_with("وال") || role_after_conj || people_after_conj;
                if speaker.start == doc.toks[a].start && glued_conj {
                    speaker.start += 'و'.len_utf8();
                }
                // The words end where the next part of the headline begins ("مونتيرو: الهلال لعب
                // بعقلية البطل.. ومدرب الاتحاد: الحكم أفسد المباراة").
                let next_colon = (colon + 1..send).find(|&k| doc.is_punct(k, &[':']));
                let e = match (colon + 1..next_colon.unwrap_or(colon + 1))
                    .filter(|&k| joint(k) && !doc.is_comma(k))
                    .last()
                {
                    Some(mut k) => {
                        while k > colon + 1 && joint(k - 1) && !doc.is_comma(k - 1) {
                            k -= 1;
                        }
                        doc.toks[k].start.min(e)
                    }
                    None => e,
                };
                let content = (doc.toks[colon].end, e);
                if doc.words_in(content.0, content.1) < 3 {
                    continue;
                }
                // A place before the colon is where, not who, when a person opens the words after
                // it, their subject ("ألمانيا: شولتس يدعو إلى ...", "Gaza: Guterres calls for
                // ..."), or when it is the dateline's place ("Abu Dhabi: Schools to shift to
                // remote learning"); an organisation speaks ("Kremlin: Putin has no plans to ...").
                let place = doc
                    .ents_in(speaker.start, speaker.end)
                    .all(|x| matches!(x.label, EntityType::Gpe | EntityType::Loc));
                // Where the subject comes first, a city or region before the colon is the story's
                // place ("Pune: Two held for duping senior citizen", Indian and Pakistani papers'
                // kicker); a country may speak for its government ("Ukraine: ...").
                let town = place
                    && doc.lx.subject != SubjectSide::After
                    && doc.ents_in(speaker.start, speaker.end).any(|x| !x.country);
                if town {
                    continue;
                }
                let person_after = || {
                    (colon + 1..send)
                        .find(|&k| doc.toks[k].word)
                        .and_then(|k| doc.ent_starting_at(k, |l| l == EntityType::Person))
                        .is_some()
                };
                // The dateline as the body writes it too ("Abu Dhabi: All public and private
                // schools ..."); a city may speak for its government ("موسكو: لا نية لدينا ...").
                let dateline = || {
                    let kicker = &doc.text[speaker.start..speaker.end];
                    doc.article.dateline.as_deref() == Some(kicker)
                        && parse::chars::prefix(&doc.text[e..], DATELINE_REACH)
                            .contains(&format!("\n{kicker}:"))
                };
                // A person who speaks after the colon is the speaker's subject whatever stands
                // before it ("EU: Borrell calls for ...", "NATO summit: Biden says ...").
                let cue_after = || (colon + 1..send).any(|k| doc.cue_at(k).is_some());
                if !speaker.person
                    && ((person_after() && (place || cue_after())) || (place && dateline()))
                {
                    continue;
                }
                if let Some(c) =
                    doc.claim(content, Some(&speaker), None, ClaimKind::Direct, NAME, 0.7)
                {
                    out.push(c);
                }
            }
        }
    }
}

/// `'QUOTATION': SPEAKER on ...`, the order of British, Australian and Asian headlines ("'Heat is
/// the new haze': NEA chief on how Singapore is preparing"): the quoted words before the colon,
/// and the speaker after it up to a preposition. `a..send`: the title's tokens; `s..e`: its
/// bytes.
fn quotation_first(doc: &Doc, a: usize, send: usize, s: usize, e: usize) -> Option<Claim> {
    const OPENING: [char; 5] = ['\'', '\u{2018}', '"', '\u{201C}', '\u{00AB}'];
    const CLOSING: [char; 5] = ['\'', '\u{2019}', '"', '\u{201D}', '\u{00BB}'];
    let text = &doc.text[s..e];
    let open = text.chars().next().filter(|c| OPENING.contains(c))?;
    let colon = (a..send).find(|&k| doc.is_punct(k, &[':']))?;
    let before = doc.text[s..doc.toks[colon].start].trim_end();
    let close = before.chars().next_back().filter(|c| CLOSING.contains(c))?;
    let content = (s + open.len_utf8(), s + before.len() - close.len_utf8());
    let from = colon + 1;
    // A title or a slogan in quotation marks is no quotation ("'Killers of the Flower Moon':
    // Martin Scorsese on ...", "'Make America Great Again': ..."): most of its words are
    // capitalised.
    let words: Vec<usize> = (a..colon)
        .filter(|&k| doc.toks[k].word && doc.toks[k].start >= content.0)
        .collect();
    if 2 * words.iter().filter(|&&k| doc.is_capitalised(k)).count() > words.len() {
        return None;
    }
    let to = (from..send)
        .find(|&k| {
            !doc.toks[k].word
                || doc.is_preposition(k)
                || doc.cue_at(k).is_some()
                || doc.finite_at(k)
        })
        .unwrap_or(send);
    if to <= from || doc.words_in(doc.toks[from].start, doc.toks[to - 1].end) > MAX_SPEAKER {
        return None;
    }
    // A person or a role ("NEA chief"), not a place's people ("Kharkiv volunteer").
    let role = (from..to).any(|k| doc.match_any(k, &doc.lx.roles).is_some());
    let speaker = match doc.resolve_subject(from, to, None) {
        Subject::Found(x) if x.person || role => match x.canonical {
            Some(_) => x,
            None => doc.role_introduced_after(from, to).unwrap_or(x),
        },
        _ => doc.role_introduced_after(from, to)?,
    };
    if doc.words_in(content.0, content.1) < 3 {
        return None;
    }
    doc.claim(content, Some(&speaker), None, ClaimKind::Direct, NAME, 0.7)
}

/// The phrase `a..end` is a noun of people in general alone, or with an adjective where the
/// verb comes first ("مصادر أمنية:"), not a compound or a label ("Teachers strike:",
/// "مصادر الطاقة المتجددة:", "Sumber Daya Alam:").
fn people_phrase(doc: &Doc, a: usize, end: usize) -> bool {
    let words = (a..end).filter(|&k| doc.toks[k].word).count();
    people_at(doc, a)
        && (words == 1
            || (words == 2
                && doc.lx.subject == SubjectSide::After
                && a + 1 < end
                && doc.toks[a + 1].word
                && !doc.toks[a + 1].norm.starts_with("ال")
                && doc
                    .ents_in(doc.toks[a + 1].start, doc.toks[a + 1].end)
                    .next()
                    .is_none()))
}

/// A noun of people in general opens the phrase at `a` ("محللون:", "والأهالي:", "Pedagang
/// Pasar Induk:", "Analysts:"): they speak, though they name no one.
fn people_at(doc: &Doc, a: usize) -> bool {
    let norm = &*doc.toks[a].norm;
    let unglued = doc.unglued(a).map(|(w, _)| w);
    doc.lx
        .people
        .iter()
        .any(|p| p == norm || Some(p.as_str()) == unglued)
}

/// Whether a role ends the phrase `a..end` ("Minister", "NEA chief", "Dirut"): it heads it, and
/// no role that only qualifies a topic does ("Governor race", "Chief executive pay").
fn role_ends_at(doc: &Doc, a: usize, end: usize) -> bool {
    (a..end).any(|k| {
        doc.lx
            .roles
            .iter()
            .any(|r| doc.match_words(k, r) == Some(end))
    })
}
