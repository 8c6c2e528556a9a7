//! One sequence: back to the template, then operations drawn one by one from the seed, each
//! applied and followed by every invariant. A refused operation must fail with an error (never
//! a panic) and write nothing. A failing sequence is cut to its shortest failing prefix and
//! then shrunk by dropping operations while it still fails.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use btt_deploy::chain::wasm_attr;
use btt_types::dao::ExecuteMsg as DaoMsg;
use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, Empty, Event, WasmMsg};
use cw_multi_test::{AppResponse, Executor};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::alphabet::{alphabet, draw, Gen};
use crate::invariants::{check_all, Violation};
use crate::ledger::Ledger;
use crate::op::Op;
use crate::suite::Suite;

/// What became of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// Refused, by the first line of its error.
    Refused(String),
}

/// What a sequence did.
#[derive(Debug, Clone, Default)]
pub struct SequenceStats {
    pub ops: u64,
    /// Messages executed (a whole proposal is several).
    pub messages: u64,
    pub invariants_checked: u64,
    /// Outcomes by message name: ok, and refusals by error.
    pub outcomes: BTreeMap<String, (u64, BTreeMap<String, u64>)>,
}

/// A sequence that broke something.
#[derive(Debug, Clone)]
pub struct Failure {
    pub seed: u64,
    /// The operations up to and including the failing one.
    pub ops: Vec<Op>,
    pub violation: Violation,
}

impl SequenceStats {
    fn count(&mut self, name: &str, outcome: &Outcome) {
        let entry = self.outcomes.entry(name.to_string()).or_default();
        match outcome {
            Outcome::Ok => entry.0 += 1,
            Outcome::Refused(why) => *entry.1.entry(why.clone()).or_default() += 1,
        }
    }
}

/// The first line of an error's root cause, with numbers kept (they name what was refused).
fn reason(e: &anyhow::Error) -> String {
    let text = e.root_cause().to_string();
    text.lines().next().unwrap_or_default().to_string()
}

fn panic_text(p: Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic".into())
}

/// Runs sequences on one suite.
pub struct Runner<'a> {
    pub suite: &'a mut Suite,
    pub ledger: Ledger,
    pub stats: SequenceStats,
}

impl<'a> Runner<'a> {
    /// Back to the template.
    pub fn new(suite: &'a mut Suite) -> Self {
        suite.reset();
        let ledger = suite.ledger.clone();
        Runner {
            suite,
            ledger,
            stats: SequenceStats::default(),
        }
    }

    /// Executes one message and records what it did; a refusal must write nothing.
    fn message(
        &mut self,
        name: &str,
        sender: &Addr,
        msg: CosmosMsg,
    ) -> Result<Option<AppResponse>, Violation> {
        let before = self.suite.writes();
        let block = self.suite.app.block_info();
        let res = catch_unwind(AssertUnwindSafe(|| {
            self.suite.app.execute(sender.clone(), msg)
        }));
        self.stats.messages += 1;
        let res = match res {
            Ok(r) => r,
            Err(p) => {
                return Err(Violation {
                    invariant: "a message fails with an error, never a panic".into(),
                    detail: format!("{name} panicked: {}", panic_text(p)),
                })
            }
        };
        match res {
            Ok(r) => {
                self.stats.count(name, &Outcome::Ok);
                let routers = {
                    let d = &self.suite.deployment;
                    [&d.escrow, &d.nft, &d.vaults, &d.points, &d.payfi]
                };
                self.ledger
                    .record(&self.suite.deployment, &routers, &r.events);
                self.new_proposals(&r.events)?;
                Ok(Some(r))
            }
            Err(e) => {
                let why = reason(&e);
                self.stats.count(name, &Outcome::Refused(why.clone()));
                self.ledger.touched.clear();
                if self.suite.writes() != before || self.suite.app.block_info() != block {
                    return Err(Violation {
                        invariant: "a refused message changes nothing".into(),
                        detail: format!("{name} was refused ({why}) but wrote to the chain"),
                    });
                }
                Ok(None)
            }
        }
    }

    /// Every proposal a message opened: its total power as it started.
    fn new_proposals(&mut self, events: &[Event]) -> Result<(), Violation> {
        let dao = self.suite.deployment.dao.clone();
        for e in events.iter().filter(|e| e.ty == "wasm") {
            let from_dao = e
                .attributes
                .iter()
                .any(|a| a.key == "_contract_address" && a.value == dao.addr().as_str());
            let propose = e
                .attributes
                .iter()
                .any(|a| a.key == "action" && a.value == "propose");
            if !(from_dao && propose) {
                continue;
            }
            if let Some(id) = e
                .attributes
                .iter()
                .find(|a| a.key == "proposal_id")
                .and_then(|a| a.value.parse().ok())
            {
                let p = dao
                    .proposal(&self.suite.app.wrap(), id)
                    .map_err(|e| Violation {
                        invariant: "the suite answers its queries".into(),
                        detail: e.to_string(),
                    })?;
                self.ledger
                    .proposal_power
                    .insert(id, p.proposal.total_power);
            }
        }
        Ok(())
    }

    fn wait(&mut self, seconds: u64) {
        self.suite.app.update_block(|b| {
            b.time = b.time.plus_seconds(seconds);
            b.height += 1 + seconds / 5;
        });
    }

    /// Applies one operation and checks every invariant after each of its messages.
    pub fn apply(&mut self, op: &Op) -> Result<(), Violation> {
        self.stats.ops += 1;
        match op {
            Op::Exec {
                name,
                sender,
                contract,
                msg,
                funds,
            } => {
                let wasm = WasmMsg::Execute {
                    contract_addr: contract.to_string(),
                    msg: to_json_binary(msg).unwrap_or_default(),
                    funds: funds.clone(),
                };
                self.message(name, sender, wasm.into())?;
                self.check()
            }
            Op::Send {
                name,
                sender,
                token,
                contract,
                amount,
                hook,
            } => {
                let send = cw20::Cw20ExecuteMsg::Send {
                    contract: contract.to_string(),
                    amount: *amount,
                    msg: to_json_binary(hook).unwrap_or_default(),
                };
                let wasm = WasmMsg::Execute {
                    contract_addr: token.to_string(),
                    msg: to_json_binary(&send).unwrap_or_default(),
                    funds: vec![],
                };
                self.message(name, sender, wasm.into())?;
                self.check()
            }
            Op::Due { sender, due } => {
                match due.price(self.suite, sender) {
                    Ok((name, msg)) => {
                        self.message(&name, sender, msg)?;
                    }
                    Err(why) => self.stats.count(due.name(), &Outcome::Refused(why)),
                }
                self.check()
            }
            Op::Chain { ops, .. } => {
                for op in ops {
                    self.apply(op)?;
                }
                Ok(())
            }
            Op::Wait { seconds } => {
                self.wait(*seconds);
                self.stats.count("wait", &Outcome::Ok);
                self.check()
            }
            Op::Proposal {
                title,
                proposer,
                deposit,
                msgs,
                votes,
                veto,
            } => {
                let d = self.suite.deployment.clone();
                let propose = d
                    .dao
                    .propose_msg(
                        &d.token,
                        *deposit,
                        title,
                        "a whole proposal of the fuzzer",
                        msgs.clone(),
                    )
                    .unwrap_or(CosmosMsg::Custom(Empty {}));
                let res = self.message(
                    "btt-dao.receive:propose (whole proposal)",
                    proposer,
                    propose,
                )?;
                self.check()?;
                let Some(res) = res else {
                    return Ok(());
                };
                let Ok(id) = wasm_attr(&res, "proposal_id").and_then(|v| Ok(v.parse::<u64>()?))
                else {
                    return Ok(());
                };
                let dao_msg = |m: &DaoMsg| -> CosmosMsg {
                    WasmMsg::Execute {
                        contract_addr: d.dao.addr().to_string(),
                        msg: to_json_binary(m).unwrap_or_default(),
                        funds: vec![],
                    }
                    .into()
                };
                for (voter, vote) in votes {
                    let m = dao_msg(&DaoMsg::Vote {
                        proposal_id: id,
                        vote: *vote,
                    });
                    self.message("btt-dao.vote (whole proposal)", voter, m)?;
                    self.check()?;
                }
                if *veto {
                    let guardian = self.suite.actors.guardian[0].addr.clone();
                    let m = dao_msg(&DaoMsg::GuardianVeto { proposal_id: id });
                    self.message("btt-dao.guardian_veto (whole proposal)", &guardian, m)?;
                    self.check()?;
                }
                let config = d
                    .dao
                    .config(&self.suite.app.wrap())
                    .map_err(|e| Violation {
                        invariant: "the suite answers its queries".into(),
                        detail: e.to_string(),
                    })?;
                self.wait(config.voting_period_seconds + config.timelock_seconds);
                self.check()?;
                let executor = self.suite.actors.strangers[0].addr.clone();
                let executed = self.message(
                    "btt-dao.execute (whole proposal)",
                    &executor,
                    dao_msg(&DaoMsg::Execute { proposal_id: id }),
                )?;
                self.check()?;
                if executed.is_none() {
                    self.message(
                        "btt-dao.close (whole proposal)",
                        &executor,
                        dao_msg(&DaoMsg::Close { proposal_id: id }),
                    )?;
                    self.check()?;
                }
                Ok(())
            }
        }
    }

    fn check(&mut self) -> Result<(), Violation> {
        let n = check_all(self.suite, &mut self.ledger)?;
        self.stats.invariants_checked += u64::from(n);
        Ok(())
    }

    /// Sequence `run`: its operations drawn and applied one by one; the operations it ran, and
    /// the violation that stopped it, if any.
    pub fn run_seed(&mut self, run: &SeedRun) -> (Vec<Op>, Option<Violation>) {
        let mut rng = ChaCha8Rng::seed_from_u64(run.seed);
        let mut ops = Vec::with_capacity(run.len);
        for _ in 0..run.len {
            let op = {
                let mut g = Gen {
                    rng: &mut rng,
                    suite: self.suite,
                    ledger: &self.ledger,
                };
                draw(&mut g, run.entries)
            };
            ops.push(op.clone());
            if let Err(v) = self.apply(&op) {
                return (ops, Some(v));
            }
        }
        (ops, None)
    }

    /// Replays `ops` from the template; the violation, if any.
    pub fn replay(&mut self, ops: &[Op]) -> Option<Violation> {
        self.suite.reset();
        self.ledger = self.suite.ledger.clone();
        for op in ops {
            if let Err(v) = self.apply(op) {
                return Some(v);
            }
        }
        None
    }
}

/// One sequence to run: its seed, how many operations it draws, and from how many entries of
/// the alphabet. Entries are only ever appended to the alphabet, so a seed drawn from its first
/// `entries` is the sequence it was when those were all there were: a regression seed keeps
/// the alphabet it was found with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedRun {
    pub seed: u64,
    pub len: usize,
    pub entries: usize,
}

impl SeedRun {
    /// Seed `seed`, `len` operations, from the whole alphabet.
    pub fn new(seed: u64, len: usize) -> Self {
        SeedRun {
            seed,
            len,
            entries: alphabet().len(),
        }
    }
}

/// The seeds of a regressions file: one `seed operations entries` per line (operations default
/// to 50, entries to the whole alphabet), `#` starting a comment.
pub fn parse_regressions(text: &str) -> anyhow::Result<Vec<SeedRun>> {
    let mut out = vec![];
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let seed = parts.next().unwrap_or_default().parse()?;
        let len = parts.next().unwrap_or("50").parse()?;
        let entries = match parts.next() {
            Some(e) => e.parse()?,
            None => alphabet().len(),
        };
        anyhow::ensure!(
            (1..=alphabet().len()).contains(&entries),
            "seed {seed}: the alphabet has {} entries, not {entries}",
            alphabet().len()
        );
        out.push(SeedRun { seed, len, entries });
    }
    Ok(out)
}

/// Runs sequence `run` from the template.
pub fn run_sequence(suite: &mut Suite, run: &SeedRun) -> (SequenceStats, Result<(), Failure>) {
    let mut runner = Runner::new(suite);
    let (ops, violation) = runner.run_seed(run);
    let stats = runner.stats.clone();
    match violation {
        None => (stats, Ok(())),
        Some(violation) => (
            stats,
            Err(Failure {
                seed: run.seed,
                ops,
                violation,
            }),
        ),
    }
}

/// The failure cut down: operations dropped one at a time (from the end backwards) while the
/// same invariant still breaks.
pub fn shrink(suite: &mut Suite, failure: &Failure) -> Failure {
    let mut runner = Runner::new(suite);
    let mut ops = failure.ops.clone();
    let same = |v: &Option<Violation>| {
        v.as_ref()
            .is_some_and(|v| v.invariant == failure.violation.invariant)
    };
    let mut i = ops.len().saturating_sub(1);
    while i > 0 {
        i -= 1;
        let mut fewer = ops.clone();
        fewer.remove(i);
        let v = runner.replay(&fewer);
        if same(&v) {
            ops = fewer;
        }
    }
    let violation = runner
        .replay(&ops)
        .unwrap_or_else(|| failure.violation.clone());
    Failure {
        seed: failure.seed,
        ops,
        violation,
    }
}
