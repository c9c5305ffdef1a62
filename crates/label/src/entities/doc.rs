//! An article prepared once for all entity labelers: each sentence's folded text (with the map
//! back to its bytes), its words and their folded forms, and the knowledge-base names the
//! gazetteer finds in it. Each is computed on first use and then shared, so that the labelers
//! stay small and separate without redoing each other's work.

use std::borrow::Cow;
use std::cell::OnceCell;

use records::Article;

use super::gazetteer::{Found, Gazetteer};
use super::text::{Folded, FoldedWords, Word, fold, title_case_words, words};

/// An article seen by the entity labelers.
pub struct Doc<'a> {
    pub article: &'a Article,
    sentences: Vec<SentenceView<'a>>,
}

impl<'a> Doc<'a> {
    pub fn new(article: &'a Article) -> Doc<'a> {
        Doc {
            article,
            sentences: article
                .sentences
                .iter()
                .map(|s| SentenceView::new(article.sentence_text(s)))
                .collect(),
        }
    }

    /// The sentences, in order.
    pub(crate) fn sentences(&self) -> &[SentenceView<'a>] {
        &self.sentences
    }
}

/// One sentence and what the labelers derive from it.
pub(crate) struct SentenceView<'a> {
    text: &'a str,
    folded: OnceCell<Folded>,
    words: OnceCell<Vec<Word>>,
    folded_words: OnceCell<Vec<(usize, usize)>>,
    title_case: OnceCell<Vec<bool>>,
    /// The gazetteer's matches, with the id of the gazetteer that found them.
    found: OnceCell<(u64, Vec<Found>)>,
}

impl<'a> SentenceView<'a> {
    fn new(text: &'a str) -> SentenceView<'a> {
        SentenceView {
            text,
            folded: OnceCell::new(),
            words: OnceCell::new(),
            folded_words: OnceCell::new(),
            title_case: OnceCell::new(),
            found: OnceCell::new(),
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The folded sentence ([`fold`]).
    pub fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| fold(self.text))
    }

    /// The words of the sentence ([`words`]).
    pub fn words(&self) -> &[Word] {
        self.words.get_or_init(|| words(self.text))
    }

    /// Each word folded: the same as folding the word alone, since folding goes character
    /// by character, so it is cut from the folded sentence (ranges of it, not copies).
    pub fn folded_words(&self) -> FoldedWords<'_> {
        let f = self.folded();
        let ranges = self.folded_words.get_or_init(|| {
            // The first folded byte from `byte` on (`f.start.partition_point(|&s| s < byte)`),
            // found by one walk: words come in order, so `at` only moves forward.
            let mut at = 0;
            let mut first_from = |byte: usize| {
                while at < f.start.len() && f.start[at] < byte {
                    at += 1;
                }
                at
            };
            self.words()
                .iter()
                .map(|w| (first_from(w.start), first_from(w.end)))
                .collect()
        });
        FoldedWords {
            text: &f.text,
            ranges,
        }
    }

    /// For each word, whether its line is in headline Title Case ([`title_case_words`]).
    pub fn title_case(&self) -> &[bool] {
        self.title_case
            .get_or_init(|| title_case_words(self.text, self.words()))
    }

    /// The knowledge-base names in the sentence ([`Gazetteer::find_folded`]), found once for the
    /// first gazetteer that asks (the standard labelers share one).
    pub fn found(&self, g: &Gazetteer) -> Cow<'_, [Found]> {
        let (id, found) = self
            .found
            .get_or_init(|| (g.id(), g.find_folded(self.text, self.folded())));
        if *id == g.id() {
            Cow::Borrowed(found)
        } else {
            Cow::Owned(g.find_folded(self.text, self.folded()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::text::fold_str;

    #[test]
    fn folded_words_are_the_words_folded_alone() {
        let s = "Bakû’s «أذربيجانُ» met ـالصين A. Hajizade, Asia-Europe İstanbul ǅ ß ﬁx";
        let v = SentenceView::new(s);
        let alone: Vec<String> = v.words().iter().map(|w| fold_str(w.text(s))).collect();
        let folded = v.folded_words();
        let cut: Vec<String> = (0..v.words().len())
            .map(|i| folded[i].to_string())
            .collect();
        assert_eq!(cut, alone);
    }
}
