//! Dates in text: ISO (`2021-06-04`), numeric day-first (`04/06/2021`), and dates with month
//! names in English, Indonesian, Malay and Arabic (`4 July 2024`, `June 4, 2021`,
//! `5 Agustus 2022`, `3 يونيو 2021`). Month names come from `datasets/parse/months.tsv`.

use crate::rules::MONTH_NAMES;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Value of a run of decimal digits in any script (ASCII, Arabic-Indic, ...).
pub fn digits_value(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    let mut any = false;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
            '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
            _ => c.to_digit(10)?,
        };
        v = v.checked_mul(10)?.checked_add(d)?;
        any = true;
    }
    any.then_some(v)
}

fn month_alternation() -> String {
    let mut names: Vec<&String> = MONTH_NAMES
        .iter()
        .filter(|&(_, &m)| m > 0)
        .map(|(n, _)| n)
        .collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

struct Patterns {
    iso: Regex,
    dmy_num: Regex,
    d_month_y: Regex,
    month_d_y: Regex,
    time: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let m = month_alternation();
    Patterns {
        // With the time and offset of ISO 8601 ("2024-07-22T11:43:00+03:00"), where no word
        // boundary follows the day.
        iso: Regex::new(
            r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[Tt]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?\b",
        )
        .unwrap(),
        dmy_num: Regex::new(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b").unwrap(),
        d_month_y: Regex::new(&format!(
            r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({m})\b\.?,?\s+(\d{{4}})\b"
        ))
        .unwrap(),
        month_d_y: Regex::new(&format!(
            r"(?i)\b({m})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
        ))
        .unwrap(),
        // "am"/"pm" may be glued to the minutes ("9:30pm").
        time: Regex::new(r"(?i)\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\b\.?|\b)").unwrap(),
    }
});

fn month_number(name: &str) -> Option<u32> {
    MONTH_NAMES
        .get(&name.to_lowercase())
        .copied()
        .filter(|&m| m > 0)
}

/// A date found in text: byte range and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
}

/// All dates in `s`, in order, without overlaps (the earliest, then longest, wins).
pub fn find_dates(s: &str) -> Vec<FoundDate> {
    let p = &*PATTERNS;
    let mut found = Vec::new();
    for c in p.iso.captures_iter(s) {
        let (y, m, d) = (num(&c, 1), num(&c, 2), num(&c, 3));
        push(&mut found, &c, y, m, d);
    }
    for c in p.dmy_num.captures_iter(s) {
        let (d, m, y) = (num(&c, 1), num(&c, 2), num(&c, 3));
        // Day first (the usual order outside the US); month first only when the day cannot be.
        let (d, m) = match (d, m) {
            (Some(d), Some(m)) if m > 12 && d <= 12 => (Some(m), Some(d)),
            other => other,
        };
        push(&mut found, &c, y, m, d);
    }
    for c in p.d_month_y.captures_iter(s) {
        let m = c.get(2).and_then(|m| month_number(m.as_str()));
        push(&mut found, &c, num(&c, 3), m, num(&c, 1));
    }
    for c in p.month_d_y.captures_iter(s) {
        let m = c.get(1).and_then(|m| month_number(m.as_str()));
        push(&mut found, &c, num(&c, 3), m, num(&c, 2));
    }
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut out: Vec<FoundDate> = Vec::new();
    for f in found {
        if out.last().is_none_or(|l| f.start >= l.end) {
            out.push(f);
        }
    }
    out
}

fn num(c: &regex::Captures, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| digits_value(m.as_str()))
}

fn push(
    out: &mut Vec<FoundDate>,
    c: &regex::Captures,
    y: Option<u32>,
    m: Option<u32>,
    d: Option<u32>,
) {
    let (Some(y), Some(m), Some(d), Some(all)) = (y, m, d, c.get(0)) else {
        return;
    };
    if !(1900..=2100).contains(&y) {
        return;
    }
    if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
        out.push(FoundDate {
            start: all.start(),
            end: all.end(),
            date,
        });
    }
}

/// Byte ranges of clock times ("08:40", "22:53", "9.30 pm").
pub fn find_times(s: &str) -> Vec<(usize, usize)> {
    PATTERNS
        .time
        .find_iter(s)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// Parses a date given as a field (`2021-06-04`, `2021-06-04T08:40:00Z`, `June 4, 2021`, ...).
pub fn parse_given_date(s: &str) -> Option<NaiveDate> {
    find_dates(s).first().map(|f| f.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn first(s: &str) -> Option<NaiveDate> {
        find_dates(s).first().map(|f| f.date)
    }

    #[test]
    fn english_formats() {
        assert_eq!(first("Posted 2019-11-30 17:05"), Some(d(2019, 11, 30)));
        assert_eq!(first("March 7, 2020"), Some(d(2020, 3, 7)));
        assert_eq!(first("Updated: Sept. 14 2018"), Some(d(2018, 9, 14)));
        assert_eq!(first("1st of December 2023"), Some(d(2023, 12, 1)));
        assert_eq!(first("09/10/2017"), Some(d(2017, 10, 9)));
        assert_eq!(first("12/25/2017"), Some(d(2017, 12, 25)));
        assert_eq!(first("2017-02-30"), None);
        assert_eq!(first("on June 2"), None);
        assert_eq!(first("2024-07-22T11:43:00+03:00"), Some(d(2024, 7, 22)));
        assert_eq!(
            find_dates("2024-07-22T11:43:00Z")[0].end,
            "2024-07-22T11:43:00Z".len()
        );
        // A version number is no date.
        assert_eq!(first("v2024-07-22a"), None);
    }

    #[test]
    fn indonesian_and_arabic_formats() {
        assert_eq!(
            first("Senin, 5 Agustus 2019 10:00 WIB"),
            Some(d(2019, 8, 5))
        );
        assert_eq!(first("Rabu, 17 Desember 2008"), Some(d(2008, 12, 17)));
        assert_eq!(first("الأحد 3 مارس 2019"), Some(d(2019, 3, 3)));
        assert_eq!(first("١٢ أيلول ٢٠٢٠"), Some(d(2020, 9, 12)));
        assert_eq!(first("Kamis (15/9)"), None);
    }

    #[test]
    fn times_found() {
        assert_eq!(find_times("at 9.30 pm and 22:53").len(), 2);
        assert_eq!(find_times("Published: 9:30pm, 18 Jul 2024"), vec![(11, 17)]);
        // Digits glued to a word are no time.
        assert_eq!(find_times("model 9:30pmx"), vec![]);
    }
}
