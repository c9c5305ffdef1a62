//! `quote/13`: quoted words with their source. `"CONTENT," SPEAKER CUE`, `"CONTENT," CUE
//! SPEAKER`, `SPEAKER CUE: "CONTENT"`. A quotation over several sentences gives one direct
//! claim per sentence, each with the quotation's speaker and cue. A quotation opened after
//! `CUE:` and never closed runs on over the following sentences until the narrative resumes
//! (a sentence with a cue or a quotation mark of its own), at most [`MAX_RUN_ON`] sentences.
//! Quotations without an attribution next to them (titles, scare quotes) are no claims.

use records::{Claim, ClaimKind, EntityType};

use super::cue_that::appositive_subject;
use super::doc::{Doc, Speaker, Subject, is_quote};
use super::lexicon::SubjectSide;
use crate::ClaimLabeler;

pub const NAME: &str = "quote/13";

/// Sentences an unclosed quotation may run on after its paragraph.
const MAX_RUN_ON: usize = 3;
/// Tokens between a quotation and its cue.
const MAX_ATTRIBUTION: usize = 10;

/// A quotation with its attribution.
#[derive(Debug, Clone)]
pub struct Quote {
    /// The quoted text (inside the marks), in article-text bytes.
    pub start: usize,
    pub end: usize,
    pub speaker: Option<Speaker>,
    pub cue: (usize, usize),
    /// Whole sentences after the quotation's paragraph that it runs on over.
    pub run_on: Vec<usize>,
}

impl Quote {
    /// Whether a byte offset is inside the quotation (run-on sentences included).
    pub fn contains(&self, doc: &Doc, pos: usize) -> bool {
        (self.start <= pos && pos < self.end)
            || self
                .run_on
                .iter()
                .any(|&s| doc.sents[s].0 <= pos && pos < doc.sents[s].1)
    }
}

/// Attributed quotations of the article, in order.
pub fn find_quotes(doc: &Doc) -> Vec<Quote> {
    // Quotation marks of the sentences, with their paragraph (line breaks before them).
    let mut marks: Vec<(usize, char, usize)> = Vec::new();
    let (mut para, mut counted) = (0, 0);
    for &(s, e) in &doc.sents {
        for (i, c) in doc.text[s..e].char_indices() {
            if is_quote(c) {
                let at = s + i;
                para += doc.text[counted..at].matches('\n').count();
                counted = at;
                marks.push((at, c, para));
            }
        }
    }
    // Pairs within paragraphs: (inner start, inner end, closed).
    let para_end = |pos: usize| {
        let end = doc.text[pos..]
            .find('\n')
            .map_or(doc.text.len(), |n| pos + n);
        // The last sentence end at or before the line break (sentences are in order: by
        // bisection, as a scan per quotation was quadratic in an article of thousands).
        let before = doc.sents.partition_point(|&(_, e)| e <= end);
        before
            .checked_sub(1)
            .map_or(end, |k| doc.sents[k].1)
            .max(pos)
    };
    let mut pairs: Vec<(usize, usize, bool)> = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (inner start, paragraph)
    for &(at, c, para) in &marks {
        if let Some((o, p)) = open
            && p != para
        {
            pairs.push((o, para_end(o), false));
            open = None;
        }
        let opener = matches!(c, '\u{201C}' | '\u{201E}' | '«');
        // Some outlets open quotations with the closing mark too ("Senin. ”Kami akan proses
        // ...,” kata Budi"): one after a space or at a sentence's start and glued to a word
        // opens.
        let closer = matches!(c, '\u{201D}' | '»') && !(c == '\u{201D}' && opens_like(doc, at));
        match open {
            Some((o, _)) if !opener => {
                pairs.push((o, at, true));
                open = None;
            }
            None if !closer => open = Some((at + c.len_utf8(), para)),
            _ => {}
        }
    }
    if let Some((o, _)) = open {
        pairs.push((o, para_end(o), false));
    }

    let mut quotes = Vec::new();
    for (start, end, closed) in pairs {
        if doc.words_in(start, end) < 3 {
            continue;
        }
        let attribution = if closed {
            match opening(doc, start) {
                Opening::Sentence => after(doc, end).or_else(|| before(doc, start)),
                // '"We will win," he said, "and we will rebuild."': the attribution before it.
                Opening::Clause => before(doc, start).or_else(|| after(doc, end)),
                Opening::Inside => before(doc, start),
            }
        } else {
            before(doc, start)
        };
        let Some((speaker, cue)) = attribution.or_else(|| continued(doc, &quotes, start, end))
        else {
            continue;
        };
        let mut run_on = Vec::new();
        if !closed {
            let last_sent = doc.sentence_at(end.saturating_sub(1)).unwrap_or(0);
            let mut s = last_sent + 1;
            while s < doc.sents.len() && run_on.len() < MAX_RUN_ON && narrative_pauses(doc, s) {
                run_on.push(s);
                s += 1;
            }
        }
        quotes.push(Quote {
            start,
            end,
            speaker,
            cue,
            run_on,
        });
    }
    quotes
}

/// Whether the quotation mark at byte `at` stands where one opens: at the text's start or
/// after a space or an opening bracket, and glued to a letter or a digit after it.
fn opens_like(doc: &Doc, at: usize) -> bool {
    let before = doc.text[..at].chars().next_back();
    let after = doc.text[at..].chars().nth(1);
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '['))
        && after.is_some_and(char::is_alphanumeric)
}

/// The attribution of a quotation that is a whole sentence of its own, with none next to it,
/// right after an attributed quotation in the same paragraph: the same speaker goes on
/// ('"We want more data," Powell said. "It is not that we are looking for better data."').
fn continued(
    doc: &Doc,
    quotes: &[Quote],
    start: usize,
    end: usize,
) -> Option<(Option<Speaker>, (usize, usize))> {
    let last = quotes.last()?;
    let sent = doc.sentence_at(start)?;
    let last_sent = doc.sentence_at(end.saturating_sub(1))?;
    let previous = doc.sentence_at(last.end.saturating_sub(1))?;
    // A quotation may run over several sentences: it opens its first and closes its last.
    let (s, e) = (doc.sents[sent].0, doc.sents[last_sent].1);
    if !(s <= start && start <= end && end <= e) {
        return None;
    }
    // The sentences are the quotation: they open with the mark and close with it.
    let whole = doc.text[s..start].trim_end().chars().all(is_quote)
        && doc.text[end..e]
            .chars()
            .all(|c| is_quote(c) || c.is_whitespace() || matches!(c, '.' | '!' | '?' | '…'));
    (whole
        && previous + 1 == sent
        && doc.para[previous] == doc.para[sent]
        && last.run_on.is_empty())
    .then(|| (last.speaker.clone(), last.cue))
}

/// A sentence that can continue an unclosed quotation: no cue, no quotation mark at its
/// start, and ending like prose.
fn narrative_pauses(doc: &Doc, s: usize) -> bool {
    let (a, b) = doc.sent_toks[s];
    let text = doc.text[doc.sents[s].0..doc.sents[s].1].trim();
    if text.starts_with(is_quote) || !text.ends_with(['.', '!', '?', '؟']) {
        return false;
    }
    let odd_quotes = text.chars().filter(|&c| is_quote(c)).count() % 2 == 1;
    !odd_quotes && (a..b).all(|i| doc.cue_at(i).is_none())
}

/// Where a quotation stands in its sentence.
enum Opening {
    /// It opens the sentence.
    Sentence,
    /// It opens a clause (after a comma, a colon, a dash or a bracket).
    Clause,
    /// Words quoted inside a clause ('said the figures were "a major milestone", adding that
    /// ...'): they belong to that clause's claim, and a cue after them attributes that
    /// clause, not the quoted words.
    Inside,
}

fn opening(doc: &Doc, start: usize) -> Opening {
    let Some(sent) = doc.sentence_at(start) else {
        return Opening::Sentence;
    };
    let before = doc.text[doc.sents[sent].0..start]
        .trim_end_matches(|c: char| is_quote(c) || c.is_whitespace());
    if before.is_empty() {
        Opening::Sentence
    } else if before.ends_with([',', '،', ':', ';', '(', '[', '-', '\u{2013}', '\u{2014}']) {
        Opening::Clause
    } else {
        Opening::Inside
    }
}

/// `"...," SPEAKER CUE` or `"...," CUE SPEAKER` after a closing mark at `close`.
fn after(doc: &Doc, close: usize) -> Option<(Option<Speaker>, (usize, usize))> {
    let first = doc.first_tok_from(close, true)?;
    // The quotation's own sentence and paragraph: the first token after the mark may already
    // stand in the next paragraph.
    let sent = doc.sentence_at(close)?;
    let mut i = first;
    while doc.is_comma(i) {
        i += 1;
    }
    let mut limit = (i + MAX_ATTRIBUTION).min(doc.toks.len());
    let mut next = i;
    while next < limit {
        let k = next;
        next += 1;
        let t = &doc.toks[k];
        if doc.para[t.sent] != doc.para[sent] {
            return None;
        }
        // A party's tag after the name belongs to the speaker ('"...," Sen. Dale Whitacre
        // (R-Mont.) told The Hill.').
        if let Some(close) = doc.name_tag_end(k) {
            limit = (limit + close + 1 - k).min(doc.toks.len());
            next = close + 1;
            continue;
        }
        if doc.is_boundary(k) && !doc.is_punct(k, &['.']) {
            return appositive_after(doc, i, k, sent);
        }
        let Some(cm) = doc.cue_at(k) else { continue };
        // The verb of an "according to" phrase is that phrase's ("بحسب ما نقل عنه").
        if doc.in_according_phrase(&cm, doc.sent_toks[t.sent].0) {
            continue;
        }
        // SPEAKER CUE
        let speaker = match doc.resolve_subject(i, k, None) {
            Subject::Found(s) => Some(s),
            _ => None,
        };
        let tail_end = end_of_attribution(doc, cm.last);
        // An attribution ended by a colon introduces what follows it.
        if tail_end.is_some_and(|t| doc.is_punct(t, &[':'])) {
            return None;
        }
        // A cue in the next sentence attributes the quotation only when that sentence is the
        // attribution alone ('"...." Johnson said.'); else it reports something of its own
        // ('"It sounded like a train." The Weather Service said winds reached 90 mph').
        if t.sent != sent && tail_end != Some(cm.last) {
            return None;
        }
        let speaker = match speaker {
            Some(s) if tail_end == Some(cm.last) || doc.only_circumstances(cm.last) => Some(s),
            Some(_) => return None,
            None if cm.cue.pronoun
                && (tail_end == Some(cm.last) || doc.only_circumstances(cm.last)) =>
            {
                // '"...," ujarnya.'
                Some(doc.pronoun_cue_speaker((cm.start, cm.end)))
            }
            None => {
                // CUE SPEAKER, up to punctuation, else to the first lower-case word after the
                // name ("kata Sri Mulyani dalam konferensi pers ...").
                // Or where circumstances begin after a description or a pronoun ('ujar pelatih
                // asal Brasil itu dalam konferensi pers usai laga', 'kata dia kepada
                // Kontan.co.id, Senin (14/10)').
                // Where the verb comes first, the subject's own reading ends it (a preposition
                // may be a name's word there: "علي").
                let (_, send) = doc.sent_toks[sent];
                let vso = doc.lx.subject == SubjectSide::After;
                // Not a role's link ("said the head of the UN agency"); after a pronoun any
                // preposition ("kata dia kepada Kontan.co.id").
                let pronoun = cm.last + 1 < send && doc.is_one_word_pronoun(cm.last);
                let circumstances = (cm.last + 1..send.min(cm.last + MAX_ATTRIBUTION))
                    .find(|&k| {
                        (doc.is_preposition(k) || doc.tok_in(k, &doc.lx.subordinators))
                            && (pronoun || !doc.tok_in(k, &doc.lx.role_links))
                    })
                    .filter(|_| !vso);
                let e = [tail_end, name_end(doc, cm.last), circumstances]
                    .into_iter()
                    .flatten()
                    .min()
                    .or(vso.then_some(send))?;
                // A title's holder named in apposition after its comma ('"...," kata Kepala
                // Pusat Penerangan Kemendagri, Rizal Tamrin Pohan, di ...').
                let e = appositive_person_end(doc, e, send).unwrap_or(e);
                // A preposition opens no speaker ('"..." and vowed to challenge the law'),
                // nor does a complementizer ('"...", adding that the plan was working').
                if doc.is_preposition(cm.last) || doc.match_any(cm.last, &doc.lx.comps).is_some() {
                    return None;
                }
                // Where the verb comes first, circumstances end the subject ("هكذا علق
                // المستشار الشاذلى عقب الجلسة").
                let subject = if doc.lx.subject == SubjectSide::After {
                    doc.resolve_vso_subject(cm.last, e, None)
                } else {
                    doc.resolve_subject(cm.last, e, None)
                };
                match subject {
                    Subject::Found(s) => Some(s),
                    _ => return None,
                }
            }
        };
        return Some((speaker, (cm.start, cm.end)));
    }
    None
}

/// `"...," SPEAKER, APPOSITIVE, CUE`: a person's name from `i` up to the comma at `comma`, an
/// appositive, and the cue right after its closing comma ('"...," Hossam Bahgat, the founder
/// of EIPR, said.', '..., Farhad Alaaldin, Sudani's adviser, told Al-Monitor.'), with nothing
/// but circumstances after the cue.
fn appositive_after(
    doc: &Doc,
    i: usize,
    comma: usize,
    sent: usize,
) -> Option<(Option<Speaker>, (usize, usize))> {
    if !doc.is_comma(comma) || comma <= i || doc.toks[comma].sent != sent {
        return None;
    }
    let (_, send) = doc.sent_toks[sent];
    let close = (comma + 1..send.min(comma + 1 + MAX_ATTRIBUTION + 6))
        .find(|&k| doc.is_boundary(k))
        .filter(|&k| doc.is_comma(k))?;
    let cm = doc.cue_at(close + 1)?;
    if end_of_attribution(doc, cm.last) != Some(cm.last) && !doc.only_circumstances(cm.last) {
        return None;
    }
    // The name before its party's tag ('"...," Sen. Priya Natarajan (D-Minn.), the ranking
    // Democrat on the committee, told reporters.').
    let name_last = (i + 1..comma)
        .find(|&o| doc.name_tag_end(o) == Some(comma - 1))
        .map_or(comma - 1, |o| o - 1);
    let subject = if doc.person_ends_at(name_last) {
        appositive_subject(doc, i, close + 1, None)
    } else if doc.tok_in(comma + 1, &doc.lx.relatives) {
        // '"...," the complainant, who did not wish to be named, told TOI.'
        doc.resolve_subject(i, comma, None)
    } else if doc
        .ents_in(doc.toks[comma].end, doc.toks[close].start)
        .any(|x| {
            // The name fills the appositive, perhaps after a title or a description ("former
            // journalist Tom Baldwin"); a participle's object does not ("his lawyer,
            // representing John Smith, told" names no speaker).
            x.label == EntityType::Person
                && x.end == doc.toks[close - 1].end
                && (comma + 1..close)
                    .take_while(|&k| doc.toks[k].end <= x.start)
                    .all(|k| {
                        !doc.is_preposition(k)
                            && doc.cue_at(k).is_none()
                            && !doc.has_aside_suffix(k)
                    })
        })
        && (i..comma).all(|k| doc.cue_at(k).is_none())
    {
        // A role and the name in apposition ('"...," WFP's Sudan country director,
        // Jean-Claude Mbaye, told Al Jazeera.').
        doc.resolve_subject(comma + 1, close, None)
    } else {
        return None;
    };
    match subject {
        Subject::Found(s) => Some((Some(s), (cm.start, cm.end))),
        _ => None,
    }
}

/// The token after a run of capitalised words (a title and a name) starting at `from`, when
/// a lower-case word ends it within a few words.
fn name_end(doc: &Doc, from: usize) -> Option<usize> {
    let sent = doc.toks.get(from)?.sent;
    let (_, send) = doc.sent_toks[sent];
    // A long title and a name ("tegas Kabid Humas Polda Metro Jaya Kombes Pol Ade Ary Syam
    // Indradi di Jakarta").
    let end = (from..send).take(14).find(|&k| !doc.is_capitalised(k))?;
    if end == from || !doc.toks[end].word {
        return None;
    }
    // A team's or a place's name before a role noun and its holder's name ('admitted TNT
    // coach Ramon Escueta.'): the holder's name ends it.
    let role = (end..send)
        .take(3)
        .take_while(|&k| {
            doc.toks[k].word
                && !doc.is_capitalised(k)
                && !doc.is_preposition(k)
                && !doc.tok_in(k, &doc.lx.conjs)
                && !doc.tok_in(k, &doc.lx.subordinators)
        })
        .last()
        .map(|k| k + 1);
    if let Some(name) = role.filter(|&k| k < send && doc.is_capitalised(k))
        && let Some(person) = doc.ent_starting_at(name, |l| l == EntityType::Person)
        && let Some(after) = (name..send).find(|&k| doc.toks[k].start >= person.end)
        && (!doc.toks[after].word || doc.is_preposition(after))
    {
        return Some(after);
    }
    Some(end)
}

/// Tokens of an outlet's name in quotation marks after "لـ" before a quotation's colon.
const MAX_QUOTED_OUTLET: usize = 6;

/// Where a speaker phrase that ends at the comma at token `comma` goes on with a person named
/// in apposition: the token after the name, which a comma or the sentence's end closes.
fn appositive_person_end(doc: &Doc, comma: usize, send: usize) -> Option<usize> {
    if comma + 1 >= send || !doc.is_comma(comma) {
        return None;
    }
    let person = doc.ent_starting_at(comma + 1, |l| l == EntityType::Person)?;
    let after = (comma + 1..send).find(|&k| doc.toks[k].start >= person.end)?;
    (doc.is_comma(after) || doc.is_punct(after, &['.'])).then_some(after)
}

/// The token where an attribution ends: the first sentence-ending or clause-ending
/// punctuation (or the end of the sentence), within a few words.
fn end_of_attribution(doc: &Doc, from: usize) -> Option<usize> {
    let sent = doc.toks.get(from.saturating_sub(1))?.sent;
    let (_, send) = doc.sent_toks[sent];
    // A period inside the sentence, before a word, is an abbreviation's ("explains Dr. Piers
    // Simpkin, who ..."): the sentence splitter did not end the sentence there.
    let abbreviation = |k: usize| doc.is_punct(k, &['.']) && k + 1 < send && doc.toks[k + 1].word;
    // A party's tag after a name counts for nothing ("said Sen. Dale Whitacre (R-Mont.).").
    let mut tag_tokens = 0;
    let mut k = from;
    while k < send && k - from - tag_tokens < 7 {
        if let Some(close) = doc.name_tag_end(k) {
            tag_tokens += close + 1 - k;
            k = close + 1;
            continue;
        }
        if doc.is_punct(k, &['.', ',', '،', '!', '?', ':', ';']) && !abbreviation(k) {
            return Some(k);
        }
        k += 1;
    }
    ((send - from).saturating_sub(tag_tokens) <= 6).then_some(send)
}

/// `SPEAKER CUE: "..."` (or `CUE SPEAKER: «...»` in VSO languages) before an opening mark.
fn before(doc: &Doc, open: usize) -> Option<(Option<Speaker>, (usize, usize))> {
    let last = doc.last_tok_ending_before(open)?;
    let vso = doc.lx.subject == SubjectSide::After;
    // Where the verb comes first, the quotation may follow its speaker without a colon
    // ('وأضافت الطبيبة ريم حداد "المستشفى يعمل بنصف طاقته"'): the mark is the quotation's own.
    let bare = !doc.is_punct(last, &[':', ',', '،']);
    if bare && !(vso && doc.toks[last].word) {
        return None;
    }
    let mark = if bare { last + 1 } else { last };
    let sent = doc.toks[last].sent;
    let (a, _) = doc.sent_toks[sent];
    // Where the verb comes first, the speaker may take an appositive between commas ("وقال
    // محمد أبو باشا، رئيس قسم البحوث في ...، لرويترز: «...»"): a longer reach over two commas.
    let reach = if vso {
        2 * MAX_ATTRIBUTION
    } else {
        MAX_ATTRIBUTION
    };
    let lo = mark.saturating_sub(reach).max(a);
    let mut commas = Vec::new();
    // An outlet quoted after "لـ", to whom it was said ('وقال X لـ"الخليج أونلاين": "..."'):
    // its marks are passed over.
    let mut quoted_outlet_from = None;
    for k in (lo..mark).rev() {
        if quoted_outlet_from.is_some_and(|from| k >= from) {
            continue;
        }
        if vso && !bare && doc.is_punct(mark, &[':']) && doc.is_quote_tok(k) {
            let opening = (k.saturating_sub(MAX_QUOTED_OUTLET).max(lo)..k)
                .rev()
                .find(|&j| doc.is_quote_tok(j));
            if let Some(j) = opening
                && j > a
                && doc.toks[j - 1].norm.ends_with('ل')
                && doc.toks[j - 1].norm.chars().count() == 1
            {
                quoted_outlet_from = Some(j - 1);
                continue;
            }
        }
        let Some(cm) = doc.cue_at(k).filter(|cm| !doc.in_according_phrase(cm, a)) else {
            if doc.is_boundary(k) && k + 1 != mark {
                if !(vso && doc.is_comma(k) && commas.len() < 2) {
                    return None;
                }
                commas.push(k);
            }
            continue;
        };
        // Words between the cue and the mark: adverbs, or the speaker (VSO), up to the
        // appositive's first comma.
        // Past it where the holder is named in apposition ('قال مدرب السيب، التونسي منير
        // الشابي: «...»').
        let speaker_end = match commas.last().copied() {
            Some(c)
                if doc
                    .ents_in(doc.toks[c].end, doc.toks[mark].start)
                    .any(|x| x.label == EntityType::Person) =>
            {
                mark
            }
            Some(c) => c,
            None => mark,
        };
        // Without a colon, only a named speaker right after the cue, no complementizer (a
        // complement quoted whole is `cue_that`'s: 'وأكد أن "..."').
        // Nor a participle or a verbal-noun cue, whose object comes next ("داعيا جميع الأطراف
        // إلى «...»").
        if bare
            && (cm.cue.participle
                || cm.cue.masdar.is_some()
                || (cm.last..mark).any(|j| doc.match_any(j, &doc.lx.comps).is_some()))
        {
            return None;
        }
        // A verbal noun whose source stands after a preposition before it ('ونقل الموقع عن
        // المسؤول قوله: "..."'): the source.
        if let Some(Subject::Found(s)) = cm
            .cue
            .source
            .as_deref()
            .and_then(|prep| doc.cited_source(a, cm.first, prep, None))
        {
            return Some((Some(s), (cm.start, cm.end)));
        }
        // Where the subject comes first, a subject before the cue is the speaker and the words
        // after it are whom it was said to ('Mark Fryer told the BBC: "..."').
        let subject_first = (!vso)
            .then(|| {
                let j = (a..k)
                    .rev()
                    .find(|&j| doc.is_boundary(j))
                    .map_or(a, |j| j + 1);
                match doc.resolve_subject(j, k, None) {
                    Subject::Found(s) if j < k => Some(s),
                    // Or before an appositive ('Priya Raman, senior economist at Zillow, told
                    // Newsweek: "..."').
                    _ if j == k => {
                        match appositive_subject(doc, doc.body_start(sent).min(k), k, None) {
                            Subject::Found(s) => Some(s),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            })
            .flatten();
        let after_cue = || match subject_first {
            Some(s) => Subject::Found(s),
            None => doc.resolve_vso_subject(cm.last, speaker_end, None),
        };
        let speaker = match after_cue() {
            Subject::Found(s) if !bare || s.person || s.canonical.is_some() => Some(s),
            _ if bare => return None,
            _ => {
                let mut j = k;
                while j > a && !doc.is_boundary(j - 1) {
                    j -= 1;
                }
                // Only a subordinator, a preposition or a complementizer before a verb-first
                // cue ("، قبل أن يضيف بصوت خافت:"): no subject there, the cue's is dropped.
                if vso
                    && (j..k).all(|x| {
                        !doc.toks[x].word
                            || doc.tok_in(x, &doc.lx.subordinators)
                            || doc.is_preposition(x)
                            || doc.match_any(x, &doc.lx.comps).is_some()
                    })
                {
                    j = k;
                }
                // A participle after its main clause's verb and subject ("واختتم الوزير X
                // حديثه بالقول:"): that verb's subject.
                let j = if vso && cm.cue.participle && j < k && doc.cue_at(j).is_none() {
                    match doc.resolve_vso_subject(j + 1, k, None) {
                        Subject::Found(s) => return Some((Some(s), (cm.start, cm.end))),
                        _ => j,
                    }
                } else {
                    j
                };
                match doc.resolve_subject(j, k, None) {
                    Subject::Found(s) => Some(s),
                    // A verb-first cue with its subject dropped ('وتابع: "..."'): the person
                    // named last.
                    _ if vso && j == k => doc
                        .last_person_agreeing(cm.start, cm.cue.gender)
                        .map(Speaker::named),
                    // 'The chancellor, Rachel Reeves, said: "..."': the subject before an
                    // appositive.
                    _ if j == k => {
                        match appositive_subject(doc, doc.body_start(sent).min(k), k, None) {
                            Subject::Found(s) => Some(s),
                            _ => None,
                        }
                    }
                    // 'Pochettino admitted his side had been "too soft" and said: "..."': a
                    // cue coordinated with the sentence's first verb has its subject.
                    _ if !vso && k > a && doc.tok_in(k - 1, &doc.lx.conjs) => {
                        doc.opening_subject(sent)
                    }
                    _ => None,
                }
            }
        };
        return Some((speaker, (cm.start, cm.end)));
    }
    None
}

pub struct QuoteLabeler;

impl ClaimLabeler for QuoteLabeler {
    fn name(&self) -> &'static str {
        NAME
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Claim>) {
        for q in doc.quotes() {
            // The sentences it overlaps: a run of the ordered sentences, found by bisection.
            let first = doc.sents.partition_point(|&(_, e)| e <= q.start);
            let mut pieces: Vec<(usize, usize)> = doc.sents[first..]
                .iter()
                .take_while(|&&(s, _)| s < q.end)
                .map(|&(s, e)| (s.max(q.start), e.min(q.end)))
                .collect();
            pieces.extend(q.run_on.iter().map(|&s| doc.sents[s]));
            for (s, e) in pieces {
                if doc.words_in(s, e) < 2 {
                    continue;
                }
                if let Some(c) = doc.claim(
                    (s, e),
                    q.speaker.as_ref(),
                    Some(q.cue),
                    ClaimKind::Direct,
                    NAME,
                    0.8,
                ) {
                    out.push(c);
                }
            }
        }
    }
}
