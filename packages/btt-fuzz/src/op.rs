//! One operation of a sequence, concrete enough to replay: who signs what, to which contract,
//! with which funds; time passing; or a whole proposal from deposit to execution.

use std::fmt;

use cosmwasm_std::{Addr, Coin, CosmosMsg, Uint128};
use serde_json::Value;

use crate::due::Due;

/// One operation.
#[derive(Debug, Clone)]
pub enum Op {
    /// `sender` executes `msg` on `contract` with `funds`.
    Exec {
        /// `contract-name.message` (`compute-escrow.post_job`), for the report.
        name: String,
        sender: Addr,
        contract: Addr,
        msg: Value,
        funds: Vec<Coin>,
    },
    /// `sender` sends `amount` of the cw20 `token` to `contract` with the hook `hook`.
    Send {
        name: String,
        sender: Addr,
        token: Addr,
        contract: Addr,
        amount: Uint128,
        hook: Value,
    },
    /// The clock moves on by `seconds` (and one block).
    Wait { seconds: u64 },
    /// `sender` asks for `due`, priced by the suite's queries when it runs: a listing bought
    /// at the quote, a fee paid exactly, every share sent back, the newest stake unbonded.
    Due { sender: Addr, due: Due },
    /// A story: operations that take one thing through its lifecycle (a job posted, assigned,
    /// run and settled; an invoice issued, paid and settled; shares listed and bought; an asset
    /// minted, revalued, fractionalized and redeemed; points, a node's bond, a stake), each a
    /// real message checked on its own. A step the chain refuses leaves the rest to fail.
    Chain { story: String, ops: Vec<Op> },
    /// `proposer` proposes `msgs` with `deposit`; `votes` are cast; the guardian vetoes when
    /// `veto`; the vote and timelock are waited out and anyone executes (or closes) it.
    Proposal {
        title: String,
        proposer: Addr,
        deposit: Uint128,
        msgs: Vec<CosmosMsg>,
        votes: Vec<(Addr, btt_types::dao::VoteOption)>,
        veto: bool,
    },
}

impl Op {
    /// The name outcomes are counted under.
    pub fn name(&self) -> String {
        match self {
            Op::Exec { name, .. } | Op::Send { name, .. } => name.clone(),
            Op::Wait { .. } => "wait".into(),
            Op::Due { due, .. } => due.name().into(),
            Op::Chain { story, .. } => format!("story: {story}"),
            Op::Proposal { .. } => "btt-dao.whole_proposal".into(),
        }
    }

    /// The operation as one readable line, with `name_of` naming addresses.
    pub fn describe(&self, name_of: &dyn Fn(&Addr) -> String) -> String {
        let coins = |funds: &[Coin]| {
            if funds.is_empty() {
                String::new()
            } else {
                let list: Vec<String> = funds.iter().map(|c| c.to_string()).collect();
                format!(" + [{}]", list.join(", "))
            }
        };
        match self {
            Op::Exec {
                sender,
                contract,
                msg,
                funds,
                ..
            } => format!(
                "{} → {} {}{}",
                name_of(sender),
                name_of(contract),
                msg,
                coins(funds)
            ),
            Op::Send {
                sender,
                token,
                contract,
                amount,
                hook,
                ..
            } => format!(
                "{} → {} sends {amount} to {} with {hook}",
                name_of(sender),
                name_of(token),
                name_of(contract)
            ),
            Op::Wait { seconds } => format!("wait {seconds} s"),
            Op::Due { sender, due } => format!("{} {}", name_of(sender), due.describe()),
            Op::Chain { story, ops } => {
                let steps: Vec<String> = ops.iter().map(|o| o.describe(name_of)).collect();
                format!("story {story}: [{}]", steps.join("; "))
            }
            Op::Proposal {
                title,
                proposer,
                deposit,
                msgs,
                votes,
                veto,
            } => {
                let votes: Vec<String> = votes
                    .iter()
                    .map(|(v, o)| format!("{} {o:?}", name_of(v)))
                    .collect();
                format!(
                    "{} proposes {title:?} ({} messages, deposit {deposit}); votes: {}{}",
                    name_of(proposer),
                    msgs.len(),
                    votes.join(", "),
                    if *veto { "; the guardian vetoes" } else { "" }
                )
            }
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&|a: &Addr| a.to_string()))
    }
}
