use btt_types::depin::{
    cumulative_emission, epoch_emission, ConfigResponse, EpochResponse, NodeEpochResponse,
    PendingResponse, ScheduleEntry, ScheduleResponse, ScoreRulesResponse, StateResponse,
    EMISSION_EPOCHS,
};
use btt_types::pagination::{clamp_limit, MAX_LIMIT};
use cosmwasm_std::{Deps, Env, Order, StdResult};

use crate::claim::claimable;
use crate::epochs::{epoch_at, epoch_start};
use crate::state::{ATTESTATIONS, CONFIG, CURSORS, EPOCHS, NODE_EPOCHS, POOL};

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: c.token,
        escrow: c.escrow,
        oracles: c.oracles,
        start: c.start,
        multipliers: c.multipliers,
        payout: c.payout,
    })
}

pub fn schedule(start_after: Option<u32>, limit: Option<u32>) -> ScheduleResponse {
    let first = start_after.map_or(0, |e| e.saturating_add(1));
    let epochs = (first..EMISSION_EPOCHS)
        .take(clamp_limit(limit))
        .map(|epoch| ScheduleEntry {
            epoch,
            emission: epoch_emission(epoch),
            cumulative: cumulative_emission(epoch),
        })
        .collect();
    ScheduleResponse { epochs }
}

pub fn epoch(deps: Deps, epoch: u32) -> StdResult<EpochResponse> {
    let start = CONFIG.load(deps.storage)?.start;
    let totals = EPOCHS.may_load(deps.storage, epoch)?.unwrap_or_default();
    let closed = epoch < POOL.load(deps.storage)?.closed_through;
    Ok(EpochResponse {
        epoch,
        starts_at: epoch_start(start, epoch),
        ends_at: epoch_start(start, epoch.saturating_add(1)),
        emission: epoch_emission(epoch),
        reward: totals.reward,
        released: totals.released,
        total_score: totals.total_score,
        closed,
    })
}

pub fn node_epoch(deps: Deps, node_id: u64, epoch: u32) -> StdResult<NodeEpochResponse> {
    let entry = NODE_EPOCHS
        .may_load(deps.storage, (node_id, epoch))?
        .unwrap_or_default();
    let attestations = ATTESTATIONS
        .prefix((epoch, node_id))
        .keys(deps.storage, None, None, Order::Ascending)
        .take(MAX_LIMIT as usize)
        .count() as u32;
    Ok(NodeEpochResponse {
        units: entry.units,
        fees: entry.fees,
        score: entry.score,
        attestations,
    })
}

pub fn pending(deps: Deps, node_id: u64) -> StdResult<PendingResponse> {
    let amount = claimable(deps.storage, node_id, MAX_LIMIT as usize)?.amount;
    Ok(PendingResponse {
        amount,
        next_epoch: CURSORS.may_load(deps.storage, node_id)?.unwrap_or(0),
    })
}

pub fn state(deps: Deps, env: Env) -> StdResult<StateResponse> {
    let start = CONFIG.load(deps.storage)?.start;
    let pool = POOL.load(deps.storage)?;
    Ok(StateResponse {
        funded: pool.funded,
        paid: pool.paid,
        current_epoch: epoch_at(start, env.block.time),
        closed_through: pool.closed_through,
        scheduled: pool
            .closed_through
            .checked_sub(1)
            .map_or(cosmwasm_std::Uint128::zero(), cumulative_emission),
        carry: pool.carry,
        held_back: pool.held_back,
        owed: pool.owed,
    })
}

pub fn score_rules(deps: Deps, epoch: u32) -> StdResult<ScoreRulesResponse> {
    let (from_epoch, rules) = crate::score::rules_for(deps.storage, epoch)?;
    Ok(ScoreRulesResponse {
        from_epoch,
        oracles: rules.oracles,
        multipliers: rules.multipliers,
        min_attestations: rules.min_attestations,
    })
}
