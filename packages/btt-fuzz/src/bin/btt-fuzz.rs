//! `btt-fuzz`: random sequences of real messages against the whole deployed suite, every
//! invariant checked after every message. `scripts/fuzz.sh N` runs it; see `--help`.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{ensure, Context};
use btt_fuzz::report::{markdown, RunInfo, Totals};
use btt_fuzz::sequence::{parse_regressions, run_sequence, shrink, SeedRun};
use btt_fuzz::suite::Suite;
use clap::Parser;

/// Random sequences of real messages against the deployed BTT suite.
#[derive(Parser, Debug)]
#[command(name = "btt-fuzz")]
struct Cli {
    /// Sequences to run.
    #[arg(long, default_value_t = 100)]
    sequences: u64,
    /// Operations in each sequence (at least 50).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(50..=10_000))]
    ops: u64,
    /// Seed of the first sequence; sequence i runs seed + i. Default: from the clock.
    #[arg(long)]
    seed: Option<u64>,
    /// Threads, each with its own suite.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=16))]
    jobs: u64,
    /// Replay the seeds of this file (one `seed ops entries` per line; `#` comments) first.
    #[arg(long, value_name = "FILE")]
    regressions: Option<PathBuf>,
    /// Write the report here.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
}

/// The sequence of each line of a regressions file.
fn regression_seeds(path: &PathBuf) -> anyhow::Result<Vec<SeedRun>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_regressions(&text).with_context(|| format!("the seeds of {}", path.display()))
}

/// Runs `seeds` on a suite of its own.
fn run_all(seeds: Vec<SeedRun>, regressions: u64, thread: u64) -> anyhow::Result<Totals> {
    let mut suite = Suite::build()?;
    let mut totals = Totals {
        regressions,
        ..Totals::default()
    };
    let count = seeds.len();
    for (i, run) in seeds.into_iter().enumerate() {
        let seed = run.seed;
        let (stats, result) = run_sequence(&mut suite, &run);
        totals.add(&stats);
        if let Err(failure) = result {
            eprintln!(
                "thread {thread}: seed {seed} broke: {}: {}",
                failure.violation.invariant, failure.violation.detail
            );
            let shrunk = shrink(&mut suite, &failure);
            let described: Vec<String> = shrunk
                .ops
                .iter()
                .map(|op| op.describe(&|a| suite.name_of(a)))
                .collect();
            eprintln!("  shrunk to {} operations:", described.len());
            for (i, d) in described.iter().enumerate() {
                eprintln!("  {}. {d}", i + 1);
            }
            totals.failures.push((shrunk, described));
        }
        if (i + 1) % 100 == 0 {
            eprintln!("thread {thread}: {} of {count} sequences", i + 1);
        }
    }
    Ok(totals)
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let first = cli.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    });
    let len = cli.ops as usize;
    println!(
        "btt-fuzz: {} sequences of {len} operations from seed {first} ({} thread(s))",
        cli.sequences, cli.jobs
    );
    let mut seeds: Vec<SeedRun> = vec![];
    let mut regressions = 0;
    if let Some(path) = &cli.regressions {
        let r = regression_seeds(path)?;
        regressions = r.len() as u64;
        println!(
            "replaying {regressions} regression seeds of {}",
            path.display()
        );
        seeds.extend(r);
    }
    seeds.extend((0..cli.sequences).map(|i| SeedRun::new(first + i, len)));
    let started = Instant::now();
    let jobs = cli.jobs as usize;
    let mut parts: Vec<Vec<SeedRun>> = vec![vec![]; jobs];
    for (i, s) in seeds.into_iter().enumerate() {
        parts[i % jobs].push(s);
    }
    let mut totals = Totals::default();
    let results: Vec<anyhow::Result<Totals>> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .enumerate()
            .map(|(t, part)| {
                let r = if t == 0 { regressions } else { 0 };
                scope.spawn(move || run_all(part, r, t as u64))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a fuzzing thread panicked")))
            })
            .collect()
    });
    for r in results {
        totals.merge(r?);
    }
    let seconds = started.elapsed().as_secs_f64();
    let info = RunInfo {
        first_seed: first,
        ops_per_sequence: len,
        jobs,
        seconds,
        command: format!(
            "scripts/fuzz.sh {}{}",
            cli.sequences,
            if cli.jobs > 1 {
                format!(" --jobs {}", cli.jobs)
            } else {
                String::new()
            }
        ),
    };
    println!(
        "{} sequences ({} regression seeds), {} operations, {} messages, {} invariant checks, {} violations in {seconds:.0} s ({:.0} operations/s)",
        totals.sequences,
        totals.regressions,
        totals.ops,
        totals.messages,
        totals.invariants_checked,
        totals.failures.len(),
        totals.ops as f64 / seconds.max(0.001)
    );
    if let Some(path) = &cli.report {
        std::fs::write(path, markdown(&totals, &info))
            .with_context(|| format!("writing {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    let parse = totals.parse_errors();
    for (name, why) in &parse {
        eprintln!("the alphabet sent {name} a message that does not parse: {why}");
    }
    ensure!(
        parse.is_empty(),
        "{} messages of the alphabet do not parse",
        parse.len()
    );
    ensure!(
        totals.failures.is_empty(),
        "{} sequences broke an invariant (seeds: {:?})",
        totals.failures.len(),
        totals
            .failures
            .iter()
            .map(|(f, _)| f.seed)
            .collect::<Vec<_>>()
    );
    Ok(())
}
