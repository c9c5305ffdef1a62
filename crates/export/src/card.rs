//! The dataset card (`README.md`): a YAML header that Hugging Face `datasets` reads (configs,
//! data files per split, features, split sizes), then the schema of every column and the
//! statistics.
//!
//! The YAML is emitted by hand: the header uses a handful of fixed shapes, and the maintained
//! YAML serialisers for Rust (serde_yaml is archived) add a dependency for no gain here.

use std::fmt::Write;

use records::tables::{Feature, Table};

use crate::manifest::Manifest;
use stats::Stats;

fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

fn feature_yaml(out: &mut String, indent: usize, key: &str, feature: &Feature) {
    let pad = " ".repeat(indent);
    match feature {
        Feature::Value(dtype) => {
            let _ = writeln!(out, "{pad}{key}: {dtype}");
        }
        Feature::ClassLabel(names) => {
            let _ = writeln!(out, "{pad}{key}:\n{pad}  class_label:\n{pad}    names:");
            for (i, n) in names.iter().enumerate() {
                let _ = writeln!(out, "{pad}      '{i}': {n}");
            }
        }
        Feature::List(inner) => match inner.as_ref() {
            Feature::Value(dtype) => {
                let _ = writeln!(out, "{pad}{key}:\n{pad}  list: {dtype}");
            }
            other => {
                let _ = writeln!(out, "{pad}{key}:");
                feature_yaml(out, indent + 2, "list", other);
            }
        },
        Feature::Struct(fields) => {
            let _ = writeln!(out, "{pad}{key}:");
            for (name, f) in fields {
                let _ = writeln!(out, "{pad}- name: {name}");
                feature_yaml(out, indent + 2, "", f);
            }
        }
    }
}

/// Features of a column in the card's `dataset_info` list form.
fn column_yaml(out: &mut String, name: &str, feature: &Feature) {
    let _ = writeln!(out, "  - name: {name}");
    match feature {
        Feature::Value(dtype) => {
            let _ = writeln!(out, "    dtype: {dtype}");
        }
        Feature::List(inner) => match inner.as_ref() {
            Feature::Value(dtype) => {
                let _ = writeln!(out, "    list: {dtype}");
            }
            Feature::Struct(fields) => {
                let _ = writeln!(out, "    list:");
                struct_members(out, 4, fields);
            }
            Feature::ClassLabel(names) => {
                let _ = writeln!(out, "    list:\n      class_label:\n        names:");
                for (i, n) in names.iter().enumerate() {
                    let _ = writeln!(out, "          '{i}': {n}");
                }
            }
            Feature::List(_) => feature_yaml(out, 4, "list", inner),
        },
        Feature::Struct(fields) => {
            let _ = writeln!(out, "    struct:");
            struct_members(out, 4, fields);
        }
        Feature::ClassLabel(names) => {
            let _ = writeln!(out, "    class_label:\n      names:");
            for (i, n) in names.iter().enumerate() {
                let _ = writeln!(out, "        '{i}': {n}");
            }
        }
    }
}

fn struct_members(out: &mut String, indent: usize, fields: &[(&'static str, Feature)]) {
    let pad = " ".repeat(indent);
    for (name, f) in fields {
        let _ = writeln!(out, "{pad}- name: {name}");
        match f {
            Feature::Value(dtype) => {
                let _ = writeln!(out, "{pad}  dtype: {dtype}");
            }
            other => unreachable!("nested struct member {name}: {other:?} has no card form here"),
        }
    }
}

fn feature_text(feature: &Feature) -> String {
    match feature {
        Feature::Value(d) => d.to_string(),
        Feature::ClassLabel(names) => format!("ClassLabel({} names)", names.len()),
        Feature::List(inner) => format!("list<{}>", feature_text(inner)),
        Feature::Struct(fields) => {
            let parts: Vec<String> = fields
                .iter()
                .map(|(n, f)| format!("{n}: {}", feature_text(f)))
                .collect();
            format!("struct<{}>", parts.join(", "))
        }
    }
}

pub fn render(manifest: &Manifest, stats: &Stats) -> String {
    let splits: Vec<&str> = manifest
        .config
        .splits
        .split(',')
        .filter_map(|p| p.split('=').next())
        .collect();
    let mut y = String::from("---\n");
    let langs = stats.languages();
    let langs: Vec<&str> = langs
        .iter()
        .map(String::as_str)
        .filter(|l| *l != "und")
        .collect();
    let _ = writeln!(y, "language: [{}]", langs.join(", "));
    let _ = writeln!(
        y,
        "pretty_name: News articles, sentences, entities and claims"
    );
    // `datasets` cannot load a split without rows ("corresponds to no data"), so the card
    // lists only the splits of a table that have rows; their empty files still exist, with the
    // schema, for other readers. A table without any rows lists every split.
    let rows_of = |table: Table, split: &str| {
        manifest
            .counts
            .rows
            .get(table.name())
            .and_then(|m| m.get(split))
            .copied()
            .unwrap_or(0)
    };
    let card_splits = |table: Table| -> Vec<&str> {
        if !Table::SPLIT.contains(&table) {
            return vec![Table::UNSPLIT_NAME];
        }
        let with_rows: Vec<&str> = splits
            .iter()
            .copied()
            .filter(|s| rows_of(table, s) > 0)
            .collect();
        if with_rows.is_empty() {
            splits.clone()
        } else {
            with_rows
        }
    };
    y.push_str("configs:\n");
    for table in Table::ALL {
        let _ = writeln!(y, "- config_name: {}", table.name());
        if table == Table::Sentences {
            y.push_str("  default: true\n");
        }
        y.push_str("  data_files:\n");
        for split in card_splits(table) {
            let _ = writeln!(
                y,
                "  - split: {split}\n    path: {}/{split}-*.parquet",
                table.name()
            );
        }
    }
    y.push_str("dataset_info:\n");
    for table in Table::ALL {
        let _ = writeln!(y, "- config_name: {}\n  features:", table.name());
        for c in table.columns() {
            column_yaml(&mut y, c.name, &c.feature);
        }
        y.push_str("  splits:\n");
        for split in card_splits(table) {
            let rows = rows_of(table, split);
            // `datasets` wants num_bytes beside num_examples; it checks only the latter. We
            // give the Parquet bytes of the split's files.
            let bytes: u64 = manifest
                .files
                .iter()
                .filter(|f| f.table == table.name() && f.split.as_deref() == Some(split))
                .map(|f| f.bytes)
                .sum();
            let _ = writeln!(
                y,
                "  - name: {split}\n    num_bytes: {bytes}\n    num_examples: {rows}"
            );
        }
    }
    y.push_str("---\n\n");

    let c = &manifest.counts;
    let _ = writeln!(y, "# News articles dataset\n");
    let _ = writeln!(
        y,
        "Written by `export` {} (schema version {}) from {} input file(s): {} inputs read, {} articles written, {} rejected (see `rejects.jsonl`). `manifest.json` lists every input and output file with its SHA-256; `export verify <dir>` checks them.\n",
        manifest.tool_version,
        manifest.schema_version,
        manifest.inputs.len(),
        c.inputs_read,
        c.articles_written,
        c.rejected
    );
    let _ = writeln!(y, "## Splits\n");
    let _ = writeln!(
        y,
        "Splits `{}` with seed {}: {}. Sentences, entities and claims inherit their article's split, so no article, and no story, is in two splits.\n",
        manifest.config.splits, manifest.config.seed, manifest.config.split_method
    );
    y.push_str("| table | ");
    y.push_str(&splits.join(" | "));
    y.push_str(" |\n|---|");
    y.push_str(&"---|".repeat(splits.len()));
    y.push('\n');
    for table in Table::SPLIT {
        let _ = write!(y, "| {} |", table.name());
        for split in &splits {
            let rows = c
                .rows
                .get(table.name())
                .and_then(|m| m.get(*split))
                .copied()
                .unwrap_or(0);
            let _ = write!(y, " {rows} |");
        }
        y.push('\n');
    }
    let _ = writeln!(y, "\n## Statistics per split and language\n");
    y.push_str("| split | lang | articles | sentences | tokens | entities by type | claims by kind |\n|---|---|---|---|---|---|---|\n");
    for ((split, lang), cell) in &stats.cells {
        let by = |m: &std::collections::BTreeMap<String, u64>| {
            m.iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            y,
            "| {split} | {lang} | {} | {} | {} | {} | {} |",
            cell.articles,
            cell.sentences,
            cell.tokens,
            by(&cell.entities),
            by(&cell.claims)
        );
    }
    let top = &stats.top_entities;
    if !top.is_empty() {
        let _ = writeln!(
            y,
            "\nMost frequent entities: {}.",
            top.iter()
                .map(|(n, k)| format!("{n} ({k})"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let _ = writeln!(y, "\n## Schema\n");
    for table in Table::ALL {
        let _ = writeln!(
            y,
            "### `{}`\n\n{}\n\n| column | type | description |\n|---|---|---|",
            table.name(),
            table.description()
        );
        for col in table.columns() {
            let _ = writeln!(
                y,
                "| `{}` | {} | {} |",
                col.name,
                feature_text(&col.feature),
                col.description.replace('|', "\\|")
            );
        }
        y.push('\n');
    }
    let _ = writeln!(
        y,
        "## Loading\n\n```python\nfrom datasets import load_dataset\nsentences = load_dataset({}, \"sentences\")\n```\n",
        yaml_str("path/to/this/dir")
    );
    y
}
