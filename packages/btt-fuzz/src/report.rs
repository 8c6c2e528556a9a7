//! The fuzzing report: what ran, what every message did, what was checked and what broke,
//! as `docs/fuzz-report.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::invariants::INVARIANTS;
use crate::sequence::{Failure, SequenceStats};

/// Messages only the DAO (the contracts' owner), another contract of the suite, or nobody
/// (no marketing admin, no shares minter but the vault) may send.
const GUARDED: [&str; 22] = [
    ".update_config",
    ".update_fee_routing",
    ".update_ownership",
    ".circuit",
    ".approve_partner",
    ".remove_partner",
    ".grant",
    ".record_units",
    ".award_for",
    ".shares_moved",
    "btt-dao.spend",
    ".run_proposal",
    ".assert_deposits_covered",
    ".approve_tranche",
    ".receive:create_schedules",
    ".update_marketing",
    ".upload_logo",
    "rwa-shares.mint",
    ".update_minter",
    ".accept_ownership",
    "rwa-shares.burn",
    "rwa-shares.burn_from",
];

/// Messages the alphabet aims at any contract, so a refusal to parse is theirs to give.
const AIMLESS: [&str; 4] = [
    "btt-token.send",
    "btt-token.send (a real hook)",
    "btt-token.send_from",
    "btt-dao.accept_ownership",
];

/// Everything a run of many sequences did.
#[derive(Debug, Clone, Default)]
pub struct Totals {
    pub sequences: u64,
    pub ops: u64,
    pub messages: u64,
    pub invariants_checked: u64,
    pub outcomes: BTreeMap<String, (u64, BTreeMap<String, u64>)>,
    /// Failures, shrunk, each with its operations described.
    pub failures: Vec<(Failure, Vec<String>)>,
    /// Regression seeds replayed.
    pub regressions: u64,
}

impl Totals {
    /// Adds one sequence's stats.
    pub fn add(&mut self, s: &SequenceStats) {
        self.sequences += 1;
        self.ops += s.ops;
        self.messages += s.messages;
        self.invariants_checked += s.invariants_checked;
        for (name, (ok, refused)) in &s.outcomes {
            let e = self.outcomes.entry(name.clone()).or_default();
            e.0 += ok;
            for (why, n) in refused {
                *e.1.entry(why.clone()).or_default() += n;
            }
        }
    }

    /// Adds another run's totals.
    pub fn merge(&mut self, other: Totals) {
        self.sequences += other.sequences;
        self.ops += other.ops;
        self.messages += other.messages;
        self.invariants_checked += other.invariants_checked;
        self.regressions += other.regressions;
        for (name, (ok, refused)) in other.outcomes {
            let e = self.outcomes.entry(name).or_default();
            e.0 += ok;
            for (why, n) in refused {
                *e.1.entry(why).or_default() += n;
            }
        }
        self.failures.extend(other.failures);
    }

    /// Messages refused because their JSON did not parse: the alphabet's own mistakes.
    pub fn parse_errors(&self) -> Vec<(String, String)> {
        let mut out = vec![];
        for (name, (_, refused)) in &self.outcomes {
            for why in refused.keys() {
                if why.contains("Error parsing into type") || why.contains("unknown variant") {
                    // Messages the alphabet sends where they may not belong on purpose: the
                    // fake BTT, a cw20 send to any contract, the DAO accepting ownership of any.
                    let aimless = name.contains("fake BTT")
                        || name.contains("(to BTT)")
                        || why.contains("unknown_hook")
                        || AIMLESS.contains(&name.as_str());
                    if !aimless {
                        out.push((name.clone(), why.clone()));
                    }
                }
            }
        }
        out
    }
}

/// What the run was asked for, for the report's head.
pub struct RunInfo {
    pub first_seed: u64,
    pub ops_per_sequence: usize,
    pub jobs: usize,
    pub seconds: f64,
    pub command: String,
}

/// The report as Markdown.
pub fn markdown(t: &Totals, info: &RunInfo) -> String {
    let mut s = String::new();
    let ops_per_s = t.ops as f64 / info.seconds.max(0.001);
    let _ = writeln!(s, "# Fuzz report\n");
    let _ = writeln!(
        s,
        "Written by `{}`. Every sequence starts from the deployed suite after six months of the living economy, with the fuzzer's actors funded and a fake BTT; see `packages/btt-fuzz`.\n",
        info.command
    );
    let _ = writeln!(s, "| | |\n|---|---|");
    let _ = writeln!(
        s,
        "| sequences | {} ({} new, seeds {} to {}, and {} regression seeds) |",
        t.sequences,
        t.sequences.saturating_sub(t.regressions),
        info.first_seed,
        (info.first_seed + t.sequences.saturating_sub(t.regressions)).saturating_sub(1),
        t.regressions
    );
    let _ = writeln!(
        s,
        "| operations per sequence | {} drawn (a story or a whole proposal is several) |",
        info.ops_per_sequence
    );
    let _ = writeln!(s, "| operations executed | {} |", t.ops);
    let _ = writeln!(
        s,
        "| messages executed (a whole proposal is several) | {} |",
        t.messages
    );
    let _ = writeln!(
        s,
        "| invariant checks | {} ({} invariants after every message) |",
        t.invariants_checked,
        INVARIANTS.len()
    );
    let _ = writeln!(s, "| violations | {} |", t.failures.len());
    let _ = writeln!(
        s,
        "| time | {:.0} s on {} thread(s) |",
        info.seconds, info.jobs
    );
    let _ = writeln!(s, "| throughput | {ops_per_s:.0} operations/s |");
    let _ = writeln!(s, "\n## Invariants\n");
    for (i, inv) in INVARIANTS.iter().enumerate() {
        let _ = writeln!(s, "{}. {inv}", i + 1);
    }
    let _ = writeln!(
        s,
        "{}. a refused message changes nothing (no write reaches the chain's storage)",
        INVARIANTS.len() + 1
    );
    let _ = writeln!(
        s,
        "{}. a message fails with an error, never a panic",
        INVARIANTS.len() + 2
    );
    let _ = writeln!(s, "\n## Violations\n");
    if t.failures.is_empty() {
        let _ = writeln!(s, "None.");
    }
    for (f, ops) in &t.failures {
        let _ = writeln!(
            s,
            "### Seed {}: {}\n\n{}\n",
            f.seed, f.violation.invariant, f.violation.detail
        );
        for (i, op) in ops.iter().enumerate() {
            let _ = writeln!(s, "{}. `{}`", i + 1, op.replace('`', "'"));
        }
        let _ = writeln!(s);
    }
    // A kind executed when it did under any of its names: `btt-dao.execute` inside whole
    // proposals, `rwa-nft.mint (at the fee)` in a story. The fake BTT's are kinds of their own.
    let misdirected_name = |n: &str| n.contains("(fake BTT)") || n.contains("(to BTT)");
    let kind = |n: &str| n.split(" (").next().unwrap_or_default().to_string();
    let executed: BTreeSet<String> = t
        .outcomes
        .iter()
        .filter(|(name, (ok, _))| *ok > 0 && !misdirected_name(name))
        .map(|(name, _)| kind(name))
        .collect();
    let kind_of = |n: &str| {
        if misdirected_name(n) {
            n.to_string()
        } else {
            kind(n)
        }
    };
    let kinds: BTreeSet<String> = t.outcomes.keys().map(|n| kind_of(n)).collect();
    let never: BTreeSet<String> = t
        .outcomes
        .iter()
        .filter(|(name, (ok, _))| {
            *ok == 0 && (misdirected_name(name) || !executed.contains(&kind(name)))
        })
        .map(|(name, _)| kind_of(name))
        .collect();
    let (misdirected, rest): (Vec<&String>, Vec<&String>) =
        never.iter().partition(|n| misdirected_name(n));
    let (guarded, unreached): (Vec<&String>, Vec<&String>) = rest
        .iter()
        .partition(|n| GUARDED.iter().any(|g| n.ends_with(g)));
    let list = |v: &[&String]| {
        v.iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "## Messages that never executed\n");
    let _ = writeln!(
        s,
        "{} of {} message kinds were always refused (a kind counts as executed when it executed under any of its names, as a story's step or inside a whole proposal):\n",
        never.len(),
        kinds.len()
    );
    let _ = writeln!(s, "- **sent with the fake BTT, or to BTT instead of a vault's shares** ({}): refused, as they must be;", misdirected.len());
    let _ = writeln!(s, "- **only the DAO, a contract of the suite, or nobody may send them** ({}): refused to every random sender; the DAO's own run inside whole proposals (`btt-dao.execute (whole proposal)`): {};", guarded.len(), list(&guarded));
    let _ = writeln!(
        s,
        "- **not reached by the random draw, or refused by the genesis rules** ({}): {}.\n",
        unreached.len(),
        list(&unreached)
    );
    let _ = writeln!(s, "## Outcomes by message\n");
    let _ = writeln!(
        s,
        "| message | ok | refused | refused by |\n|---|---:|---:|---|"
    );
    for (name, (ok, refused)) in &t.outcomes {
        let n: u64 = refused.values().sum();
        let mut reasons: Vec<(&String, &u64)> = refused.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1));
        let top: Vec<String> = reasons
            .iter()
            .take(8)
            .map(|(why, n)| format!("{} ×{n}", short(why)))
            .collect();
        let more = if reasons.len() > 8 {
            format!("; {} more", reasons.len() - 8)
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "| `{name}` | {ok} | {n} | {}{more} |",
            top.join("; ").replace('|', "/")
        );
    }
    s
}

/// An error shortened for a table cell, its numbers and addresses kept out.
fn short(why: &str) -> String {
    let mut out: String = why
        .split_whitespace()
        .map(|w| if w.len() > 30 { "…" } else { w })
        .collect::<Vec<_>>()
        .join(" ");
    if out.len() > 90 {
        let cut = out
            .char_indices()
            .take_while(|(i, _)| *i < 90)
            .last()
            .map_or(0, |(i, _)| i);
        out.truncate(cut);
        out.push('…');
    }
    out
}
