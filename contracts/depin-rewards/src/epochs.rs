//! Epoch time and closing: rewards are fixed in order, an epoch without score rolling its
//! reward into the next.

use btt_types::depin::{epoch_emission, EPOCH_SECONDS};
use btt_types::pagination::clamp_limit;
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp, Uint128};

use crate::state::{CONFIG, EPOCHS, POOL};
use crate::ContractError;

/// The epoch `now` falls in (0 before the start).
pub fn epoch_at(start: Timestamp, now: Timestamp) -> u32 {
    (now.seconds().saturating_sub(start.seconds()) / EPOCH_SECONDS) as u32
}

/// When `epoch` starts.
pub fn epoch_start(start: Timestamp, epoch: u32) -> Timestamp {
    start.plus_seconds(u64::from(epoch) * EPOCH_SECONDS)
}

/// `CloseEpochs`: closes up to `limit` ended epochs, oldest first.
pub fn close(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let start = CONFIG.load(deps.storage)?.start;
    let current = epoch_at(start, env.block.time);
    let mut pool = POOL.load(deps.storage)?;
    let first = pool.closed_through;
    let last = current.min(first.saturating_add(clamp_limit(limit) as u32));
    if first >= last {
        return Err(ContractError::NoEpochToClose);
    }
    let mut rewarded = Uint128::zero();
    for epoch in first..last {
        let mut totals = EPOCHS.may_load(deps.storage, epoch)?.unwrap_or_default();
        let available = epoch_emission(epoch).checked_add(pool.carry)?;
        if totals.total_score.is_zero() {
            pool.carry = available;
            totals.reward = Some(Uint128::zero());
        } else {
            pool.carry = Uint128::zero();
            totals.reward = Some(available);
            rewarded += available;
        }
        EPOCHS.save(deps.storage, epoch, &totals)?;
    }
    pool.closed_through = last;
    POOL.save(deps.storage, &pool)?;
    Ok(Response::new()
        .add_attribute("action", "close_epochs")
        .add_attribute("from_epoch", first.to_string())
        .add_attribute("to_epoch", (last - 1).to_string())
        .add_attribute("rewarded", rewarded)
        .add_attribute("carry", pool.carry))
}
