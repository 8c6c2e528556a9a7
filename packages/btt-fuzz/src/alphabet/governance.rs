//! btt-vesting, btt-staking and btt-dao, and whole proposals.

use btt_types::dao::VoteOption;
use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, Uint128, WasmMsg};
use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::{json, Value};

use super::{Draw, Gen, Role};
use crate::due::Due;
use crate::op::Op;

/// The entries of btt-vesting.
pub(super) const VESTING: &[(&str, Draw)] = &[
    ("btt-vesting.claim", |g| {
        let id = g.schedule_id();
        g.exec(
            Role::Institution,
            "btt-vesting",
            json!({"claim": {"schedule_id": id}}),
        )
    }),
    ("btt-vesting.approve_tranche", |g| {
        let (id, t) = (g.schedule_id(), g.rng.gen_range(0..6u32));
        g.exec(
            Role::Anyone,
            "btt-vesting",
            json!({"approve_tranche": {"schedule_id": id, "tranche": t}}),
        )
    }),
    ("btt-vesting.receive:create_schedules", |g| {
        let to = g.anyone().addr.to_string();
        let amount = g.amount();
        let now = g.now();
        g.send(Role::Anyone, "btt-vesting", amount, json!({"create_schedules": {"schedules": [
            {"beneficiary": to, "total": amount, "start": now.to_string(), "cliff_seconds": 0, "linear_seconds": 86400}
        ]}}))
    }),
    ("btt-vesting.update_ownership", |g| {
        g.ownership("btt-vesting")
    }),
];

/// The entries of btt-staking.
pub(super) const STAKING: &[(&str, Draw)] = &[
    ("btt-staking.receive:stake", |g| {
        let tier = g.rng.gen_range(0..5u32);
        let amount = g.amount();
        g.send(
            Role::Institution,
            "btt-staking",
            amount,
            json!({"stake": {"tier": tier}}),
        )
    }),
    ("btt-staking.receive:distribute_rewards", |g| {
        let amount = g.amount();
        g.send(
            Role::Anyone,
            "btt-staking",
            amount,
            json!({"distribute_rewards": {}}),
        )
    }),
    ("btt-staking.distribute_rewards", |g| {
        let funds = g.usdc_funds(1_000_000);
        g.exec_with(
            Role::Anyone,
            "btt-staking",
            json!({"distribute_rewards": {}}),
            funds,
        )
    }),
    ("btt-staking.unbond", |g| {
        let id = g.id("stake_id");
        let amount = g.maybe_amount();
        let op = g.exec(
            Role::Institution,
            "btt-staking",
            json!({"unbond": {"stake_id": id, "amount": amount}}),
        );
        let staker = g.ledger.stakes.get(&id).cloned();
        g.signed_by(op, staker, 0.7)
    }),
    ("btt-staking.claim_unbonded", |g| {
        let limit = g.limit();
        let op = g.exec(
            Role::Institution,
            "btt-staking",
            json!({"claim_unbonded": {"limit": limit}}),
        );
        // Mostly someone who staked (and may have unbonded).
        let stakers: Vec<Addr> = g.ledger.stakes.values().cloned().collect();
        let staker = stakers.choose(g.rng).cloned();
        g.signed_by(op, staker, 0.7)
    }),
    ("btt-staking.claim_rewards", |g| {
        g.exec(
            Role::Institution,
            "btt-staking",
            json!({"claim_rewards": {}}),
        )
    }),
    ("btt-staking.update_config", |g| {
        g.exec(Role::Anyone, "btt-staking", json!({"update_config": {}}))
    }),
    ("btt-staking.circuit", |g| g.circuit("btt-staking")),
    ("btt-staking.update_ownership", |g| {
        g.ownership("btt-staking")
    }),
];

/// The entries of btt-dao.
pub(super) const DAO: &[(&str, Draw)] = &[
    ("btt-dao.receive:propose", |g| {
        let amount = g.deposit();
        g.send(Role::Institution, "btt-dao", amount, json!({"propose": {"title": "fuzz", "description": "a proposal of the fuzzer", "msgs": []}}))
    }),
    ("btt-dao.receive:deposit", |g| {
        let (fund, amount) = (g.fund(), g.amount());
        g.send(
            Role::Anyone,
            "btt-dao",
            amount,
            json!({"deposit": {"fund": fund}}),
        )
    }),
    ("btt-dao.deposit", |g| {
        let fund = g.fund();
        let funds = g.usdc_funds(1_000_000);
        g.exec_with(
            Role::Anyone,
            "btt-dao",
            json!({"deposit": {"fund": fund}}),
            funds,
        )
    }),
    ("btt-dao.spend", |g| {
        let (fund, to, amount) = (g.fund(), g.anyone().addr.to_string(), g.amount());
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"spend": {"fund": fund, "recipient": to, "denom": "btt", "amount": amount}}),
        )
    }),
    ("btt-dao.vote", |g| {
        let (id, vote) = (g.id("proposal_id"), g.vote());
        g.exec(
            Role::Institution,
            "btt-dao",
            json!({"vote": {"proposal_id": id, "vote": vote}}),
        )
    }),
    ("btt-dao.close", |g| {
        let id = g.id("proposal_id");
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"close": {"proposal_id": id}}),
        )
    }),
    ("btt-dao.execute", |g| {
        let id = g.id("proposal_id");
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"execute": {"proposal_id": id}}),
        )
    }),
    ("btt-dao.guardian_veto", |g| {
        let id = g.id("proposal_id");
        g.exec(
            Role::Guardian,
            "btt-dao",
            json!({"guardian_veto": {"proposal_id": id}}),
        )
    }),
    ("btt-dao.accept_ownership", |g| {
        let c = g.contract().to_string();
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"accept_ownership": {"contract": c}}),
        )
    }),
    ("btt-dao.update_config", |g| {
        g.exec(Role::Anyone, "btt-dao", json!({"update_config": {}}))
    }),
    ("btt-dao.run_proposal", |g| {
        let id = g.id("proposal_id");
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"run_proposal": {"proposal_id": id}}),
        )
    }),
    ("btt-dao.assert_deposits_covered", |g| {
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"assert_deposits_covered": {}}),
        )
    }),
    ("btt-dao.whole_proposal", |g| g.proposal()),
];

impl Gen<'_> {
    /// A holder stakes BTT on the first lock tier, waits out its lock, unbonds part or all of
    /// it, waits out the unbonding period and claims it; now and then it claims a moment early,
    /// which pays nothing.
    pub(super) fn stake_story(&mut self) -> Op {
        let suite = self.suite;
        let g = &suite.config.governance;
        let staker = self.one(&[Role::Investor, Role::Clinic, Role::Patient]);
        let staker = self.pick(staker).addr;
        let amount = Uint128::new(self.rng.gen_range(1..10_000u128) * 1_000_000);
        let mut ops = vec![Op::Send {
            name: "btt-staking.receive:stake (story)".into(),
            sender: staker.clone(),
            token: suite.deployment.token.addr().clone(),
            contract: suite.deployment.staking.addr().clone(),
            amount,
            hook: json!({"stake": {"tier": 0}}),
        }];
        let lock = g.lock_tiers.first().map_or(0, |t| t.lock_seconds);
        if lock > 0 {
            ops.push(Op::Wait { seconds: lock });
        }
        ops.push(Op::Due {
            sender: staker.clone(),
            due: Due::UnbondNewest {
                percent: self.one(&[10u8, 50, 100]),
            },
        });
        let early = self.rng.gen_bool(0.2);
        let unbonding = g.unbonding_seconds;
        ops.push(Op::Wait {
            seconds: if early {
                unbonding.saturating_sub(1)
            } else {
                unbonding + 1
            },
        });
        ops.push(self.exec_as(
            &staker,
            "btt-staking",
            json!({"claim_unbonded": {"limit": null}}),
            vec![],
        ));
        Op::Chain {
            story: "a stake unbonded and claimed".into(),
            ops,
        }
    }

    pub(super) fn deposit(&mut self) -> Uint128 {
        let deposit = self.suite.config.governance.deposit;
        match self.rng.gen_range(0..4) {
            0 => deposit - Uint128::one(),
            1 => self.amount(),
            _ => deposit,
        }
    }

    pub(super) fn schedule_id(&mut self) -> u64 {
        let ids: Vec<u64> = self
            .suite
            .deployment
            .schedule_ids
            .values()
            .copied()
            .collect();
        if self.rng.gen_bool(0.1) {
            return 999;
        }
        ids.choose(self.rng).copied().unwrap_or(1)
    }

    pub(super) fn vote(&mut self) -> Value {
        json!(self.one(&["yes", "no", "abstain", "no_with_veto"]))
    }

    pub(super) fn fund(&mut self) -> Value {
        json!(self.one(&[
            "ecosystem_development",
            "unallocated_reserve",
            "development_fees",
            "operational_reserve",
            "deposits_held",
            "vetoed_deposits"
        ]))
    }

    /// A whole proposal: one of the things the DAO does, voted by the institutions.
    pub(super) fn proposal(&mut self) -> Op {
        let d = &self.suite.deployment;
        let wasm = |contract: &Addr, msg: Value| -> CosmosMsg {
            WasmMsg::Execute {
                contract_addr: contract.to_string(),
                msg: to_json_binary(&msg).unwrap_or_default(),
                funds: vec![],
            }
            .into()
        };
        let to = self.anyone().addr.to_string();
        let amount = self.amount();
        let fund = self.fund();
        let (title, msgs) = match self.rng.gen_range(0..6) {
            0 => ("a text proposal", vec![]),
            1 => (
                "spend from a fund",
                vec![wasm(
                    d.dao.addr(),
                    json!({"spend": {"fund": fund, "recipient": to, "denom": "btt", "amount": amount}}),
                )],
            ),
            2 => {
                let id = self.schedule_id();
                let tranche = self.rng.gen_range(0..6u32);
                (
                    "approve a foundation tranche",
                    vec![wasm(
                        d.vesting.addr(),
                        json!({"approve_tranche": {"schedule_id": id, "tranche": tranche}}),
                    )],
                )
            }
            3 => {
                let mut fees = self.suite.config.payments.fees.clone();
                fees.by_priority[0] = btt_types::bps::Bps(self.rng.gen_range(0..200));
                let update =
                    btt_types::payfi::ExecuteMsg::UpdateConfig(btt_types::payfi::ConfigUpdate {
                        fees: Some(fees),
                        ..Default::default()
                    });
                (
                    "change the PayFi base fee",
                    vec![wasm(
                        &d.payfi,
                        serde_json::to_value(update).unwrap_or_default(),
                    )],
                )
            }
            4 => {
                let c = self.contract();
                (
                    "pause and unpause a contract",
                    vec![
                        wasm(&c, json!({"circuit": {"pause": {"reason": "governance"}}})),
                        wasm(&c, json!({"circuit": {"unpause": {}}})),
                    ],
                )
            }
            _ => {
                let c = self.contract();
                (
                    "pause a contract",
                    vec![wasm(
                        &c,
                        json!({"circuit": {"pause": {"reason": "governance"}}}),
                    )],
                )
            }
        };
        let mut votes: Vec<(Addr, VoteOption)> = vec![];
        for i in self.suite.actors.institutions.clone() {
            if !self.rng.gen_bool(0.8) {
                continue;
            }
            let v = match self.rng.gen_range(0..10) {
                0 => VoteOption::No,
                1 => VoteOption::Abstain,
                2 => VoteOption::NoWithVeto,
                _ => VoteOption::Yes,
            };
            votes.push((i.addr, v));
        }
        Op::Proposal {
            title: title.into(),
            proposer: self.pick(Role::Institution).addr,
            deposit: self.deposit(),
            msgs,
            votes,
            veto: self.rng.gen_bool(0.1),
        }
    }
}
