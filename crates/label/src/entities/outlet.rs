//! `outlet/1`: the article's own outlet, wherever its text names it ("told The Times of
//! Israel", "saat dihubungi Kompas.com", "في حديث لسكاي نيوز عربية"). The outlet comes from
//! the article's metadata (its dateline or copyright line, found by `parse`); outlets the
//! knowledge base knows are the gazetteer's. Without this, "The Times of Israel" was the
//! country in it.

use records::EntityType;

use super::doc::Doc;
use super::text::{is_arabic, is_capitalised};
use crate::{EntityLabeler, Proposal};

pub const NAME: &str = "outlet/1";

pub struct OutletLabeler;

/// The outlet's name as it is matched: without a leading article ("The Times of Israel" is
/// written "the Times of Israel" too), and only names that cannot be common words: a
/// capitalised Latin name, or Arabic of two words or more ("وكالات", agencies, is none).
fn matchable(outlet: &str) -> Option<&str> {
    let name = outlet
        .strip_prefix("The ")
        .or_else(|| outlet.strip_prefix("the "))
        .unwrap_or(outlet)
        .trim();
    let first = name.chars().next()?;
    let words = name.split_whitespace().count();
    let ok = if is_arabic(first) {
        words >= 2
    } else {
        is_capitalised(name) && name.chars().count() >= 3
    };
    ok.then_some(name)
}

impl EntityLabeler for OutletLabeler {
    fn name(&self) -> &'static str {
        NAME
    }

    fn propose(&self, doc: &Doc, out: &mut Vec<Proposal>) {
        let Some(outlet) = doc.article.outlet.as_deref() else {
            return;
        };
        let Some(name) = matchable(outlet) else {
            return;
        };
        // Latin names match whatever the case of their other letters ("KOMPAS.com",
        // "Kompas.com").
        let latin = !is_arabic(name.chars().next().unwrap_or(' '));
        let needle = if latin {
            name.to_ascii_lowercase()
        } else {
            name.to_string()
        };
        for (si, sentence) in doc.sentences().iter().enumerate() {
            let s = sentence.text();
            let hay = if latin {
                std::borrow::Cow::Owned(s.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(s)
            };
            for (at, _) in hay.match_indices(needle.as_str()) {
                let end = at + needle.len();
                // Whole words: no letter or digit runs on at either side; an Arabic name may
                // carry a proclitic ("لسكاي نيوز عربية").
                let before = s[..at].chars().next_back();
                let after = s[end..].chars().next();
                let glued = before.is_some_and(|c| {
                    c.is_alphanumeric() && !(is_arabic(c) && s[..at].ends_with(['ل', 'ب', 'و']))
                });
                // Written as a name: capitalised ("antara" is Indonesian for "between").
                let written_as_name = !latin || s[at..].starts_with(|c: char| c.is_uppercase());
                if glued || after.is_some_and(char::is_alphanumeric) || !written_as_name {
                    continue;
                }
                out.push(Proposal {
                    sentence: si,
                    start: at,
                    end,
                    label: EntityType::Org,
                    canonical_id: None,
                    canonical_name: Some(outlet.to_string()),
                    confidence: 0.7,
                    labeler: NAME,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tests::article;

    fn found(lang: &str, text: &str, outlet: Option<&str>) -> Vec<String> {
        let mut a = article(lang, text);
        a.outlet = outlet.map(str::to_string);
        let doc = Doc::new(&a);
        let mut out = Vec::new();
        OutletLabeler.propose(&doc, &mut out);
        out.iter()
            .map(|p| doc.sentences()[p.sentence].text()[p.start..p.end].to_string())
            .collect()
    }

    #[test]
    fn the_outlet_wherever_the_text_names_it() {
        assert_eq!(
            found(
                "en",
                "A senior official told The Times of Israel that talks would resume.",
                Some("The Times of Israel")
            ),
            vec!["Times of Israel"]
        );
        assert_eq!(
            found(
                "id",
                "\"Harga naik,\" ujar Abdullah saat dihubungi Kompas.com, Selasa.",
                Some("KOMPAS.com")
            ),
            vec!["Kompas.com"]
        );
        assert_eq!(
            found(
                "ar",
                "وقال المتحدث في حديث لسكاي نيوز عربية إن المحادثات مستمرة.",
                Some("سكاي نيوز عربية")
            ),
            vec!["سكاي نيوز عربية"]
        );
        // A common word for an outlet, its letters in lower case, part of a longer word, or
        // no outlet: nothing.
        assert!(
            found(
                "id",
                "Perbedaan antara dua harga itu besar.",
                Some("ANTARA")
            )
            .is_empty()
        );
        assert!(found("ar", "نقلت وكالات الأنباء الخبر.", Some("وكالات")).is_empty());
        assert!(found("en", "The Timesheets were late.", Some("Times")).is_empty());
        assert!(found("en", "The Times of Israel reported it.", None).is_empty());
    }
}
