//! Telling the article's own prose from what is not. Each line of the raw text is classified
//! by general signals and the per-language labels of `datasets/parse/boilerplate.tsv`:
//!
//! * `timestamp`: a line made only of dates, times, weekday/month/time-zone words and labels
//!   like "Published:" ("2021-06-04 08:40", "4 July 2024 09:00 (UTC+04:00)");
//! * `dateline`: a line that is only a place, a date and an outlet ("Baku, 12 September 2023,
//!   14:35 (AZERTAC)"); a dateline that opens the first paragraph stays in its sentence;
//! * `share_counter`: counter words with numbers ("SHARE: READ: 617  22:53  02 June 2021");
//! * `credits`, `copyright`, `navigation`: short lines led by (or, for copyright, holding) a label;
//! * `duplicate_title`: a later line repeating the title;
//! * `teasers`: after the body, a run of headline/summary pairs of other stories.
//!
//! The title is the first prose line when it reads as a headline (no final punctuation, short)
//! and body prose follows it.

use crate::chars;
use crate::dates::{find_dates, find_times};
use crate::lines::Line;
use crate::rules::{BOILERPLATE_LABELS, MONTH_NAMES};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Blank,
    Prose,
    Zone(&'static str),
}

/// The outcome of classifying the lines of one article.
#[derive(Debug, Clone)]
pub struct Layout {
    pub kinds: Vec<Kind>,
    /// Index of the title line, when the article has one.
    pub title: Option<usize>,
}

/// Final sentence punctuation in the scripts we meet (Latin, Arabic, CJK, Devanagari).
pub fn ends_with_final_punct(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '›')
    });
    t.ends_with(['.', '!', '?', '…', '؟', '。', '！', '？', '।', '۔'])
}

/// A line that reads as a headline: no final punctuation, not too long.
pub fn is_headline_like(s: &str) -> bool {
    !ends_with_final_punct(s)
        && s.chars().count() <= 250
        && s.split_whitespace().count() <= 30
        && s.chars().any(chars::is_alphabetic)
}

fn lower_starts_with_label<'a>(lower: &str, labels: &'a [String]) -> Option<&'a String> {
    labels.iter().find(|l| lower.starts_with(l.as_str()))
}

/// Words of a line (letters, marks and digits), lowercased.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(chars::is_alphanumeric(c) || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Blanks out dates and times; returns the rest and whether any date or time was found.
fn without_dates_and_times(s: &str) -> (String, bool, bool) {
    let mut spans: Vec<(usize, usize)> = find_dates(s).iter().map(|d| (d.start, d.end)).collect();
    let has_date = !spans.is_empty();
    let times = find_times(s);
    let has_time = !times.is_empty();
    spans.extend(times);
    let mut out = s.to_string();
    // A time may lie inside a date ("02.01.2024" holds "02.01"): overlapping spans are
    // merged, or replacing one would shift the other onto the wrong bytes.
    spans.sort();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    for (a, b) in merged.into_iter().rev() {
        if a < b && b <= out.len() && out.is_char_boundary(a) && out.is_char_boundary(b) {
            out.replace_range(a..b, " ");
        }
    }
    (out, has_date, has_time)
}

fn is_date_word(w: &str) -> bool {
    MONTH_NAMES.contains_key(w)
        || w.chars().all(chars::is_numeric)
        // A Hijri year ("1445هـ").
        || w.strip_suffix("هـ")
            .or_else(|| w.strip_suffix('ه'))
            .is_some_and(|y| !y.is_empty() && y.chars().all(chars::is_numeric))
        || w.trim_start_matches(|c: char| chars::is_alphabetic(c))
            .chars()
            .all(chars::is_numeric)
            && matches!(
                w.trim_end_matches(|c: char| chars::is_numeric(c)),
                "utc" | "gmt"
            )
}

/// "2021-06-04 08:40", "Published: 4 July 2024 09:00 (UTC+04:00)", "Senin, 5 Agustus 2019 10:00 WIB".
#[cfg(test)]
pub fn is_timestamp_line(s: &str) -> bool {
    is_timestamp(s, &mut Blanked::new())
}

/// "SHARE: READ: 617  22:53  02 June 2021", "Dibaca 1.234 kali".
#[cfg(test)]
pub fn is_counter_line(s: &str) -> bool {
    is_counter(s, &mut Blanked::new())
}

/// A line's lower case with its dates and times blanked out, made once for the timestamp and
/// counter tests (finding dates is most of their cost). Dates and times hold digits: a line
/// without a number has none, and neither test holds.
struct Blanked {
    numeric: Option<bool>,
    lower: Option<String>,
    blanked: Option<(String, bool, bool)>,
}

impl Blanked {
    fn new() -> Blanked {
        Blanked {
            numeric: None,
            lower: None,
            blanked: None,
        }
    }

    fn numeric(&mut self, s: &str) -> bool {
        *self
            .numeric
            .get_or_insert_with(|| s.chars().any(chars::is_numeric))
    }

    fn lower(&mut self, s: &str) -> &str {
        self.lower.get_or_insert_with(|| s.to_lowercase())
    }

    /// `without_dates_and_times` of the lower case.
    fn blanked(&mut self, s: &str) -> &(String, bool, bool) {
        if self.blanked.is_none() {
            let b = without_dates_and_times(self.lower(s));
            self.blanked = Some(b);
        }
        self.blanked.as_ref().expect("just made")
    }
}

fn is_timestamp(s: &str, b: &mut Blanked) -> bool {
    if s.chars().count() > 120 || !b.numeric(s) {
        return false;
    }
    let label = lower_starts_with_label(b.lower(s), &BOILERPLATE_LABELS.timestamp);
    // The writer's name or the place before a bar, a slash or a dot ("Burak Bir |02.01.2024 -
    // Update : 02.01.2024", "Jakarta / Fri, June 28, 2024 / 04:15 pm", Okezone's "Ari Sandita
    // Murti, Jurnalis · Rabu 13 Maret 2024 16:42 WIB"), or the outlet's web address before a
    // dash ("Pikiran-Rakyat.com - 6 Maret 2026, 13:05 WIB", "Kompas.com - 14/08/2024, 16:42
    // WIB": the address first, as a date's slashes are no bar).
    let byline = label
        .is_none()
        .then(|| {
            s.split_once(" - ")
                .filter(|(name, _)| name.contains('.') && !name.contains(' '))
                .or_else(|| s.split_once(['|', '/', '·', '•']))
        })
        .flatten()
        .filter(|(name, _)| {
            let ws: Vec<&str> = name.split_whitespace().collect();
            (1..=4).contains(&ws.len()) && ws.iter().all(|w| w.starts_with(char::is_uppercase))
        });
    let own;
    let (rest, has_date, has_time) = match (label, byline) {
        (Some(l), _) => {
            let rest = &b.lower(s)[l.len()..];
            // The place the story was filed from may close the stamp (The Hindu: "Published -
            // March 12, 2024 07:15 pm IST - NEW DELHI"): [`stamped_place`].
            let rest = stamped_place(s)
                .and_then(|p| rest.strip_suffix(p.to_lowercase().as_str()))
                .and_then(|r| r.strip_suffix(" - "))
                .unwrap_or(rest);
            // The outlet a label names before the date ("Published in Dawn, December 5th,
            // 2024"): "in" and capitalised words up to a comma (not "On Election Day,
            // November 5").
            let rest = s
                .get(l.len()..)
                .and_then(|r| r.split_once(','))
                .filter(|(name, _)| {
                    let ws: Vec<&str> = name.split_whitespace().collect();
                    (2..=5).contains(&ws.len())
                        && ws[0] == "in"
                        && ws.last().is_some_and(|w| {
                            w.starts_with(char::is_uppercase)
                                && !MONTH_NAMES.contains_key(&w.to_lowercase())
                        })
                        && ws.iter().all(|w| w.chars().all(chars::is_alphabetic))
                })
                .and_then(|(name, _)| rest.get(name.len() + 1..))
                .unwrap_or(rest);
            own = without_dates_and_times(rest);
            &own
        }
        (None, Some((_, after))) => {
            own = without_dates_and_times(&after.to_lowercase());
            &own
        }
        (None, None) => b.blanked(s),
    };
    if !has_date && !has_time {
        return is_relative_stamp(b.lower(s));
    }
    // Labels may stand between dates ("02.01.2024 - Update : 02.01.2024", "... | آخر تحديث:
    // ...").
    words(rest).iter().all(|w| {
        is_date_word(w)
            || BOILERPLATE_LABELS
                .timestamp
                .iter()
                .any(|l| l.split(' ').any(|lw| lw == w))
    })
}

/// Words that make a number and a unit of time a relative time stamp ("5 hours ago", "2 jam
/// yang lalu", "منذ 5 ساعات").
const RELATIVE_AGO: [&str; 3] = ["ago", "lalu", "منذ"];

/// A relative time stamp: a number, units of time and "ago", nothing else (`lower` is the
/// line in lower case).
fn is_relative_stamp(lower: &str) -> bool {
    let ws = words(lower);
    ws.len() <= 5
        && ws.iter().any(|w| RELATIVE_AGO.contains(&w.as_str()))
        && ws
            .iter()
            .filter(|w| w.chars().all(chars::is_numeric))
            .count()
            == 1
        && ws.iter().all(|w| {
            w.chars().all(chars::is_numeric) || BOILERPLATE_LABELS.timestamp.iter().any(|l| l == w)
        })
}

/// The place that closes a time stamp after a dash, in capitals (The Hindu: "Published - March
/// 12, 2024 07:15 pm IST - NEW DELHI"): where the story was filed from.
pub fn stamped_place(s: &str) -> Option<&str> {
    let (_, place) = s.trim_end().rsplit_once(" - ")?;
    crate::meta::place_line(place).map(|_| place)
}

/// The date of a timestamp that a credit line holds among its parts ("Penulis: Despian
/// Nurhidayat - Senin, 09 Maret 2026, 16:30 WIB", "By DAILY SABAH WITH AA | Published: Nov
/// 14, 2024 at 3:42 PM | Last Modified: ...").
pub fn credited_date(s: &str) -> Option<chrono::NaiveDate> {
    s.split(" | ")
        .flat_map(|part| part.split(" - "))
        .skip(1)
        .find(|part| is_timestamp(part.trim(), &mut Blanked::new()))
        .and_then(|part| find_dates(part).first().map(|f| f.date))
}

fn is_counter(s: &str, b: &mut Blanked) -> bool {
    if s.chars().count() > 150 || !b.numeric(s) {
        return false;
    }
    let ws = words(&b.blanked(s).0);
    let counters = ws
        .iter()
        .filter(|w| BOILERPLATE_LABELS.counter.contains(w.as_str()))
        .count();
    counters > 0
        && ws
            .iter()
            .all(|w| BOILERPLATE_LABELS.counter.contains(w.as_str()) || is_date_word(w))
}

/// A label followed by a separator (":", a dash), or a label ending in a space ("By ").
fn led_by_label(s: &str, labels: &[String], max_chars: usize) -> bool {
    if s.chars().count() > max_chars {
        return false;
    }
    let lower = s.to_lowercase();
    for l in labels {
        let Some(rest) = lower.strip_prefix(l.as_str()) else {
            continue;
        };
        // A name follows, not a number or a lower-case word ("By 2030, cut emissions ...",
        // "By the end of the year").
        let by = l.trim_end() == "by" || l.trim_end().ends_with(" by");
        if by
            && (s.get(l.len()..).unwrap_or(rest).trim_start().chars().next())
                .is_some_and(|c| c.is_lowercase() || c.is_numeric())
        {
            continue;
        }
        if l.ends_with(' ') {
            // "By Jane Doe", "Reporting by X; Editing by Y": a name list, not a sentence (of
            // a few words per credit: "Reporting by X in Singapore and Y in Houston; ...";
            // a bar may part it from a timestamp: "By X | Published: ...").
            if !ends_with_final_punct(s)
                && rest
                    .split([';', '|'])
                    .all(|credit| credit.split_whitespace().count() <= 12)
                && rest.split_whitespace().count() <= 30
            {
                return true;
            }
            continue;
        }
        // Labels joined in one credit ("Redaktur & Reporter : Fathan Sinaga").
        let rest = rest.trim_start();
        let rest = rest
            .strip_prefix(['&', '/', ','])
            .map(str::trim_start)
            .and_then(|r| {
                labels
                    .iter()
                    .find_map(|l2| r.strip_prefix(l2.as_str()).filter(|_| !l2.ends_with(' ')))
            })
            .map_or(rest, str::trim_start);
        // A hyphen that joins a word is a compound's ("Baca-tulis"), no label's.
        let compound =
            rest.starts_with('-') && rest[1..].starts_with(|c: char| chars::is_alphanumeric(c));
        if (rest.starts_with([':', '：', '-', '–', '—', '|']) && !compound)
            || (rest.is_empty() && s.len() < 40)
        {
            return true;
        }
    }
    false
}

pub fn is_credits_line(s: &str) -> bool {
    // In brackets too: "(Reporting by Florence Tan; Editing by Sonali Paul)"; and the wire
    // services' closing line ("Associated Press writer Lolita C. Baldor contributed to this
    // report.", "X contributed reporting from Washington."): the phrase anywhere in a short
    // line, which is lower-cased only when it has the word (most lines are not).
    let contributed = s.len() <= 240 && (s.contains("ontributed") || s.contains("ONTRIBUTED")) && {
        let lower = s.to_lowercase();
        let tail = lower.trim_end().trim_end_matches('.');
        [
            "contributed to this report",
            "contributed to this story",
            "contributed reporting",
        ]
        .iter()
        .any(|c| {
            // At the end, or with where from ("... from Washington"): a place, not a
            // clause ("Jane Doe, who contributed reporting from Gaza for a decade, was
            // killed.").
            tail.find(c).is_some_and(|at| {
                let rest = tail[at + c.len()..].trim();
                rest.is_empty()
                    || ((rest.starts_with("from ") || rest.starts_with("in "))
                        && rest.split_whitespace().count() <= 6
                        && !rest.contains(','))
            })
        })
    };
    // A dash may lead it ("— With input from SPA").
    let led = s.trim_start_matches(['\u{2014}', '\u{2013}', '-', ' ']);
    contributed
        || led_by_label(led, &BOILERPLATE_LABELS.credits, 120)
        || in_brackets(s).is_some_and(|t| led_by_label(t, &BOILERPLATE_LABELS.credits, 120))
        || is_editor_initials(s)
        || is_named_credit(s)
        || is_credit_pair(s)
        || is_reporter_in_brackets(s)
        || is_byline_with_role(s)
        // Short lines only: most lines are paragraphs, which are none of these.
        || (s.len() <= 240 && (is_desk_code(s) || is_photo_credit(s) || is_agency_signature(s)))
}

/// Credits side by side after a bar, each led by its label without a colon (Kompas:
/// "Penulis Kontributor Yogyakarta, Wijaya Kusuma | Editor Ardi Priyatno Utomo"): every part
/// a label and a capitalised word.
fn is_credit_pair(s: &str) -> bool {
    if s.len() > 120 || !s.contains(" | ") {
        return false;
    }
    let parts: Vec<&str> = s.split(" | ").map(str::trim).collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|part| {
            BOILERPLATE_LABELS.credits.iter().any(|label| {
                let label = label.trim();
                part.get(..label.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(label))
                    && part[label.len()..]
                        .strip_prefix(' ')
                        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
            })
        })
}

/// Names led by a `credits_named` label and a colon, perhaps several credits joined by a
/// slash (Republika: "Rep: Fauzan Hidayat/ Red: Muhammad Hafil", "Red: Ani Nursalikah"): each
/// credit one to four capitalised words of a name, so that a legend ("Red: areas of high
/// risk") or a title ("Red: The Untold Story") stays prose.
fn is_named_credit(s: &str) -> bool {
    let labels = &BOILERPLATE_LABELS.named_credits;
    if s.len() > 120
        || !labels
            .iter()
            .any(|l| s.get(..l.len()).is_some_and(|h| h.eq_ignore_ascii_case(l)))
    {
        return false;
    }
    s.split(['/', '|']).enumerate().all(|(k, part)| {
        let (label, name) = match part.split_once(':') {
            Some((label, name)) => (Some(label.trim()), name),
            None => (None, part),
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        // The first credit has its label; the others may (a second name for one label).
        label.map_or(k > 0, |l| labels.iter().any(|x| l.eq_ignore_ascii_case(x)))
            && (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && !matches!(*w, "The" | "A" | "An")
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | ','))
            })
    })
}

/// A desk's code in brackets closing an article (Media Indonesia: "(Z-10)").
fn is_desk_code(s: &str) -> bool {
    in_brackets(s).is_some_and(|t| {
        t.split_once('-').is_some_and(|(desk, n)| {
            (1..=3).contains(&desk.len())
                && desk.chars().all(|c| c.is_ascii_uppercase())
                && (1..=3).contains(&n.len())
                && n.chars().all(|c| c.is_ascii_digit())
        })
    })
}

/// An agency's name in brackets and its editors' initials, closing the article (Petra:
/// "--(بترا) ر ع/ س ص/ أ ز"): groups of one or two letters between slashes.
fn is_agency_signature(s: &str) -> bool {
    let s = s.trim_start_matches(['-', '–', '—', ' ']);
    let Some(rest) = s.strip_prefix('(').and_then(|r| r.split_once(')')) else {
        return false;
    };
    let (agency, initials) = rest;
    let groups: Vec<&str> = initials.split('/').map(str::trim).collect();
    agency.split_whitespace().count() <= 3
        && groups.len() >= 2
        && groups.iter().all(|g| {
            let letters: Vec<&str> = g.split_whitespace().collect();
            (1..=3).contains(&letters.len())
                && letters.iter().all(|l| {
                    (1..=2).contains(&l.chars().count()) && l.chars().all(char::is_alphabetic)
                })
        })
}

/// Whether `s` holds one of the photo words as a whole word.
/// Words of a credit: a photo word and who took or holds it, nothing else ("AA Photo", "Bernama
/// pic", "أرشيف \"النهار\"", "صورة أرشيفية"): in a Latin script every other word is
/// capitalised, and a photo word alone ("(photo)") or a phrase ("a picture of restraint",
/// "foto-foto korban", "صورة قاتمة") is none.
fn credit_words(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < 2 || !has_photo_word(s) {
        return false;
    }
    words.iter().all(|w| {
        let bare = w.trim_matches(|c: char| !chars::is_alphanumeric(c));
        has_photo_word(bare)
            || bare.starts_with(char::is_uppercase)
            || (!bare.is_empty() && !bare.is_ascii() && w.contains(['"', '«', '»', '“', '”']))
    }) && !words.iter().any(|w| w.contains('-') && has_photo_word(w))
}

fn has_photo_word(s: &str) -> bool {
    let lower = s.to_lowercase();
    let ws: Vec<&str> = lower
        .split(|c: char| !chars::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    BOILERPLATE_LABELS.photo.iter().any(|p| {
        let pw: Vec<&str> = p.split(' ').collect();
        ws.windows(pw.len()).any(|w| w == pw.as_slice())
    })
}

/// Names of a credit joined by slashes, each of a few capitalised words ("Dite Surendra/Jawa
/// Pos", "MI/Usman Iskandar", "Ricardo/JPNN.com").
fn is_slashed_names(s: &str) -> bool {
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            let ws: Vec<&str> = p.split_whitespace().collect();
            (1..=4).contains(&ws.len())
                && ws.iter().all(|w| {
                    w.starts_with(char::is_uppercase)
                        && w.chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                })
        })
}

/// Most words of a photo credit: a name and an outlet.
const MAX_PHOTO_CREDIT_WORDS: usize = 8;

/// A photo credit: in brackets with a photo word ("(AA Photo)", '(أرشيف "النهار")', "(Photo by
/// Hiroki Endo)") or names between slashes ("(MI/Usman Iskandar)") or an outlet's name
/// ("(رويترز)", "(Kantor Berita Antara)"), after a dash with a photo word ("— Bernama pic",
/// "- صورة أرشيفية", "- تصوير: أحمد عبد الفتاح"), or a photo word before a colon or a slash
/// ("ST PHOTO: GAVIN FOO", "FOTO/SINDOnews/Arie Dwi Satrio", "Foto: Ricardo/JPNN.com", "Image
/// Credit: Gulf News Archives", "صورة أرشيفية / Gettyimages.ru"), after a bar ("File | Photo
/// Credit: K. PICHUMANI"), or names after a slash ("/Pikiran Rakyat/Novianti Nurulliah").
pub fn is_photo_credit(s: &str) -> bool {
    let s = s.trim().trim_end_matches('.');
    if s.split_whitespace().count() > MAX_PHOTO_CREDIT_WORDS || s.is_empty() {
        return false;
    }
    if let Some(inner) = in_brackets(s) {
        return credit_words(inner)
            || is_slashed_names(inner)
            || is_photo_by(inner)
            || is_agency_name(inner);
    }
    if let Some(after) = s.strip_prefix(['—', '–', '-']) {
        let after = after.trim();
        return (credit_words(after) && !after.contains(['.', ',', ':']))
            || is_labelled_photo_credit(after);
    }
    if let Some(after) = s.strip_prefix('/') {
        return is_slashed_names(after);
    }
    if let Some(after) = s.strip_prefix('|') {
        return is_labelled_photo_credit(after.trim());
    }
    if let Some((_, last)) = s.rsplit_once(" | ") {
        return is_labelled_photo_credit(last.trim());
    }
    is_labelled_photo_credit(s)
}

/// A word of the credit's names: not in lower case (Arabic has no case), letters only.
fn name_word(w: &str) -> bool {
    !w.starts_with(char::is_lowercase)
        && w.chars()
            .all(|c| chars::is_alphabetic(c) || matches!(c, '.' | '-' | '\'' | '«' | '»' | '"'))
}

/// A photo word heads the credit before a colon or a slash: "ST PHOTO: GAVIN FOO",
/// "FOTO/SINDOnews/Arie Dwi Satrio", "Image Credit: Gulf News Archives", "تصوير: أحمد عبد
/// الفتاح", "صورة أرشيفية / Gettyimages.ru".
fn is_labelled_photo_credit(s: &str) -> bool {
    s.split_once([':', '/']).is_some_and(|(head, names)| {
        let head_words: Vec<&str> = head.split_whitespace().collect();
        (1..=3).contains(&head_words.len())
            && head_words
                .iter()
                .all(|w| !w.starts_with(char::is_lowercase) && w.chars().all(chars::is_alphabetic))
            // The photo word ends the label ("AFP Photo:", "Foto:"); before other words it opens
            // a title ("Picture This: Jakarta Without Traffic", "Foto Viral: ...").
            && (head_words.last().is_some_and(|w| has_photo_word(w))
                // "Image Credit:", "Photo credit:" (no "Credit Suisse" in brackets).
                || (head_words.len() == 2 && head_words[1].eq_ignore_ascii_case("credit")))
            && {
                let names = names.trim();
                is_slashed_names(names)
                    || (1..=4).contains(&names.split_whitespace().count())
                        && names.split_whitespace().all(|w| {
                            !w.starts_with(char::is_lowercase)
                                && w.chars().any(chars::is_alphabetic)
                        })
            }
    })
}

/// A photo word, "by" or "from" and a name ("Photo by Hiroki Endo", "Photo from Senate PRIB",
/// "Foto oleh Budi").
fn is_photo_by(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 3
        && words.len() <= MAX_PHOTO_CREDIT_WORDS
        && has_photo_word(words[0])
        && matches!(
            words[1].to_lowercase().as_str(),
            "by" | "from" | "courtesy" | "oleh" | "dari"
        )
        && words[2..]
            .iter()
            .filter(|w| !matches!(**w, "of" | "the"))
            .all(|w| name_word(w))
}

/// An agency's or outlet's name in brackets that credits a caption's photo: a name with an
/// outlet's word ("(رويترز)", "(الشرق الأوسط)", "(Kantor Berita Antara)") or an Arabic
/// acronym of letters apart ("(أ ف ب)", "(د ب أ)").
fn is_agency_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let arabic_letters = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().count() == 1 && w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        });
    arabic_letters
        || ((1..=3).contains(&words.len())
            && words.iter().all(|w| name_word(w))
            && crate::meta::is_outlet_by_words(s))
}

/// An outlet's web address or name and a photographer's name of two to four words, joined by a
/// slash ("tirto.id/Andrey Gromico", "Harian Jogja/Sirojul Khafid", "Bisnis/Himawan L
/// Nugraha"), ending a caption after its final mark: alone, a line of this shape may be a
/// title ("AC/DC Announces World Tour").
fn is_address_and_name(s: &str) -> bool {
    let Some((outlet, name)) = s.split_once('/') else {
        return false;
    };
    let outlet_words: Vec<&str> = outlet.split_whitespace().collect();
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let address = outlet_words.len() == 1
        && outlet.contains('.')
        && crate::meta::is_outlet_like(outlet.trim());
    (1..=3).contains(&outlet_words.len())
        && (address
            || outlet_words
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(chars::is_alphabetic)))
        && (2..=4).contains(&name_words.len())
        && name.chars().next().is_some_and(char::is_uppercase)
        && name_words.iter().all(|w| {
            // A name in title case ("Himawan L Nugraha"), no acronym ("AC/DC Announces").
            w.starts_with(char::is_uppercase)
                && name_word(w)
                && (w.chars().count() == 1 || w.chars().skip(1).any(char::is_lowercase))
        })
}

/// A line of its own that credits a photo: a photo credit, or a photo word as its label
/// ("Foto: Republika/Prayogi", "Photo: Jane Roe"). The line above it is the photo's caption.
pub fn is_photo_credit_line(s: &str) -> bool {
    is_photo_credit(s)
        || s.split_once([':', '：']).is_some_and(|(label, credit)| {
            let words: Vec<&str> = label.split_whitespace().collect();
            (1..=2).contains(&words.len())
                && words.last().is_some_and(|w| has_photo_word(w))
                && !credit.trim().is_empty()
                && credit.split_whitespace().count() <= MAX_PHOTO_CREDIT_WORDS
        })
}

/// Where a credit closing a paragraph starts, with the paragraph before it: editors'
/// initials or a desk's code after the last sentence ('... ujar Yassierli. (cr3/jpnn)',
/// "... (Z-10)"), stars closing the story ("sapaan akrabnya.***"), or a photo credit closing a
/// caption.
pub fn trailing_credit(s: &str) -> Option<usize> {
    let s = s.trim_end();
    let finished = |before: &str| {
        let before = before.trim_end();
        !before.is_empty() && ends_with_final_punct(before)
    };
    if let Some(before) = s.strip_suffix("***") {
        let before = before.trim_end_matches(['*', ' ']);
        return finished(before).then_some(before.len());
    }
    if s.ends_with(')')
        && let Some(open) = s.rfind('(')
        && (is_editor_initials(&s[open..]) || is_desk_code(&s[open..]))
        && finished(&s[..open])
    {
        return Some(open);
    }
    trailing_photo_credit(s)
}

/// Words of an Arabic caption that ends without a mark before an agency in brackets.
const MAX_ARABIC_CAPTION_WORDS: usize = 25;

/// Where a photo credit closing a caption starts ("... Senin (9/3/2026).(MI/Usman
/// Iskandar)", "... Rabu (4/3/2026). FOTO/SINDOnews/Arie Dwi Satrio", "رئيس مجلس الوزراء -
/// صورة أرشيفية"), with the caption before it. Without a photo word the credit must follow a
/// finished sentence: "support fell to 30 percent (Reuters/Ipsos)" keeps its source.
pub fn trailing_photo_credit(s: &str) -> Option<usize> {
    let s = s.trim_end();
    // Only the line's last bytes are walked, not the whole paragraph before them.
    let from = s.len().saturating_sub(120);
    let walk_from = (0..=from)
        .rev()
        .find(|&b| s.is_char_boundary(b))
        .unwrap_or(0);
    s[walk_from..]
        .char_indices()
        .map(|(i, c)| (walk_from + i, c))
        .filter(|&(i, c)| {
            i >= from
                && i > 0
                && (matches!(c, '(' | '[' | '/' | '|' | '—' | '–' | '-') || chars::is_alphabetic(c))
                && s[..i].ends_with(|p: char| p.is_whitespace() || p == '.')
        })
        .map(|(i, _)| i)
        .find(|&i| {
            let (caption, credit) = s.split_at(i);
            let caption = caption.trim_end();
            let inner = credit
                .trim_start_matches(['(', '[', '—', '–', '-'])
                .trim_end_matches([')', ']', '.'])
                .trim();
            let marked = credit.starts_with(['(', '[', '—', '–', '-']);
            // Arabic captions often end without a mark, before the agency in brackets
            // ("... في الربع الأخير من 2027 (رويترز)").
            // A caption is short, and the agency is no object of its last word ("لصحيفة
            // (الشرق الأوسط)", "وكالة (رويترز)": the bracket names whom the text speaks of).
            let arabic_caption = || {
                const OBJECT_NOUNS: [&str; 5] = ["وكالة", "صحيفة", "قناة", "موقع", "جريدة"];
                let last = caption.split_whitespace().last().unwrap_or_default();
                caption
                    .chars()
                    .rev()
                    .find(|c| chars::is_alphabetic(*c))
                    .is_some_and(chars::is_caseless_arabic)
                    && caption.split_whitespace().count() <= MAX_ARABIC_CAPTION_WORDS
                    && !last.starts_with('ل')
                    && !OBJECT_NOUNS.contains(&last)
                    // The paper's name is the region's too ("غرب آسيا (الشرق الأوسط)").
                    && inner != "الشرق الأوسط"
            };
            // The cheap tests first: most word starts of a line follow a word, with no mark
            // before or after them, and are asked nothing more.
            let final_punct = ends_with_final_punct(caption);
            if caption.is_empty() || !(final_punct || marked) {
                return false;
            }
            (is_photo_credit(credit)
                && (final_punct
                    || (credit_words(inner)
                        || is_labelled_photo_credit(inner)
                        || is_photo_by(inner))
                    || (credit.starts_with('(') && arabic_caption() && is_agency_name(inner))))
                || (final_punct
                    && is_address_and_name(credit.trim_start_matches(['—', '–', '-']).trim()))
        })
}

/// Where the prose starts after a photo credit in brackets opening a caption ("[Photo:
/// Xinhua] A China Coast Guard vessel ...").
pub fn leading_photo_credit(s: &str) -> Option<usize> {
    let close = match s.chars().next()? {
        '[' => ']',
        '(' => ')',
        _ => return None,
    };
    let end = s.find(close)? + 1;
    let credit = &s[..end];
    (has_photo_word(credit)
        && in_brackets(credit).is_some_and(|t| led_by_label(t, &BOILERPLATE_LABELS.credits, 60))
        && s[end..].trim_start().starts_with(char::is_uppercase))
    .then(|| end + (s[end..].len() - s[end..].trim_start().len()))
}

/// A word alone in brackets on a line of its own: a reporter's name or initials closing an
/// article ("(Ari)", "[fik]"), or a label ("(Video)"); no prose either way.
fn is_reporter_in_brackets(s: &str) -> bool {
    in_brackets(s).is_some_and(|t| {
        let n = t.chars().count();
        t.chars().all(char::is_alphabetic)
            && ((2..=20).contains(&n) && t.starts_with(char::is_uppercase)
                || (2..=4).contains(&n) && t.chars().all(char::is_lowercase))
    })
}

/// Words of a byline that names the writer and their desk ("Richard Partington Economics
/// correspondent").
const MAX_BYLINE_WORDS: usize = 7;

/// A byline: capitalised words of a name, then the writer's role as its last word, in lower
/// case ("Richard Partington Economics correspondent", "Jane Doe Political editor"), with no
/// punctuation ending it as a sentence.
fn is_byline_with_role(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    if !(3..=MAX_BYLINE_WORDS).contains(&ws.len()) || ends_with_final_punct(s) {
        return false;
    }
    let role = ws[ws.len() - 1];
    role.chars().all(char::is_lowercase)
        && ws[..2].iter().all(|w| w.starts_with(char::is_uppercase))
        && BOILERPLATE_LABELS.bylines.iter().any(|l| l == role)
}

/// What a line holds inside round or square brackets that enclose all of it.
fn in_brackets(s: &str) -> Option<&str> {
    s.trim()
        .strip_prefix(['(', '['])
        .and_then(|t| t.strip_suffix([')', ']']))
}

/// Editors' initials closing an article: in brackets ("(wdi/rir)", "(ant/eng)"), or before
/// the agencies the article draws on, as Deutsche Welle writes them ("dh/rc (AFP, Reuters)",
/// "ع.ج/ ف.ي (د ب أ، رويترز)").
fn is_editor_initials(s: &str) -> bool {
    let initials = |inner: &str, of: fn(char) -> bool| {
        let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
        parts.len() >= 2
            && parts.iter().all(|p| {
                let letters = p.chars().filter(|&c| c != '.').count();
                // A desk's number may stand among them ("(far/c7/dns)").
                (2..=4).contains(&letters)
                    && p.chars().any(of)
                    && p.chars().all(|c| c == '.' || of(c) || c.is_ascii_digit())
            })
    };
    let lower_latin = |c: char| c.is_ascii_lowercase();
    let arabic_letter = |c: char| ('\u{0621}'..='\u{064A}').contains(&c);
    if let Some(inner) = in_brackets(s) {
        return initials(inner, lower_latin);
    }
    let Some((head, sources)) = s.trim().split_once('(') else {
        return false;
    };
    let sources = sources.trim_end();
    sources.ends_with(')')
        && sources.split_whitespace().count() <= 8
        && (initials(head, lower_latin) || initials(head, arabic_letter))
}

pub fn is_navigation_line(s: &str) -> bool {
    // A dash or brackets may set the label off ("- Related: Flood-hit Chiang Mai residents
    // ...", "[halaman selanjutnya]").
    let led = s.trim_start_matches(['\u{2014}', '\u{2013}', '-', ' ']);
    if led_by_label(s, &BOILERPLATE_LABELS.navigation, 150)
        || (led.len() < s.len() && led_by_label(led, &BOILERPLATE_LABELS.navigation, 150))
        || in_brackets(s).is_some_and(|t| led_by_label(t, &BOILERPLATE_LABELS.navigation, 60))
        || is_page_number(s)
        // An Arabic section's name alone on its line, under the byline ("اقتصاد").
        || crate::meta::ARABIC_SECTIONS.contains(&s.trim())
    {
        return true;
    }
    if is_share_bar(s)
        || is_promo(s)
        || is_hashtags(s)
        || is_links_from(s)
        || is_labelled_links_header(s)
    {
        return true;
    }
    // Breadcrumbs: "Home > World > Asia", "News | Politics | Economy".
    // Most lines have no separator: they are not split into pieces at all.
    if s.matches(['>', '»', '|', '/']).count() < 2 {
        return is_section_crumb(s);
    }
    let pieces: Vec<&str> = s.split(['>', '»', '|']).map(str::trim).collect();
    pieces.len() >= 3
        && pieces
            .iter()
            .all(|p| !p.is_empty() && p.split_whitespace().count() <= 4)
        && !ends_with_final_punct(s)
}

/// A page's number alone on its line, where a story runs over pages ("Halaman 2", "Page 3 of
/// 4", "[Halaman 2]"): the word, one or two numbers, nothing else.
fn is_page_number(s: &str) -> bool {
    let t = in_brackets(s).unwrap_or(s).trim();
    if t.len() > 24 {
        return false;
    }
    let ws: Vec<String> = t
        .split_whitespace()
        .map(|w| w.trim_end_matches([':', '.']).to_lowercase())
        .collect();
    let number = |w: &String| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match ws.as_slice() {
        [page, n] => matches!(page.as_str(), "halaman" | "page" | "hal" | "صفحة") && number(n),
        [page, n, of, m] => {
            matches!(page.as_str(), "halaman" | "page")
                && number(n)
                && matches!(of.as_str(), "of" | "dari")
                && number(m)
        }
        _ => false,
    }
}

/// A breadcrumb of two short parts, a region or desk and its section, parted by a spaced
/// slash (Gulf News "UAE / Transport", "News / National"): one to three capitalised words of
/// letters each, nothing else.
fn is_section_crumb(s: &str) -> bool {
    let Some((a, b)) = s.trim().split_once(" / ") else {
        return false;
    };
    let part = |p: &str| {
        let ws: Vec<&str> = p.split_whitespace().collect();
        (1..=3).contains(&ws.len())
            && ws.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '&')
            })
    };
    s.len() <= 40 && part(a) && part(b)
}

/// Names of the networks that share buttons name, lowercased: the same in every language.
const SHARE_NETWORKS: [&str; 14] = [
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "e-mail",
    "pinterest",
    "line",
    "reddit",
    "messenger",
    "copy",
    "link",
];

/// Apps and networks an outlet promotes its channels on, beyond the share buttons' names,
/// matched anywhere in the lower case (Arabic script has no case).
const PROMO_CHANNELS: [&str; 11] = [
    "instagram",
    "youtube",
    "tiktok",
    "google news",
    "newsletter",
    "واتساب",
    "واتس آب",
    "تيليجرام",
    "تلغرام",
    "فيسبوك",
    "يوتيوب",
];

/// Hashtags alone ("#عكاظ", "#Budget2025 #Economy"); one slogan of several words is a
/// paragraph of its own ("#BringBackOurGirls" after "... became known by its hashtag:").
fn is_hashtags(s: &str) -> bool {
    if !s.starts_with('#') {
        return false;
    }
    let tags: Vec<&str> = s.split_whitespace().collect();
    let slogan = |t: &str| t.chars().filter(|c| c.is_uppercase()).count() > 2;
    (1..=5).contains(&tags.len())
        && !(tags.len() == 1 && slogan(tags[0]))
        && tags.iter().all(|t| {
            t.strip_prefix('#')
                .is_some_and(|w| w.chars().next().is_some_and(chars::is_alphabetic))
        })
}

/// A `links_from` label and the outlet's name, heading links to its other stories ("Also on
/// POLITICO", "More from South China Morning Post:"): a name of capitalised words, and no day
/// ("Also on Monday" opens a sentence's fragment).
fn is_links_from(s: &str) -> bool {
    // A label and a name of a few words: most lines are longer, and are not lowered.
    if s.len() > 100 {
        return false;
    }
    let lower = s.to_lowercase();
    BOILERPLATE_LABELS.links_from.iter().any(|l| {
        lower
            .strip_prefix(l.as_str())
            .filter(|rest| rest.starts_with(' '))
            .is_some_and(|_| {
                let name = s.get(l.len()..).unwrap_or_default();
                let name = name.trim().trim_end_matches([':', '：']);
                let ws: Vec<&str> = name.split_whitespace().collect();
                // The outlet's name in capitals or as an address, or a colon after it: a
                // subheading in title case is no header of links ("Also On The Ballot").
                let outlet_like = s.trim_end().ends_with([':', '：'])
                    || ws.iter().any(|w| {
                        (w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                            && w.chars().all(|c| !c.is_lowercase()))
                            || w.contains('.')
                    });
                (1..=5).contains(&ws.len())
                    && outlet_like
                    && ws.iter().all(|w| {
                        w.starts_with(char::is_uppercase)
                            && !MONTH_NAMES.contains_key(&w.to_lowercase())
                    })
            })
    })
}

/// A navigation label, a few more words and a colon ending the line: the header of what
/// follows ("Jangan Lewatkan Video Terbaru:").
fn is_labelled_links_header(s: &str) -> bool {
    let Some(head) = s.trim_end().strip_suffix([':', '：']) else {
        return false;
    };
    let lower = head.to_lowercase();
    // A label of one word may be a verb of a sentence ("Follow these steps:").
    head.split_whitespace().count() <= 5
        && BOILERPLATE_LABELS.navigation.iter().any(|l| {
            l.contains(' ')
                && lower
                    .strip_prefix(l.as_str())
                    .is_some_and(|rest| !rest.starts_with(chars::is_alphanumeric))
        })
}

/// A short line that calls the reader to the outlet's channels: it opens with a `promo` label
/// and names a network or app ("Get the latest news on WhatsApp. Follow us here.", "Ikuti
/// kami di Google News", "تابعونا على تيليجرام"), whatever its punctuation.
fn is_promo(s: &str) -> bool {
    if s.chars().count() > 160 {
        return false;
    }
    let lower = s.to_lowercase();
    // The label is a whole word or phrase ("Gabung" is not "Gabungan").
    let led_by = |labels: &[String]| {
        labels.iter().any(|l| {
            lower
                .strip_prefix(l.as_str())
                .is_some_and(|rest| !rest.starts_with(chars::is_alphanumeric))
        })
    };
    // "Get ST's newsletters delivered to your inbox", not "Get rid of Facebook, lawmakers say".
    // A sentence with a clause after a comma is a report ("Join us in the streets, the union
    // leader told members on Facebook").
    let addressed = || {
        led_by(&BOILERPLATE_LABELS.addressed_promos)
            && !s.contains([',', '،'])
            && lower
                .split(|c: char| !chars::is_alphanumeric(c))
                .any(|w| BOILERPLATE_LABELS.readers.contains(w))
    };
    let labelled = led_by(&BOILERPLATE_LABELS.promos) || addressed();
    // Arabic imperatives are past tenses too ("انضم أكثر من 10 ملايين مستخدم إلى
    // تيليجرام"): the outlet says "our" ("قناتنا", "تابعونا").
    let arabic = lower.starts_with(|c: char| !c.is_ascii());
    if !labelled || (arabic && !lower.split_whitespace().any(|w| w.ends_with("نا"))) {
        return false;
    }
    let network = |w: &str| {
        !matches!(w, "email" | "e-mail" | "line" | "copy" | "link") && SHARE_NETWORKS.contains(&w)
    };
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(network)
        || PROMO_CHANNELS.iter().any(|c| lower.contains(c))
}

/// A row of share buttons: at least two network names and nothing else but a short label
/// before a colon ("Share this article: Facebook Twitter WhatsApp", "Facebook | Twitter").
fn is_share_bar(s: &str) -> bool {
    if s.chars().count() > 120 {
        return false;
    }
    let buttons = s.rsplit_once([':', '：']).map_or(s, |(_, after)| after);
    let lower = buttons.to_lowercase();
    let names: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | '/' | '·' | '•'))
        .filter(|w| !w.is_empty())
        .collect();
    names
        .iter()
        .filter(|w| **w != "copy" && **w != "link" && **w != "line")
        .count()
        >= 2
        && names.iter().all(|w| SHARE_NETWORKS.contains(w))
}

pub fn is_copyright_line(s: &str) -> bool {
    if s.chars().count() > 160 {
        return false;
    }
    let lower = s.to_lowercase();
    BOILERPLATE_LABELS.copyright.iter().any(|l| {
        lower.find(l.as_str()).is_some_and(|i| {
            // "(c) " only as a copyright sign, i.e. followed by a year or a name.
            l != "(c) " || lower[i + l.len()..].starts_with(|c: char| chars::is_alphanumeric(c))
        })
    })
}

/// A rule between parts of a page ("___", "* * *", "-----"): page furniture.
fn is_rule_line(s: &str) -> bool {
    let is_mark = |c: char| matches!(c, '_' | '-' | '*' | '=' | '~' | '\u{2014}' | '\u{2013}');
    s.chars().all(|c| c.is_whitespace() || is_mark(c))
        && s.chars().filter(|&c| is_mark(c)).count() >= 3
}

/// A line without the bullet that lists it ("• اقرأ أيضا: ...", "• Additional reporting by X").
fn unbulleted(s: &str) -> &str {
    s.trim_start_matches(['•', '·', '▪', '►', '■']).trim_start()
}

/// A line that is only a writer's name, or names ("Whisnu Mardiansyah", "Tahir Khan | Baqir
/// Sajjad Syed", "Kawala Xie and Laura Zhou", "سابين عويس", "فهد البقمي (الرياض)
/// okaz_online@"): whether it is a byline, its place in the header tells.
fn is_name_line(s: &str) -> bool {
    if s.chars()
        .any(|c| chars::is_numeric(c) || matches!(c, '.' | '!' | '?' | ':' | '؟' | '"' | '«'))
    {
        return false;
    }
    let arabic_letter = |c: char| ('\u{0621}'..='\u{064A}').contains(&c);
    if s.starts_with(arabic_letter) {
        // The writer's city in brackets and handle may follow.
        let words: Vec<&str> = s
            .split_whitespace()
            .filter(|w| !(w.contains('@') || (w.starts_with('(') && w.ends_with(')'))))
            .collect();
        return (2..=3).contains(&words.len())
            && words.iter().all(|w| w.chars().all(arabic_letter));
    }
    let names: Vec<&str> = s
        .split(" and ")
        .flat_map(|p| p.split([',', '|', '&']))
        .map(str::trim)
        .collect();
    names.len() <= 4
        && names.iter().all(|n| {
            let ws: Vec<&str> = n.split_whitespace().collect();
            (2..=4).contains(&ws.len())
                && ws.iter().all(|w| {
                    w.starts_with(char::is_uppercase)
                        && w.chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                })
        })
}

/// A writer's role on the line under the name ("Housing Correspondent", "Bureau Chief").
fn is_role_line(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    let lower = s.to_lowercase();
    (1..=4).contains(&ws.len())
        && ws.iter().all(|w| w.starts_with(char::is_uppercase))
        && BOILERPLATE_LABELS.bylines.iter().any(|r| {
            lower.ends_with(r.as_str())
                && (lower.len() == r.len() || lower[..lower.len() - r.len()].ends_with(' '))
        })
}

/// Where the writer is, under the byline ("in Beijing").
fn is_writer_place_line(s: &str) -> bool {
    s.strip_prefix("in ").is_some_and(|place| {
        let ws: Vec<&str> = place.split_whitespace().collect();
        (1..=3).contains(&ws.len())
            && ws
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
    })
}

/// Words of the first paragraph that reads as the lead, not as a caption or a standfirst.
pub const LEAD_WORDS: usize = 20;

/// Bylines in the header, between the title and the lead: a name line beside a timestamp or
/// credit line, or above the writer's role or place ("Ng Keng Gene\nHousing Correspondent",
/// "Kawala Xie and Laura Zhou\nin Beijing\nPublished: ..."). The role and place go with it.
fn mark_header_bylines(raw: &str, lines: &[Line], kinds: &mut [Kind], title: usize) {
    let is_zone = |k: Kind| matches!(k, Kind::Zone("timestamp" | "credits" | "dateline"));
    let header: Vec<usize> = (title + 1..lines.len())
        .filter(|&i| kinds[i] != Kind::Blank)
        .take_while(|&i| {
            let t = lines[i].text(raw);
            kinds[i] != Kind::Prose
                || t.split_whitespace().count() < LEAD_WORDS
                || is_headline_like(t)
        })
        .collect();
    // Timestamps apart from each other head the entries of a live page ("Updated 10:45 GMT",
    // "Biden Meets Zelensky", ..., "Updated 09:30 GMT"): their headings are no bylines.
    let stamps: Vec<usize> = (0..header.len())
        .filter(|&k| kinds[header[k]] == Kind::Zone("timestamp"))
        .collect();
    if stamps.windows(2).any(|w| w[1] > w[0] + 1) {
        return;
    }
    for k in 0..header.len() {
        let i = header[k];
        if kinds[i] != Kind::Prose || !is_name_line(lines[i].text(raw)) {
            continue;
        }
        let at = |k: usize| header.get(k).map(|&j| (j, lines[j].text(raw)));
        let before = k.checked_sub(1).and_then(at);
        let mut with = vec![i];
        let mut next = at(k + 1);
        if let Some((j, t)) = next
            && kinds[j] == Kind::Prose
            && (is_role_line(t) || is_writer_place_line(t))
        {
            with.push(j);
            next = at(k + 2);
        }
        let beside_zone = before.is_some_and(|(j, _)| is_zone(kinds[j]))
            || next.is_some_and(|(j, _)| is_zone(kinds[j]));
        if beside_zone || (with.len() > 1 && is_role_line(lines[with[1]].text(raw))) {
            for j in with {
                kinds[j] = Kind::Zone("credits");
            }
        }
    }
}

/// The line's kind by its own content alone.
fn line_kind(s: &str) -> Kind {
    let mut blanked = Blanked::new();
    let bulleted = unbulleted(s).len() != s.len();
    if s.is_empty() {
        Kind::Blank
    } else if is_timestamp(s, &mut blanked) {
        Kind::Zone("timestamp")
    } else if crate::meta::dateline_line(s).is_some() && !is_navigation_line(s) {
        Kind::Zone("dateline")
    } else if is_counter(s, &mut blanked) {
        Kind::Zone("share_counter")
    } else if is_copyright_line(s) {
        Kind::Zone("copyright")
    } else if is_credits_line(s)
        // A list item may be a credit led by its label ("• Additional reporting by X"), not a
        // name and a role ("• Evan Gershkovich Wall Street Journal reporter").
        || (bulleted && is_credits_line(unbulleted(s)) && !is_byline_with_role(unbulleted(s)))
    {
        Kind::Zone("credits")
    } else if is_navigation_line(s)
        || (bulleted && is_navigation_line(unbulleted(s)))
        || is_rule_line(s)
    {
        Kind::Zone("navigation")
    } else {
        Kind::Prose
    }
}

/// For comparing a title with its repetition.
pub fn norm_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn classify(raw: &str, lines: &[Line], outlet_hint: Option<&str>) -> Layout {
    let mut kinds: Vec<Kind> = lines.iter().map(|l| line_kind(l.text(raw))).collect();
    let prose: Vec<usize> = (0..lines.len())
        .filter(|&i| kinds[i] == Kind::Prose)
        .collect();

    // Title: the first prose line, when it is a headline and prose follows.
    let title = prose.first().copied().filter(|&i| {
        let t = lines[i].text(raw);
        is_headline_like(t) && !t.ends_with(':') && prose.len() > 1
    });
    if let Some(t) = title {
        let key = norm_key(lines[t].text(raw));
        // Lower case makes no spaces, so equal keys have as many words: most lines are told
        // apart by that count alone.
        let words = key.split_whitespace().count();
        for &i in &prose[1..] {
            let line = lines[i].text(raw);
            if line.split_whitespace().count() == words && norm_key(line) == key {
                kinds[i] = Kind::Zone("duplicate_title");
            }
        }
    }

    // Right under the title, two short names joined by a dash: the outlet and the place or the
    // writer ("دبي - البيان", "عنب بلدي – إدلب", "هسبريس - محمد الراجي"), whichever way round,
    // which no word list can tell apart; a credit line either way. A subtitle of that shape
    // ("Gaza ceasefire - what we know") is taken for one too, and kept as a zone.
    if let Some(t) = title
        && let Some(k) = prose.iter().position(|&i| i > t)
        && k + 1 < prose.len()
        && kinds[prose[k]] == Kind::Prose
        && is_header_pair(lines[prose[k]].text(raw))
    {
        kinds[prose[k]] = Kind::Zone("credits");
    }

    // Right under the title, a place alone in capitals ("ANKARA"), before the body: the
    // dateline of agencies that put it on a line of its own.
    if let Some(t) = title
        && let Some(k) = prose.iter().position(|&i| i > t)
        && k + 1 < prose.len()
        && kinds[prose[k]] == Kind::Prose
        && crate::meta::place_line(lines[prose[k]].text(raw)).is_some()
    {
        kinds[prose[k]] = Kind::Zone("dateline");
    }

    if let Some(t) = title {
        mark_header_bylines(raw, lines, &mut kinds, t);
    }

    // Teasers: after the body, a run of headline/summary pairs.
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| kinds[i] == Kind::Prose && Some(i) != title)
        .collect();
    if let Some(k) = teaser_start(raw, lines, &body, outlet_hint) {
        let first = body[k];
        for kind in kinds.iter_mut().skip(first) {
            if *kind == Kind::Prose {
                *kind = Kind::Zone("teasers");
            }
        }
    }
    // Headlines under a header of links ("Related news", "Baca juga:") after the body: teasers
    // of other stories, however few.
    let (mut prose_seen, mut under_header) = (false, false);
    for (i, line) in lines.iter().enumerate() {
        match kinds[i] {
            Kind::Zone("navigation") if prose_seen && is_links_header(line.text(raw)) => {
                under_header = true;
            }
            Kind::Prose if under_header && Some(i) != title && is_headline_like(line.text(raw)) => {
                kinds[i] = Kind::Zone("teasers");
            }
            Kind::Prose => {
                prose_seen = true;
                under_header = false;
            }
            _ => {}
        }
    }
    Layout { kinds, title }
}

/// Two names of one to three words each joined by a spaced dash or slash, nothing else ("دبي
/// - البيان", "Jakarta - Kompas", "فرانس 24 / أ ف ب"), each with a word of letters.
fn is_header_pair(s: &str) -> bool {
    let s = s.trim();
    if s.chars().count() > 40
        || s.chars().any(|c| {
            matches!(
                c,
                '.' | ',' | ':' | ';' | '!' | '?' | '؟' | '،' | '"' | '«' | '»' | '(' | ')'
            )
        })
    {
        return false;
    }
    let mut words: Vec<&str> = s.split([' ', '\u{a0}']).filter(|w| !w.is_empty()).collect();
    // The writer's town may close it after an outlet (Hespress: "هسبريس - محمد بلقاسم من
    // طاطا"); after another word it is a deck's ("تقرير - شهادات نازحين من رفح", "Gaza - the
    // view from Rafah").
    let outlet_first = words
        .iter()
        .position(|w| matches!(*w, "-" | "–" | "—" | "/"))
        .is_some_and(|d| crate::meta::is_outlet_by_words(&words[..d].join(" ")));
    if let Some(at) = words.iter().rposition(|w| matches!(*w, "من" | "from"))
        && outlet_first
        && (1..=2).contains(&(words.len() - at - 1))
        && at > 0
        && !matches!(words[at - 1], "-" | "–" | "—" | "/")
    {
        words.truncate(at);
    }
    let separators: Vec<usize> = (0..words.len())
        .filter(|&i| matches!(words[i], "-" | "–" | "—" | "/"))
        .collect();
    let named = |side: &[&str]| {
        (1..=3).contains(&side.len()) && side.iter().any(|w| w.chars().all(chars::is_alphabetic))
    };
    // Not a score ("Arsenal 2 - 1 Chelsea").
    let numeric = |w: &str| w.chars().all(chars::is_numeric);
    match separators.as_slice() {
        [d] => {
            named(&words[..*d])
                && named(&words[d + 1..])
                && !(numeric(words[d - 1]) && numeric(words[d + 1]))
        }
        _ => false,
    }
}

/// The outlet of a header pair ("هسبريس - رياضة", "دبي - البيان"): its side with an outlet's
/// word.
pub fn header_pair_outlet(s: &str) -> Option<&str> {
    if !is_header_pair(s) {
        return None;
    }
    let (a, b) = s.split_once([' ', '\u{a0}']).and_then(|_| {
        ["-", "–", "—", "/"]
            .iter()
            .find_map(|sep| s.split_once(&format!(" {sep} ")))
    })?;
    [a.trim(), b.trim()]
        .into_iter()
        .find(|side| crate::meta::is_outlet_by_words(side) && side.split_whitespace().count() <= 3)
}

/// A navigation label alone on its line ("Related news", "Read more:"): a list of links
/// follows.
fn is_links_header(s: &str) -> bool {
    if is_links_from(s) || is_labelled_links_header(s) {
        return true;
    }
    let label = s
        .trim()
        .trim_end_matches([':', '：'])
        .trim_end()
        .to_lowercase();
    BOILERPLATE_LABELS.navigation.contains(&label)
}

/// Index into `body` where a trailing run of teasers starts, if there is one.
///
/// A teaser run starts with a headline-like line, holds at least three headlines (two when
/// a headline names the article's outlet), never more than two summary paragraphs in a row
/// (a section of the article has more), and at least one body paragraph stays before it.
fn teaser_start(
    raw: &str,
    lines: &[Line],
    body: &[usize],
    outlet_hint: Option<&str>,
) -> Option<usize> {
    let is_head: Vec<bool> = body
        .iter()
        .map(|&i| is_headline_like(lines[i].text(raw)))
        .collect();
    // Walk back from the end while the suffix stays a valid run.
    let mut start = body.len();
    let mut run_of_summaries = 0;
    let mut best = None;
    let mut headlines = 0;
    let mut summaries_total = 0;
    while start > 0 {
        let j = start - 1;
        if is_head[j] {
            run_of_summaries = 0;
            headlines += 1;
            start = j;
            if j > 0 && !is_head[j - 1] {
                best = Some((j, headlines, summaries_total));
            }
        } else {
            run_of_summaries += 1;
            summaries_total += 1;
            if run_of_summaries > 2 {
                break;
            }
            start = j;
        }
    }
    let (k, heads, summaries) = best?;
    // The run must leave body prose (not only headlines) before it.
    if !is_head[..k].iter().any(|h| !h) {
        return None;
    }
    let names_outlet = outlet_hint.is_some_and(|o| {
        let o = o.to_lowercase();
        body[k..]
            .iter()
            .enumerate()
            .any(|(x, &i)| is_head[k + x] && lines[i].text(raw).to_lowercase().contains(&o))
    });
    let enough = heads >= 3 || (heads >= 2 && names_outlet);
    (enough && summaries <= 2 * heads).then_some(k)
}

/// Zones as byte ranges of the raw text: consecutive lines of one kind (with the blank lines
/// between them) make one zone.
pub fn zones(lines: &[Line], kinds: &[Kind]) -> Vec<records::Zone> {
    let mut out: Vec<records::Zone> = Vec::new();
    let mut last_kind: Option<&'static str> = None;
    for (l, k) in lines.iter().zip(kinds) {
        match k {
            Kind::Blank => {}
            Kind::Prose => last_kind = None,
            Kind::Zone(kind) => {
                match out.last_mut() {
                    Some(z) if last_kind == Some(*kind) => z.source_byte_end = l.trim_end,
                    _ => out.push(records::Zone {
                        kind: kind.to_string(),
                        source_byte_start: l.trim_start,
                        source_byte_end: l.trim_end,
                    }),
                }
                last_kind = Some(kind);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn kinds(raw: &str) -> Vec<Kind> {
        classify(raw, &split_lines(raw), None).kinds
    }

    #[test]
    fn timestamp_lines() {
        assert!(is_timestamp_line("2019-11-30 17:05"));
        assert!(is_timestamp_line("12 March 2020 14:00 (UTC+03:00)"));
        assert!(is_timestamp_line("Published: Sept. 14, 2018"));
        assert!(is_timestamp_line(
            "Jakarta   /   Fri, June 28, 2024   /   04:15 pm"
        ));
        assert!(is_timestamp_line("الثلاثاء 14 ماي 2024 - 18:20"));
        assert!(!is_timestamp_line(
            "Jakarta / Bandung: 12 dead in 2024 floods"
        ));
        assert!(is_timestamp_line("Senin, 5 Agustus 2019 10:00 WIB"));
        assert!(is_timestamp_line("الأحد 3 مارس 2019 - 10:30"));
        assert!(is_timestamp_line("نشرت في: 15/02/2024 - 18:30"));
        assert!(is_timestamp_line(
            "Burak Bir |02.01.2024 - Update : 02.01.2024"
        ));
        assert!(is_timestamp_line("March 4, 2024 at 9:12 AM GMT+1"));
        assert!(!is_timestamp_line("Prices | rose on March 4, 2024 sharply"));
        assert!(!is_timestamp_line("The talks ended on March 3, 2019."));
        assert!(!is_timestamp_line(
            "Rapat digelar 5 Agustus 2019 di Jakarta"
        ));
    }

    #[test]
    fn stamps_counters_and_page_furniture_of_more_outlets() {
        // Probe in41 B4, M3; in42 3.4; in43 §3.
        for stamp in [
            "Published - March 12, 2024 07:15 pm IST - NEW DELHI",
            "Ari Sandita Murti, Jurnalis · Rabu 13 Maret 2024 16:42 WIB",
            "منذ 5 ساعات",
            "5 hours ago",
            "2 jam yang lalu",
            "الثلاثاء - 2 رمضان 1445 هـ - 12 مارس 2024 مـ رقم العدد [ 16540 ]",
        ] {
            assert_eq!(line_kind(stamp), Kind::Zone("timestamp"), "{stamp}");
        }
        assert_eq!(
            stamped_place("Published - March 12, 2024 07:15 pm IST - NEW DELHI"),
            Some("NEW DELHI")
        );
        assert_eq!(stamped_place("Published - March 12, 2024 - UPDATE"), None);
        for counter in [
            "March 15, 2024 10:21 PM 5 min read",
            "Reading Time: 3 mins read",
            "Dibaca Normal 3 menit",
        ] {
            assert_eq!(line_kind(counter), Kind::Zone("share_counter"), "{counter}");
        }
        for nav in [
            "Halaman 2",
            "[halaman selanjutnya]",
            "اقتصاد",
            "Page 2 of 3",
            "READ: Cauvery row: T.N. moves Supreme Court seeking release of 24,000 cusecs",
            "- Related: Northern provinces brace for more rain as storm Yagi weakens",
            "Read Next",
            "Related Topics",
            "Follow Berita Okezone di Google News",
            "Baca juga artikel terkait KORUPSI ALKES BANTEN atau tulisan lainnya dari Fransiskus Adryanto Pratama",
        ] {
            assert_eq!(line_kind(nav), Kind::Zone("navigation"), "{nav}");
        }
        // Prose of the same words.
        for prose in [
            "Halaman 2 surat kabar itu memuat foto korban.",
            "Halaman rumahnya terendam air setinggi 50 sentimeter.",
            "Read the full statement below.",
            "Readers wrote 5 letters in 3 days.",
            "Related to the case, police arrested two men.",
            "Five hours ago, the storm hit the coast.",
            "Warga sudah menunggu 5 jam lalu pulang.",
            "منذ 5 ساعات والسكان ينتظرون وصول فرق الإنقاذ.",
            "اقتصاد مصر ينمو بنسبة 4 في المائة.",
            "It took 5 minutes to read the verdict.",
            "1. El Nino sudah melemah, La Nina mengintai",
            "- Russian missile strike on Odesa kills five, injures 21",
        ] {
            assert_eq!(line_kind(prose), Kind::Prose, "{prose}");
        }
    }

    #[test]
    fn timestamp_lines_of_more_outlets() {
        assert!(is_timestamp_line("Published: 9:30pm, 18 Jul 2024"));
        assert!(is_timestamp_line("Thursday, 05 Dec 2024 4:21 PM MYT"));
        assert!(is_timestamp_line(
            "Published December 5, 2024 Updated about 3 hours ago"
        ));
        assert!(is_timestamp_line("Published in Dawn, December 5th, 2024"));
        assert!(is_timestamp_line("2024-07-22T11:43:00+03:00"));
        assert!(is_timestamp_line(
            "نشر في: الأربعاء 6 ديسمبر 2023 - 2:15 م | آخر تحديث: الأربعاء 6 ديسمبر 2023 - 2:15 م"
        ));
        assert!(is_timestamp_line(
            "الثلاثاء 14 جمادى الأولى 1445هـ 28 نوفمبر 2023 00:55"
        ));
        assert!(is_timestamp_line(
            "Pikiran-Rakyat.com - 6 Maret 2026, 13:05 WIB"
        ));
        // Prose with a date and a name before a comma or a dash.
        assert!(!is_timestamp_line(
            "Published in Dawn, the report of December 5, 2024 was wrong."
        ));
        assert!(!is_timestamp_line("Jakarta - 6 Maret 2026, 13:05 WIB"));
        assert!(!is_timestamp_line("About 300 people died on 5 May 2024."));
        assert_eq!(
            credited_date("Penulis: Despian Nurhidayat - Senin, 09 Maret 2026, 16:30 WIB"),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 9)
        );
        assert_eq!(
            credited_date(
                "By DAILY SABAH WITH AA | Published: Nov 14, 2024 at 3:42 PM | Last Modified: Nov 14, 2024 at 6:10 PM"
            ),
            chrono::NaiveDate::from_ymd_opt(2024, 11, 14)
        );
        assert_eq!(
            credited_date("Reporter: Ahmad Fauzi | Editor: Dhimas Ginanjar"),
            None
        );
    }

    #[test]
    fn photo_credits_and_sign_offs() {
        for credit in [
            "(AA Photo)",
            "— Bernama pic",
            "ST PHOTO: GAVIN FOO",
            "(Dite Surendra/Jawa Pos)",
            "(MI/Usman Iskandar)",
            "FOTO/SINDOnews/Arie Dwi Satrio",
            "Foto: Ricardo/JPNN.com",
            "/Pikiran Rakyat/Novianti Nurulliah",
            "(أرشيف \"النهار\")",
            "- صورة أرشيفية",
        ] {
            assert!(is_photo_credit(credit), "{credit}");
        }
        for prose in [
            "(Jakarta)",
            "Foto bersama digelar usai rapat di Balai Kota.",
            "The Big Picture: what the vote means",
            "- الرئيس يستقبل الوفد",
            // A photo word alone, or in a phrase, or in a list item, is no credit.
            "(photo)",
            "- A state identification card with a photo",
            "- Pas foto berwarna latar merah",
        ] {
            assert!(!is_photo_credit(prose), "{prose}");
        }
        // Credits side by side after a bar, without colons (Kompas); not a title with a bar.
        assert!(is_credits_line(
            "Penulis Kontributor Yogyakarta, Wijaya Kusuma | Editor Ardi Priyatno Utomo"
        ));
        assert!(!is_credits_line("Editor's pick | The best of the week"));
        assert!(!is_credits_line(
            "Reporter shortage | Newsrooms struggle to hire"
        ));
        // A photo word opening a title's words is no credit's label.
        for title in [
            "Picture This: Jakarta Without Traffic",
            "Foto Viral: Bocah Penjual Koran",
            "Photo Finish: Verstappen Edges Norris",
        ] {
            assert!(!is_photo_credit(title), "{title}");
        }
        // Nor is a sentence's end after a dash or in brackets cut as one, nor the name in
        // brackets that a line names as a paper's or an agency's.
        for prose in [
            "وأكد المتحدث باسم الخارجية ذلك في تصريحات خاصة لصحيفة (الشرق الأوسط)",
            "وارتفعت الأسعار مجددا بحسب ما نقلت وكالة (رويترز)",
            "Riot police lined the steps but did not intervene — a picture of restraint.",
            "وقدم التقرير - وهو الأول من نوعه - صورة قاتمة عن الاقتصاد.",
            "Polisi menyita sejumlah barang bukti - foto-foto korban dan sebuah ponsel.",
            "Officers released an image of the girl taken on the day she disappeared (photo).",
        ] {
            assert_eq!(trailing_credit(prose), None, "{prose}");
        }
        let cut = |s: &'static str| trailing_credit(s).map(|i| &s[i..]);
        assert_eq!(
            cut("Presiden meninjau lokasi, Senin (9/3/2026).(MI/Usman Iskandar)"),
            Some("(MI/Usman Iskandar)")
        );
        assert_eq!(
            cut("Housing demand remains strong, says the minister. ST PHOTO: GAVIN FOO"),
            Some("ST PHOTO: GAVIN FOO")
        );
        assert_eq!(
            cut("الدكتور مصطفى مدبولي رئيس مجلس الوزراء - صورة أرشيفية"),
            Some("- صورة أرشيفية")
        );
        assert_eq!(
            cut("\"Kami undang perwakilan buruh,\" ujar Yassierli. (cr3/jpnn)"),
            Some("(cr3/jpnn)")
        );
        assert_eq!(
            cut("\"Kami siap,\" ucap Kang DS, sapaan akrabnya.***"),
            Some("***")
        );
        // A source or an aside closing a sentence is its own.
        assert_eq!(
            cut("Support for the party fell to 30 percent (Reuters/Ipsos)"),
            None
        );
        assert_eq!(cut("Support fell to 30 percent (Reuters/Ipsos)."), None);
        assert_eq!(cut("The plan (see below) was approved (in part)"), None);
        assert_eq!(cut("Harga naik 5 persen (y/y)."), None);
        let text = "[Photo: Xinhua] A China Coast Guard vessel sails near the shoal.";
        assert_eq!(
            leading_photo_credit(text).map(|i| &text[i..]),
            Some("A China Coast Guard vessel sails near the shoal.")
        );
        assert_eq!(leading_photo_credit("(Photo) he said, was fake."), None);
        assert!(is_credits_line("(far/c7/dns)"));
        assert!(is_credits_line("(Z-10)"));
        assert!(is_credits_line("--(بترا) ر ع/ س ص/ أ ز"));
        assert!(is_credits_line("Redaktur & Reporter : Fathan Sinaga"));
        assert!(is_credits_line(
            "By DAILY SABAH WITH AA | Published: Nov 14, 2024 at 3:42 PM | Last Modified: Nov 14, 2024 at 6:10 PM"
        ));
        assert!(!is_credits_line("(24/7)"));
        assert!(!is_credits_line("(COVID-19)"));
        assert!(!is_credits_line("(بترا) أكد الوزير أن التعاون مستمر"));
        assert!(!is_credits_line(
            "Editor & publisher Jane Doe retired on Monday."
        ));
    }

    #[test]
    fn photo_credits_of_more_outlets() {
        // Probe in41 B1, in42 3.2, in43 §3: credits closing a caption.
        let cut = |s: &'static str| trailing_credit(s).map(|i| &s[i..]);
        for (caption, credit) in [
            (
                "Petugas menghitung uang dolar AS di salah satu gerai penukaran valuta asing di Jakarta. Bisnis/Himawan L Nugraha",
                "Bisnis/Himawan L Nugraha",
            ),
            (
                "Terdakwa kasus korupsi alat kesehatan Rahmat Hidayatullah menjalani sidang putusan di Pengadilan Tipikor Jakarta Pusat, Senin (18/3/2024). tirto.id/Andrey Gromico",
                "tirto.id/Andrey Gromico",
            ),
            (
                "Tumpukan sampah meluber hingga ke badan jalan di Depo Mandala Krida, Kota Jogja, Senin (18/3/2024). - Harian Jogja/Sirojul Khafid",
                "- Harian Jogja/Sirojul Khafid",
            ),
            (
                "The Madras High Court in Chennai. File | Photo Credit: K. PICHUMANI",
                "File | Photo Credit: K. PICHUMANI",
            ),
            (
                "A public bus at the Al Ghubaiba Bus Station in Dubai. Image Credit: Gulf News Archives",
                "Image Credit: Gulf News Archives",
            ),
            (
                "Sen. Ramon dela Serna presides over the hearing on Wednesday. (Photo from Senate PRIB)",
                "(Photo from Senate PRIB)",
            ),
            (
                "The plant in Hokkaido is due to start production in 2027. (Photo by Hiroki Endo)",
                "(Photo by Hiroki Endo)",
            ),
            (
                "وزير الخارجية هشام عبد الرؤوف ونظيرته النرويجية خلال المؤتمر الصحفي - تصوير: أحمد عبد الفتاح",
                "- تصوير: أحمد عبد الفتاح",
            ),
            (
                "من المتوقع أن تبدأ مرحلة التشغيل التجاري للمشروعين في الربع الأخير من 2027 (رويترز)",
                "(رويترز)",
            ),
            (
                "نازحون سودانيون ينتظرون توزيع المساعدات في مخيم أدري على الحدود التشادية (أ ف ب)",
                "(أ ف ب)",
            ),
        ] {
            assert_eq!(cut(caption), Some(credit), "{caption}");
        }
        for line in [
            "صورة: هسبريس",
            "صورة أرشيفية / Gettyimages.ru",
            "Image Credit: Gulf News Archives",
        ] {
            assert_eq!(line_kind(line), Kind::Zone("credits"), "{line}");
        }
        // Sentences that end alike keep their words.
        for prose in [
            "Shares of the bank fell 3 percent (Credit Suisse)",
            "Shares of the bank fell 3 percent. (Credit Suisse)",
            "Band rock itu tampil memukau. AC/DC Announces World Tour",
            "Harga naik 5 persen, kata analis Bisnis/Keuangan Indonesia.",
            "Oil prices rose on Monday (Reuters)",
            "وقال الوزير إن الحكومة ستواصل العمل (في إشارة إلى الأزمة)",
            "وتحدث الوزير عن السلام في الشرق الأوسط",
            "وأكد أن الصورة: واضحة تماما",
        ] {
            assert_eq!(cut(prose), None, "{prose}");
        }
        for prose in [
            "AC/DC Announces World Tour",
            "Jokowi/Prabowo Subianto",
            "صورة الوضع في غزة قاتمة جدا.",
        ] {
            assert_eq!(line_kind(prose), Kind::Prose, "{prose}");
        }
    }

    #[test]
    fn header_credits_of_more_outlets() {
        // Probe in43 §3, in42 3.1: Republika, Tirto and Inquirer bylines.
        for credit in [
            "Rep: Fauzan Hidayat/ Red: Muhammad Hafil",
            "Red: Ani Nursalikah",
            "Oleh: Fransiskus Adryanto Pratama - 18 Maret 2024 16:20 WIB",
            "By: Kristine Joy Villanueva - Reporter / @KJVillanuevaINQ",
            "By: Rhia Mae C. Alcordo - Inquirer Visayas / @RMAlcordoINQ",
        ] {
            assert_eq!(line_kind(credit), Kind::Zone("credits"), "{credit}");
        }
        assert_eq!(
            credited_date("Oleh: Fransiskus Adryanto Pratama - 18 Maret 2024 16:20 WIB"),
            chrono::NaiveDate::from_ymd_opt(2024, 3, 18)
        );
        // A sentence opening with a US representative's title, legends, and prose that opens
        // with "Oleh" or "By".
        for prose in [
            "Rep. Alexandria Ocasio-Cortez said the bill would pass.",
            "Rep: the bill would pass, she said.",
            "Red: areas of high risk",
            "Red: The Untold Story",
            "Oleh karena itu, warga diminta waspada.",
            "Oleh-oleh khas Jogja laris manis.",
            "By-election results were announced on Sunday.",
            "By 2030, cut emissions by 55 percent.",
        ] {
            assert_eq!(line_kind(prose), Kind::Prose, "{prose}");
        }
    }

    #[test]
    fn list_items_compounds_subheadings_and_slogans_stay_prose() {
        for prose in [
            "• Evan Gershkovich Wall Street Journal reporter",
            "• By 2030, cut emissions by 55 percent from 1990 levels",
            "Baca-tulis masih menjadi masalah utama di sejumlah desa di Pulau Sumba.",
            "Also On The Ballot",
            "Join us in the streets on Saturday, the union leader told members on Facebook, calling for a day of action.",
            "#BringBackOurGirls",
            "On Election Day, November 5, 2024",
        ] {
            assert_eq!(line_kind(prose), Kind::Prose, "{prose}");
        }
    }

    #[test]
    fn navigation_and_promos_of_more_outlets() {
        for nav in [
            "Baca: Jakarta Diguyur Hujan Sejak Pagi, 23 RT Tergenang",
            "Also on POLITICO",
            "Related Stories",
            "Sign up now for our newsletter and get the latest China news.",
            "Get ST's newsletters delivered to your inbox",
            "Join ST's Telegram channel and get the latest breaking news delivered to you.",
            "Cek Berita dan Artikel yang lain di Google News",
            "Dapatkan informasi terkini dan terbaru yang diupdate setiap hari dengan bergabung di Grup Telegram \"Pikiran Rakyat\". Klik link berikut.",
            "Jangan Lewatkan Video Terbaru:",
            "للمزيد: تابع حساب عكاظ على منصة X",
            "#عكاظ",
            "UAE / Transport",
            "News / National",
        ] {
            assert!(is_navigation_line(nav), "{nav}");
        }
        for prose in [
            "Baca tulis masih menjadi masalah di desa itu.",
            "Bacaan doa dibacakan oleh ulama setempat.",
            "Also on Monday, the ministry announced new rules.",
            "Also on Monday",
            "Get rid of Facebook, lawmakers told the company's users.",
            "Join the protest on Facebook, the group urged its members.",
            "Follow these steps:",
            "للمزيد من المعلومات زار الوفد المتحف الوطني.",
            "#1 in the rankings again",
            "Wins / losses stayed level this year.",
            "The ratio of debt / GDP rose",
        ] {
            assert!(!is_navigation_line(prose), "{prose}");
        }
        assert_eq!(
            kinds(
                "Ulasan\nBadan Pusat Statistik mencatat inflasi naik.\n• اقرأ أيضا: وزير التموين: احتياطي القمح يكفي"
            ),
            vec![Kind::Prose, Kind::Prose, Kind::Zone("navigation")]
        );
        assert_eq!(
            kinds(
                "Rain returns\nThe rain fell on Monday. Farmers were glad.\n• Additional reporting by Goh Yan Han"
            ),
            vec![Kind::Prose, Kind::Prose, Kind::Zone("credits")]
        );
    }

    #[test]
    fn headings_of_a_live_page_are_no_bylines() {
        let lead = "The president met his Ukrainian counterpart at the White House on Thursday to discuss new aid for Kyiv.";
        let raw = format!(
            "Live: Zelensky visits Washington\nUpdated 10:45 GMT\nBiden Meets Zelensky\n{lead}\nUpdated 09:30 GMT\nSenate Vote Delayed\n{lead}"
        );
        let k = kinds(&raw);
        assert_eq!((k[2], k[5]), (Kind::Prose, Kind::Prose), "{k:?}");
    }

    #[test]
    fn bylines_in_the_header() {
        let lead = "The Government will review the stamp duty for foreigners later this year, the minister said on Wednesday afternoon in the Parliament.";
        let raw =
            format!("Singapore to tighten rules\nNg Keng Gene\nHousing Correspondent\n{lead}");
        assert_eq!(
            kinds(&raw),
            vec![
                Kind::Prose,
                Kind::Zone("credits"),
                Kind::Zone("credits"),
                Kind::Prose
            ]
        );
        let raw = format!(
            "Pakistan, Afghanistan agree\nTahir Khan | Baqir Sajjad Syed\nPublished December 5, 2024 Updated about 3 hours ago\n{lead}"
        );
        assert_eq!(
            kinds(&raw),
            vec![
                Kind::Prose,
                Kind::Zone("credits"),
                Kind::Zone("timestamp"),
                Kind::Prose
            ]
        );
        let raw = format!(
            "China warns Manila\nKawala Xie and Laura Zhou\nin Beijing\nPublished: 9:30pm, 18 Jul 2024\n{lead}"
        );
        assert_eq!(
            kinds(&raw)[1..3],
            [Kind::Zone("credits"), Kind::Zone("credits")]
        );
        let raw = format!(
            "بري: الحوار هو الممر\nالمصدر: \"النهار\"\nسابين عويس\n13-03-2024 | 06:00\n{lead}"
        );
        assert_eq!(kinds(&raw)[2], Kind::Zone("credits"));
        // A name in the header with nothing of a byline around it, and a name in the body,
        // stay prose.
        let raw = format!("Singapore to tighten rules\nDesmond Lee\n{lead}");
        assert_eq!(kinds(&raw)[1], Kind::Prose);
        let raw = format!(
            "Singapore to tighten rules\n{lead}\nDesmond Lee\nPublished: 9:30pm, 18 Jul 2024"
        );
        assert_eq!(kinds(&raw)[2], Kind::Prose);
    }

    #[test]
    fn counter_lines() {
        assert!(is_counter_line(
            "Views: 1,024   Comments: 3   10:15  5 May 2020"
        ));
        assert!(is_counter_line("Dibaca 1.234 kali"));
        assert!(is_counter_line("مشاهدة 350"));
        assert!(!is_counter_line("He read 3 books."));
    }

    #[test]
    fn credits_copyright_navigation() {
        assert!(is_credits_line("Translator: Jane Roe"));
        assert!(is_credits_line("Pewarta: Budi Santoso"));
        assert!(is_credits_line("Editor: Rina"));
        assert!(is_credits_line("المحرر: أحمد علي"));
        assert!(is_credits_line(
            "Reporting by John Doe; Editing by Mary Major"
        ));
        assert!(!is_credits_line(
            "By the end of the year, prices had doubled."
        ));
        assert!(!is_credits_line(
            "Editors around the world said the rule was wrong."
        ));
        assert!(is_copyright_line("Copyright © Kantor Berita 2019"));
        assert!(is_copyright_line(
            "© 2020 The Daily Post. All rights reserved."
        ));
        assert!(is_copyright_line("جميع الحقوق محفوظة 2021"));
        assert!(!is_copyright_line(
            "The Ministry discussed trade and tourism."
        ));
        assert!(is_navigation_line("Baca juga: Harga minyak naik"));
        assert!(is_navigation_line("Home > World > Asia"));
        assert!(is_navigation_line("اقرأ أيضا: ارتفاع أسعار النفط"));
        assert!(!is_navigation_line("Related talks will follow next week."));
        assert!(is_navigation_line(
            "Share this article: Facebook Twitter WhatsApp"
        ));
        assert!(is_navigation_line("Facebook | Twitter | LinkedIn | Email"));
        assert!(is_credits_line("(wdi/rir)"));
        assert!(is_credits_line("dh/rc (AFP, Reuters)"));
        assert!(is_credits_line("[fik]"));
        assert!(is_credits_line("ع.ج/ ف.ي (د ب أ، رويترز)"));
        assert!(is_credits_line(
            "(تغطية صحفية أحمد غدار - إعداد محمد اليماني للنشرة العربية - تحرير سهى جادو)"
        ));
        assert!(!is_credits_line("Output rose 5% y/y (Reuters)"));
        assert!(!is_credits_line("The 24/7 service (launched in May)."));
        assert!(is_credits_line(
            "(Reporting by Florence Tan; Editing by Sonali Paul)"
        ));
        assert!(is_credits_line(
            "(Reporting by Florence Tan in Singapore and Arathy Somasekhar in Houston; Editing by Christian Schmollinger)"
        ));
        assert!(is_navigation_line(
            "Simak Video \"Polri Siagakan Personel di Gereja\""
        ));
        assert!(is_navigation_line("[Gambas:Video 20detik]"));
        assert!(is_navigation_line("Baca halaman selanjutnya"));
        assert!(is_credits_line(
            "Associated Press writer Lolita C. Baldor contributed to this report."
        ));
        assert!(is_credits_line("— With input from SPA"));
        assert!(is_credits_line("(ant / eng)"));
        assert!(!is_credits_line("(see below)"));
        assert!(is_credits_line("(Ari)"));
        assert!(is_credits_line(
            "Richard Partington Economics correspondent"
        ));
        assert!(!is_credits_line("He met the editor"));
        assert!(!is_credits_line("The Times appointed a new editor."));
        assert!(is_credits_line("كتب محمد أحمد"));
        assert!(is_credits_line("(النهاية) ع ن ج / م ع ح"));
        assert!(is_credits_line("— With assistance from Yongchang Chin"));
        assert!(is_credits_line(
            "Zolan Kanno-Youngs contributed reporting from Washington."
        ));
        assert!(is_credits_line("JANE DOE CONTRIBUTED TO THIS REPORT."));
        assert!(!is_credits_line(
            "Jane Doe, who contributed reporting from Gaza for a decade, was killed."
        ));
        assert!(is_navigation_line("Saksikan video di bawah ini:"));
        assert!(is_navigation_line(
            "Get our pick of top stories and thought-provoking articles in your inbox"
        ));
        assert!(is_navigation_line("Sign up for our daily newsletter"));
        assert!(is_navigation_line(
            "Get the latest news on WhatsApp. Follow us here."
        ));
        assert!(is_navigation_line("Ikuti kami di Google News."));
        assert!(is_navigation_line("تابعونا على تيليجرام"));
        assert!(is_navigation_line("انضم إلى قناتنا على تيليجرام"));
        assert!(!is_navigation_line(
            "انضم أكثر من 10 ملايين مستخدم إلى تيليجرام خلال 72 ساعة"
        ));
        assert!(!is_navigation_line("Follow the money, investigators said."));
        assert!(is_header_pair("دبي - البيان"));
        assert!(is_header_pair("عنب بلدي – إدلب"));
        assert!(is_header_pair("هسبريس - محمد الراجي"));
        assert!(is_header_pair("فرانس 24 / أ ف ب"));
        assert!(is_header_pair("هسبريس - محمد بلقاسم من طاطا"));
        assert_eq!(
            header_pair_outlet("هسبريس - محمد بلقاسم من طاطا"),
            Some("هسبريس")
        );
        assert_eq!(header_pair_outlet("هسبريس - رياضة"), Some("هسبريس"));
        assert_eq!(header_pair_outlet("عنب بلدي – إدلب"), None);
        assert!(!is_header_pair(
            "Harga beras - naik lagi dari pekan lalu hingga hari ini"
        ));
        assert!(!is_header_pair("2024 - 2025"));
        assert!(!is_header_pair("Arsenal 2 - 1 Chelsea"));
        assert!(!is_header_pair("Oil prices rose sharply - again"));
        assert!(!is_header_pair(
            "The minister said the talks - which began in May - failed"
        ));
        assert!(!is_navigation_line(
            "Gabungan pengusaha mengeluhkan iklan di TikTok yang merugikan pedagang kecil."
        ));
        assert!(!is_navigation_line(
            "انضمت شركة ميتا المالكة لفيسبوك إلى التحالف الجديد لحماية الأطفال على الإنترنت."
        ));
        assert!(!is_navigation_line(
            "Sign up for the draft was slow this year."
        ));
        assert!(!is_credits_line("كتب الرئيس على منصة إكس أن الوضع صعب."));
        assert!(is_navigation_line(
            "Baca artikel detikfinance, \"Menkeu: Defisit APBN 2024 masih aman\" selengkapnya"
        ));
        assert!(is_navigation_line(
            "Bagikan artikel ini: Facebook, WhatsApp"
        ));
        assert!(!is_navigation_line(
            "Facebook and Twitter banned the account."
        ));
        assert!(!is_navigation_line("Share prices rose sharply on Monday."));
    }

    #[test]
    fn lower_case_makes_no_whitespace() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(c.is_whitespace() || !c.to_lowercase().any(char::is_whitespace));
        }
        assert_eq!(norm_key(" A  ΟΔΟΣ\tb "), "a οδος b");
    }

    #[test]
    fn title_and_duplicate_title() {
        let raw = "Port Traffic Rises Again\nPort Traffic Rises Again\n\nThe port handled more ships. Officials were pleased.";
        let k = kinds(raw);
        assert_eq!(k[0], Kind::Prose);
        assert_eq!(k[1], Kind::Zone("duplicate_title"));
        let l = classify(raw, &split_lines(raw), None);
        assert_eq!(l.title, Some(0));
        // No title when the first line is a sentence.
        let raw = "Harga beras naik di pasar.\n\nPedagang mengeluh.";
        assert_eq!(classify(raw, &split_lines(raw), None).title, None);
    }

    #[test]
    fn teasers_after_body() {
        let raw = "Rain Returns to the Valley\n\
            Farmers welcomed the first rain in months on Monday. The reservoirs are still low.\n\
            Bridge reopens after repairs\n\
            The old bridge reopened to traffic after two years.\n\
            Local team wins the cup\n\
            The city's team won the regional cup on Sunday.\n\
            New museum opens downtown\n\
            A museum of local history opened its doors.";
        let k = kinds(raw);
        assert_eq!(k[1], Kind::Prose);
        assert!(k[2..].iter().all(|k| *k == Kind::Zone("teasers")));
    }

    #[test]
    fn headlines_under_a_header_of_links_are_teasers() {
        let text = "Tokayev receives delegation\nThe president received a delegation. Talks followed.\n\nRelated news\nTokayev holds talks with Uzbek President\nKazakhstan, EU discuss transport corridor";
        let lines = split_lines(text);
        let k = classify(text, &lines, None).kinds;
        assert_eq!(
            k,
            vec![
                Kind::Prose,
                Kind::Prose,
                Kind::Blank,
                Kind::Zone("navigation"),
                Kind::Zone("teasers"),
                Kind::Zone("teasers")
            ]
        );
    }

    #[test]
    fn sections_are_not_teasers() {
        let raw = "Budget talks\n\
            The council met on Monday.\n\
            Background\n\
            The budget was cut last year. Schools lost funds. Parents protested.\n\
            The mayor promised a review.\n\
            The review found errors.\n\
            Next steps\n\
            A vote is due in May.";
        let k = kinds(raw);
        assert!(k.iter().all(|k| matches!(k, Kind::Prose | Kind::Blank)));
    }

    #[test]
    fn credit_block_in_indonesian() {
        let raw = "Jakarta (Antara) - Harga cabai naik.\n\nPewarta: Budi\nEditor: Sari\nCopyright © Antara 2021";
        let lines = split_lines(raw);
        let l = classify(raw, &lines, None);
        let z = zones(&lines, &l.kinds);
        assert_eq!(z.len(), 2);
        assert_eq!(z[0].kind, "credits");
        assert_eq!(z[1].kind, "copyright");
    }
}
