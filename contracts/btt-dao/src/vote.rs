//! Votes, weighed by power at the proposal's start height.

use btt_types::dao::{Status, Tally, VoteOption};
use btt_types::staking::StakingContract;
use cosmwasm_std::{ensure, DepsMut, Env, MessageInfo, OverflowError, Response, Uint128};

use crate::state::{Ballot, BALLOTS, CONFIG, PROPOSALS};
use crate::ContractError;

fn bucket(tally: &mut Tally, vote: VoteOption) -> &mut Uint128 {
    match vote {
        VoteOption::Yes => &mut tally.yes,
        VoteOption::No => &mut tally.no,
        VoteOption::Abstain => &mut tally.abstain,
        VoteOption::NoWithVeto => &mut tally.no_with_veto,
    }
}

fn add(tally: &mut Tally, vote: VoteOption, power: Uint128) -> Result<(), OverflowError> {
    let b = bucket(tally, vote);
    *b = b.checked_add(power)?;
    Ok(())
}

fn remove(tally: &mut Tally, vote: VoteOption, power: Uint128) -> Result<(), OverflowError> {
    let b = bucket(tally, vote);
    *b = b.checked_sub(power)?;
    Ok(())
}

/// `Vote`: constant work: one snapshot read, one ballot, one tally.
pub fn vote(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
    vote: VoteOption,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut proposal = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    if proposal.status != Status::Open || env.block.time >= proposal.voting_ends_at {
        return Err(ContractError::VotingClosed { proposal_id });
    }
    let staking = StakingContract(CONFIG.load(deps.storage)?.staking);
    let power = staking.voting_power_at(&deps.querier, &info.sender, proposal.start_height)?;
    ensure!(
        !power.is_zero(),
        ContractError::NoPowerAtHeight {
            voter: info.sender,
            height: proposal.start_height,
        }
    );
    if let Some(previous) = BALLOTS.may_load(deps.storage, (proposal_id, &info.sender))? {
        remove(&mut proposal.tally, previous.vote, previous.power)?;
    }
    add(&mut proposal.tally, vote, power)?;
    BALLOTS.save(
        deps.storage,
        (proposal_id, &info.sender),
        &Ballot { vote, power },
    )?;
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    Ok(Response::new()
        .add_attribute("action", "vote")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("voter", info.sender)
        .add_attribute("vote", format!("{vote:?}"))
        .add_attribute("power", power))
}
