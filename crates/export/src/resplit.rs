//! `export resplit`: new splits for an existing dataset, from its stories, without parsing or
//! labelling again. The story of every article is read back with polars.
//!
//! Rows are read split by split in the order of the manifest, so a resplit with the dataset's
//! own seed and ratios rewrites every file byte for byte as it was.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use pipeline::SplitSpec;
use records::tables::Table;

use crate::manifest::{self, Manifest};
use crate::rewrite::{self, Placement};
use crate::run::{build_staged, finalize};
use crate::writer::DatasetWriter;

pub fn resplit(dataset: &Path, seed: u64, splits: &SplitSpec) -> Result<Manifest> {
    let old = manifest::read(dataset)?;
    if old.generator != manifest::GENERATOR {
        bail!("{} was not written by export", dataset.display());
    }
    let problems = manifest::verify(dataset)?;
    if let Some(first) = problems.first() {
        bail!(
            "{} does not match its manifest ({first}); run `export verify` for all differences",
            dataset.display()
        );
    }
    let stories = stats::article_stories(dataset).context("cannot read the articles' stories")?;
    let placements: HashMap<String, Placement> = stories
        .into_iter()
        .map(|(article_id, story_id)| {
            let split = splits.assign(seed, &story_id).to_string();
            (article_id, Placement { split, story_id })
        })
        .collect();

    build_staged(dataset, |staging| {
        let split_names: Vec<String> = splits.names().map(String::from).collect();
        let mut writer = DatasetWriter::new(
            staging,
            split_names.clone(),
            crate::run::shard_limits(old.config.max_shard_rows),
        )?;
        let sources: Vec<(Table, Vec<PathBuf>)> = Table::SPLIT
            .into_iter()
            .map(|t| {
                let files = old
                    .files
                    .iter()
                    .filter(|f| f.table == t.name())
                    .map(|f| dataset.join(&f.path))
                    .collect();
                (t, files)
            })
            .collect();
        rewrite::rewrite(&sources, &placements, &split_names, &mut writer)?;
        let mut written = writer.finish()?;
        std::fs::copy(dataset.join("rejects.jsonl"), staging.join("rejects.jsonl"))?;
        // Tables that are not split are carried over as they are.
        for f in old
            .files
            .iter()
            .filter(|f| !Table::SPLIT.iter().any(|t| t.name() == f.table) && f.table != "rejects")
        {
            let table = Table::ALL
                .into_iter()
                .find(|t| t.name() == f.table)
                .context("unknown table in manifest")?;
            std::fs::create_dir_all(staging.join(table.name()))?;
            std::fs::copy(dataset.join(&f.path), staging.join(&f.path))?;
            written.push(crate::writer::WrittenFile {
                path: f.path.clone(),
                table,
                split: f.split.clone().unwrap_or_default(),
                rows: f.rows,
            });
        }
        let mut manifest = old.clone();
        manifest.config.seed = seed;
        manifest.config.splits = splits.to_string();
        let rejects = old.counts.rejected;
        let stats = stats::compute(staging, crate::run::TOP_ENTITIES)?;
        finalize(staging, manifest, &written, rejects, stats)
    })
}
