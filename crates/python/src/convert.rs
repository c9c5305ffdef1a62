//! Arrow in, rows out, Arrow back: everything the bindings do that does not touch Python, so
//! that it can be tested with plain `cargo test`.
//!
//! * [`read_table`]: one input file, read by `inputs::read_file`, as a *raw table* (the columns
//!   of a JSONL input line plus provenance and read-time rejects, [`raw_schema`]).
//! * [`rows_from_batch`]: a raw table (or any batch with a `text` column) back into raw
//!   articles and rejects. A bad row becomes a reject, never an error.
//! * [`process`]: those rows through the core, keeping input order.
//! * [`table_batches`], [`rejects_batch`]: the result as the record batches `export` writes.

use std::collections::HashSet;
use std::sync::Arc;

use arrow_array::builder::{Int64Builder, ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int64Type, UInt32Type, UInt64Type};
use arrow_array::{Array, ArrayRef, GenericListArray, OffsetSizeTrait, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use inputs::{InputFile, Item};
use parse::InputError;
use pipeline::Pipeline;
use records::tables::{self, Table};
use records::{GivenFields, RawArticle, RejectRow, TableRows};

/// `source_file` of rows that do not say where they come from (a batch built in Python).
pub const UNNAMED_SOURCE: &str = "<batch>";

/// The optional JSONL fields after `text`, in the order `parse::read_jsonl_line` checks them
/// (so that a row with several bad fields is rejected for the same one).
const GIVEN_FIELDS: [&str; 6] = ["id", "title", "lang", "published", "source", "url"];

/// The columns of a raw table: a JSONL input line's fields, where it came from, and, for
/// inputs rejected while reading, why.
pub fn raw_schema() -> SchemaRef {
    let s = |name: &str| Field::new(name, DataType::Utf8, true);
    let mut fields = vec![
        s("source_file"),
        Field::new("source_line", DataType::Int64, true),
        s("text"),
    ];
    fields.extend(GIVEN_FIELDS.iter().map(|n| s(n)));
    fields.push(Field::new(
        "input_flags",
        DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        true,
    ));
    fields.push(s("reject_reason"));
    fields.push(s("reject_detail"));
    Arc::new(Schema::new(fields))
}

/// The columns of the rejects table (a `RejectRow` each), as `rejects.jsonl` holds them.
pub fn rejects_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("source_file", DataType::Utf8, true),
        Field::new("source_line", DataType::Int64, true),
        Field::new("reason", DataType::Utf8, true),
        Field::new("detail", DataType::Utf8, true),
    ]))
}

/// Every item of one input file, in order, as a raw table; and the file's record.
pub fn read_table(path: &std::path::Path) -> Result<(RecordBatch, InputFile), ArrowError> {
    let mut items = Vec::new();
    let record = inputs::read_file(path, &mut |item| {
        items.push(item);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    Ok((raw_batch(&items)?, record))
}

/// Rows as a raw table (the inverse of [`rows_from_batch`]).
pub fn raw_rows_batch(rows: &[Row]) -> Result<RecordBatch, ArrowError> {
    let items: Vec<Item> = rows
        .iter()
        .map(|r| match r {
            Row::Article(a) => Item::Article(a.clone()),
            Row::Reject(r) => Item::Reject(r.clone()),
        })
        .collect();
    raw_batch(&items)
}

fn raw_batch(items: &[Item]) -> Result<RecordBatch, ArrowError> {
    let n = items.len();
    let mut file = StringBuilder::new();
    let mut line = Int64Builder::with_capacity(n);
    let mut text = StringBuilder::new();
    let mut given: Vec<StringBuilder> = GIVEN_FIELDS.iter().map(|_| StringBuilder::new()).collect();
    let mut flags = ListBuilder::new(StringBuilder::new());
    let mut reason = StringBuilder::new();
    let mut detail = StringBuilder::new();
    for item in items {
        match item {
            Item::Article(raw) => {
                file.append_value(&raw.source_file);
                line.append_option(raw.source_line.map(|l| l as i64));
                text.append_value(&raw.text);
                let g = &raw.given;
                let values = [&g.id, &g.title, &g.lang, &g.published, &g.source, &g.url];
                for (builder, value) in given.iter_mut().zip(values) {
                    builder.append_option(value.as_deref());
                }
                for f in &raw.input_flags {
                    flags.values().append_value(f);
                }
                flags.append(true);
                reason.append_null();
                detail.append_null();
            }
            Item::Reject(r) => {
                file.append_value(&r.source_file);
                line.append_option(r.source_line.map(|l| l as i64));
                text.append_null();
                given.iter_mut().for_each(|b| b.append_null());
                flags.append(true);
                reason.append_value(&r.reason);
                detail.append_value(&r.detail);
            }
        }
    }
    let mut columns: Vec<ArrayRef> = vec![
        Arc::new(file.finish()),
        Arc::new(line.finish()),
        Arc::new(text.finish()),
    ];
    columns.extend(given.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    columns.push(Arc::new(flags.finish()));
    columns.push(Arc::new(reason.finish()));
    columns.push(Arc::new(detail.finish()));
    RecordBatch::try_new(raw_schema(), columns)
}

/// One input row: an article for the core, or a reject (given, or found in the row).
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Article(RawArticle),
    Reject(RejectRow),
}

/// A column of strings, whatever its string encoding; a column of another type yields
/// `Err` for every non-null value (like a JSON field of the wrong type).
enum Strings<'a> {
    Absent,
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    Other(&'a dyn Array),
}

impl<'a> Strings<'a> {
    fn of(batch: &'a RecordBatch, name: &str) -> Strings<'a> {
        Strings::new(batch.column_by_name(name))
    }

    fn new(column: Option<&'a ArrayRef>) -> Strings<'a> {
        let Some(column) = column else {
            return Strings::Absent;
        };
        match column.data_type() {
            DataType::Utf8 => Strings::Utf8(column.as_string::<i32>()),
            DataType::LargeUtf8 => Strings::Large(column.as_string::<i64>()),
            DataType::Utf8View => Strings::View(column.as_string_view()),
            // What pyarrow infers for a column of only `None`s.
            DataType::Null => Strings::Absent,
            _ => Strings::Other(column.as_ref()),
        }
    }

    /// `Ok(None)` for a null or an absent column, `Err(())` for a value of the wrong type.
    fn get(&self, i: usize) -> Result<Option<&'a str>, ()> {
        fn opt<A: arrow_array::array::ArrayAccessor>(a: A, i: usize) -> Option<A::Item> {
            (!a.is_null(i)).then(|| a.value(i))
        }
        match self {
            Strings::Absent => Ok(None),
            Strings::Utf8(a) => Ok(opt(*a, i)),
            Strings::Large(a) => Ok(opt(*a, i)),
            Strings::View(a) => Ok(opt(*a, i)),
            // Logical nulls: a dictionary or run-end array keeps its nulls in its values.
            Strings::Other(a) if a.logical_nulls().is_some_and(|n| n.is_null(i)) => Ok(None),
            Strings::Other(_) => Err(()),
        }
    }
}

/// The `source_line` column: any integer type; `Err` for another type or a value below 1.
fn line_at(column: Option<&ArrayRef>, i: usize) -> Result<Option<u64>, ()> {
    let Some(c) = column else { return Ok(None) };
    if c.is_null(i) {
        return Ok(None);
    }
    let value: i128 = match c.data_type() {
        DataType::Int64 => c.as_primitive::<Int64Type>().value(i).into(),
        DataType::Int32 => c.as_primitive::<Int32Type>().value(i).into(),
        DataType::UInt64 => c.as_primitive::<UInt64Type>().value(i).into(),
        DataType::UInt32 => c.as_primitive::<UInt32Type>().value(i).into(),
        DataType::Null => return Ok(None),
        _ => return Err(()),
    };
    u64::try_from(value)
        .ok()
        .filter(|&l| l >= 1)
        .map(Some)
        .ok_or(())
}

/// The `input_flags` column: a list of strings; `Err` for another type.
fn flags_at(column: Option<&ArrayRef>, i: usize) -> Result<Vec<String>, ()> {
    fn strings_of<O: OffsetSizeTrait>(
        list: &GenericListArray<O>,
        i: usize,
    ) -> Result<Vec<String>, ()> {
        let values = list.value(i);
        let strings = Strings::new(Some(&values));
        if matches!(strings, Strings::Other(_)) {
            return Err(());
        }
        (0..values.len())
            .filter_map(|j| strings.get(j).transpose())
            .map(|s| s.map(str::to_string))
            .collect()
    }
    let Some(c) = column else { return Ok(vec![]) };
    if c.is_null(i) {
        return Ok(vec![]);
    }
    match c.data_type() {
        DataType::List(_) => strings_of(c.as_list::<i32>(), i),
        DataType::LargeList(_) => strings_of(c.as_list::<i64>(), i),
        DataType::Null => Ok(vec![]),
        _ => Err(()),
    }
}

/// Where a row came from, as reject details name it (`file:line` or `file`).
fn location(file: &str, line: Option<u64>) -> String {
    match line {
        Some(l) => format!("{file}:{l}"),
        None => file.to_string(),
    }
}

/// The rows of `batch`, in order. Columns are found by name; unknown columns are ignored.
///
/// A row is judged exactly as `parse::read_jsonl_line` judges a JSONL line (`text` first:
/// absent or null is `missing_text`, then NULs removed, then blank is `empty`; a value of a
/// non-string type is `wrong_type`; a blank `id` is no id), so that the same article gives the
/// same outcome whether it comes as a file or as a batch. A row with a `reject_reason` is
/// passed on as that reject.
pub fn rows_from_batch(batch: &RecordBatch) -> Vec<Row> {
    let file_col = Strings::of(batch, "source_file");
    let line_col = batch.column_by_name("source_line");
    let text_col = Strings::of(batch, "text");
    let given_cols: Vec<Strings> = GIVEN_FIELDS.iter().map(|n| Strings::of(batch, n)).collect();
    let flags_col = batch.column_by_name("input_flags");
    let reason_col = Strings::of(batch, "reject_reason");
    let detail_col = Strings::of(batch, "reject_detail");
    (0..batch.num_rows())
        .map(|i| {
            // Provenance first: a reject needs it too. A provenance column of the wrong type
            // is itself a `wrong_type` reject of the row.
            let (file, file_ok) = match file_col.get(i) {
                Ok(f) => (f.unwrap_or(UNNAMED_SOURCE), true),
                Err(()) => (UNNAMED_SOURCE, false),
            };
            let (line, line_ok) = match line_at(line_col, i) {
                Ok(l) => (l, true),
                Err(()) => (None, false),
            };
            let reject = |reason: &str, detail: String| {
                Row::Reject(RejectRow {
                    source_file: file.to_string(),
                    source_line: line,
                    reason: reason.to_string(),
                    detail,
                })
            };
            let input_error =
                |e: InputError| reject(e.reason(), format!("{}: {e}", location(file, line)));
            let wrong = |name: &str| input_error(InputError::WrongType(name.to_string()));
            if !file_ok {
                return wrong("source_file");
            }
            if !line_ok {
                return reject(
                    InputError::WrongType("source_line".into()).reason(),
                    format!(
                        "{}: `source_line` must be a positive integer",
                        location(file, line)
                    ),
                );
            }
            match reason_col.get(i) {
                Ok(Some(reason)) => {
                    let detail = detail_col.get(i).ok().flatten().unwrap_or_default();
                    return reject(reason, detail.to_string());
                }
                Ok(None) => {}
                Err(()) => return wrong("reject_reason"),
            }
            let text = match text_col.get(i) {
                Ok(Some(t)) => t,
                Ok(None) => return input_error(InputError::MissingText),
                Err(()) => return wrong("text"),
            };
            // The limit a JSONL line or a `.txt` file has (`parse::MAX_ARTICLE_BYTES`), for
            // the same reason: one article of megabytes is a dump, and parsing it takes minutes.
            if text.len() as u64 > parse::MAX_ARTICLE_BYTES {
                return input_error(InputError::TooLarge(text.len() as u64));
            }
            let Ok(mut input_flags) = flags_at(flags_col, i) else {
                return wrong("input_flags");
            };
            let text = if text.contains('\0') {
                input_flags.push("nul_removed".to_string());
                text.replace('\0', "")
            } else {
                text.to_string()
            };
            if text.trim().is_empty() {
                return input_error(InputError::Empty);
            }
            let mut values = Vec::with_capacity(GIVEN_FIELDS.len());
            for (name, col) in GIVEN_FIELDS.iter().zip(&given_cols) {
                match col.get(i) {
                    Ok(v) => values.push(v.map(str::to_string)),
                    Err(()) => return wrong(name),
                }
            }
            let mut values = values.into_iter();
            let mut next = || values.next().flatten();
            let given = GivenFields {
                id: next().filter(|s| !s.trim().is_empty()),
                title: next(),
                lang: next(),
                published: next(),
                source: next(),
                url: next(),
            };
            Row::Article(RawArticle {
                source_file: file.to_string(),
                source_line: line,
                text,
                given,
                input_flags,
            })
        })
        .collect()
}

/// What a batch becomes: the rows of the four tables and the rejects, both in input order.
#[derive(Debug, Default)]
pub struct Output {
    pub rows: TableRows,
    pub rejects: Vec<RejectRow>,
}

/// Runs the articles among `rows` through the core (in parallel, on the current rayon pool)
/// and puts every outcome back in input order.
///
/// An article whose id is in `seen` (the ids of earlier rows of the batch, and of earlier
/// batches if the caller keeps them) is rejected as `duplicate_id`, as `export` does, and as
/// a stream of a shard dataset requires (its ids are unique). Ids of the articles kept are
/// added to `seen`. Duplicates across streams are for `export merge` to find.
pub fn process(pipeline: &Pipeline, rows: Vec<Row>, seen: &mut HashSet<String>) -> Output {
    let mut raws = Vec::new();
    let mut slots = Vec::with_capacity(rows.len());
    for row in rows {
        match row {
            Row::Article(raw) => {
                raws.push(raw);
                slots.push(None);
            }
            Row::Reject(r) => slots.push(Some(r)),
        }
    }
    let mut outcomes = pipeline.process_each(&raws).into_iter();
    let mut out = Output::default();
    for slot in slots {
        let outcome = match slot {
            Some(reject) => Err(reject),
            None => outcomes.next().expect("one outcome per article"),
        };
        match outcome {
            Ok(rows) => {
                let a = &rows.articles[0];
                if seen.insert(a.article_id.clone()) {
                    out.rows.append(rows);
                } else {
                    out.rejects.push(pipeline::duplicate_id_reject(
                        &a.source_file,
                        a.source_line.map(|l| l as u64),
                        &a.article_id,
                    ));
                }
            }
            Err(reject) => out.rejects.push(reject),
        }
    }
    out
}

/// The four split tables of `rows`, each a batch with exactly the schema `export` writes
/// (empty tables included).
pub fn table_batches(rows: &TableRows) -> Result<Vec<(Table, RecordBatch)>, ArrowError> {
    let mut out = Vec::with_capacity(4);
    for table in Table::SPLIT {
        let batch = match table {
            Table::Articles => tables::articles_batch(&rows.articles)?,
            Table::Sentences => tables::sentences_batch(&rows.sentences)?,
            Table::Entities => tables::entities_batch(&rows.entities)?,
            Table::Claims => tables::claims_batch(&rows.claims)?,
            Table::Kb => unreachable!("kb is not a split table"),
        };
        out.push((table, batch));
    }
    Ok(out)
}

pub fn rejects_batch(rejects: &[RejectRow]) -> Result<RecordBatch, ArrowError> {
    let mut file = StringBuilder::new();
    let mut line = Int64Builder::with_capacity(rejects.len());
    let mut reason = StringBuilder::new();
    let mut detail = StringBuilder::new();
    for r in rejects {
        file.append_value(&r.source_file);
        line.append_option(r.source_line.map(|l| l as i64));
        reason.append_value(&r.reason);
        detail.append_value(&r.detail);
    }
    RecordBatch::try_new(
        rejects_schema(),
        vec![
            Arc::new(file.finish()),
            Arc::new(line.finish()),
            Arc::new(reason.finish()),
            Arc::new(detail.finish()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Int64Array, StringArray};
    use label::Labelers;
    use pipeline::Config;

    fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
        RecordBatch::try_from_iter(columns).unwrap()
    }

    fn strings(values: &[Option<&str>]) -> ArrayRef {
        Arc::new(StringArray::from(values.to_vec()))
    }

    /// What `read_file` returns passes back in unchanged: articles and read-time rejects,
    /// in order, with their provenance and flags.
    #[test]
    fn read_tables_round_trip_into_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        std::fs::write(
            &path,
            "{\"id\": \"a\", \"text\": \"First one.\", \"lang\": \"en\"}\n\
             {not json\n\
             \n\
             {\"text\": \"Nul\\u0000 inside.\", \"url\": \"https://x.test/1\"}\n\
             {\"text\": 5}\n",
        )
        .unwrap();
        let mut items = Vec::new();
        let record = inputs::read_file(&path, &mut |item| {
            items.push(item);
            Ok::<(), ()>(())
        })
        .unwrap();
        let (table, read_record) = read_table(&path).unwrap();
        assert_eq!(read_record, record);
        assert_eq!(table.schema(), raw_schema());
        assert_eq!(table.num_rows(), 4);
        let expected: Vec<Row> = items
            .into_iter()
            .map(|item| match item {
                Item::Article(a) => Row::Article(a),
                Item::Reject(r) => Row::Reject(r),
            })
            .collect();
        let rows = rows_from_batch(&table);
        assert_eq!(rows, expected);
        let Row::Article(nul) = &rows[2] else {
            panic!("line 4 is an article")
        };
        assert_eq!(nul.input_flags, vec!["nul_removed"]);
        assert_eq!(nul.source_line, Some(4));
        assert!(matches!(&rows[3], Row::Reject(r) if r.reason == "wrong_type"));
    }

    /// A batch row is judged as the same JSONL line would be: same reason, same detail.
    #[test]
    fn bad_rows_are_rejected_like_jsonl_lines() {
        let b = batch(vec![
            ("source_file", strings(&[Some("f.jsonl"); 5])),
            (
                "source_line",
                Arc::new(Int64Array::from(vec![1, 2, 3, 4, 5])),
            ),
            (
                "text",
                strings(&[
                    None,
                    Some("  \n"),
                    Some("Fine text."),
                    Some("Fine."),
                    Some("\0"),
                ]),
            ),
            ("id", strings(&[None, None, Some(" "), Some("x"), None])),
            (
                "title",
                Arc::new(Int64Array::from(vec![None, None, None, Some(7), None])) as ArrayRef,
            ),
        ]);
        let lines: [&[u8]; 5] = [
            br#"{"text": null}"#,
            br#"{"text": "  \n"}"#,
            br#"{"text": "Fine text.", "id": " "}"#,
            br#"{"text": "Fine.", "id": "x", "title": 7}"#,
            br#"{"text": "\u0000"}"#,
        ];
        let rows = rows_from_batch(&b);
        // In raw form the verdicts are kept: the rows read back are the same.
        assert_eq!(rows_from_batch(&raw_rows_batch(&rows).unwrap()), rows);
        for (i, (row, line)) in rows.iter().zip(lines).enumerate() {
            let number = i as u64 + 1;
            let expected = match parse::read_jsonl_line("f.jsonl", number, line) {
                Ok(raw) => Row::Article(raw),
                Err(e) => Row::Reject(RejectRow {
                    source_file: "f.jsonl".into(),
                    source_line: Some(number),
                    reason: e.reason().into(),
                    detail: format!("f.jsonl:{number}: {e}"),
                }),
            };
            assert_eq!(row, &expected, "row {number}");
        }
        let reasons: Vec<_> = rows
            .iter()
            .map(|r| match r {
                Row::Reject(r) => r.reason.as_str(),
                Row::Article(_) => "article",
            })
            .collect();
        assert_eq!(
            reasons,
            ["missing_text", "empty", "article", "wrong_type", "empty"]
        );
    }

    #[test]
    fn null_typed_columns_are_nulls_not_wrong_types() {
        let b = batch(vec![
            ("text", strings(&[Some("Some text. Here.")])),
            (
                "title",
                Arc::new(arrow_array::NullArray::new(1)) as ArrayRef,
            ),
            (
                "source_line",
                Arc::new(arrow_array::NullArray::new(1)) as ArrayRef,
            ),
            (
                "input_flags",
                Arc::new(arrow_array::NullArray::new(1)) as ArrayRef,
            ),
        ]);
        let Row::Article(a) = &rows_from_batch(&b)[0] else {
            panic!("a null title is no title")
        };
        assert_eq!((a.given.title.as_ref(), a.source_line), (None, None));
    }

    #[test]
    fn a_batch_without_text_or_provenance_still_gives_one_row_each() {
        let b = batch(vec![
            (
                "text",
                Arc::new(Int64Array::from(vec![Some(1), None])) as ArrayRef,
            ),
            ("source_line", Arc::new(Int64Array::from(vec![0, 2]))),
        ]);
        let rows = rows_from_batch(&b);
        assert_eq!(rows.len(), 2);
        let Row::Reject(r) = &rows[0] else { panic!() };
        assert_eq!(
            (r.source_file.as_str(), r.reason.as_str()),
            (UNNAMED_SOURCE, "wrong_type")
        );
        let Row::Reject(r) = &rows[1] else { panic!() };
        assert_eq!(
            (r.source_line, r.reason.as_str()),
            (Some(2), "missing_text")
        );
        let only_text = batch(vec![("text", strings(&[Some("Just text.")]))]);
        let Row::Article(a) = &rows_from_batch(&only_text)[0] else {
            panic!()
        };
        assert_eq!(
            (a.source_file.as_str(), a.source_line),
            (UNNAMED_SOURCE, None)
        );
    }

    #[test]
    fn outcomes_keep_input_order_and_tables_keep_their_schemas() {
        let p = pipeline::Pipeline::new(Config::default(), Labelers::default());
        let raw = |line: u64, text: &str| {
            Row::Article(RawArticle {
                source_file: "f.jsonl".into(),
                source_line: Some(line),
                text: text.into(),
                given: Default::default(),
                input_flags: vec![],
            })
        };
        let given = RejectRow {
            source_file: "f.jsonl".into(),
            source_line: Some(2),
            reason: "invalid_json".into(),
            detail: "f.jsonl:2: bad".into(),
        };
        let mut seen = HashSet::new();
        let out = process(
            &p,
            vec![
                raw(1, "The first article has a sentence."),
                Row::Reject(given.clone()),
                raw(3, "Copyright 2024 Reuters. All rights reserved."),
                raw(4, "The second article has a sentence."),
                raw(5, "The first article has a sentence."),
            ],
            &mut seen,
        );
        assert_eq!(out.rows.articles.len(), 2);
        assert_eq!(out.rows.articles[0].source_line, Some(1));
        assert_eq!(out.rows.articles[1].source_line, Some(4));
        assert_eq!(out.rejects.len(), 3);
        assert_eq!(out.rejects[0], given);
        assert_eq!(out.rejects[1].source_line, Some(3));
        assert_eq!(out.rejects[1].reason, "no_prose");
        let first_id = &out.rows.articles[0].article_id;
        assert_eq!(
            out.rejects[2],
            pipeline::duplicate_id_reject("f.jsonl", Some(5), first_id)
        );
        // The ids kept are remembered: the next batch of the stream rejects them too.
        assert_eq!(seen.len(), 2);
        let again = process(
            &p,
            vec![raw(6, "The second article has a sentence.")],
            &mut seen,
        );
        assert!(again.rows.articles.is_empty());
        assert_eq!(again.rejects[0].reason, "duplicate_id");
        let tables = table_batches(&out.rows).unwrap();
        assert_eq!(tables.len(), 4);
        for (table, batch) in &tables {
            assert_eq!(batch.schema(), table.schema());
        }
        assert_eq!(tables[0].1.num_rows(), 2);
        let empty = table_batches(&TableRows::default()).unwrap();
        assert!(
            empty
                .iter()
                .all(|(t, b)| b.num_rows() == 0 && b.schema() == t.schema())
        );
        let rejects = rejects_batch(&out.rejects).unwrap();
        assert_eq!(rejects.schema(), rejects_schema());
        assert_eq!(rejects.num_rows(), 3);
    }
}
