//! Governance as it runs in the living economy: a proposal is opened and voted at a month's
//! start and executed by anyone once its vote and timelock are over, while the economy goes on.
//! The run's proposals: every foundation tranche the month before it falls due, two PayFi fee
//! changes, a research grant from the Ecosystem Development Fund, and a spend of the
//! unallocated reserve that the foundation guardian vetoes.

use btt_deploy::chain::{wasm_attr, EconomyChain};
use btt_types::bps::Bps;
use btt_types::dao::{self, ExecuteMsg, Fund, Status, VoteOption};
use btt_types::units::{btt, MONTH_SECONDS};
use btt_types::vesting::Curve;
use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, Timestamp, Uint128, WasmMsg};
use serde::Serialize;

use super::world::World;

/// A proposal of the run and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalOutcome {
    pub id: u64,
    /// Month it was opened in.
    pub month: u64,
    pub title: String,
    /// Foundation tranches it approves (indices from 0).
    pub tranches: Vec<u32>,
    /// "executed", "guardian_vetoed", "execution_failed", "rejected", or "open" at the end.
    pub outcome: String,
    pub yes_power: Uint128,
    pub total_power: Uint128,
    /// When it was proposed and when it reached its outcome, seconds since genesis.
    pub proposed_at: u64,
    pub decided_at: Option<u64>,
}

/// The run's governance.
#[derive(Debug, Default)]
pub struct Governance {
    pub proposals: Vec<ProposalOutcome>,
}

fn status_name(status: &Status) -> String {
    match status {
        Status::Open => "open",
        Status::Passed => "passed",
        Status::Rejected => "rejected",
        Status::Vetoed => "vetoed",
        Status::GuardianVetoed => "guardian_vetoed",
        Status::Executed => "executed",
        Status::ExecutionFailed => "execution_failed",
    }
    .into()
}

impl Governance {
    fn pending_tranches(&self) -> Vec<u32> {
        self.proposals
            .iter()
            .filter(|p| p.outcome == "open" || p.outcome == "passed")
            .flat_map(|p| p.tranches.clone())
            .collect()
    }

    /// The month's new proposals.
    pub fn month_start<C: EconomyChain>(
        &mut self,
        app: &mut C,
        w: &mut World,
        month: u64,
    ) -> anyhow::Result<()> {
        let due = self.tranches_due(app, w, month)?;
        if !due.is_empty() {
            let id = w.deployment.schedule_ids
                [&btt_types::allocation::Category::TechnicalDevelopmentFoundation];
            let msgs = due
                .iter()
                .map(|&t| w.deployment.vesting.approve_tranche_msg(id, t))
                .collect::<Result<Vec<CosmosMsg>, _>>()?;
            let title = crate::walk::tranche_title(&due);
            self.open(app, w, month, &title, msgs, due, false)?;
        }
        let payfi_fee = |w: &World, bps: u16| -> anyhow::Result<CosmosMsg> {
            let mut fees = w.config.payments.fees.clone();
            fees.by_priority[0] = Bps(bps);
            let update =
                btt_types::payfi::ExecuteMsg::UpdateConfig(btt_types::payfi::ConfigUpdate {
                    fees: Some(fees),
                    ..Default::default()
                });
            Ok(WasmMsg::Execute {
                contract_addr: w.deployment.payfi.to_string(),
                msg: to_json_binary(&update)?,
                funds: vec![],
            }
            .into())
        };
        let spend =
            |w: &World, fund: Fund, to: &Addr, amount: Uint128| -> anyhow::Result<CosmosMsg> {
                Ok(WasmMsg::Execute {
                    contract_addr: w.deployment.dao.addr().to_string(),
                    msg: to_json_binary(&ExecuteMsg::Spend {
                        fund,
                        recipient: to.to_string(),
                        denom: "btt".into(),
                        amount,
                    })?,
                    funds: vec![],
                }
                .into())
            };
        match month {
            9 => {
                let msg = payfi_fee(w, 70)?;
                self.open(
                    app,
                    w,
                    month,
                    "Lower the PayFi base fee from 0.80% to 0.70%",
                    vec![msg],
                    vec![],
                    false,
                )?;
            }
            15 => {
                let grantee = w.grantee.clone();
                let msg = spend(w, Fund::EcosystemDevelopment, &grantee, btt(25_000))?;
                self.open(app, w, month, "Grant 25,000 BTT from the Ecosystem Development Fund for clinical AI validation", vec![msg], vec![], false)?;
            }
            18 => {
                let desk = w.desk.clone();
                let msg = spend(w, Fund::UnallocatedReserve, &desk, btt(500_000))?;
                self.open(
                    app,
                    w,
                    month,
                    "Sell 500,000 BTT of the unallocated reserve to the OTC desk",
                    vec![msg],
                    vec![],
                    true,
                )?;
            }
            21 => {
                let msg = payfi_fee(w, 75)?;
                self.open(
                    app,
                    w,
                    month,
                    "Raise the PayFi base fee from 0.70% to 0.75%",
                    vec![msg],
                    vec![],
                    false,
                )?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Unapproved tranches due by the next month's start and not in a pending proposal.
    fn tranches_due<C: EconomyChain>(
        &self,
        app: &C,
        w: &World,
        month: u64,
    ) -> anyhow::Result<Vec<u32>> {
        let id = w.deployment.schedule_ids
            [&btt_types::allocation::Category::TechnicalDevelopmentFoundation];
        let by: Timestamp = w.config.start.plus_seconds((month + 1) * MONTH_SECONDS);
        let schedule = w.deployment.vesting.schedule(&app.wrap(), id)?.schedule;
        let Curve::Milestones { tranches } = schedule.curve else {
            return Ok(vec![]);
        };
        let pending = self.pending_tranches();
        Ok(tranches
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                t.approved_at.is_none() && t.not_before <= by && !pending.contains(&(*i as u32))
            })
            .map(|(i, _)| i as u32)
            .collect())
    }

    /// The first institution that can pay the deposit proposes `msgs`; every institution with
    /// power votes Yes; a proposal to `veto` is vetoed by the guardian at once.
    #[allow(clippy::too_many_arguments)]
    fn open<C: EconomyChain>(
        &mut self,
        app: &mut C,
        w: &mut World,
        month: u64,
        title: &str,
        msgs: Vec<CosmosMsg>,
        tranches: Vec<u32>,
        veto: bool,
    ) -> anyhow::Result<()> {
        let dao = w.deployment.dao.clone();
        let config = dao.config(&app.wrap())?;
        let height = app.block_info().height;
        let total = w.deployment.staking.total_power_at(&app.wrap(), height)?;
        if total.is_zero() {
            return Ok(());
        }
        let mut proposer = None;
        for i in &w.institutions {
            if w.deployment.token.balance(&app.wrap(), &i.addr)? >= config.deposit {
                proposer = Some(i.addr.clone());
                break;
            }
        }
        let Some(proposer) = proposer else {
            return Ok(());
        };
        let msg = dao.propose_msg(
            &w.deployment.token,
            config.deposit,
            title,
            "Proposed in the living economy",
            msgs,
        )?;
        let Some(res) = w.send(app, &proposer, msg) else {
            return Ok(());
        };
        let id: u64 = wasm_attr(&res, "proposal_id")?.parse()?;
        let start = dao.proposal(&app.wrap(), id)?.proposal.start_height;
        let mut yes_power = Uint128::zero();
        let voters: Vec<Addr> = w.institutions.iter().map(|i| i.addr.clone()).collect();
        for voter in voters {
            let power = w
                .deployment
                .staking
                .voting_power_at(&app.wrap(), &voter, start)?;
            if power.is_zero() {
                continue;
            }
            let vote = ExecuteMsg::Vote {
                proposal_id: id,
                vote: VoteOption::Yes,
            };
            if w.exec(app, &voter, dao.addr(), &vote, &[])?.is_some() {
                yes_power += power;
            }
        }
        if veto {
            let guardian = Addr::unchecked(&w.config.governance.guardian);
            let msg = ExecuteMsg::GuardianVeto { proposal_id: id };
            w.exec(app, &guardian, dao.addr(), &msg, &[])?;
        }
        let after = dao.proposal(&app.wrap(), id)?;
        self.proposals.push(ProposalOutcome {
            id,
            month,
            title: title.into(),
            tranches,
            outcome: status_name(&after.status),
            yes_power,
            total_power: after.proposal.total_power,
            proposed_at: super::seconds_since(w.config.start, app.block_info().time),
            decided_at: veto.then(|| super::seconds_since(w.config.start, app.block_info().time)),
        });
        Ok(())
    }

    /// Anyone executes every proposal whose vote and timelock are over.
    pub fn execute_ready<C: EconomyChain>(
        &mut self,
        app: &mut C,
        w: &mut World,
    ) -> anyhow::Result<()> {
        let dao = w.deployment.dao.clone();
        let config = dao.config(&app.wrap())?;
        let now = super::seconds_since(w.config.start, app.block_info().time);
        for p in self.proposals.iter_mut() {
            if p.outcome != "open" && p.outcome != "passed" {
                continue;
            }
            if now < p.proposed_at + config.voting_period_seconds + config.timelock_seconds {
                continue;
            }
            let executor = w.desk.clone();
            let msg = ExecuteMsg::Execute { proposal_id: p.id };
            if w.exec(app, &executor, dao.addr(), &msg, &[])?.is_none() {
                // Not passed: anyone records the outcome.
                let close = ExecuteMsg::Close { proposal_id: p.id };
                w.exec(app, &executor, dao.addr(), &close, &[])?;
            }
            let after: dao::ProposalResponse = dao.proposal(&app.wrap(), p.id)?;
            p.outcome = status_name(&after.status);
            p.decided_at = Some(now);
        }
        Ok(())
    }
}
