//! The fuzzer on itself: its alphabet covers every execute message of the eleven contracts'
//! schemas, the template breaks no invariant, the committed regression seeds and a few new
//! sequences run clean, and a regression seed still draws the sequence it was found with.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use btt_fuzz::alphabet::{alphabet, FIRST_ALPHABET};
use btt_fuzz::invariants::check_all;
use btt_fuzz::report::Totals;
use btt_fuzz::sequence::{parse_regressions, run_sequence, Runner, SeedRun};
use btt_fuzz::suite::Suite;

/// The checkout this test runs in (read at run time: a binary built in another checkout of the
/// shared target still reads this one).
fn workspace() -> PathBuf {
    let package =
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    Path::new(&package).join("../..")
}

/// Every variant of every contract's `ExecuteMsg` in `schema/`.
fn execute_variants() -> Vec<(String, String)> {
    let mut out = vec![];
    for entry in std::fs::read_dir(workspace().join("schema")).unwrap() {
        let dir = entry.unwrap().path();
        let contract = dir.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(dir.join("raw/execute.json")).unwrap();
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        for one in schema["oneOf"].as_array().unwrap() {
            let name = one["required"]
                .get(0)
                .or_else(|| one["enum"].get(0))
                .and_then(|v| v.as_str())
                .unwrap()
                .to_string();
            out.push((contract.clone(), name));
        }
    }
    out
}

#[test]
fn the_alphabet_covers_every_execute_message_of_the_eleven_contracts() {
    let names: BTreeSet<&str> = alphabet().iter().map(|(n, _)| *n).collect();
    let variants = execute_variants();
    let contracts: BTreeSet<&String> = variants.iter().map(|(c, _)| c).collect();
    assert_eq!(contracts.len(), 11);
    let mut missing = vec![];
    for (contract, variant) in &variants {
        let covered = match variant.as_str() {
            // cw20 hooks: each is drawn as `contract.receive:hook`
            "receive" => names
                .iter()
                .any(|n| n.starts_with(&format!("{contract}.receive:"))),
            // the fractionalizer takes NFTs sent by rwa-nft
            "receive_nft" => names.contains("rwa-nft.send_nft"),
            "send" if contract == "rwa-shares" => {
                names.iter().any(|n| n.starts_with("rwa-shares.send:"))
            }
            v => names.contains(format!("{contract}.{v}").as_str()),
        };
        if !covered {
            missing.push(format!("{contract}.{variant}"));
        }
    }
    assert!(missing.is_empty(), "the alphabet misses {missing:?}");
}

#[test]
fn the_template_breaks_no_invariant_and_the_regression_seeds_and_new_sequences_run_clean() {
    let mut suite = Suite::build().unwrap();
    let mut ledger = suite.ledger.clone();
    let checked = check_all(&suite, &mut ledger).unwrap();
    assert_eq!(checked, btt_fuzz::invariants::INVARIANTS.len() as u32);
    let text =
        std::fs::read_to_string(workspace().join("packages/btt-fuzz/regressions.txt")).unwrap();
    let mut seeds = parse_regressions(&text).unwrap();
    assert!(!seeds.is_empty());
    seeds.extend((0..8).map(|i| SeedRun::new(9_000 + i, 50)));
    let mut totals = Totals::default();
    for run in seeds {
        let seed = run.seed;
        let (stats, result) = run_sequence(&mut suite, &run);
        totals.add(&stats);
        if let Err(f) = result {
            panic!(
                "seed {seed}: {}: {}",
                f.violation.invariant, f.violation.detail
            );
        }
    }
    assert!(totals.ops >= 500);
    assert!(
        totals.parse_errors().is_empty(),
        "{:?}",
        totals.parse_errors()
    );
    // refusals are normal, but the sequences do move value
    let ok: u64 = totals.outcomes.values().map(|(ok, _)| ok).sum();
    assert!(ok > 50, "only {ok} messages executed");
}

#[test]
fn a_sequence_is_a_function_of_its_seed() {
    let mut suite = Suite::build().unwrap();
    let (a, _) = run_sequence(&mut suite, &SeedRun::new(77, 50));
    let (b, _) = run_sequence(&mut suite, &SeedRun::new(77, 50));
    assert_eq!(a.outcomes, b.outcomes);
    assert_eq!(a.invariants_checked, b.invariants_checked);
}

/// Seed 1 drawn from the first alphabet, as the operations it ran when it was found (one per
/// line, addresses by name). `BTT_FUZZ_BLESS=1` rewrites the file; nothing else should.
#[test]
fn a_regression_seed_still_draws_the_sequence_it_was_found_with() {
    let golden = workspace().join("packages/btt-fuzz/regressions/seed-1-50-144.txt");
    let mut suite = Suite::build().unwrap();
    let run = SeedRun {
        seed: 1,
        len: 50,
        entries: FIRST_ALPHABET,
    };
    let ops = {
        let mut runner = Runner::new(&mut suite);
        runner.run_seed(&run).0
    };
    let drawn: Vec<String> = ops
        .iter()
        .map(|op| op.describe(&|a| suite.name_of(a)))
        .collect();
    let drawn = drawn.join("\n") + "\n";
    if std::env::var("BTT_FUZZ_BLESS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &drawn).unwrap();
    }
    let found = std::fs::read_to_string(&golden).unwrap();
    assert_eq!(drawn, found, "seed 1 no longer draws what it was found as");
}
