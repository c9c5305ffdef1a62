//! `dates/8`: dates and periods in English, Indonesian and Arabic, normalised to ISO 8601.
//!
//! Absolute dates ("2 June 2021", "June 2, 2021", "15 سبتمبر 2022", "2021-06-04"), partial
//! ones ("June 2", "Kamis (15/9)"), months ("June 2021"), years ("2022") and relative
//! expressions ("last year", "tahun ini", "العام الماضي") are placed on the calendar from the
//! article's reference date: `published`, else `copyright_year`, else a full date in the
//! article's first lines (a timestamp), else a copyright year in the text. Where the article
//! gives no reference, a partial or relative date keeps a null canonical. Vague periods
//! ("recent years", "saat ini", "منذ قرن") are not dates.

use parse::chars;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, Days, Months, NaiveDate};
use records::{Article, EntityType};
use regex::{Captures, Regex, RegexSet};

use super::doc::Doc;
use super::lexicon::{Lexicon, Relative};
use super::text::{Folded, fold, fold_str, suffix};
use crate::{EntityLabeler, Proposal};

pub const NAME: &str = "dates/8";

/// Words after a number that make it a quantity, not a year.
const UNITS: [&str; 20] = [
    "people",
    "persons",
    "tons",
    "tonnes",
    "km",
    "kilometers",
    "kilometres",
    "meters",
    "units",
    "orang",
    "ton",
    "unit",
    "dollars",
    "usd",
    "yuan",
    "manat",
    "rupiah",
    "barrels",
    "cars",
    "companies",
];

#[derive(Default)]
pub struct DateLabeler;

impl DateLabeler {
    pub fn new() -> DateLabeler {
        DateLabeler
    }
}

/// What the article lets us place dates by.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Reference {
    year: Option<i32>,
    date: Option<NaiveDate>,
}

struct Patterns {
    /// The sentence patterns, indexed by [`Kind`].
    sentence: Vec<Regex>,
    /// The same patterns as one set: one pass over a sentence tells which of them match at
    /// all (most match nowhere in most sentences), and only those run again for their
    /// captures (a set's match of pattern `i` is exactly `sentence[i].is_match`).
    any: RegexSet,
    copyright: Regex,
}

/// The sentence patterns, as indexes of [`Patterns::sentence`] and [`Patterns::any`].
#[derive(Clone, Copy)]
enum Kind {
    Iso,
    WeekdayDm,
    MonthDay,
    DayMonth,
    MonthYear,
    Weekday,
    Month,
    Relative,
    Year,
}

fn alternation<'a>(items: impl Iterator<Item = &'a String>) -> String {
    let mut v: Vec<&String> = items.collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v.iter()
        .map(|s| regex::escape(s).replace("\\ ", "\\s+").replace(' ', "\\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let lx = super::lexicon();
        let months = alternation(lx.months.values().flat_map(|m| m.keys()));
        let weekdays = alternation(lx.weekdays.values().flat_map(|m| m.keys()));
        let weekday_leads = alternation(lx.weekday_leads.iter());
        let times_of_day = alternation(lx.times_of_day.iter());
        let relative = alternation(lx.relative.values().flat_map(|m| m.keys()));
        let relative_years = alternation(
            (lx.relative.values().flat_map(|m| m.iter()))
                .filter(|(_, r)| matches!(r, Relative::Year(_)))
                .map(|(k, _)| k),
        );
        // Letters around a match must not continue a word (\b is ASCII-blind for Arabic).
        let l = r"(?:^|[^\p{L}\p{N}])";
        let r = r"(?:$|[^\p{L}\p{N}])";
        let d = r"[0-9٠-٩]";
        let sources: [(Kind, String); 9] = [
            (
                Kind::Iso,
                format!(r"{l}(?P<m>(?P<y>{d}{{4}})-(?P<mo>{d}{{2}})-(?P<d>{d}{{2}})){r}"),
            ),
            (
                Kind::WeekdayDm,
                format!(
                    r"(?i){l}(?P<m>(?P<wd>{weekdays})\s*\(\s*(?P<d>{d}{{1,2}})/(?P<mo>{d}{{1,2}})(?:/(?P<y>{d}{{2,4}}))?\s*\)){r}"
                ),
            ),
            (
                Kind::MonthDay,
                format!(
                    r"(?i){l}(?P<m>(?:(?:{weekdays}),?\s+)?(?P<mon>{months})\.?\s+(?P<d>{d}{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>{d}{{4}}))?){r}"
                ),
            ),
            (
                Kind::DayMonth,
                format!(
                    r"(?i){l}(?P<m>(?P<d>{d}{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{months})(?:,?\s+(?P<y>{d}{{4}}))?){r}"
                ),
            ),
            (
                Kind::MonthYear,
                format!(r"(?i){l}(?P<m>(?P<mon>{months})\.?,?\s+(?P<y>{d}{{4}})){r}"),
            ),
            // "on Tuesday", "pada Senin", "يوم الخميس", "said Monday": the weekday alone,
            // after a word that leads a past day (`weekday_lead`, `time_of_day`: the value is
            // the last such day), or after a comma, as Arabic news writes the day of the event ("حذر البرنامج، الأربعاء، من").
            (
                Kind::Weekday,
                format!(
                    r"(?i)(?:(?:^|[^\p{{L}}\p{{N}}])(?:{weekday_leads}|و?(?:{times_of_day}))\s+|،\s*)(?P<m>{weekdays}){r}"
                ),
            ),
            // "in June", "sejak Maret": the month alone, perhaps of a year said relatively
            // ("pada Juli tahun ini", "in March next year").
            (
                Kind::Month,
                format!(
                    r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?:in|since|until|by|early|late|mid-|pada|bulan|sejak|hingga|sampai|في|منذ|خلال|حتى)\s+(?P<m>(?P<mon>{months})(?:\s+(?P<rel>{relative_years}))?){r}"
                ),
            ),
            (Kind::Relative, format!(r"(?i){l}(?P<m>{relative}){r}")),
            (Kind::Year, format!(r"{l}(?P<m>(?:19|20|١٩|٢٠){d}{{2}}){r}")),
        ];
        assert!(
            (sources.iter().enumerate()).all(|(i, (kind, _))| *kind as usize == i),
            "sources in Kind order"
        );
        Patterns {
            sentence: (sources.iter())
                .map(|(_, s)| Regex::new(s).expect("date pattern"))
                .collect(),
            any: RegexSet::new(sources.iter().map(|(_, s)| s)).expect("date patterns"),
            copyright: Regex::new(r"(?i)(?:copyright|©|\(c\))[^0-9\n]{0,40}((?:19|20)[0-9]{2})")
                .expect("copyright pattern"),
        }
    })
}

/// ASCII value of a run of Western or Arabic-Indic digits.
fn number(s: &str) -> Option<i32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            c => c,
        })
        .collect();
    ascii.parse().ok()
}

fn month_of(lx: &Lexicon, name: &str) -> Option<u32> {
    let key = fold_str(name.trim_end_matches('.'));
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    lx.months.values().find_map(|m| m.get(&key).copied())
}

fn reference(article: &Article) -> Reference {
    if let Some(d) = article.published {
        return Reference {
            year: Some(d.year()),
            date: Some(d),
        };
    }
    if let Some(y) = article.copyright_year {
        return Reference {
            year: Some(y),
            date: None,
        };
    }
    // A timestamp among the first lines (before the parser knows the publication date).
    let head: String = article
        .text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    let none = Reference::default();
    let mut found: Vec<(usize, Option<NaiveDate>, Option<i32>)> = Vec::new();
    collect(&head, &fold(&head), &none, &mut found_adapter(&mut found));
    if let Some(d) = found.iter().filter_map(|(_, d, _)| *d).next() {
        return Reference {
            year: Some(d.year()),
            date: Some(d),
        };
    }
    if let Some(c) = patterns().copyright.captures(&article.text) {
        return Reference {
            year: number(&c[1]),
            date: None,
        };
    }
    none
}

/// Keeps only the full dates of `collect`.
fn found_adapter(
    found: &mut Vec<(usize, Option<NaiveDate>, Option<i32>)>,
) -> impl FnMut(usize, usize, Value) + '_ {
    move |start, _end, v| {
        if let Value::Day(d) = v {
            found.push((start, Some(d), None));
        }
    }
}

/// A date's value, as precise as the text and the reference allow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    Unplaced,
}

impl Value {
    fn iso(self) -> Option<String> {
        match self {
            Value::Day(d) => Some(d.format("%Y-%m-%d").to_string()),
            Value::Month(y, m) => Some(format!("{y:04}-{m:02}")),
            Value::Year(y) => Some(format!("{y:04}")),
            Value::Unplaced => None,
        }
    }
}

/// A day and month placed in the reference year (the previous year when that would put it
/// well after the reference date).
fn place(reference: &Reference, month: u32, day: u32) -> Value {
    let Some(year) = reference.year else {
        return Value::Unplaced;
    };
    let Some(mut date) = NaiveDate::from_ymd_opt(year, month, day) else {
        return Value::Unplaced;
    };
    if let Some(r) = reference.date
        && date > r + Days::new(60)
        && let Some(prev) = NaiveDate::from_ymd_opt(year - 1, month, day)
    {
        date = prev;
    }
    Value::Day(date)
}

fn relative(reference: &Reference, rel: Relative) -> Value {
    match rel {
        Relative::Year(n) => reference
            .year
            .map_or(Value::Unplaced, |y| Value::Year(y + n)),
        Relative::Month(n) => reference.date.map_or(Value::Unplaced, |d| {
            let first = d.with_day(1).unwrap_or(d);
            let m = if n >= 0 {
                first.checked_add_months(Months::new(n as u32))
            } else {
                first.checked_sub_months(Months::new(n.unsigned_abs()))
            };
            m.map_or(Value::Unplaced, |m| Value::Month(m.year(), m.month()))
        }),
        // The canonical forms (YYYY-MM-DD, YYYY-MM, YYYY) have none for a week.
        Relative::Week(_) => Value::Unplaced,
        Relative::Day(n) => reference.date.map_or(Value::Unplaced, |d| {
            let r = if n >= 0 {
                d.checked_add_days(Days::new(n as u64))
            } else {
                d.checked_sub_days(Days::new(n.unsigned_abs() as u64))
            };
            r.map_or(Value::Unplaced, Value::Day)
        }),
    }
}

/// Bytes before a weekday searched for a word that puts it ahead ("is expected to
/// inaugurate the temple on Wednesday").
const FUTURE_REACH: usize = 120;

/// Whether a weekday at `[start, end)` of the folded sentence `s` lies ahead: a future word
/// shortly before it, or right after it ("Rabu mendatang", "الأربعاء المقبل").
fn said_ahead(lx: &Lexicon, s: &str, start: usize, end: usize) -> bool {
    let whole = |text: &str, at: usize, len: usize| {
        let before = text[..at].chars().next_back();
        let after = text[at + len..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    };
    // Within the clause: from the last comma in reach ("Prabowo, who will be sworn in in
    // October, met Jokowi on Monday").
    let reach = suffix(&s[..start], FUTURE_REACH);
    let window = reach.rsplit([',', '،', ';']).next().unwrap_or(reach);
    let rest = s[end..].trim_start();
    (lx.future.iter()).any(|f| {
        window
            .match_indices(f.as_str())
            .any(|(at, _)| whole(window, at, f.len()))
    }) || (lx.future_after.iter()).any(|f| rest.starts_with(f.as_str()) && whole(rest, 0, f.len()))
}

/// The earliest day on or after the reference date that falls on `weekday` (1 = Monday):
/// a day announced ahead.
fn next_weekday(reference: &Reference, weekday: u32) -> Value {
    let Some(d) = reference.date else {
        return Value::Unplaced;
    };
    let ahead = (weekday + 7 - d.weekday().number_from_monday()) % 7;
    d.checked_add_days(Days::new(u64::from(ahead)))
        .map_or(Value::Unplaced, Value::Day)
}

/// The latest day on or before the reference date that falls on `weekday` (1 = Monday):
/// news report days that have passed.
fn last_weekday(reference: &Reference, weekday: u32) -> Value {
    let Some(d) = reference.date else {
        return Value::Unplaced;
    };
    let back = (d.weekday().number_from_monday() + 7 - weekday) % 7;
    d.checked_sub_days(Days::new(u64::from(back)))
        .map_or(Value::Unplaced, Value::Day)
}

/// Every date expression in `s`: calls `emit(start, end, value)` for non-overlapping spans,
/// the more specific patterns first.
fn collect(
    original: &str,
    folded: &Folded,
    reference: &Reference,
    emit: &mut dyn FnMut(usize, usize, Value),
) {
    // The patterns run on the folded text (lower case, one Alef, no diacritics) and their
    // matches map back to the original bytes.
    let s = folded.text.as_str();
    let p = patterns();
    let lx = super::lexicon();
    // Which patterns match at all, in one pass: most match nowhere in most sentences.
    let matching = p.any.matches(s);
    let run = |kind: Kind| {
        matching
            .matched(kind as usize)
            .then(|| p.sentence[kind as usize].captures_iter(s))
            .into_iter()
            .flatten()
    };
    // The spans emitted (start -> end), in order and apart: a match is checked against its
    // two neighbours (a scan of all of them, or a sorted vector's insertions, was quadratic
    // in a text of thousands of dates).
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut push = |taken: &mut BTreeMap<usize, usize>, c: &Captures, v: Option<Value>| {
        let Some(v) = v else { return };
        let m = c.name("m").expect("every date pattern has group m");
        let before = (taken.range(..m.start()).next_back()).is_some_and(|(_, &b)| b > m.start());
        let after = (taken.range(m.start()..).next()).is_some_and(|(&a, _)| a < m.end());
        if before || after {
            return;
        }
        taken.insert(m.start(), m.end());
        let (a, b) = folded.original(m.start(), m.end());
        emit(a, b, v);
    };
    // "may" is a verb: a Latin month name must be written with a capital.
    let capital = |c: &Captures| {
        let m = &c["mon"];
        let at = folded.start[c.name("mon").map_or(0, |m| m.start())];
        !m.is_ascii() || original[at..].starts_with(char::is_uppercase)
    };
    let ymd = |y: Option<i32>, mo: u32, d: u32| -> Option<Value> {
        match y {
            Some(y) => NaiveDate::from_ymd_opt(y, mo, d).map(Value::Day),
            None => (1..=12)
                .contains(&mo)
                .then(|| place(reference, mo, d))
                .filter(|_| (1..=31).contains(&d)),
        }
    };
    for c in run(Kind::Iso) {
        let v = ymd(
            number(&c["y"]),
            number(&c["mo"]).unwrap_or(0) as u32,
            number(&c["d"]).unwrap_or(0) as u32,
        );
        push(&mut taken, &c, v);
    }
    for c in run(Kind::WeekdayDm) {
        let y = c
            .name("y")
            .and_then(|y| number(y.as_str()))
            .map(|y| if y < 100 { 2000 + y } else { y });
        let v = ymd(
            y,
            number(&c["mo"]).unwrap_or(0) as u32,
            number(&c["d"]).unwrap_or(0) as u32,
        );
        push(&mut taken, &c, v);
    }
    for kind in [Kind::MonthDay, Kind::DayMonth] {
        for c in run(kind) {
            let mon = &c["mon"];
            if !capital(&c) {
                continue;
            }
            let y = c.name("y").and_then(|y| number(y.as_str()));
            let v =
                month_of(lx, mon).and_then(|mo| ymd(y, mo, number(&c["d"]).unwrap_or(0) as u32));
            push(&mut taken, &c, v);
        }
    }
    for c in run(Kind::MonthYear) {
        let mon = &c["mon"];
        if !capital(&c) {
            continue;
        }
        let v = month_of(lx, mon)
            .zip(number(&c["y"]))
            .map(|(m, y)| Value::Month(y, m));
        push(&mut taken, &c, v);
    }
    for c in run(Kind::Weekday) {
        let wd = lx.weekdays.values().find_map(|m| m.get(&c["m"]).copied());
        let m = c.name("m").expect("group m");
        // A day of saying stands after the reporting verb ("announced on Tuesday", "وقال يوم
        // الأحد"): past.
        let said = s[..m.start()].split_whitespace().rev().take(2).any(|w| {
            let verb = w.strip_prefix(['و', 'ف']).unwrap_or(w);
            lx.reporting_verbs.contains(w) || lx.reporting_verbs.contains(verb)
        });
        let ahead = !said && said_ahead(lx, s, m.start(), m.end());
        let v = wd.map(|wd| {
            if ahead {
                next_weekday(reference, wd)
            } else {
                last_weekday(reference, wd)
            }
        });
        push(&mut taken, &c, v);
    }
    for c in run(Kind::Month) {
        if !capital(&c) {
            continue;
        }
        // The year said with it ("Juli tahun ini"), as an offset from the reference year.
        let said_year = c.name("rel").and_then(|r| {
            let key = fold_str(r.as_str())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match lx.relative.values().find_map(|m| m.get(&key).copied()) {
                Some(Relative::Year(n)) => Some(n),
                _ => None,
            }
        });
        // (A future word in the clause does not put a month ahead: "will review the
        // contracts it signed in June" is last June.)
        let v = month_of(lx, &c["mon"]).map(|m| match (reference.year, reference.date) {
            (Some(y), _) if let Some(n) = said_year => Value::Month(y + n, m),
            // A month well after the reference date is last year's.
            (_, Some(d)) if m > d.month() + 2 => Value::Month(d.year() - 1, m),
            (Some(y), _) => Value::Month(y, m),
            _ => Value::Unplaced,
        });
        push(&mut taken, &c, v);
    }
    for c in run(Kind::Relative) {
        let key = fold_str(&c["m"])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let v = lx
            .relative
            .values()
            .find_map(|m| m.get(&key).copied())
            .map(|r| relative(reference, r));
        push(&mut taken, &c, v);
    }
    for c in run(Kind::Year) {
        let m = c.name("m").expect("group m");
        let before = s[..m.start()].trim_end();
        let after = s[m.end()..].trim_start();
        let quantity = before.ends_with(['$', '€', '£', '#', '¥', '-', '–'])
            || after.starts_with(['%', '-', '/'])
            || s[m.end()..].starts_with([',', '.'])
                && s[m.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
            || s[..m.start()].ends_with([',', '.'])
                && s[..m.start() - 1].ends_with(|c: char| c.is_ascii_digit())
            || UNITS.iter().any(|u| {
                after
                    .split(|c: char| !chars::is_alphanumeric(c))
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(u))
            });
        if quantity {
            continue;
        }
        push(&mut taken, &c, number(m.as_str()).map(Value::Year));
    }
}

impl EntityLabeler for DateLabeler {
    fn name(&self) -> &'static str {
        NAME
    }

    fn propose(&self, doc: &Doc, out: &mut Vec<Proposal>) {
        let reference = reference(doc.article);
        for (si, sentence) in doc.sentences().iter().enumerate() {
            let s = sentence.text();
            collect(s, sentence.folded(), &reference, &mut |start, end, v| {
                let iso = v.iso();
                out.push(Proposal {
                    sentence: si,
                    start,
                    end,
                    label: EntityType::Date,
                    canonical_id: iso.clone(),
                    canonical_name: iso,
                    confidence: 0.8,
                    labeler: NAME,
                });
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tests::{article, spans};

    fn got(a: &Article) -> Vec<(String, Option<String>)> {
        spans(&DateLabeler::new(), a)
            .into_iter()
            .map(|(t, _, c)| (t, c))
            .collect()
    }

    fn pair(t: &str, c: Option<&str>) -> (String, Option<String>) {
        (t.to_string(), c.map(str::to_string))
    }

    #[test]
    fn weekdays_and_months_alone() {
        let mut a = article(
            "en",
            "The minister said on Tuesday that talks begun in March will end by June.",
        );
        a.published = NaiveDate::from_ymd_opt(2024, 4, 11); // a Thursday
        assert_eq!(
            got(&a),
            vec![
                pair("Tuesday", Some("2024-04-09")),
                pair("March", Some("2024-03")),
                pair("June", Some("2024-06")),
            ]
        );
        let b = article("ar", "وأعلن البنك يوم الخميس نتائجه.");
        assert_eq!(got(&b), vec![pair("الخميس", None)]);
        // The day of the event between commas, as Arabic news writes it.
        let b = article("ar", "حذر البرنامج، الأربعاء، من أن الوضع خطير.");
        assert_eq!(got(&b), vec![pair("الأربعاء", None)]);
        // After a time of day ("on Sunday evening").
        let b = article("ar", "أعلن الجيش مساء الأحد مقتل قيادي.");
        assert_eq!(got(&b), vec![pair("الأحد", None)]);
        // ... with a conjunction, or by night ("ليل"; the times of day are one list with the
        // claim labellers').
        let b = article("ar", "وصباح الجمعة شهدت المدينة ليل الإثنين احتجاجات.");
        assert_eq!(got(&b), vec![pair("الجمعة", None), pair("الإثنين", None)]);
        // A month's full name ends no abbreviation: the sentence's period is not the date's.
        let b = article(
            "en",
            "The strike ends on 2 July. Talks resume on 9 Jul. 2024 at noon.",
        );
        assert_eq!(
            got(&b),
            vec![
                pair("2 July", Some("2024-07-02")),
                pair("9 Jul. 2024", Some("2024-07-09"))
            ]
        );
        // Weeks: dates with no canonical day, month or year.
        let b = article("en", "Talks begin next week, after a visit last week.");
        assert_eq!(
            got(&b),
            vec![pair("next week", None), pair("last week", None)]
        );
        // Maghrebi month names.
        let b = article("ar", "الثلاثاء 14 ماي 2024 ثم في شتنبر.");
        assert_eq!(
            got(&b),
            vec![
                pair("14 ماي 2024", Some("2024-05-14")),
                pair("شتنبر", Some("2023-09"))
            ]
        );
        let mut c = article(
            "en",
            "The bank said Monday it would raise rates, and a Monday meeting.",
        );
        c.published = NaiveDate::from_ymd_opt(2024, 4, 11);
        assert_eq!(got(&c), vec![pair("Monday", Some("2024-04-08"))]);
    }

    #[test]
    fn english_absolute_partial_and_relative() {
        let mut a = article(
            "en",
            "On March 3, the ministers met; on 14 February 2019 they signed, and last year sales rose in May 2020.\nIn recent years trade grew, and 2,000 people came in 2018. Both may 5 times agree.",
        );
        a.published = NaiveDate::from_ymd_opt(2021, 4, 10);
        assert_eq!(
            got(&a),
            vec![
                pair("March 3", Some("2021-03-03")),
                pair("14 February 2019", Some("2019-02-14")),
                pair("last year", Some("2020")),
                pair("May 2020", Some("2020-05")),
                pair("2018", Some("2018")),
            ]
        );
    }

    #[test]
    fn a_weekday_said_ahead_is_the_next_one() {
        let mut a = article(
            "en",
            "Modi is expected to inaugurate the temple on Wednesday.\nThe ministers met on Monday.\nThe age will rise to 64, the minister announced on Tuesday.",
        );
        a.published = NaiveDate::from_ymd_opt(2024, 2, 13); // a Tuesday
        assert_eq!(
            got(&a),
            vec![
                pair("Wednesday", Some("2024-02-14")),
                pair("Monday", Some("2024-02-12")),
                pair("Tuesday", Some("2024-02-13")),
            ]
        );
        let mut b = article("ar", "وسيعقد الاجتماع يوم الأربعاء المقبل في الرياض.");
        b.published = NaiveDate::from_ymd_opt(2024, 2, 13);
        assert_eq!(got(&b), vec![pair("الأربعاء", Some("2024-02-14"))]);
    }

    #[test]
    fn a_future_word_puts_no_month_ahead() {
        let mut a = article(
            "en",
            "The talks began in March.\nThe government will review the contracts it signed in June.",
        );
        a.published = NaiveDate::from_ymd_opt(2024, 11, 20);
        assert_eq!(
            got(&a),
            vec![
                pair("March", Some("2024-03")),
                pair("June", Some("2024-06"))
            ]
        );
    }

    #[test]
    fn a_month_with_a_year_said_relatively() {
        let mut a = article(
            "id",
            "Kami targetkan pemindahan tahap pertama pada Juli tahun ini dan sisanya pada Maret tahun depan, bukan pada November.",
        );
        a.published = NaiveDate::from_ymd_opt(2024, 3, 4);
        assert_eq!(
            got(&a),
            vec![
                pair("Juli tahun ini", Some("2024-07")),
                pair("Maret tahun depan", Some("2025-03")),
                // A month well after the reference date, with no year said: last year's.
                pair("November", Some("2023-11")),
            ]
        );
    }

    #[test]
    fn no_reference_leaves_partial_dates_unplaced() {
        let a = article("en", "They met on June 2 and will meet again next year.");
        assert_eq!(got(&a), vec![pair("June 2", None), pair("next year", None)]);
    }

    #[test]
    fn timestamp_and_copyright_give_the_reference() {
        let a = article(
            "en",
            "Talks held\n2019-11-05 10:00\nThey met on November 4 and will meet next year.",
        );
        let g = got(&a);
        assert!(g.contains(&pair("November 4", Some("2019-11-04"))), "{g:?}");
        assert!(g.contains(&pair("next year", Some("2020"))), "{g:?}");
        let b = article(
            "id",
            "Jakarta - Menteri bertemu pada Selasa (7/3) dan tahun lalu.\nSaat ini belum ada hasil.\nCopyright © ANTARA 2023",
        );
        let g = got(&b);
        assert_eq!(g[0], pair("Selasa (7/3)", Some("2023-03-07")));
        assert_eq!(g[1], pair("tahun lalu", Some("2022")));
    }

    #[test]
    fn indonesian_and_arabic() {
        let mut a = article(
            "id",
            "Pertemuan digelar 17 Agustus 2023 dan berlanjut bulan depan, hari ini ramai.",
        );
        a.published = NaiveDate::from_ymd_opt(2023, 8, 20);
        assert_eq!(
            got(&a),
            vec![
                pair("17 Agustus 2023", Some("2023-08-17")),
                pair("bulan depan", Some("2023-09")),
                pair("hari ini", Some("2023-08-20")),
            ]
        );
        let mut b = article(
            "ar",
            "وقع الجانبان الاتفاق في 15 سبتمبر 2022، وسيلتقيان العام المقبل، ولم يحدث ذلك منذ قرن.",
        );
        b.copyright_year = Some(2022);
        assert_eq!(
            got(&b),
            vec![
                pair("15 سبتمبر 2022", Some("2022-09-15")),
                pair("العام المقبل", Some("2023")),
            ]
        );
    }
}
