use btt_types::depin::{
    cumulative_emission, epoch_emission, ConfigResponse, EpochResponse, NodeEpochResponse,
    NodeResponse, NodesResponse, PendingResponse, ScheduleEntry, ScheduleResponse,
    ScoreRulesResponse, StateResponse, EMISSION_EPOCHS,
};
use btt_types::pagination::{clamp_limit, MAX_LIMIT};
use cosmwasm_std::{Deps, Env, Order, StdResult, Uint128};
use cw_storage_plus::Bound;

use crate::epochs::{epoch_at, epoch_start};
use crate::legacy::claimable;
use crate::miners::{effective_capacity, settled_view};
use crate::score::rules_for;
use crate::state::{
    NodeState, ATTESTATIONS, CONFIG, CURSORS, EPOCHS, NODES, NODE_EPOCHS, OPERATORS, POOL,
};

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
        work_fees: totals.fees,
        work_rate: totals.work_rate,
        score_rate: totals.score_rate,
        work_paid: totals.work_paid,
        capacity_paid: totals.capacity_paid,
    })
}

/// A node's contribution in an epoch: its last epoch not folded yet, or a legacy epoch.
pub fn node_epoch(deps: Deps, node_id: u64, epoch: u32) -> StdResult<NodeEpochResponse> {
    let slot = NODES
        .may_load(deps.storage, node_id)?
        .and_then(|n| n.slot)
        .filter(|s| s.epoch == epoch);
    let (units, fees, score) = match slot {
        Some(s) => (s.units, s.fees, s.score),
        None => {
            let e = NODE_EPOCHS
                .may_load(deps.storage, (node_id, epoch))?
                .unwrap_or_default();
            (e.units, e.fees, e.score)
        }
    };
    let attestations = ATTESTATIONS
        .prefix((epoch, node_id))
        .keys(deps.storage, None, None, Order::Ascending)
        .take(MAX_LIMIT as usize)
        .count() as u32;
    Ok(NodeEpochResponse {
        units,
        fees,
        score,
        attestations,
    })
}

/// The node's mining, as it stands once its closed epochs are folded and its locks passed.
fn view(deps: Deps, env: &Env, node_id: u64, node: &NodeState) -> StdResult<NodeResponse> {
    let config = CONFIG.load(deps.storage)?;
    let closed_through = POOL.load(deps.storage)?.closed_through;
    let settled = settled_view(
        deps.storage,
        node,
        closed_through,
        config.payout.lock_epochs,
    )?;
    let current = epoch_at(config.start, env.block.time);
    let (_, rules) = rules_for(deps.storage, current)?;
    Ok(NodeResponse {
        node_id,
        operator: OPERATORS.load(deps.storage, node_id)?,
        effective_capacity: if settled.capacity.suspended {
            cosmwasm_std::Decimal::zero()
        } else {
            effective_capacity(&settled.capacity, current, rules.confirmation_epochs)
        },
        capacity: settled.capacity,
        slot: settled.slot,
        claimable: settled.claimable,
        locked: settled.locked,
        claimed: settled.claimed,
        forfeited: settled.forfeited,
    })
}

pub fn node(deps: Deps, env: Env, node_id: u64) -> StdResult<NodeResponse> {
    let state = NODES.load(deps.storage, node_id)?;
    view(deps, &env, node_id, &state)
}

pub fn nodes(
    deps: Deps,
    env: Env,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<NodesResponse> {
    let nodes = NODES
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .map(|item| {
            let (id, state) = item?;
            view(deps, &env, id, &state)
        })
        .collect::<StdResult<_>>()?;
    Ok(NodesResponse { nodes })
}

pub fn pending(deps: Deps, node_id: u64) -> StdResult<PendingResponse> {
    let config = CONFIG.load(deps.storage)?;
    let pool = POOL.load(deps.storage)?;
    let closed_through = pool.closed_through;
    let legacy = claimable(
        deps.storage,
        node_id,
        MAX_LIMIT as usize,
        config.payout.fee_cap,
        pool.legacy_through,
    )?
    .amount;
    let state = NODES.may_load(deps.storage, node_id)?.unwrap_or_default();
    let settled = settled_view(
        deps.storage,
        &state,
        closed_through,
        config.payout.lock_epochs,
    )?;
    Ok(PendingResponse {
        amount: settled.claimable.checked_add(legacy)?,
        locked: settled.locked.iter().map(|l| l.amount).sum(),
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
            .map_or(Uint128::zero(), cumulative_emission),
        carry: pool.carry,
        release_rate: pool.release_rate,
        held_back: pool.held_back,
        owed: pool.owed,
        work_paid: pool.work_paid,
        capacity_paid: pool.capacity_paid,
        forfeited: pool.forfeited,
    })
}

pub fn score_rules(deps: Deps, epoch: u32) -> StdResult<ScoreRulesResponse> {
    let (from_epoch, rules) = rules_for(deps.storage, epoch)?;
    Ok(ScoreRulesResponse {
        from_epoch,
        oracles: rules.oracles,
        multipliers: rules.multipliers,
        min_attestations: rules.min_attestations,
        uptime_floor: rules.uptime_floor,
        confirmation_epochs: rules.confirmation_epochs,
    })
}
