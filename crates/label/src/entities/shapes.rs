//! `shapes/10`: names of organisations, places, events and works that the knowledge base lacks,
//! found by their head word (`datasets/label/org_shapes.tsv`):
//!
//! - head first: "Ministry of Economy", "Kementerian Luar Negeri", "Kompleks X", "وزارة الخارجية";
//! - head last: "Foreign Ministry", "Baku Tribune", "Global X Initiative", "X Summit";
//! - a quoted title that names a document ("Memorandum of Understanding between ...").
//!
//! A ministry's canonical name is its usual English form with its country ("Foreign Ministry"
//! and "Kementerian Luar Negeri" are "Ministry of Foreign Affairs of X"): the country inside
//! the name or just before it, else the article's clear main country (the one named most,
//! at least twice), else none. Other names keep their text as canonical.

use foldhash::HashSet;
use std::borrow::Cow;
use std::sync::Arc;

use records::EntityType;

use super::doc::Doc;
use super::gazetteer::{Found, Gazetteer, first_from};
use super::lexicon::{Lexicon, phrase_at};
use super::text::{
    FoldedWords, Word, fold_str, is_all_caps, is_capitalised, is_possessive, same_line_gap,
};
use crate::{EntityLabeler, Proposal};

pub const NAME: &str = "shapes/10";

pub struct ShapeLabeler {
    gazetteer: Arc<Gazetteer>,
}

impl ShapeLabeler {
    pub fn new(gazetteer: Arc<Gazetteer>) -> ShapeLabeler {
        ShapeLabeler { gazetteer }
    }
}

struct Ctx<'a> {
    s: &'a str,
    words: &'a [Word],
    folded: FoldedWords<'a>,
    found: Cow<'a, [Found]>,
    g: &'a Gazetteer,
    langs: &'static [&'static str],
    lx: &'static Lexicon,
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> &str {
        self.words[i].text(self.s)
    }

    fn adjacent(&self, i: usize) -> bool {
        i + 1 < self.words.len()
            && same_line_gap(self.s, self.words[i].end, self.words[i + 1].start)
    }

    /// The knowledge-base type of a name covering exactly word `i`.
    fn kb_word(&self, i: usize) -> Option<EntityType> {
        let w = self.words[i];
        first_from(&self.found, w.start)
            .filter(|f| f.start == w.start && f.end == w.end)
            .map(|f| self.g.kb().entry(f.entry).label)
    }

    fn stop(&self, i: usize) -> bool {
        self.lx.is_stopword(self.langs, self.w(i))
    }

    /// The country a name at `start..end` belongs to: a country or nationality inside it
    /// ("وزارة الخارجية الروسية") or just before it ("Japan's Foreign Ministry", "Chinese
    /// Foreign Ministry").
    fn country_near(&self, start: usize, end: usize) -> Option<String> {
        let kb = self.g.kb();
        let country = |f: &Found| {
            let e = kb.entry(f.entry);
            match e.label {
                EntityType::Gpe if kb.is_country(&e.id) => Some(e.name.clone()),
                EntityType::Norp => kb.country_of(&e.id).map(|c| c.name.clone()),
                _ => None,
            }
        };
        let inside = self
            .found
            .iter()
            .filter(|f| f.start >= start && f.end <= end)
            .find_map(country);
        inside.or_else(|| {
            self.found
                .iter()
                .filter(|f| f.end <= start)
                .filter(|f| {
                    let gap = self.s[f.end..start].trim();
                    gap.is_empty() || gap == "'s" || gap == "’s"
                })
                .find_map(country)
        })
    }

    /// Is word `i` the head of a name in any of the article's languages?
    fn is_head(&self, i: usize) -> bool {
        self.lx.shape_words.contains(&self.folded[i])
    }

    /// Capitalised words and connectors after word `j - 1`: the index after the last
    /// capitalised word. "and" joins two fields ("Trade and Industry"), not two names.
    fn extend_right(&self, mut j: usize) -> usize {
        let mut end = j;
        while j < self.words.len() && self.adjacent(j - 1) {
            let w = self.w(j);
            // A title after an organisation starts a person's name ("Polri Irjen Aan ..."),
            // where a name follows it (not in "Rapat Dewan Gubernur Januari 2024").
            let title_of_person = self.lx.title_words.contains(&self.folded[j])
                && j + 1 < self.words.len()
                && self.adjacent(j)
                && is_capitalised(self.w(j + 1))
                && !self.lx.is_calendar_word(self.langs, self.w(j + 1))
                && !self.is_head(j + 1)
                && self.kb_word(j + 1).is_none();
            if self.lx.is_calendar_word(self.langs, w) || title_of_person {
                break;
            }
            if is_capitalised(w) {
                j += 1;
                end = j;
                // An acronym closes the name ("Deputi Bidang Meteorologi BMKG Guswanto").
                if is_all_caps(w) && w.chars().count() >= 3 {
                    break;
                }
                // A country closes it ("Kementerian Luar Negeri RI", "... of Azerbaijan"), but
                // for one last word before a lower-case word or punctuation ("Kabinet
                // Indonesia Maju tidak", "Koalisi Indonesia Maju,"); two or more capitalised
                // words after it are a person's name ("Bank Indonesia Perry Warjiyo").
                if self.kb_word(j - 1) == Some(EntityType::Gpe) {
                    let last_word = j < self.words.len()
                        && self.adjacent(j - 1)
                        && is_capitalised(self.w(j))
                        && !is_all_caps(self.w(j))
                        && !self.lx.is_calendar_word(self.langs, self.w(j))
                        && self.kb_word(j).is_none()
                        && (j + 1 >= self.words.len()
                            || !self.adjacent(j)
                            || !is_capitalised(self.w(j + 1)));
                    if last_word {
                        end = j + 1;
                    }
                    break;
                }
            } else if self.lx.conjs.contains(w) {
                let next_ok = j + 1 < self.words.len()
                    && self.adjacent(j)
                    && is_capitalised(self.w(j + 1))
                    && !self.is_head(j + 1);
                if !next_ok {
                    break;
                }
                j += 1;
            } else if self.lx.connectors.contains(w) {
                // A name complete in its head is placed, not continued, by "in" ("DBS Bank in
                // Singapore"); "Co-operation in Europe" continues a name.
                if w == "in" && self.is_head(j - 1) {
                    break;
                }
                // Nor by "in" and a place ("Permanent Court of Arbitration in The Hague",
                // "Centre ... in Beijing"), nor by "on" and what it acts on ("Treasury
                // Department on Iranian oil").
                let next = (j + 1 < self.words.len())
                    .then(|| self.kb_word(j + 1))
                    .flatten();
                let place_next = j + 1 < self.words.len()
                    && (self.w(j + 1) == "The"
                        || matches!(next, Some(EntityType::Gpe | EntityType::Loc)));
                // ("Commission on China", "Committee on Indian Affairs" are names.)
                let acted_on = next == Some(EntityType::Norp)
                    && (j + 2 >= self.words.len() || !is_capitalised(self.w(j + 2)));
                if (w == "in" && place_next) || (w == "on" && acted_on) {
                    break;
                }
                j += 1;
            } else {
                break;
            }
        }
        end
    }

    /// A name that lists its fields with commas and is closed by its acronym in brackets
    /// ("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)"): the index after the list's
    /// last word, else `e`.
    fn extend_list(&self, e: usize) -> usize {
        let n = self.words.len();
        let mut last = e;
        for _ in 0..4 {
            if last == 0 || last >= n || self.gap_before(last).trim() != "," {
                return e;
            }
            let mut j = last;
            let joined = self.lx.conjs.contains(self.w(j));
            if joined {
                if !self.adjacent(j) {
                    return e;
                }
                j += 1;
            }
            let start = j;
            while j < n && j < start + 2 && is_capitalised(self.w(j)) && !is_all_caps(self.w(j)) {
                j += 1;
                if j < n && !self.adjacent(j - 1) {
                    break;
                }
            }
            if j == start {
                return e;
            }
            last = j;
            let acronym_after = |last: usize| {
                let after = self.s[self.words[last - 1].end..].trim_start();
                after
                    .strip_prefix('(')
                    .and_then(|r| r.split_once(')'))
                    .is_some_and(|(a, _)| a.len() >= 2 && a.chars().all(|c| c.is_uppercase()))
            };
            if joined {
                // Closed by its acronym in brackets, or by the acronym of the body it belongs
                // to ("Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB").
                if acronym_after(last) {
                    return last;
                }
                let body_acronym = last < n
                    && self.adjacent(last - 1)
                    && is_all_caps(self.w(last))
                    && self.w(last).chars().count() >= 3;
                return if body_acronym { last + 1 } else { e };
            }
            // The last field joined by "and" without a comma ("Identity, Citizenship, Customs
            // and Port Security (ICP)").
            if last + 1 < n && self.adjacent(last - 1) && self.lx.conjs.contains(self.w(last)) {
                let mut k = last + 1;
                while k < n && k < last + 4 && is_capitalised(self.w(k)) && !is_all_caps(self.w(k))
                {
                    k += 1;
                    if k < n && !self.adjacent(k - 1) {
                        break;
                    }
                }
                if k > last + 1 && self.adjacent(last) && acronym_after(k) {
                    return k;
                }
            }
        }
        e
    }

    /// What separates words `i - 1` and `i`.
    fn gap_before(&self, i: usize) -> &str {
        &self.s[self.words[i - 1].end..self.words[i].start]
    }

    /// Whether word `i` opens the sentence or a clause after a dash, a colon, a bracket or a
    /// quotation mark, where any word is capitalised.
    fn opens_clause(&self, i: usize) -> bool {
        i == 0
            || self.gap_before(i).contains([
                '-', '\u{2013}', '\u{2014}', ':', '(', ')', '"', '\u{201C}', '\u{201D}',
            ])
    }

    /// The first word of a region's name before the compass word `t`: one or two capitalised
    /// words right before it (a compass word among them: "Nusa Tenggara Barat"), neither a
    /// title's ("Kapolres Jakarta Barat"), a place marker's ("Kota Tangerang Selatan") nor a
    /// clause's first word that could be anything ("Warga Lampung Tengah").
    fn region_before_compass(&self, t: usize) -> Option<usize> {
        /// Words of the name before the compass word.
        const MAX_WORDS: usize = 2;
        let mut a = t;
        while a > 0 && t - a < MAX_WORDS && self.adjacent(a - 1) {
            let j = a - 1;
            let w = self.w(j);
            let known_place = matches!(self.kb_word(j), Some(EntityType::Gpe));
            if !is_capitalised(w)
                || is_all_caps(w)
                || self.stop(j)
                || self.lx.title_words.contains(&self.folded[j])
                || self.lx.place_markers.iter().any(|m| m == w)
                || self.is_head(j)
                || (self.opens_clause(j) && !known_place && a == t)
            {
                break;
            }
            a = j;
            // A known place is the whole name before its compass word ("Metro Jakarta Barat"
            // is "Jakarta Barat", "Banjir Jawa Timur" is "Jawa Timur").
            if known_place || matches!(self.kb_word(j), Some(EntityType::Loc)) {
                break;
            }
        }
        // After a head ("Kabupaten Bandung Barat") the head's name holds the region.
        let after_head = a > 0 && self.adjacent(a - 1) && self.is_head(a - 1);
        (a < t && !after_head).then_some(a)
    }

    /// Capitalised words (with inner connectors) before word `i`: the first index.
    /// A person's title within `title_reach` words before word `i` ends the name there.
    fn extend_left(&self, i: usize, allow_year: bool, title_reach: usize) -> usize {
        let mut a = i;
        let mut k = i;
        // Whether a conjunction joins the words between `k` and `i` ("Justice and
        // Development Party"), kept as `k` moves back.
        let mut joined = false;
        while k > 0 && self.adjacent(k - 1) {
            let w = self.w(k - 1);
            let year = allow_year && w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
            // A person's title before an organisation's head is theirs ("Kepala Ekonom Bank
            // Central Asia David Sumual"); further before a tail it may be the name's ("King
            // Abdulaziz University").
            // Further back, before two words or more that do not start with a given name or a
            // known person: an analyst before a company is a person's title ("Analis Doo
            // Financial Futures Lukman Leong", "President of Airlangga University Mohammad
            // Nasih"); a rank before a name, or a word joined to the rest by "and", is the
            // institution's ("King Hamad University Hospital", "Justice and Development
            // Party").
            let named_after = || {
                joined
                    || self.lx.given_names.contains(&self.folded[k])
                    || self.kb_word(k) == Some(EntityType::Person)
                    || self.lx.honorific_titles.contains(&self.folded[k - 1])
            };
            let title = self.lx.title_words.contains(&self.folded[k - 1])
                && (i - (k - 1) <= title_reach || (i - k >= 2 && !named_after()));
            if is_possessive(w) || title {
                break;
            }
            let norp = self.kb_word(k - 1) == Some(EntityType::Norp);
            // "Brazilian Development Bank" is a name; "Chinese Foreign Ministry" is a
            // ministry described by a nationality.
            let descriptive = norp && {
                let rest = &self.s[self.words[k].start..self.words[i].end];
                ministry(self.lx, self.langs, rest).is_some()
            };
            if (is_capitalised(w) && !self.stop(k - 1) && !descriptive) || year {
                k -= 1;
                a = k;
            } else if self.lx.inner.contains(w)
                && k >= 2
                && is_capitalised(self.w(k - 2))
                // A clause's first word is capitalised whatever it is: only a head joins
                // ("Bank of America Corp", not "(Reuters) - Shares of Nvidia Corp").
                && (!self.opens_clause(k - 2) || self.is_head(k - 2))
                && !(w == "and" && self.is_head(k - 2))
            {
                // "Olympics and Paralympics" are two names.
                joined |= self.lx.conjs.contains(w);
                k -= 1;
            } else {
                break;
            }
        }
        a
    }
}

impl ShapeLabeler {
    /// The country the article names most often (the earliest on ties).
    fn main_country(&self, doc: &Doc) -> Option<String> {
        let kb = self.gazetteer.kb();
        let mut counts: Vec<(usize, usize)> = Vec::new(); // (entry, count) in first-seen order
        for sentence in doc.sentences() {
            for f in sentence.found(&self.gazetteer).iter() {
                let e = kb.entry(f.entry);
                if e.label == EntityType::Gpe && kb.is_country(&e.id) {
                    match counts.iter_mut().find(|c| c.0 == f.entry) {
                        Some(c) => c.1 += 1,
                        None => counts.push((f.entry, 1)),
                    }
                }
            }
        }
        // Only a clear main country counts: named twice or more, and more often than any other.
        let best = counts.iter().map(|c| c.1).max()?;
        let leaders: Vec<&(usize, usize)> = counts.iter().filter(|c| c.1 == best).collect();
        if best < 2 || leaders.len() > 1 {
            return None;
        }
        Some(kb.entry(leaders[0].0).name.clone())
    }
}

impl EntityLabeler for ShapeLabeler {
    fn name(&self) -> &'static str {
        NAME
    }

    fn propose(&self, doc: &Doc, out: &mut Vec<Proposal>) {
        let lx = super::lexicon();
        let article = doc.article;
        let langs = Lexicon::langs(&article.lang);
        let main_country = self.main_country(doc);
        for (si, sentence) in doc.sentences().iter().enumerate() {
            let s = sentence.text();
            let ctx = Ctx {
                s,
                folded: sentence.folded_words(),
                words: sentence.words(),
                found: sentence.found(&self.gazetteer),
                g: &self.gazetteer,
                langs,
                lx,
            };
            let mut spans: Vec<(usize, usize, EntityType)> = Vec::new();
            let n = ctx.words.len();
            for lang in langs
                .iter()
                .chain(["ar"].iter().filter(|_| article.lang != "ar"))
            {
                let key = |pos: &str| (lang.to_string(), pos.to_string());
                for i in 0..n {
                    let Some((head, h, start)) =
                        phrase_at(&lx.heads, &[lang], s, ctx.words, ctx.folded, i)
                    else {
                        continue;
                    };
                    let label = head.label.unwrap_or(EntityType::Org);
                    if *lang == "ar" {
                        // A head with its article is a body only with its nationality ("الجيش
                        // اللبناني", "البنك المركزي المصري"); elsewhere it is a common noun
                        // ("قصف الجيش المواقع").
                        if ctx.w(i).starts_with("ال") {
                            if h < n
                                && ctx.adjacent(h - 1)
                                && ctx.kb_word(h) == Some(EntityType::Norp)
                            {
                                spans.push((start, h + 1, label));
                            }
                            continue;
                        }
                        // وزارة + its field (+ a nationality or country).
                        if h < n && ctx.adjacent(h - 1) && ctx.w(h).starts_with("ال") {
                            let mut e = h + 1;
                            // Fields joined by "و" ("حزب العدالة والتنمية"), the last with
                            // its adjective ("وزارة الخارجية والتعاون الدولي").
                            let mut joined = false;
                            while e < n
                                && e < h + 3
                                && ctx.adjacent(e - 1)
                                && ctx.w(e).starts_with("وال")
                            {
                                e += 1;
                                joined = true;
                            }
                            // The field's adjective ("وزارة الشؤون الخارجية", "منظمة الدول
                            // المصدرة"), and what the body is for ("... للبترول").
                            // Not "affiliated" ("وزارة الصحة التابعة لحماس").
                            if e < n
                                && ctx.adjacent(e - 1)
                                && ctx.w(e).starts_with("ال")
                                && ctx.w(e).ends_with(['ي', 'ة'])
                                && !ctx.w(e).starts_with("التابع")
                                && ctx.kb_word(e).is_none()
                            {
                                e += 1;
                                if !joined
                                    && e < n
                                    && ctx.adjacent(e - 1)
                                    && ctx.w(e).starts_with("لل")
                                    && ctx.w(e).chars().count() >= 5
                                    && ctx.kb_word(e).is_none()
                                {
                                    e += 1;
                                }
                            }
                            if e < n
                                && ctx.adjacent(e - 1)
                                && matches!(
                                    ctx.kb_word(e),
                                    Some(EntityType::Norp | EntityType::Gpe)
                                )
                            {
                                e += 1;
                            }
                            spans.push((start, e, label));
                        }
                        continue;
                    }
                    // A head that is a ministry's whole name ("Kemenkes", "Kemenlu") stands
                    // alone: a name after it is a person's ("Juru bicara Kemenlu Lalu Muhamad
                    // Iqbal").
                    let whole = h == i + 1 && ministry(lx, langs, ctx.w(i)).is_some();
                    if whole {
                        spans.push((ctx.words[i].start, h, label));
                        continue;
                    }
                    // A place's head ("Desa", "Kabupaten") names one place of a few
                    // capitalised words, not a list ("Kampung Pancasila dan Dana Desa"), and
                    // not after a title, whose holder follows ("Kepala Desa Sutrisno").
                    if label == EntityType::Gpe {
                        let after_title = i > 0
                            && ctx.adjacent(i - 1)
                            && lx.title_words.contains(&ctx.folded[i - 1]);
                        let e = (h..(h + 3).min(n))
                            .take_while(|&j| {
                                ctx.adjacent(j - 1)
                                    && is_capitalised(ctx.w(j))
                                    && !lx.title_words.contains(&ctx.folded[j])
                            })
                            .last()
                            .map_or(h, |j| j + 1);
                        if e > h && !after_title {
                            spans.push((ctx.words[i].start, e, label));
                        }
                        continue;
                    }
                    let e = if h < n && ctx.adjacent(h - 1) {
                        ctx.extend_list(ctx.extend_right(h))
                    } else {
                        h
                    };
                    let a = if *lang == "en" {
                        ctx.extend_left(i, false, usize::MAX)
                    } else {
                        i
                    };
                    if e > h || a < i {
                        spans.push((ctx.words[a].start, e, label));
                    }
                }
                if let Some(tails) = lx.shapes.get(&key("tail")) {
                    for t in 0..n {
                        let Some(&label) = tails.get(ctx.w(t)) else {
                            continue;
                        };
                        // A compass word after a place's name is the rest of a region's
                        // ("Lampung Tengah", "Nusa Tenggara Barat").
                        if label == EntityType::Gpe {
                            // The last of two compass words ends it ("Nusa Tenggara Barat").
                            let another = t + 1 < n
                                && ctx.adjacent(t)
                                && tails.get(ctx.w(t + 1)) == Some(&EntityType::Gpe);
                            if !another && let Some(a) = ctx.region_before_compass(t) {
                                spans.push((ctx.words[a].start, t + 1, label));
                            }
                            continue;
                        }
                        // A title right before the tail is a person's ("Kepala Ekonom Bank
                        // Central Asia").
                        let a = ctx.extend_left(t, label == EntityType::Event, 1);
                        // What it is of or for goes on with the name ("National Centre of
                        // Meteorology", "Egyptian Initiative for Personal Rights").
                        // Not what it acts on ("Treasury Department on Iranian oil").
                        let e = if t + 2 < n
                            && ctx.adjacent(t)
                            && matches!(ctx.w(t + 1), "of" | "for" | "on")
                            && is_capitalised(ctx.w(t + 2))
                            && !(ctx.w(t + 1) == "on"
                                && ctx.kb_word(t + 2) == Some(EntityType::Norp)
                                && (t + 3 >= n || !is_capitalised(ctx.w(t + 3))))
                        {
                            ctx.extend_list(ctx.extend_right(t + 1))
                        } else {
                            t + 1
                        };
                        // An initiative for something is a body ("Egyptian Initiative for
                        // Personal Rights"), a plan is named without it ("Belt and Road
                        // Initiative").
                        // So is a name that opens with a body's head ("Centre for
                        // International Security and Strategy").
                        // A body's word first, and what it is for or of after it ("Centre
                        // for ...", not "Police Act").
                        let opens_with_body = || {
                            a + 1 < n
                                && matches!(ctx.w(a + 1), "for" | "of")
                                && (tails.get(ctx.w(a)) == Some(&EntityType::Org)
                                    || phrase_at(&lx.heads, &[lang], s, ctx.words, ctx.folded, a)
                                        .is_some_and(|(head, _, _)| {
                                            head.label == Some(EntityType::Org)
                                        }))
                        };
                        let label = if label == EntityType::Work && (e > t + 1 || opens_with_body())
                        {
                            EntityType::Org
                        } else {
                            label
                        };
                        if a < t {
                            spans.push((ctx.words[a].start, e, label));
                        }
                    }
                }
            }
            quoted_works(&ctx, &mut spans);
            spans.sort_by_key(|x| (x.0, x.1));
            spans.dedup_by_key(|x| (x.0, x.1));
            // Headlines capitalise every word: only quoted titles are trusted there.
            let headline = sentence.title_case();
            // The first word ending after a span's start: by binary search when the words are
            // in order (a sentence can have thousands of spans and words).
            let words_ordered = ctx.words.windows(2).all(|w| w[0].end <= w[1].end);
            let first_word_after = |pos: usize| {
                let found = if words_ordered {
                    Some(ctx.words.partition_point(|w| w.end <= pos))
                        .filter(|&i| i < ctx.words.len())
                } else {
                    ctx.words.iter().position(|w| w.end > pos)
                };
                found.unwrap_or(0)
            };
            spans.retain(|x| {
                let first = first_word_after(x.0);
                !headline[first] || x.2 == EntityType::Work && quoted(s, x.0)
            });
            let found_spans: HashSet<(usize, usize)> =
                ctx.found.iter().map(|f| (f.start, f.end)).collect();
            for (start, e, label) in spans {
                let end = ctx.words[e - 1].end;
                let text = &s[start..end];
                // A name that is all knowledge base (or a lone head word) is left to the gazetteer.
                if start >= end || found_spans.contains(&(start, end)) {
                    continue;
                }
                let canonical = match ministry(lx, langs, text) {
                    Some(en) => match ctx
                        .country_near(start, end)
                        .or_else(|| main_country.clone())
                    {
                        Some(c) => format!("{en} of {c}"),
                        None => en,
                    },
                    None => text.split_whitespace().collect::<Vec<_>>().join(" "),
                };
                out.push(Proposal {
                    sentence: si,
                    start,
                    end,
                    label,
                    canonical_id: None,
                    canonical_name: Some(canonical),
                    confidence: 0.6,
                    labeler: NAME,
                });
            }
        }
    }
}

/// The usual English name of a ministry written `text`.
fn ministry(lx: &Lexicon, langs: &[&str], text: &str) -> Option<String> {
    let folded = fold_str(text);
    for lang in langs.iter().chain(["ar"].iter()) {
        if let Some(table) = lx.ministries.get(*lang) {
            if let Some(en) = table.get(&folded) {
                return Some(en.clone());
            }
            // "وزارة الخارجية الصينية": the table's phrase and a nationality after it.
            if let Some((phrase, en)) = table
                .iter()
                .filter(|(p, _)| folded.starts_with(p.as_str()) && folded.len() > p.len())
                .max_by_key(|(p, _)| p.len())
                && folded[phrase.len()..].starts_with(' ')
            {
                return Some(en.clone());
            }
        }
    }
    None
}

/// Does a quotation mark stand just before byte `start` (skipping a leading "the")?
fn quoted(s: &str, start: usize) -> bool {
    let before = s[..start].trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .unwrap_or(before)
        .trim_end();
    before.ends_with(['"', '“', '«'])
}

/// A quoted title that names a document: the whole title is one WORK.
fn quoted_works(ctx: &Ctx<'_>, spans: &mut Vec<(usize, usize, EntityType)>) {
    let s = ctx.s;
    let mut opens: Vec<usize> = Vec::new();
    let quotes: Vec<(usize, char)> = s
        .char_indices()
        .filter(|(_, c)| matches!(c, '"' | '“' | '”' | '«' | '»'))
        .collect();
    // The head and tail words of the sentence's languages, looked up at the first pair.
    let mut work_words = None;
    let mut k = 0;
    while k + 1 < quotes.len() {
        let (a, ca) = quotes[k];
        let (b, cb) = quotes[k + 1];
        let pair = matches!((ca, cb), ('"', '"') | ('“', '”') | ('«', '»') | ('”', '”'));
        if !pair {
            k += 1;
            continue;
        }
        opens.push(a);
        let inner_start = a + ca.len_utf8();
        let content = &s[inner_start..b];
        let lead = content.len() - content.trim_start().len();
        let mut start = inner_start + lead;
        let trimmed = content.trim();
        for the in ["the ", "The "] {
            if trimmed.starts_with(the) {
                start += the.len();
            }
        }
        let end = inner_start + content.trim_end().len();
        // The words inside the quotes: words are in order and apart (`text::words`), so they
        // are a run found by bisection (a scan of the sentence per pair was quadratic in a
        // sentence of thousands of quotes).
        let first = ctx.words.partition_point(|w| w.start < start);
        let past = ctx.words.partition_point(|w| w.end <= end).max(first);
        let inner = first..past;
        let work_words: &Vec<_> = work_words.get_or_insert_with(|| {
            (ctx.langs.iter())
                .flat_map(|l| ["head", "tail"].map(|pos| (l.to_string(), pos.to_string())))
                .filter_map(|key| ctx.lx.shapes.get(&key))
                .collect()
        });
        let is_work = inner.clone().any(|i| {
            work_words
                .iter()
                .any(|m| m.get(ctx.w(i)) == Some(&EntityType::Work))
        });
        // A title is written in title case where the script has case: a quoted sentence that
        // mentions one ('"We have already exceeded our targets under the Comprehensive
        // Economic Partnership Agreement"') has many words of four letters or more in lower
        // case, a title few ("between", "development" in a memorandum's title of twenty
        // words); short function words ("of the") count for neither.
        let (lower, upper) = inner.clone().fold((0, 0), |(l, u), i| {
            let w = ctx.w(i);
            match w.chars().next() {
                Some(c) if c.is_lowercase() && w.chars().count() >= 4 => (l + 1, u),
                Some(c) if c.is_uppercase() => (l, u + 1),
                _ => (l, u),
            }
        });
        let title_case = 2 * lower <= upper;
        if inner.len() >= 3 && is_work && is_capitalised(ctx.w(first)) && title_case {
            spans.push((start, past, EntityType::Work));
        }
        k += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tests::{article, spans};
    use crate::kb::KnowledgeBase;

    fn labeler() -> ShapeLabeler {
        ShapeLabeler::new(Arc::new(Gazetteer::new(Arc::new(KnowledgeBase::builtin()))))
    }

    fn got(lang: &str, s: &str) -> Vec<(String, EntityType, Option<String>)> {
        spans(&labeler(), &article(lang, s))
    }

    #[test]
    fn knowledge_base_words_by_index_as_by_scan() {
        // A sentence of many matches: the look-up by bisection finds what a scan finds.
        let text = "France, Germany, Japan, China, Indonesia, Egypt, Russia, India, Brazil, \
                    Chile, Sweden, Kenya, Peru, Iran, Iraq, Jakarta, Cairo, Paris and Tokyo met.";
        let a = article("en", text);
        let doc = Doc::new(&a);
        let l = labeler();
        let sentence = &doc.sentences()[0];
        let ctx = Ctx {
            s: sentence.text(),
            folded: sentence.folded_words(),
            words: sentence.words(),
            found: sentence.found(&l.gazetteer),
            g: &l.gazetteer,
            langs: Lexicon::langs("en"),
            lx: crate::entities::lexicon(),
        };
        assert!(ctx.found.len() > 16, "{} matches", ctx.found.len());
        let mut named = 0;
        for (i, w) in ctx.words.iter().enumerate() {
            let by_scan = (ctx.found.iter())
                .find(|f| f.start == w.start && f.end == w.end)
                .map(|f| ctx.g.kb().entry(f.entry).label);
            assert_eq!(ctx.kb_word(i), by_scan, "{}", ctx.w(i));
            named += usize::from(by_scan.is_some());
        }
        assert!(named > 16, "{named} words are names");
    }

    #[test]
    fn english_heads_and_tails() {
        let g = got(
            "en",
            "The Ministry of Digital Development and the Foreign Ministry signed the Joint Statement on Green Energy at the Baku Energy Forum.",
        );
        let names: Vec<(&str, EntityType)> = g.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert!(
            names.contains(&("Ministry of Digital Development", EntityType::Org)),
            "{g:?}"
        );
        assert!(
            names.contains(&("Foreign Ministry", EntityType::Org)),
            "{g:?}"
        );
        assert!(
            names.contains(&("Joint Statement on Green Energy", EntityType::Work)),
            "{g:?}"
        );
        assert!(
            names.contains(&("Baku Energy Forum", EntityType::Event)),
            "{g:?}"
        );
        let fm = g.iter().find(|x| x.0 == "Foreign Ministry").unwrap();
        assert_eq!(fm.2.as_deref(), Some("Ministry of Foreign Affairs"));
    }

    #[test]
    fn what_a_tail_is_of_or_for_and_titles_before_a_company() {
        let g = got(
            "en",
            "The National Centre of Meteorology (NCM) and the Egyptian Initiative for Personal Rights (EIPR) met at King Abdulaziz University.",
        );
        let names: Vec<(&str, EntityType)> = g.iter().map(|x| (x.0.as_str(), x.1)).collect();
        // The proposals before aggregation, where the longest of overlapping spans wins.
        for expected in [
            ("National Centre of Meteorology", EntityType::Org),
            ("Egyptian Initiative for Personal Rights", EntityType::Org),
            ("King Abdulaziz University", EntityType::Org),
        ] {
            assert!(names.contains(&expected), "{names:?}");
        }
        assert!(
            !names.iter().any(|x| x.0 == "Egyptian Initiative"),
            "{names:?}"
        );
        let g = got("id", "Analis Doo Financial Futures Lukman Leong berkata.");
        assert_eq!(g[0].0, "Doo Financial Futures");
        // "of" does not join a title to the institution; "and" does.
        let g = got(
            "en",
            "President of Airlangga University Mohammad Nasih met the Justice and Development Party.",
        );
        let names: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
        assert!(names.contains(&"Airlangga University"), "{names:?}");
        assert!(
            names.contains(&"Justice and Development Party"),
            "{names:?}"
        );
        assert!(
            !names.iter().any(|n| n.starts_with("President")),
            "{names:?}"
        );
        // A list of fields closed by the acronym of the body it belongs to.
        let g = got(
            "id",
            "Kepala Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB, Abdul Muhari, hadir.",
        );
        assert!(
            g.iter()
                .any(|x| x.0 == "Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB"),
            "{g:?}"
        );
    }

    #[test]
    fn headlines_and_month_names_do_not_extend_names() {
        let g = got(
            "en",
            "China Development Bank Signs Loan Agreement With Brazil",
        );
        assert!(g.is_empty(), "{g:?}");
        let g = got(
            "id",
            "Bank Indonesia menggelar Rapat Dewan Gubernur Januari 2024.",
        );
        assert_eq!(g[0].0, "Dewan Gubernur");
    }

    #[test]
    fn quoted_document_titles() {
        let g = got(
            "en",
            "They signed the \"Agreement on Mutual Visa Exemption for Holders of Service Passports\" in Rome.",
        );
        assert_eq!(
            g[0].0,
            "Agreement on Mutual Visa Exemption for Holders of Service Passports"
        );
        assert_eq!(g[0].1, EntityType::Work);
        // A quoted sentence that names a document is no title; the document is.
        let g = got(
            "en",
            "\"We have already exceeded our targets under the Comprehensive Economic Partnership Agreement,\" he said.",
        );
        let works: Vec<&str> = (g.iter())
            .filter(|x| x.1 == EntityType::Work)
            .map(|x| x.0.as_str())
            .collect();
        assert_eq!(works, ["Comprehensive Economic Partnership Agreement"]);
    }

    #[test]
    fn names_on_a_country_and_acts_stay_what_they_are() {
        let g = got(
            "en",
            "The Congressional-Executive Commission on China said so. The Senate Committee on \
             Indian Affairs met. The Police Act was amended.",
        );
        let names: Vec<(&str, EntityType)> = g.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert!(
            names.contains(&(
                "Congressional-Executive Commission on China",
                EntityType::Org
            )) && names.contains(&("Senate Committee on Indian Affairs", EntityType::Org))
                && names.contains(&("Police Act", EntityType::Work)),
            "{g:?}"
        );
        // A place's head after a title names the holder; a list is no place.
        let g = got(
            "id",
            "Kepala Desa Sutrisno mengatakan air surut. Program Kampung Pancasila dan Dana Desa \
             berjalan. Kapolres Metro Jakarta Barat hadir.",
        );
        let names: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
        assert!(
            !names
                .iter()
                .any(|n| n.contains("Sutrisno") || n.contains("Dana"))
                && !names.contains(&"Metro Jakarta Barat"),
            "{g:?}"
        );
    }

    #[test]
    fn names_are_not_continued_by_a_place_or_what_they_act_on() {
        let g = got(
            "en",
            "The U.S. Treasury Department on Iranian oil said so. The Permanent Court of \
             Arbitration in The Hague ruled. Researchers at the Centre for International \
             Security and Strategy in Beijing agreed.",
        );
        let names: Vec<(&str, EntityType)> = g.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            names,
            [
                ("Treasury Department", EntityType::Org),
                ("Permanent Court of Arbitration", EntityType::Org),
                (
                    "Centre for International Security and Strategy",
                    EntityType::Org
                ),
            ],
            "{g:?}"
        );
    }

    #[test]
    fn arabic_bodies_with_their_adjective_or_nationality() {
        // Bodies the knowledge base lacks (it has OPEC, the Central Bank of Egypt, the
        // Lebanese Army: those are the gazetteer's).
        let g = got(
            "ar",
            "وقالت وزارة الموارد المائية إن هيئة الدول المنتجة للقطن رفعت الإنتاج، وخفض البنك \
             المركزي الأردني الفائدة، فيما انتشر الجيش السوداني في الخرطوم. وقصف الجيش المواقع، \
             وقالت وزارة الصحة التابعة لحماس إن القتلى كثر.",
        );
        let names: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
        // Not a definite head without its nationality ("الجيش المواقع"), nor "affiliated".
        assert_eq!(
            names,
            [
                "وزارة الموارد المائية",
                "هيئة الدول المنتجة للقطن",
                "البنك المركزي الأردني",
                "الجيش السوداني",
                "وزارة الصحة",
            ],
            "{g:?}"
        );
    }

    #[test]
    fn arabic_municipalities_courts_committees_and_outlets() {
        // A town's municipality is a body, not the town; a court, a committee.
        let g = got(
            "ar",
            "وقالت بلدية الخليل إن المياه مقطوعة، فيما قضت محكمة الاستئناف بسجنه، وأعلنت لجنة \
             الانتخابات المركزية أن النتائج صحيحة.",
        );
        let names: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            names,
            ["بلدية الخليل", "محكمة الاستئناف", "لجنة الانتخابات المركزية",],
            "{g:?}"
        );
    }

    #[test]
    fn indonesian_administrative_places_and_compass_words() {
        let g = got(
            "id",
            "Banjir melanda Desa Kedungbanteng, Kecamatan Tanggulangin, Kabupaten Bandung Barat, \
             Lampung Tengah dan Nusa Tenggara Barat. Kapolres Jakarta Barat Kombes Twedi hadir. \
             Warga Kota Tangerang Selatan mengungsi.",
        );
        let names: Vec<(&str, EntityType)> = g.iter().map(|x| (x.0.as_str(), x.1)).collect();
        // A title, a place marker or a clause's first word is no part of a region's name;
        // one the knowledge base has ("Nusa Tenggara Barat") is left to the gazetteer.
        assert_eq!(
            names,
            [
                ("Desa Kedungbanteng", EntityType::Gpe),
                ("Kecamatan Tanggulangin", EntityType::Gpe),
                ("Kabupaten Bandung Barat", EntityType::Gpe),
                ("Lampung Tengah", EntityType::Gpe),
                ("Jakarta Barat", EntityType::Gpe),
                ("Tangerang Selatan", EntityType::Gpe),
            ],
            "{g:?}"
        );
    }

    #[test]
    fn indonesian_and_arabic_heads() {
        let g = got(
            "id",
            "Kementerian Luar Negeri menggelar acara di Gedung Sate dan Kompleks Gelora Bung Karno.",
        );
        let names: Vec<(&str, EntityType)> = g.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert!(
            names.contains(&("Kementerian Luar Negeri", EntityType::Org)),
            "{g:?}"
        );
        assert!(names.contains(&("Gedung Sate", EntityType::Loc)), "{g:?}");
        assert!(
            names.contains(&("Kompleks Gelora Bung Karno", EntityType::Loc)),
            "{g:?}"
        );
        // A ministry's short name stands alone, before a person's name too.
        let g = got(
            "id",
            "Kemenkes menyebut kasus naik. Juru bicara Kemenlu Lalu Muhamad Iqbal hadir.",
        );
        let orgs: Vec<(&str, Option<&str>)> =
            (g.iter()).map(|x| (x.0.as_str(), x.2.as_deref())).collect();
        assert_eq!(
            orgs,
            [
                ("Kemenkes", Some("Ministry of Health")),
                ("Kemenlu", Some("Ministry of Foreign Affairs"))
            ]
        );
        // Arabic heads with their field, fields joined by "و" and the last one's adjective.
        let g = got(
            "ar",
            "قال حزب العدالة والتنمية إن وزارة الخارجية والتعاون الدولي ونادي الهلال اتفقوا.",
        );
        let names: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "حزب العدالة والتنمية",
                "وزارة الخارجية والتعاون الدولي",
                "نادي الهلال"
            ]
        );
        // A clause's first word joins a name by "of" only if it heads one.
        let g = got(
            "en",
            "NEW YORK (Reuters) - Shares of Nvidia Corp jumped, and Bank of America Corp fell.",
        );
        let names: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
        assert!(names.contains(&"Nvidia Corp"), "{g:?}");
        assert!(names.contains(&"Bank of America Corp"), "{g:?}");
        // Organisations named after a titled person keep the title before a tail.
        let g = got(
            "en",
            "He studied at King Abdulaziz University and worked for General Motors in Detroit.",
        );
        let names: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
        assert!(names.contains(&"King Abdulaziz University"), "{g:?}");
        // A person's title before the organisation is theirs.
        let g = got(
            "id",
            "Senada, Kepala Ekonom Bank Central Asia (BCA) David Sumual memperkirakan BI akan memangkas suku bunga.",
        );
        assert!(g.iter().any(|x| x.0 == "Bank Central Asia"), "{g:?}");
        assert!(g.iter().all(|x| !x.0.contains("Ekonom")), "{g:?}");
        // Fields listed with commas, closed by the acronym.
        let g = got(
            "id",
            "Badan Pengawasan Keuangan, Pembangunan, dan Investasi (BPKPI) memperingatkan warga.",
        );
        assert!(
            g.iter()
                .any(|x| x.0 == "Badan Pengawasan Keuangan, Pembangunan, dan Investasi"),
            "{g:?}"
        );
        let g = got(
            "id",
            "Badan Meteorologi, Jakarta, dan Bandung bekerja sama.",
        );
        assert!(!g.iter().any(|x| x.0.contains("Bandung")), "{g:?}");
        // A country closes a name but for one last word ("Kabinet Indonesia Maju tidak"),
        // not before a person's name.
        let g = got(
            "id",
            "Para menteri Kabinet Indonesia Maju tidak membuat gaduh.",
        );
        assert!(g.iter().any(|x| x.0 == "Kabinet Indonesia Maju"), "{g:?}");
        let g = got(
            "id",
            "Kementerian Luar Negeri Indonesia Retno Marsudi hadir.",
        );
        assert!(
            g.iter().any(|x| x.0 == "Kementerian Luar Negeri Indonesia"),
            "{g:?}"
        );
        assert!(!g.iter().any(|x| x.0.contains("Retno")), "{g:?}");
        let g = got("ar", "وقالت وزارة الخارجية الروسية إن المحادثات بناءة.");
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].0, "وزارة الخارجية الروسية");
        assert_eq!(
            g[0].2.as_deref(),
            Some("Ministry of Foreign Affairs of Russia")
        );
    }

    #[test]
    fn ministries_take_their_country() {
        let g = got(
            "en",
            "Kazakhstan and Kazakhstan's partners met in Astana and Astana.\nThe Ministry of Foreign Affairs said Japan's Foreign Ministry and the Chinese Foreign Ministry agreed with the Brazilian Development Bank.",
        );
        let canon = |t: &str| g.iter().find(|x| x.0 == t).and_then(|x| x.2.clone());
        assert_eq!(
            canon("Ministry of Foreign Affairs").as_deref(),
            Some("Ministry of Foreign Affairs of Kazakhstan")
        );
        let fm: Vec<_> = g.iter().filter(|x| x.0 == "Foreign Ministry").collect();
        assert_eq!(
            fm[0].2.as_deref(),
            Some("Ministry of Foreign Affairs of Japan")
        );
        assert_eq!(
            fm[1].2.as_deref(),
            Some("Ministry of Foreign Affairs of China")
        );
        assert!(canon("Brazilian Development Bank").is_some(), "{g:?}");
    }
}
