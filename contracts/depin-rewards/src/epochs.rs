//! Epoch time and closing. Each epoch's budget is its emission plus the carry's linear release;
//! its close fixes, in constant work, what it pays (DESIGN §3 "Mining emission"):
//! - the **work pool**: `r = min(β, ω·M / F)` per ubtt of protocol fees `F` its clinic jobs
//!   paid, `W = r·F` in all;
//! - the **capacity pool**: `M − W`, by score; all of it when the network's score reaches the
//!   baseline `S_min`, `(M − W) × S / S_min` below it;
//! - what neither pays goes to the **carry**, released linearly over `carry_release_epochs`
//!   from the next epoch (never a lump).
//!
//! After every close, `scheduled = paid + owed + carry` to the ubtt. Closing goes on after epoch
//! 415 (emission 0) until the carry is released.
//!
//! **Funding.** `Fund` is the pool's only entry of value and takes at most what the schedule
//! can ever pay (6,300,000 BTT in all), so once genesis has funded the pool no value can come
//! in at all. That is why depin-rewards has no circuit breaker: it has no other entry to pause,
//! and `RecordUnits`, `ReportCapacity` (sent by compute-escrow as it settles a job or a
//! challenge) and `Attest` carry no value and must never block a settlement.

use btt_types::asset::Payment;
use btt_types::depin::{epoch_emission, PayoutRules, ReceiveMsg, EPOCH_SECONDS, MINING_POOL};
use btt_types::pagination::clamp_limit;
use cosmwasm_std::{
    ensure, from_json, Decimal256, DepsMut, Env, MessageInfo, Response, StdError, StdResult,
    Storage, Timestamp, Uint128, Uint256,
};
use cw20::Cw20ReceiveMsg;

use crate::state::{
    Config, EpochBooks, PoolState, CONFIG, EPOCHS, POOL, RELEASE_ENDS, RELEASE_EXTRA,
    RELEASE_STARTS,
};
use crate::ContractError;

/// Most ended epochs a message other than `CloseEpochs` closes on its way (each in constant
/// work, whatever the number of nodes): ten years, so compute-escrow's reports never block a
/// settlement in practice; beyond it, `CloseEpochs` must catch up first.
pub const MAX_CATCH_UP: u32 = 520;

/// The epoch `now` falls in (0 before the start).
pub fn epoch_at(start: Timestamp, now: Timestamp) -> u32 {
    (now.seconds().saturating_sub(start.seconds()) / EPOCH_SECONDS) as u32
}

/// When `epoch` starts.
pub fn epoch_start(start: Timestamp, epoch: u32) -> Timestamp {
    // At most u32::MAX weeks: about 2.6e15 seconds, far inside u64.
    start.plus_seconds(u64::from(epoch).saturating_mul(EPOCH_SECONDS))
}

fn bps_decimal(bps: u16) -> Decimal256 {
    Decimal256::from_ratio(bps, 10_000u128)
}

fn floor_mul(rate: Decimal256, amount: Uint128) -> StdResult<Uint128> {
    let product = Uint256::from(amount).mul_floor(rate);
    Uint128::try_from(product).map_err(|e| StdError::generic_err(e.to_string()))
}

/// ubtt a node earns from a closed epoch: `rate × base`, rounded down.
pub fn earned(rate: Decimal256, base: Decimal256) -> StdResult<Uint128> {
    let amount = rate
        .checked_mul(base)
        .map_err(|e| StdError::generic_err(e.to_string()))?
        .to_uint_floor();
    Uint128::try_from(amount).map_err(|e| StdError::generic_err(e.to_string()))
}

/// Adds `amount` to the carry, released linearly over `epochs` closes from epoch `from`: the
/// remainder of the division is released with the first.
pub fn add_to_carry(
    storage: &mut dyn Storage,
    pool: &mut PoolState,
    amount: Uint128,
    from: u32,
    epochs: u32,
) -> StdResult<()> {
    if amount.is_zero() {
        return Ok(());
    }
    pool.carry = pool.carry.checked_add(amount)?;
    let epochs = epochs.max(1);
    let per = amount.checked_div(Uint128::from(epochs))?;
    let extra = amount.checked_sub(per.checked_mul(Uint128::from(epochs))?)?;
    let bump = |storage: &mut dyn Storage, map: &cw_storage_plus::Map<u32, Uint128>, at, by| {
        if by == Uint128::zero() {
            return Ok(());
        }
        let old = map.may_load(storage, at)?.unwrap_or_default();
        map.save(storage, at, &old.checked_add(by)?)
    };
    bump(storage, &RELEASE_STARTS, from, per)?;
    bump(storage, &RELEASE_ENDS, from.saturating_add(epochs), per)?;
    bump(storage, &RELEASE_EXTRA, from, extra)
}

/// The carry epoch `epoch`'s close releases, taking the release schedule's entries for it.
fn take_release(storage: &mut dyn Storage, pool: &mut PoolState, epoch: u32) -> StdResult<Uint128> {
    let starts = RELEASE_STARTS.may_load(storage, epoch)?.unwrap_or_default();
    let ends = RELEASE_ENDS.may_load(storage, epoch)?.unwrap_or_default();
    let extra = RELEASE_EXTRA.may_load(storage, epoch)?.unwrap_or_default();
    RELEASE_STARTS.remove(storage, epoch);
    RELEASE_ENDS.remove(storage, epoch);
    RELEASE_EXTRA.remove(storage, epoch);
    pool.release_rate = pool.release_rate.checked_add(starts)?.saturating_sub(ends);
    let released = pool.release_rate.checked_add(extra)?.min(pool.carry);
    pool.carry = pool.carry.checked_sub(released)?;
    Ok(released)
}

/// What one epoch's close paid, for the event.
#[derive(Default)]
pub struct Closed {
    pub work: Uint128,
    pub capacity: Uint128,
}

/// Closes epoch `pool.closed_through` (constant work): fixes its rates and books, moves what it
/// pays into `owed` and what it leaves into the carry.
fn close_one(
    storage: &mut dyn Storage,
    pool: &mut PoolState,
    rules: &PayoutRules,
) -> StdResult<Closed> {
    let epoch = pool.closed_through;
    let mut totals = EPOCHS.may_load(storage, epoch)?.unwrap_or_default();
    let released = take_release(storage, pool, epoch)?;
    let budget = epoch_emission(epoch).checked_add(released)?;
    // Work pool: r = min(β, ω·M / F).
    let work_rate = if totals.fees.is_zero() {
        Decimal256::zero()
    } else {
        let cap = Decimal256::checked_from_ratio(
            Uint256::from(budget).checked_mul(Uint256::from(rules.work_pool_cap.0))?,
            Uint256::from(totals.fees).checked_mul(Uint256::from(10_000u32))?,
        )
        .map_err(|e| StdError::generic_err(e.to_string()))?;
        cap.min(bps_decimal(rules.fee_cap.0))
    };
    let work = floor_mul(work_rate, totals.fees)?.min(budget);
    // Capacity pool: M − W by score, scaled by S / S_min below the baseline.
    let pool_left = budget.checked_sub(work)?;
    let score = totals.total_score;
    let baseline = Decimal256::from(rules.baseline_score);
    let (score_rate, capacity) = if score.is_zero() || pool_left.is_zero() {
        (Decimal256::zero(), Uint128::zero())
    } else if score >= baseline {
        (
            Decimal256::from_ratio(pool_left, 1u128)
                .checked_div(score)
                .map_err(|e| StdError::generic_err(e.to_string()))?,
            pool_left,
        )
    } else {
        let rate = Decimal256::from_ratio(pool_left, 1u128)
            .checked_div(baseline)
            .map_err(|e| StdError::generic_err(e.to_string()))?;
        (rate, earned(rate, score)?.min(pool_left))
    };
    let paid = work.checked_add(capacity)?;
    totals.reward = Some(budget);
    totals.released = released;
    totals.fee_cap = Some(rules.fee_cap);
    totals.work_rate = work_rate;
    totals.score_rate = score_rate;
    totals.work_paid = work;
    totals.capacity_paid = capacity;
    totals.books = Some(EpochBooks {
        unpaid: paid,
        unclaimed_score: if score_rate.is_zero() {
            Decimal256::zero()
        } else {
            score
        },
        unfolded_fees: if work_rate.is_zero() {
            Uint128::zero()
        } else {
            totals.fees
        },
    });
    EPOCHS.save(storage, epoch, &totals)?;
    pool.owed = pool.owed.checked_add(paid)?;
    pool.work_paid = pool.work_paid.checked_add(work)?;
    pool.capacity_paid = pool.capacity_paid.checked_add(capacity)?;
    pool.closed_through = epoch.saturating_add(1);
    let unused = budget.checked_sub(paid)?;
    add_to_carry(
        storage,
        pool,
        unused,
        pool.closed_through,
        rules.carry_release_epochs,
    )?;
    Ok(Closed { work, capacity })
}

/// Closes the ended epochs, at most `max`, oldest first, in `pool` (saved by the caller).
/// Returns what they paid.
pub fn close_ended(
    storage: &mut dyn Storage,
    config: &Config,
    pool: &mut PoolState,
    now: Timestamp,
    max: u32,
) -> StdResult<Closed> {
    let current = epoch_at(config.start, now);
    let last = current.min(pool.closed_through.saturating_add(max));
    let mut sum = Closed::default();
    while pool.closed_through < last {
        let closed = close_one(storage, pool, &config.payout)?;
        sum.work = sum.work.checked_add(closed.work)?;
        sum.capacity = sum.capacity.checked_add(closed.capacity)?;
    }
    Ok(sum)
}

/// Closes every ended epoch (at most [`MAX_CATCH_UP`]) in `pool` before a node's contribution
/// in the current epoch changes, so its last epoch can be folded first. Returns the current
/// epoch.
pub fn catch_up(
    storage: &mut dyn Storage,
    config: &Config,
    pool: &mut PoolState,
    now: Timestamp,
) -> Result<u32, ContractError> {
    let current = epoch_at(config.start, now);
    close_ended(storage, config, pool, now, MAX_CATCH_UP)?;
    ensure!(
        pool.closed_through >= current,
        ContractError::EpochsBehind {
            closed_through: pool.closed_through,
            current,
        }
    );
    Ok(current)
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
    let mut pool = POOL.load(deps.storage)?;
    let first = pool.closed_through;
    let closed = close_ended(
        deps.storage,
        &config,
        &mut pool,
        env.block.time,
        clamp_limit(limit) as u32,
    )?;
    ensure!(first < pool.closed_through, ContractError::NoEpochToClose);
    POOL.save(deps.storage, &pool)?;
    Ok(Response::new()
        .add_attribute("action", "close_epochs")
        .add_attribute("from_epoch", first.to_string())
        .add_attribute(
            "to_epoch",
            pool.closed_through.saturating_sub(1).to_string(),
        )
        .add_attribute("work_paid", closed.work)
        .add_attribute("capacity_paid", closed.capacity)
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
