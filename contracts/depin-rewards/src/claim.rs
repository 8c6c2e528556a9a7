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
use crate::score::{refresh, rules_for};
use crate::state::{
    EpochTotals, NodeEpoch, ATTESTATIONS, CONFIG, CURSORS, EPOCHS, NODE_EPOCHS, OPERATORS, POOL,
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
    let score = refresh(deps.storage, epoch, node_id)?;
    Ok(Response::new()
        .add_attribute("action", "record_units")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("units", units.to_string())
        .add_attribute("fees", fees)
        .add_attribute("score", score.to_string()))
}

/// `RefreshScore`: anyone recomputes a node's score in an epoch not yet closed, under the
/// epoch's score rules (the same for every node of the epoch, so refreshing some nodes and not
/// others changes nothing).
pub fn refresh_score(
    deps: DepsMut,
    info: MessageInfo,
    epoch: u32,
    node_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
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
    let score = refresh(deps.storage, epoch, node_id)?;
    Ok(Response::new()
        .add_attribute("action", "refresh_score")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("score", score.to_string()))
}

/// `Attest`: an oracle of the current epoch's score rules that is still appointed, for the
/// current epoch, once per node.
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
    let current = epoch_at(config.start, env.block.time);
    let (_, rules) = rules_for(deps.storage, current)?;
    ensure!(
        config.oracles.contains(&info.sender) && rules.oracles.contains(&info.sender),
        ContractError::NotOracle
    );
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
        (attestation.qos_tier as usize) < rules.multipliers.qos.len(),
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
    let score = refresh(deps.storage, epoch, node_id)?;
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
    /// The rounding of the shares of the epochs this claim is the last of; it goes to the
    /// carry.
    pub dust: Uint128,
    /// The first epoch after those counted, if any was.
    pub next: Option<u32>,
    /// The epochs counted, with their books after the claim.
    pub epochs: Vec<(u32, EpochTotals)>,
}

impl Claimable {
    /// All it takes from what the pool owes: paid, held back and dust.
    pub fn owed(&self) -> StdResult<Uint128> {
        Ok(self
            .amount
            .checked_add(self.held_back)?
            .checked_add(self.dust)?)
    }
}

/// The node's unclaimed, closed epochs (at most `limit`) and what they pay. Each epoch's share
/// is rounded down and capped by the epoch's fee cap; when the node is the last of an epoch to
/// claim, what its reward has left (the rounding of every share) is dust for the carry.
pub fn claimable(storage: &dyn Storage, node_id: u64, limit: usize) -> StdResult<Claimable> {
    let config_cap = CONFIG.load(storage)?.payout.fee_cap;
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
        let mut totals = EPOCHS.load(storage, *epoch)?;
        let earned = share(
            totals.reward.unwrap_or_default(),
            entry.score,
            totals.total_score,
        )?;
        let paid = earned.min(totals.fee_cap.unwrap_or(config_cap).of(entry.fees));
        out.amount = out.amount.checked_add(paid)?;
        out.held_back = out.held_back.checked_add(earned.checked_sub(paid)?)?;
        if let Some(books) = totals.books.as_mut() {
            books.unpaid = books.unpaid.checked_sub(earned)?;
            books.unclaimed_score = books.unclaimed_score.checked_sub(entry.score)?;
            if books.unclaimed_score.is_zero() {
                out.dust = out.dust.checked_add(books.unpaid)?;
                books.unpaid = Uint128::zero();
            }
        }
        out.epochs.push((*epoch, totals));
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
    let claimed = claimable(deps.storage, node_id, clamp_limit(limit))?;
    let next = claimed
        .next
        .ok_or(ContractError::NothingToClaim { node_id })?;
    let (amount, held_back, dust) = (claimed.amount, claimed.held_back, claimed.dust);
    CURSORS.save(deps.storage, node_id, &next)?;
    for (epoch, totals) in &claimed.epochs {
        EPOCHS.save(deps.storage, *epoch, totals)?;
    }
    let mut pool = POOL.load(deps.storage)?;
    pool.paid = pool.paid.checked_add(amount)?;
    pool.carry = pool.carry.checked_add(held_back)?.checked_add(dust)?;
    pool.held_back = pool.held_back.checked_add(held_back)?;
    pool.owed = pool.owed.checked_sub(claimed.owed()?)?;
    POOL.save(deps.storage, &pool)?;
    let token = TokenContract(CONFIG.load(deps.storage)?.token);
    let mut res = Response::new()
        .add_attribute("action", "claim")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("held_back", held_back)
        .add_attribute("dust_to_carry", dust)
        .add_attribute("next_epoch", next.to_string());
    if !amount.is_zero() {
        res = res.add_message(token.transfer_msg(&operator, amount)?);
    }
    Ok(res)
}
