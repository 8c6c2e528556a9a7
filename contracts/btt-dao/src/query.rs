use btt_types::dao::{
    ConfigResponse, GuardianResponse, ProposalResponse, ProposalsResponse, TallyResponse,
    TreasuryResponse, VoteInfo, VotesResponse,
};
use btt_types::pagination::{clamp_limit, MAX_LIMIT};
use btt_types::token::TokenContract;
use cosmwasm_std::{Deps, Env, Order, StdError, StdResult};
use cw_storage_plus::Bound;

use crate::state::{BALLOTS, CONFIG, DEPOSITS_HELD, GUARDIAN, PROPOSALS};
use crate::tally::{outcome, quorum_reached, status_at, turnout};

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: c.token,
        staking: c.staking,
        voting_period_seconds: c.voting_period_seconds,
        timelock_seconds: c.timelock_seconds,
        deposit: c.deposit,
        rules: c.rules,
    })
}

pub fn guardian(deps: Deps, env: Env) -> StdResult<GuardianResponse> {
    let guardian = GUARDIAN.load(deps.storage)?;
    let active = guardian.as_ref().is_some_and(|g| env.block.time < g.sunset);
    Ok(GuardianResponse { guardian, active })
}

fn with_status(
    deps: Deps,
    env: &Env,
    proposal: btt_types::dao::Proposal,
) -> StdResult<ProposalResponse> {
    let rules = CONFIG.load(deps.storage)?.rules;
    let status = status_at(&proposal, &rules, env.block.time);
    Ok(ProposalResponse { proposal, status })
}

pub fn proposal(deps: Deps, env: Env, proposal_id: u64) -> StdResult<ProposalResponse> {
    let proposal = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or_else(|| StdError::not_found(format!("proposal {proposal_id}")))?;
    with_status(deps, &env, proposal)
}

pub fn proposals(
    deps: Deps,
    env: Env,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<ProposalsResponse> {
    let proposals = PROPOSALS
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .map(|item| with_status(deps, &env, item?.1))
        .collect::<StdResult<_>>()?;
    Ok(ProposalsResponse { proposals })
}

pub fn votes(
    deps: Deps,
    proposal_id: u64,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<VotesResponse> {
    let start = start_after
        .map(|a| deps.api.addr_validate(&a))
        .transpose()?;
    let votes = BALLOTS
        .prefix(proposal_id)
        .range(
            deps.storage,
            start.as_ref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .map(|item| {
            let (voter, ballot) = item?;
            Ok(VoteInfo {
                voter,
                vote: ballot.vote,
                power: ballot.power,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(VotesResponse { votes })
}

pub fn vote(deps: Deps, proposal_id: u64, voter: String) -> StdResult<Option<VoteInfo>> {
    let voter = deps.api.addr_validate(&voter)?;
    Ok(BALLOTS
        .may_load(deps.storage, (proposal_id, &voter))?
        .map(|b| VoteInfo {
            voter,
            vote: b.vote,
            power: b.power,
        }))
}

pub fn tally(deps: Deps, proposal_id: u64) -> StdResult<TallyResponse> {
    let proposal = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or_else(|| StdError::not_found(format!("proposal {proposal_id}")))?;
    let rules = CONFIG.load(deps.storage)?.rules;
    Ok(TallyResponse {
        turnout: turnout(&proposal.tally),
        quorum_reached: quorum_reached(&proposal.tally, proposal.total_power, &rules),
        outcome: outcome(&proposal.tally, proposal.total_power, &rules),
        tally: proposal.tally,
        total_power: proposal.total_power,
    })
}

/// BTT, the listed native denoms (at most 30), and the deposits held.
pub fn treasury(deps: Deps, env: Env, denoms: Vec<String>) -> StdResult<TreasuryResponse> {
    let token = TokenContract(CONFIG.load(deps.storage)?.token);
    let native = denoms
        .iter()
        .take(MAX_LIMIT as usize)
        .map(|denom| deps.querier.query_balance(&env.contract.address, denom))
        .collect::<StdResult<_>>()?;
    Ok(TreasuryResponse {
        btt: token.balance(&deps.querier, &env.contract.address)?,
        deposits_held: DEPOSITS_HELD.load(deps.storage)?,
        native,
        funds: crate::treasury::funds(deps.storage)?,
    })
}
