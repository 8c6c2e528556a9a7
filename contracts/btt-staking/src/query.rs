use btt_types::bps::Bps;
use btt_types::pagination::page;
use btt_types::staking::{
    ConfigResponse, PowerResponse, StakerResponse, StakesResponse, TierResponse, TotalsResponse,
    UnbondingsResponse,
};
use cosmwasm_std::{Deps, Env, Order, StdResult, Uint128};
use cw_storage_plus::Bound;

use crate::rewards;
use crate::state::{
    CONFIG, POWER, STAKERS, STAKES, STAKE_HISTORY, TOTALS, TOTAL_POWER, UNBONDINGS,
};

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: c.token,
        lock_tiers: c.lock_tiers,
        unbonding_seconds: c.unbonding_seconds,
        fee_tiers: c.fee_tiers,
        tier_age_seconds: c.tier_age_seconds,
        reward_denoms: c.reward_denoms,
        reward_period_seconds: c.reward_period_seconds,
        min_reward_power: c.min_reward_power,
        dao: c.dao,
    })
}

pub fn staker(deps: Deps, env: Env, address: String) -> StdResult<StakerResponse> {
    let address = deps.api.addr_validate(&address)?;
    let staker = STAKERS
        .may_load(deps.storage, &address)?
        .unwrap_or_default();
    let power = POWER.may_load(deps.storage, &address)?.unwrap_or_default();
    let config = CONFIG.load(deps.storage)?;
    Ok(StakerResponse {
        staked: staker.staked,
        power,
        unbonding: staker.unbonding,
        rewards: rewards::claimable(
            deps.storage,
            &config,
            env.block.time,
            &address,
            &staker,
            power,
        )?,
    })
}

pub fn stakes(
    deps: Deps,
    address: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<StakesResponse> {
    let address = deps.api.addr_validate(&address)?;
    let stakes = page(
        STAKES.prefix(&address).range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        ),
        limit,
    )?;
    Ok(StakesResponse { stakes })
}

pub fn unbondings(
    deps: Deps,
    address: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<UnbondingsResponse> {
    let address = deps.api.addr_validate(&address)?;
    let unbondings = page(
        UNBONDINGS.prefix(&address).range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        ),
        limit,
    )?;
    Ok(UnbondingsResponse { unbondings })
}

pub fn voting_power(
    deps: Deps,
    env: Env,
    address: String,
    height: Option<u64>,
) -> StdResult<PowerResponse> {
    let address = deps.api.addr_validate(&address)?;
    let power = match height {
        Some(h) => POWER.may_load_at_height(deps.storage, &address, h)?,
        None => POWER.may_load(deps.storage, &address)?,
    };
    Ok(PowerResponse {
        power: power.unwrap_or_default(),
        height: height.unwrap_or(env.block.height),
    })
}

pub fn total_power(deps: Deps, env: Env, height: Option<u64>) -> StdResult<PowerResponse> {
    let power = match height {
        Some(h) => TOTAL_POWER.may_load_at_height(deps.storage, h)?,
        None => TOTAL_POWER.may_load(deps.storage)?,
    };
    Ok(PowerResponse {
        power: power.unwrap_or_default(),
        height: height.unwrap_or(env.block.height),
    })
}

/// The highest fee tier whose minimum the address's raw stake reaches (at most 10 tiers).
/// The fee tier of `address`: reached by the lower of its stake now and its stake
/// `tier_age_seconds` ago, so stake bonded for a moment counts nothing. Constant work.
pub fn tier(deps: Deps, env: Env, address: String) -> StdResult<TierResponse> {
    let address = deps.api.addr_validate(&address)?;
    let staked = STAKERS
        .may_load(deps.storage, &address)?
        .unwrap_or_default()
        .staked;
    let config = CONFIG.load(deps.storage)?;
    let then = env
        .block
        .time
        .seconds()
        .saturating_sub(config.tier_age_seconds);
    let staked_then = STAKE_HISTORY
        .prefix(&address)
        .range(
            deps.storage,
            None,
            Some(Bound::inclusive(then)),
            Order::Descending,
        )
        .next()
        .transpose()?
        .map_or(Uint128::zero(), |(_, v)| v);
    let counted = staked.min(staked_then);
    let reached = config
        .fee_tiers
        .iter()
        .rev()
        .find(|t| counted >= t.min_stake);
    Ok(TierResponse {
        staked,
        counted,
        discount: reached.map_or(Bps::ZERO, |t| t.discount),
        priority: reached.map_or(0, |t| t.priority),
    })
}

pub fn totals(deps: Deps, env: Env) -> StdResult<TotalsResponse> {
    let t = TOTALS.load(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    Ok(TotalsResponse {
        staked: t.staked,
        unbonding: t.unbonding,
        power: TOTAL_POWER.may_load(deps.storage)?.unwrap_or_default(),
        rewards: rewards::streams(deps.storage, &config, env.block.time)?,
    })
}
