//! Epochs closed by code before the two pools (`0..legacy_through`): each node's share of each
//! epoch's reward by its units-based score, capped by the fee cap then in force, claimed a
//! bounded number of epochs a call as that code did. Nothing new is written to them.

use btt_types::math::Checked;
use cosmwasm_std::{Decimal256, Order, StdError, StdResult, Storage, Uint128};
use cw_storage_plus::Bound;

use crate::state::{EpochTotals, NodeEpoch, CURSORS, EPOCHS, NODE_EPOCHS};
use btt_types::bps::Bps;

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

/// The node's unclaimed legacy epochs (at most `limit`) and what they pay. Each epoch's share
/// is rounded down and capped by the epoch's fee cap; when the node is the last of an epoch to
/// claim, what its reward has left (the rounding of every share) is dust for the carry.
pub fn claimable(
    storage: &dyn Storage,
    node_id: u64,
    limit: usize,
    config_cap: Bps,
    legacy_through: u32,
) -> StdResult<Claimable> {
    if legacy_through == 0 {
        return Ok(Claimable::default());
    }
    let cursor = CURSORS.may_load(storage, node_id)?.unwrap_or(0);
    let closed_through = legacy_through;
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
