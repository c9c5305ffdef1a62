//! `coref/12`: in-article coreference of short forms, run on the aggregated entities.
//!
//! After a full name ("Xi Jinping", "Aykhan Hajizade", "شي جين بينج"), a later surname or
//! family name ("Xi", "Hajizadeh" — one letter off is the same name for long names — or a form
//! with initials, "A. Hajizade") refers to the same person: existing spans take the full name's
//! canonical, and unlabelled mentions are added.

use foldhash::{HashMap, HashMapExt, HashSet};

use parse::chars;
use records::{Entity, EntityType};

use super::doc::Doc;
use super::lexicon::Lexicon;
use super::names::AR_COMPOUND;
use super::text::{
    abbreviates, fold_str, is_arabic, is_capitalised, lower_case_words, within_one_edit, words,
};
use crate::spans::SpanSet;

pub const NAME: &str = "coref/12";

/// A full name met in the article.
#[derive(Debug, Clone)]
struct Full {
    pos: (usize, usize),
    first: String,
    last: String,
    /// `first` folded.
    first_folded: String,
    /// `last` folded, without a joined particle: the word a short mention matches. None where
    /// that word is a title ("فهد السيد"), which alone names whoever holds it.
    last_folded: Option<String>,
    /// The family name comes first (Chinese names).
    family_first: bool,
    /// The words after the first, folded: a given name is extended over them where they
    /// follow it ("kata Sri Mulyani" for "Sri Mulyani Indrawati").
    rest_folded: Vec<String>,
    /// The first name may stand alone for the person: Indonesian and Malay news name people
    /// by their given name after the full name ("Retno Marsudi ... kata Retno").
    given_name_alone: bool,
    /// Capitalised words between the first and the last (folded), which stand for the person
    /// too ("Andi Amran Sulaiman" ... "Amran told reporters").
    middle_folded: Vec<String>,
    canonical_id: Option<String>,
    canonical_name: String,
}

/// Name tokens of a span: words, initials dropped.
fn name_tokens(span: &str) -> (Vec<String>, Vec<char>) {
    let mut tokens = Vec::new();
    let mut initials = Vec::new();
    for w in words(span) {
        let t = w.text(span);
        let rest = &span[w.end..];
        if t.chars().count() == 1 && rest.starts_with('.') {
            initials.extend(t.chars());
        } else {
            tokens.push(t.to_string());
        }
    }
    (tokens, initials)
}

/// Same surname (both folded), allowing one letter of spelling variation in long names
/// ("Hajizadeh").
fn same_name(fa: &str, fb: &str) -> bool {
    if fa == fb {
        return true;
    }
    // At least six characters each (a string has no more characters than bytes).
    let six = |s: &str| s.len() >= 6 && s.chars().nth(5).is_some();
    six(fa) && six(fb) && !is_arabic(fa.chars().next().unwrap_or(' ')) && within_one_edit(fa, fb)
}

/// Up to this many full names in an article, each short form is compared with all of them:
/// cheaper than an index for most articles (keys cost an allocation each).
const MAX_SCANNED_FULLS: usize = 32;

/// Last names longer than this (in characters) are not indexed by their edit keys but
/// compared with every short form: a key of each deletion costs the square of the length.
const MAX_KEYED_NAME: usize = 40;

/// `s` and `s` without each one of its characters: two strings within one edit of each other
/// (as [`within_one_edit`] tells) share one of these keys, so an index by them finds all the
/// names a short form may be a spelling of, without comparing it with every name.
fn edit_keys(s: &str) -> Vec<String> {
    let mut keys = vec![s.to_string()];
    for (i, c) in s.char_indices() {
        keys.push(format!("{}{}", &s[..i], &s[i + c.len_utf8()..]));
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The full names a short form may refer to, by the short form (folded) and its initial.
/// Each short form is looked up once, not at every mention, and only among the full names
/// that share an edit key with it or are family-first names of the same first name: a long
/// article has thousands of both, and comparing each with each was quadratic (a list of
/// 10,000 people named again by surname took 10 s for 1.6 MB).
struct Antecedents {
    fulls: Vec<Full>,
    /// Full names are in text order (as the entities come from aggregation), so that the
    /// nearest is found by binary search.
    sorted: bool,
    /// Full names by each edit key of their last name (folded), when that has at most
    /// [`MAX_KEYED_NAME`] characters.
    by_last_key: HashMap<String, Vec<usize>>,
    /// Full names whose last name is longer: candidates of every short form.
    long_lasts: Vec<usize>,
    /// Full names whose first name may stand alone (family-first Chinese names, given names
    /// in Indonesian), by their first name (folded).
    by_first_name: HashMap<String, Vec<usize>>,
    matching: HashMap<(String, Option<char>), Vec<usize>>,
}

impl Antecedents {
    fn new(fulls: Vec<Full>) -> Antecedents {
        let mut by_last_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut long_lasts = Vec::new();
        let mut by_first_name: HashMap<String, Vec<usize>> = HashMap::new();
        let indexed = fulls.len() > MAX_SCANNED_FULLS;
        for (i, f) in fulls.iter().enumerate().filter(|_| indexed) {
            let Some(last) = &f.last_folded else { continue };
            if last.chars().count() > MAX_KEYED_NAME {
                long_lasts.push(i);
            } else {
                for key in edit_keys(last) {
                    by_last_key.entry(key).or_default().push(i);
                }
            }
            if f.family_first || f.given_name_alone {
                by_first_name
                    .entry(f.first_folded.clone())
                    .or_default()
                    .push(i);
            }
            for m in &f.middle_folded {
                by_first_name.entry(m.clone()).or_default().push(i);
            }
        }
        Antecedents {
            sorted: fulls.windows(2).all(|w| w[0].pos <= w[1].pos),
            fulls,
            by_last_key,
            long_lasts,
            by_first_name,
            matching: HashMap::new(),
        }
    }

    /// Every full name a short form (folded) may match, and more, in the order of `fulls`:
    /// all of them in an article of few; else those whose last name shares an edit key with
    /// it or is too long to be keyed, and the family-first names of it. A last name within
    /// one edit has at most one character more than the form, so a form too long for keys
    /// can only match a long last name.
    fn candidates(&self, token_folded: &str) -> Vec<usize> {
        if self.fulls.len() <= MAX_SCANNED_FULLS {
            return (0..self.fulls.len()).collect();
        }
        let mut out: Vec<usize> = self.long_lasts.clone();
        if let Some(v) = self.by_first_name.get(token_folded) {
            out.extend(v);
        }
        if token_folded.chars().count() <= MAX_KEYED_NAME + 1 {
            for key in edit_keys(token_folded) {
                if let Some(v) = self.by_last_key.get(&key) {
                    out.extend(v);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The `candidates` a short form (folded, with its initial if any) refers to, in text
    /// order.
    fn matching_fulls(
        &self,
        candidates: Vec<usize>,
        token_folded: &str,
        initial: Option<char>,
    ) -> Vec<usize> {
        let matches = |f: &Full| {
            let by_last = (f.last_folded.as_deref()).is_some_and(|l| same_name(l, token_folded));
            let by_first =
                (f.family_first || f.given_name_alone) && f.first_folded == *token_folded;
            let initial_ok = initial.is_none_or(|c| {
                f.first
                    .chars()
                    .next()
                    .is_some_and(|x| x.to_lowercase().eq(c.to_lowercase()))
            });
            let by_middle = initial.is_none() && f.middle_folded.iter().any(|m| m == token_folded);
            (by_last || by_first || by_middle) && initial_ok
        };
        candidates
            .into_iter()
            .filter(|&i| matches(&self.fulls[i]))
            .collect()
    }

    /// The full name a short form at `pos` refers to: the nearest before it, else the first
    /// after it.
    fn find(&mut self, pos: (usize, usize), token: &str, initial: Option<char>) -> Option<Full> {
        let key = (fold_str(token), initial);
        // One look-up when the form was seen before (most calls: names recur).
        if let Some(list) = self.matching.get(&key) {
            return self.nearest(list, pos);
        }
        let candidates = self.candidates(&key.0);
        let list = self.matching_fulls(candidates, &key.0, key.1);
        let found = self.nearest(&list, pos);
        self.matching.insert(key, list);
        found
    }

    /// Of `list` (indexes of `fulls`), the last before `pos` (the latest of equals, as
    /// `max_by_key` picks), else the first after it.
    fn nearest(&self, list: &[usize], pos: (usize, usize)) -> Option<Full> {
        let fulls = &self.fulls;
        let found = if self.sorted {
            let before = list.partition_point(|&i| fulls[i].pos < pos);
            match before.checked_sub(1) {
                Some(k) => Some(list[k]),
                None => {
                    let after = list.partition_point(|&i| fulls[i].pos <= pos);
                    list.get(after).copied()
                }
            }
        } else {
            list.iter()
                .copied()
                .filter(|&i| fulls[i].pos < pos)
                .max_by_key(|&i| fulls[i].pos)
                .or_else(|| list.iter().copied().find(|&i| fulls[i].pos > pos))
        };
        found.map(|i| fulls[i].clone())
    }
}

/// The entities' spans of each sentence.
struct TakenSpans(Vec<SpanSet>);

impl TakenSpans {
    fn new(entities: &[Entity]) -> TakenSpans {
        let mut by_sentence: Vec<SpanSet> = Vec::new();
        let mut order: Vec<&Entity> = entities.iter().collect();
        order.sort_by_key(|e| (e.sentence, e.start));
        for e in order {
            if by_sentence.len() <= e.sentence {
                by_sentence.resize_with(e.sentence + 1, SpanSet::default);
            }
            by_sentence[e.sentence].push(e.start, e.end);
        }
        TakenSpans(by_sentence)
    }

    /// Whether an entity of sentence `si` overlaps `[start, end)`.
    fn overlaps(&self, si: usize, start: usize, end: usize) -> bool {
        self.0
            .get(si)
            .is_some_and(|spans| spans.overlaps(start, end))
    }
}

/// A "person" of two words or more that the article also writes as the end of a longer
/// place's name ("Lurah Tanjung Mas, Heru Prasetyo Utomo," after "Kelurahan Tanjung Mas"):
/// the place, which a title named its holder by.
fn places_named_as_persons(entities: &mut [Entity], text_of: &dyn Fn(&Entity) -> String) {
    let place_tails: HashSet<String> = entities
        .iter()
        .filter(|e| e.label == EntityType::Gpe)
        .flat_map(|e| {
            let text = text_of(e);
            let ws: Vec<&str> = text.split_whitespace().collect();
            (1..ws.len().saturating_sub(1))
                .map(|k| fold_str(&ws[k..].join(" ")))
                .collect::<Vec<_>>()
        })
        .collect();
    if place_tails.is_empty() {
        return;
    }
    for e in entities
        .iter_mut()
        .filter(|e| e.label == EntityType::Person)
    {
        let text = text_of(e);
        if text.split_whitespace().count() >= 2 && place_tails.contains(&fold_str(&text)) {
            e.label = EntityType::Gpe;
            e.canonical_id = None;
            e.canonical_name = Some(text);
            add_labeler(e);
        }
    }
}

fn add_labeler(e: &mut Entity) {
    if !e.labelers.iter().any(|l| l == NAME) {
        e.labelers.push(NAME.to_string());
        e.labelers.sort();
    }
}

pub(crate) fn resolve(doc: &Doc, entities: &mut Vec<Entity>, lx: &Lexicon) {
    let article = doc.article;
    let text_of = |e: &Entity| -> String {
        let s = article.sentence_text(&article.sentences[e.sentence]);
        s[e.start..e.end].to_string()
    };
    places_named_as_persons(entities, &text_of);
    let mut fulls: Vec<Full> = Vec::new();
    for e in entities.iter().filter(|e| e.label == EntityType::Person) {
        let span = text_of(e);
        let (mut tokens, initials) = name_tokens(&span);
        // A kunya with "أم" names a mother by her child ("أم محمد"): no full name of "محمد".
        if tokens.first().is_some_and(|t| t == "أم") {
            continue;
        }
        // A title inside the span is no part of the name ("Prince Faisal bin Farhan" is not
        // "Prince" later).
        while tokens.len() > 1 && lx.title_words.contains(&fold_str(&tokens[0])) {
            tokens.remove(0);
        }
        // Indonesian and Malay news name many people by one name ("Pratikno", "Jokowi"): a
        // later mention of it is the same person.
        // Not a word of organisations' or titles' names ("Kota", "Pelaksana"), should a
        // labeller have taken one for a name.
        let mononym = tokens.len() == 1
            && matches!(article.lang.as_str(), "id" | "ms")
            && tokens[0].chars().count() >= 4
            && is_capitalised(&tokens[0])
            && !lx.is_stopword(Lexicon::langs(&article.lang), &tokens[0])
            && !lx.shape_words.contains(&fold_str(&tokens[0]))
            && !lx.is_domain_word(Lexicon::langs(&article.lang), &tokens[0]);
        // A full name may carry a middle initial ("John A. Ross"); an initial and a surname
        // alone ("A. Hajizade") is a short form, not a full name.
        if tokens.len() < 2 && (!mononym || !initials.is_empty()) {
            continue;
        }
        let family_first = tokens.len() >= 2
            && lx.chinese_surnames.contains(&tokens[0].to_lowercase())
            && lx.is_pinyin_name(&tokens[1]);
        // A name with "bin" (a father's name) is called by its given name ("Sheikh Mohamed"
        // for "Mohamed bin Zayed", "Anwar" for "Anwar bin Ibrahim").
        let patronymic = tokens
            .iter()
            .skip(1)
            .any(|t| lx.patronymics.contains(&t.to_lowercase()));
        // So is a name after a Malaysian honorific ("Tan Sri Mustapa Mohamed": "Mustapa").
        let honorific = || {
            let before =
                article.sentence_text(&article.sentences[e.sentence])[..e.start].trim_end();
            lx.given_name_titles.iter().any(|t| {
                before.strip_suffix(t.as_str()).is_some_and(|rest| {
                    !rest.chars().next_back().is_some_and(char::is_alphanumeric)
                })
            })
        };
        let given_name_alone = (matches!(article.lang.as_str(), "id" | "ms")
            || patronymic
            || lx.malay_given_names.contains(&fold_str(&tokens[0]))
            || honorific())
            && !family_first
            && !is_arabic(tokens[0].chars().next().unwrap_or(' '))
            && tokens[0].chars().count() >= 3
            && !lx.is_stopword(Lexicon::langs(&article.lang), &tokens[0]);
        fulls.push(Full {
            pos: (e.sentence, e.start),
            first_folded: fold_str(&tokens[0]),
            // A particle joined to the family name is left out of it: "al-Sudani" is "Sudani"
            // later.
            last_folded: {
                let last = &tokens[tokens.len() - 1];
                let folded = fold_str(lx.after_joined_particle(last).unwrap_or(last));
                // A family name that is a title ("فهد السيد", "وليد الحاج") is no short form:
                // the title alone names whoever holds it ("وقال السيد الوزير").
                (!lx.title_words.contains(&folded)).then_some(folded)
            },
            first: tokens[0].clone(),
            last: tokens[tokens.len() - 1].clone(),
            family_first,
            given_name_alone,
            rest_folded: tokens[1..].iter().map(|t| fold_str(t)).collect(),
            middle_folded: tokens[1..tokens.len().saturating_sub(1).max(1)]
                .iter()
                .filter(|t| is_capitalised(t) && t.chars().count() >= 4)
                .map(|t| fold_str(t))
                .collect(),
            canonical_id: e.canonical_id.clone(),
            canonical_name: e.canonical_name.clone().unwrap_or(span.clone()),
        });
    }
    // A one-word name already written in full before ("Sulistyo" after "Sulistyo Hadi
    // Wibowo") is a short mention of that person, no new full name.
    let longer: Vec<((usize, usize), String, Option<String>)> = fulls
        .iter()
        .filter(|f| !f.rest_folded.is_empty())
        .map(|f| (f.pos, f.first_folded.clone(), f.last_folded.clone()))
        .collect();
    // The last words of longer Latin-script full names ("Sammut Borg" of "Adrian Sammut
    // Borg", "Te Whare" of "Aroha Te Whare"), joined folded, with the earliest such name: a
    // name of those words written after it, that starts with no common given name, is that
    // person's family name. (Not in Arabic, where the last words of a name are its father's
    // and grandfather's, a name of its own: "محمد طاهر" is no mention of "حسن محمد طاهر".)
    type Named = ((usize, usize), Option<String>, String);
    let mut suffixes: HashMap<String, Named> = HashMap::new();
    for f in fulls.iter().filter(|f| !f.first.starts_with(is_arabic)) {
        // The last `n` words, fewer than all.
        for n in 2..=f.rest_folded.len() {
            let key = f.rest_folded[f.rest_folded.len() - n..].join(" ");
            suffixes
                .entry(key)
                .or_insert_with(|| (f.pos, f.canonical_id.clone(), f.canonical_name.clone()));
        }
    }
    // The longer name whose last words are `tokens`, written before `pos`.
    let family_of_longer =
        |tokens: &[String], pos: (usize, usize)| -> Option<(Option<String>, String)> {
            let first = tokens.first()?;
            if tokens.len() < 2
                || first.starts_with(is_arabic)
                || lx.given_names.contains(&fold_str(first))
            {
                return None;
            }
            let key = tokens
                .iter()
                .map(|t| fold_str(t))
                .collect::<Vec<_>>()
                .join(" ");
            suffixes
                .get(&key)
                .filter(|f| f.0 < pos)
                .map(|f| (f.1.clone(), f.2.clone()))
        };
    let family_only: Vec<bool> = fulls
        .iter()
        .map(|f| {
            let tokens: Vec<String> = std::iter::once(f.first.clone())
                .chain(f.rest_folded.iter().cloned())
                .collect();
            family_of_longer(&tokens, f.pos).is_some()
        })
        .collect();
    let mut k = 0;
    fulls.retain(|f| {
        k += 1;
        !family_only[k - 1]
            && (!f.rest_folded.is_empty()
                || !longer.iter().any(|(pos, first, last)| {
                    *pos < f.pos
                        && (*first == f.first_folded || last.as_ref() == Some(&f.first_folded))
                }))
    });
    let full_tokens: HashSet<String> = fulls
        .iter()
        .flat_map(|f| [f.first.clone(), f.last.clone()])
        .collect();
    // The first words of longer full names ("Sri Mulyani" of "Sri Mulyani Indrawati"), joined
    // folded, with the earliest such name: a shorter name that another labeller found is that
    // person. Indexed, as an article may name thousands of people.
    let mut prefixes: HashMap<String, usize> = HashMap::new();
    for (k, f) in fulls.iter().enumerate() {
        for n in 2..=f.rest_folded.len() {
            let key = std::iter::once(f.first_folded.as_str())
                .chain(f.rest_folded[..n - 1].iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            prefixes.entry(key).or_insert(k);
        }
    }
    let mut shortened: Vec<(usize, Option<String>, String)> = Vec::new();
    for (ei, e) in entities.iter().enumerate() {
        if e.label != EntityType::Person || e.canonical_id.is_some() {
            continue;
        }
        let (tokens, initials) = name_tokens(&text_of(e));
        if tokens.len() < 2 || !initials.is_empty() {
            continue;
        }
        let key = tokens
            .iter()
            .map(|t| fold_str(t))
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(&k) = prefixes.get(&key)
            && fulls[k].pos < (e.sentence, e.start)
        {
            shortened.push((
                ei,
                fulls[k].canonical_id.clone(),
                fulls[k].canonical_name.clone(),
            ));
        } else if let Some((id, name)) = family_of_longer(&tokens, (e.sentence, e.start)) {
            shortened.push((ei, id, name));
        }
    }
    for (ei, id, name) in shortened {
        let e = &mut entities[ei];
        e.canonical_id = id;
        e.canonical_name = Some(name);
        add_labeler(e);
    }
    let has_fulls = !fulls.is_empty();
    let mut antecedents = Antecedents::new(fulls);
    // Short spans already labelled.
    for e in entities
        .iter_mut()
        .filter(|e| e.label == EntityType::Person)
    {
        let span = {
            let s = article.sentence_text(&article.sentences[e.sentence]);
            s[e.start..e.end].to_string()
        };
        let (tokens, initials) = name_tokens(&span);
        if tokens.len() != 1 {
            continue;
        }
        if let Some(f) =
            antecedents.find((e.sentence, e.start), &tokens[0], initials.first().copied())
            && e.canonical_name.as_deref() != Some(f.canonical_name.as_str())
        {
            e.canonical_id = f.canonical_id.clone();
            e.canonical_name = Some(f.canonical_name.clone());
            add_labeler(e);
        }
    }
    // A place the knowledge base knows that is also the surname of a person named in full
    // before ("Lloyd Austin" ... "Austin added"), standing where a person does: before a
    // reporting verb or after a title.
    if has_fulls {
        for e in entities
            .iter_mut()
            .filter(|e| matches!(e.label, EntityType::Gpe | EntityType::Loc))
        {
            let sentence = &doc.sentences()[e.sentence];
            let (s, ws) = (sentence.text(), sentence.words());
            // Words are in order: found by bisection (a sentence can list thousands of places).
            let wi = ws.partition_point(|w| w.start < e.start);
            if ws
                .get(wi)
                .is_none_or(|w| w.start != e.start || w.end != e.end)
            {
                continue;
            }
            let token = &s[e.start..e.end];
            let before_cue = ws.get(wi + 1).is_some_and(|n| {
                s[e.end..n.start].trim().is_empty()
                    && lx.reporting_verbs.contains(&fold_str(n.text(s)))
            });
            let after_title = wi
                .checked_sub(1)
                .is_some_and(|p| lx.title_words.contains(&fold_str(ws[p].text(s))));
            if !(before_cue || after_title) || !is_capitalised(token) {
                continue;
            }
            if let Some(f) = antecedents.find((e.sentence, e.start), token, None)
                && f.pos < (e.sentence, e.start)
                && f.last_folded == Some(fold_str(token))
            {
                e.label = EntityType::Person;
                e.canonical_id = f.canonical_id.clone();
                e.canonical_name = Some(f.canonical_name.clone());
                add_labeler(e);
            }
        }
    }
    // Unlabelled short mentions of a full name. A middle name or a one-word name that the
    // article also writes in lower case is a word ("Pusat Gempa Bumi" taken for a person
    // must not make every "Gempa" one): the article's lower-case words, gathered once, only
    // when such a mention comes up.
    let lower_cell: std::cell::OnceCell<HashSet<String>> = std::cell::OnceCell::new();
    let lower_words = || lower_cell.get_or_init(|| lower_case_words(&article.text));
    // A middle name: neither the first nor the last of the full name (`folded`: the form).
    let is_middle = |f: &Full, folded: &str| {
        folded != f.first_folded && Some(folded) != f.last_folded.as_deref()
    };
    let mut added: Vec<Entity> = Vec::new();
    if has_fulls {
        let taken_spans = TakenSpans::new(entities);
        for (si, sentence) in doc.sentences().iter().enumerate() {
            let s = sentence.text();
            // Mentions added in this sentence so far.
            let mut added_here = SpanSet::default();
            let words = sentence.words();
            // A headline in title case capitalises its verbs ("Sunak Says Britain Will ..."):
            // a capitalised word after a name there is no sign of another name.
            // (A list of names, "Hilmansyah Putra; Arfan Daeng Nai, ...", is no headline.)
            let title_case = !s.contains([',', ';'])
                && words.iter().filter(|w| is_capitalised(w.text(s))).count() * 10
                    >= words.len() * 7;
            for (wi, w) in words.iter().enumerate() {
                let t = w.text(s);
                let arabic = is_arabic(t.chars().next().unwrap_or(' '));
                let (start, token) = match t.strip_prefix('و') {
                    Some(rest) if arabic && !full_tokens.contains(t) => {
                        (w.start + 'و'.len_utf8(), rest)
                    }
                    _ => (w.start, t),
                };
                if token.chars().count() < 2 || (!arabic && !is_capitalised(token)) {
                    continue;
                }
                if arabic && token.chars().count() < 3 {
                    continue;
                }
                let mut end = w.end;
                let taken = taken_spans.overlaps(si, start, end) || added_here.overlaps(start, end);
                if taken || lx.is_stopword(Lexicon::langs(&article.lang), token) {
                    continue;
                }
                // An abbreviated title ("Sen. Mitch McConnell" after "Amrita Sen").
                if s[w.end..].starts_with('.') && lx.abbreviated_titles.contains(&fold_str(token)) {
                    continue;
                }
                // A middle name inside the whole name written out (a headline's "Pham Minh
                // Chinh", left unlabelled) is no mention of its own.
                let folded = fold_str(token);
                let inside_whole = |f: &Full| {
                    is_middle(f, &folded)
                        && (wi > 0 && fold_str(words[wi - 1].text(s)) == f.first_folded
                            || words
                                .get(wi + 1)
                                .is_some_and(|n| Some(fold_str(n.text(s))) == f.last_folded))
                };
                // A word of another name written whole ("I Made Subagia Wiratmaja" after "Made
                // Kertha Wijaya", "محمد آدم النور" after "عبدالرحمن النور"): a name word right
                // after it that the full name does not go on with, or (Arabic) a given name
                // right before it.
                let joined = |k: usize| s[words[k - 1].end..words[k].start].trim().is_empty();
                let in_other_name = |f: &Full| {
                    let next_is_name = words.get(wi + 1).is_some_and(|n| {
                        let next = n.text(s);
                        joined(wi + 1)
                            && !arabic
                            && !title_case
                            && is_capitalised(next)
                            && next.chars().count() >= 2
                            && f.rest_folded.first() != Some(&fold_str(next))
                            && Some(fold_str(next)) != f.last_folded
                            && !taken_spans.overlaps(si, n.start, n.end)
                    });
                    let given_before = arabic
                        && wi > 0
                        && joined(wi)
                        && !AR_COMPOUND.contains(&words[wi - 1].text(s))
                        && lx.given_names.contains(&fold_str(words[wi - 1].text(s)))
                        && fold_str(words[wi - 1].text(s)) != f.first_folded;
                    next_is_name || given_before
                };
                if let Some(f) = antecedents.find((si, start), token, None)
                    && !((f.rest_folded.is_empty() || is_middle(&f, &folded))
                        && lower_words().contains(&token.to_lowercase()))
                    && !inside_whole(&f)
                    && !in_other_name(&f)
                {
                    // A given name followed by the rest of the full name: the span covers
                    // what of it is written.
                    if f.given_name_alone && fold_str(token) == f.first_folded {
                        for (k, rest) in (wi + 1..words.len()).zip(&f.rest_folded) {
                            let next = words[k];
                            if !s[end..next.start].trim().is_empty()
                                || fold_str(next.text(s)) != *rest
                                || taken_spans.overlaps(si, next.start, next.end)
                            {
                                break;
                            }
                            end = next.end;
                        }
                    }
                    // An Arabic surname with its link ("عبد الغفار", "أبو ردينة", "بن
                    // سلمان"): the span covers the link written before it.
                    let start = match wi.checked_sub(1).map(|k| words[k]) {
                        Some(p)
                            if arabic
                                && AR_COMPOUND.contains(&p.text(s))
                                && s[p.end..w.start].trim().is_empty()
                                && !taken_spans.overlaps(si, p.start, p.end) =>
                        {
                            p.start
                        }
                        _ => start,
                    };
                    added_here.push(start, end);
                    added.push(Entity {
                        sentence: si,
                        start,
                        end,
                        label: EntityType::Person,
                        canonical_id: f.canonical_id.clone(),
                        canonical_name: Some(f.canonical_name.clone()),
                        labelers: vec![NAME.to_string()],
                        confidence: 0.6,
                    });
                }
            }
        }
    }
    entities.extend(added);
    entities.sort_by_key(|e| (e.sentence, e.start));
    acronyms(doc, entities);
    entities.sort_by_key(|e| (e.sentence, e.start));
    lists_of_people(doc, entities, lx);
    entities.sort_by_key(|e| (e.sentence, e.start));
}

/// In a list of names joined by commas and "and"/"dan"/"و" ("Erdogan, Ilham Aliyev and Sadyr
/// Japarov"), a capitalised two- or three-word item beside a person is a person too.
fn lists_of_people(doc: &Doc, entities: &mut Vec<Entity>, lx: &Lexicon) {
    let article = doc.article;
    let mut added = Vec::new();
    let taken_spans = TakenSpans::new(entities);
    let persons: HashSet<(usize, usize, usize)> = entities
        .iter()
        .filter(|e| e.label == EntityType::Person)
        .map(|e| (e.sentence, e.start, e.end))
        .collect();
    for (si, sentence) in doc.sentences().iter().enumerate() {
        let s = sentence.text();
        let ws = sentence.words();
        // People added in this sentence so far.
        let mut added_here = SpanSet::default();
        // Items: runs of capitalised words separated by a comma or a conjunction.
        let mut items: Vec<(usize, usize)> = Vec::new(); // word index ranges
        let mut i = 0;
        while i < ws.len() {
            if !is_capitalised(ws[i].text(s)) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < ws.len()
                && is_capitalised(ws[j].text(s))
                && s[ws[j - 1].end..ws[j].start].trim().is_empty()
            {
                j += 1;
            }
            items.push((i, j));
            i = j;
        }
        // What separates two items, and the word in it past its punctuation.
        let between = |a: &(usize, usize), b: &(usize, usize)| {
            let gap = s[ws[a.1 - 1].end..ws[b.0].start].trim();
            (gap, gap.trim_start_matches([',', '،', ';']).trim())
        };
        let sep = |a: &(usize, usize), b: &(usize, usize)| {
            // A comma (a semicolon between the lines of a line-up), a conjunction, or both.
            let (gap, word) = between(a, b);
            (gap != word && word.is_empty()) || lx.conjs.contains(word)
        };
        let person_at =
            |a: &(usize, usize)| persons.contains(&(si, ws[a.0].start, ws[a.1 - 1].end));
        let by_conj = |a: &(usize, usize), b: &(usize, usize)| {
            let (gap, word) = between(a, b);
            gap.starts_with(';') || lx.conjs.contains(word)
        };
        // A list has a conjunction or a semicolon (a team's line-up) somewhere along its chain
        // of items, or two people already: else a comma between two names is an apposition
        // ("Bendesa Adat Kuta, I Wayan Gede Parwata,"), and a role or a place is no person.
        let in_list = |k: usize| {
            let mut a = k;
            while a > 0 && sep(&items[a - 1], &items[a]) {
                a -= 1;
            }
            let mut b = k;
            while b + 1 < items.len() && sep(&items[b], &items[b + 1]) {
                b += 1;
            }
            (a..b).any(|x| by_conj(&items[x], &items[x + 1]))
                || (a..=b).filter(|&x| person_at(&items[x])).count() >= 2
        };
        for k in 0..items.len() {
            let item = items[k];
            let n = item.1 - item.0;
            if !(2..=3).contains(&n) || person_at(&item) {
                continue;
            }
            let beside = (k > 0 && sep(&items[k - 1], &item) && person_at(&items[k - 1]))
                || (k + 1 < items.len() && sep(&item, &items[k + 1]) && person_at(&items[k + 1]));
            let (start, end) = (ws[item.0].start, ws[item.1 - 1].end);
            let first = ws[item.0].text(s);
            let free = !taken_spans.overlaps(si, start, end) && !added_here.overlaps(start, end);
            if beside && free && in_list(k) && !lx.is_stopword(Lexicon::langs(&article.lang), first)
            {
                let text = s[start..end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                added_here.push(start, end);
                added.push(Entity {
                    sentence: si,
                    start,
                    end,
                    label: EntityType::Person,
                    canonical_id: None,
                    canonical_name: Some(text),
                    labelers: vec![NAME.to_string()],
                    confidence: 0.5,
                });
            }
        }
    }
    entities.extend(added);
}

/// An acronym given in parentheses after a name ("Badan Pusat Statistik (BPS)", "(Global
/// Development Initiative/GDI)") names the same thing wherever it stands in the article.
fn acronyms(doc: &Doc, entities: &mut Vec<Entity>) {
    let article = doc.article;
    // The first definition of each acronym.
    let mut defined: HashMap<String, Entity> = HashMap::new();
    for e in entities
        .iter()
        .filter(|e| !matches!(e.label, EntityType::Person | EntityType::Date))
    {
        let s = article.sentence_text(&article.sentences[e.sentence]);
        // "CHICAGO (AP) —": after the dateline's place the brackets hold the outlet.
        if e.start == 0
            && article
                .dateline
                .as_deref()
                .is_some_and(|place| place == &s[e.start..e.end])
        {
            continue;
        }
        let after = s[e.end..].trim_start();
        let inner = after
            .strip_prefix('(')
            .or_else(|| after.strip_prefix('/'))
            .map(str::trim_start);
        let Some(inner) = inner else { continue };
        let acronym: String = inner
            .chars()
            .take_while(|c| chars::is_alphanumeric(*c) || *c == '&' || *c == '-')
            .collect();
        let rest = inner[acronym.len()..].trim_start();
        let letters = acronym.chars().filter(|c| chars::is_alphabetic(*c)).count();
        let capitals = acronym
            .chars()
            .filter(|c| chars::is_alphabetic(*c))
            .all(char::is_uppercase);
        // Or an abbreviation by the starts of the name's words ("Badan Pangan Nasional
        // (Bapanas)").
        if letters >= 2
            && (capitals || abbreviates(&acronym, &s[e.start..e.end]))
            && rest.starts_with(')')
        {
            defined.entry(acronym).or_insert_with(|| e.clone());
        }
    }
    if defined.is_empty() {
        return;
    }
    let taken_spans = TakenSpans::new(entities);
    let mut added = Vec::new();
    for (si, sentence) in doc.sentences().iter().enumerate() {
        let s = sentence.text();
        let mut added_here = SpanSet::default();
        for w in sentence.words() {
            let Some(def) = defined.get(w.text(s)) else {
                continue;
            };
            let taken =
                taken_spans.overlaps(si, w.start, w.end) || added_here.overlaps(w.start, w.end);
            if !taken {
                added_here.push(w.start, w.end);
                added.push(Entity {
                    sentence: si,
                    start: w.start,
                    end: w.end,
                    label: def.label,
                    canonical_id: def.canonical_id.clone(),
                    canonical_name: def.canonical_name.clone(),
                    labelers: vec![NAME.to_string()],
                    confidence: 0.6,
                });
            }
        }
    }
    entities.extend(added);
}

#[cfg(test)]
mod tests {
    use super::{Antecedents, Full, fold_str};
    use crate::entities::tests::{article, entities};
    use records::EntityType;

    fn full(k: usize, first: &str, last: &str, family_first: bool) -> Full {
        Full {
            pos: (k, 0),
            first: first.to_string(),
            last: last.to_string(),
            first_folded: fold_str(first),
            last_folded: Some(fold_str(last)),
            family_first,
            // Some names of each kind, for the index to be checked on both.
            given_name_alone: !family_first && first.starts_with('A'),
            rest_folded: vec![fold_str(last)],
            // A middle name for some, for the index to be checked on it too.
            middle_folded: if k.is_multiple_of(3) {
                vec![fold_str("Amran")]
            } else {
                vec![]
            },
            canonical_id: None,
            canonical_name: format!("{first} {last}"),
        }
    }

    #[test]
    fn the_index_finds_every_name_a_comparison_with_all_finds() {
        let long = "Wolfeschlegelsteinhausenbergerdorffvoralternwaren";
        let names = [
            ("Aykhan", "Hajizade", false),
            ("Aykhan", "Hajizadeh", false),
            ("Leyla", "Abdullayeva", false),
            ("Xi", "Jinping", false),
            ("Xi", "Jinping", true),
            ("Joko", "Widodo", false),
            ("Hubert", long, false),
            ("Hubert", &long[1..], false),
            ("محمد", "الحسيني", false),
            ("Émile", "Zolà", false),
            ("Ana", "Bo", false),
        ];
        // Enough full names for the index to be used.
        let fulls: Vec<Full> = names
            .iter()
            .cycle()
            .take(4 * names.len())
            .enumerate()
            .map(|(k, &(f, l, ff))| full(k, f, l, ff))
            .collect();
        assert!(fulls.len() > super::MAX_SCANNED_FULLS);
        let all: Vec<usize> = (0..fulls.len()).collect();
        let index = Antecedents::new(fulls);
        let forms = [
            "Hajizade",
            "Hajizadeh",
            "Hajizad",
            "Hajizadeha",
            "Xajizade",
            "Abdullayev",
            "Abdullayeva",
            "Xi",
            "Jinping",
            "Widodo",
            "Widoda",
            "Widod",
            "Bo",
            "Boo",
            "Zola",
            "Zolà",
            "الحسيني",
            "الحسين",
            long,
            &long[1..],
            &long[2..],
            "Jinpin",
            "Nobody",
            "Aykhan",
            "Ana",
            "Joko",
            "Amran",
        ];
        let mut matched = 0;
        for form in forms {
            let folded = fold_str(form);
            for initial in [None, Some('A'), Some('X')] {
                let by_index = index.matching_fulls(index.candidates(&folded), &folded, initial);
                let by_all = index.matching_fulls(all.clone(), &folded, initial);
                assert_eq!(by_index, by_all, "{form} {initial:?}");
                matched += by_all.len();
            }
        }
        assert!(matched > 20, "the forms match names ({matched})");
    }

    #[test]
    fn a_person_named_as_the_end_of_a_place_is_the_place() {
        let a = article(
            "id",
            "Banjir rob merendam Kelurahan Tanjung Mas, Semarang Utara.\nLurah Tanjung Mas, Heru Prasetyo Utomo, menyebut 1.250 keluarga terdampak.",
        );
        let got = entities(&a);
        let tanjung: Vec<_> = got.iter().filter(|e| e.0 == "Tanjung Mas").collect();
        assert!(!tanjung.is_empty(), "{got:?}");
        assert!(tanjung.iter().all(|e| e.1 == EntityType::Gpe), "{got:?}");
        assert!(
            got.iter()
                .any(|e| e.0 == "Heru Prasetyo Utomo" && e.1 == EntityType::Person),
            "{got:?}"
        );
    }

    #[test]
    fn english_surnames_initials_and_spelling_variants() {
        let a = article(
            "en",
            "Foreign Minister Jeyhun Bayramov met spokesperson Leyla Abdullayeva.\nBayramov said ties grew, L. Abdullayeva noted, and Abdullayev added more.",
        );
        let got = entities(&a);
        let canon = |t: &str| {
            got.iter()
                .find(|e| e.0 == t)
                .and_then(|e| e.2.clone())
                .unwrap_or_default()
        };
        assert_eq!(canon("Bayramov"), "Jeyhun Bayramov");
        assert_eq!(canon("L. Abdullayeva"), "Leyla Abdullayeva");
        assert_eq!(canon("Abdullayev"), "Leyla Abdullayeva");
        let added = got.iter().find(|e| e.0 == "Abdullayev").unwrap();
        assert_eq!(added.3, vec!["coref/12"]);
    }

    #[test]
    fn a_family_name_used_alone_finds_the_full_name_no_rule_found_and_links_to_it() {
        let a = article(
            "en",
            "Abela's lawyer, Adrian Sammut Borg, argued that his client acted in the heat of the moment.\n\"He made a mistake,\" Sammut Borg said.\nAroha Te Whare woke at 3am to the sound of water.\nTe Whare, who has lived there for 11 years, says she has never seen the river rise so fast.\nHer neighbour, retired dairy farmer Graham Nesbitt, 78, was rescued from his roof.\n\"I thought I knew this river,\" Nesbitt says.\nInspectors Roderick Spiteri and Joanne Farrugia prosecuted.\nSpiteri told the court the man was arrested.\nTreasurer Daniel Ashworth spoke first.\nAshworth said the budget was tight.",
        );
        let got = entities(&a);
        let canon = |t: &str| {
            got.iter()
                .filter(|e| e.0 == t)
                .map(|e| (e.1, e.2.clone().unwrap_or_default()))
                .collect::<Vec<_>>()
        };
        let person = |name: &str| vec![(EntityType::Person, name.to_string())];
        assert_eq!(canon("Adrian Sammut Borg"), person("Adrian Sammut Borg"));
        assert_eq!(canon("Sammut Borg"), person("Adrian Sammut Borg"));
        assert_eq!(canon("Aroha Te Whare"), person("Aroha Te Whare"));
        assert_eq!(canon("Te Whare"), person("Aroha Te Whare"));
        assert_eq!(canon("Graham Nesbitt"), person("Graham Nesbitt"));
        assert_eq!(canon("Nesbitt"), person("Graham Nesbitt"));
        // Not a title's plural, nor a title before a given name.
        assert_eq!(canon("Roderick Spiteri"), person("Roderick Spiteri"));
        assert_eq!(canon("Spiteri"), person("Roderick Spiteri"));
        assert_eq!(canon("Daniel Ashworth"), person("Daniel Ashworth"));
        assert_eq!(canon("Ashworth"), person("Daniel Ashworth"));
    }

    #[test]
    fn the_last_words_of_an_arabic_name_are_no_mention_of_it() {
        // "محمد طاهر" may be the father of "حسن محمد طاهر": another man.
        let a = article(
            "ar",
            "وقال الناظر حسن محمد طاهر إن القبائل متفقة.\nوقال الشيخ محمد طاهر إن الحوار مستمر.",
        );
        let got = entities(&a);
        let short: Vec<_> = got.iter().filter(|e| e.0 == "محمد طاهر").collect();
        assert!(!short.is_empty(), "{got:?}");
        assert!(
            short.iter().all(|e| e.2.as_deref() == Some("محمد طاهر")),
            "{got:?}"
        );
    }

    #[test]
    fn people_listed_beside_people() {
        let a = article(
            "en",
            "Leaders including Ilham Aliyev, Sadyr Japarov and Emomali Rahmon met, as did Kenya and Peru.",
        );
        let got = entities(&a);
        let persons: Vec<&str> = got
            .iter()
            .filter(|e| e.1 == EntityType::Person)
            .map(|e| e.0.as_str())
            .collect();
        assert_eq!(
            persons,
            vec!["Ilham Aliyev", "Sadyr Japarov", "Emomali Rahmon"]
        );
        let persons = |lang: &str, text: &str| -> Vec<String> {
            entities(&article(lang, text))
                .into_iter()
                .filter(|e| e.1 == EntityType::Person)
                .map(|e| e.0)
                .collect()
        };
        // A role before a name between commas is no item of a list.
        assert_eq!(
            persons(
                "id",
                "Di Pasaman Barat, Wali Nagari Kinali, Hendra Sutan Marajo, berharap konflik selesai."
            ),
            vec!["Hendra Sutan Marajo"]
        );
        // A line-up is a list without a conjunction, its lines separated by semicolons.
        assert_eq!(
            persons(
                "id",
                "Persija: Andri Tanuwijaya; Dony Tri Utomo, Rizky Ridwan Saputra; Muhammad Fadli Ramadhan, Syahril Abimanyu; Ryo Matsuda."
            ),
            vec![
                "Dony Tri Utomo",
                "Rizky Ridwan Saputra",
                "Muhammad Fadli Ramadhan",
                "Syahril Abimanyu",
            ]
        );
    }

    #[test]
    fn acronyms_defined_in_parentheses() {
        let a = article(
            "id",
            "Menurut Badan Riset dan Inovasi Nasional (BRIN), ekspor naik.\nData BRIN juga menunjukkan impor turun.",
        );
        let got = entities(&a);
        let bps: Vec<_> = got.iter().filter(|e| e.0 == "BRIN").collect();
        assert_eq!(bps.len(), 2, "{got:?}");
        assert!(bps.iter().all(|e| e.1 == EntityType::Org
            && e.2.as_deref() == Some("Badan Riset dan Inovasi Nasional")
            && e.3 == vec!["coref/12"]));
        // The outlet after a dateline's place is no acronym of the place.
        let mut a = article(
            "en",
            "Storms hit the Midwest\nCHICAGO (AP) — Storms swept across Chicago on Tuesday.",
        );
        a.dateline = Some("CHICAGO".into());
        let got = entities(&a);
        assert!(got.iter().all(|e| e.0 != "AP"), "{got:?}");
    }

    #[test]
    fn indonesian_given_names_stand_for_the_person() {
        let a = article(
            "id",
            "Menteri Luar Negeri Retno Marsudi tiba di Jenewa.\nMenurut Retno, situasi memburuk.\nHal itu disampaikan Marsudi.",
        );
        let got = entities(&a);
        let retno: Vec<_> = got
            .iter()
            .filter(|e| e.0 == "Retno" || e.0 == "Marsudi")
            .collect();
        assert_eq!(retno.len(), 2, "{got:?}");
        assert!(
            retno
                .iter()
                .all(|e| e.1 == EntityType::Person && e.2.as_deref() == Some("Retno Marsudi"))
        );
        // A given name with the rest of the name after it: one mention.
        let c = article(
            "id",
            "Menteri Keuangan Sri Mulyani Indrawati hadir.\nHal itu disampaikan Sri Mulyani di Jakarta.",
        );
        let got = entities(&c);
        assert!(
            got.iter()
                .any(|e| e.0 == "Sri Mulyani" && e.2.as_deref() == Some("Sri Mulyani Indrawati")),
            "{got:?}"
        );
        assert!(!got.iter().any(|e| e.0 == "Sri"), "{got:?}");
        // A one-word name (Indonesian news names many people so) is the same person later.
        let m = article(
            "id",
            "Menteri Sekretaris Negara Pratikno hadir.\nMenurut Pratikno, situasi membaik.",
        );
        let got = entities(&m);
        assert_eq!(
            got.iter()
                .filter(|e| e.0 == "Pratikno" && e.1 == EntityType::Person)
                .count(),
            2,
            "{got:?}"
        );
        // A middle name stands for the person too.
        let m = article(
            "en",
            "Agriculture Minister Andi Amran Sulaiman spoke.\nAmran told reporters the harvest was good.",
        );
        let got = entities(&m);
        assert!(
            got.iter()
                .any(|e| e.0 == "Amran" && e.2.as_deref() == Some("Andi Amran Sulaiman")),
            "{got:?}"
        );
        // A middle name the article also writes in lower case is a word, and one inside the
        // whole name written out is no mention of its own.
        let w = article(
            "id",
            "Kepala Pusat Gempa Bumi Bambang hadir.\nGempa terjadi pagi tadi dan gempa susulan menyusul.",
        );
        let got = entities(&w);
        assert!(!got.iter().any(|e| e.0 == "Gempa"), "{got:?}");
        let h = article(
            "en",
            "Prime Minister Pham Minh Chinh arrived.\nXi Meets Pham Minh Chinh In Beijing",
        );
        let got = entities(&h);
        assert!(!got.iter().any(|e| e.0 == "Minh"), "{got:?}");
        // In English news too, for Indonesian and Malay given names ("Budi said" in the Jakarta
        // Post), but not for others, whose later mention is the family name.
        for (text, given, full) in [
            (
                "Foreign Minister Retno Marsudi arrived in Geneva.\nRetno said the situation was worse.",
                "Retno",
                "Retno Marsudi",
            ),
            (
                "Economy Minister Rafizi Ramli spoke in Putrajaya.\nRafizi said subsidies would be cut.",
                "Rafizi",
                "Rafizi Ramli",
            ),
        ] {
            let got = entities(&article("en", text));
            assert!(
                got.iter()
                    .any(|e| e.0 == given && e.2.as_deref() == Some(full)),
                "{got:?}"
            );
        }
        let d = article(
            "en",
            "Foreign Secretary David Lammy arrived in Geneva.\nDavid said the situation was worse.",
        );
        assert!(!entities(&d).iter().any(|e| e.0 == "David"));
    }

    #[test]
    fn chinese_family_names_and_arabic() {
        let a = article(
            "en",
            "Premier Li Qiang met the delegation.\nLi stressed cooperation with Indonesia.",
        );
        let got = entities(&a);
        let li = got.iter().find(|e| e.0 == "Li").unwrap();
        assert_eq!(li.2.as_deref(), Some("Li Qiang"));
        assert_eq!(li.1, EntityType::Person);

        let b = article(
            "ar",
            "استقبل الرئيس الكيني، وليام روتو، الوفد.\nوقال روتو إن العلاقات قوية، وأكد شي جين بينج ذلك وشكر شي روتو.",
        );
        let got = entities(&b);
        let ruto: Vec<_> = got.iter().filter(|e| e.0 == "روتو").collect();
        assert_eq!(ruto.len(), 2, "{got:?}");
        assert!(ruto.iter().all(|e| e.2.as_deref() == Some("وليام روتو")));
        let xi = got.iter().find(|e| e.0 == "شي").unwrap();
        assert_eq!(xi.2.as_deref(), Some("Xi Jinping"));

        // An Arabic surname with its link ("عبد الغفار").
        let c = article(
            "ar",
            "أكد الدكتور خالد عبد الغفار، وزير الصحة، أن الخدمات زادت.\nوأشار عبد الغفار إلى أن الدولة تهتم بالصحة.",
        );
        let got = entities(&c);
        let short = got
            .iter()
            .find(|e| e.0 == "عبد الغفار")
            .expect("the surname");
        assert_eq!(short.2.as_deref(), Some("خالد عبد الغفار"));
    }

    #[test]
    fn a_word_of_another_name_is_no_short_mention() {
        // "Mohd" in "Mohd Faizal Abdul Rahman" is not "Nur Aisyah Mohd Salleh"; "Salleh"
        // alone still is.
        let a = article(
            "en",
            "Deputy public prosecutor Nur Aisyah Mohd Salleh urged a deterrent sentence.\nThe \
             court sentenced Mohd Faizal, 41, on Thursday. Salleh welcomed the ruling.",
        );
        let got = entities(&a);
        assert!(!got.iter().any(|e| e.0 == "Mohd"), "{got:?}");
        let salleh = got.iter().find(|e| e.0 == "Salleh").expect("the surname");
        assert_eq!(salleh.2.as_deref(), Some("Nur Aisyah Mohd Salleh"));
        // An Arabic family name after another given name is another person's.
        let b = article(
            "ar",
            "وقال الدكتور عبدالرحمن النور إن القافلة وصلت.\nوقال المهندس محمد آدم النور إن الطريق آمن.",
        );
        let got = entities(&b);
        assert!(
            !got.iter()
                .any(|e| e.0 == "النور" && e.2.as_deref() == Some("عبدالرحمن النور")),
            "{got:?}"
        );
        // A headline in title case capitalises the verb after the name.
        let c = article(
            "en",
            "Sunak Says Britain Will Stand By Ukraine\nPrime Minister Rishi Sunak spoke in London.",
        );
        let got = entities(&c);
        assert!(
            got.iter()
                .any(|e| e.0 == "Sunak" && e.2.as_deref() == Some("Rishi Sunak")),
            "{got:?}"
        );
    }

    #[test]
    fn a_place_that_is_a_surname_stands_for_the_person_where_a_person_does() {
        let a = article(
            "en",
            "Defense Secretary Lloyd Austin met his counterpart.\nAustin added that the talks were useful.\nMr. Austin said so.\nHe flew to Austin later.",
        );
        let got: Vec<(String, EntityType, Option<String>)> = entities(&a)
            .into_iter()
            .filter(|e| e.0 == "Austin")
            .map(|e| (e.0, e.1, e.2))
            .collect();
        let person = (EntityType::Person, Some("Lloyd Austin".to_string()));
        let city = (EntityType::Gpe, Some("Austin".to_string()));
        let kinds: Vec<(EntityType, Option<String>)> =
            got.into_iter().map(|(_, l, c)| (l, c)).collect();
        assert_eq!(kinds, vec![person.clone(), person, city]);
    }

    #[test]
    fn abbreviations_defined_in_brackets_by_the_starts_of_words() {
        let a = article(
            "id",
            "Badan Pangan Nasional (Bapanas) menggelar operasi pasar.\nMenurut Bapanas, stok cukup.",
        );
        let got = entities(&a);
        let short: Vec<_> = got.iter().filter(|e| e.0 == "Bapanas").collect();
        assert_eq!(short.len(), 2, "{got:?}");
        assert!(
            short
                .iter()
                .all(|e| e.2.as_deref() == Some("Badan Pangan Nasional"))
        );
    }

    #[test]
    fn a_full_name_with_a_middle_initial() {
        let a = article(
            "en",
            "Judge John A. Ross wrote the order.\nJudge Ross said the stay was warranted.",
        );
        let got = entities(&a);
        let short = got.iter().find(|e| e.0 == "Ross").expect("the surname");
        assert_eq!(short.2.as_deref(), Some("John A. Ross"));
    }

    #[test]
    fn a_name_with_bin_is_called_by_its_given_name() {
        let a = article(
            "en",
            "President Sheikh Mohamed bin Zayed received Mr Modi.\nSheikh Mohamed said ties were strong.",
        );
        let got = entities(&a);
        let short = got
            .iter()
            .find(|e| e.0 == "Mohamed")
            .expect("the given name");
        assert_eq!(short.2.as_deref(), Some("Mohamed bin Zayed Al Nahyan"));
    }

    #[test]
    fn a_family_name_that_is_a_title_has_no_short_form() {
        let a = article(
            "ar",
            "وأكد السيد فهد السيد أن الاجتماع ناجح. وقال السيد الوزير إن الحكومة ستتدخل.",
        );
        let got = entities(&a);
        assert!(
            got.iter()
                .filter(|e| e.1 == EntityType::Person)
                .all(|e| e.0 == "فهد السيد"),
            "{got:?}"
        );
    }
}
