//! `export`: the command-line tool. It parses arguments, wires the stages, shows progress and
//! writes files; everything it computes comes from the library crates.

mod background;
mod card;
mod cli;
mod manifest;
mod mentions;
mod merge;
mod reader;
mod rejects;
mod resplit;
mod rewrite;
mod run;
mod spill;
mod tally;
mod writer;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: the core allocates many short-lived strings on
/// every worker thread, and glibc's per-thread arenas fragment under that (the resident set
/// crept up through a run) and spend a tenth of the profile in malloc and free.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use cli::{Cli, Command};

/// Exit code of a run that wrote its dataset but rejected some inputs.
const EXIT_WITH_REJECTS: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("export: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Resplit {
            dataset,
            seed,
            split,
        }) => {
            let splits: pipeline::SplitSpec = split
                .parse()
                .map_err(|e| anyhow::anyhow!("invalid --split {split:?}: {e}"))?;
            let manifest = resplit::resplit(&dataset, seed, &splits)?;
            eprintln!(
                "export: resplit {} with seed {seed} into {splits}: {:?}",
                dataset.display(),
                manifest.counts.rows["articles"]
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Eval {
            dataset,
            gold,
            json,
        }) => {
            let report = eval::evaluate(&dataset, &gold)?;
            print!("{}", report.to_table());
            if let Some(path) = json {
                write_json(&path, &report)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Merge {
            shards,
            output,
            threads,
            timings,
        }) => {
            let threads = cli::threads_or_all(threads)?;
            let started = std::time::Instant::now();
            let (c, steps) = &run::run_merge(&shards, &output, threads)?;
            if let Some(path) = &timings {
                let mut report = serde_json::to_value(steps)?;
                report["total"] = started.elapsed().as_secs_f64().into();
                report["articles"] = c.articles_written.into();
                report["threads"] = threads.into();
                write_json(path, &report)?;
            }
            eprintln!(
                "export: merged {} shard(s) into {} ({} articles, {} rejected of {} inputs)",
                shards.len(),
                output.display(),
                c.articles_written,
                c.rejected,
                c.inputs_read
            );
            Ok(if c.rejected > 0 {
                ExitCode::from(EXIT_WITH_REJECTS)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Verify { dataset }) => {
            let problems = manifest::verify(&dataset)?;
            if problems.is_empty() {
                println!("{}: matches its manifest", dataset.display());
                Ok(ExitCode::SUCCESS)
            } else {
                for p in &problems {
                    eprintln!("export verify: {}: {p}", dataset.display());
                }
                anyhow::bail!(
                    "{} problem(s) found in {}",
                    problems.len(),
                    dataset.display()
                )
            }
        }
        None => {
            let config = cli.run.validate()?;
            let pipeline = pipeline::Pipeline::new(
                pipeline::Config {
                    seed: config.seed,
                    splits: config.splits.clone(),
                },
                label::Labelers::standard(),
            );
            let summary = match config.shard {
                Some(shard) => run::run_shard(&config, &pipeline, shard)?,
                None => run::run(&config, &pipeline)?,
            };
            if let Some(path) = &config.timings {
                write_json(path, &summary.timings)?;
            }
            let c = &summary.counts;
            eprintln!(
                "export: wrote {} ({} articles, {} rejected of {} inputs)",
                summary.output.display(),
                c.articles_written,
                c.rejected,
                c.inputs_read
            );
            if c.rejected > 0 {
                eprintln!(
                    "export: rejects by reason: {:?} (see rejects.jsonl)",
                    c.rejects_by_reason
                );
                return Ok(ExitCode::from(EXIT_WITH_REJECTS));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes `value` as pretty JSON (a report or timings the user asked for) to `path`.
fn write_json(path: &std::path::Path, value: &impl serde::Serialize) -> anyhow::Result<()> {
    std::fs::write(path, serde_json::to_string_pretty(value)? + "\n")
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
}
