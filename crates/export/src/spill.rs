//! Story signatures spilled to disk while a merge signs its articles, so that the merge's
//! memory does not grow with the corpus (#7): clustering ([`pipeline::story::cluster`])
//! reads them back one LSH band at a time, and the signatures and ids of the candidates it
//! confirms by position.
//!
//! Files, in a directory the caller owns and removes: `signatures.bin` (fixed-size records,
//! [`SIGNATURE_BYTES`] each, in article order), `ids.bin` (the ids' bytes, back to back; their
//! offsets are the only per-article state in memory, 8 bytes each), and one `band-NN.bin` per
//! band of `(key u64, article u32)` records, little-endian. Everything is written and read in
//! this process; the format is not kept.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use pipeline::story::{Band, SIGNATURE_BYTES, StorySignature, StoryStore, TEXT_BANDS};

const BAND_RECORD: usize = 12;
const WRITE_BUFFER: usize = 64 * 1024;

fn band_index(band: Band) -> usize {
    match band {
        Band::Exact => 0,
        Band::Text(b) => 1 + b,
        Band::Entity(b) => 1 + TEXT_BANDS + b,
    }
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(BufWriter::with_capacity(WRITE_BUFFER, file))
}

/// Writes the signatures of a merge's articles, in article order.
pub struct SignatureSpill {
    dir: PathBuf,
    signatures: BufWriter<File>,
    ids: BufWriter<File>,
    id_offsets: Vec<u64>,
    bands: Vec<BufWriter<File>>,
    record: Vec<u8>,
}

impl SignatureSpill {
    /// Creates the files in `dir` (which must exist).
    pub fn create(dir: &Path) -> Result<SignatureSpill> {
        let bands = Band::all()
            .map(|band| create(&dir.join(format!("band-{:02}.bin", band_index(band)))))
            .collect::<Result<_>>()?;
        Ok(SignatureSpill {
            dir: dir.to_path_buf(),
            signatures: create(&dir.join("signatures.bin"))?,
            ids: create(&dir.join("ids.bin"))?,
            id_offsets: vec![0],
            bands,
            record: Vec::with_capacity(SIGNATURE_BYTES),
        })
    }

    /// Number of articles pushed so far.
    pub fn len(&self) -> usize {
        self.id_offsets.len() - 1
    }

    /// Appends one article; returns its number.
    pub fn push(&mut self, id: &str, signature: &StorySignature) -> Result<u32> {
        let article = u32::try_from(self.len()).context("more than 2^32 articles in one merge")?;
        self.record.clear();
        signature.write_bytes(&mut self.record);
        self.signatures.write_all(&self.record)?;
        self.ids.write_all(id.as_bytes())?;
        let end = self.id_offsets[self.id_offsets.len() - 1] + id.len() as u64;
        self.id_offsets.push(end);
        let mut failed = None;
        let bands = &mut self.bands;
        signature.for_each_band_key(|band, key| {
            let mut record = [0u8; BAND_RECORD];
            record[..8].copy_from_slice(&key.to_le_bytes());
            record[8..].copy_from_slice(&article.to_le_bytes());
            if let Err(e) = bands[band_index(band)].write_all(&record) {
                failed.get_or_insert(e);
            }
        });
        if let Some(e) = failed {
            return Err(e).with_context(|| format!("cannot write to {}", self.dir.display()));
        }
        Ok(article)
    }

    /// Closes the files for reading (no article dropped yet).
    pub fn finish(self) -> Result<SpilledSignatures> {
        let flush = |w: BufWriter<File>| -> Result<()> {
            w.into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("cannot write to {}", self.dir.display()))?;
            Ok(())
        };
        flush(self.signatures)?;
        flush(self.ids)?;
        for band in self.bands {
            flush(band)?;
        }
        let open = |name: &str| {
            let path = self.dir.join(name);
            File::open(&path).with_context(|| format!("cannot open {}", path.display()))
        };
        let dropped = vec![false; self.id_offsets.len() - 1];
        Ok(SpilledSignatures {
            signatures: open("signatures.bin")?,
            ids: open("ids.bin")?,
            id_offsets: self.id_offsets,
            dropped,
            dir: self.dir,
        })
    }
}

/// The spilled signatures, read back by position.
pub struct SpilledSignatures {
    dir: PathBuf,
    signatures: File,
    ids: File,
    id_offsets: Vec<u64>,
    dropped: Vec<bool>,
}

impl SpilledSignatures {
    /// Leaves article `article` out of every band from now on (a rejected duplicate).
    pub fn drop_article(&mut self, article: u32) {
        self.dropped[article as usize] = true;
    }

    /// The dropped flags, one per article, when clustering is done.
    pub fn into_dropped(self) -> Vec<bool> {
        self.dropped
    }
}

impl StoryStore for SpilledSignatures {
    type Error = anyhow::Error;

    fn len(&self) -> usize {
        self.dropped.len()
    }

    fn id(&self, article: u32) -> Result<String> {
        let i = article as usize;
        let (start, end) = (self.id_offsets[i], self.id_offsets[i + 1]);
        let mut bytes = vec![0u8; (end - start) as usize];
        read_at(&self.ids, &mut bytes, start)
            .with_context(|| format!("cannot read {}", self.dir.join("ids.bin").display()))?;
        String::from_utf8(bytes).context("a spilled article id is not UTF-8")
    }

    fn signature(&self, article: u32) -> Result<StorySignature> {
        let mut bytes = [0u8; SIGNATURE_BYTES];
        read_at(
            &self.signatures,
            &mut bytes,
            article as u64 * SIGNATURE_BYTES as u64,
        )
        .with_context(|| format!("cannot read {}", self.dir.join("signatures.bin").display()))?;
        StorySignature::from_bytes(&bytes).context("a spilled story signature is damaged")
    }

    fn band(&self, band: Band) -> Result<Vec<(u64, u32)>> {
        let path = self.dir.join(format!("band-{:02}.bin", band_index(band)));
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        if bytes.len() % BAND_RECORD != 0 {
            bail!("{} is truncated", path.display());
        }
        Ok(bytes
            .chunks_exact(BAND_RECORD)
            .map(|r| {
                let key = u64::from_le_bytes(r[..8].try_into().expect("8 bytes"));
                let article = u32::from_le_bytes(r[8..].try_into().expect("4 bytes"));
                (key, article)
            })
            .filter(|&(_, article)| !self.dropped[article as usize])
            .collect())
    }
}

/// Reads exactly `buf.len()` bytes at `offset` without moving a shared cursor (the store is
/// read through `&self`).
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(buf, offset)
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::FileExt;
        let mut done = 0;
        while done < buf.len() {
            match file.seek_read(&mut buf[done..], offset + done as u64)? {
                0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
                n => done += n,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pipeline::story::{cluster, cluster_stories};

    fn date(d: u32) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(2024, 3, d)
    }

    #[test]
    fn spilled_store_clusters_like_memory() {
        let base = "the river burst its banks on tuesday night flooding two hundred homes in \
                    the lower town while crews worked through the night to move residents";
        let keys: Vec<String> = ["Alder", "Westbridge", "Mayor Jones", "Council"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut items = Vec::new();
        for i in 0..40u32 {
            let text = match i % 4 {
                0 => format!("{base} edition {i}"),
                1 => base.to_string(),
                2 => format!("unrelated text number {i} about football and rates {i}"),
                _ => format!("another story {i} with other words entirely {}", i * 7),
            };
            let k = if i % 4 == 3 { keys.clone() } else { Vec::new() };
            let sig = StorySignature::new(&text, "en", &k, date(1 + i % 5));
            items.push((format!("a{:03}", (i * 17) % 41), sig));
        }
        let dir = tempfile::tempdir().unwrap();
        let mut spill = SignatureSpill::create(dir.path()).unwrap();
        for (id, sig) in &items {
            spill.push(id, sig).unwrap();
        }
        assert_eq!(spill.len(), items.len());
        let store = spill.finish().unwrap();
        for (i, (id, sig)) in items.iter().enumerate() {
            assert_eq!(&store.id(i as u32).unwrap(), id);
            assert_eq!(&store.signature(i as u32).unwrap(), sig);
        }
        let stories = cluster(&store).unwrap();
        let spilled: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, (id, _))| stories.story_id(i as u32, id).to_string())
            .collect();
        assert_eq!(spilled, cluster_stories(&items));
        assert!(stories.shared() >= 2, "the test corpus has shared stories");
    }

    #[test]
    fn dropped_articles_stay_alone() {
        let text = "one wire story copied word for word by three different outlets today";
        let items: Vec<(String, StorySignature)> = ["c", "a", "b"]
            .iter()
            .map(|id| (id.to_string(), StorySignature::new(text, "en", &[], None)))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let mut spill = SignatureSpill::create(dir.path()).unwrap();
        for (id, sig) in &items {
            spill.push(id, sig).unwrap();
        }
        let mut store = spill.finish().unwrap();
        store.drop_article(1);
        let stories = cluster(&store).unwrap();
        assert_eq!(stories.story_id(0, "c"), "b");
        assert_eq!(stories.story_id(2, "b"), "b");
        assert_eq!(stories.story_id(1, "a"), "a");
    }
}
