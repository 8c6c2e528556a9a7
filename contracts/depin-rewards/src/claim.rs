//! Contributions in and rewards out: units from compute-escrow, attestations from oracles,
//! claims by node operators.

use btt_types::depin::Attestation;
use btt_types::math::Checked;
use btt_types::pagination::clamp_limit;
use btt_types::token::TokenContract;
use cosmwasm_std::{
    ensure, Decimal256, DepsMut, Env, MessageInfo, Order, Response, StdError, StdResult, Storage,
    Uint128,
};
use cw_storage_plus::Bound;

use crate::epochs::epoch_at;
use crate::score::refresh;
use crate::state::{
    NodeEpoch, ATTESTATIONS, CONFIG, CURSORS, EPOCHS, NODE_EPOCHS, OPERATORS, POOL,
};
use crate::ContractError;

/// `RecordUnits`: compute-escrow only; units count in the current epoch.
pub fn record_units(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    node_id: u64,
    operator: String,
    units: u64,
    fees: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    ensure!(
        config.escrow.as_ref() == Some(&info.sender),
        ContractError::NotEscrow
    );
    let operator = deps.api.addr_validate(&operator)?;
    OPERATORS.save(deps.storage, node_id, &operator)?;
    let epoch = epoch_at(config.start, env.block.time);
    let mut entry = NODE_EPOCHS
        .may_load(deps.storage, (node_id, epoch))?
        .unwrap_or_default();
    entry.units = entry.units.saturating_add(units);
    entry.fees = entry.fees.checked_add(fees)?;
    NODE_EPOCHS.save(deps.storage, (node_id, epoch), &entry)?;
    let score = refresh(deps.storage, &config, epoch, node_id)?;
    Ok(Response::new()
        .add_attribute("action", "record_units")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("units", units.to_string())
        .add_attribute("fees", fees)
        .add_attribute("score", score.to_string()))
}

/// `RefreshScore`: anyone recomputes a node's score in an epoch not yet closed with the oracles
/// appointed now.
pub fn refresh_score(
    deps: DepsMut,
    info: MessageInfo,
    epoch: u32,
    node_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let closed_through = POOL.load(deps.storage)?.closed_through;
    ensure!(
        epoch >= closed_through,
        ContractError::EpochClosed {
            epoch,
            current: closed_through,
        }
    );
    // Only a contribution already recorded: nobody can write empty entries into a node's
    // epochs (which its claims would have to page through).
    ensure!(
        NODE_EPOCHS.has(deps.storage, (node_id, epoch)),
        ContractError::NothingToRefresh { node_id, epoch }
    );
    let score = refresh(deps.storage, &config, epoch, node_id)?;
    Ok(Response::new()
        .add_attribute("action", "refresh_score")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("score", score.to_string()))
}

/// `Attest`: an oracle, for the current epoch, once per node.
pub fn attest(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    epoch: u32,
    node_id: u64,
    attestation: Attestation,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    ensure!(
        config.oracles.contains(&info.sender),
        ContractError::NotOracle
    );
    let current = epoch_at(config.start, env.block.time);
    ensure!(
        epoch >= current,
        ContractError::EpochClosed { epoch, current }
    );
    if epoch > current || env.block.time < config.start {
        return Err(ContractError::EpochNotStarted { epoch, current });
    }
    let invalid = |reason: &str| ContractError::InvalidAttestation {
        reason: reason.into(),
    };
    ensure!(
        attestation.uptime <= cosmwasm_std::Decimal::one(),
        invalid("uptime is at most 1")
    );
    ensure!(
        (attestation.qos_tier as usize) < config.multipliers.qos.len(),
        invalid("unknown QoS tier")
    );
    if attestation.region.is_empty() || attestation.region.len() > 32 {
        return Err(invalid("region must be 1 to 32 bytes"));
    }
    let key = (epoch, node_id, &info.sender);
    if ATTESTATIONS.has(deps.storage, key) {
        return Err(ContractError::AlreadyAttested { node_id, epoch });
    }
    ATTESTATIONS.save(deps.storage, key, &attestation)?;
    let score = refresh(deps.storage, &config, epoch, node_id)?;
    Ok(Response::new()
        .add_attribute("action", "attest")
        .add_attribute("oracle", info.sender)
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("score", score.to_string()))
}

/// A node's share of a closed epoch's reward, rounded down.
fn share(reward: Uint128, score: Decimal256, total: Decimal256) -> StdResult<Uint128> {
    if total.is_zero() || score.is_zero() {
        return Ok(Uint128::zero());
    }
    let amount = Decimal256::from_ratio(reward, 1u128)
        .checked_mul(score)?
        .checked_div(total)
        .map_err(|e| StdError::generic_err(e.to_string()))?
        .to_uint_floor();
    Uint128::try_from(amount).map_err(|e| StdError::generic_err(e.to_string()))
}

/// What a node's unclaimed, closed epochs (at most `limit`) pay.
#[derive(Debug, Default, PartialEq)]
pub struct Claimable {
    /// Paid to the node: each epoch's score share, capped by the fees its jobs paid then.
    pub amount: Uint128,
    /// What the fee cap holds back; it returns to the carry.
    pub held_back: Uint128,
    /// The first epoch after those counted, if any was.
    pub next: Option<u32>,
}

/// The node's unclaimed, closed epochs (at most `limit`) and what they pay.
pub fn claimable(storage: &dyn Storage, node_id: u64, limit: usize) -> StdResult<Claimable> {
    let fee_cap = CONFIG.load(storage)?.payout.fee_cap;
    let cursor = CURSORS.may_load(storage, node_id)?.unwrap_or(0);
    let closed_through = POOL.load(storage)?.closed_through;
    let entries: Vec<(u32, NodeEpoch)> = NODE_EPOCHS
        .prefix(node_id)
        .range(
            storage,
            Some(Bound::inclusive(cursor)),
            Some(Bound::exclusive(closed_through)),
            Order::Ascending,
        )
        .take(limit)
        .collect::<StdResult<_>>()?;
    let mut out = Claimable {
        next: entries.last().map(|(e, _)| e.add_checked(1)).transpose()?,
        ..Claimable::default()
    };
    for (epoch, entry) in &entries {
        let totals = EPOCHS.load(storage, *epoch)?;
        let earned = share(
            totals.reward.unwrap_or_default(),
            entry.score,
            totals.total_score,
        )?;
        let paid = earned.min(fee_cap.of(entry.fees));
        out.amount = out.amount.checked_add(paid)?;
        out.held_back = out.held_back.checked_add(earned.checked_sub(paid)?)?;
    }
    Ok(out)
}

/// `Claim`: the node's operator takes its share of up to `limit` closed epochs.
pub fn claim(
    deps: DepsMut,
    info: MessageInfo,
    node_id: u64,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let operator = OPERATORS
        .may_load(deps.storage, node_id)?
        .ok_or(ContractError::NodeNotFound { node_id })?;
    ensure!(
        operator == info.sender,
        ContractError::NotOperator { node_id }
    );
    let Claimable {
        amount,
        held_back,
        next,
    } = claimable(deps.storage, node_id, clamp_limit(limit))?;
    let next = next.ok_or(ContractError::NothingToClaim { node_id })?;
    CURSORS.save(deps.storage, node_id, &next)?;
    let mut pool = POOL.load(deps.storage)?;
    pool.paid = pool.paid.checked_add(amount)?;
    pool.carry = pool.carry.checked_add(held_back)?;
    pool.held_back = pool.held_back.checked_add(held_back)?;
    POOL.save(deps.storage, &pool)?;
    let token = TokenContract(CONFIG.load(deps.storage)?.token);
    let mut res = Response::new()
        .add_attribute("action", "claim")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("held_back", held_back)
        .add_attribute("next_epoch", next.to_string());
    if !amount.is_zero() {
        res = res.add_message(token.transfer_msg(&operator, amount)?);
    }
    Ok(res)
}
