//! A node's mining state, in constant work: its capacity (warm-up, lapse), the fold of its
//! last epoch into its rewards once that epoch has closed, and the unlock of its capacity
//! rewards `lock_epochs` later.

use btt_types::depin::{LockedReward, NodeCapacity, NodeSlot};
use cosmwasm_std::{Decimal, Decimal256, StdResult, Storage, Uint128};

use crate::epochs::{add_to_carry, earned};
use crate::state::{EpochTotals, NodeState, PoolState, EPOCHS, NODES};

/// Epochs new capacity takes to count in full: 25%, 50%, 75%, then 100%.
pub const WARM_UP_EPOCHS: u32 = 4;

/// The capacity units that count in `epoch`: 0 without a confirmation in force (none yet, or
/// older than `confirmation_epochs`); a decrease counts at once, an increase warms up over
/// [`WARM_UP_EPOCHS`] epochs after the one it was set in.
pub fn effective_capacity(c: &NodeCapacity, epoch: u32, confirmation_epochs: u32) -> Decimal {
    let Some(confirmed) = c.confirmed else {
        return Decimal::zero();
    };
    if epoch > confirmed.saturating_add(confirmation_epochs) || epoch < c.since {
        return Decimal::zero();
    }
    if c.target <= c.base {
        return c.target;
    }
    let steps = (epoch - c.since).min(WARM_UP_EPOCHS);
    let rise = (c.target - c.base) * Decimal::from_ratio(steps, WARM_UP_EPOCHS);
    c.base + rise
}

/// Folds the node's last epoch into its rewards if that epoch has closed: its work reward
/// becomes claimable, its capacity reward is locked until `lock_epochs` more epochs close. The
/// last node of an epoch to fold it sends the rounding of the epoch's shares to the carry. Then
/// capacity rewards whose lock has passed become claimable.
pub fn settle(
    storage: &mut dyn Storage,
    pool: &mut PoolState,
    node: &mut NodeState,
    lock_epochs: u32,
    carry_release_epochs: u32,
) -> StdResult<()> {
    if let Some(folded) = fold(storage, node, pool.closed_through)? {
        EPOCHS.save(storage, folded.epoch, &folded.totals)?;
        credit(node, &folded, lock_epochs)?;
        pool.owed = pool.owed.checked_sub(folded.dust)?;
        add_to_carry(
            storage,
            pool,
            folded.dust,
            pool.closed_through,
            carry_release_epochs,
        )?;
    }
    unlock(node, pool.closed_through)
}

/// A read-only view of the node once folded and unlocked (for queries).
pub fn settled_view(
    storage: &dyn Storage,
    node: &NodeState,
    closed_through: u32,
    lock_epochs: u32,
) -> StdResult<NodeState> {
    let mut node = node.clone();
    if let Some(folded) = fold(storage, &node, closed_through)? {
        credit(&mut node, &folded, lock_epochs)?;
    }
    unlock(&mut node, closed_through)?;
    Ok(node)
}

/// Moves locked rewards whose epoch `unlocks_after` has closed to claimable.
fn unlock(node: &mut NodeState, closed_through: u32) -> StdResult<()> {
    let (ripe, locked): (Vec<_>, Vec<_>) = node
        .locked
        .drain(..)
        .partition(|l| l.unlocks_after < closed_through);
    node.locked = locked;
    for l in ripe {
        node.claimable = node.claimable.checked_add(l.amount)?;
    }
    Ok(())
}

/// What a node's closed last epoch pays it, and that epoch's books after the fold.
struct Folded {
    epoch: u32,
    work: Uint128,
    capacity: Uint128,
    /// The rounding of the epoch's shares, for the carry, when this node is its last.
    dust: Uint128,
    totals: EpochTotals,
}

/// The fold of the node's last epoch, if it has closed.
fn fold(storage: &dyn Storage, node: &NodeState, closed_through: u32) -> StdResult<Option<Folded>> {
    let Some(slot) = node.slot.as_ref().filter(|s| s.epoch < closed_through) else {
        return Ok(None);
    };
    let mut totals = EPOCHS.may_load(storage, slot.epoch)?.unwrap_or_default();
    let work = earned(totals.work_rate, Decimal256::from_ratio(slot.fees, 1u128))?;
    let capacity = earned(totals.score_rate, slot.score)?;
    let mut dust = Uint128::zero();
    if let Some(books) = totals.books.as_mut() {
        books.unpaid = books.unpaid.checked_sub(work)?.checked_sub(capacity)?;
        if !totals.work_rate.is_zero() {
            books.unfolded_fees = books.unfolded_fees.checked_sub(slot.fees)?;
        }
        if !totals.score_rate.is_zero() {
            books.unclaimed_score = books.unclaimed_score.checked_sub(slot.score)?;
        }
        if books.unfolded_fees.is_zero() && books.unclaimed_score.is_zero() {
            dust = books.unpaid;
            books.unpaid = Uint128::zero();
        }
    }
    Ok(Some(Folded {
        epoch: slot.epoch,
        work,
        capacity,
        dust,
        totals,
    }))
}

/// Credits a fold: work claimable, capacity locked; the slot is done.
fn credit(node: &mut NodeState, folded: &Folded, lock_epochs: u32) -> StdResult<()> {
    node.claimable = node.claimable.checked_add(folded.work)?;
    if !folded.capacity.is_zero() {
        node.locked.push(LockedReward {
            unlocks_after: folded.epoch.saturating_add(lock_epochs),
            amount: folded.capacity,
        });
    }
    node.slot = None;
    Ok(())
}

/// Loads a node's mining state (empty for a node never reported).
pub fn load(storage: &dyn Storage, node_id: u64) -> StdResult<NodeState> {
    Ok(NODES.may_load(storage, node_id)?.unwrap_or_default())
}

/// The node's slot for `epoch` (the current one, all earlier epochs closed and its last one
/// folded), created empty if needed.
pub fn slot_mut(node: &mut NodeState, epoch: u32) -> &mut NodeSlot {
    if node.slot.as_ref().is_none_or(|s| s.epoch != epoch) {
        node.slot = Some(NodeSlot {
            epoch,
            ..NodeSlot::default()
        });
    }
    node.slot.get_or_insert_with(NodeSlot::default)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cap(target: u64, base: u64, since: u32, confirmed: Option<u32>) -> NodeCapacity {
        NodeCapacity {
            target: Decimal::from_ratio(target, 1u128),
            base: Decimal::from_ratio(base, 1u128),
            since,
            confirmed,
            ..NodeCapacity::default()
        }
    }

    #[test]
    fn new_capacity_warms_up_over_four_epochs() {
        let c = cap(100, 0, 10, Some(10));
        let at = |e| effective_capacity(&c, e, 8);
        assert_eq!(at(10), Decimal::zero());
        assert_eq!(at(11), Decimal::percent(2_500));
        assert_eq!(at(12), Decimal::percent(5_000));
        assert_eq!(at(13), Decimal::percent(7_500));
        assert_eq!(at(14), Decimal::percent(10_000));
        assert_eq!(at(18), Decimal::percent(10_000));
        assert_eq!(at(19), Decimal::zero(), "the confirmation lapsed");
    }

    #[test]
    fn a_decrease_counts_at_once_and_nothing_counts_unconfirmed() {
        assert_eq!(
            effective_capacity(&cap(40, 40, 10, Some(9)), 10, 8),
            Decimal::percent(4_000)
        );
        assert_eq!(
            effective_capacity(&cap(40, 0, 10, None), 20, 8),
            Decimal::zero()
        );
    }
}
