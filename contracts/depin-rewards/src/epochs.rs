//! Epoch time and closing: rewards are fixed in order. An epoch without score adds its emission
//! to the carry; a scored epoch pays its emission plus at most `max_carry_release` of the carry,
//! so emission nobody earned is released gradually, never as a lump to the first comer. Closing
//! goes on after epoch 415 (emission 0) until the carry is released. A closed epoch's reward is
//! owed until its nodes claim it, and the rounding of their shares goes to the carry at the last
//! claim: after every close and claim, scheduled = paid + carry + owed, to the ubtt.
//!
//! **Funding.** `Fund` is the pool's only entry of value and takes at most what the schedule
//! can ever pay (6,300,000 BTT in all), so once genesis has funded the pool no value can come
//! in at all. That is why depin-rewards has no circuit breaker: it has no other entry to pause,
//! and `RecordUnits` (sent by compute-escrow as it settles a job) and `Attest` carry no value
//! and must never block a settlement.

use btt_types::asset::Payment;
use btt_types::depin::ReceiveMsg;
use btt_types::depin::{epoch_emission, EPOCH_SECONDS, MINING_POOL};
use btt_types::pagination::clamp_limit;
use cosmwasm_std::{ensure, from_json, DepsMut, Env, MessageInfo, Response, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;

use crate::state::{EpochBooks, CONFIG, EPOCHS, POOL};
use crate::ContractError;

/// The epoch `now` falls in (0 before the start).
pub fn epoch_at(start: Timestamp, now: Timestamp) -> u32 {
    (now.seconds().saturating_sub(start.seconds()) / EPOCH_SECONDS) as u32
}

/// When `epoch` starts.
pub fn epoch_start(start: Timestamp, epoch: u32) -> Timestamp {
    // At most u32::MAX weeks: about 2.6e15 seconds, far inside u64.
    start.plus_seconds(u64::from(epoch).saturating_mul(EPOCH_SECONDS))
}

/// `CloseEpochs`: closes up to `limit` ended epochs, oldest first.
pub fn close(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let current = epoch_at(config.start, env.block.time);
    let mut pool = POOL.load(deps.storage)?;
    let first = pool.closed_through;
    let last = current.min(first.saturating_add(clamp_limit(limit) as u32));
    ensure!(first < last, ContractError::NoEpochToClose);
    let mut rewarded = Uint128::zero();
    for epoch in first..last {
        let mut totals = EPOCHS.may_load(deps.storage, epoch)?.unwrap_or_default();
        let emission = epoch_emission(epoch);
        totals.fee_cap = Some(config.payout.fee_cap);
        if totals.total_score.is_zero() {
            pool.carry = pool.carry.checked_add(emission)?;
            totals.reward = Some(Uint128::zero());
            totals.books = Some(EpochBooks::default());
        } else {
            let released = pool.carry.min(config.payout.max_carry_release);
            pool.carry = pool.carry.checked_sub(released)?;
            let reward = emission.checked_add(released)?;
            totals.reward = Some(reward);
            totals.released = released;
            totals.books = Some(EpochBooks {
                unpaid: reward,
                unclaimed_score: totals.total_score,
            });
            pool.owed = pool.owed.checked_add(reward)?;
            rewarded = rewarded.checked_add(reward)?;
        }
        EPOCHS.save(deps.storage, epoch, &totals)?;
    }
    pool.closed_through = last;
    POOL.save(deps.storage, &pool)?;
    Ok(Response::new()
        .add_attribute("action", "close_epochs")
        .add_attribute("from_epoch", first.to_string())
        .add_attribute("to_epoch", last.saturating_sub(1).to_string())
        .add_attribute("rewarded", rewarded)
        .add_attribute("carry", pool.carry))
}

/// `Receive`: BTT from the BTT token funds the mining pool, never beyond the 6,300,000 BTT the
/// schedule pays (what lies beyond could never be paid out).
pub fn receive(
    deps: DepsMut,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let Payment {
        sender: funder,
        amount,
        ..
    } = Payment::from_hook::<ContractError>(deps.api, &info, &token, &wrapper)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Fund {} => {
            let mut pool = POOL.load(deps.storage)?;
            let room = MINING_POOL.saturating_sub(pool.funded);
            ensure!(
                amount <= room,
                ContractError::PoolFull {
                    funded: pool.funded,
                    amount,
                    max: MINING_POOL,
                }
            );
            pool.funded = pool.funded.checked_add(amount)?;
            POOL.save(deps.storage, &pool)?;
            Ok(Response::new()
                .add_attribute("action", "fund")
                .add_attribute("funder", funder)
                .add_attribute("amount", amount))
        }
    }
}
