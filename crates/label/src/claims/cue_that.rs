//! `cue_that/13`: a reporting cue with a clause complement. `SPEAKER CUE (that|bahwa) CONTENT`,
//! VSO `CUE SPEAKER أن CONTENT`, speakerless passives ("It was noted that"), participles
//! that take the main clause's speaker ("..., noting that", "مضيفا أن"), pro-drop cues that
//! take the last speaker ("وأضاف أن"), and Arabic verbal-noun complements of the cues marked
//! `masdar=` ("دعا إلى تعزيز", "أعرب عن استعداد"). A cue whose object is a noun phrase
//! ("stressed the importance of") has no complementizer and gives no claim.

use records::{Claim, ClaimKind, EntityType};

use super::doc::{CueMatch, Doc, MAX_SOURCE, Speaker, Subject, is_quote};
use super::lexicon::{SubjectSide, fits_affix};
use super::quote::Quote;
use crate::ClaimLabeler;

pub const NAME: &str = "cue_that/13";

/// Words allowed between a cue and its complementizer in SVO languages ("noted with
/// satisfaction that", "told reporters on Monday that").
const SVO_GAP: usize = 4;
/// Words allowed between a cue and its complementizer in SVO languages when they open with a
/// preposition ("said in a note on Thursday that").
const SVO_CIRCUMSTANCES_GAP: usize = 8;
/// Words allowed between a cue and its complementizer in VSO languages (the subject).
const VSO_GAP: usize = 10;
/// Sentences back that a pro-drop cue looks for its speaker.
const PRO_DROP_REACH: usize = 3;

/// Speakers looked at, from the last back, for one that agrees with a pro-drop cue's gender.
const MAX_RECENT_SPEAKERS: usize = 8;
/// Words of a speaker phrase before a cue.
const MAX_SUBJECT: usize = 14;

/// Where a cue's complement starts.
struct Complement {
    /// First token of the complementizer (or preposition).
    first: usize,
    /// First token of the content.
    content: usize,
}

fn complement(doc: &Doc, cm: &CueMatch, send: usize) -> Option<Complement> {
    let vso = doc.lx.subject == SubjectSide::After;
    // Circumstances reach further ("said in a note on Thursday that"), as does the object of
    // a cue that takes one ("told an energy conference in Riyadh that").
    let circumstances = doc.is_preposition(cm.last) || cm.cue.object;
    let gap = match (vso, circumstances) {
        (true, _) => VSO_GAP,
        (false, true) => SVO_CIRCUMSTANCES_GAP,
        (false, false) => SVO_GAP,
    };
    if cm.cue.bare {
        let from = if cm.cue.object {
            after_object(doc, cm.last, send)
        } else {
            Some(cm.last)
        };
        // "said Tuesday the ...": the day of the saying is no part of what was said.
        let from = from.map(|from| after_date(doc, from, send));
        // A transitive cue's participle as an adjective ("the number of confirmed cases
        // rose", "An estimated 10,000 people", "was denied bail and will"): no saying.
        let adjective = cm.cue.transitive
            && (cm.first == doc.sent_toks[doc.toks[cm.first].sent].0
                || doc.tok_in(cm.first - 1, &doc.lx.determiners)
                || doc.tok_in(cm.first - 1, &doc.lx.copulas)
                || doc.tok_in(cm.first - 1, &doc.lx.prepositions)
                || is_possessive_tok(doc, cm.first - 1));
        if let Some(from) = from
            .filter(|_| !adjective)
            .filter(|&from| bare_clause(doc, from, send, cm.cue.transitive))
        {
            return Some(Complement {
                first: from,
                content: from,
            });
        }
    }
    // "mengatakan, seperti dikutip dari Antara, sebagian besar biaya ...": an outlet's relay
    // between commas is the narrator's; the clause follows it ("menurut data terbaru" is the
    // speaker's own).
    if cm.cue.bare
        && !vso
        && doc.is_comma(cm.last)
        && cm.last + 1 < send
        && doc
            .lx
            .according
            .iter()
            .any(|(w, _)| doc.match_words(cm.last + 1, w).is_some())
        && let Some(close) =
            (cm.last + 2..(cm.last + 2 + MAX_ASIDE).min(send)).find(|&j| doc.is_comma(j))
        && doc
            .ents_in(doc.toks[cm.last + 1].start, doc.toks[close].start)
            .any(|x| x.outlet)
        && (clause_with_aux(doc, close + 1, send, cm.cue.transitive)
            || comma_clause(doc, close + 1, send))
    {
        return Some(Complement {
            first: close,
            content: close + 1,
        });
    }
    // "menambahkan, belanja negara akan ...": a comma for a complementizer.
    if cm.cue.bare
        && !vso
        && doc.is_comma(cm.last)
        // Circumstances after a final cue's comma are the narrator's ("..., X has confirmed,
        // in a move the opposition says will ..."), but where a comma stands for the
        // complementizer ("menjelaskan, pada 2023 lalu hujan nyaris tidak turun").
        && !(!doc.lx.comma_complementizer
            && doc.toks.get(cm.last + 1).is_some()
            && doc.is_preposition(cm.last + 1))
        && (clause_with_aux(doc, cm.last + 1, send, cm.cue.transitive)
            || clause_with_verb_prefix(doc, cm.last + 1, send)
            || comma_clause(doc, cm.last + 1, send))
    {
        return Some(Complement {
            first: cm.last,
            content: cm.last + 1,
        });
    }
    // "said, in a statement released on Monday, the ban would be lifted": circumstances
    // between commas, then the clause.
    if cm.cue.bare
        && !vso
        && !doc.lx.comma_complementizer
        && doc.is_comma(cm.last)
        && cm.last + 1 < send
        && doc.is_preposition(cm.last + 1)
        && let Some(close) =
            (cm.last + 2..(cm.last + 2 + MAX_ASIDE).min(send)).find(|&j| doc.is_comma(j))
        && bare_clause(doc, close + 1, send, cm.cue.transitive)
    {
        return Some(Complement {
            first: close,
            content: close + 1,
        });
    }
    let mut words = 0;
    // Where the verb comes first, an appositive between the subject's two commas does not
    // count against the gap ("وقال د. X، المتحدث الرسمي باسم وزارة الصحة والسكان، في بيان
    // اليوم، إن"), nor do circumstances after a preposition ("وقال البراك في تصريح لوكالة
    // الأنباء الكويتية (كونا) على هامش مؤتمر الطاقة إن"): (commas seen, whether a preposition
    // was, words of either).
    let (mut commas, mut circumstances, mut aside) = (0, false, 0);
    let mut k = cm.last;
    while k < send {
        if let Some(end) = doc.match_any(k, &doc.lx.comps) {
            // A complementizer that is also a relative pronoun, after a noun and right before a
            // verb, opens a relative clause ("said in a statement that was released on
            // Monday"), not what was said.
            if k > cm.last && doc.tok_in(k, &doc.lx.relatives) && doc.tok_in(end, &doc.lx.auxes) {
                return None;
            }
            return Some(Complement {
                first: k,
                content: end,
            });
        }
        if let Some(p) = &cm.cue.masdar
            && doc.toks[k].norm == *p
        {
            if doc
                .toks
                .get(k + 1)
                .is_some_and(|t| doc.lx.is_feeling(&t.norm))
            {
                return None;
            }
            // "أعربت الصين عن أملها في أن ...": a noun and a complementizer right after the
            // preposition; the clause is the content.
            if let Some((at, end)) = (k + 1..(k + 4).min(send))
                .find_map(|j| doc.match_any(j, &doc.lx.comps).map(|e| (j, e)))
            {
                return Some(Complement {
                    first: at,
                    content: end,
                });
            }
            return Some(Complement {
                first: k,
                content: k + 1,
            });
        }
        let t = &doc.toks[k];
        if doc.is_punct(k, &['.', '!', '?', '؟', ':']) && !doc.is_initial(k) {
            return None;
        }
        // A one- or two-word aside between commas before the complementizer ("warns,
        // however, that").
        if !vso && doc.is_comma(k) {
            let aside_end = (k + 2..(k + 4).min(send)).find(|&j| doc.is_comma(j));
            if let Some(j) = aside_end
                && (k + 1..j).all(|x| doc.is_word(x))
                && doc.match_any(j + 1, &doc.lx.comps).is_some()
            {
                k = j + 1;
                continue;
            }
        }
        if !vso && (doc.is_comma(k) || doc.is_punct(k, &['"', '\u{201C}', '\u{201D}', '«', '»']))
        {
            return None;
        }
        // A date where the verb comes first is a circumstance, as long as it is ("أكد ...،
        // السيد ناصر بوريطة، اليوم الخميس بالرباط، أن").
        if vso
            && t.word
            && let Some(after) = doc.after_time(k).filter(|&after| after > k)
        {
            k = after;
            continue;
        }
        if t.word {
            // Another cue ends the reach, but for a verbal noun after an intention ("قال مسؤول،
            // فضل عدم ذكر اسمه، إن").
            if doc.lx.blocks.iter().any(|w| *w == *t.norm)
                || (doc.cue_at(k).is_some() && !doc.after_intent_or_degree(k))
            {
                return None;
            }
            circumstances |= vso && k > cm.last && doc.is_preposition(k);
            if vso && (commas == 1 || circumstances) && aside < MAX_VSO_ASIDE {
                aside += 1;
            } else {
                words += 1;
            }
            if words > gap {
                return None;
            }
        } else if vso && doc.is_comma(k) {
            commas += 1;
        }
        k += 1;
    }
    None
}

/// The subject a verb-first language sets before its verb between a form of "to be" and a
/// particle ("وكانت بعثة الأمم المتحدة قد حذرت من أن"), for a cue at token `first` of a
/// sentence starting at `a`.
fn fronted_subject(doc: &Doc, a: usize, first: usize, context: Option<&Speaker>) -> Subject {
    if first <= a + 1 || !doc.tok_in(first - 1, &doc.lx.perfect_particles) {
        return Subject::Missing;
    }
    let particle = first - 1;
    (a..particle)
        .rev()
        .take(MAX_SUBJECT + 1)
        .take_while(|&k| !doc.is_boundary(k))
        .find(|&k| doc.tok_in(k, &doc.lx.fronting_verbs))
        // The clause's first word: "وأضاف أن الوضع كان صعبا والجيش قد حذر" has no subject
        // fronted by its "كان".
        .filter(|&k| k + 1 < particle && (k == a || doc.is_comma(k - 1)))
        .map_or(Subject::Missing, |k| {
            doc.resolve_subject(k + 1, particle, context)
        })
}

/// The subject a verb-first language sets before a cue that has none after it ("المواطن
/// سليمان النوافلة قال لـ\"الرأي\" إن", "هيئة الدفاع، من جهتها، اعتبرت أن", "أما الطبيبة
/// رنا الشوا فتقول إن"): the phrase from the clause's start (after a complementizer, a
/// `topic` word such as "أما", or the sentence's start) to the cue, past one aside between
/// commas. None for a cue with "و" glued (a verb coordinated with an earlier one, or the
/// narrator's pro-drop "وقال"), for "ف" but after "أما", and where the phrase opens with a
/// preposition (circumstances: "في بيان قالت"), a verb or a conjunction ("حيث أكد"), or holds
/// a cue, a form of "كان" or "قد" ("أن الوضع كان صعبا والجيش قد حذر": a clause of its own).
fn preverbal_subject(doc: &Doc, body: usize, cm: &CueMatch, context: Option<&Speaker>) -> Subject {
    let mut end = cm.first;
    if end <= body {
        return Subject::Missing;
    }
    // The aside's tokens, where one stands between commas before the cue.
    let mut aside = None;
    if doc.is_comma(end - 1) {
        let Some(open) = (body..end - 1)
            .rev()
            .take(MAX_ASIDE)
            .find(|&k| doc.is_boundary(k))
            .filter(|&k| doc.is_comma(k) && k > body)
        else {
            return Subject::Missing;
        };
        aside = Some((open + 1, end - 1));
        end = open;
    }
    let mut start = subject_start(doc, body, end);
    let topic = doc.match_any(start, &doc.lx.topics);
    if let Some(after) = topic {
        start = after;
    }
    if cm.clitic && !(doc.toks[cm.first].norm.starts_with('ف') && topic.is_some()) {
        return Subject::Missing;
    }
    let first_word = (start..end).find(|&k| doc.toks[k].word);
    let Some(first) = first_word else {
        return Subject::Missing;
    };
    // A phrase opened by a glued "و" goes on from the sentence before with circumstances ("وعن
    // كميات الأمطار قال", "وبعد جولته، ...، أوضح", "واليوم أكد"), but for a name ("وروسيا من
    // جهتها أكدت", "وكوشنر قال") or a role ("والوزير أكد"); so does a time ("صباح اليوم، ...،
    // شدد") or an adverb ("بدوره", "ثم").
    if doc.toks[first].norm.starts_with('و') && doc.unglued(first).is_some() {
        let named = doc
            .ents_in(doc.toks[first].start, doc.toks[first].end)
            .any(|x| x.label != EntityType::Date);
        let role = (doc.lx.roles.iter()).any(|w| doc.match_words_unglued(first, w).is_some());
        if !named && !role {
            return Subject::Missing;
        }
    }
    if doc
        .ents_in(doc.toks[first].start, doc.toks[first].end)
        .any(|x| x.label == EntityType::Date)
        || doc
            .lx
            .adverbs
            .iter()
            .any(|w| doc.match_words(first, w).is_some())
        || doc.after_time(first).is_some()
    {
        return Subject::Missing;
    }
    if doc.is_preposition(first)
        || doc.tok_in(first, &doc.lx.fronting_verbs)
        || doc.tok_in(first, &doc.lx.subordinators)
        || doc.stop_at(first)
        || (start..end).any(|k| {
            doc.cue_at(k).is_some()
                || doc.tok_in(k, &doc.lx.fronting_verbs)
                || doc.tok_in(k, &doc.lx.perfect_particles)
        })
    {
        return Subject::Missing;
    }
    // A name in apposition is the aside ("أما رئيس جمعية رجال الأعمال، المهندس علي الدسوقي،
    // فاعتبر"); a relative clause is not ("المشجع X، الذي قطع المسافة، قال"), nor a role
    // after a name ("حمد بن سيف الهنائي، رئيس مجلس إدارة إحدى الشركات، فيرى").
    let person_in = |s: usize, e: usize| {
        doc.ents_in(doc.toks[s].start, doc.toks[e - 1].end)
            .any(|x| x.label == EntityType::Person)
    };
    if let Some((s, e)) = aside
        && s < e
        && !doc.tok_in(s, &doc.lx.relatives)
        && person_in(s, e)
        && !doc.person_ends_at(end - 1)
    {
        return doc.resolve_subject(start, e, context);
    }
    // A connective after the subject is the narrator's ("وروسيا من جهتها أكدت").
    let end = (start + 1..end)
        .find(|&k| doc.match_any(k, &doc.lx.connectives) == Some(end))
        .unwrap_or(end);
    match doc.resolve_subject(start, end, context) {
        // The glued conjunction is no part of the speaker ("والوزير قال").
        Subject::Found(mut s) if s.start == doc.toks[first].start => {
            if let Some((_, n)) = doc
                .unglued(first)
                .filter(|_| doc.toks[first].norm.starts_with('و'))
            {
                s.start += n;
            }
            Subject::Found(s)
        }
        other => other,
    }
}

/// The source whose words an outlet relays, after `prep` between the cue and the complement
/// ("نقلت X عن Y أن": Y); a pronoun glued to the preposition is the person named last of its
/// gender ("ونقلوا عنه أن": him).
fn relayed_source(
    doc: &Doc,
    cm: &CueMatch,
    comp: usize,
    prep: &str,
    context: Option<&Speaker>,
) -> Option<Subject> {
    let k = (cm.last..comp).find(|&k| {
        let norm = &*doc.toks[k].norm;
        norm == prep
            || norm
                .strip_prefix(prep)
                .is_some_and(|suffix| doc.pronoun_suffix_gender(suffix).is_some())
    })?;
    let norm = &*doc.toks[k].norm;
    if norm == prep {
        // The source is a name, a role or people, right before the complementizer ("عن طريق
        // سيارات الإسعاف بعد أن" is a means and a time).
        if (k + 1..comp).any(|j| doc.is_boundary(j) || doc.is_preposition(j)) {
            return None;
        }
        return match doc.resolve_subject(k + 1, comp, context) {
            Subject::Found(s)
                if s.canonical.is_some()
                    || s.person
                    || (k + 1 < comp && doc.tok_in(k + 1, &doc.lx.people)) =>
            {
                Some(Subject::Found(s))
            }
            _ => None,
        };
    }
    if comp != k + 1 {
        return None;
    }
    let gender = doc.pronoun_suffix_gender(&norm[prep.len()..])?;
    Some(Subject::Found(doc.pronoun_speaker(
        (doc.toks[k].start, doc.toks[k].end),
        Some(gender),
    )))
}

/// Words before the name a sentence opens with ("Main opposition Republican People's Party
/// (CHP) spokesperson Selin Karaağaçlı criticized ...").
const MAX_OPENING_TITLE: usize = 12;

/// The person a sentence (from token `a`) opens with, before `before`: a PERSON entity with
/// only a title before it, no comma or quotation mark.
fn opening_person(doc: &Doc, a: usize, before: usize) -> Option<Speaker> {
    let (from, to) = (doc.toks.get(a)?.start, doc.toks.get(before)?.start);
    let p = doc
        .ents_in(from, to)
        .find(|x| x.label == EntityType::Person && x.end <= to)?;
    let k = doc.first_tok_from(p.start, false)?;
    (k - a <= MAX_OPENING_TITLE
        && (a..k).all(|j| {
            !doc.is_comma(j) && !doc.is_punct(j, &['"', '\u{201C}', '\u{201D}', ':', ';'])
        }))
    .then(|| Speaker::named(p))
}

/// Whether token `k` is a common noun's possessive ("the company's"), not a name's that may
/// be a company's own ("Moody's predicted", "McDonald's confirmed").
fn is_possessive_tok(doc: &Doc, k: usize) -> bool {
    let t = &doc.text[doc.toks[k].start..doc.toks[k].end];
    (t.ends_with("'s") || t.ends_with("\u{2019}s")) && !doc.is_capitalised(k)
}

/// Words of a quotation that is a clause, not a name in quotation marks ("حزب الله").
const MIN_QUOTED_CLAUSE: usize = 4;

/// Whether token `k` is a number's digits.
fn is_digits(doc: &Doc, k: usize) -> bool {
    doc.toks
        .get(k)
        .is_some_and(|t| t.word && doc.text[t.start..t.end].bytes().all(|b| b.is_ascii_digit()))
}

/// Tokens inside brackets that a bare clause passes over.
const MAX_BRACKETED: usize = 8;

/// Words from a clause's first word to an auxiliary or finite-verb marker.
const BARE_REACH: usize = 8;

/// A clause right after a cue without a complementizer ("said the economy would grow",
/// "said winds reached 90 mph", "mengatakan operasi pasar akan ..."): its first word opens no
/// circumstance (a preposition: "said in a statement") and a finite verb follows within a few
/// words, before any punctuation.
fn bare_clause(doc: &Doc, from: usize, send: usize, transitive: bool) -> bool {
    let Some(t) = doc.toks.get(from) else {
        return false;
    };
    // A subject that opens with a number's quantifier ("said as many as eight Republicans
    // could") or an amount ("says the $1.7 billion waterway will"): no circumstance.
    if from < send
        && (doc.match_any(from, &doc.lx.quantifiers).is_some() || doc.is_currency_amount(from))
    {
        return clause_with_aux(doc, from, send, transitive);
    }
    // Nor a noun that makes the object a noun phrase ("menyampaikan terima kasih kepada warga
    // yang telah membantu").
    from < send
        && t.word
        && !doc.is_preposition(from)
        && !doc.tok_in(from, &doc.lx.conjs)
        && !doc.tok_in(from, &doc.lx.blocks)
        && doc.match_any(from, &doc.lx.comps).is_none()
        && clause_with_aux(doc, from, send, transitive)
}

/// A clause after a cue and its comma whose verb shows by a prefix ("mengatakan, kenaikan
/// harga beras dipicu oleh ..."): a word of the clause, not its first, with a prefix of
/// `finite_after_name` (a comma after a cue is read as its complementizer only before a
/// clause, so a prefix that nouns share is enough here).
fn clause_with_verb_prefix(doc: &Doc, from: usize, send: usize) -> bool {
    (from + 1..send.min(from + BARE_REACH))
        .take_while(|&k| doc.toks[k].word)
        .any(|k| {
            let norm = &*doc.toks[k].norm;
            !doc.is_capitalised(k)
                && doc
                    .lx
                    .finite_after_name
                    .iter()
                    .any(|(prefix, suffix)| !prefix.is_empty() && fits_affix(prefix, suffix, norm))
        })
}

/// Where a comma after a cue is its complementizer ([`Lexicon::comma_complementizer`]): a
/// clause of three words or more from `from`, opened by no preposition (circumstances:
/// "mengatakan, di Jakarta, bahwa ...") and with no complementizer of its own close by.
fn comma_clause(doc: &Doc, from: usize, send: usize) -> bool {
    doc.lx.comma_complementizer
        && from < send
        && doc.toks[from].word
        && !doc.is_preposition(from)
        && (from..send).filter(|&k| doc.toks[k].word).take(3).count() == 3
        && (from..send.min(from + BARE_REACH)).all(|k| doc.match_any(k, &doc.lx.comps).is_none())
}

/// The subject of a verb-first sentence's opening verb, when it is a verb of a speaker's
/// own (`stop`: "رحبت", "وأعلن") after perhaps a connective and its comma ("من جهتها،"),
/// with the comma that ends its clause.
fn opening_verb_subject(doc: &Doc, a: usize, send: usize) -> Option<(Speaker, usize)> {
    let mut k = a;
    if let Some(e) = doc.match_any(k, &doc.lx.connectives)
        && doc.is_comma(e)
    {
        k = e + 1;
    }
    if k >= send || doc.cue_at(k).is_some() {
        return None;
    }
    let norm = &*doc.toks[k].norm;
    let stop = |w: &str| doc.lx.stops.iter().any(|s| s == w);
    if !(stop(norm) || doc.unglued(k).is_some_and(|(rest, _)| stop(rest))) {
        return None;
    }
    // Up to its object: after a person, else at a word glued to "ب" or "ل" after a name or
    // the clause's comma ("رحبت غرفة تجارة دبي بالمبادرة،").
    let to = (k + 1..(k + 1 + MAX_VSO_SUBJECT).min(send))
        .find(|&j| doc.is_boundary(j))
        .unwrap_or((k + 1 + MAX_VSO_SUBJECT).min(send));
    let mut end = object_after_person(doc, k + 1, to);
    if end == to
        && let Some(object) = (k + 2..to).find(|&j| {
            let w = &*doc.toks[j].norm;
            (w.starts_with("بال") || w.starts_with("لل"))
                && doc
                    .ents_in(doc.toks[j].start, doc.toks[j].end)
                    .next()
                    .is_none()
        })
    {
        end = object;
    }
    let comma = (end..(end + MAX_VSO_SUBJECT).min(send)).find(|&j| doc.is_comma(j))?;
    match doc.resolve_vso_subject(k + 1, end, None) {
        Subject::Found(s) => Some((s, comma)),
        _ => None,
    }
}

/// The token after a date that starts at `from`, else `from`.
fn after_date(doc: &Doc, from: usize, send: usize) -> usize {
    match doc.ent_starting_at(from, |l| l == EntityType::Date) {
        Some(e) => (from..send)
            .find(|&k| doc.toks[k].start >= e.end)
            .unwrap_or(from),
        None => from,
    }
}

/// The token after the object of a cue that takes one before its clause ("told reporters
/// ...", "told Al Jazeera ..."): a name, else one word.
fn after_object(doc: &Doc, from: usize, send: usize) -> Option<usize> {
    doc.toks.get(from).filter(|t| from < send && t.word)?;
    // An object with its article ("told the court he was innocent"), or an outlet the
    // labellers do not know ("told The Independent she had", "told the Daily Maverick it
    // had"): the article and a word, or its capitalised words.
    if doc.tok_in(from, &doc.lx.determiners) && from + 1 < send && doc.toks[from + 1].word {
        let after = after_name_or_word(doc, from + 1, send)?;
        // No object where a verb follows the noun: the clause opens with it ("were told the
        // river was safe").
        if after < send && (doc.finite_at(after) || doc.tok_in(after, &doc.lx.auxes)) {
            return Some(from);
        }
        let run = if doc.is_capitalised(from + 1) {
            (after..send.min(after + 2))
                .take_while(|&k| doc.toks[k].word && doc.is_capitalised(k))
                .count()
        } else {
            0
        };
        return Some(after + run);
    }
    after_name_or_word(doc, from, send)
}

/// Tokens of a sentence's opening subject before its first verb, for a cue coordinated after
/// it ("A spokesperson for Cumbria Police urged ..., and said").
const MAX_OPENING_SUBJECT: usize = 6;

/// The token after the name that starts at token `from`, else after that token, before `send`.
fn after_name_or_word(doc: &Doc, from: usize, send: usize) -> Option<usize> {
    let t = &doc.toks[from];
    let end = doc.ent_end_at(t.start).unwrap_or(t.end);
    (from..send).find(|&k| doc.toks[k].start >= end)
}

/// The subject of a cue coordinated with an earlier verb ("Zheng Jianbang conveyed greetings
/// from President Xi Jinping and said that ..."): the name or pronoun that opens the clause,
/// not the last name before "and". `a`: the sentence's first token; `cue`: the cue's first
/// token. None when the cue follows no conjunction or the clause opens otherwise.
fn coordinated_subject(
    doc: &Doc,
    a: usize,
    cue: usize,
    context: Option<&Speaker>,
) -> Option<Subject> {
    let before = cue.checked_sub(1).filter(|&k| k >= a)?;
    if !doc.lx.conjs.iter().any(|w| *w == *doc.toks[before].norm) {
        return None;
    }
    // After a comma the conjunction joins a clause whose subject came first ("Diageo cut its
    // forecast ..., and said"): the words before are no subject; the caller finds the first
    // verb's.
    if before > a && doc.is_comma(before - 1) {
        return Some(Subject::Missing);
    }
    let mut open = before;
    while open > a && !doc.is_boundary(open - 1) && before - open < MAX_CLAUSE {
        open -= 1;
    }
    // "The White House welcomed the move but said ...": the name after its article.
    while open + 1 < before && doc.tok_in(open, &doc.lx.determiners) {
        open += 1;
    }
    // The clause's first words: a title and a name ("Ukrainian President Volodymyr
    // Zelenskyy thanked ... but insisted that") ...
    let run = (open..before.min(open + 10))
        .take_while(|&k| doc.is_capitalised(k) || doc.is_punct(k, &['-', '.']))
        .last()
        .map_or(open, |k| k + 1);
    if run > open + 1
        && let Subject::Found(s) = doc.resolve_subject(open, run, context)
        && s.person
        && s.canonical.is_some()
    {
        return Some(Subject::Found(s));
    }
    // ... a name ...
    let start = doc.toks[open].start;
    if let Some(end) = doc.ent_end_at(start) {
        let last = (open..before)
            .take_while(|&k| doc.toks[k].end <= end)
            .last()?;
        return match doc.resolve_subject(open, last + 1, context) {
            Subject::Found(s) => Some(Subject::Found(s)),
            _ => None,
        };
    }
    // ... or, past an appositive, the person the sentence opens with ("Anggraeni Kusuma, an
    // economist at Bank Permata, expects BI to hold ... but warned that").
    if open > a
        && doc.is_comma(open - 1)
        && let Some(p) = opening_person(doc, a, open)
    {
        return Some(Subject::Found(p));
    }
    // ... or the noun phrase that opens the clause after a comma ("On Monday evening, officers
    // from the roads policing unit attended the scene and said") ...
    if open > a
        && doc.is_comma(open - 1)
        && let Some(s) = subject_before_first_verb(doc, open, before)
    {
        return Some(Subject::Found(s));
    }
    // ... or a pronoun.
    match doc.resolve_subject(open, open + 1, context) {
        Subject::Found(s) if s.person || s.canonical.is_some() => {
            doc.is_one_word_pronoun(open).then_some(Subject::Found(s))
        }
        _ => None,
    }
}

/// Words back from a relative pronoun to the article that opens its antecedent ("a man in
/// police uniform who claimed").
const MAX_ANTECEDENT: usize = 12;

/// Capitalised words of an antecedent without an article.
const MAX_CAPITALISED_ANTECEDENT: usize = 6;

/// The antecedent of a relative pronoun right before a cue ("..., according to Police
/// Commander Anne Mutua, who said", "a man in police uniform who claimed that"): a person
/// ending right before it (or before its comma), else the noun phrase from its article. `a`:
/// the sentence's first token; `cue`: the cue's first token.
fn relative_antecedent(
    doc: &Doc,
    a: usize,
    cue: usize,
    context: Option<&Speaker>,
) -> Option<Subject> {
    let relative = cue.checked_sub(1).filter(|&k| k > a)?;
    if !doc.tok_in(relative, &doc.lx.relatives) || doc.is_capitalised(relative) {
        return None;
    }
    let end = if doc.is_comma(relative - 1) {
        relative - 1
    } else {
        relative
    };
    // A person ending right before it, but for the object of a role's link ("the wife of Peter
    // Otieno, who said").
    if end > a && doc.person_ends_at(end - 1) {
        let last = doc.toks[end - 1].end;
        let person = doc
            .ents_in(doc.toks[end - 1].start, last)
            .find(|x| x.label == EntityType::Person && x.end == last)?;
        let linked = doc
            .last_tok_ending_before(person.start)
            .is_some_and(|k| k >= a && doc.tok_in(k, &doc.lx.role_links));
        if !linked {
            return Some(Subject::Found(Speaker::named(person)));
        }
    }
    // Else the noun phrase from its article, back over a role's link ("a spokesman for the
    // state fire service, who said"; "a call from a man in police uniform who claimed" is the
    // man's).
    // Without the comma the relative is the nearest noun's ("the mother of a boy who said").
    let comma = end < relative;
    let mut open = None;
    for k in (a..end).rev().take(MAX_ANTECEDENT) {
        if doc.is_boundary(k) {
            break;
        }
        if doc.tok_in(k, &doc.lx.determiners) {
            open = Some(k);
            if !(comma && k > a && doc.tok_in(k - 1, &doc.lx.role_links)) {
                break;
            }
        }
    }
    // Or, where nouns take no article, a run of capitalised words right before it (a title
    // and its place: "kebijakan Gubernur DIY yang meminta kabupaten ...").
    let open = open.or_else(|| {
        let mut o = end;
        while o > a && end - o < MAX_CAPITALISED_ANTECEDENT && doc.is_capitalised(o - 1) {
            o -= 1;
        }
        (o < end).then_some(o)
    })?;
    match doc.resolve_subject(open, end, context) {
        // Someone named by a relation to a person is not that person ("The wife of Peter
        // Otieno").
        Subject::Found(mut s) if s.person && doc.tok_in(open, &doc.lx.determiners) => {
            let inner = doc
                .ents_in(doc.toks[open].start, doc.toks[end - 1].end)
                .find(|x| x.label == EntityType::Person && x.start > doc.toks[open].end);
            if inner.is_some_and(|x| x.canonical == s.canonical) {
                s.canonical = None;
                s.id = None;
            }
            Some(Subject::Found(s))
        }
        Subject::Found(s) => Some(Subject::Found(s)),
        _ => None,
    }
}

/// Where the subject phrase before token `end` starts: back to a clause boundary or a
/// complementizer, at most [`MAX_SUBJECT`] tokens, over a bracketed acronym ("The Organization
/// of the Petroleum Exporting Countries (OPEC) said"). `a`: the sentence's first token.
fn subject_start(doc: &Doc, a: usize, end: usize) -> usize {
    let j = subject_start_within(doc, a, end, MAX_SUBJECT);
    // A subject cut off by its length within a prepositional phrase is a long one, reached
    // further back ("Judge John A. Ross of the U.S. District Court for the Eastern District
    // of Missouri wrote that").
    let cut = j > a && end - j >= MAX_SUBJECT;
    if cut && (j..(j + 3).min(end)).any(|k| doc.is_preposition(k)) {
        return subject_start_within(doc, a, end, 2 * MAX_SUBJECT);
    }
    j
}

/// [`subject_start`] within `reach` tokens.
fn subject_start_within(doc: &Doc, a: usize, end: usize, reach: usize) -> usize {
    let mut j = end;
    while j > a && end - j < reach {
        if doc.is_punct(j - 1, &[')']) {
            // The opening bracket a few tokens back, with words only between, perhaps
            // abbreviated (a party and state: "Josh Hawley (R-Mo.) said", "(D-N.Y.)").
            let open = (a..j - 1)
                .rev()
                .take(6)
                .take_while(|&k| doc.is_word(k) || doc.is_punct(k, &['(', '.']))
                .find(|&k| doc.is_punct(k, &['(']));
            match open {
                Some(o) if o > a => {
                    j = o;
                    continue;
                }
                _ => break,
            }
        }
        // A comma inside a name is no boundary ("The Federal Authority for Identity,
        // Citizenship, Customs and Port Security (ICP) said").
        if doc.is_boundary_between_names(j - 1) || doc.match_any(j - 1, &doc.lx.comps).is_some() {
            break;
        }
        j -= 1;
    }
    j
}

/// The person a cue's subject names before the asides that follow it, each after a comma:
/// degrees ("Dedi Kurniadi Harahap, S.H., M.H., mengatakan") and circumstances ("Ir. Gatot
/// Suryo Handoko, saat dikonfirmasi terpisah mengatakan"). None where no aside stands between
/// (`j..cue` is the phrase right before the cue, perhaps empty) or no person is named before.
fn subject_before_asides(
    doc: &Doc,
    body: usize,
    j: usize,
    cue: usize,
    context: Option<&Speaker>,
) -> Option<Subject> {
    let (s, e) = doc.trim_phrase(j, cue);
    let mut skipped = s < e && doc.aside_only(s, e);
    if s < e && !skipped {
        return None;
    }
    let mut end = j;
    // Each step goes back over a comma: bounded by the sentence.
    while end > body && doc.is_comma(end - 1) {
        let start = subject_start(doc, body, end - 1);
        let (s, e) = doc.trim_phrase(start, end - 1);
        if s >= e {
            return None;
        }
        if doc.aside_only(s, e) {
            skipped = true;
            end = start;
            continue;
        }
        return match doc.resolve_subject(s, e, context) {
            Subject::Found(x) if skipped && x.person && x.canonical.is_some() => {
                Some(Subject::Found(x))
            }
            _ => None,
        };
    }
    None
}

/// Tokens back from a coordinated cue to its clause's start (a clause of a sentence without
/// punctuation is not looked through to its start for every cue).
const MAX_CLAUSE: usize = 40;

/// Words of an appositive or relative clause between a subject and its cue ("Zhou Bo, a
/// retired senior colonel of the People's Liberation Army (PLA) and now a senior fellow at
/// ..., said").
const MAX_APPOSITIVE: usize = 28;
/// Words of an appositive or of circumstances between a verb-first cue and its
/// complementizer that do not count against its gap.
const MAX_VSO_ASIDE: usize = 16;

/// The subject of a cue right after a comma that closes an appositive or a relative clause:
/// "Jan Egeland, secretary general of the Norwegian Refugee Council, said ...", "The Rapid
/// Support Forces, which have been fighting the army since April, said ...". The subject is
/// the phrase before the comma that opens it. `a`: the sentence's first token; `cue`: the
/// cue's first token.
pub(super) fn appositive_subject(
    doc: &Doc,
    a: usize,
    cue: usize,
    context: Option<&Speaker>,
) -> Subject {
    let Some(close) = cue.checked_sub(1).filter(|&k| k > a && doc.is_comma(k)) else {
        return Subject::Missing;
    };
    let mut open = close;
    let mut words = 0;
    loop {
        // Tokens as well as words are bounded: a run of symbols is no appositive.
        if open == a || words > MAX_APPOSITIVE || close - open > 2 * MAX_APPOSITIVE {
            return Subject::Missing;
        }
        open -= 1;
        if doc.is_comma(open) {
            break;
        }
        // An acronym in brackets inside it ("of the People's Liberation Army (PLA) and now").
        if doc.is_punct(open, &[')'])
            && let Some(o) = (open.saturating_sub(4)..open)
                .rev()
                .take_while(|&k| doc.is_word(k) || doc.is_punct(k, &['(']))
                .find(|&k| doc.is_punct(k, &['(']))
        {
            words += open - o - 1;
            open = o;
            continue;
        }
        // A period before a word inside the sentence is an abbreviation's ("Dr. Wahyu").
        let abbreviation = doc.is_punct(open, &['.']) && doc.is_word(open + 1);
        if (doc.is_boundary(open) && !abbreviation) || doc.cue_at(open).is_some() {
            return Subject::Missing;
        }
        words += usize::from(doc.is_word(open));
    }
    if words == 0 {
        return Subject::Missing;
    }
    // The appositive is the name ("Saudi Arabia's energy minister, Prince Abdulaziz bin
    // Salman, said"): a person who fills it.
    let (inner_start, inner_end) = (doc.toks[open + 1].start, doc.toks[close - 1].end);
    let named = doc.ents_in(inner_start, inner_end).any(|e| {
        e.label == EntityType::Person
            && doc.words_in(inner_start, inner_end) <= doc.words_in(e.start, e.end) + 2
    });
    if named && let Subject::Found(s) = doc.resolve_subject(open + 1, close, context) {
        return Subject::Found(s);
    }
    let j = subject_start(doc, a, open);
    if j == open {
        return Subject::Missing;
    }
    // A participle's aside with a comma of its own ("Harris, speaking in Augusta, Georgia,
    // said"): the subject stands before it.
    // Not an adjective before a name in apposition ("One of them, retired postman Derek
    // Ainsworth, 71, told"): the name is the speaker.
    let participle = !doc.is_capitalised(j)
        && doc.has_aside_suffix(j)
        && !doc
            .ents_in(doc.toks[j].start, doc.toks[open - 1].end)
            .any(|x| x.label == EntityType::Person);
    // An age between commas ("Somporn Inthawong, 56, a noodle vendor, said") as well.
    let age = open == j + 1
        && doc.text[doc.toks[j].start..doc.toks[j].end]
            .chars()
            .all(|c| c.is_ascii_digit());
    if (participle || age) && j > a && doc.is_comma(j - 1) {
        let k = subject_start(doc, a, j - 1);
        if k < j - 1 {
            return doc.resolve_subject(k, j - 1, context);
        }
    }
    doc.resolve_subject(j, open, context)
}

/// Words from `from` with a finite verb ([`Doc::finite_at`]) among the first [`BARE_REACH`]
/// after the first, before any punctuation or complementizer (which opens the clause instead:
/// "told a press conference that the rupiah had"): a clause.
fn clause_with_aux(doc: &Doc, from: usize, send: usize, transitive: bool) -> bool {
    if from >= send {
        return false;
    }
    // A clause whose subject stands before the cue ("the corridor, which he said had become
    // ...", "mengatakan akan ...").
    if doc.lx.auxes.iter().any(|w| *w == *doc.toks[from].norm) {
        return true;
    }
    // A personal pronoun and a word after it ("said they expect ...", "menyebut dia tidak").
    if doc.tok_in(from, &doc.lx.subject_pronouns)
        && doc
            .toks
            .get(from + 1)
            .is_some_and(|t| from + 1 < send && t.word && !doc.is_preposition(from + 1))
    {
        return true;
    }
    // A name first is one word, whatever its tokens ("OPEC+ would act").
    let after_first = after_name_or_word(doc, from, send).unwrap_or(from + 1);
    // Words up to the finite verb; an aside between commas that opens with a preposition or a
    // relative pronoun is passed over ("China and Indonesia, as major developing countries,
    // share ...").
    let (mut words, mut asides) = (0, 0);
    let (mut in_relative, mut after_relative) = (false, false);
    let mut k = after_first;
    while k < send && words < BARE_REACH {
        if doc.is_comma(k) {
            // One aside at most: a list of them is no subject, and is not scanned per cue.
            asides += 1;
            if asides > 1 {
                return false;
            }
            let Some(close) = (k + 1..(k + 1 + MAX_ASIDE).min(send)).find(|&j| doc.is_comma(j))
            else {
                return false;
            };
            // An aside opens with a preposition, a relative pronoun or a participle ("the
            // posts, published on Facebook last year, were"), or is an age ("the suspect, 34,
            // had been arrested").
            let participle = !doc.is_capitalised(k + 1) && doc.has_aside_suffix(k + 1);
            let aside = doc.is_preposition(k + 1)
                || doc.tok_in(k + 1, &doc.lx.relatives)
                || participle
                || (close == k + 2 && is_digits(doc, k + 1));
            if !aside {
                return false;
            }
            // The word right after the aside is the verb, unless it opens a phrase of its own.
            k = close + 1;
            let opens_phrase = |t: &super::doc::Tok| {
                [&doc.lx.determiners, &doc.lx.prepositions, &doc.lx.conjs]
                    .iter()
                    .any(|list| list.iter().any(|w| *w == *t.norm))
            };
            if doc
                .toks
                .get(k)
                .is_some_and(|t| k < send && t.word && !doc.is_capitalised(k) && !opens_phrase(t))
            {
                return true;
            }
            continue;
        }
        // Quoted words within the clause ('the prime minister "cares more about ..."').
        if doc.is_opening_quote(k) {
            k += 1;
            continue;
        }
        // An age, an acronym or a gloss in brackets ("korban bernama Darwin Sinaga (45) tewas",
        // "biaya kredit (cost of credit) BRI masih"): passed over, its words uncounted.
        if doc.is_punct(k, &['(']) {
            match (k + 1..(k + 1 + MAX_BRACKETED).min(send)).find(|&j| doc.is_punct(j, &[')'])) {
                Some(close) => {
                    k = close + 1;
                    continue;
                }
                None => return false,
            }
        }
        // An amount's symbol and its decimal point ("the $1.7 billion waterway"), and the
        // words of a number's quantifier ("as many as eight"): inside the subject.
        if doc.is_currency_amount(k)
            || (doc.is_punct(k, &['.', ',']) && is_digits(doc, k - 1) && is_digits(doc, k + 1))
        {
            k += 1;
            continue;
        }
        if let Some(e) = doc.match_any(k, &doc.lx.quantifiers) {
            k = e;
            continue;
        }
        // A subordinator opens circumstances, but for a preposition inside the subject of a
        // cue that takes no object ("said the trade with Africa had grown").
        if !doc.toks[k].word
            || doc.match_any(k, &doc.lx.comps).is_some()
            || (doc.tok_in(k, &doc.lx.subordinators)
                && (transitive || k == from || !doc.is_preposition(k)))
        {
            return false;
        }
        // A transitive cue's object may have a relative clause ("revealed the names of the
        // officers who were involved"): its verb is not the clause's ("confirmed the man who
        // was arrested on Sunday had been released").
        if transitive && doc.tok_in(k, &doc.lx.relatives) {
            in_relative = true;
            k += 1;
            continue;
        }
        // Outside one, a preposition that links no role's phrase ("gusts of 82mph were
        // recorded") goes on with the object ("bercerita panjang lebar tentang pengalamannya
        // menjadi buruh migran").
        if transitive && !in_relative && doc.is_preposition(k) && !doc.tok_in(k, &doc.lx.role_links)
        {
            return false;
        }
        if doc.finite_at(k) {
            // The relative clause's verb, and its participles after it; past it, only an
            // auxiliary shows the clause ("... who was arrested on Sunday had been released").
            if in_relative && !(after_relative && doc.tok_in(k, &doc.lx.auxes)) {
                after_relative = true;
                words += 1;
                k += 1;
                continue;
            }
            // A verb right after a conjunction, with no verb before it, is the cue's own
            // subject's where the cue takes an object ("denied the charges and was remanded")
            // or the verb is negated or one of saying ("noted his early guilty plea and said");
            // not after a subject of two ("confirmed two men and a woman had been arrested").
            return !(k > after_first
                && doc.tok_in(k - 1, &doc.lx.conjs)
                && (transitive
                    || (k + 1 < send && doc.tok_in(k + 1, &doc.lx.negations))
                    || doc.cue_at(k).is_some()
                    || doc.stop_at(k)));
        }
        words += 1;
        k += 1;
    }
    false
}

/// Tokens between a coordinated verb of saying and its complementizer ("وأشارت إلى أن").
const COORDINATED_REACH: usize = 3;

/// A verb of saying the narrator coordinates at token `k`, after a comma, with a clause of its
/// own ("، وأشارت إلى أن"): the speaker's next claim, which ends a content; not one with an
/// object ("وكشفت عن كميات") nor one without the comma ("إن حماس رفضت المقترح واعتبرت أن"),
/// which go on with the content's own subject.
fn coordinated_cue(doc: &Doc, k: usize, send: usize) -> bool {
    k < send
        && doc
            .unglued(k)
            .is_some_and(|(rest, _)| doc.lx.coordinated.iter().any(|w| w == rest))
        && ((k + 1..(k + 1 + COORDINATED_REACH).min(send))
            .any(|j| doc.match_any(j, &doc.lx.comps).is_some())
            // Or a quotation's colon, past whom it was said to ("، ويقول في حديث
            // لـ\"اندبندنت عربية\": \"...\"").
            || (k + 1..(k + 1 + COORDINATED_QUOTE_REACH).min(send))
                .any(|j| doc.is_punct(j, &[':']) && j + 1 < send && doc.is_opening_quote(j + 1)))
}

/// Tokens of a contrast's clause searched for its cue ("في حين رأت مصادر مقربة من الطرف").
const CONTRAST_REACH: usize = 8;

/// Whether a contrast opens at token `k` ("في حين", "فيما") whose clause has a cue before its
/// next boundary ("، في حين رأت مصادر أن"): the narrator's, not the content's.
fn contrast_with_cue(doc: &Doc, k: usize, send: usize) -> bool {
    doc.match_any(k, &doc.lx.contrasts).is_some_and(|after| {
        (after..(after + CONTRAST_REACH).min(send))
            .take_while(|&j| !doc.is_boundary(j))
            .any(|j| doc.cue_at(j).is_some())
    })
}

/// Tokens from a coordinated cue to its quotation's colon.
const COORDINATED_QUOTE_REACH: usize = 9;

/// Tokens of an aside between commas that a bare clause's subject may carry, and that a
/// verb-first language's fronted subject skips ("هيئة الدفاع، من جهتها، اعتبرت").
const MAX_ASIDE: usize = 16;

/// `, SPEAKER CUE` ending a clause ("..., A. Hajizade noted:"): the speaker's token range and
/// the cue.
pub fn tail_attribution(
    doc: &Doc,
    from: usize,
    send: usize,
) -> Option<(usize, usize, CueMatch<'static>)> {
    for k in from..(from + 7).min(send) {
        if doc.is_boundary(k) {
            return None;
        }
        let Some(cm) = doc.cue_at(k) else { continue };
        // A verbal noun after an intention ("، فضّل عدم ذكر اسمه،") is no attribution.
        if doc.after_intent_or_degree(k) {
            continue;
        }
        if k == from || cm.cue.participle {
            return None;
        }
        let after_ok = cm.last >= send
            || doc.is_punct(cm.last, &['.', ',', '،', ':', '!', '?'])
            || doc.match_any(cm.last, &doc.lx.comps).is_some();
        return after_ok.then_some((from, k, cm));
    }
    None
}

/// Claims of the sentence looked at, from the last back, for one holding a cue.
const MAX_OUTER: usize = 8;

/// The quotation holding byte `pos`: of those starting by `pos` (quotations are in text
/// order), the last few, as one runs on over at most a few sentences after its paragraph.
fn quote_around<'q>(quotes: &'q [Quote], doc: &Doc, pos: usize) -> Option<&'q Quote> {
    let started = quotes.partition_point(|q| q.start <= pos);
    quotes[..started]
        .iter()
        .rev()
        .take(MAX_OUTER)
        .find(|q| q.contains(doc, pos))
}

/// Tokens of a content: a clause, however long its sentence (a text without punctuation
/// is one sentence, and each of its cues would take the rest of it).
const MAX_CONTENT: usize = 150;

/// A conjunction at `k` that a short subject and another cue with its complementizer follow
/// ("... was ready and the minister said that ..."): a claim of its own starts there.
fn another_speaker(doc: &Doc, k: usize, send: usize) -> bool {
    if doc.lx.subject != SubjectSide::Before
        || !doc.lx.conjs.iter().any(|w| *w == *doc.toks[k].norm)
    {
        return false;
    }
    // A subject of its own, then a cue with its complementizer ("and the Turkish minister said
    // that"), or, after a comma, a cue with its object ("..., but residents told Daily
    // Maverick it had"): without the comma the words are as often the speaker's ("she had
    // complained for months but the company told her nothing could be done").
    let after_comma = k > 0 && doc.is_comma(k - 1);
    (k + 2..(k + 2 + MAX_MAIN_SUBJECT).min(send))
        .take_while(|&j| doc.is_word(j - 1) && !doc.is_preposition(j - 1))
        .find_map(|j| doc.cue_at(j))
        .is_some_and(|cm| {
            !cm.cue.participle
                && !cm.cue.inverted
                && cm.last < send
                && (doc.match_any(cm.last, &doc.lx.comps).is_some()
                    || (after_comma
                        && cm.cue.object
                        && !doc.is_capitalised(k + 1)
                        && complement(doc, &cm, send).is_some()))
        })
}

/// Words of a main clause's subject after an opening participle's content.
const MAX_MAIN_SUBJECT: usize = 4;

/// After a comma at `from - 1`: a short subject and a cue that takes a clause of its own ("Noting
/// that ... countries, Wang said the two sides should ..."): the subject's token range and the
/// cue. The opening content ends at the comma, its speaker is that subject, and the main
/// clause is a claim of its own.
fn main_clause_follows(
    doc: &Doc,
    from: usize,
    send: usize,
) -> Option<(usize, usize, CueMatch<'static>)> {
    if doc.lx.subject != SubjectSide::Before || !doc.ent_starts_at(doc.toks.get(from)?.start) {
        return None;
    }
    let k = (from + 1..(from + 1 + MAX_MAIN_SUBJECT).min(send))
        .take_while(|&k| doc.is_word(k - 1) && !doc.is_boundary(k - 1))
        .find(|&k| doc.cue_at(k).is_some())?;
    let cm = doc.cue_at(k)?;
    let clause = doc.match_any(cm.last, &doc.lx.comps).is_some()
        || (cm.cue.bare && bare_clause(doc, cm.last, send, cm.cue.transitive));
    (!cm.cue.participle && clause).then_some((from, k, cm))
}

/// The end of a content starting at token `from`, and a `, SPEAKER CUE` found there.
/// A nested content (a cue inside another claim's content) also ends at the next
/// coordination (", وتدعم", ", and supports"): what follows belongs to the outer clause.
fn content_end(
    doc: &Doc,
    from: usize,
    send: usize,
    nested: bool,
) -> (usize, Option<(usize, usize, CueMatch<'static>)>) {
    let quoted_whole = doc.is_quote_tok(from);
    // Quotation marks and words of the content before token `k`.
    let (mut marks_before, mut words_before) = (0, 0);
    for k in from..send {
        if k > from {
            marks_before += usize::from(doc.is_quote_tok(k - 1));
            words_before += usize::from(doc.toks[k - 1].word);
        }
        if k - from >= MAX_CONTENT {
            return (doc.toks[k - 1].end, None);
        }
        // A colon between digits is a time's or a score's ("03:00 GMT", "2:1"), no clause's.
        let colon = doc.is_punct(k, &[':'])
            && !(doc.text[..doc.toks[k].start].ends_with(|c: char| c.is_ascii_digit())
                && doc.text[doc.toks[k].end..].starts_with(|c: char| c.is_ascii_digit()));
        if k > from && (doc.stop_at(k) || colon || another_speaker(doc, k, send)) {
            return (doc.toks[k].start, None);
        }
        if doc.text[doc.toks[k].start..doc.toks[k].end].contains('\n')
            || (k > from && doc.text[doc.toks[k - 1].end..doc.toks[k].start].contains('\n'))
        {
            return (doc.toks[k - 1].end, None);
        }
        if !doc.is_comma(k) || k + 1 >= send {
            continue;
        }
        // A complement quoted whole ends with its quotation: what follows the comma is the
        // narrator's ('إن "هناك ضغوطاً تمارس على النواب"، دون أن يكشف عن الجهة').
        // Not a quoted name ('إن "حزب الله"، المدعوم من إيران، يملك'), nor where another
        // clause of the same saying goes on after "and" or a quotation ('، وإن', '، "ولن',
        // '، ولكن "').
        if quoted_whole
            && doc.is_quote_tok(k - 1)
            && marks_before % 2 == 0
            && words_before >= MIN_QUOTED_CLAUSE
            && !doc.is_quote_tok(k + 1)
            && !doc
                .lx
                .comps
                .iter()
                .any(|c| doc.match_words_unglued(k + 1, c).is_some())
            && !doc
                .match_any(k + 1, &doc.lx.topics)
                .is_some_and(|after| doc.is_quote_tok(after))
        {
            return (doc.toks[k].start, None);
        }
        if coordinated_cue(doc, k + 1, send)
            || doc
                .cue_at(k + 1)
                .is_some_and(|c| c.cue.participle || c.cue.inverted)
            || doc.match_any(k + 1, &doc.lx.narrator_clauses).is_some()
            // ... also after a quotation's closing mark ('"monitor demand closely," but
            // declined to comment').
            || (doc.is_quote_tok(k + 1)
                && k + 2 < send
                && doc.match_any(k + 2, &doc.lx.narrator_clauses).is_some())
            || contrast_with_cue(doc, k + 1, send)
        {
            return (doc.toks[k].start, None);
        }
        if nested
            && (doc.lx.conjs.iter().any(|w| *w == *doc.toks[k + 1].norm)
                || doc.unglued(k + 1).is_some())
        {
            return (doc.toks[k].start, None);
        }
        if doc.lx.according.iter().any(|(w, glued)| {
            let n = if *glued { w.len() - 1 } else { w.len() };
            doc.match_words(k + 1, &w[..n]).is_some()
        }) {
            return (doc.toks[k].start, None);
        }
        if let Some(tail) = tail_attribution(doc, k + 1, send) {
            return (doc.toks[k].start, Some(tail));
        }
        if let Some(main) = main_clause_follows(doc, k + 1, send) {
            return (doc.toks[k].start, Some(main));
        }
    }
    let end = doc.toks.get(send.saturating_sub(1)).map_or(0, |t| t.end);
    (end, None)
}

pub struct CueThat;

/// The speaker of an attribution between commas right before token `cue` ("..., Xi said,
/// adding that ..."), within the sentence from token `a`.
fn attribution_before(
    doc: &Doc,
    a: usize,
    cue: usize,
    context: Option<&Speaker>,
) -> Option<Speaker> {
    let comma = cue.checked_sub(1).filter(|&k| k > a && doc.is_comma(k))?;
    let said = (comma.saturating_sub(3).max(a)..comma).find(|&k| {
        doc.cue_at(k)
            .is_some_and(|c| c.last == comma && c.cue.final_)
    })?;
    let open = (said.saturating_sub(MAX_SOURCE).max(a)..said)
        .rev()
        .find(|&k| doc.is_comma(k))?;
    match doc.resolve_subject(open + 1, said, context) {
        Subject::Found(s) => Some(s),
        _ => None,
    }
}

/// Tokens of a request's object and adverbs before the cue it governs ("meminta pemerintah
/// pusat segera memastikan").
const MAX_REQUEST_OBJECT: usize = 4;

/// Tokens after a verb-first cue that may hold its subject when no clause follows.
const MAX_VSO_SUBJECT: usize = 12;

/// Where the subject of a verb-first cue without a clause ends within `[from, to)`: after
/// the last person named there ("نفى المتحدث باسم الجيش العميد نبيل عبد الله وجود عراقيل":
/// what follows the name is the verb's object), else at `to`.
fn object_after_person(doc: &Doc, from: usize, to: usize) -> usize {
    let (Some(first), Some(last)) = (
        doc.toks.get(from),
        to.checked_sub(1).and_then(|k| doc.toks.get(k)),
    ) else {
        return to;
    };
    let person_end = doc
        .ents_in(first.start, last.end)
        .filter(|e| e.label == EntityType::Person)
        .map(|e| e.end)
        .max();
    match person_end {
        Some(end) => (from..to).find(|&k| doc.toks[k].start >= end).unwrap_or(to),
        None => to,
    }
}

/// Whether a cue after a comma and a conjunction (at token `cue`) joins the clause of the claim
/// whose content ends at byte `content_end`: where that content ends at the comma ("told
/// Reuters the company had held talks, but said"), not past another clause ("..., but Nissan
/// denied it, and said").
fn joins_previous_content(doc: &Doc, cue: usize, content_end: Option<usize>) -> bool {
    let Some(comma) = cue.checked_sub(2).filter(|&c| doc.is_comma(c)) else {
        return false;
    };
    // The content ends at the comma or at the conjunction after it.
    let (comma_start, conj_start) = (doc.toks[comma].start, doc.toks[cue - 1].start);
    content_end.is_some_and(|end| {
        (comma_start..=conj_start).contains(&end)
            || doc
                .text
                .get(end..comma_start)
                .is_some_and(|between| between.trim().is_empty())
    })
}

/// The noun phrase before the first verb or cue of a sentence whose body starts at token
/// `body`, before token `cue` ("A spokesperson for Cumbria Police urged ..., and said"). It
/// starts after a comma, so an opening circumstance is none ("In a statement posted on
/// Telegram, the group accused"); it opens with its article, a capital or right after that
/// comma, not with a verb ("opens new tab cut ..."), and has no article inside but after a
/// preposition ("officers from the unit"), which an object past a verb not seen as one has
/// ("Diageo cut its annual").
fn subject_before_first_verb(doc: &Doc, body: usize, cue: usize) -> Option<Speaker> {
    (body + 1..cue)
        .filter(|&k| doc.finite_at(k) || doc.cue_at(k).is_some())
        .find_map(|verb| {
            let start = (body..verb)
                .rev()
                .find(|&k| doc.is_comma(k))
                .map_or(body, |k| k + 1);
            if start >= verb
                || verb - start > MAX_OPENING_SUBJECT
                || doc.is_preposition(start)
                || doc.tok_in(start, &doc.lx.subordinators)
                || !(doc.is_capitalised(start)
                    || doc.tok_in(start, &doc.lx.determiners)
                    || (start > 0 && doc.is_comma(start - 1)))
                || (start + 1..verb)
                    .any(|j| doc.tok_in(j, &doc.lx.determiners) && !doc.is_preposition(j - 1))
            {
                return None;
            }
            match doc.resolve_subject(start, verb, None) {
                Subject::Found(s) => Some(s),
                _ => None,
            }
        })
}

impl ClaimLabeler for CueThat {
    fn name(&self) -> &'static str {
        NAME
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Claim>) {
        let quotes = doc.quotes();
        let vso = doc.lx.subject == SubjectSide::After;
        // The last person who spoke, for pro-drop cues: (speaker, sentence).
        let mut last_speaker: Option<(Speaker, usize)> = None;
        // Those before it too, for a dropped subject whose verb's gender the last one does not
        // have ("وأضافت" after a man spoke): (speaker, sentence), oldest first.
        let mut speakers: Vec<(Speaker, usize)> = Vec::new();
        for (si, &(a, send)) in doc.sent_toks.iter().enumerate() {
            // Claims of this sentence: (content tokens, content bytes, speaker).
            let mut here: Vec<((usize, usize), Option<Speaker>)> = Vec::new();
            // The subject of the sentence's last cue, with or without a claim: a participle
            // after it takes it (kept apart from `here`, whose last few claims are searched
            // for one that holds a cue).
            let mut last_subject: Option<Speaker> = None;
            // A sentence that opens with a verb of the speaker that takes no clause ("من
            // جهتها، رحبت غرفة تجارة دبي بالمبادرة، معتبرة أنها ..."): its subject, for a
            // participle right after that clause's comma.
            let opening = if vso {
                opening_verb_subject(doc, a, send)
            } else {
                None
            };
            // The sentence's first person, found once per sentence: looked for per cue from
            // the sentence's start, it made a sentence of thousands of cues quadratic.
            let sentence_first_person = if vso {
                let (s, e) = doc.sents[si];
                doc.ents_in(s, e).find(|x| x.label == EntityType::Person)
            } else {
                None
            };
            for i in a..send {
                let Some(cm) = doc.cue_at(i) else { continue };
                // The verb of an "according to" phrase ("وحسبما ذكرت وكالة رويترز"): that
                // phrase's claim.
                if doc.in_according_phrase(&cm, a) {
                    continue;
                }
                // The cue of a quotation before it ('"...," says Adan, 46, standing beside her
                // herd'): what follows is its speaker, not a clause.
                let before = quotes.partition_point(|q| q.start < cm.start);
                if quotes[..before]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|q| q.cue == (cm.start, cm.end) && q.end <= cm.start)
                {
                    continue;
                }
                // "wants to ensure", "Kami ingin memastikan": an intention, not a saying.
                if cm.first > a && doc.after_intent_or_degree(cm.first) {
                    continue;
                }
                // A cue in a relative clause inside the subject of a later saying ("Seorang
                // petugas yang meminta namanya tidak disebutkan mengatakan ..."): that
                // subject's description, not a claim whose content reaches the main verb.
                // (Not after a comma: ", who said ..." is an aside about someone named.)
                if cm.first > a + 1
                    && doc.tok_in(cm.first - 1, &doc.lx.relatives)
                    && !doc.is_capitalised(cm.first - 1)
                    && !doc.is_comma(cm.first - 2)
                    && (cm.last..send).any(|k| {
                        doc.cue_at(k)
                            .is_some_and(|c| !c.cue.participle && !c.cue.inverted && !c.cue.pronoun)
                    })
                {
                    continue;
                }
                // "meminta pemerintah memastikan ...": a request, its object before the cue.
                if (a..cm.first)
                    .rev()
                    .take(MAX_REQUEST_OBJECT + 1)
                    .take_while(|&k| !doc.is_boundary(k))
                    .any(|k| doc.tok_in(k, &doc.lx.requests))
                {
                    continue;
                }
                let Some(comp) = complement(doc, &cm, send) else {
                    // No claim ("أعرب المنفي عن تقديره ..."), but its subject is the one a
                    // participle after it takes ("..., مؤكدا أن").
                    if vso
                        && !cm.cue.participle
                        && let Subject::Found(s) = doc.resolve_vso_subject(
                            cm.last,
                            object_after_person(
                                doc,
                                cm.last,
                                (cm.last + MAX_VSO_SUBJECT).min(send),
                            ),
                            None,
                        )
                    {
                        last_subject = Some(s);
                    }
                    continue;
                };
                if comp.content >= send {
                    continue;
                }
                let start = doc.toks[comp.content].start;
                // Words quoted right after their own cue ('he said, "and we will rebuild"')
                // are that quotation's claim.
                if quotes
                    .get(quotes.partition_point(|q| q.start < start))
                    .is_some_and(|q| {
                        q.cue == (cm.start, cm.end)
                            && doc.text[start..q.start]
                                .chars()
                                .all(|c| is_quote(c) || c.is_whitespace())
                    })
                {
                    continue;
                }
                // Only the last claims can hold this cue: contents are bounded, and a sentence
                // of thousands of claims is not searched whole for each cue.
                let outer = here
                    .iter()
                    .rev()
                    .take(MAX_OUTER)
                    .find(|((s, e), _)| *s <= cm.start && cm.start < *e);
                let (end, tail) = content_end(doc, comp.content, send, outer.is_some());
                let quote = quote_around(quotes, doc, cm.start);
                // A claim inside a quotation ends with it ('"Ke depan, BI meyakini inflasi
                // akan tetap terkendali," ujar Erwin').
                let end = match quote {
                    Some(q) if cm.start < q.end => end.min(q.end),
                    _ => end,
                };
                // Two words make a clause after a complementizer ("قالت حماس إن المفاوضات
                // متوقفة", "said that prices rose"); without one, three.
                let complementizer = doc.match_any(comp.first, &doc.lx.comps).is_some();
                let min_words = if complementizer { 2 } else { 3 };
                if end <= start || doc.words_in(start, end) < min_words {
                    // Too short for a claim ("قالت X إن الوضع "كارثي"، مشيرة إلى أن ..."), but
                    // its speaker is still the one a participle after it takes.
                    if vso
                        && !cm.cue.participle
                        && let Subject::Found(s) =
                            doc.resolve_vso_subject(cm.last, comp.first, None)
                    {
                        last_subject = Some(s);
                    }
                    continue;
                }
                let context = quote
                    .and_then(|q| q.speaker.as_ref())
                    .or_else(|| outer.and_then(|(_, s)| s.as_ref()))
                    .or(last_speaker.as_ref().map(|(s, _)| s));
                let subject = if cm.cue.pronoun {
                    // The agent glued to the cue ("Lebih lanjut dikatakannya, ..."): the person
                    // named last.
                    Subject::Found(doc.pronoun_cue_speaker((cm.start, cm.end)))
                } else if let Some(found) = cm
                    .cue
                    .source
                    .as_deref()
                    .and_then(|prep| doc.cited_source(a, cm.first, prep, context))
                {
                    found
                } else if let Some(prep) = cm.cue.relay.as_deref() {
                    // A relay without its source is another sense of the verb ("نقل المصابين
                    // إلى المستشفى بعد أن"): no claim.
                    match relayed_source(doc, &cm, comp.first, prep, context) {
                        Some(source) => source,
                        None => continue,
                    }
                } else if vso && cm.cue.participle {
                    // A participle takes the main clause's speaker: what stands between it
                    // and its complementizer is no subject ("مشيرا إلى أن").
                    Subject::Missing
                } else if vso {
                    match doc.resolve_vso_subject(cm.last, comp.first, context) {
                        // An object before a verbal-noun complement ("دعا الجانبين إلى"), not
                        // a subject that opens with a word for a person ("دعت مديرة إدارة
                        // الترصد ... المواطنين إلى").
                        Subject::Found(s)
                            if cm.cue.masdar.is_some()
                                && s.canonical.is_none()
                                && !s.joint
                                && !doc.opens_with_person_word(&s) =>
                        {
                            Subject::Missing
                        }
                        Subject::Missing => match fronted_subject(doc, a, cm.first, context) {
                            Subject::Missing => {
                                let body = doc.body_start(si).min(cm.first);
                                preverbal_subject(doc, body, &cm, context)
                            }
                            s => s,
                        },
                        s => s,
                    }
                } else {
                    // The subject starts after the dateline the sentence may open with.
                    let body = doc.body_start(si).min(cm.first);
                    let j = subject_start(doc, body, cm.first);
                    if cm.clitic {
                        Subject::Missing
                    } else if let Some(subject) = coordinated_subject(doc, body, cm.first, context)
                    {
                        subject
                    } else if let Some(subject) = (!cm.cue.participle)
                        .then(|| relative_antecedent(doc, body, cm.first, context))
                        .flatten()
                    {
                        subject
                    } else if let Some(subject) = (!cm.cue.participle)
                        .then(|| subject_before_asides(doc, body, j, cm.first, context))
                        .flatten()
                    {
                        subject
                    } else if !cm.cue.participle
                        && (j == cm.first || {
                            // Only auxiliaries and adverbs after the appositive ("Rep. X, a
                            // Georgia Republican, has said").
                            let (s, e) = doc.trim_phrase(j, cm.first);
                            s >= e
                        })
                    {
                        appositive_subject(doc, body, j, context)
                    } else if !cm.cue.participle
                        && j > body
                        && doc.is_comma(j - 1)
                        && doc.is_preposition(j)
                    {
                        // Whom it was said to after an appositive ("..., Ahmad Atang, kepada
                        // VOA mengatakan"); else circumstances before the subject ("Selain
                        // itu, dalam rapat tersebut Menteri Sri Mulyani mengatakan").
                        match appositive_subject(doc, body, j, context) {
                            Subject::Found(s) => Subject::Found(s),
                            _ => doc.resolve_subject(j, cm.first, context),
                        }
                    } else {
                        doc.resolve_subject(j, cm.first, context)
                    }
                };
                let speaker: Option<Speaker> = match subject {
                    Subject::Found(s) => Some(s),
                    Subject::Expletive => None,
                    Subject::Missing => {
                        // A dropped subject agrees with its verb ("وأضافت": a woman).
                        let agrees = |s: &Speaker| doc.speaker_agrees(s, cm.cue.gender);
                        let previous_here = last_subject.clone().filter(agrees);
                        // Not a verbal noun's phrase ("، على حد قوله"): its speaker is the
                        // pronoun glued to the noun, no words before it.
                        let tail_speaker = tail
                            .filter(|(_, _, tc)| tc.cue.source.is_none())
                            .and_then(|(s, e, _)| match doc.resolve_subject(s, e, context) {
                                Subject::Found(x) => Some(x),
                                _ => None,
                            });
                        let nested = outer.and_then(|((s, _), _)| {
                            let t = doc.first_tok_from(*s, false)?;
                            (1..=3).find_map(|n| {
                                match doc.resolve_subject(t, (t + n).min(send), context) {
                                    Subject::Found(x) if x.canonical.is_some() => Some(x),
                                    _ => None,
                                }
                            })
                        });
                        let recent = speakers
                            .iter()
                            .rev()
                            .take_while(|(_, s)| si - s <= PRO_DROP_REACH)
                            .take(MAX_RECENT_SPEAKERS)
                            .find(|(x, _)| agrees(x))
                            .map(|(x, _)| x.clone());
                        let entity = doc
                            .last_person_agreeing(cm.start, cm.cue.gender)
                            .map(Speaker::named);
                        // Where the verb comes first, a cue coordinated later in the sentence
                        // ("نقل وانغ يي تحيات ... إلى الرئيس علييف، وقال إن") has the first
                        // verb's subject: the sentence's first person, not the last.
                        // (Entities do not overlap: if the first person ends after the cue,
                        // no person ends before it.)
                        let first_person = || {
                            sentence_first_person
                                .filter(|e| e.end <= cm.start)
                                .map(Speaker::named)
                                .filter(agrees)
                        };
                        // Where the subject comes first, the person the sentence opens with
                        // ("Analyst Dr. Ayşe Nur Tekin of the Foundation for Political,
                        // Economic and Social Research (SETA) said").
                        let svo_opening = || {
                            (!vso)
                                .then(|| {
                                    opening_person(doc, doc.body_start(si).min(cm.first), cm.first)
                                })
                                .flatten()
                                .filter(agrees)
                        };
                        let opening_clause = || {
                            opening
                                .as_ref()
                                .filter(|(_, comma)| cm.first == comma + 1)
                                .map(|(s, _)| s.clone())
                        };
                        if cm.cue.participle {
                            previous_here
                                .or_else(opening_clause)
                                .or(tail_speaker)
                                .or_else(|| attribution_before(doc, a, cm.first, context))
                                .or_else(|| doc.opening_subject(si))
                                .or_else(svo_opening)
                                .or(recent)
                                .or(entity)
                        } else if vso {
                            // "رحبت الهيئة ... بالحكم، وقالت في بيان إن": the opening verb's
                            // subject; else this sentence's earlier speaker before an earlier
                            // sentence's ("اعتبرت X أن ...، وأشارت إلى أن").
                            nested
                                .or_else(|| cm.clitic.then(opening_clause).flatten())
                                .or_else(first_person)
                                .or(previous_here)
                                .or(recent)
                                .or(tail_speaker)
                                .or(entity)
                        } else if outer.is_none()
                            && cm.first > a + 1
                            && doc.tok_in(cm.first - 1, &doc.lx.conjs)
                            && doc.is_comma(cm.first - 2)
                        {
                            // A cue coordinated after the sentence's first verb ("Two sources
                            // told Reuters ..., but said", "A spokesperson for Cumbria Police
                            // urged drivers ..., and said"): that verb's subject, a speaker's
                            // or the sentence's.
                            let previous_adjacent = previous_here.filter(|_| {
                                joins_previous_content(doc, cm.first, here.last().map(|x| x.0.1))
                            });
                            let before_first_verb = || {
                                subject_before_first_verb(
                                    doc,
                                    doc.body_start(si).min(cm.first),
                                    cm.first,
                                )
                            };
                            nested
                                .or(previous_adjacent)
                                .or_else(svo_opening)
                                .or_else(before_first_verb)
                                .or(recent)
                                .or(tail_speaker)
                                .or(entity)
                        } else {
                            nested
                                .or_else(|| (!cm.clitic).then(svo_opening).flatten())
                                .or(recent)
                                .or(tail_speaker)
                                .or(entity)
                        }
                    }
                };
                // "quoted X as saying", "X was quoted as saying": the speaker is the name, not
                // the phrase up to "as".
                let speaker = match speaker {
                    Some(s)
                        if cm.cue.participle
                            && cm.first > a
                            && doc.tok_in(cm.first - 1, &doc.lx.as_saying) =>
                    {
                        let named = doc
                            .ents_in(s.start, s.end)
                            .filter(|e| e.label == EntityType::Person)
                            .last()
                            .map(Speaker::named);
                        named.or(Some(s))
                    }
                    other => other,
                };
                // A capitalised cue that opens a quotation without a subject is the quoted
                // text's own first word (a verdict's '"Menyatakan terdakwa ... bersalah," kata
                // hakim'), not a claim inside it.
                if speaker.is_none() && cm.first > a && doc.is_opening_quote(cm.first - 1) {
                    continue;
                }
                let kind = if quote.is_some() {
                    ClaimKind::Direct
                } else {
                    ClaimKind::Indirect
                };
                let confidence = match (
                    speaker.as_ref().is_some_and(|s| s.canonical.is_some()),
                    comp.first == comp.content,
                ) {
                    (true, false) => 0.9,
                    (false, false) => 0.7,
                    (true, true) => 0.7,
                    (false, true) => 0.5,
                };
                if let Some(c) = doc.claim(
                    (start, end),
                    speaker.as_ref(),
                    Some((cm.start, cm.end)),
                    kind,
                    NAME,
                    confidence,
                ) {
                    out.push(c);
                }
                if let Some(s) = &speaker
                    && s.person
                    && quote.is_none()
                {
                    last_speaker = Some((s.clone(), si));
                    speakers.push((s.clone(), si));
                }
                last_subject = speaker.clone();
                here.push(((start, end), speaker));
            }
        }
    }
}
