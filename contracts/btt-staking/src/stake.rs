//! Staking, unbonding and the claim of matured unbondings.

use btt_types::asset::Payment;
use btt_types::math::Checked;
use btt_types::pagination::clamp_limit;
use btt_types::staking::{ReceiveMsg, Stake, Unbonding};
use btt_types::token::TokenContract;
use cosmwasm_std::{
    ensure, from_json, Addr, Decimal, DepsMut, Env, MessageInfo, Order, Response, StdResult,
    Storage, Uint128,
};
use cw20::Cw20ReceiveMsg;

use crate::rewards;
use crate::state::{
    CONFIG, POWER, STAKERS, STAKES, STAKE_HISTORY, TOTALS, TOTAL_POWER, UNBONDINGS,
};
use crate::ContractError;

/// Voting power of `amount` staked with `multiplier`, rounded down.
pub fn power_of(amount: Uint128, multiplier: Decimal) -> Uint128 {
    amount.mul_floor(multiplier)
}

/// Moves `who`'s power from `old` to `new` at the block: settles its rewards in every denom
/// first (at the total power before the change, which runs every stream up to now), records
/// both snapshots, and streams again what waited when the total power crosses up to the
/// minimum reward power (only on the crossing, so a stake never extends the period). Constant
/// work.
fn change_power(
    storage: &mut dyn Storage,
    env: &Env,
    who: &Addr,
    staker: &mut crate::state::Staker,
    old: Uint128,
    new: Uint128,
) -> StdResult<()> {
    let config = CONFIG.load(storage)?;
    let now = env.block.time.seconds();
    rewards::settle(storage, &config, now, who, staker, old)?;
    POWER.save(storage, who, &new, env.block.height)?;
    let before = TOTAL_POWER.may_load(storage)?.unwrap_or_default();
    let total = before.checked_sub(old)?.checked_add(new)?;
    TOTAL_POWER.save(storage, &total, env.block.height)?;
    if before < config.min_reward_power && total >= config.min_reward_power {
        rewards::resume(storage, &config, now)?;
    }
    Ok(())
}

/// `Receive`: only from BTT; `Stake` or `DistributeRewards`.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let Payment { sender, amount, .. } =
        Payment::from_hook::<ContractError>(deps.api, &info, &token, &wrapper)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Stake { tier } => stake(deps, env, sender, amount, tier),
        ReceiveMsg::DistributeRewards {} => rewards::deposit(
            deps.storage,
            &env,
            sender,
            btt_types::staking::BTT_REWARDS,
            amount,
        ),
    }
}

fn stake(
    deps: DepsMut,
    env: Env,
    staker_addr: Addr,
    amount: Uint128,
    tier_index: u32,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    let config = CONFIG.load(deps.storage)?;
    let tier = config
        .lock_tiers
        .get(tier_index as usize)
        .ok_or(ContractError::TierNotFound { tier: tier_index })?;
    let mut staker = STAKERS
        .may_load(deps.storage, &staker_addr)?
        .unwrap_or_default();
    staker.last_stake_id = staker.last_stake_id.add_checked(1)?;
    let stake = Stake {
        id: staker.last_stake_id,
        amount,
        tier: tier.name.clone(),
        multiplier: tier.multiplier,
        unlocks_at: env.block.time.plus_seconds(tier.lock_seconds),
    };
    STAKES.save(deps.storage, (&staker_addr, stake.id), &stake)?;

    let old = POWER
        .may_load(deps.storage, &staker_addr)?
        .unwrap_or_default();
    let added = power_of(amount, tier.multiplier);
    let new = old.checked_add(added)?;
    change_power(deps.storage, &env, &staker_addr, &mut staker, old, new)?;
    staker.staked = staker.staked.checked_add(amount)?;
    STAKERS.save(deps.storage, &staker_addr, &staker)?;
    STAKE_HISTORY.save(
        deps.storage,
        (&staker_addr, env.block.time.seconds()),
        &staker.staked,
    )?;
    TOTALS.update(deps.storage, |mut t| -> StdResult<_> {
        t.staked = t.staked.checked_add(amount)?;
        Ok(t)
    })?;

    Ok(Response::new()
        .add_attribute("action", "stake")
        .add_attribute("staker", staker_addr)
        .add_attribute("stake_id", stake.id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("tier", &stake.tier)
        .add_attribute("power_added", added)
        .add_attribute("unlocks_at", stake.unlocks_at.seconds().to_string()))
}

/// `Unbond`: a stake whose lock has ended starts unbonding; its power goes at once.
pub fn unbond(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    stake_id: u64,
    amount: Option<Uint128>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let who = info.sender;
    let mut stake = STAKES
        .may_load(deps.storage, (&who, stake_id))?
        .ok_or(ContractError::StakeNotFound { stake_id })?;
    ensure!(
        env.block.time >= stake.unlocks_at,
        ContractError::StillLocked {
            stake_id,
            unlocks_at: stake.unlocks_at,
        }
    );
    let amount = amount.unwrap_or(stake.amount);
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    ensure!(
        amount <= stake.amount,
        ContractError::InsufficientStake {
            stake_id,
            staked: stake.amount,
            requested: amount,
        }
    );
    let removed = power_of(stake.amount, stake.multiplier).checked_sub(power_of(
        stake.amount.checked_sub(amount)?,
        stake.multiplier,
    ))?;
    stake.amount = stake.amount.checked_sub(amount)?;
    if stake.amount.is_zero() {
        STAKES.remove(deps.storage, (&who, stake_id));
    } else {
        STAKES.save(deps.storage, (&who, stake_id), &stake)?;
    }

    let config = CONFIG.load(deps.storage)?;
    let mut staker = STAKERS.load(deps.storage, &who)?;
    let old = POWER.may_load(deps.storage, &who)?.unwrap_or_default();
    change_power(
        deps.storage,
        &env,
        &who,
        &mut staker,
        old,
        old.checked_sub(removed)?,
    )?;
    staker.staked = staker.staked.checked_sub(amount)?;
    staker.unbonding = staker.unbonding.checked_add(amount)?;
    staker.last_unbonding_id = staker.last_unbonding_id.add_checked(1)?;
    let unbonding = Unbonding {
        id: staker.last_unbonding_id,
        amount,
        claimable_at: env.block.time.plus_seconds(config.unbonding_seconds),
    };
    UNBONDINGS.save(deps.storage, (&who, unbonding.id), &unbonding)?;
    STAKERS.save(deps.storage, &who, &staker)?;
    STAKE_HISTORY.save(
        deps.storage,
        (&who, env.block.time.seconds()),
        &staker.staked,
    )?;
    TOTALS.update(deps.storage, |mut t| -> StdResult<_> {
        t.staked = t.staked.checked_sub(amount)?;
        t.unbonding = t.unbonding.checked_add(amount)?;
        Ok(t)
    })?;

    Ok(Response::new()
        .add_attribute("action", "unbond")
        .add_attribute("staker", who)
        .add_attribute("stake_id", stake_id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("power_removed", removed)
        .add_attribute("claimable_at", unbonding.claimable_at.seconds().to_string()))
}

/// `ClaimUnbonded`: pays the matured unbondings among the caller's oldest `limit`.
pub fn claim_unbonded(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let who = info.sender;
    let matured: Vec<Unbonding> = UNBONDINGS
        .prefix(&who)
        .range(deps.storage, None, None, Order::Ascending)
        .take(clamp_limit(limit))
        .map(|item| item.map(|(_, u)| u))
        .filter(|u| {
            u.as_ref()
                .map_or(true, |u| u.claimable_at <= env.block.time)
        })
        .collect::<StdResult<_>>()?;
    ensure!(!matured.is_empty(), ContractError::NothingToClaim);
    let mut amount = Uint128::zero();
    for u in &matured {
        UNBONDINGS.remove(deps.storage, (&who, u.id));
        amount = amount.checked_add(u.amount)?;
    }
    STAKERS.update(deps.storage, &who, |s| -> StdResult<_> {
        let mut s = s.unwrap_or_default();
        s.unbonding = s.unbonding.checked_sub(amount)?;
        Ok(s)
    })?;
    TOTALS.update(deps.storage, |mut t| -> StdResult<_> {
        t.unbonding = t.unbonding.checked_sub(amount)?;
        Ok(t)
    })?;
    let token = TokenContract(CONFIG.load(deps.storage)?.token);
    Ok(Response::new()
        .add_message(token.transfer_msg(&who, amount)?)
        .add_attribute("action", "claim_unbonded")
        .add_attribute("staker", who)
        .add_attribute("unbondings", matured.len().to_string())
        .add_attribute("amount", amount))
}
