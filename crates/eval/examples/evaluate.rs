//! `cargo run -p eval --example evaluate -- <dataset_dir> <gold.jsonl> [report.json]`:
//! prints the report as a table, and writes it as JSON when a third path is given.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 || args.len() > 3 {
        eprintln!("usage: evaluate <dataset_dir> <gold.jsonl> [report.json]");
        return ExitCode::from(2);
    }
    let report = match eval::evaluate(Path::new(&args[0]), Path::new(&args[1])) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    print!("{}", report.to_table());
    if let Some(out) = args.get(2) {
        let json = serde_json::to_string_pretty(&report).expect("a report serialises");
        if let Err(e) = std::fs::write(out, json + "\n") {
            eprintln!("error: {out}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
