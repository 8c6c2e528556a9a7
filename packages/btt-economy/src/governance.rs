//! Governance on the embedded chain: a proposal from deposit to execution.

use anyhow::{ensure, Context};
use btt_deploy::chain::{wasm_attr, EconomyChain};
use btt_types::dao::{ExecuteMsg, Status, VoteOption};
use cosmwasm_std::{Addr, CosmosMsg, Uint128};

use btt_deploy::deployment::Deployment;

/// What became of a proposal run by [`pass_proposal`].
#[derive(Debug, Clone)]
pub struct PassedProposal {
    pub id: u64,
    pub title: String,
    /// Power that voted Yes.
    pub yes_power: Uint128,
    /// The proposal's frozen total power.
    pub total_power: Uint128,
}

/// Moves the chain forward by `seconds` and one block.
pub fn advance<C: EconomyChain>(app: &mut C, seconds: u64) {
    app.update_block(|b| {
        b.time = b.time.plus_seconds(seconds);
        b.height += 1;
    });
}

/// `proposer` proposes `msgs` with the configured deposit; every voter with power votes Yes;
/// the chain waits out the voting period and the timelock; anyone executes. Fails unless the
/// proposal ends `Executed`.
pub fn pass_proposal<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    proposer: &Addr,
    title: &str,
    msgs: Vec<CosmosMsg>,
    voters: &[Addr],
) -> anyhow::Result<PassedProposal> {
    let (passed, status) = vote_and_execute(app, deployment, proposer, title, msgs, voters)?;
    ensure!(
        status == Status::Executed,
        "proposal {} ended {status:?}",
        passed.id
    );
    Ok(passed)
}

/// [`pass_proposal`] up to the execution, and the status the proposal ends in: `Executed`, or
/// `ExecutionFailed` when one of its messages failed (all of them are then undone).
pub fn vote_and_execute<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    proposer: &Addr,
    title: &str,
    msgs: Vec<CosmosMsg>,
    voters: &[Addr],
) -> anyhow::Result<(PassedProposal, Status)> {
    let dao = &deployment.dao;
    let config = dao.config(&app.wrap())?;
    let res = app
        .execute(
            proposer.clone(),
            dao.propose_msg(
                &deployment.token,
                config.deposit,
                title,
                "Proposed by the btt-economy run",
                msgs,
            )?,
        )
        .with_context(|| format!("proposing {title:?}"))?;
    let id: u64 = wasm_attr(&res, "proposal_id")?.parse()?;
    let height = dao.proposal(&app.wrap(), id)?.proposal.start_height;
    let mut yes_power = Uint128::zero();
    for voter in voters {
        let power = deployment
            .staking
            .voting_power_at(&app.wrap(), voter, height)?;
        if power.is_zero() {
            continue;
        }
        app.execute_contract(
            voter.clone(),
            dao.addr().clone(),
            &ExecuteMsg::Vote {
                proposal_id: id,
                vote: VoteOption::Yes,
            },
            &[],
        )?;
        yes_power += power;
    }
    advance(app, config.voting_period_seconds + config.timelock_seconds);
    app.execute_contract(
        proposer.clone(),
        dao.addr().clone(),
        &ExecuteMsg::Execute { proposal_id: id },
        &[],
    )
    .with_context(|| format!("executing proposal {id}"))?;
    let after = dao.proposal(&app.wrap(), id)?;
    let passed = PassedProposal {
        id,
        title: title.to_string(),
        yes_power,
        total_power: after.proposal.total_power,
    };
    Ok((passed, after.status))
}
