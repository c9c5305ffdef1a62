//! What the claim labelers share: an article seen as tokens and entities in article-text
//! coordinates, phrase matching against the lexicon, speaker resolution, content trimming and
//! the signals of a claim.

use parse::chars;
use records::{Article, Claim, ClaimKind, Entity, EntityType, Mention};

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};

use super::lexicon::{Cue, Gender, Lexicon, SubjectSide, has_affix, normalize_cow};
use super::quote::{Quote, find_quotes};
use crate::entities::text::is_degree_shaped;
use crate::kb::KnowledgeBase;

/// Splits text into word tokens and single punctuation tokens (byte ranges).
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    tokenize_each(text, |start, end, _| out.push((start, end)));
    out
}

/// [`tokenize`] as a callback per token (`start`, `end`, whether it is a word): a word is a
/// run of word characters, joined across single joiners (`'`, `-`) that a word character
/// follows; every other character but whitespace is a token of its own.
pub fn tokenize_each(text: &str, mut emit: impl FnMut(usize, usize, bool)) {
    // The character at byte `i` and its length; ASCII without decoding.
    let at = |i: usize| -> Option<(char, usize)> {
        let &b = text.as_bytes().get(i)?;
        if b.is_ascii() {
            Some((char::from(b), 1))
        } else {
            text[i..].chars().next().map(|c| (c, c.len_utf8()))
        }
    };
    let mut i = 0;
    while let Some((c, len)) = at(i) {
        if !is_word_char(c) {
            if !c.is_whitespace() {
                emit(i, i + len, false);
            }
            i += len;
            continue;
        }
        let start = i;
        i += len;
        loop {
            match at(i) {
                Some((c, len)) if is_word_char(c) => i += len,
                Some((c, len))
                    if is_joiner(c) && at(i + len).is_some_and(|(n, _)| is_word_char(n)) =>
                {
                    i += len
                }
                // A number's separators ("1.200", "3,5", "1,200"): one word, no comma or
                // period of the sentence.
                Some(('.' | ',', 1))
                    if text.as_bytes()[i - 1].is_ascii_digit()
                        && at(i + 1).is_some_and(|(n, _)| n.is_ascii_digit()) =>
                {
                    i += 1
                }
                _ => break,
            }
        }
        emit(start, i, true);
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    // ASCII first: no marks there, and the check is one range test.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    chars::is_alphanumeric(c)
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}')
}

/// Quotation marks that open, close, or (`"`) do either.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// Byte offsets into the article text.
    pub start: usize,
    pub end: usize,
    pub norm: Cow<'a, str>,
    pub word: bool,
    pub sent: usize,
}

#[derive(Debug, Clone)]
pub struct Ent {
    pub start: usize,
    pub end: usize,
    pub label: EntityType,
    pub id: Option<String>,
    pub canonical: Option<String>,
    /// A news outlet: the article's own (`outlet/1`) or one the knowledge base knows.
    pub outlet: bool,
    /// A country the knowledge base knows.
    pub country: bool,
}

/// Words before a person's name looked at for a word that shows the person's gender
/// ("المتحدثة باسم وزارة الصحة رنا").
const GENDER_WORD_REACH: usize = 5;

/// Persons looked at, from the last back, for one that agrees with a gendered verb or pronoun.
const MAX_GENDER_CANDIDATES: usize = 8;

/// Persons looked at back from "the 46-year-old" for one named with that age.
const MAX_AGED_CANDIDATES: usize = 40;
/// Bytes before a phrase pointing back looked at for someone unnamed it may be about.
const MAX_RECENT_BYTES: usize = 2000;

/// Tokens from a cue back to its speaker's name, past an appositive ("Mark Feeney, an
/// agricultural economist at Iowa State University, said").
const MAX_SPEAKER_REACH: usize = 20;
/// Tokens of a sentence looked at for a pronoun's antecedent, back from the pronoun or from
/// the end of a sentence before it.
const MAX_ANTECEDENT_WINDOW: usize = 80;

/// Tokens of a role before the name that opens a sentence ("Chelsea boss Mauricio").
const OPENING_ROLE: usize = 6;

/// Occurrences of a role looked at, from the last back, for the person named with it.
const MAX_ROLE_OCCURRENCES: usize = 64;

/// Words between a name and a role standing after it ("... آل سعود ولي العهد").
const MAX_ROLE_AFTER_NAME: usize = 5;

/// A resolved speaker: a mention in article-text coordinates and what it refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    pub id: Option<String>,
    pub canonical: Option<String>,
    pub joint: bool,
    /// Refers to a person (a PERSON entity, a pronoun or a role noun).
    pub person: bool,
}

impl Speaker {
    /// The speaker that an entity mention is: itself, referring to what the entity links to.
    pub fn named(e: &Ent) -> Speaker {
        Speaker {
            start: e.start,
            end: e.end,
            id: e.id.clone(),
            canonical: e.canonical.clone(),
            joint: false,
            person: e.label == EntityType::Person,
        }
    }
}

/// What the words before (or after) a cue say about its speaker.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// No words: the speaker must come from elsewhere (pro-drop, participles).
    Missing,
    /// An expletive subject ("it was noted"): the speaker is null.
    Expletive,
    Found(Speaker),
}

/// Tokens after `SPEAKER CUE` that can be circumstances of the saying.
const MAX_CIRCUMSTANCES: usize = 30;
/// Bytes of a claim's content (news quotations and reported clauses run to a few hundred).
const MAX_CONTENT_BYTES: usize = 4000;
/// Words between a verb-first subject's preposition and the end of the role holder's name
/// ("في إقليم الجنوب العقيد فراس الطراونة").
const MAX_ROLE_PLACE: usize = 10;

/// A cue found at a token.
#[derive(Debug, Clone)]
pub struct CueMatch<'l> {
    pub cue: &'l Cue,
    /// Token range of the cue.
    pub first: usize,
    pub last: usize,
    /// Byte range of the cue without a glued conjunction.
    pub start: usize,
    pub end: usize,
    /// A conjunction was glued to the cue (Arabic وأضاف).
    pub clitic: bool,
}

pub struct Doc<'a> {
    pub article: &'a Article,
    pub text: &'a str,
    pub lx: &'static Lexicon,
    pub toks: Vec<Tok<'a>>,
    /// Token index range of each sentence.
    pub sent_toks: Vec<(usize, usize)>,
    /// Sentence ranges in the article text.
    pub sents: Vec<(usize, usize)>,
    /// Paragraph number of each sentence (paragraphs are separated by line breaks).
    pub para: Vec<usize>,
    /// Sorted by start.
    pub ents: Vec<Ent>,
    /// Attributed quotations, found on first use ([`Doc::quotes`]).
    quotes: OnceCell<Vec<Quote>>,
    /// Index of what the look-ups below would otherwise scan the whole article for, once per
    /// call: on a long article (a 1 MB text has some 200k tokens and thousands of entities)
    /// those scans made labelling quadratic in its length.
    index: DocIndex,
}

/// Search aids over [`Doc`]'s tokens and entities. Every look-up that uses them returns what
/// a scan of the whole article in order would (the same element, in the same order).
struct DocIndex {
    /// Tokens are in text order without overlap (each ends before the next starts), so that
    /// both their starts and their ends are sorted. Sentences from the parser always give
    /// that; if not, look-ups scan all tokens.
    toks_ordered: bool,
    /// Word tokens before each token index (and before the end), for counting the words of a
    /// range without walking it: a long content is counted once per claim.
    words_before: Vec<usize>,
    /// The longest entity, in bytes: an entity overlapping `[start, ..)` starts after
    /// `start - longest_ent`.
    longest_ent: usize,
    /// Indexes of the PERSON entities, in `ents` order.
    persons: Vec<usize>,
    /// Token indexes of each word's normalised form, in text order (built on first use).
    toks_by_norm: OnceCell<HashMap<String, Vec<usize>>>,
    /// Indexes of the entities of each canonical name, in `ents` order (built on first use).
    ents_by_canonical: OnceCell<HashMap<String, Vec<usize>>>,
    /// The entities by end (then index), for counting those that end by a position.
    by_end: OnceCell<Vec<usize>>,
    /// Per label, the canonical names counted up to the last position [`Doc::top_two`] was
    /// asked about (claims come in text order, so each count goes on from the last), and
    /// those of the whole article ([`Doc::article_name_counts`]).
    canonical_counts: RefCell<HashMap<EntityType, CanonicalCounts>>,
    all_canonical_counts: RefCell<HashMap<EntityType, NameCounts>>,
    /// The country (index in `ents`) of each nationality asked about ([`Doc::country_of`]).
    nationality_countries: RefCell<HashMap<String, Option<usize>>>,
    /// The gender of each person's canonical name asked about ([`Doc::person_gender`]).
    genders: RefCell<HashMap<String, Option<Gender>>>,
}

/// The two most counted names (ties: the first named), in the order they are first named,
/// joined by "; ".
fn top_two_names(mut counts: NameCounts) -> Option<String> {
    if counts.is_empty() {
        return None;
    }
    // Each name has its own first index: the order is total.
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.truncate(2);
    counts.sort_by_key(|x| x.2);
    Some(
        counts
            .into_iter()
            .map(|x| x.0)
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// Canonical names with how many entities have each and the index of the first of them.
type NameCounts = Vec<(String, usize, usize)>;

/// The [`NameCounts`] of the entities of `label` that end by `by` (all of them when `None`),
/// by a scan of `ents`, in order of their first entity.
fn name_counts(ents: &[Ent], label: EntityType, by: Option<usize>) -> NameCounts {
    let mut counts: NameCounts = Vec::new();
    for (k, e) in ents.iter().enumerate() {
        if e.label != label || by.is_some_and(|pos| e.end > pos) {
            continue;
        }
        let Some(c) = &e.canonical else { continue };
        match counts.iter_mut().find(|x| &x.0 == c) {
            Some(x) => x.1 += 1,
            None => counts.push((c.clone(), 1, k)),
        }
    }
    counts
}

/// Counts of one label's canonical names over the entities that end by `pos`: for each name,
/// how many and the index of the first (in `ents` order).
#[derive(Default)]
struct CanonicalCounts {
    pos: usize,
    /// Entities of `DocIndex::by_end` counted so far.
    next: usize,
    counts: HashMap<String, (usize, usize)>,
}

/// Tokens between a cue with a `source=` preposition and that preposition.
pub const MAX_SOURCE: usize = 16;

impl<'a> Doc<'a> {
    /// `None` when the article's language has no lexicon.
    pub fn new(
        article: &'a Article,
        entities: &[Entity],
        kb: Option<&KnowledgeBase>,
    ) -> Option<Doc<'a>> {
        let lx = Lexicon::get(&article.lang)?;
        let text = article.text.as_str();
        let mut toks = Vec::new();
        let mut sent_toks = Vec::new();
        let mut sents = Vec::new();
        let mut para = Vec::new();
        let mut breaks = 0;
        let mut last = 0;
        for (si, s) in article.sentences.iter().enumerate() {
            let (start, end) = (s.start.min(text.len()), s.end.min(text.len()));
            let (start, end) = if text.is_char_boundary(start) && text.is_char_boundary(end) {
                (start, end.max(start))
            } else {
                (start, start)
            };
            if start >= last && text.is_char_boundary(start) {
                breaks += text[last..start].matches('\n').count();
                last = start;
            }
            para.push(breaks);
            let first = toks.len();
            tokenize_each(&text[start..end], |ts, te, word| {
                toks.push(Tok {
                    start: start + ts,
                    end: start + te,
                    norm: normalize_cow(&text[start + ts..start + te]),
                    word,
                    sent: si,
                })
            });
            sent_toks.push((first, toks.len()));
            sents.push((start, end));
        }
        let mut ents: Vec<Ent> = entities
            .iter()
            .filter_map(|e| {
                let &(s, se) = sents.get(e.sentence)?;
                let (start, end) = (s + e.start, s + e.end);
                (e.start < e.end
                    && end <= se
                    && text.is_char_boundary(start)
                    && text.is_char_boundary(end))
                .then(|| Ent {
                    start,
                    end,
                    label: e.label,
                    id: e.canonical_id.clone(),
                    outlet: e
                        .labelers
                        .iter()
                        .any(|l| l == crate::entities::outlet::NAME)
                        || (e.canonical_id.as_deref())
                            .zip(kb)
                            .is_some_and(|(id, kb)| kb.is_news_outlet(id)),
                    country: (e.canonical_id.as_deref())
                        .zip(kb)
                        .is_some_and(|(id, kb)| kb.is_country(id)),
                    canonical: e
                        .canonical_name
                        .clone()
                        .or_else(|| text.get(start..end).map(str::to_string)),
                })
            })
            .collect();
        ents.sort_by_key(|e| (e.start, e.end));
        let index = DocIndex {
            toks_ordered: toks.windows(2).all(|w| w[0].end <= w[1].start),
            words_before: std::iter::once(0)
                .chain(toks.iter().scan(0, |n, t| {
                    *n += usize::from(t.word);
                    Some(*n)
                }))
                .collect(),
            longest_ent: ents.iter().map(|e| e.end - e.start).max().unwrap_or(0),
            persons: (0..ents.len())
                .filter(|&i| ents[i].label == EntityType::Person)
                .collect(),
            toks_by_norm: OnceCell::new(),
            ents_by_canonical: OnceCell::new(),
            by_end: OnceCell::new(),
            canonical_counts: RefCell::new(HashMap::new()),
            all_canonical_counts: RefCell::new(HashMap::new()),
            nationality_countries: RefCell::new(HashMap::new()),
            genders: RefCell::new(HashMap::new()),
        };
        Some(Doc {
            article,
            text,
            lx,
            toks,
            sent_toks,
            sents,
            para,
            ents,
            quotes: OnceCell::new(),
            index,
        })
    }

    /// The tokens that may lie within `[start, end)` (all of them when tokens are not in
    /// order): the range of those starting in it.
    fn toks_within(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        if !self.index.toks_ordered {
            return 0..self.toks.len();
        }
        let lo = self.toks.partition_point(|t| t.start < start);
        let hi = lo + self.toks[lo..].partition_point(|t| t.start < end);
        lo..hi
    }

    /// The first token starting at or after `pos` (`after`: after `pos`).
    pub fn first_tok_from(&self, pos: usize, after: bool) -> Option<usize> {
        let starts_before = |t: &Tok| if after { t.start <= pos } else { t.start < pos };
        if !self.index.toks_ordered {
            return self.toks.iter().position(|t| !starts_before(t));
        }
        let i = self.toks.partition_point(starts_before);
        (i < self.toks.len()).then_some(i)
    }

    /// The last token ending before `pos`.
    pub fn last_tok_ending_before(&self, pos: usize) -> Option<usize> {
        if !self.index.toks_ordered {
            return self.toks.iter().rposition(|t| t.end < pos);
        }
        self.toks.partition_point(|t| t.end < pos).checked_sub(1)
    }

    /// The entities that may overlap `[start, end)`: those starting before `end` and not
    /// so far before `start` that they must end before it.
    fn ents_near(&self, start: usize, end: usize) -> &[Ent] {
        let lo = self
            .ents
            .partition_point(|e| e.start + self.index.longest_ent <= start);
        let hi = lo + self.ents[lo..].partition_point(|e| e.start < end);
        &self.ents[lo..hi]
    }

    /// The end of the longest entity that starts at `pos`.
    pub fn ent_end_at(&self, pos: usize) -> Option<usize> {
        let i = self.ents.partition_point(|e| e.start < pos);
        self.ents[i..]
            .iter()
            .take_while(|e| e.start == pos)
            .map(|e| e.end)
            .max()
    }

    /// Whether an entity starts at `pos`.
    pub fn ent_starts_at(&self, pos: usize) -> bool {
        let i = self.ents.partition_point(|e| e.start < pos);
        self.ents.get(i).is_some_and(|e| e.start == pos)
    }

    /// The attributed quotations of the article ([`find_quotes`]), found once and shared by
    /// the labelers that need them.
    pub fn quotes(&self) -> &[Quote] {
        self.quotes.get_or_init(|| find_quotes(self))
    }

    pub fn sentence_of_tok(&self, t: usize) -> usize {
        self.toks[t].sent
    }

    /// End token of `words` matched at token `i` within its sentence.
    pub fn match_words(&self, i: usize, words: &[String]) -> Option<usize> {
        let (_, send) = self.sent_toks[self.toks.get(i)?.sent];
        if i + words.len() > send {
            return None;
        }
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.toks[i + k].norm == *w)
            .then_some(i + words.len())
    }

    /// [`Doc::match_words`], or the same after a conjunction glued to the first word
    /// ("ووفقا لبيان", "وبحسب").
    pub fn match_words_unglued(&self, i: usize, words: &[String]) -> Option<usize> {
        self.match_words(i, words).or_else(|| {
            let (rest, _) = self.unglued(i)?;
            self.match_words_after_clitic(i, rest, words)
        })
    }

    /// The end of `words` at token `i` whose word without its glued conjunction is `rest`.
    fn match_words_after_clitic(&self, i: usize, rest: &str, words: &[String]) -> Option<usize> {
        let (_, send) = self.sent_toks[self.toks[i].sent];
        let (first, others) = words.split_first()?;
        (rest == first.as_str()
            && i + words.len() <= send
            && (others.iter().enumerate()).all(|(k, w)| self.toks[i + 1 + k].norm == *w))
        .then_some(i + words.len())
    }

    /// The longest phrase of `list` at token `i`.
    pub fn match_any(&self, i: usize, list: &[Vec<String>]) -> Option<usize> {
        list.iter().find_map(|w| self.match_words(i, w))
    }

    /// The normalised word at `i` without a glued conjunction, and the conjunction's length.
    pub fn unglued(&self, i: usize) -> Option<(&str, usize)> {
        let norm = &self.toks[i].norm;
        for c in &self.lx.clitics {
            if let Some(rest) = norm.strip_prefix(c.as_str())
                && rest.chars().count() >= 2
            {
                // Byte length of the clitic in the raw text: its characters are not
                // changed by normalisation (و, ف).
                let raw = &self.text[self.toks[i].start..self.toks[i].end];
                let n = raw
                    .char_indices()
                    .nth(c.chars().count())
                    .map_or(raw.len(), |(b, _)| b);
                return Some((rest, n));
            }
        }
        None
    }

    /// A cue at token `i`: exact, or after stripping a glued conjunction.
    pub fn cue_at(&self, i: usize) -> Option<CueMatch<'static>> {
        if !self.toks.get(i)?.word {
            return None;
        }
        // Asked of a match only: most words are no cue's first word.
        self.cue_match_at(i)
            .filter(|_| !self.capitalised_in_lower_case_text(i))
    }

    /// [`Doc::cue_at`] whatever the word's case.
    fn cue_match_at(&self, i: usize) -> Option<CueMatch<'static>> {
        let by_first = |w: &str| {
            self.lx
                .cues_by_first
                .get(w)
                .into_iter()
                .flatten()
                .map(|&k| &self.lx.cues[k])
        };
        for cue in by_first(&self.toks[i].norm) {
            if let Some(end) = self.match_words(i, &cue.words) {
                return Some(CueMatch {
                    cue,
                    first: i,
                    last: end,
                    start: self.toks[i].start,
                    end: self.toks[end - 1].end,
                    clitic: false,
                });
            }
        }
        let (rest, n) = self.unglued(i)?;
        by_first(rest).find_map(|cue| {
            let last = self.match_words_after_clitic(i, rest, &cue.words)?;
            Some(CueMatch {
                cue,
                first: i,
                last,
                start: self.toks[i].start + n,
                end: self.toks[last - 1].end,
                clitic: true,
            })
        })
    }

    /// Tokens `s..e` before a cue are no subject but an aside after the subject's appositive:
    /// degrees after a name ("Dedi Harahap, S.H., M.H., mengatakan") or circumstances with no
    /// name in them ("Ir. Gatot Suryo Handoko, saat dikonfirmasi terpisah mengatakan").
    pub(crate) fn aside_only(&self, s: usize, e: usize) -> bool {
        if s >= e {
            return false;
        }
        let (start, end) = (self.toks[s].start, self.toks[e - 1].end);
        let degrees = self.text[start..end]
            .split([',', ' '])
            .filter(|p| !p.is_empty())
            .all(is_degree_shaped);
        let circumstances =
            self.tok_in(s, &self.lx.subordinators) && self.ents_in(start, end).next().is_none();
        degrees || circumstances
    }

    /// A capitalised word between lower-case ones of its sentence: a noun or a name, not a
    /// verb ("consultations with all basin States had been completed", as Indian English
    /// writes "States"). In a title-case headline the word after the verb is capitalised too
    /// ("Zelensky Visits Front Line and Says Counteroffensive ...", "bp Says Profit Fell").
    fn capitalised_in_lower_case_text(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let lower_word = |k: usize| {
            self.toks.get(k).is_some_and(|n| {
                n.sent == t.sent
                    && n.word
                    && self.text[n.start..n.end].chars().all(char::is_lowercase)
            })
        };
        i > 0
            && self.text[t.start..t.end].starts_with(char::is_uppercase)
            && lower_word(i - 1)
            && lower_word(i + 1)
    }

    /// A coordinated verb of the speaker at `i` ("and welcomed", "وأعلن"): the content ends.
    pub fn stop_at(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.word {
            return false;
        }
        if self.lx.conjs.iter().any(|w| *w == *t.norm)
            && self
                .toks
                .get(i + 1)
                .is_some_and(|n| n.sent == t.sent && self.lx.stops.iter().any(|w| *w == *n.norm))
        {
            return true;
        }
        // "but insisted that": a verb of saying that stops a content only before its clause.
        if self.lx.conjs.iter().any(|w| *w == *t.norm)
            && i + 2 < self.toks.len()
            && self.toks[i + 2].sent == t.sent
            && self.tok_in(i + 1, &self.lx.stops_before_clause)
            && self.match_any(i + 2, &self.lx.comps).is_some()
        {
            return true;
        }
        self.unglued(i)
            .is_some_and(|(rest, _)| self.lx.stops.iter().any(|s| s == rest))
    }

    /// Whether a person's name ends with token `k` ("محمد أبو باشا" before "لرويترز").
    pub fn person_ends_at(&self, k: usize) -> bool {
        self.person_ending_at(k).is_some()
    }

    /// The PERSON entity that ends with token `k`.
    fn person_ending_at(&self, k: usize) -> Option<&Ent> {
        let t = &self.toks[k];
        self.ents_in(t.start, t.end)
            .find(|x| x.label == EntityType::Person && x.end == t.end)
    }

    /// Where a party's tag in brackets after a name closes, when one opens at `k`: a party and
    /// its state ("Sen. Dale Whitacre (R-Mont.) told"), capitalised words, a hyphen and the
    /// punctuation of abbreviations inside, or an acronym ("Kepala Pos Pengamatan Gunung Api
    /// (PGA) Semeru"); a name's and not a clause's, so it bounds no speaker (a place in
    /// brackets is a name of its own: "(S.D.)", "(England)").
    pub fn name_tag_end(&self, k: usize) -> Option<usize> {
        if !self.is_punct(k, &['(']) || k == 0 || !self.is_capitalised(k - 1) {
            return None;
        }
        let close = (k + 2..self.toks.len().min(k + 8)).find(|&c| self.is_punct(c, &[')']))?;
        (self.toks[close].sent == self.toks[k].sent
            && {
                // A party and its state, or an acronym ("(PGA)"); not a place ("(S.D.)",
                // "(England)").
                let inside = &self.text[self.toks[k].end..self.toks[close].start];
                inside.contains('-')
                    || (inside.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && inside.chars().all(|c| c.is_uppercase()))
            }
            && self.is_capitalised(k + 1)
            && (k + 1..close).all(|x| self.is_capitalised(x) || self.is_punct(x, &['-', '.', '/'])))
        .then_some(close)
    }

    /// Whether token `k` is a boundary that no name runs across: a comma inside "Badan
    /// Meteorologi, Klimatologi, dan Geofisika" is part of it.
    pub fn is_boundary_between_names(&self, k: usize) -> bool {
        self.is_boundary(k) && {
            let t = &self.toks[k];
            !self
                .ents_in(t.start, t.end)
                .any(|x| x.start < t.start && x.end > t.end)
        }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }

    pub fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        self.toks.get(i).is_some_and(|t| {
            !t.word
                && self.text[t.start..t.end]
                    .chars()
                    .next()
                    .is_some_and(|c| chars.contains(&c))
        })
    }

    /// A period after a one-letter word: an initial ("A. Hajizade").
    pub fn is_initial(&self, i: usize) -> bool {
        i > 0
            && self.is_punct(i, &['.'])
            && self.toks[i - 1].word
            && self.toks[i - 1].sent == self.toks[i].sent
            && self.text[self.toks[i - 1].start..self.toks[i - 1].end]
                .chars()
                .count()
                == 1
    }

    pub fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, &[',', '،', ';', '؛'])
    }

    /// Tokens that bound a clause when looking for a subject. The period of an initial or a
    /// dotted acronym ("A. Hajizade", "a U.S. official") bounds nothing.
    pub fn is_boundary(&self, i: usize) -> bool {
        // Nor does the period of an abbreviation before a comma ("Mitch McConnell, R-Ky., said").
        let abbreviation =
            self.is_punct(i, &['.']) && self.toks.get(i + 1).is_some() && self.is_comma(i + 1);
        !self.is_initial(i)
            && !abbreviation
            && self.is_punct(
                i,
                &[
                    ',', '،', ';', '؛', ':', '(', ')', '"', '\u{201C}', '\u{201D}', '\u{201E}',
                    '«', '»', '\u{2014}', '\u{2013}', '.', '?', '!', '؟',
                ],
            )
    }

    /// Entities inside a byte range.
    pub fn ents_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Ent> {
        self.ents_near(start, end)
            .iter()
            .filter(move |e| e.start < end && start < e.end)
    }

    /// The end byte of the first agent phrase of a passive done to the speaker in tokens
    /// `[s, e)` ("Experts interviewed by the Times of Israel"; not "a statement released by
    /// X", whose author X is): entities after it are not the speaker. Found once per phrase:
    /// looked for per entity, a phrase of thousands of names was quadratic.
    fn agent_end(&self, s: usize, e: usize) -> Option<usize> {
        (s..e).find_map(|k| {
            self.lx
                .agents
                .iter()
                .find_map(|a| self.match_words(k, a))
                .map(|end| self.toks[end - 1].end)
        })
    }

    /// Whether a person's name is a possessor before more words of a phrase ending at byte
    /// `end` ("Netanyahu's office"): the phrase names someone or something of theirs.
    fn possessor_in(&self, x: &Ent, end: usize) -> bool {
        let rest = &self.text[x.end..end.max(x.end)];
        ["'s", "\u{2019}s", "'", "\u{2019}"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .is_some_and(|after| after.starts_with(' ') && after.chars().any(char::is_alphabetic))
    }

    /// The word tokens of `[s, e)` without punctuation, determiners and adverbs at the edges.
    pub(crate) fn trim_phrase(&self, mut s: usize, mut e: usize) -> (usize, usize) {
        // The first opening bracket, found once: a phrase of thousands of ")" is not searched
        // for one per ")".
        let first_open = (s..e).find(|&k| self.is_punct(k, &['(']));
        loop {
            // Leading punctuation, conjunctions, relative pronouns and openers (", but warned
            // that": no speaker of its own; "which he said": the speaker is "he"; "with
            // residents saying": "residents").
            while s < e
                && (!self.toks[s].word
                    || self.lx.conjs.iter().any(|w| *w == *self.toks[s].norm)
                    || self.lx.relatives.iter().any(|w| *w == *self.toks[s].norm)
                    || self.lx.openers.iter().any(|w| *w == *self.toks[s].norm))
            {
                s += 1;
            }
            // Trailing punctuation, but for a bracket closed inside the phrase ("The Office for
            // National Statistics (ONS)").
            while e > s
                && !self.toks[e - 1].word
                && !(self.is_punct(e - 1, &[')'])
                    && first_open.is_some_and(|o| s <= o && o < e - 1))
            {
                e -= 1;
            }
            // A trailing relative pronoun ("three land agents who testified").
            if e > s + 1 && self.tok_in(e - 1, &self.lx.relatives) {
                e -= 1;
            }
            // A negated cue's negation and auxiliary ("He did not say that": "He"; the claim
            // carries the negation).
            if e > s + 1
                && (self.tok_in(e - 1, &self.lx.negations)
                    || self.toks[e - 1].norm.ends_with("n't"))
            {
                e -= 1;
                if e > s + 1 && self.tok_in(e - 1, &self.lx.auxes) {
                    e -= 1;
                }
            }
            // Trailing adverbs ("Xi also said").
            let before = e;
            for adv in &self.lx.adverbs {
                if adv.len() <= e - s && self.match_words(e - adv.len(), adv) == Some(e) {
                    e -= adv.len();
                    break;
                }
            }
            if e == before {
                return (s, e);
            }
        }
    }

    /// Whether token `k` shows a finite verb: an auxiliary, or a word with a finite verb's
    /// affixes ("reached", "ditargetkan") that no determiner stands before ("the revised
    /// figures").
    pub fn finite_at(&self, k: usize) -> bool {
        let norm = &*self.toks[k].norm;
        let is = |list: &[String], w: &str| list.iter().any(|x| x == w);
        // A relative clause's verb is not the clause's ("yang diberikan", "nama-nama yang
        // hilang").
        let not_relative = || {
            k.checked_sub(1).is_none_or(|j| {
                let before = &self.toks[j].norm;
                !is(&self.lx.determiners, before) && !is(&self.lx.relatives, before)
            })
        };
        is(&self.lx.auxes, norm)
            || (is(&self.lx.predicates, norm) && not_relative())
            || self.finite_after_name(k)
            || (has_affix(&self.lx.finite_affixes, norm)
                && !is(&self.lx.not_finite, norm)
                && not_relative())
    }

    /// Whether token `k` has a finite verb's affixes ([`Lexicon::finite_after_name`]) and follows
    /// a name, or an adverb in "-ly" after one ("China stands", "Indonesia firmly adheres").
    fn finite_after_name(&self, k: usize) -> bool {
        let norm = &*self.toks[k].norm;
        if k == 0
            || norm.ends_with("ss")
            || norm.ends_with("'s")
            || !has_affix(&self.lx.finite_after_name, norm)
            || self.tok_in(k, &self.lx.not_finite)
        {
            return false;
        }
        // A demonstrative ends a noun phrase before it ("target itu menantang"), but for a
        // preposition ("program tersebut melalui ...").
        if self.tok_in(k - 1, &self.lx.demonstratives)
            && self.toks[k - 1].sent == self.toks[k].sent
            && !self.is_preposition(k)
        {
            return true;
        }
        let mut before = k - 1;
        // Past an opening quotation mark ('the prime minister "cares ...') and an adverb.
        if self.is_opening_quote(before) && before > 0 {
            before -= 1;
        }
        if self.toks[before].norm.ends_with("ly") && before > 0 {
            before -= 1;
        }
        let end = self.toks[before].end;
        // A name ends there (a nationality is an adjective: "Chinese goods"), or a role noun or
        // a personal pronoun ("the prime minister cares", "he wants")...
        let ends_here = |w: &Vec<String>| {
            before + 1 >= w.len() && self.match_words(before + 1 - w.len(), w) == Some(before + 1)
        };
        // ... or a determiner and one noun, with an object after the verb ("said the package
        // includes interceptors"; not "said the revised figures.", "the company's plans for").
        let determined_noun = before > 0
            && self.toks[before].word
            && !self.is_capitalised(before)
            && !self.toks[before].norm.ends_with("'s")
            && self.tok_in(before - 1, &self.lx.determiners)
            && self.toks.get(k + 1).is_some_and(|t| {
                t.word && t.sent == self.toks[k].sent && !self.is_preposition(k + 1)
            });
        self.ents_near(end.saturating_sub(1), end)
            .iter()
            .any(|e| e.end == end && e.label != EntityType::Norp)
            || determined_noun
            || self.lx.roles.iter().any(ends_here)
            || self
                .lx
                .pronouns
                .iter()
                .any(|p| p.label == Some(EntityType::Person) && ends_here(&p.words))
    }

    /// Whether token `k` ends like a participle that opens an aside ([`Lexicon::aside_suffixes`]:
    /// "speaking", "published").
    pub fn has_aside_suffix(&self, k: usize) -> bool {
        let norm = &self.toks[k].norm;
        (self.lx.aside_suffixes.iter()).any(|x| super::lexicon::fits_affix("", x, norm))
    }

    /// Whether token `k` (if there is one) is one of the lexicon's words `list`.
    pub fn tok_in(&self, k: usize, list: &[String]) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| list.iter().any(|w| *w == *t.norm))
    }

    /// Whether token `k` (if there is one) is a preposition of the lexicon.
    pub fn is_preposition(&self, k: usize) -> bool {
        self.tok_in(k, &self.lx.prepositions)
    }

    /// Whether token `k` is a noun with a preposition glued before it (Arabic "للصحافيين").
    fn glued_to_preposition(&self, k: usize) -> bool {
        let w = &self.toks[k].norm;
        (self.lx.preposition_prefixes.iter())
            .any(|p| w.len() > p.len() && w.starts_with(p.as_str()))
    }

    /// Whether the words from token `from` to the end of its sentence only say where, when or
    /// to whom something was said ("told reporters at UN headquarters in New York", "said on
    /// Monday in a statement"): no complementizer, cue, quotation mark or colon, any of which
    /// would open a content of its own.
    pub fn only_circumstances(&self, from: usize) -> bool {
        let Some(sent) = from
            .checked_sub(1)
            .and_then(|k| self.toks.get(k))
            .map(|t| t.sent)
        else {
            return false;
        };
        let (_, send) = self.sent_toks[sent];
        // Circumstances are short: a long rest is read as more than that, and is not scanned
        // for each quotation of a long sentence.
        send.saturating_sub(from) <= MAX_CIRCUMSTANCES
            && (from..send).all(|k| {
                self.match_any(k, &self.lx.comps).is_none()
                    && self.cue_at(k).is_none()
                    && !self.is_punct(k, &['"', '\u{201C}', '\u{201D}', '«', '»', ':'])
            })
    }

    /// Whether token `k` is an opening quotation mark, or a straight one.
    /// Whether token `k` is a pronoun of one word ("he", "dia").
    pub fn is_one_word_pronoun(&self, k: usize) -> bool {
        self.lx
            .pronouns
            .iter()
            .any(|p| p.words.len() == 1 && p.words[0] == *self.toks[k].norm)
    }

    pub fn is_opening_quote(&self, k: usize) -> bool {
        self.is_punct(k, &['"', '\u{201C}', '«'])
    }

    /// Whether token `k` is a currency's symbol before a number ("$1.7 billion", "€40").
    pub fn is_currency_amount(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            !t.word
                && self.text[t.start..t.end]
                    .chars()
                    .all(|c| matches!(c, '$' | '€' | '£' | '¥'))
                && self.toks.get(k + 1).is_some_and(|n| {
                    n.start == t.end
                        && self.text[n.start..].starts_with(|c: char| c.is_ascii_digit())
                })
        })
    }

    /// Whether token `k` is a quotation mark of any kind ([`is_quote`]).
    pub fn is_quote_tok(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            !t.word
                && self.text[t.start..t.end]
                    .chars()
                    .next()
                    .is_some_and(is_quote)
        })
    }

    /// Whether the cue at token `k` follows a word of intention ("wants to ensure", "فضل عدم
    /// ذكر اسمه"): a verbal noun or an infinitive, no saying; or a word of degree ("kebutuhan
    /// paling mendesak"): an adjective.
    pub fn after_intent_or_degree(&self, k: usize) -> bool {
        k > 0 && (self.tok_in(k - 1, &self.lx.intents) || self.tok_in(k - 1, &self.lx.degrees))
    }

    /// The token after a date starting at token `k`, perhaps after a noun of the day or time
    /// of day it is ("الأحد", "يوم الأحد", "مساء الأحد").
    pub fn after_time(&self, k: usize) -> Option<usize> {
        let date_at = |k: usize| {
            let d = self.ent_starting_at(k, |l| l == EntityType::Date)?;
            // Within the date's sentence: the look-up stays as short as the date.
            let (_, send) = self.sent_toks[self.toks[k].sent];
            (k..send)
                .find(|&j| self.toks[j].start >= d.end)
                .or(Some(send))
        };
        date_at(k).or_else(|| {
            let noun = self.toks.get(k)?;
            let next = self.toks.get(k + 1).filter(|t| t.sent == noun.sent)?;
            (self.lx.time_nouns.iter().any(|w| *w == noun.norm) && next.word)
                .then(|| date_at(k + 1))
                .flatten()
        })
    }

    /// Resolves the words of `[s, e)` after a verb-first cue as its subject: up to the first
    /// preposition, or comma after a name, which open circumstances or an appositive
    /// ("الفالح في تصريحات للصحافيين", "أردوغان، الأربعاء،"); none when a preposition comes
    /// first ("وأشار إلى أن": the verb's own complement, the speaker dropped).
    pub fn resolve_vso_subject(&self, s: usize, e: usize, context: Option<&Speaker>) -> Subject {
        // A day before the subject is circumstances ("قال يوم الأحد الوزير إن").
        let mut s = s;
        while let Some(after) = (s..e)
            .find(|&k| self.toks[k].word)
            .and_then(|k| self.after_time(k))
        {
            s = after;
        }
        let Some(first) = (s..e).find(|&k| self.toks[k].word) else {
            return Subject::Missing;
        };
        // Whom it was said to, right after the cue ("قال لـ\"الرأي\" إن", "أكد للجزيرة نت
        // أن"): a proclitic "ل" written apart, or glued to an outlet.
        let to_outlet = {
            let t = &self.toks[first];
            &*t.norm == "ل"
                || (t.norm.starts_with('ل')
                    && self
                        .ents_in(t.start, t.end)
                        .any(|x| x.outlet && x.start > t.start))
        };
        // A preposition with a pronoun before the complementizer ("قال فيه إن": in it, "وقال
        // لي إن": to me), or a circumstantial clause ("وأضافت وهي تغالب دموعها:"): no subject.
        let next_closes = |k: usize| {
            k + 1 >= e || self.match_any(k + 1, &self.lx.comps).is_some() || !self.toks[k + 1].word
        };
        // ... nor a noun glued to "to the" ("وقال للراكوبة إن").
        if self.is_preposition(first)
            || self.glued_to_preposition(first)
            || to_outlet
            || (self.tok_in(first, &self.lx.prep_pronouns) && next_closes(first))
            || self.tok_in(first, &self.lx.circumstantials)
        {
            return Subject::Missing;
        }
        // A comma ends the subject only after a person's name: "رئيس الصين، شي جين بينج" is a
        // role with the name in apposition.
        let named = |k: usize| {
            self.ents_in(self.toks[first].start, self.toks[k].start)
                .any(|x| x.label == EntityType::Person)
        };
        // A date ends it too ("وانغ ون بين اليوم (الجمعة)", "مصادر مطلعة يوم الثلاثاء").
        let date = |k: usize| self.after_time(k).is_some();
        // A preposition glued to a noun after a name ("ستيفان سيجورنيه للصحافيين").
        let glued_preposition = |k: usize| self.glued_to_preposition(k) && named(k);
        // A name with "ل" glued before it is whom it was said to right after a person ("قال
        // محمد أبو باشا لرويترز"), and wherever it is a news outlet ("قالت مصادر مطلعة
        // لرويترز"); elsewhere "ل" may be "of" ("التابع للأمم المتحدة", "المتحدث الرسمي
        // لوزارة الخارجية").
        let addressee = |k: usize| {
            let t = &self.toks[k];
            if !t.norm.starts_with('ل') {
                return false;
            }
            // "ل" written apart before a quoted outlet at the subject's end ('لـ"الغد"، إن'):
            // whom it was said to; inside a title a name follows ('الأمين العام لـ"حزب الله"
            // نعيم قاسم').
            if &*t.norm == "ل" && self.is_opening_quote(k + 1) {
                let close = (k + 2..self.toks.len().min(k + 10))
                    .find(|&j| self.is_punct(j, &['"', '\u{201D}', '\u{00BB}']));
                return close.is_some_and(|c| {
                    c + 1 >= self.toks.len()
                        || !self.toks[c + 1].word
                        || self.match_any(c + 1, &self.lx.comps).is_some()
                });
            }
            self.ents_in(t.start, t.end).any(|x| {
                x.start > t.start && x.start < t.end && (x.outlet || self.person_ends_at(k - 1))
            })
        };
        // A word inside a person's name is the name's ("يوسف بن علي البلوشي": "علي" reads as
        // "على").
        let in_name = |k: usize| {
            let t = &self.toks[k];
            self.ents_in(t.start, t.end)
                .any(|x| x.label == EntityType::Person && x.start < t.start)
        };
        let end = (first + 1..e)
            .find(|&k| {
                (self.is_preposition(k) && !in_name(k))
                    || (self.is_comma(k) && named(k))
                    // An aside after the comma ("ويقول صاحب صهريج، فضّل عدم ذكر اسمه، إن").
                    || (self.is_comma(k) && k + 1 < e && self.tok_in(k + 1, &self.lx.asides))
                    // A circumstantial clause after it ("يقول الحاج مبروك وهو يتفقد نخيله:").
                    || self.tok_in(k, &self.lx.circumstantials)
                    || date(k)
                    || glued_preposition(k)
                    || addressee(k)
            })
            .unwrap_or(e);
        // A role's place before the holder's name ("مدير الدفاع المدني في إقليم الجنوب العقيد
        // فراس الطراونة، أن"): one preposition and a few words, then a person, go on with the
        // subject; circumstances ("في مؤتمر مع نظيره X") hold a second preposition.
        // Not after a name: "الرئيس السيسي خلال استقباله وزير الخارجية بلينكن" is the host's.
        let end = if end < e && self.is_preposition(end) && !named(end) {
            (end + 1..(end + 1 + MAX_ROLE_PLACE).min(e))
                // A word with a possessive ("استقباله", "أجراها") is the subject's act, and
                // the person after it someone else ("لدى استقباله السفير الياباني X").
                .take_while(|&k| {
                    // Past the place's comma to the holder in apposition ("في مجلس النواب،
                    // النائب حسين العكيلي").
                    // A title's abbreviation too ("، د. حسن إبراهيم موسى،"); not past a comma
                    // after another role in the place, whose holder is named there ("مسؤول في
                    // مكتب رئيس الوزراء، د. محمد اشتية").
                    (self.toks[k].word
                        || (self.is_comma(k)
                            && !(end + 1..k).any(|j| self.match_any(j, &self.lx.roles).is_some()))
                        || (self.is_punct(k, &['.']) && k + 1 < e && self.toks[k + 1].word))
                        && !self.is_preposition(k)
                        && !glued_preposition(k)
                        && !((self.toks[k].norm.ends_with('ه')
                            || self.toks[k].norm.ends_with("ها"))
                            && !self
                                .ents_in(self.toks[k].start, self.toks[k].end)
                                .any(|x| x.label == EntityType::Person))
                })
                .find(|&k| self.person_ends_at(k))
                .map_or(end, |k| k + 1)
        } else {
            end
        };
        self.resolve_subject(first, end, context)
    }

    /// The speaker of a cue whose source stands after a preposition before it ("نقلت رويترز عن
    /// مصادر مطلعة قولها إن": the sources), within the sentence from token `a`.
    pub fn cited_source(
        &self,
        a: usize,
        cue: usize,
        prep: &str,
        context: Option<&Speaker>,
    ) -> Option<Subject> {
        let lo = cue.saturating_sub(MAX_SOURCE).max(a);
        // The source ends at an aside's comma ("عن المسؤول، الذي طلب عدم الكشف عن اسمه، قوله");
        // a preposition inside the aside ("عن اسمه") is no source's, so an earlier one is tried.
        (lo..cue)
            .rev()
            .filter(|&k| *self.toks[k].norm == *prep)
            .find_map(|k| {
                // An aside after the source's comma ends it ("عن المسؤول، الذي طلب ...،
                // قوله"); a clause with a cue of its own there makes this preposition another
                // verb's ("وتحدث الوزير عن الأزمة، ونقلت الوكالة قوله"); else the source runs on
                // ("عن ممثل المنظمة، الدكتور ماتياس شولتس، قوله").
                let end = match (k + 1..cue).find(|&j| self.is_comma(j)) {
                    Some(comma) if comma + 1 >= cue || self.tok_in(comma + 1, &self.lx.asides) => {
                        comma
                    }
                    Some(comma) if self.cue_at(comma + 1).is_some() => return None,
                    _ => cue,
                };
                // One noun with a possessive pronoun is the aside's ("عن اسمه", "عن هويته").
                let possessed = end == k + 2 && {
                    let t = &self.text[self.toks[k + 1].start..self.toks[k + 1].end];
                    t.ends_with('ه') || t.ends_with("ها") || t.ends_with("هم")
                };
                if possessed {
                    return None;
                }
                match self.resolve_subject(k + 1, end, context) {
                    s @ Subject::Found(_) => Some(s),
                    _ => None,
                }
            })
    }

    /// Resolves the words of `[s, e)` (token indices) as the subject of a cue. `context` is
    /// the speaker around (of the enclosing quote or claim), for "we" and "his country".
    pub fn resolve_subject(&self, s: usize, e: usize, context: Option<&Speaker>) -> Subject {
        let (s, e) = self.trim_phrase(s, e);
        if s >= e {
            return Subject::Missing;
        }
        // A subject pronoun right before the cue is its subject, whatever words come before
        // it ("the bark of a walnut tree he says is older"); not one of a pair ("Smith and I").
        if e - s > 1
            && self.lx.subject == SubjectSide::Before
            && self.toks[e - 2].word
            && self.tok_in(e - 1, &self.lx.subject_pronouns)
            && !self.tok_in(e - 2, &self.lx.conjs)
        {
            return self.resolve_subject(e - 1, e, context);
        }
        // A relative clause after the phrase's head is about the head ("two officials who
        // declined to be named", "officials who met Putin"): the head is resolved, the
        // mention is the whole phrase.
        if let Some(rel) = (s + 1..e).find(|&k| {
            self.toks[k].word && !self.is_capitalised(k) && self.tok_in(k, &self.lx.relatives)
        }) {
            return match self.resolve_subject(s, rel, context) {
                Subject::Found(x) => Subject::Found(Speaker {
                    end: self.toks[e - 1].end,
                    ..x
                }),
                other => other,
            };
        }
        let (start, end) = (self.toks[s].start, self.toks[e - 1].end);
        let words = e - s;
        if self
            .lx
            .passives
            .iter()
            .any(|p| p.len() == words && self.match_words(s, p) == Some(e))
        {
            return Subject::Expletive;
        }
        let found = |canonical: Option<String>, id: Option<String>, person: bool, joint: bool| {
            Subject::Found(Speaker {
                start,
                end,
                id,
                canonical,
                joint,
                person,
            })
        };
        // Two parties named together ("Mesir dan Yordania sepakat bahwa", "China and Russia
        // said"): both are the source.
        if let Some(both) = self.two_parties(s, e) {
            let person = both.iter().all(|x| x.label == EntityType::Person);
            let canonical = both
                .iter()
                .map(|x| x.canonical.clone())
                .collect::<Option<Vec<String>>>()
                .map(|names| names.join("; "));
            return found(canonical, None, person, true);
        }
        let agent_end = self.agent_end(s, e);
        let after_agent = |x: &Ent| agent_end.is_some_and(|a| a <= x.start);
        // A named person in the phrase, unless the phrase names someone of theirs
        // ("Netanyahu's office", "Lapid's spokesman").
        if let Some(p) = self
            .ents_in(start, end)
            .filter(|x| x.label == EntityType::Person && !after_agent(x))
            .last()
        {
            if self.possessor_in(p, end) {
                return found(None, None, true, false);
            }
            return found(p.canonical.clone(), p.id.clone(), true, false);
        }
        // Both parties.
        for j in &self.lx.joints {
            let k = j.words.len();
            if k <= words && self.match_words(e - k, &j.words) == Some(e) {
                let label = j.label.unwrap_or(EntityType::Gpe);
                let canonical = self.top_two(label, start);
                return found(canonical, None, label == EntityType::Person, true);
            }
        }
        // Pronouns.
        for p in &self.lx.pronouns {
            if p.words.len() == words && self.match_words(s, &p.words) == Some(e) {
                return match p.label {
                    Some(EntityType::Person) => match self.last_person_agreeing(start, p.gender) {
                        Some(x) => found(x.canonical.clone(), x.id.clone(), true, false),
                        None => found(None, None, true, false),
                    },
                    _ => {
                        let (canonical, id) = self.country_of(context, start);
                        found(canonical, id, false, false)
                    }
                };
            }
        }
        // Role nouns ("The President", "The Chairman of ..."): a person named before.
        let mut r = s;
        while r < e && self.lx.determiners.iter().any(|w| *w == *self.toks[r].norm) {
            r += 1;
        }
        // A nationality or country before the role ("the Turkish minister", "a U.S.
        // official"): the role's holder is one named with it.
        let mut modifier = (r < e).then(|| self.nationality_at(r)).flatten();
        if let Some(x) = modifier {
            while r < e && self.toks[r].start < x.end {
                r += 1;
            }
        }
        // An indefinite role, perhaps after one lower-case word, with a preposition's phrase
        // after it ("A senior official in the finance ministry, who ..., said"): someone new,
        // however long the phrase.
        if self.lx.role_heads && r > s && self.tok_in(s, &self.lx.indefinites) {
            let role_end_at = |k: usize| {
                (self.lx.roles.iter()).find_map(|w| self.match_words(k, w).filter(|&x| x < e))
            };
            let adjective = self.toks[r].word
                && self.text[self.toks[r].start..].starts_with(char::is_lowercase);
            let role_end =
                role_end_at(r).or_else(|| adjective.then(|| role_end_at(r + 1)).flatten());
            if role_end
                .is_some_and(|x| self.is_preposition(x) || self.tok_in(x, &self.lx.role_links))
            {
                return found(None, None, true, false);
            }
        }
        // Where a role noun heads its phrase (English), it ends it or a link follows it
        // ("the Chairman of ..."); "official figures" names no official.
        let heads_phrase = |role_end: usize| {
            !self.lx.role_heads || role_end >= e || self.tok_in(role_end, &self.lx.role_links)
        };
        // The role may carry a glued conjunction where the subject comes first ("والوزير أكد").
        let glued = r == s && self.lx.subject == SubjectSide::After;
        let role_at = |w: &Vec<String>| {
            self.match_words(r, w)
                .or_else(|| glued.then(|| self.match_words_unglued(r, w)).flatten())
        };
        if let Some(role_end) = (self.lx.roles.iter())
            .find_map(role_at)
            .filter(|&x| heads_phrase(x))
        {
            let role = &self.lx.roles.iter().find(|w| role_at(w) == Some(role_end));
            // ... or after it ("الرئيس الفرنسي"), or after the role's field in a verb-first
            // language ("وزير الخارجية الصيني").
            if modifier.is_none() && role_end < e {
                modifier = self.nationality_at(role_end);
                if modifier.is_none() && self.lx.subject == SubjectSide::After && role_end + 1 < e {
                    modifier = self.nationality_at(role_end + 1);
                }
            }
            // "A U.S. official": someone new, not whoever was named before.
            let indefinite = r > s && self.lx.indefinites.iter().any(|w| *w == *self.toks[s].norm);
            if indefinite {
                return found(None, None, true, false);
            }
            // A capitalised word no labeller knew right after the role is the holder's name
            // ("hakim Ratna saat membacakan"): someone named here, not the last one before.
            if role_end < e
                && self.is_capitalised(role_end)
                && self
                    .ents_in(self.toks[role_end].start, self.toks[role_end].end)
                    .next()
                    .is_none()
            {
                return found(None, None, true, false);
            }
            // The holder named in apposition after a comma inside the phrase ("مدرب السيب،
            // التونسي منير الشابي", "عضو اللجنة المالية في مجلس النواب، النائب حسين العكيلي").
            if let Some(x) = (role_end..e).find(|&k| self.is_comma(k)).and_then(|comma| {
                self.ents_in(self.toks[comma].end, end)
                    .find(|x| x.label == EntityType::Person && x.end <= end)
            }) {
                return found(x.canonical.clone(), x.id.clone(), true, false);
            }
            let with_role = |w: &[String]| match modifier {
                Some(m) => self.person_with_role_of(w, start, m),
                None => self.person_with_role(w, start),
            };
            // The role as written, else the role its holder is named with.
            let alias = role.and_then(|w| {
                self.lx
                    .role_aliases
                    .iter()
                    .find(|(r, _)| r == w)
                    .map(|(_, a)| a.as_slice())
            });
            if let Some(x) = role
                .and_then(|w| with_role(w))
                .or_else(|| alias.and_then(&with_role))
            {
                return found(x.canonical.clone(), x.id.clone(), true, false);
            }
            // A role phrase closed by a demonstrative points back ("Politikus Partai Golkar
            // itu menegaskan", "pelatih asal Brasil tersebut"): the last person named.
            if e > role_end
                && self.tok_in(e - 1, &self.lx.demonstratives)
                && let Some(x) = self.last_person(start)
            {
                return found(x.canonical.clone(), x.id.clone(), true, false);
            }
            // The head of an organisation named with the role ("رئيس أرامكو السعودية", "the
            // chief executive of Aramco") is someone of its own, not whoever was named before.
            let of_organisation = role_end < e
                && self
                    .ent_starting_at(role_end, |l| l == EntityType::Org)
                    .is_some();
            if modifier.is_some() || of_organisation {
                return found(None, None, true, false);
            }
            if role.is_some_and(|w| self.lx.own_roles.contains(w)) {
                return found(None, None, true, false);
            }
            if role.is_some_and(|w| self.lx.named_roles.contains(w)) {
                // The named roles are one office under several names ("press secretary",
                // "spokesperson"): the person named last with any of them.
                let named = self
                    .lx
                    .named_roles
                    .iter()
                    .filter_map(|w| self.person_with_role(w, start))
                    .max_by_key(|x| x.start);
                return match named {
                    Some(x) => found(x.canonical.clone(), x.id.clone(), true, false),
                    None => found(None, None, true, false),
                };
            }
            // Of the role's gender where its word has one ("الوزير": a man).
            if let Some(x) = self.last_person_agreeing(start, self.title_gender(r)) {
                return found(x.canonical.clone(), x.id.clone(), true, false);
            }
        }
        // A noun of a person that a demonstrative closes points back ("kata striker asal
        // Brasil itu", "Ibu rumah tangga asal Sidoarjo itu menyebut"): the person named
        // before, not the place or body the phrase names.
        if e > r + 1
            && self.tok_in(e - 1, &self.lx.demonstratives)
            && self.tok_in(r, &self.lx.person_nouns)
            && self.ents_in(start, self.toks[r].end).next().is_none()
        {
            // An office in the phrase ("mantan Presiden itu"): its holder named before, or
            // no one known.
            if let Some(role) = (r..e)
                .find_map(|k| (self.lx.roles.iter()).find(|w| self.match_words(k, w).is_some()))
            {
                return match self.person_with_role(role, start) {
                    Some(x) => found(x.canonical.clone(), x.id.clone(), true, false),
                    None => found(None, None, true, false),
                };
            }
            // Of the noun's gender where it has one ("pria": a man, "ibu": a woman): the last
            // one not known to be of the other, as "she" takes.
            let person = match self.title_gender(r) {
                Some(g) => (self.persons_before(start).take(MAX_GENDER_CANDIDATES))
                    .find(|x| self.person_gender(x).is_none_or(|pg| pg == g)),
                None => self.last_person_agreeing(start, None),
            };
            // Not one named before someone of that noun came up unnamed, new or not to be
            // named ("seorang warga yang enggan disebut namanya ... kata warga itu").
            let noun = &*self.toks[r].norm;
            let person = person.filter(|x| {
                let since = self.recent_text_lowercase(x.end, start);
                let new =
                    (self.lx.indefinites.iter()).any(|d| since.contains(&format!("{d} {noun}")));
                let unnamed =
                    (self.lx.unnamed_after.iter()).any(|u| since.contains(&format!("{noun} {u}")));
                !(new || unnamed)
            });
            return match person {
                Some(x) => found(x.canonical.clone(), x.id.clone(), true, false),
                None => found(None, None, true, false),
            };
        }
        // "The 46-year-old": the person named with that age before ("John Tipene, 46,").
        if let Some(x) = self.person_of_age(r, e, start) {
            return found(x.canonical.clone(), x.id.clone(), true, false);
        }
        let candidates = || {
            self.ents_in(start, end)
                .filter(|x| matches!(x.label, EntityType::Org | EntityType::Gpe) && !after_agent(x))
        };
        // A phrase opened by a word for people names someone of the organisation in it ("عضو
        // لجنة الأمن والدفاع النيابية، سهام الموسوي", "رئيسة لجنة المالية"), not the
        // organisation.
        if r < e && self.title_gender(r).is_some() {
            // Alone, the word refers to the one named with it before ("وأكدت المحامية أن"
            // after "المحامية أمينة بن عيسى").
            if e == r + 1 {
                let word = [self.toks[r].norm.to_string()];
                if let Some(x) = self.person_with_role(&word, start) {
                    return found(x.canonical.clone(), x.id.clone(), true, false);
                }
            } else if candidates().next().is_some() {
                return found(None, None, true, false);
            }
        }
        // A phrase headed by a noun of a person names someone unnamed of the place or body
        // after it ("dosen FISIP USU", "a nurse at Kenyatta National Hospital"), as one headed
        // by a noun of people does of a place ("warga Kampung Cimacan", "مصادر في بيروت"):
        // people at a body may speak for it ("analysts at Capital Economics"), at a place not.
        if r < e
            && let Some(x) = candidates().next()
            && x.start >= self.toks[r].end
            && (self.tok_in(r, &self.lx.person_nouns)
                || (self.tok_in(r, &self.lx.people) && x.label == EntityType::Gpe))
        {
            return found(None, None, true, false);
        }
        // An organisation or a country: the one the phrase is about, not its possessor when
        // another follows ("Lebanon's state-run National News Agency").
        if let Some(x) = candidates()
            .find(|x| !self.possessor_in(x, end))
            .or_else(|| candidates().next())
        {
            return found(x.canonical.clone(), x.id.clone(), false, false);
        }
        // A nationality stands for its people only when it is (nearly) the whole phrase ("the
        // Chinese"), not as an adjective ("the Chinese news agency").
        if let Some(x) = self
            .ents_in(start, end)
            .find(|x| x.label == EntityType::Norp)
            && self.words_in(start, end) <= self.words_in(x.start, x.end) + 1
        {
            return found(x.canonical.clone(), x.id.clone(), false, false);
        }
        // "The ministry", "the bank", "الوزارة": the organisation named before with that word.
        if e == r + 1
            && (r > s || self.toks[r].norm.starts_with("ال"))
            && let Some(x) = self.organisation_named_with(&self.toks[r].norm, start)
        {
            return found(x.canonical.clone(), x.id.clone(), false, false);
        }
        // A noun phrase, perhaps with the agent of a passive done to it ("Experts interviewed
        // by the Times of Israel"), whose words are not the speaker's.
        if words <= 6 || agent_end.is_some() {
            return found(None, None, false, false);
        }
        Subject::Missing
    }

    /// The last organisation before `pos` one of whose words is `head` ("ministry" for
    /// "Ministry of Foreign Affairs", "الوزارة" for "وزارة الخارجية"), among the entities
    /// just before it: a text of thousands of organisations is not searched whole per cue.
    fn organisation_named_with(&self, head: &str, pos: usize) -> Option<&Ent> {
        /// Entities looked at, from the last before `pos` back.
        const REACH: usize = 256;
        let head = head
            .strip_prefix("ال")
            .filter(|h| h.chars().count() >= 3)
            .unwrap_or(head);
        let before = self.ents.partition_point(|x| x.start < pos);
        self.ents[..before]
            .iter()
            .rev()
            .take(REACH)
            .filter(|x| x.label == EntityType::Org && x.end <= pos)
            .find(|x| {
                self.text[x.start..x.end]
                    .split_whitespace()
                    .any(|w| crate::claims::lexicon::normalize(w) == head)
            })
    }

    /// The entity that starts at token `t` with a type that `is` accepts.
    pub fn ent_starting_at(&self, t: usize, is: impl Fn(EntityType) -> bool) -> Option<&Ent> {
        let tok = self.toks.get(t)?;
        self.ents_near(tok.start, tok.end)
            .iter()
            .find(|x| x.start == tok.start && is(x.label))
    }

    /// A nationality or country that starts at token `t` ("Turkish" in "the Turkish minister").
    fn nationality_at(&self, t: usize) -> Option<&Ent> {
        self.ent_starting_at(t, |l| matches!(l, EntityType::Norp | EntityType::Gpe))
    }

    /// The speaker of a cue with a pronoun inside it ("ujarnya"), the cue's span being the
    /// mention: the last person named before it, as for "dia".
    pub fn pronoun_cue_speaker(&self, cue: (usize, usize)) -> Speaker {
        self.pronoun_speaker(cue, None)
    }

    /// A pronoun at byte span `span` as a speaker: the last person named before it of its
    /// `gender`, where it has one ("عنه": him).
    pub fn pronoun_speaker(&self, span: (usize, usize), gender: Option<Gender>) -> Speaker {
        let person = self.last_person_agreeing(span.0, gender);
        Speaker {
            start: span.0,
            end: span.1,
            id: person.and_then(|x| x.id.clone()),
            canonical: person.and_then(|x| x.canonical.clone()),
            joint: false,
            person: true,
        }
    }

    /// Whether a cue is the verb of an "according to" phrase that ends with it ("وحسبما ذكرت
    /// وكالة رويترز", "بحسب ما نقل عنه"), within the sentence from token `a`: that phrase's
    /// claim, not the cue's own.
    pub fn in_according_phrase(&self, cm: &CueMatch, a: usize) -> bool {
        let ends_at = |w: &[String], end: usize| {
            end >= w.len()
                && end - w.len() >= a
                && self.match_words_unglued(end - w.len(), w) == Some(end)
        };
        let listed = self
            .lx
            .according
            .iter()
            .any(|(w, _)| w.len() > 1 && ends_at(w, cm.first + 1));
        // The verb of "ما" after an "according to" phrase ("بحسب ما أفاد به", "حسبما أعلنت",
        // "وفقا لما أوردته"): the phrase's (according_to.rs).
        let what = cm.first.checked_sub(1).filter(|&p| p >= a);
        listed
            || what.is_some_and(|p| {
                let norm = &*self.toks[p].norm;
                self.lx.according.iter().any(|(w, glued)| match glued {
                    false if norm == "ما" => ends_at(w, p),
                    false => w.len() == 1 && norm.ends_with("ما") && ends_at(w, p + 1),
                    true => {
                        let (head, prefix) = w.split_at(w.len() - 1);
                        norm.strip_prefix(prefix[0].as_str()) == Some("ما") && ends_at(head, p)
                    }
                })
            })
    }

    /// The last PERSON entity that ends before `pos`.
    pub fn last_person(&self, pos: usize) -> Option<&Ent> {
        self.persons_before(pos).next()
    }

    /// For a phrase `r..e` that is an age alone after its determiner ("the 46-year-old"), the
    /// last person before `pos` named with that age ("John Tipene, 46,", "Tipene (46)",
    /// "46-year-old John Tipene").
    fn person_of_age(&self, r: usize, e: usize, pos: usize) -> Option<&Ent> {
        if r == 0 || e != r + 1 || !self.tok_in(r - 1, &self.lx.determiners) {
            return None;
        }
        let (age, suffix) = (self.lx.age_suffixes.iter())
            .find_map(|s| Some((self.toks[r].norm.strip_suffix(s.as_str())?, s)))?;
        if !(1..=3).contains(&age.len()) || !age.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let with_age = |x: &&Ent| {
            let after = self.text[x.end..].trim_start_matches([',', '(', ' ']);
            let before = self.text[..x.start].trim_end();
            (after.starts_with(age)
                && !after[age.len()..].starts_with(|c: char| c.is_ascii_digit()))
                || before.ends_with(&format!("{age}{suffix}"))
        };
        let x = self
            .persons_before(pos)
            .take(MAX_AGED_CANDIDATES)
            .find(with_age)?;
        // Not where someone unnamed of that age came up since ("A 46-year-old woman has been
        // arrested"): the phrase is about that one.
        let since = self.recent_text_lowercase(x.end, pos);
        let new =
            (self.lx.indefinites.iter()).any(|d| since.contains(&format!("{d} {age}{suffix}")));
        (!new).then_some(x)
    }

    /// The text from byte `from` to `to` in lower case, no more than [`MAX_RECENT_BYTES`]
    /// before `to`: where someone unnamed came up between a name and a phrase pointing back,
    /// looked for once per phrase, so a page of such phrases costs no page each.
    fn recent_text_lowercase(&self, from: usize, to: usize) -> String {
        let mut from = from.max(to.saturating_sub(MAX_RECENT_BYTES));
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        self.text[from..to].to_lowercase()
    }

    /// The PERSON entities that end by `pos`, from the last back.
    fn persons_before(&self, pos: usize) -> impl Iterator<Item = &Ent> {
        // One that ends by `pos` starts before it (entities are not empty).
        let persons = &self.index.persons;
        let before = persons.partition_point(|&i| self.ents[i].start < pos);
        persons[..before]
            .iter()
            .rev()
            .map(|&i| &self.ents[i])
            .filter(move |e| e.end <= pos)
    }

    /// [`Doc::person_with_role`] for a role with a nationality or country (`modifier`): only
    /// where an entity of the same canonical stands just before the role word ("Turkish
    /// Minister of Energy Alparslan Bayraktar" for "the Turkish minister").
    fn person_with_role_of(&self, role: &[String], pos: usize, modifier: &Ent) -> Option<&Ent> {
        // The same country, or its nationality ("Azerbaijani" for "President of the Republic
        // of Azerbaijan"): names sharing their first four letters, as in `country_of`.
        let same = |x: &Ent| match (&x.canonical, &modifier.canonical) {
            (Some(a), Some(b)) => {
                a == b || a.chars().zip(b.chars()).take_while(|(p, q)| p == q).count() >= 4
            }
            _ => false,
        };
        self.person_with_role_where(role, pos, |i| {
            let (at, role_end) = (self.toks[i].start, self.toks[i + role.len() - 1].end);
            let before = self.ents.partition_point(|x| x.start < at);
            let just_before = self.ents[..before]
                .iter()
                .rev()
                .take(3)
                .any(|x| same(x) && x.end <= at && self.words_in(x.end, at) <= 1);
            // "President of the Republic of Azerbaijan Ilham Aliyev".
            let just_after = self.ents[before..]
                .iter()
                .take(3)
                .any(|x| same(x) && x.start >= role_end && self.words_in(role_end, x.start) <= 2);
            just_before || just_after
        })
    }

    /// The last PERSON before `pos` named shortly after the role word ("President Ilham
    /// Aliyev", "Chairman of the People's Republic of China Xi Jinping").
    fn person_with_role(&self, role: &[String], pos: usize) -> Option<&Ent> {
        self.person_with_role_where(role, pos, |_| true)
    }

    /// The two entities of a phrase that is exactly "A and B" (perhaps after a determiner),
    /// both people or both countries or organisations, with canonicals of their own.
    fn two_parties(&self, s: usize, e: usize) -> Option<[&Ent; 2]> {
        let conj = (s + 1..e).find(|&k| self.tok_in(k, &self.lx.conjs))?;
        let mut first = s;
        while first < conj && self.tok_in(first, &self.lx.determiners) {
            first += 1;
        }
        let whole = |a: usize, b: usize| -> Option<&Ent> {
            let (start, end) = (self.toks.get(a)?.start, self.toks[b - 1].end);
            self.ents_in(start, end)
                .find(|x| x.start == start && x.end == end && x.canonical.is_some())
        };
        let (a, b) = (whole(first, conj)?, whole(conj + 1, e)?);
        let party = |x: &Ent| match x.label {
            EntityType::Person => 0,
            EntityType::Gpe | EntityType::Org => 1,
            _ => 2,
        };
        (party(a) == party(b) && party(a) < 2 && a.canonical != b.canonical).then_some([a, b])
    }

    /// A headline's role speaker ("وزير الخارجية: مصر لن تقبل ...", "Foreign Minister: ...")
    /// names no one before it: the person the body's first sentences introduce with that
    /// role ("أكد وزير الخارجية الدكتور هشام عبد الرؤوف"). Tokens `s..e` are the phrase.
    pub fn role_introduced_after(&self, s: usize, e: usize) -> Option<Speaker> {
        /// Sentences after the headline's where the role is looked for.
        const BODY_SENTENCES: usize = 4;
        let mut r = s;
        while r < e && self.tok_in(r, &self.lx.determiners) {
            r += 1;
        }
        let role_end = self.match_any(r, &self.lx.roles)?;
        let role = self
            .lx
            .roles
            .iter()
            .find(|w| self.match_words(r, w) == Some(role_end))?;
        let first_sentence = self.toks.get(e)?.sent;
        let limit = self
            .sents
            .get(first_sentence + 1 + BODY_SENTENCES)
            .map_or(self.text.len(), |&(start, _)| start);
        let p = self.person_with_role_where(role, limit, |i| i >= e)?;
        Some(Speaker {
            start: self.toks[s].start,
            end: self.toks[e - 1].end,
            id: p.id.clone(),
            canonical: p.canonical.clone(),
            joint: false,
            person: true,
        })
    }

    /// [`Doc::person_with_role`] among the role words at tokens that `accept`.
    fn person_with_role_where(
        &self,
        role: &[String],
        pos: usize,
        accept: impl Fn(usize) -> bool,
    ) -> Option<&Ent> {
        // The tokens where the role can start, in text order.
        let by_norm = self.index.toks_by_norm.get_or_init(|| {
            let mut map: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, t) in self.toks.iter().enumerate() {
                // A key is made once per distinct form, not once per token.
                match map.get_mut(t.norm.as_ref()) {
                    Some(at) => at.push(i),
                    None => {
                        map.insert(t.norm.to_string(), vec![i]);
                    }
                }
            }
            map
        });
        // Tokens up to the first that starts at or after `pos`.
        let limit = self.first_tok_from(pos, false).unwrap_or(self.toks.len());
        let every_token: Vec<usize>;
        let candidates: &[usize] = match role.first() {
            Some(word) => by_norm.get(word.as_str()).map_or(&[], Vec::as_slice),
            None => {
                every_token = (0..self.toks.len()).collect();
                &every_token
            }
        };
        // The person of the last role word that has one: the candidates from the last back
        // (a scan from the first kept overwriting its pick, and long articles repeat roles).
        // Only the last occurrences: a text repeating a role without a name thousands of
        // times is not searched whole for each of its cues.
        let before_limit = candidates.partition_point(|&i| i < limit);
        for &i in candidates[..before_limit]
            .iter()
            .rev()
            .take(MAX_ROLE_OCCURRENCES)
        {
            // "Wakil Ketua Komisi III DPR Rahmat" holds another office than "Ketua Komisi III".
            if self.match_words(i, role).is_none()
                || !accept(i)
                || (i > 0 && self.tok_in(i - 1, &self.lx.deputies))
            {
                continue;
            }
            // Where the subject follows the verb, a role stands after the name too ("الأمير
            // محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد"): a person shortly before it in the
            // same sentence, before one after it ("... ولي العهد اتصالا من الرئيس ماكرون").
            if self.lx.subject == SubjectSide::After {
                let at = self.toks[i].start;
                let (sstart, _) = self.sent_toks[self.toks[i].sent];
                let before = self.ents.partition_point(|x| x.start < at);
                let sentence_start = self.toks[sstart].start;
                if let Some(p) = self.ents[..before]
                    .iter()
                    .rev()
                    .take_while(|x| x.start >= sentence_start)
                    .take(MAX_ROLE_AFTER_NAME + 1)
                    .find(|x| {
                        x.label == EntityType::Person
                            && x.end <= at
                            && self.words_in(x.end, at) <= MAX_ROLE_AFTER_NAME
                            && !self.text[x.end..at].contains(['.', '\n', '،', ','])
                            // "شي جين بينغ ... مع الرئيس المصري": a preposition makes the role
                            // someone else's, and a date ends the name's phrase ("إلهام علييف
                            // اليوم وزير الخارجية": the minister is the object).
                            && !self.ents_in(x.end, at).any(|d| d.label == EntityType::Date)
                            && self.first_tok_from(x.end, false).is_none_or(|from| {
                                (from..i).all(|k| !self.is_preposition(k))
                            })
                    })
                {
                    return Some(p);
                }
            }
            let (_, send) = self.sent_toks[self.toks[i].sent];
            let window_end = self.toks[(i + 10).min(send - 1)].end;
            let after_role = self.ents.partition_point(|x| x.start <= self.toks[i].start);
            if let Some(p) = self.ents[after_role..]
                .iter()
                .take_while(|x| x.start <= window_end)
                .find(|x| x.label == EntityType::Person && x.end <= pos)
            {
                return Some(p);
            }
        }
        None
    }

    /// The two most mentioned entities of a type before `pos` (or in the article), in order
    /// of first mention, joined by "; ".
    pub fn top_two(&self, label: EntityType, pos: usize) -> Option<String> {
        // (name, count, index of its first entity) for the entities of `label` that end by
        // `pos`, or (fewer than two names) all of them.
        let mut counts = self.canonical_counts_before(label, pos);
        if counts.len() < 2 {
            counts = self.article_name_counts(label);
        }
        top_two_names(counts)
    }

    /// The [`NameCounts`] of all the entities of `label`, counted once per article.
    fn article_name_counts(&self, label: EntityType) -> NameCounts {
        self.index
            .all_canonical_counts
            .borrow_mut()
            .entry(label)
            .or_insert_with(|| name_counts(&self.ents, label, None))
            .clone()
    }

    /// The canonical names of the entities of `label` that end by `pos`, with their counts
    /// and the index of their first entity (in no particular order).
    fn canonical_counts_before(&self, label: EntityType, pos: usize) -> NameCounts {
        let by_end = self.index.by_end.get_or_init(|| {
            let mut order: Vec<usize> = (0..self.ents.len()).collect();
            order.sort_by_key(|&k| (self.ents[k].end, k));
            order
        });
        let mut all = self.index.canonical_counts.borrow_mut();
        let state = all.entry(label).or_default();
        if pos < state.pos {
            *state = CanonicalCounts::default();
        }
        state.pos = pos;
        while let Some(&k) = by_end.get(state.next) {
            let e = &self.ents[k];
            if e.end > pos {
                break;
            }
            state.next += 1;
            if e.label != label {
                continue;
            }
            let Some(c) = &e.canonical else { continue };
            let entry = state.counts.entry(c.clone()).or_insert((0, k));
            entry.0 += 1;
            entry.1 = entry.1.min(k);
        }
        state
            .counts
            .iter()
            .map(|(c, &(n, k))| (c.clone(), n, k))
            .collect()
    }

    /// Indexes of the entities whose canonical name is `canonical`, in `ents` order.
    fn ents_of_canonical(&self, canonical: &str) -> &[usize] {
        let by_canonical = self.index.ents_by_canonical.get_or_init(|| {
            let mut map: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, e) in self.ents.iter().enumerate() {
                if let Some(c) = &e.canonical {
                    map.entry(c.clone()).or_default().push(i);
                }
            }
            map
        });
        by_canonical.get(canonical).map_or(&[], Vec::as_slice)
    }

    /// The gender of a word for people at token `k` ("الوزيرة", "والسيدة", "Mrs").
    fn title_gender(&self, k: usize) -> Option<Gender> {
        let norm = self.unglued(k).map_or(&*self.toks[k].norm, |(w, _)| w);
        self.lx.word_genders.get(norm).copied()
    }

    /// Whether speaker `s` opens with a word for a person that has a gender ("مديرة إدارة
    /// الترصد ...", "الدكتور ..."): a subject, not a verb's object ("المواطنين").
    pub fn opens_with_person_word(&self, s: &Speaker) -> bool {
        self.first_tok_from(s.start, false)
            .is_some_and(|k| self.toks[k].start < s.end && self.title_gender(k).is_some())
    }

    /// [`Doc::title_gender`], or a gendered pronoun's ("she").
    fn word_gender(&self, k: usize) -> Option<Gender> {
        self.title_gender(k).or_else(|| {
            let norm = &*self.toks[k].norm;
            (self.lx.pronouns.iter())
                .find(|p| p.gender.is_some() && p.words.len() == 1 && p.words[0] == norm)
                .and_then(|p| p.gender)
        })
    }

    /// The gender one mention of a person shows: a word for people in it or in its phrase
    /// before it ("Mrs Lee", "الوزيرة فاطمة", "المتحدثة باسم وزارة الصحة رنا"), the gendered
    /// verb that opens that phrase ("قالت نغم", "قالت النائب مها"), its given name ("Sarah",
    /// "فاطمة"). A woman may bear a man's title ("النائب", "رئيس"), never the reverse: any
    /// sign of a woman wins.
    fn mention_gender(&self, e: &Ent) -> Option<Gender> {
        let first = self.first_tok_from(e.start, false)?;
        let inside = (first..self.toks.len()).take_while(|&k| self.toks[k].start < e.end);
        let mut signs: Vec<Gender> = inside
            .clone()
            .filter_map(|k| self.title_gender(k))
            .collect();
        // A kunya opening the name ("أم عبدالله المطيري").
        signs.extend(
            (self.lx.kunyas.iter())
                .find(|(w, _)| *w == *self.toks[first].norm)
                .map(|&(_, g)| g),
        );
        // Where a role heads its phrase (English), a title stands right before the name ("Mrs
        // Lee", "his wife Maria"); "the wife of X" or "She met X" says nothing of X.
        let reach = if self.lx.role_heads {
            1
        } else {
            GENDER_WORD_REACH
        };
        let mut k = first;
        for _ in 0..reach {
            let Some(before) = k.checked_sub(1) else {
                break;
            };
            // Not past another person's name ("Ibu Nurhayati dan Bapak Syafrizal").
            let other_person = || {
                let t = &self.toks[before];
                self.ents_in(t.start, t.end)
                    .any(|x| x.label == EntityType::Person)
            };
            if self.is_boundary(before) || !self.toks[before].word || other_person() {
                break;
            }
            // (`last` is the token after the cue.)
            if let Some(cm) = self.cue_at(before)
                && cm.last == k
            {
                signs.extend(cm.cue.gender);
                break;
            }
            signs.extend(self.title_gender(before));
            k = before;
        }
        if let Some(given) = inside.into_iter().next() {
            signs.extend(crate::entities::given_name_gender(
                &self.text[self.toks[given].start..self.toks[given].end],
            ));
        }
        if signs.contains(&Gender::Female) {
            Some(Gender::Female)
        } else {
            signs.first().copied()
        }
    }

    /// The gender of a person: what its mentions show, all of them where it has a canonical
    /// name; none where they disagree.
    pub fn person_gender(&self, e: &Ent) -> Option<Gender> {
        let Some(canonical) = &e.canonical else {
            return self.mention_gender(e);
        };
        if let Some(g) = self.index.genders.borrow().get(canonical) {
            return *g;
        }
        let mut shown = None;
        for &i in self.ents_of_canonical(canonical) {
            let m = &self.ents[i];
            if m.label != EntityType::Person {
                continue;
            }
            match (shown, self.mention_gender(m)) {
                (_, None) => {}
                (None, g) => shown = g,
                (Some(a), Some(b)) if a != b => {
                    shown = None;
                    break;
                }
                _ => {}
            }
        }
        self.index
            .genders
            .borrow_mut()
            .insert(canonical.clone(), shown);
        shown
    }

    /// The gender of a speaker: its person's, else that of the word for people that opens it
    /// ("المتحدثة باسم الوزارة", "she").
    pub fn speaker_gender(&self, s: &Speaker) -> Option<Gender> {
        if let Some(c) = &s.canonical
            && let Some(&i) = self
                .ents_of_canonical(c)
                .iter()
                .find(|&&i| self.ents[i].label == EntityType::Person)
        {
            return self.person_gender(&self.ents[i]);
        }
        let first = self.first_tok_from(s.start, false)?;
        (self.toks[first].start < s.end)
            .then(|| self.word_gender(first))
            .flatten()
    }

    /// The gender of an object pronoun glued to a word (`pronoun_suffix` entries: Arabic "ه":
    /// him, "ها": her).
    pub fn pronoun_suffix_gender(&self, suffix: &str) -> Option<Gender> {
        (self.lx.pronoun_suffixes.iter())
            .find(|(s, _)| s == suffix)
            .map(|&(_, g)| g)
    }

    /// Whether a speaker may be the subject of a verb or pronoun of `gender` (one of
    /// unknown gender may).
    pub fn speaker_agrees(&self, s: &Speaker, gender: Option<Gender>) -> bool {
        gender.is_none() || self.speaker_gender(s).is_none_or(|g| Some(g) == gender)
    }

    /// [`Doc::last_person`] that may be the subject of a verb or pronoun of `gender`: of the
    /// last few persons named, the last whose gender is not the other one.
    pub fn last_person_agreeing(&self, pos: usize, gender: Option<Gender>) -> Option<&Ent> {
        if let Some(e) = self.recent_speaker(pos, gender) {
            return Some(e);
        }
        let Some(gender) = gender else {
            return self.last_person(pos);
        };
        // One known to agree before one whose gender is unknown ("Giorgia Meloni met Narendra
        // Modi. According to her, ...": Meloni).
        let mut candidates = self.persons_before(pos).take(MAX_GENDER_CANDIDATES);
        let mut unknown = None;
        for e in candidates.by_ref() {
            match self.person_gender(e) {
                Some(g) if g == gender => return Some(e),
                None if unknown.is_none() => unknown = Some(e),
                _ => {}
            }
        }
        unknown
    }

    /// Who a pronoun at `pos` most likely refers to where news go on with a speaker: in its
    /// own sentence before it or in the sentence before, the person who speaks (named a few
    /// words before a cue: "Mark Feeney, an economist at Iowa State, said", or right after
    /// one: "kata Budi", "وقال محمد"), else the person the sentence before opens with
    /// ("Mahuika himself was philosophical ... '...,' he said"); one of `gender` where it has
    /// one. Not the last person named anywhere: "'...,' he said" after a quotation of his is
    /// his, whoever else his words or the narrator named in between.
    fn recent_speaker(&self, pos: usize, gender: Option<Gender>) -> Option<&Ent> {
        let s = self.sentence_at(pos)?;
        let agrees =
            |e: &Ent| gender.is_none() || self.person_gender(e).is_none_or(|g| Some(g) == gender);
        let person_in = |a: usize, b: usize| {
            self.ents_in(a, b)
                .filter(|x| x.label == EntityType::Person)
                .last()
        };
        // The quotation marks of a sentence's last tokens, up to `hi`: a sentence is looked at
        // no further back than [`MAX_ANTECEDENT_WINDOW`] tokens, so a run-on "sentence" of a
        // whole page costs as much as a short one at each pronoun.
        let window = |si: usize, hi: usize| {
            let (first, last) = self.sent_toks[si];
            let hi = hi.min(last);
            let lo = hi.saturating_sub(MAX_ANTECEDENT_WINDOW).max(first);
            let marks: Vec<usize> = (lo..last.min(hi + MAX_ANTECEDENT_WINDOW))
                .filter(|&j| self.is_quote_tok(j))
                .collect();
            (lo, hi, last, marks)
        };
        // Inside a quotation: after an odd number of marks, or before the one mark of a
        // sentence that closes a quotation opened before it.
        let quoted = |marks: &[usize], last: usize, k: usize| {
            let before = marks.partition_point(|&q| q < k);
            before % 2 == 1
                || (before == 0
                    && marks.len() % 2 == 1
                    && !marks
                        .last()
                        .is_some_and(|&q| q + 1 < last && self.toks[q + 1].word))
        };
        // In its own sentence, a person named before it outside the words it attributes
        // ("M. Sathyamoorthy opposed the bail plea, contending"; not '"President Erdogan told
        // us ...," he said').
        let pos_tok = self.toks.partition_point(|t| t.end <= pos);
        let (lo, hi, last, marks) = window(s, pos_tok);
        let own = (lo..hi)
            .rev()
            .filter(|&j| !quoted(&marks, last, j))
            .find_map(|j| self.person_ending_at(j));
        if let Some(e) = own {
            return agrees(e).then_some(e);
        }
        for si in (s.saturating_sub(2)..s).rev() {
            let (first, last) = self.sent_toks[si];
            let end = last;
            let (lo, _, _, marks) = window(si, last);
            let quoted = |k: usize| quoted(&marks, last, k);
            // The last cue of the sentence with its speaker named beside it.
            for k in (lo..end).rev() {
                let Some(cm) = self.cue_at(k) else { continue };
                if cm.cue.participle || quoted(k) {
                    continue;
                }
                let before = (first..k)
                    .rev()
                    .take(MAX_SPEAKER_REACH)
                    .take_while(|&j| {
                        !self.is_punct(j, &[':', '"', '\u{201C}', '\u{201D}', '«', '»'])
                    })
                    .last()
                    .and_then(|j| person_in(self.toks[j].start, self.toks[k].start));
                let after = (cm.last < end)
                    .then(|| {
                        let stop = (cm.last..end.min(cm.last + 4))
                            .take_while(|&j| self.toks[j].word)
                            .last()?;
                        person_in(self.toks[cm.last].start, self.toks[stop].end)
                    })
                    .flatten();
                if let Some(e) = before.or(after) {
                    return agrees(e).then_some(e);
                }
            }
            // The person the sentence before opens with, perhaps after a title ("Mahuika
            // himself was", "Sen. Smith voted"; not "Kuasa hukum Sulistyo, X, menyatakan").
            if let Some(e) = (first..last.min(first + 3))
                .take_while(|&j| j == first || self.is_capitalised(j - 1) || !self.toks[j - 1].word)
                .find_map(|j| self.ent_starting_at(j, |l| l == EntityType::Person))
                // A weaker sign than speaking: for a pronoun of a gender, only one known to
                // agree ("President Joko Widodo met Angela Merkel. She said": Merkel).
                && (gender.is_none() || self.person_gender(e) == gender)
            {
                return Some(e);
            }
            // A person named in the sentence before who does not speak there is as likely
            // ("Kepala Dinas ..., Fransiskus Parera, tak menampik kondisi tersebut. Ia
            // menjelaskan"): no speaker further back.
            if person_in(self.toks[first].start, self.toks[last - 1].end).is_some() {
                return None;
            }
        }
        None
    }

    /// The country of a speaker: a GPE or NORP named just before one of its mentions
    /// ("Azerbaijani President Aliyev"), else the article's most mentioned GPE.
    fn country_of(&self, who: Option<&Speaker>, pos: usize) -> (Option<String>, Option<String>) {
        let gpes = || (self.ents.iter().enumerate()).filter(|(_, e)| e.label == EntityType::Gpe);
        if let Some(who) = who.and_then(|w| w.canonical.as_deref()) {
            for m in self.ents_of_canonical(who) {
                let m = &self.ents[*m];
                // Those within 40 bytes before the mention.
                let near = self.ents_near(m.start.saturating_sub(41), m.start);
                let near = near.iter().rev().find(|e| {
                    matches!(e.label, EntityType::Gpe | EntityType::Norp)
                        && e.end <= m.start
                        && m.start - e.end <= 40
                        && !self.text[e.end..m.start].contains(['.', '\n'])
                });
                let Some(near) = near else { continue };
                if near.label == EntityType::Gpe {
                    return (near.canonical.clone(), near.id.clone());
                }
                // A nationality: the country whose name shares the longest prefix with it
                // (the last of equals), found once per nationality: a long article repeats
                // its speakers and its countries.
                let adj = near.canonical.as_deref().unwrap_or_default();
                let mut memo = self.index.nationality_countries.borrow_mut();
                let best = *memo.entry(adj.to_string()).or_insert_with(|| {
                    gpes()
                        .filter_map(|(k, g)| {
                            let c = g.canonical.as_deref()?;
                            let n = c
                                .chars()
                                .zip(adj.chars())
                                .take_while(|(a, b)| a == b)
                                .count();
                            (n >= 4).then_some((n, k))
                        })
                        .max_by_key(|x| x.0)
                        .map(|(_, k)| k)
                });
                if let Some(k) = best {
                    let g = &self.ents[k];
                    return (g.canonical.clone(), g.id.clone());
                }
            }
        }
        let _ = pos;
        // The most mentioned GPE, with the id of its first mention.
        self.article_name_counts(EntityType::Gpe)
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(std::cmp::Ordering::Greater))
            .map_or((None, None), |(name, _, first)| {
                (Some(name), self.ents[first].id.clone())
            })
    }

    /// Whether token `k` is a word that starts with a capital letter.
    pub fn is_capitalised(&self, k: usize) -> bool {
        self.toks[k].word
            && self.text[self.toks[k].start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// The name that opens sentence `si` (after its dateline and a determiner, or a role of a
    /// few words), the subject
    /// of a participle later in it ("Bank Indonesia (BI) kept its rate unchanged on Tuesday,
    /// saying the decision was ...").
    pub fn opening_subject(&self, si: usize) -> Option<Speaker> {
        let (a, send) = self.sent_toks[si];
        let mut k = self.body_tok(si)?.max(a);
        while k < send && self.tok_in(k, &self.lx.determiners) {
            k += 1;
        }
        if k >= send {
            return None;
        }
        // The capitalised words that open it: a title and a name ("United Nations
        // Secretary-General Antonio Guterres on Thursday called ...") name the person.
        let run = (k..send.min(k + 10))
            .take_while(|&j| self.is_capitalised(j) || self.is_punct(j, &['-', '.']))
            .last()
            .map_or(k, |j| j + 1);
        if let Subject::Found(x) = self.resolve_subject(k, run, None)
            && x.person
        {
            // The name itself is the mention.
            let name = self
                .ents_in(x.start, x.end)
                .filter(|e| e.label == EntityType::Person)
                .last()
                .map(|e| (e.start, e.end));
            let (start, end) = name.unwrap_or((x.start, x.end));
            return Some(Speaker { start, end, ..x });
        }
        if let Some(ent) = self.ent_starting_at(k, |l| {
            matches!(l, EntityType::Person | EntityType::Org | EntityType::Gpe)
        }) {
            return Some(Speaker::named(ent));
        }
        // A role before the name ("Chelsea boss Mauricio Pochettino admitted ..."): a person
        // within the first words, with no verb or preposition before it ("The court
        // sentenced Ahmad Yani ..." names the court's object).
        let last = send.min(k + OPENING_ROLE) - 1;
        let person = self
            .ents_in(self.toks[k].start, self.toks[last].end)
            .find(|e| e.label == EntityType::Person && e.end <= self.toks[last].end)?;
        let role_only = (k..last)
            .take_while(|&j| self.toks[j].end <= person.start)
            .all(|j| self.toks[j].word && !self.finite_at(j) && !self.is_preposition(j));
        role_only.then(|| Speaker::named(person))
    }

    /// The first token of sentence `si` after the article's dateline, where the sentence
    /// opens with it ("Jakarta, 1/3 (ANTARA) - Bank Indonesia (BI) menyatakan": the subject is
    /// "Bank Indonesia (BI)").
    pub fn body_start(&self, si: usize) -> usize {
        let (a, send) = self.sent_toks[si];
        self.body_tok(si).map_or(a, |k| k.clamp(a, send))
    }

    /// The first token at or after the end of the dateline sentence `si` may open with (not
    /// bounded by the sentence): none when no token follows it.
    fn body_tok(&self, si: usize) -> Option<usize> {
        let (s, e) = self.sents[si];
        let start = self.after_dateline(s, e);
        if start == s {
            return Some(self.sent_toks[si].0);
        }
        self.first_tok_from(start, false)
    }

    /// Where a content that opens with the article's dateline really starts: after the
    /// dateline's dash ("CHICAGO (AP) — Storms swept ..., officials said": the dateline is no
    /// part of what the officials said). Else `start`.
    fn after_dateline(&self, start: usize, end: usize) -> usize {
        /// Bytes from the place to the end of the dateline's dash.
        const REACH: usize = 80;
        let Some(place) = self.article.dateline.as_deref().filter(|p| !p.is_empty()) else {
            return start;
        };
        let mut rest = &self.text[start..end];
        // The outlet may come first ("Liputan6.com, Jakarta - Menteri ...").
        if let Some(outlet) = self.article.outlet.as_deref().filter(|o| !o.is_empty())
            && let Some(after) = rest.strip_prefix(outlet)
        {
            let after = after.trim_start_matches([',', '،', ' ']);
            if after.starts_with(place) {
                rest = after;
            }
        }
        if !rest.starts_with(place) {
            return start;
        }
        let start = end - rest.len();
        // "RIYADH: Saudi Arabia and ...".
        if let Some(after) = rest[place.len()..].strip_prefix(':') {
            return end - after.trim_start().len();
        }
        let head = parse::chars::prefix(rest, REACH);
        // The dash, or the period after a date ("ASTANA, March 6. ...").
        let dated = head
            .match_indices(". ")
            .find(|&(at, _)| head[..at].ends_with(|c: char| c.is_ascii_digit()))
            .map(|(at, _)| at + 2);
        let dash = [" — ", " – ", " -- ", " - ", "—", "–", ")-"]
            .iter()
            .filter_map(|d| head.find(d).map(|at| at + d.len()))
            .chain(dated)
            .min();
        match dash {
            Some(at) => start + at + (rest[at..].len() - rest[at..].trim_start().len()),
            None => start,
        }
    }

    /// Shrinks a content byte range: whitespace, a final period or comma, quotation marks
    /// that have no partner inside.
    pub fn trim_content(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        let t = self.text;
        start = self.after_dateline(start, end);
        // A connective of the narrator before a comma ("Meanwhile, Chinese data showed ...").
        if let Some(k) = self.first_tok_from(start, false)
            && let Some(e) = self.match_any(k, &self.lx.connectives)
            && self.is_comma(e)
            && self.toks[e].end < end
        {
            start = self.toks[e].end;
        }
        loop {
            let before = (start, end);
            let s = &t[start..end];
            let trimmed = s.trim_start();
            start += s.len() - trimmed.len();
            let s = &t[start..end];
            end = start + s.trim_end().len();
            let s = &t[start..end];
            if let Some(c) = s.chars().last()
                && matches!(c, '.' | ',' | '،' | ';' | '؛' | ':')
            {
                end -= c.len_utf8();
            }
            let s = &t[start..end];
            let quotes = s.chars().filter(|&c| is_quote(c)).count();
            if quotes % 2 == 1 {
                if let Some(c) = s.chars().next()
                    && is_quote(c)
                {
                    start += c.len_utf8();
                } else if let Some(c) = s.chars().last()
                    && is_quote(c)
                {
                    end -= c.len_utf8();
                }
            } else if quotes == 2
                && let (Some(open), Some(close)) = (s.chars().next(), s.chars().next_back())
                && is_quote(open)
                && is_quote(close)
                && s.len() > open.len_utf8() + close.len_utf8()
            {
                // A complement quoted whole is the speaker's words without their marks
                // ('قال إن "الوضع خطير"', 'said that "we will win"').
                start += open.len_utf8();
                end -= close.len_utf8();
            }
            if (start, end) == before || start >= end {
                return (start, end.max(start));
            }
        }
    }

    /// Number of word tokens in a byte range.
    pub fn words_in(&self, start: usize, end: usize) -> usize {
        let range = self.toks_within(start, end);
        if !self.index.toks_ordered {
            return self.toks[range]
                .iter()
                .filter(|t| t.word && t.start >= start && t.end <= end)
                .count();
        }
        // Tokens start in the range; only the last may run past its end.
        let mut n = self.index.words_before[range.end] - self.index.words_before[range.start];
        if range.end > range.start {
            let last = &self.toks[range.end - 1];
            if last.word && last.end > end {
                n -= 1;
            }
        }
        n
    }

    /// The sentence that contains a byte offset.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sents.partition_point(|&(s, _)| s <= pos);
        let i = i.checked_sub(1)?;
        (pos <= self.sents[i].1).then_some(i)
    }

    /// A mention in sentence coordinates.
    pub fn mention(
        &self,
        start: usize,
        end: usize,
        id: Option<String>,
        canonical: Option<String>,
    ) -> Option<Mention> {
        let s = self.sentence_at(start)?;
        let (ss, se) = self.sents[s];
        Some(Mention {
            sentence: s,
            start: start - ss,
            end: end.min(se) - ss,
            canonical_id: id,
            canonical_name: canonical,
        })
    }

    /// Builds a claim with its signals; `None` when the content is empty or not in one
    /// sentence.
    #[allow(clippy::too_many_arguments)]
    pub fn claim(
        &self,
        content: (usize, usize),
        speaker: Option<&Speaker>,
        cue: Option<(usize, usize)>,
        kind: ClaimKind,
        labeler: &str,
        confidence: f32,
    ) -> Option<Claim> {
        if content.1.saturating_sub(content.0) > 2 * MAX_CONTENT_BYTES {
            return None;
        }
        let (start, end) = self.trim_content(content.0, content.1);
        // No clause runs this long: a "content" of thousands of bytes is a run-on page, and
        // each of its claims would copy it (a sentence of many "according to"s built a column
        // past Arrow's 2 GiB offsets).
        if start >= end || end - start > MAX_CONTENT_BYTES {
            return None;
        }
        let s = self.sentence_at(start)?;
        let (ss, se) = self.sents[s];
        if end > se {
            return None;
        }
        // A complement quoted whole ('قال إن "الوضع خطير"', 'said that "we will win"') is the
        // speaker's words: quoted, so direct, as the guidelines define it.
        let quoted_whole = kind == ClaimKind::Indirect
            && self.text[content.0..start].contains(is_quote)
            && self.text[end..content.1].contains(is_quote);
        let kind = if speaker.is_some_and(|x| x.joint) {
            ClaimKind::Joint
        } else if quoted_whole {
            ClaimKind::Direct
        } else {
            kind
        };
        let inside: Vec<&Ent> = self.ents_in(start, end).collect();
        let before_cue = cue.map_or(0, |c| c.0);
        // A negation word in the content, or within 12 bytes before the cue in the content's
        // sentence: only tokens in those two ranges can be one.
        let just_before_cue = if self.index.toks_ordered {
            let lo = self
                .toks
                .partition_point(|t| t.end < before_cue.saturating_sub(12));
            lo..lo + self.toks[lo..].partition_point(|t| t.end <= before_cue)
        } else {
            let (first, last) = self.sent_toks[s];
            first..last
        };
        let negated = (self.toks_within(start, end).chain(just_before_cue)).any(|i| {
            let t = &self.toks[i];
            t.word
                && ((t.start >= start && t.end <= end)
                    || (t.sent == s && t.end <= before_cue && before_cue - t.end <= 12))
                && (self.lx.negations.iter().any(|w| *w == *t.norm) || t.norm.ends_with("n't"))
        });
        Some(Claim {
            sentence: s,
            start: start - ss,
            end: end - ss,
            speaker: speaker
                .and_then(|x| self.mention(x.start, x.end, x.id.clone(), x.canonical.clone())),
            cue: cue.and_then(|(a, b)| self.mention(a, b, None, None)),
            kind,
            labelers: vec![labeler.to_string()],
            confidence,
            has_number: self.text[start..end].chars().any(chars::is_numeric),
            has_date: inside.iter().any(|e| e.label == EntityType::Date),
            has_entity: inside.iter().any(|e| e.label != EntityType::Date),
            negated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer before [`tokenize_each`]: the reference for it.
    fn tokenize_by_peeking(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut word_start: Option<usize> = None;
        // Each character's test, made once: as the next one, then as the current one.
        let mut is_word = chars.peek().is_some_and(|&(_, c)| is_word_char(c));
        let mut prev = None;
        while let Some((i, c)) = chars.next() {
            let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
            let next_is_digit = chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
            let this_is_word = std::mem::replace(&mut is_word, next_is_word);
            let separator = matches!(c, '.' | ',')
                && prev.is_some_and(|p: char| p.is_ascii_digit())
                && next_is_digit;
            prev = Some(c);
            if this_is_word
                || (word_start.is_some() && ((is_joiner(c) && next_is_word) || separator))
            {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                continue;
            }
            if let Some(s) = word_start.take() {
                out.push((s, i));
            }
            if !c.is_whitespace() {
                out.push((i, i + c.len_utf8()));
            }
        }
        if let Some(s) = word_start {
            out.push((s, text.len()));
        }
        out
    }

    #[test]
    fn tokens_match_the_reference() {
        let texts = parse::testing::reference_texts(
            &[
                "",
                "-",
                "a-",
                "-a",
                "a--b a-'b don't x' 'y Asia-Europe e\u{2011}f 1.200 3,5 1., .5 a1.b2",
                "وقال الوزير إن الحكومة ستدعم المزارعين، مضيفا أن الأسعار ارتفعت بنسبة 5%.",
                "بِسْمِ ـالصين «نعم» 東京 Tokyo İstanbul ǅ ß ﬁx \u{301}a",
            ],
            "aZ1.,'’- \n\u{2010}والé\u{301}\u{64B}ـ«",
        );
        for t in &texts {
            let mut tokens = Vec::new();
            tokenize_each(t, |a, b, word| tokens.push((a, b, word)));
            let expected: Vec<(usize, usize, bool)> = tokenize_by_peeking(t)
                .into_iter()
                .map(|(a, b)| (a, b, t[a..b].chars().next().is_some_and(is_word_char)))
                .collect();
            assert_eq!(tokens, expected, "{t:?}");
        }
    }
    use crate::entities::tests::article;

    /// Three sentences with names, a quotation, a negation and a pronoun.
    const TEXT: &str = "President Joko Widodo said on Monday that Jakarta would not wait.\n\
                        The minister, Sri Mulyani, added: \"We will grow.\"\n\
                        Officials in Surabaya and Bandung did not comment, he said.\n";

    /// Entities of every length, overlapping ones included, at every few words of `a`.
    fn entities_of(a: &Article) -> Vec<Entity> {
        let mut out = Vec::new();
        for (si, s) in a.sentences.iter().enumerate() {
            let text = a.sentence_text(s);
            let words = tokenize(text);
            for (k, &(start, _)) in words.iter().enumerate().step_by(2) {
                let (_, end) = words[(k + k % 3).min(words.len() - 1)];
                let label = [EntityType::Person, EntityType::Gpe, EntityType::Org][k % 3];
                out.push(Entity {
                    sentence: si,
                    start,
                    end,
                    label,
                    canonical_id: None,
                    canonical_name: Some(format!("name {}", (k / 2 + si) % 5)),
                    labelers: vec![],
                    confidence: 1.0,
                });
            }
        }
        out
    }

    /// [`Doc::top_two`] as it was, counting every entity at each call.
    fn top_two_by_scan(doc: &Doc, label: EntityType, pos: usize) -> Option<String> {
        let mut counts = name_counts(&doc.ents, label, Some(pos));
        if counts.len() < 2 {
            counts = name_counts(&doc.ents, label, None);
        }
        top_two_names(counts)
    }

    /// Counts carried from one call to the next, positions asked forward, backward and
    /// jumping, give what counting every entity gives.
    #[test]
    fn top_two_counts_as_a_scan_does() {
        let text = TEXT;
        let a = article("en", text);
        let doc = Doc::new(&a, &entities_of(&a), None).expect("an English lexicon");
        let mut positions: Vec<usize> = (0..=text.len()).collect();
        positions.extend((0..=text.len()).rev());
        positions.extend((0..=text.len()).map(|p| p * 7 % (text.len() + 1)));
        for label in [
            EntityType::Person,
            EntityType::Gpe,
            EntityType::Org,
            EntityType::Date,
        ] {
            for &pos in &positions {
                assert_eq!(
                    doc.top_two(label, pos),
                    top_two_by_scan(&doc, label, pos),
                    "{label:?} at {pos}"
                );
            }
        }
    }

    /// The indexed look-ups give what scanning every token and entity in order gives, with
    /// tokens in text order and (sentences out of order) not.
    #[test]
    fn indexed_lookups_equal_full_scans() {
        let text = TEXT;
        let ordered = article("en", text);
        let mut shuffled = ordered.clone();
        shuffled.sentences.swap(0, 2);
        for a in [&ordered, &shuffled] {
            let doc = Doc::new(a, &entities_of(a), None).expect("an English lexicon");
            assert_eq!(doc.index.toks_ordered, std::ptr::eq(a, &ordered));
            assert!(doc.ents.len() > 10);
            for start in 0..=text.len() {
                assert_eq!(
                    doc.first_tok_from(start, false),
                    doc.toks.iter().position(|t| t.start >= start)
                );
                assert_eq!(
                    doc.first_tok_from(start, true),
                    doc.toks.iter().position(|t| t.start > start)
                );
                assert_eq!(
                    doc.last_tok_ending_before(start),
                    doc.toks.iter().rposition(|t| t.end < start)
                );
                assert_eq!(
                    doc.ent_starts_at(start),
                    doc.ents.iter().any(|e| e.start == start)
                );
                let last_person = doc
                    .ents
                    .iter()
                    .rev()
                    .find(|e| e.label == EntityType::Person && e.end <= start);
                assert_eq!(
                    doc.last_person(start).map(|e| (e.start, e.end)),
                    last_person.map(|e| (e.start, e.end))
                );
                for end in (start..=text.len()).step_by(3) {
                    let spans = |it: &mut dyn Iterator<Item = &Ent>| -> Vec<(usize, usize)> {
                        it.map(|e| (e.start, e.end)).collect()
                    };
                    assert_eq!(
                        spans(&mut doc.ents_in(start, end)),
                        spans(&mut doc.ents.iter().filter(|e| e.start < end && start < e.end)),
                        "{start}..{end}"
                    );
                    assert_eq!(
                        doc.words_in(start, end),
                        doc.toks
                            .iter()
                            .filter(|t| t.word && t.start >= start && t.end <= end)
                            .count()
                    );
                }
            }
        }
    }
}
