//! Point buckets: one per patient per award period. Every operation reads at most
//! `expiry_periods` (≤ 24) live buckets, and removes at most 24 expired ones.

use btt_types::math::{checked_sum, Checked};
use btt_types::points::MAX_EXPIRY_PERIODS;
use cosmwasm_std::{ensure, Addr, Order, StdResult, Storage};
use cw_storage_plus::Bound;

use crate::state::BUCKETS;
use crate::ContractError;

/// Live buckets of `patient` (period, points), oldest first.
pub fn live(storage: &dyn Storage, patient: &Addr, oldest_live: u64) -> StdResult<Vec<(u64, u64)>> {
    BUCKETS
        .prefix(patient)
        .range(
            storage,
            Some(Bound::inclusive(oldest_live)),
            None,
            Order::Ascending,
        )
        .take(MAX_EXPIRY_PERIODS as usize + 1)
        .collect()
}

/// Points `patient` holds that have not expired.
pub fn balance(storage: &dyn Storage, patient: &Addr, oldest_live: u64) -> StdResult<u64> {
    Ok(checked_sum(
        live(storage, patient, oldest_live)?.iter().map(|(_, p)| *p),
    )?)
}

/// Adds `points` to the bucket of `period`.
pub fn credit(
    storage: &mut dyn Storage,
    patient: &Addr,
    period: u64,
    points: u64,
) -> StdResult<()> {
    BUCKETS.update(storage, (patient, period), |b| -> StdResult<_> {
        Ok(b.unwrap_or(0).add_checked(points)?)
    })?;
    Ok(())
}

/// Removes expired buckets (at most 24 a call) so storage does not grow without end.
fn sweep(storage: &mut dyn Storage, patient: &Addr, oldest_live: u64) -> StdResult<()> {
    let expired: Vec<u64> = BUCKETS
        .prefix(patient)
        .keys(
            storage,
            None,
            Some(Bound::exclusive(oldest_live)),
            Order::Ascending,
        )
        .take(MAX_EXPIRY_PERIODS as usize)
        .collect::<StdResult<_>>()?;
    for period in expired {
        BUCKETS.remove(storage, (patient, period));
    }
    Ok(())
}

/// Spends `points` from the oldest live buckets first.
pub fn debit(
    storage: &mut dyn Storage,
    patient: &Addr,
    oldest_live: u64,
    points: u64,
) -> Result<(), ContractError> {
    let buckets = live(storage, patient, oldest_live)?;
    let available = checked_sum(buckets.iter().map(|(_, p)| *p))?;
    ensure!(
        available >= points,
        ContractError::InsufficientPoints {
            available,
            requested: points,
        }
    );
    let mut left = points;
    for (period, amount) in buckets {
        if left == 0 {
            break;
        }
        let take = amount.min(left);
        left = left.sub_checked(take)?;
        if take == amount {
            BUCKETS.remove(storage, (patient, period));
        } else {
            BUCKETS.save(storage, (patient, period), &amount.sub_checked(take)?)?;
        }
    }
    sweep(storage, patient, oldest_live)?;
    Ok(())
}
