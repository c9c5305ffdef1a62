//! The pure core of the pipeline: a batch of raw articles and a [`Config`] in, the rows of
//! every table and the rejects out.
//!
//! No I/O, no global state, no clocks: the same batch and configuration always give the same
//! rows in the same order, whatever the thread count, so that the core can run unchanged
//! inside other engines (Python bindings, Ray, Spark).

pub mod split;
pub mod story;

use label::Labelers;
use rayon::prelude::*;
use records::rows::ArticleKey;
use records::rows::RowSink;
use records::{Article, RawArticle, RejectRow, TableRows};
use xxhash_rust::xxh3::xxh3_128;

pub use split::{SplitError, SplitSpec};

/// Everything that decides the rows, beyond the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub seed: u64,
    pub splits: SplitSpec,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: 42,
            splits: SplitSpec::default(),
        }
    }
}

/// The configured core.
pub struct Pipeline {
    pub config: Config,
    pub labelers: Labelers,
}

/// What one batch becomes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchOutput {
    pub rows: TableRows,
    pub rejects: Vec<RejectRow>,
}

/// The id of an article without a given id: a hash of its text, so that the same article
/// always gets the same id wherever it is read from.
pub fn content_id(text: &str) -> String {
    format!("{:032x}", xxh3_128(text.as_bytes()))[..16].to_string()
}

/// The id of a raw article: the given id, else [`content_id`] of its text.
pub fn article_id(raw: &RawArticle) -> String {
    raw.given
        .id
        .clone()
        .unwrap_or_else(|| content_id(&raw.text))
}

/// Where an input stands, for a reject's detail: `file:line`, or the file alone.
fn location(source_file: &str, source_line: Option<u64>) -> String {
    match source_line {
        Some(line) => format!("{source_file}:{line}"),
        None => source_file.to_string(),
    }
}

/// The reason of [`duplicate_id_reject`].
pub const DUPLICATE_ID: &str = "duplicate_id";

/// The reject of an article whose id an earlier input (in input order) already used: the one
/// rule for duplicates, whichever engine or merge finds them.
pub fn duplicate_id_reject(source_file: &str, source_line: Option<u64>, id: &str) -> RejectRow {
    let at = location(source_file, source_line);
    RejectRow {
        source_file: source_file.to_string(),
        source_line,
        reason: DUPLICATE_ID.to_string(),
        detail: format!("{at}: article id {id} was already used by an earlier input"),
    }
}

/// The reason of a reject made by [`Pipeline::process`] when parsing or labelling an article
/// panicked: a bug of ours, not of the input.
pub const INTERNAL_ERROR: &str = "internal_error";

/// Runs one stage of one article, turning a panic into an [`INTERNAL_ERROR`] reject naming the
/// article's file and line, so that one article that trips a bug is lost with a reason (and
/// can be reported with its text) instead of the whole run.
///
/// Sound because a stage only reads the shared labellers (no interior mutability: no cache or
/// counter a panic could leave half-written); whatever the article itself built is dropped.
fn guarded<T>(raw: &RawArticle, stage: &str, run: impl FnOnce() -> T) -> Result<T, RejectRow> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        let at = location(&raw.source_file, raw.source_line);
        RejectRow {
            source_file: raw.source_file.clone(),
            source_line: raw.source_line,
            reason: INTERNAL_ERROR.to_string(),
            detail: format!(
                "{at}: {stage} panicked ({message}); a bug of the tool: please report it with this article"
            ),
        }
    })
}

/// Which of `count` shards an input belongs to: a stable hash of its key (the article id for
/// articles, so that duplicates of one id meet in one shard; the location for inputs rejected
/// before they have an id).
pub fn shard_of(key: &str, count: u64) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes()) % count.max(1)
}

impl Pipeline {
    pub fn new(config: Config, labelers: Labelers) -> Pipeline {
        Pipeline { config, labelers }
    }

    /// One article's rows, or the reason it was rejected.
    pub fn process(&self, raw: &RawArticle) -> Result<TableRows, RejectRow> {
        let article = self.parse(raw)?;
        self.label(raw, &article)
    }

    /// The first stage: parsing. Separate so that callers can time the stages.
    pub fn parse(&self, raw: &RawArticle) -> Result<Article, RejectRow> {
        guarded(raw, "parsing", || parse::parse_article(raw))?.map_err(|e| RejectRow {
            source_file: raw.source_file.clone(),
            source_line: raw.source_line,
            reason: e.reason().to_string(),
            detail: format!("{}: {e}", location(&raw.source_file, raw.source_line)),
        })
    }

    /// The second stage: labelling a parsed article and making its rows.
    pub fn label(&self, raw: &RawArticle, article: &Article) -> Result<TableRows, RejectRow> {
        self.label_as(raw, article, article_id(raw))
    }

    /// [`Pipeline::label`] for a caller that already has the article's id ([`article_id`]),
    /// as a run that shards or checks ids has: the id of an article without one is a hash of
    /// its whole text.
    pub fn label_as(
        &self,
        raw: &RawArticle,
        article: &Article,
        article_id: String,
    ) -> Result<TableRows, RejectRow> {
        let mut rows = TableRows::default();
        self.label_into(raw, article, article_id, &mut rows)?;
        Ok(rows)
    }

    /// [`Pipeline::label_as`] into any [`RowSink`]: Arrow builders
    /// ([`records::columns::SplitColumns`]) take the rows without their being owned first.
    /// Returns the key the rows were made with (id, split, story, source), or the reject of
    /// an article whose labelling panicked; then `sink` is left as it was (the labels are
    /// made before any row is pushed).
    pub fn label_into<S: RowSink + ?Sized>(
        &self,
        raw: &RawArticle,
        article: &Article,
        article_id: String,
        sink: &mut S,
    ) -> Result<ArticleKey, RejectRow> {
        debug_assert_eq!(article_id, self::article_id(raw));
        let story_id = article_id.clone();
        let split = self
            .config
            .splits
            .assign(self.config.seed, &story_id)
            .to_string();
        let key = ArticleKey {
            article_id,
            split,
            story_id,
            source_file: raw.source_file.clone(),
            source_line: raw.source_line,
            url: raw.given.url.clone(),
        };
        let (entities, claims) = guarded(raw, "labelling", || self.labelers.label(article))?;
        if let Some(why) = records::rows::unfit_for_rows(article) {
            return Err(RejectRow {
                source_file: raw.source_file.clone(),
                source_line: raw.source_line,
                reason: INTERNAL_ERROR.to_string(),
                detail: format!(
                    "{}: making rows: {why}; a bug of the tool: please report it with this article",
                    location(&raw.source_file, raw.source_line)
                ),
            });
        }
        records::rows::push_article(sink, &key, article, &entities, &claims);
        Ok(key)
    }

    /// Each article's outcome, in parallel on the current rayon pool, in input order.
    pub fn process_each(&self, raws: &[RawArticle]) -> Vec<Result<TableRows, RejectRow>> {
        raws.par_iter().map(|raw| self.process(raw)).collect()
    }

    /// A batch, in parallel on the current rayon pool; output order is input order.
    pub fn process_batch(&self, raws: &[RawArticle]) -> BatchOutput {
        let mut parts = Vec::with_capacity(raws.len());
        let mut rejects = Vec::new();
        for r in self.process_each(raws) {
            match r {
                Ok(rows) => parts.push(rows),
                Err(reject) => rejects.push(reject),
            }
        }
        BatchOutput {
            rows: TableRows::concat(parts),
            rejects,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use records::GivenFields;

    fn raw(text: &str, id: Option<&str>) -> RawArticle {
        RawArticle {
            source_file: "t.txt".into(),
            source_line: None,
            text: text.into(),
            given: GivenFields {
                id: id.map(String::from),
                ..Default::default()
            },
            input_flags: vec![],
        }
    }

    /// A labeller with a bug: it panics on any article that mentions "Westbridge".
    struct Fragile;

    impl label::EntityLabeler for Fragile {
        fn name(&self) -> &'static str {
            "fragile/1"
        }
        fn propose(&self, doc: &label::entities::Doc, _: &mut Vec<label::Proposal>) {
            if doc.article.text.contains("Westbridge") {
                panic!("index out of range in fragile");
            }
        }
    }

    #[test]
    fn an_article_whose_labelling_panics_is_rejected_and_the_batch_goes_on() {
        let mut labelers = Labelers::standard();
        labelers.entities.push(Box::new(Fragile));
        let p = Pipeline::new(Config::default(), labelers);
        let mut articles = vec![
            raw("Mayor Ann Lee said the bridge will open.", None),
            raw("The bridge of Westbridge is closed, said Ann Lee.", None),
            raw("Ann Lee said the bridge will open in May.", None),
        ];
        articles[1].source_line = Some(7);
        let out = p.process_batch(&articles);
        assert_eq!(out.rows.articles.len(), 2);
        assert!(
            out.rows
                .sentences
                .iter()
                .all(|s| !s.text.contains("Westbridge"))
        );
        assert_eq!(
            out.rejects,
            vec![RejectRow {
                source_file: "t.txt".into(),
                source_line: Some(7),
                reason: INTERNAL_ERROR.into(),
                detail: "t.txt:7: labelling panicked (index out of range in fragile); a bug of \
                         the tool: please report it with this article"
                    .into(),
            }]
        );
        // The labels are made before any row is pushed: a failed article leaves a sink as it was.
        let article = p.parse(&articles[1]).unwrap();
        let mut rows = TableRows::default();
        assert!(
            p.label_into(&articles[1], &article, article_id(&articles[1]), &mut rows)
                .is_err()
        );
        assert_eq!(rows, TableRows::default());
        // The other articles' rows are those of a pipeline without the bug.
        let sound = Pipeline::new(Config::default(), Labelers::standard());
        let expected = sound.process_batch(&[articles[0].clone(), articles[2].clone()]);
        assert_eq!(out.rows, expected.rows);
    }

    #[test]
    fn an_article_whose_offsets_cannot_make_rows_is_rejected_before_any_row() {
        let p = Pipeline::new(Config::default(), Labelers::standard());
        let r = raw("Ann Lee said the bridge will open. The mayor agreed.", None);
        let mut article = p.parse(&r).unwrap();
        // A stage's bug: a sentence that ends past the text.
        article.sentences[1].end = article.text.len() + 5;
        let mut rows = TableRows::default();
        let reject = p
            .label_into(&r, &article, article_id(&r), &mut rows)
            .expect_err("rejected");
        // The labellers slice by it first: whichever stage meets it, the article is rejected.
        assert_eq!(reject.reason, INTERNAL_ERROR);
        assert_eq!(rows, TableRows::default());
        assert!(
            records::rows::unfit_for_rows(&article)
                .is_some_and(|why| why.starts_with("sentence 1 has bytes"))
        );
        // A token inside a character, which only the rows read.
        let r = raw("Éric Lee said the bridge will open.", None);
        let mut article = p.parse(&r).unwrap();
        article.sentences[0].tokens[0].end = 1;
        let reject = p
            .label_into(&r, &article, article_id(&r), &mut rows)
            .expect_err("rejected");
        assert!(
            reject
                .detail
                .starts_with("t.txt: making rows: token 0 of sentence 0"),
            "{}",
            reject.detail
        );
        assert_eq!(rows, TableRows::default());
    }

    #[test]
    fn ids_are_given_or_content_hashes() {
        let p = Pipeline::new(Config::default(), Labelers::default());
        let out = p.process_batch(&[
            raw("One sentence here. And another one.", None),
            raw("Text with an id.", Some("given-1")),
            raw("One sentence here. And another one.", None),
        ]);
        assert_eq!(out.rows.articles.len(), 3);
        assert_eq!(out.rows.articles[1].article_id, "given-1");
        assert_eq!(
            out.rows.articles[0].article_id,
            out.rows.articles[2].article_id
        );
        assert_eq!(out.rows.articles[0].article_id.len(), 16);
        // Rows of many articles concatenated at once are the rows appended one by one.
        let parts: Vec<TableRows> = ["First one. Second one.", "Ali said he came.", "Third."]
            .iter()
            .map(|t| p.process(&raw(t, None)).expect("no reject"))
            .collect();
        let mut appended = TableRows::default();
        for part in parts.clone() {
            appended.append(part);
        }
        assert!(appended.sentences.len() > 3);
        assert_eq!(TableRows::concat(parts.clone()), appended);
        assert_eq!(TableRows::concat(parts[..1].to_vec()), parts[0]);
        assert_eq!(TableRows::concat(Vec::new()), TableRows::default());
        assert_eq!(
            out.rows.sentences[0].sentence_id,
            format!("{}:0000", out.rows.articles[0].article_id)
        );
    }

    /// The export's path (rows straight into Arrow builders) against owned rows made into
    /// batches, over the seeds and texts that exercise the parser's and labellers' edges
    /// (non-ASCII offsets, empty and one-token sentences, quotes without speakers).
    #[test]
    fn arrow_builders_take_the_rows_owned_rows_give() {
        use records::columns::SplitColumns;
        use records::tables::{Table, batches};
        let p = Pipeline::new(Config::default(), Labelers::standard());
        let mut texts = parse::testing::seed_texts();
        texts.extend(parse::testing::reference_texts(
            &[
                "Bakû’s «أذربيجانُ» 👍🏽 said: \"we will\". Ali said he came.",
                "\"It is over,\" said Mayor Jones of Westbridge on 3 March 2024.",
                "قال الرئيس إن \"الوضع مستقر\". وأضاف أن الحكومة ستعمل.",
            ],
            "aé أ\"'.,: -\n0JS",
        ));
        let raws: Vec<RawArticle> = texts.iter().map(|t| raw(t, None)).collect();
        let mut columns = SplitColumns::new();
        let mut owned = Vec::new();
        let mut labelled = 0;
        for raw in &raws {
            let Ok(article) = p.parse(raw) else {
                continue;
            };
            labelled += 1;
            let key = p
                .label_into(raw, &article, article_id(raw), &mut columns)
                .unwrap();
            let rows = p.label_as(raw, &article, article_id(raw)).unwrap();
            assert_eq!(rows.articles[0].split, key.split);
            owned.push(rows);
        }
        let owned = TableRows::concat(owned);
        assert!(labelled > 100 && owned.claims.len() > 5 && owned.entities.len() > 50);
        assert_eq!(columns.rows(Table::Sentences), owned.sentences.len());
        assert_eq!(columns.finish().unwrap(), batches(&owned).unwrap());
    }
}
