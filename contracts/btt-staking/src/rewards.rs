//! Fee rewards in BTT and every DAO-listed native denom, streamed. A deposit pays out evenly
//! over the reward period: each second raises the denom's reward-per-power index by
//! `rate / max(total power, min_reward_power)`, so a stake earns only for the time it is
//! staked, and never more a second than its share of `min_reward_power` would. While the total
//! is below the minimum, the part of each second's rewards that the index did not release
//! (`1 − total / minimum`) waits, and streams again over a new period from the next deposit or
//! when the total power reaches the minimum: rewards that arrive while few or none stake are no
//! prize for whoever stakes first. Every staker's earnings are power × (index − its index at
//! its last settlement), settled before each change of its power, in every reward denom (at
//! most 6). Constant work per deposit, stake, unbond and claim, whatever the number of
//! stakers. Fractions stay in the staker's pending rewards, so less than one unit a staker and
//! denom is left undistributed.
//!
//! **Deposits while paused.** The circuit breaker refuses new stakes, but a reward deposit
//! (`DistributeRewards`, native or the cw20 hook) is still accepted: the fee router of every
//! fee-taking contract sends the stakers' share of each fee in the fee payer's own transaction
//! (a compute job's completion, a PayFi settlement, a share trade), and refusing it would make
//! those unrelated transactions fail, settlements among them. Such a deposit starts no stream
//! on frozen staking: it waits, untouched, and streams over a full period from the unpause (or
//! from the next deposit after it), so nobody gains from a pause. The stream already running
//! goes on, since stakers earned it before the pause.

use btt_types::asset::Asset;
use btt_types::asset::Payment;
use btt_types::circuit::CircuitMsg;
use btt_types::math::Checked;
use btt_types::staking::{RewardAmount, RewardStreamResponse, BTT_REWARDS};
use cosmwasm_std::{
    ensure, Addr, CosmosMsg, Decimal256, DepsMut, Env, MessageInfo, Response, StdError, StdResult,
    Storage, Timestamp, Uint128, Uint256,
};

use crate::state::{
    Accrual, Config, Staker, Stream, ACCRUALS, CONFIG, POWER, STAKERS, STREAMS, TOTAL_POWER,
};
use crate::ContractError;

fn decimal(amount: Uint128) -> StdResult<Decimal256> {
    Decimal256::from_atomics(amount, 0).map_err(|e| StdError::generic_err(e.to_string()))
}

fn whole(amount: Decimal256) -> StdResult<Uint128> {
    let floor: Uint256 = amount.to_uint_floor();
    Uint128::try_from(floor).map_err(|e| StdError::generic_err(e.to_string()))
}

/// Every reward denom: BTT first, then the native ones.
pub fn denoms(config: &Config) -> Vec<String> {
    std::iter::once(BTT_REWARDS.to_string())
        .chain(config.reward_denoms.iter().cloned())
        .collect()
}

/// Runs `stream` up to `now` over `total_power`: what streamed raises the index by
/// `streamed / max(total_power, min_power)`; below the minimum, what the index did not release
/// to the stakers (rounded in their disfavour) waits.
pub fn advance(
    stream: &mut Stream,
    now: u64,
    total_power: Uint128,
    min_power: Uint128,
) -> StdResult<()> {
    let until = now.min(stream.ends_at);
    if until > stream.last_update {
        let seconds = Decimal256::from_ratio(until.sub_checked(stream.last_update)?, 1u128);
        let streamed = stream.rate.checked_mul(seconds)?;
        if total_power >= min_power && !total_power.is_zero() {
            let per_power = streamed
                .checked_div(decimal(total_power)?)
                .map_err(|e| StdError::generic_err(e.to_string()))?;
            stream.index = stream.index.checked_add(per_power)?;
        } else {
            // min_power > total_power >= 0, so min_power > 0.
            let per_power = streamed
                .checked_div(decimal(min_power)?)
                .map_err(|e| StdError::generic_err(e.to_string()))?;
            let released = per_power.checked_mul(decimal(total_power)?)?;
            stream.index = stream.index.checked_add(per_power)?;
            stream.waiting = stream
                .waiting
                .checked_add(streamed.checked_sub(released)?)?;
        }
    }
    stream.last_update = stream.last_update.max(now);
    Ok(())
}

/// Starts a new period at `now` that streams what is left of the old one, what waited, and
/// `added`.
fn restream(stream: &mut Stream, now: u64, period: u64, added: Decimal256) -> StdResult<()> {
    let left = if stream.ends_at > now {
        stream.rate.checked_mul(Decimal256::from_ratio(
            stream.ends_at.sub_checked(now)?,
            1u128,
        ))?
    } else {
        Decimal256::zero()
    };
    let total = left.checked_add(stream.waiting)?.checked_add(added)?;
    stream.waiting = Decimal256::zero();
    stream.rate = total
        .checked_div(Decimal256::from_ratio(period, 1u128))
        .map_err(|e| StdError::generic_err(e.to_string()))?;
    stream.ends_at = now.saturating_add(period);
    stream.last_update = now;
    Ok(())
}

/// `who`'s accrual in `denom`, with the BTT position of older code moved in on first use.
fn load_accrual(
    storage: &dyn Storage,
    who: &Addr,
    staker: &mut Staker,
    denom: &str,
) -> StdResult<Accrual> {
    if let Some(a) = ACCRUALS.may_load(storage, (who, denom))? {
        return Ok(a);
    }
    if denom != BTT_REWARDS {
        return Ok(Accrual::default());
    }
    let legacy = Accrual {
        index: staker.reward_index,
        pending: staker.pending_rewards,
    };
    staker.reward_index = Decimal256::zero();
    staker.pending_rewards = Decimal256::zero();
    Ok(legacy)
}

/// Brings `accrual` up to `index` for `power`.
fn accrue(accrual: &mut Accrual, power: Uint128, index: Decimal256) -> StdResult<()> {
    let earned = decimal(power)?.checked_mul(index.checked_sub(accrual.index)?)?;
    accrual.pending = accrual.pending.checked_add(earned)?;
    accrual.index = index;
    Ok(())
}

/// Settles `who` (holding `power`) in every reward denom, with the streams run up to `now` over
/// the total power before any change. Returns each denom's accrual, saved.
pub fn settle(
    storage: &mut dyn Storage,
    config: &Config,
    now: u64,
    who: &Addr,
    staker: &mut Staker,
    power: Uint128,
) -> StdResult<Vec<(String, Accrual)>> {
    let total_power = TOTAL_POWER.may_load(storage)?.unwrap_or_default();
    let mut out = vec![];
    for denom in denoms(config) {
        let mut stream = STREAMS.may_load(storage, &denom)?.unwrap_or_default();
        advance(&mut stream, now, total_power, config.min_reward_power)?;
        STREAMS.save(storage, &denom, &stream)?;
        let mut accrual = load_accrual(storage, who, staker, &denom)?;
        accrue(&mut accrual, power, stream.index)?;
        ACCRUALS.save(storage, (who, &denom), &accrual)?;
        out.push((denom, accrual));
    }
    Ok(out)
}

/// Runs every stream up to `now` under `config` and saves it (before a change of the rules).
pub fn checkpoint(storage: &mut dyn Storage, config: &Config, now: u64) -> StdResult<()> {
    let total_power = TOTAL_POWER.may_load(storage)?.unwrap_or_default();
    for denom in denoms(config) {
        let mut stream = STREAMS.may_load(storage, &denom)?.unwrap_or_default();
        advance(&mut stream, now, total_power, config.min_reward_power)?;
        STREAMS.save(storage, &denom, &stream)?;
    }
    Ok(())
}

/// The total power reached the minimum (or the contract was unpaused): what waited streams
/// again over a new period. Nothing restreams while paused. The streams must have been run up
/// to `now` first.
pub fn resume(storage: &mut dyn Storage, config: &Config, now: u64) -> StdResult<()> {
    if btt_types::circuit::load(storage)?.paused.is_some() {
        return Ok(());
    }
    for denom in denoms(config) {
        let mut stream = STREAMS.may_load(storage, &denom)?.unwrap_or_default();
        if !stream.waiting.is_zero() {
            restream(
                &mut stream,
                now,
                config.reward_period_seconds,
                Decimal256::zero(),
            )?;
            STREAMS.save(storage, &denom, &stream)?;
        }
    }
    Ok(())
}

/// A deposit of `amount` in `denom` from `from` starts a new period; while paused it waits
/// instead (see the module's docs).
pub fn deposit(
    storage: &mut dyn Storage,
    env: &Env,
    from: Addr,
    denom: &str,
    amount: Uint128,
) -> Result<Response, ContractError> {
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    let config = CONFIG.load(storage)?;
    ensure!(
        denoms(&config).iter().any(|d| d == denom),
        ContractError::NotARewardDenom {
            denom: denom.into()
        }
    );
    let now = env.block.time.seconds();
    let total_power = TOTAL_POWER.may_load(storage)?.unwrap_or_default();
    let mut stream = STREAMS.may_load(storage, denom)?.unwrap_or_default();
    advance(&mut stream, now, total_power, config.min_reward_power)?;
    let paused = btt_types::circuit::load(storage)?.paused.is_some();
    if paused {
        stream.waiting = stream.waiting.checked_add(decimal(amount)?)?;
    } else {
        restream(
            &mut stream,
            now,
            config.reward_period_seconds,
            decimal(amount)?,
        )?;
    }
    stream.deposited = stream.deposited.checked_add(amount)?;
    STREAMS.save(storage, denom, &stream)?;
    Ok(Response::new()
        .add_attribute("action", "distribute_rewards")
        .add_attribute("from", from)
        .add_attribute("denom", denom)
        .add_attribute("amount", amount)
        .add_attribute("waits_for_unpause", paused.to_string())
        .add_attribute("ends_at", stream.ends_at.to_string()))
}

/// `Circuit`: the shared circuit breaker; an unpause streams what waited (the deposits made
/// while paused among it) over a new period from now.
pub fn circuit(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: CircuitMsg,
) -> Result<Response, ContractError> {
    let unpause = matches!(msg, CircuitMsg::Unpause {});
    let res = btt_types::circuit::execute(deps.branch(), &env, &info, msg)?;
    if unpause {
        let config = CONFIG.load(deps.storage)?;
        let now = env.block.time.seconds();
        checkpoint(deps.storage, &config, now)?;
        resume(deps.storage, &config, now)?;
    }
    Ok(res)
}

/// `DistributeRewards` with native funds: exactly one coin of a reward denom.
pub fn deposit_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    let paid = Payment::one_coin(&info)?;
    let denom = paid.denom();
    ensure!(
        denom != BTT_REWARDS,
        ContractError::NotARewardDenom { denom }
    );
    deposit(deps.storage, &env, paid.sender, &denom, paid.amount)
}

/// What `staker` could claim now in each denom (whole units); nothing is saved.
pub fn claimable(
    storage: &dyn Storage,
    config: &Config,
    now: Timestamp,
    who: &Addr,
    staker: &Staker,
    power: Uint128,
) -> StdResult<Vec<RewardAmount>> {
    let total_power = TOTAL_POWER.may_load(storage)?.unwrap_or_default();
    let mut view = staker.clone();
    denoms(config)
        .into_iter()
        .map(|denom| {
            let mut stream = STREAMS.may_load(storage, &denom)?.unwrap_or_default();
            advance(
                &mut stream,
                now.seconds(),
                total_power,
                config.min_reward_power,
            )?;
            let mut accrual = load_accrual(storage, who, &mut view, &denom)?;
            accrue(&mut accrual, power, stream.index)?;
            Ok(RewardAmount {
                denom,
                amount: whole(accrual.pending)?,
            })
        })
        .collect()
}

/// Every stream as it stands now.
pub fn streams(
    storage: &dyn Storage,
    config: &Config,
    now: Timestamp,
) -> StdResult<Vec<RewardStreamResponse>> {
    let total_power = TOTAL_POWER.may_load(storage)?.unwrap_or_default();
    denoms(config)
        .into_iter()
        .map(|denom| {
            let mut s = STREAMS.may_load(storage, &denom)?.unwrap_or_default();
            advance(&mut s, now.seconds(), total_power, config.min_reward_power)?;
            Ok(RewardStreamResponse {
                index: s.index,
                rate_per_second: s.rate,
                ends_at: Timestamp::from_seconds(s.ends_at),
                deposited: s.deposited,
                claimed: s.claimed,
                waiting: whole(s.waiting)?,
                denom,
            })
        })
        .collect()
}

/// `ClaimRewards`: settles the caller and pays the whole units of its pending rewards in every
/// denom, in one message each.
pub fn claim(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let who = info.sender;
    let mut staker = STAKERS.may_load(deps.storage, &who)?.unwrap_or_default();
    let power = POWER.may_load(deps.storage, &who)?.unwrap_or_default();
    let accruals = settle(
        deps.storage,
        &config,
        env.block.time.seconds(),
        &who,
        &mut staker,
        power,
    )?;
    let mut msgs: Vec<CosmosMsg> = vec![];
    let mut res = Response::new()
        .add_attribute("action", "claim_rewards")
        .add_attribute("staker", &who);
    for (denom, mut accrual) in accruals {
        let amount = whole(accrual.pending)?;
        if amount.is_zero() {
            continue;
        }
        accrual.pending = accrual.pending.checked_sub(decimal(amount)?)?;
        ACCRUALS.save(deps.storage, (&who, &denom), &accrual)?;
        let mut stream = STREAMS.load(deps.storage, &denom)?;
        stream.claimed = stream.claimed.checked_add(amount)?;
        STREAMS.save(deps.storage, &denom, &stream)?;
        let asset = if denom == BTT_REWARDS {
            Asset::Cw20(config.token.clone())
        } else {
            Asset::Native(denom.clone())
        };
        msgs.extend(asset.transfer_msg(&who, amount)?);
        res = res.add_attribute(format!("amount_{denom}"), amount);
    }
    ensure!(!msgs.is_empty(), ContractError::NoRewards);
    STAKERS.save(deps.storage, &who, &staker)?;
    Ok(res.add_messages(msgs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(rate: u128, from: u64, to: u64) -> Stream {
        Stream {
            rate: Decimal256::from_ratio(rate, 1u128),
            last_update: from,
            ends_at: to,
            ..Stream::default()
        }
    }

    #[test]
    fn a_stream_raises_the_index_by_what_streamed_over_the_power() {
        let mut s = stream(10, 0, 100);
        advance(&mut s, 50, Uint128::new(5), Uint128::one()).unwrap();
        assert_eq!(s.index, Decimal256::from_ratio(100u128, 1u128), "500 / 5");
        advance(&mut s, 500, Uint128::new(5), Uint128::one()).unwrap();
        assert_eq!(
            s.index,
            Decimal256::from_ratio(200u128, 1u128),
            "the stream ends at 100"
        );
    }

    #[test]
    fn what_streams_while_nobody_stakes_waits_and_streams_again() {
        let mut s = stream(10, 0, 100);
        advance(&mut s, 40, Uint128::zero(), Uint128::new(8)).unwrap();
        assert_eq!(s.waiting, Decimal256::from_ratio(400u128, 1u128));
        assert_eq!(
            s.index,
            Decimal256::from_ratio(50u128, 1u128),
            "nobody holds it"
        );
        restream(&mut s, 40, 200, Decimal256::zero()).unwrap();
        assert_eq!(s.waiting, Decimal256::zero());
        assert_eq!(
            s.rate,
            Decimal256::from_ratio(5u128, 1u128),
            "(600 left + 400 waiting) / 200"
        );
        assert_eq!(s.ends_at, 240);
    }

    #[test]
    fn below_the_minimum_power_only_total_over_minimum_is_released_and_the_rest_waits() {
        let mut s = stream(10, 0, 100);
        // 2 of a minimum of 8 hold power: 400 streamed, 100 released (50 a unit), 300 wait.
        advance(&mut s, 40, Uint128::new(2), Uint128::new(8)).unwrap();
        assert_eq!(s.index, Decimal256::from_ratio(50u128, 1u128));
        assert_eq!(s.waiting, Decimal256::from_ratio(300u128, 1u128));
        // At or above the minimum, everything is released.
        advance(&mut s, 50, Uint128::new(10), Uint128::new(8)).unwrap();
        assert_eq!(s.index, Decimal256::from_ratio(60u128, 1u128), "+100 / 10");
        assert_eq!(s.waiting, Decimal256::from_ratio(300u128, 1u128));
    }

    #[test]
    fn a_staker_earns_power_times_the_index_increase_and_keeps_fractions() {
        let mut a = Accrual::default();
        accrue(
            &mut a,
            Uint128::new(3),
            Decimal256::from_ratio(1u128, 3u128),
        )
        .unwrap();
        assert_eq!(
            whole(a.pending).unwrap(),
            Uint128::zero(),
            "0.999… floors to 0"
        );
        accrue(
            &mut a,
            Uint128::new(3),
            Decimal256::from_ratio(2u128, 3u128),
        )
        .unwrap();
        assert_eq!(whole(a.pending).unwrap(), Uint128::one());
    }
}
