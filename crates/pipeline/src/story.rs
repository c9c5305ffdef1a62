//! Story clustering: which articles report the same story, so that splits can be assigned
//! per story and no story leaks from train into validation or test.
//!
//! Pure and deterministic: [`StorySignature::new`] summarises one article in a compact,
//! fixed-size signature (about 550 bytes inline plus at most 128 bytes of entity hashes,
//! [`SIGNATURE_BYTES`] in byte form); [`cluster`] then joins articles into stories in
//! near-linear time. Clustering reads the signatures through a [`StoryStore`]: a slice in
//! memory, or files a caller spilled them to, so that its own memory is 5 bytes per article
//! plus one band of keys ([`cluster_stories`] is the in-memory shorthand). The result
//! depends only on the *set* of (article id, signature) pairs: not on input order, thread
//! count or hash-map iteration order (no hash maps are iterated; everything is sorted).
//!
//! # Two rules join two articles
//!
//! 1. **Text near-duplicates** (same wording: syndicated wire copy, reposts, light edits,
//!    added boilerplate). The estimated Jaccard similarity of their sets of word shingles is
//!    at least [`TEXT_JACCARD`] (0.5). Exact duplicates (after normalisation) have identical
//!    signatures and always join.
//! 2. **Re-reports** (other outlets, other wording or language, same event). Both articles
//!    have a publication date, the dates are at most [`MAX_DAYS_APART`] (3) days apart, their
//!    entity-key sets have Jaccard similarity at least [`ENTITY_JACCARD`] (0.4) and they share
//!    at least [`MIN_SHARED_ENTITIES`] (3) keys. Without a date on both sides only rule 1
//!    applies: two undated articles about the same leaders may well be about different
//!    meetings years apart.
//!
//! Stories are the connected components of the "joined" relation (union-find), and a story's
//! id is the lexicographically smallest article id in it: independent of input order, and
//! adding an article unrelated to a story never changes that story's id.
//!
//! # Signature
//!
//! * **Text.** Lower-cased (Unicode-aware; Turkish and Azerbaijani dotted/dotless I handled
//!   when `lang` is `tr`/`az`), split on every character that is not alphanumeric, so it
//!   works for Latin, Arabic, Cyrillic, Indonesian, etc. Arabic harakat, tatweel, zero-width
//!   (non-)joiners and soft hyphens are dropped inside words, so vocalised and
//!   unvocalised copies match. Scripts written without spaces (Han, kana, Thai, Lao, Khmer,
//!   Myanmar) give one token per character. Shingles are [`SHINGLE_WORDS`] (5) consecutive
//!   tokens (a text shorter than that is one shingle): long enough that unrelated articles
//!   share almost none, short enough that changing one word only breaks five shingles.
//!   The MinHash has [`NUM_HASHES`] (128) bins, filled by one-permutation hashing: each
//!   shingle is hashed once with xxh3 and mixed once with `fmix64` (the MurmurHash3
//!   finaliser, a bijection); the top 7 bits pick its bin, which keeps the smallest of the
//!   low 32 bits (collisions between different minima at 2^-32 are negligible). Empty bins
//!   (short texts) borrow the value of a filled bin by optimal densification (a fixed probe
//!   sequence per bin), so two texts agree in a bin with probability their Jaccard, as with
//!   128 hash functions, at one hash per shingle instead of 128.
//!   128 bins estimate a Jaccard of 0.5 with a standard error of about 0.044.
//! * **Entities.** The keys (canonical ids or names of PERSON/ORG/GPE/EVENT/WORK entities)
//!   are trimmed, lower-cased and whitespace-collapsed, then hashed to 32 bits. Keys may be
//!   given once per mention: when at least [`MIN_SHARED_ENTITIES`] keys are mentioned more
//!   than once, only those *salient* keys are kept (this drops entities from "related
//!   articles" lists and other one-off mentions); given once per entity, all are kept. At
//!   most [`MAX_ENTITY_KEYS`] (32) are stored: the 32 smallest hashes, a bottom-k sketch, so
//!   that two large sets are still compared on a consistent sample.
//! * **Date.** `Option<NaiveDate>`, days only.
//!
//! # Candidate pairs without comparing all pairs (LSH)
//!
//! * Text: the 128 minima are cut into [`TEXT_BANDS`] (32) bands of [`TEXT_ROWS`] (4); two
//!   articles are candidates when all four minima of some band agree. The probability of
//!   becoming a candidate is `1 - (1 - J^4)^32`: 0.23 at J = 0.3, 0.87 at 0.5, 0.99 at 0.6,
//!   0.9998 at 0.7, so almost every near-duplicate is found, and chains of near-duplicates
//!   (A~B~C) recover most of the rest. Exact duplicates are grouped first and enter the LSH
//!   once, so a story syndicated ten thousand times does not fill the buckets.
//! * Entities: a MinHash of the entity set with [`ENTITY_BANDS`] (20) bands of
//!   [`ENTITY_ROWS`] (2) is computed on the fly from the stored keys (it costs no memory),
//!   and the band key includes a date window: days are cut into windows of
//!   `MAX_DAYS_APART + 1` days and each article is put in its window and the next, so two
//!   articles at most 3 days apart share a window. Candidate probability `1 - (1 - J^2)^20`:
//!   0.97 at J = 0.4, 0.997 at 0.5. Undated articles and articles with fewer than three keys
//!   never enter this LSH. The date window also keeps buckets of very common entities
//!   (a country, a head of state) small: they only collect one week of articles.
//! * Every candidate pair is confirmed before it joins anything, by the rule of its LSH
//!   (rule 1 for text candidates, rule 2 for entity candidates), and pairs already in the
//!   same story are not compared again.
//!
//! # Bucket cap
//!
//! A bucket with more than [`BUCKET_CAP`] (256) members is not compared all-pairs: its
//! members are sorted by the start of their signature (the first eight text minima, or the
//! date and first seven entity hashes; then article id) and each is compared with the next
//! [`BUCKET_WINDOW`] (16) (sorted-neighbourhood sampling). Such buckets come from
//! boilerplate-heavy texts (the same footer, navigation or "related articles" block under
//! many different short articles, whose shingles then hold the minima) or from thousands of
//! light edits of one wire story; in the first case pairs rarely confirm, in the second
//! neighbours in signature order confirm and the chain joins the group. So the number of
//! comparisons is at most about `n × bands × BUCKET_CAP / 2` even for a pathological corpus,
//! and typically close to `n × bands`.
//!
//! # What this cannot catch (or over-catches)
//!
//! * Translations and paraphrases without entity keys or without dates on both sides: they
//!   share no shingles, so only rule 2 can join them.
//! * Re-reports published more than 3 days apart (weekly magazines, later analyses), and
//!   follow-up stories: a story that develops over weeks is split into several stories
//!   unless daily reports chain it together.
//! * Different events with the same actors within 3 days (two meetings at one summit, a
//!   trial's successive hearings) are joined by rule 2: for split assignment this errs on the
//!   safe side (less leakage, slightly coarser groups).
//! * Chaining: A~B and B~C join A and C even if they are not similar.
//! * Containment: a short article quoted whole inside a much longer one, or an article
//!   buried under a long unrelated page tail, has a low Jaccard. Callers should pass the text
//!   without detected boilerplate zones when they have them.
//! * Boilerplate shared by many short texts (a common footer) can lift their Jaccard above
//!   0.5 and join them: again, strip boilerplate before signing.
//! * Entity noise: rule 2 is only as good as the keys (canonical ids beat surface names:
//!   "Xi" and "Xi Jinping" are different keys). Entity sets over 32 keys are compared on a
//!   sample, and their shared-key count is then a lower bound.
//! * Stability: adding articles never changes the id of a story they do not join, except
//!   where they push a bucket over [`BUCKET_CAP`], which changes which of its pairs are
//!   compared.

use std::cmp::Ordering;
use std::collections::HashMap;

use rayon::prelude::*;

use chrono::{Datelike, NaiveDate};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Number of MinHash functions of the text signature.
pub const NUM_HASHES: usize = 128;
/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// Text LSH: bands × rows = [`NUM_HASHES`].
pub const TEXT_BANDS: usize = 32;
pub const TEXT_ROWS: usize = 4;
/// Minimum estimated shingle Jaccard of text near-duplicates.
pub const TEXT_JACCARD: f64 = 0.5;
/// At most this many entity keys are stored per article (bottom-k by hash).
pub const MAX_ENTITY_KEYS: usize = 32;
/// Entity LSH (computed on the fly): bands × rows MinHash functions.
pub const ENTITY_BANDS: usize = 20;
pub const ENTITY_ROWS: usize = 2;
/// Minimum entity-set Jaccard of two re-reports.
pub const ENTITY_JACCARD: f64 = 0.4;
/// Minimum number of shared entity keys of two re-reports (and minimum set size).
pub const MIN_SHARED_ENTITIES: usize = 3;
/// Maximum distance in days between the publication dates of two re-reports.
pub const MAX_DAYS_APART: i64 = 3;
/// Buckets larger than this are compared in a sorted sliding window, not all-pairs.
pub const BUCKET_CAP: usize = 256;
/// Width of that window.
pub const BUCKET_WINDOW: usize = 16;

const TEXT_SEED: u64 = 0x5354_4f52_595f_5458; // "STORY_TX"
const ENTITY_SEED: u64 = 0x5354_4f52_595f_454e; // "STORY_EN"

/// What clustering needs to know about one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorySignature {
    /// Each MinHash bin's minimum (see [`one_permutation_minhash`]); all `u32::MAX` when the
    /// text has no tokens.
    minhash: [u32; NUM_HASHES],
    /// Shingles of the text, repeats counted (0: no text; never joined by rule 1).
    n_shingles: u32,
    /// The smallest [`MAX_ENTITY_KEYS`] 32-bit hashes of the (salient) entity keys, sorted.
    entities: Vec<u32>,
    /// How many distinct (salient) entity keys there were before truncation.
    n_entities: u32,
    published: Option<NaiveDate>,
}

impl StorySignature {
    /// Signs one article. `entity_keys` are canonical ids or names of its PERSON, ORG, GPE,
    /// EVENT and WORK entities, once per entity or once per mention (see the module doc);
    /// `lang` is its language code (only used for case folding).
    pub fn new(
        text: &str,
        lang: &str,
        entity_keys: &[String],
        published: Option<NaiveDate>,
    ) -> StorySignature {
        let tokens = token_hashes(text, lang);
        let mut n_shingles = 0u32;
        let minhash = one_permutation_minhash(shingle_hashes(&tokens).inspect(|_| n_shingles += 1));
        let (entities, n_entities) = entity_sample(entity_keys);
        StorySignature {
            minhash,
            n_shingles,
            entities,
            n_entities,
            published,
        }
    }

    pub fn published(&self) -> Option<NaiveDate> {
        self.published
    }

    fn has_text(&self) -> bool {
        self.n_shingles > 0
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets (0 if either is empty).
    pub fn text_similarity(&self, other: &StorySignature) -> f64 {
        if !self.has_text() || !other.has_text() {
            return 0.0;
        }
        let equal = self
            .minhash
            .iter()
            .zip(other.minhash.iter())
            .filter(|(a, b)| a == b)
            .count();
        equal as f64 / NUM_HASHES as f64
    }

    /// Jaccard similarity of the entity-key sets (estimated from the bottom-k samples when
    /// a set had more than [`MAX_ENTITY_KEYS`] keys) and the number of keys both samples hold.
    pub fn entity_similarity(&self, other: &StorySignature) -> (f64, usize) {
        let (a, b) = (&self.entities, &other.entities);
        let truncated = self.n_entities as usize > a.len() || other.n_entities as usize > b.len();
        let limit = if truncated {
            MAX_ENTITY_KEYS
        } else {
            usize::MAX
        };
        let (mut i, mut j) = (0, 0);
        let (mut shared, mut counted, mut counted_shared) = (0usize, 0usize, 0usize);
        while i < a.len() || j < b.len() {
            let both = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) => match x.cmp(y) {
                    Ordering::Less => {
                        i += 1;
                        false
                    }
                    Ordering::Greater => {
                        j += 1;
                        false
                    }
                    Ordering::Equal => {
                        i += 1;
                        j += 1;
                        true
                    }
                },
                (Some(_), None) => {
                    i += 1;
                    false
                }
                _ => {
                    j += 1;
                    false
                }
            };
            shared += both as usize;
            if counted < limit {
                counted += 1;
                counted_shared += both as usize;
            }
        }
        if counted == 0 {
            return (0.0, 0);
        }
        (counted_shared as f64 / counted as f64, shared)
    }

    /// Days between the two publication dates, when both are known.
    fn days_apart(&self, other: &StorySignature) -> Option<i64> {
        Some((self.published? - other.published?).num_days().abs())
    }

    /// Rule 1 of the module doc: text near-duplicates.
    pub fn same_text(&self, other: &StorySignature) -> bool {
        self.text_similarity(other) >= TEXT_JACCARD
    }

    /// Rule 2 of the module doc: re-reports of one event.
    pub fn same_event(&self, other: &StorySignature) -> bool {
        match self.days_apart(other) {
            Some(d) if d <= MAX_DAYS_APART => {
                let (jaccard, shared) = self.entity_similarity(other);
                jaccard >= ENTITY_JACCARD && shared >= MIN_SHARED_ENTITIES
            }
            _ => false,
        }
    }

    /// Whether the two articles are joined directly (rule 1 or rule 2 of the module doc).
    pub fn same_story(&self, other: &StorySignature) -> bool {
        self.same_text(other) || self.same_event(other)
    }

    /// Calls `f` with every bucket key of this article, band by band: at most one in
    /// [`Band::Exact`] and in each [`Band::Text`], two (this date window and the next) in
    /// each [`Band::Entity`]. Articles without text, or without a date or enough entity
    /// keys, have no keys in those bands.
    pub fn for_each_band_key(&self, mut f: impl FnMut(Band, u64)) {
        if self.has_text() {
            f(Band::Exact, self.exact_key());
            for band in 0..TEXT_BANDS {
                let rows = &self.minhash[band * TEXT_ROWS..(band + 1) * TEXT_ROWS];
                f(Band::Text(band), band_key(rows, band as u64, 0));
            }
        }
        let Some(published) = self.published else {
            return;
        };
        if self.entities.len() < MIN_SHARED_ENTITIES {
            return;
        }
        let window = day_number(published).div_euclid(MAX_DAYS_APART + 1);
        let seeds = hash_seeds::<{ ENTITY_BANDS * ENTITY_ROWS }>(ENTITY_SEED);
        for band in 0..ENTITY_BANDS {
            let band_seeds = &seeds[band * ENTITY_ROWS..(band + 1) * ENTITY_ROWS];
            let mut rows = [u32::MAX; ENTITY_ROWS];
            for (m, &seed) in rows.iter_mut().zip(band_seeds) {
                for &e in &self.entities {
                    *m = (*m).min((fmix64(u64::from(e) ^ seed) >> 32) as u32);
                }
            }
            for w in [window, window + 1] {
                f(Band::Entity(band), band_key(&rows, band as u64, w));
            }
        }
    }

    /// Hash of the whole text MinHash: equal for exact duplicates.
    fn exact_key(&self) -> u64 {
        let mut bytes = [0u8; 4 * NUM_HASHES];
        for (chunk, m) in bytes.chunks_exact_mut(4).zip(&self.minhash) {
            chunk.copy_from_slice(&m.to_le_bytes());
        }
        xxh3_64(&bytes)
    }

    /// Appends the fixed-size byte form ([`SIGNATURE_BYTES`] bytes), for callers that spill
    /// signatures to disk to keep memory flat.
    pub fn write_bytes(&self, out: &mut Vec<u8>) {
        let start = out.len();
        for m in &self.minhash {
            out.extend_from_slice(&m.to_le_bytes());
        }
        out.extend_from_slice(&self.n_shingles.to_le_bytes());
        out.extend_from_slice(&self.n_entities.to_le_bytes());
        let days = self.published.map_or(i32::MIN, |d| d.num_days_from_ce());
        out.extend_from_slice(&days.to_le_bytes());
        out.push(self.entities.len() as u8);
        for i in 0..MAX_ENTITY_KEYS {
            let e = self.entities.get(i).copied().unwrap_or(0);
            out.extend_from_slice(&e.to_le_bytes());
        }
        debug_assert_eq!(out.len() - start, SIGNATURE_BYTES);
    }

    /// Reads the byte form of [`StorySignature::write_bytes`]; None when it is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<StorySignature> {
        if bytes.len() != SIGNATURE_BYTES {
            return None;
        }
        let word = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
        let minhash = std::array::from_fn(|i| word(4 * i));
        let at = 4 * NUM_HASHES;
        let n_shingles = word(at);
        let n_entities = word(at + 4);
        let days = word(at + 8) as i32;
        let published = if days == i32::MIN {
            None
        } else {
            Some(NaiveDate::from_num_days_from_ce_opt(days)?)
        };
        let stored = usize::from(bytes[at + 12]);
        if stored > MAX_ENTITY_KEYS {
            return None;
        }
        let entities = (0..stored).map(|i| word(at + 13 + 4 * i)).collect();
        Some(StorySignature {
            minhash,
            n_shingles,
            entities,
            n_entities,
            published,
        })
    }
}

/// Size of a signature's byte form.
pub const SIGNATURE_BYTES: usize = 4 * NUM_HASHES + 4 + 4 + 4 + 1 + 4 * MAX_ENTITY_KEYS;

/// A set of buckets in which candidate pairs are searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    /// The whole text MinHash: exact duplicates.
    Exact,
    /// One of the [`TEXT_BANDS`] bands of the text LSH.
    Text(usize),
    /// One of the [`ENTITY_BANDS`] bands of the entity LSH.
    Entity(usize),
}

impl Band {
    /// Every band, in the order [`cluster`] reads them.
    pub fn all() -> impl Iterator<Item = Band> {
        std::iter::once(Band::Exact)
            .chain((0..TEXT_BANDS).map(Band::Text))
            .chain((0..ENTITY_BANDS).map(Band::Entity))
    }
}

/// Where [`cluster`] finds the articles, numbered `0..len()`: in memory (a slice of
/// `(article id, signature)`), or spilled to disk by a caller whose memory must not grow with
/// the corpus. Clustering keeps 5 bytes per article in memory and reads the rest from here:
/// one band's keys at a time, and the signatures and ids of the candidates it confirms.
pub trait StoryStore {
    type Error;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn id(&self, article: u32) -> Result<String, Self::Error>;
    fn signature(&self, article: u32) -> Result<StorySignature, Self::Error>;
    /// `(key, article)` for every key of every article in `band`
    /// ([`StorySignature::for_each_band_key`]), in any order. Articles left out of every
    /// band stay stories of their own.
    fn band(&self, band: Band) -> Result<Vec<(u64, u32)>, Self::Error>;
}

impl StoryStore for [(String, StorySignature)] {
    type Error = std::convert::Infallible;

    fn len(&self) -> usize {
        <[_]>::len(self)
    }

    fn id(&self, article: u32) -> Result<String, Self::Error> {
        Ok(self[article as usize].0.clone())
    }

    fn signature(&self, article: u32) -> Result<StorySignature, Self::Error> {
        Ok(self[article as usize].1.clone())
    }

    fn band(&self, band: Band) -> Result<Vec<(u64, u32)>, Self::Error> {
        let mut keyed = Vec::new();
        for (i, (_, signature)) in self.iter().enumerate() {
            signature.for_each_band_key(|b, key| {
                if b == band {
                    keyed.push((key, i as u32));
                }
            });
        }
        Ok(keyed)
    }
}

/// The stories of a clustered set: each article's story id.
#[derive(Debug, Clone)]
pub struct Stories {
    /// Each article's representative in its story.
    root: Vec<u32>,
    /// The id of every story of two or more articles, by representative. A story of one
    /// article is named after it, which the caller knows.
    names: HashMap<u32, String>,
}

impl Stories {
    /// The story id of article `article`, whose own id is `own_id`.
    pub fn story_id<'a>(&'a self, article: u32, own_id: &'a str) -> &'a str {
        self.names
            .get(&self.root[article as usize])
            .map_or(own_id, String::as_str)
    }

    /// Number of stories of two or more articles.
    pub fn shared(&self) -> usize {
        self.names.len()
    }
}

/// The story id of each item, in input order: the smallest article id of its story.
pub fn cluster_stories(items: &[(String, StorySignature)]) -> Vec<String> {
    let Ok(stories) = cluster(items);
    items
        .iter()
        .enumerate()
        .map(|(i, (id, _))| stories.story_id(i as u32, id).to_string())
        .collect()
}

/// Joins the articles of `store` into stories (module doc). Memory: 5 bytes per article,
/// plus one band's keys (then the members of its buckets and their roots, 8 bytes an
/// article at most) and the signatures of one bucket per thread.
pub fn cluster<S: StoryStore + Sync + ?Sized>(store: &S) -> Result<Stories, S::Error>
where
    S::Error: Send,
{
    let n = store.len();
    let mut dsu = Dsu::new(n);

    // Identical text signatures (exact duplicates, or near-duplicates so close that all 128
    // minima agree) join at once; one representative of each enters the text LSH. Which one
    // does not matter: text candidates are confirmed on the text alone, equal for all.
    let mut representative = vec![false; n];
    let mut keyed = store.band(Band::Exact)?;
    keyed.sort_unstable();
    let mut distinct: Vec<([u32; NUM_HASHES], u32)> = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        if group.len() == 1 {
            representative[group[0].1 as usize] = true;
            continue;
        }
        // Read one member at a time: a story syndicated a million times is a million
        // members. Different minhashes under one 64-bit key are kept apart.
        distinct.clear();
        for &(_, i) in group {
            let minhash = store.signature(i)?.minhash;
            match distinct.iter().find(|(m, _)| *m == minhash) {
                Some(&(_, first)) => dsu.union(first, i),
                None => {
                    representative[i as usize] = true;
                    distinct.push((minhash, i));
                }
            }
        }
    }

    for band in 0..TEXT_BANDS {
        let mut keyed = store.band(Band::Text(band))?;
        keyed.retain(|&(_, i)| representative[i as usize]);
        link_buckets(keyed, Rule::Text, store, &mut dsu)?;
    }
    drop(representative);
    for band in 0..ENTITY_BANDS {
        let keyed = store.band(Band::Entity(band))?;
        link_buckets(keyed, Rule::Event, store, &mut dsu)?;
    }

    // Each story's id: its smallest article id, read only for stories of two or more.
    let root: Vec<u32> = (0..n as u32).map(|i| dsu.find(i)).collect();
    drop(dsu);
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut shared = vec![false; n];
    for (i, &r) in root.iter().enumerate() {
        if r as usize != i {
            shared[r as usize] = true;
        }
    }
    for (i, &r) in root.iter().enumerate() {
        if !shared[r as usize] {
            continue;
        }
        let id = store.id(i as u32)?;
        match names.get_mut(&r) {
            Some(name) if *name <= id => {}
            Some(name) => *name = id,
            None => {
                names.insert(r, id);
            }
        }
    }
    Ok(Stories { root, names })
}

/// Which rule confirms the candidates of a band.
#[derive(Clone, Copy)]
enum Rule {
    Text,
    Event,
}

impl Rule {
    fn joins(self, a: &StorySignature, b: &StorySignature) -> bool {
        match self {
            Rule::Text => a.same_text(b),
            Rule::Event => a.same_event(b),
        }
    }

    /// Where an article goes in the sorted-neighbourhood order of an oversized bucket
    /// (before its id): the start of its signature, so that similar articles are neighbours.
    fn neighbourhood_key(self, s: &StorySignature) -> [u32; 8] {
        match self {
            Rule::Text => std::array::from_fn(|i| s.minhash[i]),
            Rule::Event => std::array::from_fn(|i| match i {
                0 => s.published.map_or(0, |d| d.num_days_from_ce() as u32),
                _ => s.entities.get(i - 1).copied().unwrap_or(u32::MAX),
            }),
        }
    }
}

/// Groups `(bucket key, article)` by key and joins the confirmed pairs of each bucket.
///
/// A band's buckets are tested in parallel (an article is in one of them, two in an entity
/// band), each against the stories as they stood before the band (its members' roots): a
/// pair already in one story then is not tested, and the pairs each bucket confirms are
/// joined after. The stories are the same as testing bucket after bucket against the latest
/// stories would give (the components of all confirmed candidate pairs: a pair is only left
/// untested when it is in one story already); only a few more pairs may be tested.
fn link_buckets<S: StoryStore + Sync + ?Sized>(
    mut keyed: Vec<(u64, u32)>,
    rule: Rule,
    store: &S,
    dsu: &mut Dsu,
) -> Result<(), S::Error>
where
    S::Error: Send,
{
    keyed.sort_unstable();
    // Each bucket not yet one story: its members and their roots.
    let mut buckets: Vec<(Vec<u32>, Vec<u32>)> = Vec::new();
    for bucket in keyed.chunk_by(|a, b| a.0 == b.0) {
        if bucket.len() < 2 {
            continue;
        }
        let mut members: Vec<u32> = bucket.iter().map(|&(_, i)| i).collect();
        members.dedup();
        let roots: Vec<u32> = members.iter().map(|&m| dsu.find(m)).collect();
        if roots.iter().all(|&r| r == roots[0]) {
            continue;
        }
        buckets.push((members, roots));
    }
    drop(keyed);
    let joined = buckets
        .par_iter()
        .map(|(members, roots)| confirmed_pairs(members, roots, rule, store))
        .collect::<Result<Vec<_>, S::Error>>()?;
    for (x, y) in joined.into_iter().flatten() {
        dsu.union(x, y);
    }
    Ok(())
}

/// The pairs of one bucket's `members` that `rule` confirms, testing only pairs not already
/// in one story: by their `roots` before the band, or by the pairs confirmed so far.
fn confirmed_pairs<S: StoryStore + ?Sized>(
    members: &[u32],
    roots: &[u32],
    rule: Rule,
    store: &S,
) -> Result<Vec<(u32, u32)>, S::Error> {
    // The bucket's own union-find over member positions, members of one root joined.
    let mut local = Dsu::new(members.len());
    let mut first_of_root: HashMap<u32, u32> = HashMap::new();
    for (k, &r) in roots.iter().enumerate() {
        let first = *first_of_root.entry(r).or_insert(k as u32);
        local.union(first, k as u32);
    }
    let mut pairs = Vec::new();
    // Tests members at positions `x` and `y` unless they are one story already.
    let mut test = |x: u32, y: u32, a: &StorySignature, b: &StorySignature| {
        if local.find(x) != local.find(y) && rule.joins(a, b) {
            local.union(x, y);
            pairs.push((members[x as usize], members[y as usize]));
        }
    };
    if members.len() <= BUCKET_CAP {
        let signatures = members
            .iter()
            .map(|&m| store.signature(m))
            .collect::<Result<Vec<_>, _>>()?;
        for a in 0..members.len() {
            for b in a + 1..members.len() {
                test(a as u32, b as u32, &signatures[a], &signatures[b]);
            }
        }
        return Ok(pairs);
    }
    // Sorted-neighbourhood sampling, see the module doc. The order depends only on the
    // members' signatures and ids, not on the input order; signatures are read again in
    // that order, a window at a time, so memory stays small for huge buckets.
    let mut order = (0..members.len())
        .map(|k| {
            let m = members[k];
            let key = rule.neighbourhood_key(&store.signature(m)?);
            Ok((key, store.id(m)?, k as u32))
        })
        .collect::<Result<Vec<_>, S::Error>>()?;
    order.sort_unstable();
    let mut window: std::collections::VecDeque<(u32, StorySignature)> =
        std::collections::VecDeque::with_capacity(BUCKET_WINDOW + 1);
    for (_, _, y) in order {
        let signature = store.signature(members[y as usize])?;
        for (x, other) in &window {
            test(*x, y, other, &signature);
        }
        window.push_back((y, signature));
        if window.len() > BUCKET_WINDOW {
            window.pop_front();
        }
    }
    Ok(pairs)
}

fn band_key(rows: &[u32], band: u64, window: i64) -> u64 {
    const _: () = assert!(ENTITY_ROWS <= TEXT_ROWS);
    let mut bytes = [0u8; 4 * TEXT_ROWS + 8];
    for (chunk, r) in bytes.chunks_exact_mut(4).zip(rows) {
        chunk.copy_from_slice(&r.to_le_bytes());
    }
    let end = 4 * rows.len();
    bytes[end..end + 8].copy_from_slice(&window.to_le_bytes());
    xxh3_64_with_seed(&bytes[..end + 8], band)
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// Union-find with path halving over `u32` indices (4 bytes per article); the result (the
/// components) does not depend on the order of unions.
struct Dsu {
    parent: Vec<u32>,
}

impl Dsu {
    fn new(n: usize) -> Dsu {
        assert!(u32::try_from(n).is_ok(), "at most 2^32 articles");
        Dsu {
            parent: (0..n as u32).collect(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            self.parent[x as usize] = self.parent[self.parent[x as usize] as usize];
            x = self.parent[x as usize];
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
}
/// MurmurHash3's 64-bit finaliser: a bijection with full avalanche.
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// The text MinHash by one-permutation hashing with optimal densification (Li, Owen and
/// Zhang 2012; Shrivastava 2017): each shingle is hashed once, the top 7 bits of the hash
/// pick one of the [`NUM_HASHES`] bins and the bin keeps the smallest low 32 bits; each
/// empty bin then copies the bin that a fixed probe sequence of its own index reaches
/// first among the filled ones. Two sets agree in a bin with probability their Jaccard
/// similarity, as with one hash function per bin, at 1/128 of the cost: signing with 128
/// functions was the merge's largest stage (27 of 74 s at 1 GB). All `u32::MAX` when there
/// are no shingles. A shingle's repeats change nothing: they are neither sorted nor removed.
fn one_permutation_minhash(shingles: impl IntoIterator<Item = u64>) -> [u32; NUM_HASHES] {
    const BIN_BITS: u32 = NUM_HASHES.trailing_zeros();
    const _: () = assert!(NUM_HASHES.is_power_of_two());
    let mut bins = [u32::MAX; NUM_HASHES];
    let mut filled = [false; NUM_HASHES];
    for s in shingles {
        let h = fmix64(s ^ TEXT_SEED);
        let bin = (h >> (64 - BIN_BITS)) as usize;
        bins[bin] = bins[bin].min(h as u32);
        filled[bin] = true;
    }
    if !filled.contains(&true) {
        return bins;
    }
    // In place: only filled bins are read, and they are never written here.
    for bin in 0..NUM_HASHES {
        if filled[bin] {
            continue;
        }
        // At least one bin is filled, so the probe sequence ends (expected
        // NUM_HASHES / filled probes).
        let mut attempt = 0u64;
        let source = loop {
            let probe = fmix64(((bin as u64) << 32 | attempt) ^ TEXT_SEED);
            let source = (probe >> (64 - BIN_BITS)) as usize;
            if filled[source] {
                break source;
            }
            attempt += 1;
        };
        bins[bin] = bins[source];
    }
    bins
}

fn hash_seeds<const N: usize>(seed: u64) -> [u64; N] {
    std::array::from_fn(|i| xxh3_64_with_seed(&(i as u64).to_le_bytes(), seed))
}

/// Characters of scripts written without spaces between words: each is its own token.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF // Han
    )
}

/// Characters dropped inside words: Arabic harakat and tatweel, zero-width (non-)joiners,
/// soft hyphen.
fn is_ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0x064B..=0x065F | 0x0670 | 0x0640 | 0x200C | 0x200D | 0x00AD
    )
}

fn push_lower(token: &mut String, c: char, turkic: bool) {
    match c {
        'I' if turkic => token.push('ı'),
        'İ' if turkic => token.push('i'),
        // No case-table search for most of an Arabic text.
        c if parse::chars::is_caseless_arabic(c) => token.push(c),
        _ => token.extend(c.to_lowercase()),
    }
}

/// Calls `f` with each normalised token of a text, built in one reused buffer (signing is
/// a large part of a merge, and a `String` per token was most of it).
fn for_each_token(text: &str, lang: &str, mut f: impl FnMut(&str)) {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    let turkic = primary.eq_ignore_ascii_case("tr") || primary.eq_ignore_ascii_case("az");
    let mut token = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            // The common case without Unicode tables: ASCII letters and digits are word
            // characters, every other ASCII character ends a word.
            if c.is_ascii_alphanumeric() {
                if c == 'I' && turkic {
                    token.push('ı');
                } else {
                    token.push(c.to_ascii_lowercase());
                }
            } else if !token.is_empty() {
                f(&token);
                token.clear();
            }
            continue;
        }
        if is_ignorable(c) {
            continue;
        }
        let alphanumeric = parse::chars::is_alphanumeric(c);
        if alphanumeric && !is_unspaced(c) {
            push_lower(&mut token, c, turkic);
            continue;
        }
        if !token.is_empty() {
            f(&token);
            token.clear();
        }
        if alphanumeric {
            push_lower(&mut token, c, turkic);
            f(&token);
            token.clear();
        }
    }
    if !token.is_empty() {
        f(&token);
    }
}

/// The normalised tokens of a text.
#[cfg(test)]
fn tokens(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, lang, |t| out.push(t.to_string()));
    out
}

fn token_hashes(text: &str, lang: &str) -> Vec<u64> {
    let mut hashes = Vec::new();
    for_each_token(text, lang, |t| hashes.push(xxh3_64(t.as_bytes())));
    hashes
}

/// The shingle hashes of a text's tokens, in text order, repeats included.
fn shingle_hashes(tokens: &[u64]) -> impl Iterator<Item = u64> + '_ {
    // Windows are at most SHINGLE_WORDS long, so their bytes fit on the stack.
    let hash = |window: &[u64]| {
        let mut bytes = [0u8; 8 * SHINGLE_WORDS];
        for (chunk, t) in bytes.chunks_exact_mut(8).zip(window) {
            chunk.copy_from_slice(&t.to_le_bytes());
        }
        xxh3_64(&bytes[..8 * window.len()])
    };
    // A text shorter than a shingle is one shingle; no text, none.
    let short = (!tokens.is_empty() && tokens.len() < SHINGLE_WORDS).then_some(tokens);
    (short.into_iter().chain(tokens.windows(SHINGLE_WORDS))).map(hash)
}

/// Normalised entity key into `out` (emptied first): trimmed, lower-cased, inner whitespace
/// collapsed; empty when the key has no word.
fn normalise_key_into(key: &str, out: &mut String) {
    out.clear();
    for (i, word) in key.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            // `str::to_lowercase`, for its context rule (a final capital sigma).
            out.push_str(&word.to_lowercase());
        }
    }
}

/// The stored entity hashes (salient keys, bottom-k) and the number of distinct salient keys.
fn entity_sample(keys: &[String]) -> (Vec<u32>, u32) {
    // Each key normalised into one reused buffer.
    let mut key = String::new();
    let mut hashes: Vec<u32> = Vec::with_capacity(keys.len());
    for k in keys {
        normalise_key_into(k, &mut key);
        if !key.is_empty() {
            hashes.push((xxh3_64(key.as_bytes()) >> 32) as u32);
        }
    }
    hashes.sort_unstable();
    let counted: Vec<(u32, usize)> = hashes
        .chunk_by(|a, b| a == b)
        .map(|g| (g[0], g.len()))
        .collect();
    let salient: Vec<u32> = counted
        .iter()
        .filter(|&&(_, count)| count >= 2)
        .map(|&(h, _)| h)
        .collect();
    let mut set = if salient.len() >= MIN_SHARED_ENTITIES {
        salient
    } else {
        counted.iter().map(|&(h, _)| h).collect()
    };
    let n = set.len() as u32;
    set.truncate(MAX_ENTITY_KEYS);
    set.shrink_to_fit();
    (set, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_keys_normalise_as_lower_cased_words() {
        let mut out = String::from("left over");
        for key in [
            "",
            " \t ",
            "Q42",
            "Joko  Widodo",
            " JOKO\twidodo\n",
            "ΟΔΟΣ ΟΔΟΣ",
            "İstanbul Ünï ΑΣ",
            "وزارة الخارجية",
        ] {
            let words: Vec<String> = key.split_whitespace().map(str::to_lowercase).collect();
            normalise_key_into(key, &mut out);
            assert_eq!(out, words.join(" "), "{key:?}");
        }
    }

    const FLOOD: &str = "Heavy rain caused the river Alder to burst its banks on Tuesday night, \
        flooding more than two hundred homes in the lower town of Westbridge. Emergency crews \
        worked through the night to evacuate elderly residents from the riverside streets, \
        and a temporary shelter was opened in the sports hall of the secondary school. The \
        mayor said that the damage would take months to repair and asked the regional \
        government for emergency funds. Local shops on the high street reported that stock \
        worth thousands had been ruined by the muddy water. Forecasters expect the river \
        level to fall slowly over the weekend, but warned that more rain is possible next \
        week. Residents criticised the council for delaying the construction of a flood \
        wall that was first proposed nine years ago after a similar disaster.";

    const FOOTBALL: &str = "The home side came from two goals down to win three two in a \
        dramatic derby on Saturday afternoon. After a poor first half in which the visitors \
        scored twice from set pieces, the coach made a double substitution at the break. \
        The young winger who came on changed the game, setting up the first goal with a low \
        cross and scoring the equaliser with a curling shot from the edge of the box. The \
        winning goal came in the last minute of added time, a header from the captain after \
        a corner. The result lifts the club to fourth place in the table, one point behind \
        the European places, while their rivals remain in the relegation zone.";

    const RATES: &str = "The central bank left its main interest rate unchanged at four and a \
        half percent on Thursday, saying that inflation was falling more slowly than \
        expected. The governor told reporters that the board would need to see several more \
        months of lower price growth before considering a cut. Markets had priced in a small \
        chance of a reduction, and the currency rose slightly after the announcement. \
        Economists said that wage growth and high service prices were the main reasons for \
        caution, and most expect the first cut in the autumn at the earliest.";

    /// Two independent write-ups of one (invented) event.
    const TREATY_A: &str = "Sweden and Chile signed an agreement on Monday to cooperate on \
        green hydrogen and lithium processing. Swedish foreign minister Anna Lindqvist and \
        her Chilean counterpart Tomas Rojas put their names to the text in Santiago, and \
        said that the first joint projects would start next year in the Atacama region.";
    const TREATY_B: &str = "Stockholm and Santiago have agreed to work together on \
        clean energy, the two governments announced. The accord, signed by Lindqvist and \
        Rojas at a ceremony in the Chilean capital, covers mining of battery metals and \
        the production of hydrogen from solar power in the north of the country.";

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn keys(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn sig(text: &str) -> StorySignature {
        StorySignature::new(text, "en", &[], None)
    }

    fn item(id: &str, s: StorySignature) -> (String, StorySignature) {
        (id.to_string(), s)
    }

    fn treaty_keys() -> Vec<String> {
        keys(&[
            "Anna Lindqvist",
            "Tomas Rojas",
            "Sweden",
            "Chile",
            "Santiago",
        ])
    }

    /// Deterministic Fisher-Yates with a small LCG.
    fn shuffle<T>(v: &mut [T], mut state: u64) {
        for i in (1..v.len()).rev() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            v.swap(i, (state >> 33) as usize % (i + 1));
        }
    }

    fn stories(items: &[(String, StorySignature)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(id, _)| id.clone())
            .zip(cluster_stories(items))
            .collect()
    }

    #[test]
    fn signature_is_compact() {
        let s = StorySignature::new(FLOOD, "en", &treaty_keys(), date(2024, 1, 1));
        let heap = s.entities.capacity() * 4;
        assert!(std::mem::size_of::<StorySignature>() <= 560);
        assert!(heap <= MAX_ENTITY_KEYS * 4);
    }

    #[test]
    fn byte_form_round_trips() {
        let signatures = [
            StorySignature::new(FLOOD, "en", &treaty_keys(), date(2024, 1, 1)),
            StorySignature::new("", "en", &[], None),
            StorySignature::new(
                FOOTBALL,
                "en",
                &(0..40).map(|i| format!("key {i}")).collect::<Vec<_>>(),
                date(1, 1, 1),
            ),
        ];
        for s in signatures {
            let mut bytes = Vec::new();
            s.write_bytes(&mut bytes);
            assert_eq!(bytes.len(), SIGNATURE_BYTES);
            assert_eq!(StorySignature::from_bytes(&bytes), Some(s));
            assert_eq!(StorySignature::from_bytes(&bytes[1..]), None);
        }
    }

    #[test]
    fn band_keys_cover_every_band_once() {
        let s = StorySignature::new(FLOOD, "en", &treaty_keys(), date(2024, 1, 1));
        let mut seen = Vec::new();
        s.for_each_band_key(|band, _| seen.push(band));
        let mut expected: Vec<Band> = Band::all()
            .flat_map(|b| match b {
                Band::Entity(_) => vec![b, b],
                _ => vec![b],
            })
            .collect();
        expected.sort();
        seen.sort();
        assert_eq!(seen, expected);
        let mut undated = 0;
        StorySignature::new(FLOOD, "en", &treaty_keys(), None)
            .for_each_band_key(|band, _| undated += matches!(band, Band::Entity(_)) as usize);
        assert_eq!(undated, 0);
    }

    /// Shingle sets of a known Jaccard similarity: `shared` common elements and `own` of
    /// each side's own.
    fn sets(shared: u64, own: u64, salt: u64) -> (Vec<u64>, Vec<u64>) {
        let element = |i: u64| fmix64(i ^ salt.rotate_left(40));
        let common = (0..shared).map(element);
        let a = common
            .clone()
            .chain((0..own).map(|i| element(shared + i)))
            .collect();
        let b = common
            .chain((0..own).map(|i| element(shared + own + i)))
            .collect();
        (a, b)
    }

    #[test]
    fn one_permutation_minhash_estimates_jaccard() {
        let agreement = |a: &[u64], b: &[u64]| {
            let (a, b) = (
                one_permutation_minhash(a.iter().copied()),
                one_permutation_minhash(b.iter().copied()),
            );
            a.iter().zip(&b).filter(|(x, y)| x == y).count() as f64 / NUM_HASHES as f64
        };
        // Large sets (no empty bins) and small ones (most bins densified).
        for (shared, own) in [(600, 200), (300, 300), (200, 600), (12, 4), (6, 6), (3, 9)] {
            let truth = shared as f64 / (shared + 2 * own) as f64;
            let trials = 200;
            let (mut sum, mut sum_sq) = (0.0, 0.0);
            for salt in 0..trials {
                let (a, b) = sets(shared, own, salt);
                let error = agreement(&a, &b) - truth;
                sum += error;
                sum_sq += error * error;
            }
            let (bias, rmse) = (sum / trials as f64, (sum_sq / trials as f64).sqrt());
            // 128 independent functions: standard error sqrt(J(1-J)/128) <= 0.044.
            assert!(bias.abs() < 0.02, "{shared}/{own}: bias {bias}");
            let bound = if shared + own >= 100 { 0.06 } else { 0.08 };
            assert!(rmse < bound, "{shared}/{own}: rmse {rmse}");
        }
        assert_eq!(one_permutation_minhash([]), [u32::MAX; NUM_HASHES]);
        let one = one_permutation_minhash([42]);
        assert!(one.iter().all(|&m| m == one[0] && m != u32::MAX));
    }

    #[test]
    fn exact_duplicates_cluster() {
        let items = vec![
            item("b", sig(FLOOD)),
            item("a", sig(FLOOD)),
            item("c", sig(FOOTBALL)),
        ];
        assert_eq!(cluster_stories(&items), vec!["a", "a", "c"]);
    }

    #[test]
    fn near_duplicate_clusters() {
        let edited = FLOOD
            .replace("Tuesday night", "Wednesday morning")
            .replace("two hundred", "three hundred")
            .replace("nine years", "ten years")
            + "\nSubscribe to our newsletter to get the latest local news every morning.";
        let (a, b) = (sig(FLOOD), sig(&edited));
        let j = a.text_similarity(&b);
        assert!(j >= 0.6, "near duplicate similarity {j}");
        let items = vec![item("x2", b), item("x1", a)];
        assert_eq!(cluster_stories(&items), vec!["x1", "x1"]);
    }

    #[test]
    fn unrelated_articles_stay_apart() {
        let items = vec![
            item("1", sig(FLOOD)),
            item("2", sig(FOOTBALL)),
            item("3", sig(RATES)),
            item("4", sig(TREATY_A)),
            item("5", sig(TREATY_B)),
        ];
        assert!(sig(FLOOD).text_similarity(&sig(RATES)) < 0.1);
        assert_eq!(cluster_stories(&items), vec!["1", "2", "3", "4", "5"]);
    }

    #[test]
    fn re_reports_within_three_days_cluster() {
        let a = StorySignature::new(TREATY_A, "en", &treaty_keys(), date(2023, 5, 8));
        let b = StorySignature::new(TREATY_B, "en", &treaty_keys(), date(2023, 5, 10));
        assert!(a.text_similarity(&b) < 0.1);
        let items = vec![item("r2", b), item("r1", a), item("r3", sig(RATES))];
        assert_eq!(cluster_stories(&items), vec!["r1", "r1", "r3"]);
        // Across a date-window boundary, and with keys given per mention and spelled
        // differently.
        let mut mentions = treaty_keys();
        mentions.extend(keys(&["  anna   LINDQVIST ", "Chile", "Sweden", "Atacama"]));
        for (d1, d2) in [(1, 4), (3, 6), (4, 1), (31, 28)] {
            let a = StorySignature::new(TREATY_A, "en", &mentions, date(2023, 3, d1));
            let b = StorySignature::new(TREATY_B, "en", &treaty_keys(), date(2023, 3, d2));
            let items = vec![item("p", a), item("q", b)];
            assert_eq!(cluster_stories(&items), vec!["p", "p"], "{d1} {d2}");
        }
    }

    #[test]
    fn re_reports_far_apart_or_undated_stay_apart() {
        let k = treaty_keys();
        for (da, db) in [
            (date(2023, 5, 8), date(2023, 6, 7)),
            (date(2023, 5, 8), date(2023, 5, 12)),
            (None, None),
            (date(2023, 5, 8), None),
        ] {
            let items = vec![
                item("a", StorySignature::new(TREATY_A, "en", &k, da)),
                item("b", StorySignature::new(TREATY_B, "en", &k, db)),
            ];
            assert_eq!(cluster_stories(&items), vec!["a", "b"], "{da:?} {db:?}");
        }
        // Same dates but too few shared keys, or too different sets.
        let few = keys(&["Sweden", "Chile"]);
        let other = keys(&[
            "Sweden", "Chile", "Santiago", "Norway", "Peru", "Oslo", "Lima",
        ]);
        for (ka, kb) in [(&few, &few), (&k, &other)] {
            let items = vec![
                item(
                    "a",
                    StorySignature::new(TREATY_A, "en", ka, date(2023, 5, 8)),
                ),
                item(
                    "b",
                    StorySignature::new(TREATY_B, "en", kb, date(2023, 5, 8)),
                ),
            ];
            assert_eq!(cluster_stories(&items), vec!["a", "b"]);
        }
    }

    fn mixed_corpus() -> Vec<(String, StorySignature)> {
        let k = treaty_keys();
        let edited = FOOTBALL.replace("Saturday", "Sunday") + " Read more sport news.";
        vec![
            item("m07", sig(FLOOD)),
            item("m03", sig(FOOTBALL)),
            item("m11", sig(&edited)),
            item("m05", sig(RATES)),
            item("m01", sig(FLOOD)),
            item(
                "m09",
                StorySignature::new(TREATY_A, "en", &k, date(2023, 5, 8)),
            ),
            item(
                "m02",
                StorySignature::new(TREATY_B, "en", &k, date(2023, 5, 9)),
            ),
            item("m04", StorySignature::new(TREATY_B, "en", &k, None)),
            item("m10", sig(&FLOOD.replace("mayor", "deputy mayor"))),
            item("m06", sig("Short notice: the museum is closed today.")),
            item("m08", sig("")),
            item("m12", sig("")),
        ]
    }

    #[test]
    fn story_id_is_smallest_article_id() {
        let expected = [
            ("m07", "m01"),
            ("m03", "m03"),
            ("m11", "m03"),
            ("m05", "m05"),
            ("m01", "m01"),
            ("m09", "m02"),
            ("m02", "m02"),
            // Same text as m02 (so joined by rule 1), but undated.
            ("m04", "m02"),
            ("m10", "m01"),
            ("m06", "m06"),
            ("m08", "m08"),
            ("m12", "m12"),
        ];
        let got = stories(&mixed_corpus());
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, expected);
    }

    /// The stories by brute force: the components of every pair of articles that share a
    /// bucket and pass its test (all buckets are small here), named by their smallest id.
    fn brute_force_stories(items: &[(String, StorySignature)]) -> Vec<String> {
        let mut dsu = Dsu::new(items.len());
        for band in Band::all() {
            let mut keyed = items.band(band).expect("in memory");
            keyed.sort_unstable();
            for bucket in keyed.chunk_by(|a, b| a.0 == b.0) {
                assert!(bucket.len() <= BUCKET_CAP);
                for (k, &(_, x)) in bucket.iter().enumerate() {
                    for &(_, y) in &bucket[k + 1..] {
                        let (a, b) = (&items[x as usize].1, &items[y as usize].1);
                        let joined = match band {
                            Band::Exact => a.minhash == b.minhash,
                            Band::Text(_) => Rule::Text.joins(a, b),
                            Band::Entity(_) => Rule::Event.joins(a, b),
                        };
                        if joined {
                            dsu.union(x, y);
                        }
                    }
                }
            }
        }
        let roots: Vec<u32> = (0..items.len() as u32).map(|i| dsu.find(i)).collect();
        let mut names: HashMap<u32, &str> = HashMap::new();
        for (i, &r) in roots.iter().enumerate() {
            let name = names.entry(r).or_insert(&items[i].0);
            *name = (*name).min(items[i].0.as_str());
        }
        roots.iter().map(|r| names[r].to_string()).collect()
    }

    #[test]
    fn stories_are_the_components_of_confirmed_pairs_whatever_the_threads() {
        // Chains of edits of a few stories, each a word away from the one before, dated a
        // day apart: near-duplicates that join through each other, across buckets and bands.
        let k = treaty_keys();
        let mut items = Vec::new();
        for (base, text) in [FLOOD, FOOTBALL, RATES, TREATY_A].iter().enumerate() {
            let words: Vec<&str> = text.split(' ').collect();
            for step in 0..40 {
                let mut edited = words.clone();
                for w in 0..step.min(words.len()) {
                    edited[(w * 7) % words.len()] = "changed";
                }
                let published = date(2023, 5, 1 + (step % 20) as u32);
                let keys = if base == 3 { k.clone() } else { Vec::new() };
                let signature = StorySignature::new(&edited.join(" "), "en", &keys, published);
                items.push(item(&format!("s{base}-{step:02}"), signature));
            }
        }
        shuffle(&mut items, 7);
        let expected = brute_force_stories(&items);
        let shared = expected
            .iter()
            .filter(|s| expected.iter().filter(|t| t == s).count() > 1);
        assert!(
            shared.count() > 40,
            "the chains make stories of several articles"
        );
        for threads in [1, 2, 5] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool");
            assert_eq!(
                pool.install(|| cluster_stories(&items)),
                expected,
                "{threads} threads"
            );
        }
    }

    #[test]
    fn order_does_not_matter() {
        let mut items = mixed_corpus();
        let mut reference = stories(&items);
        reference.sort();
        for seed in 0..20 {
            shuffle(&mut items, seed);
            let mut got = stories(&items);
            got.sort();
            assert_eq!(got, reference, "shuffle {seed}");
        }
    }

    #[test]
    fn unrelated_additions_keep_ids() {
        let items = mixed_corpus();
        let before = stories(&items);
        let mut more = items.clone();
        // "a..." ids sort before every existing one.
        more.push(item(
            "a1",
            sig("A completely different text about gardening in spring."),
        ));
        more.push(item(
            "a2",
            StorySignature::new(
                RATES,
                "en",
                &keys(&["Central Bank", "Governor", "Eurozone"]),
                date(2023, 5, 8),
            ),
        ));
        more.insert(0, item("a0", sig(&FOOTBALL.replace("derby", "cup tie"))));
        let after: Vec<(String, String)> = stories(&more)
            .into_iter()
            .filter(|(id, _)| !id.starts_with('a'))
            .collect();
        // Only the stories the new articles join may change id: a0 joins the football
        // story and a2 the rates story (same text).
        for ((id, old), (id2, new)) in before.iter().zip(&after) {
            assert_eq!(id, id2);
            match old.as_str() {
                "m03" => assert_eq!(new, "a0"),
                "m05" => assert_eq!(new, "a2"),
                _ => assert_eq!(old, new, "{id}"),
            }
        }
    }

    #[test]
    fn tokenisation_is_unicode_aware() {
        assert_eq!(
            tokens(
                "Presiden China, Xi Jinping—bertemu (15/9) di Samarkand.",
                "id"
            ),
            keys(&[
                "presiden",
                "china",
                "xi",
                "jinping",
                "bertemu",
                "15",
                "9",
                "di",
                "samarkand"
            ])
        );
        // Harakat and tatweel do not split or change Arabic words.
        assert_eq!(
            tokens("قال الرئيسُ: مرحـبا", "ar"),
            tokens("قال الرئيس مرحبا", "ar")
        );
        assert_eq!(tokens("قال الرئيس مرحبا", "ar").len(), 3);
        // Turkic casing, Han characters one by one.
        assert_eq!(
            tokens("İSTANBUL Istanbul", "tr"),
            keys(&["istanbul", "ıstanbul"])
        );
        assert_eq!(
            tokens("习近平说 OK", "zh"),
            keys(&["习", "近", "平", "说", "ok"])
        );
        assert!(tokens(" -- ", "en").is_empty());
    }

    #[test]
    fn arabic_and_indonesian_near_duplicates_cluster() {
        let ar = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الإسكندرية يضم \
            مئتي سرير وقسما خاصا لعلاج الأطفال وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم \
            أكثر من مليون نسمة في المنطقة وإن العمل على المشروع استغرق ثلاث سنوات بتكلفة \
            بلغت خمسين مليون دولار وأضاف أن الحكومة تخطط لبناء خمسة مستشفيات أخرى خلال \
            العامين المقبلين في المحافظات الجنوبية";
        let ar2 = ar.replace("ثلاث سنوات", "أربع سنوات") + "\nتابعونا على وسائل التواصل الاجتماعي";
        let id = "Pemerintah kota Bandung meresmikan jalur bus baru yang menghubungkan pusat \
            kota dengan bandara pada hari Senin. Wali kota mengatakan bahwa jalur ini akan \
            mengurangi kemacetan dan membantu wisatawan yang datang ke kota tersebut. Tarif \
            bus ditetapkan sebesar lima ribu rupiah dan bus akan beroperasi setiap lima belas \
            menit dari pukul lima pagi hingga pukul sepuluh malam.";
        let id2 = id.replace("Senin", "Selasa") + "\nBaca juga: berita terbaru hari ini.";
        let items = vec![
            item("ar1", StorySignature::new(ar, "ar", &[], None)),
            item("ar2", StorySignature::new(&ar2, "ar", &[], None)),
            item("id1", StorySignature::new(id, "id", &[], None)),
            item("id2", StorySignature::new(&id2, "id", &[], None)),
        ];
        assert_eq!(cluster_stories(&items), vec!["ar1", "ar1", "id1", "id1"]);
    }

    #[test]
    fn salient_keys_ignore_one_off_mentions() {
        // Per-mention keys: the main actors recur, a "related articles" tail does not.
        let mut a = keys(&["Sweden", "Chile", "Anna Lindqvist", "Tomas Rojas"].repeat(3));
        a.extend(keys(&[
            "Norway", "Peru", "Oslo", "Lima", "IMF", "NATO", "Iran",
        ]));
        let b = keys(&[
            "Sweden",
            "Chile",
            "Anna Lindqvist",
            "Tomas Rojas",
            "Santiago",
        ]);
        let sa = StorySignature::new(TREATY_A, "en", &a, date(2023, 5, 8));
        let sb = StorySignature::new(TREATY_B, "en", &b, date(2023, 5, 8));
        assert_eq!(sa.n_entities, 4);
        let (j, shared) = sa.entity_similarity(&sb);
        assert_eq!((j, shared), (0.8, 4));
        assert!(sa.same_story(&sb));
    }

    #[test]
    fn large_entity_sets_are_sampled_consistently() {
        let big: Vec<String> = (0..100).map(|i| format!("Q{i}")).collect();
        let mut shifted: Vec<String> = (10..110).map(|i| format!("Q{i}")).collect();
        let a = StorySignature::new("", "en", &big, date(2022, 1, 1));
        let b = StorySignature::new("", "en", &big, date(2022, 1, 2));
        assert_eq!((a.entities.len(), a.n_entities), (MAX_ENTITY_KEYS, 100));
        assert_eq!(a.entity_similarity(&b), (1.0, MAX_ENTITY_KEYS));
        let c = StorySignature::new("", "en", &shifted, date(2022, 1, 2));
        let (j, _) = a.entity_similarity(&c);
        assert!(
            (0.55..=1.0).contains(&j),
            "true Jaccard 0.82, estimated {j}"
        );
        shifted.truncate(5);
        let d = StorySignature::new("", "en", &shifted, date(2022, 1, 2));
        assert!(a.entity_similarity(&d).0 < 0.2);
        let items = vec![item("a", a), item("b", b), item("d", d)];
        assert_eq!(cluster_stories(&items), vec!["a", "a", "d"]);
    }

    /// Synthetic words from a small LCG.
    fn random_text(words: usize, state: &mut u64) -> String {
        (0..words)
            .map(|_| {
                *state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                format!("w{}", (*state >> 33) % 5000)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn oversized_buckets_stay_linear_and_correct() {
        let mut state = 7;
        let base = random_text(120, &mut state);
        let mut items = Vec::new();
        // 600 light edits of one wire story: every band bucket is over the cap.
        for i in 0..600 {
            let text = format!("{base} edition {i} updated");
            items.push(item(&format!("wire{i:04}"), sig(&text)));
        }
        // 600 unrelated texts, all dated the same day with the same three keys but otherwise
        // distinct keys: an oversized entity bucket whose pairs do not confirm.
        for i in 0..600 {
            let text = random_text(60, &mut state);
            let mut k = keys(&["United States", "China", "Reuters"]);
            k.extend((0..5).map(|j| format!("E{i}-{j}")));
            items.push(item(
                &format!("other{i:04}"),
                StorySignature::new(&text, "en", &k, date(2024, 2, 2)),
            ));
        }
        let got = cluster_stories(&items);
        assert!(got[..600].iter().all(|s| s == "wire0000"));
        for (i, s) in got[600..].iter().enumerate() {
            assert_eq!(s, &format!("other{i:04}"));
        }
    }

    #[test]
    fn seed_articles() {
        let texts = [
            include_str!("../../../datasets/raw/seeds/000_958801101b51683a.txt"),
            include_str!("../../../datasets/raw/seeds/001_62c9cc39641f6581.txt"),
            include_str!("../../../datasets/raw/seeds/002_9015abd635de7cc3.txt"),
            include_str!("../../../datasets/raw/seeds/003_81758dc063cb0b30.txt"),
            include_str!("../../../datasets/raw/seeds/004_6ca8cd0b01336569.txt"),
        ];
        let langs = ["en", "en", "en", "id", "ar"];
        let dates = [
            date(2021, 6, 4),
            date(2021, 6, 2),
            date(2024, 7, 4),
            None,
            None,
        ];
        let entity_keys = [
            // 000: the phone call (machine translation: Afghanistan, Albania for Azerbaijan).
            keys(&[
                "Xi Jinping",
                "Ilham Aliyev",
                "China",
                "Azerbaijan",
                "Communist Party of China",
                "Belt and Road Initiative",
                "Afghanistan",
                "Taiwan",
                "Hong Kong",
                "Xinjiang",
                "Beijing Winter Olympics",
                "Albania",
            ]),
            // 001: the same call, another translation, with its outlet and source.
            keys(&[
                "Ilham Aliyev",
                "Xi Jinping",
                "Azerbaijan",
                "China",
                "Baku Tribune",
                "Azertac",
                "Communist Party of China",
                "Belt and Road Initiative",
                "Central Asia",
                "Europe",
                "Beijing Winter Olympics",
            ]),
            // 002: 2024 press release of the foreign ministry.
            keys(&[
                "Azerbaijan",
                "China",
                "Aykhan Hajizada",
                "Ministry of Foreign Affairs of Azerbaijan",
                "Azernews",
                "Belt and Road Initiative",
                "National Development and Reform Commission",
                "Ministry of Economy of Azerbaijan",
                "Europe",
            ]),
            // 003: the Samarkand meeting (2022).
            keys(&[
                "Xi Jinping",
                "Ilham Aliyev",
                "China",
                "Azerbaijan",
                "Samarkand",
                "ANTARA",
                "Global Development Initiative",
                "Global Security Initiative",
                "Belt and Road Initiative",
                "Shanghai Cooperation Organisation",
                "Ding Xuexiang",
                "Yang Jiechi",
                "Wang Yi",
                "He Lifeng",
                "Xinhua",
            ]),
            // 004: the Beijing state visit (2025).
            keys(&[
                "Xi Jinping",
                "Ilham Aliyev",
                "China",
                "Azerbaijan",
                "United Nations",
                "Belt and Road Initiative",
                "Taiwan",
                "Peng Liyuan",
                "Mehriban Aliyeva",
                "Great Hall of the People",
                "Beijing",
            ]),
        ];
        let sigs: Vec<StorySignature> = (0..5)
            .map(|i| StorySignature::new(texts[i], langs[i], &entity_keys[i], dates[i]))
            .collect();
        // Different translations share no wording: only rule 2 joins 000 and 001.
        assert!(sigs[0].text_similarity(&sigs[1]) < 0.1);
        let (j, shared) = sigs[0].entity_similarity(&sigs[1]);
        assert!(j >= ENTITY_JACCARD && shared >= 7, "{j} {shared}");
        // 003 and 004 have many keys in common, but no dates.
        assert!(sigs[3].entity_similarity(&sigs[4]).1 >= 5);
        let ids = [
            "000_958801101b51683a",
            "001_62c9cc39641f6581",
            "002_9015abd635de7cc3",
            "003_81758dc063cb0b30",
            "004_6ca8cd0b01336569",
        ];
        let mut items: Vec<(String, StorySignature)> = ids
            .iter()
            .zip(sigs)
            .map(|(id, s)| (id.to_string(), s))
            .collect();
        let expected = vec![ids[0], ids[0], ids[2], ids[3], ids[4]];
        assert_eq!(cluster_stories(&items), expected);
        items.reverse();
        let mut reversed = expected;
        reversed.reverse();
        assert_eq!(cluster_stories(&items), reversed);
    }
}
