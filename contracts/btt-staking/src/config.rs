//! Config validation and updates.

use btt_types::dao::DaoContract;
use btt_types::ownership::assert_owner_no_funds;
use btt_types::staking::{
    ConfigUpdate, FeeTier, LockTier, MAX_FEE_TIERS, MAX_LOCK_TIERS, MAX_MIN_REWARD_POWER,
    MAX_MULTIPLIER, MAX_REWARD_DENOMS, REWARD_PERIOD_BOUNDS,
};
use cosmwasm_std::{ensure, Addr, Decimal, Deps, DepsMut, Env, MessageInfo, Response};

use crate::rewards;
use crate::state::{Config, CONFIG, TOTAL_POWER};
use crate::ContractError;

/// Lock tiers: 1..=10, names 1..=32 bytes and unique, lock times strictly increasing,
/// multipliers in [1, 10].
pub fn validate_lock_tiers(tiers: &[LockTier]) -> Result<(), ContractError> {
    if tiers.is_empty() || tiers.len() > MAX_LOCK_TIERS {
        return Err(ContractError::LockTierCount {
            max: MAX_LOCK_TIERS,
        });
    }
    for (i, tier) in tiers.iter().enumerate() {
        if tier.multiplier < Decimal::one() || tier.multiplier > MAX_MULTIPLIER {
            return Err(ContractError::InvalidMultiplier {
                name: tier.name.clone(),
                multiplier: tier.multiplier,
            });
        }
        if tier.name.is_empty()
            || tier.name.len() > 32
            || tiers[..i].iter().any(|t| t.name == tier.name)
        {
            return Err(ContractError::InvalidTierName);
        }
        if i > 0 && tier.lock_seconds <= tiers[i - 1].lock_seconds {
            return Err(ContractError::LockTiersOutOfOrder);
        }
    }
    Ok(())
}

/// Fee tiers: at most 10, minimum stakes strictly increasing, discounts at most 100%.
pub fn validate_fee_tiers(tiers: &[FeeTier]) -> Result<(), ContractError> {
    ensure!(
        tiers.len() <= MAX_FEE_TIERS,
        ContractError::FeeTierCount { max: MAX_FEE_TIERS }
    );
    let ordered = tiers.windows(2).all(|w| w[0].min_stake < w[1].min_stake);
    if !ordered || tiers.iter().any(|t| !t.discount.is_valid()) {
        return Err(ContractError::InvalidFeeTiers);
    }
    Ok(())
}

/// The unbonding period is positive and, when the DAO is known, longer than its voting period.
pub fn validate_unbonding(
    deps: Deps,
    unbonding_seconds: u64,
    dao: Option<&Addr>,
) -> Result<(), ContractError> {
    ensure!(unbonding_seconds != 0, ContractError::ZeroUnbonding);
    if let Some(dao) = dao {
        let voting_period_seconds = DaoContract(dao.clone())
            .config(&deps.querier)?
            .voting_period_seconds;
        ensure!(
            unbonding_seconds > voting_period_seconds,
            ContractError::UnbondingNotAboveVotingPeriod {
                unbonding_seconds,
                voting_period_seconds,
            }
        );
    }
    Ok(())
}

/// Checks a whole config.
pub fn validate(deps: Deps, config: &Config) -> Result<(), ContractError> {
    validate_lock_tiers(&config.lock_tiers)?;
    validate_fee_tiers(&config.fee_tiers)?;
    validate_reward_denoms(&[], &config.reward_denoms)?;
    let (lo, hi) = REWARD_PERIOD_BOUNDS;
    if config.reward_period_seconds < lo || config.reward_period_seconds > hi {
        return Err(ContractError::InvalidRewardPeriod {
            seconds: config.reward_period_seconds,
            min: lo,
            max: hi,
        });
    }
    if config.tier_age_seconds == 0 || config.tier_age_seconds > MAX_TIER_AGE_SECONDS {
        return Err(ContractError::InvalidTierAge {
            seconds: config.tier_age_seconds,
            max: MAX_TIER_AGE_SECONDS,
        });
    }
    if config.min_reward_power.is_zero() || config.min_reward_power > MAX_MIN_REWARD_POWER {
        return Err(ContractError::InvalidMinRewardPower {
            power: config.min_reward_power,
            max: MAX_MIN_REWARD_POWER,
        });
    }
    validate_unbonding(deps, config.unbonding_seconds, config.dao.as_ref())
}

/// The oldest stake a fee tier may look back to: 365 days.
pub const MAX_TIER_AGE_SECONDS: u64 = 365 * 86_400;

/// Reward denoms: at most 5 real native denoms, unique; a new list keeps every old denom in
/// place (it may only grow), so no reward ever becomes unclaimable.
pub fn validate_reward_denoms(old: &[String], new: &[String]) -> Result<(), ContractError> {
    let unique = new.iter().enumerate().all(|(i, d)| !new[..i].contains(d));
    if new.len() > MAX_REWARD_DENOMS
        || !unique
        || !btt_types::asset::are_native_denoms(new)
        || !new.starts_with(old)
    {
        return Err(ContractError::InvalidRewardDenoms {
            max: MAX_REWARD_DENOMS,
        });
    }
    Ok(())
}

/// `UpdateConfig`: the owner only; every field optional; the result is validated whole. A new
/// minimum reward power applies from now: the streams run up to now under the old one first,
/// and what waited streams again if the total power now reaches the new minimum and did not
/// reach the old one.
pub fn update(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    change: ConfigUpdate,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let mut config = CONFIG.load(deps.storage)?;
    let old = config.clone();
    if let Some(power) = change.min_reward_power {
        config.min_reward_power = power;
    }
    if let Some(denoms) = change.reward_denoms {
        validate_reward_denoms(&config.reward_denoms, &denoms)?;
        config.reward_denoms = denoms;
    }
    if let Some(seconds) = change.reward_period_seconds {
        config.reward_period_seconds = seconds;
    }
    if let Some(tiers) = change.lock_tiers {
        config.lock_tiers = tiers;
    }
    if let Some(seconds) = change.unbonding_seconds {
        config.unbonding_seconds = seconds;
    }
    if let Some(tiers) = change.fee_tiers {
        config.fee_tiers = tiers;
    }
    if let Some(age) = change.tier_age_seconds {
        config.tier_age_seconds = age;
    }
    if let Some(dao) = change.dao {
        config.dao = Some(deps.api.addr_validate(&dao)?);
    }
    validate(deps.as_ref(), &config)?;
    if config.min_reward_power != old.min_reward_power {
        let now = env.block.time.seconds();
        rewards::checkpoint(deps.storage, &old, now)?;
        let total = TOTAL_POWER.may_load(deps.storage)?.unwrap_or_default();
        if total < old.min_reward_power && total >= config.min_reward_power {
            rewards::resume(deps.storage, &config, now)?;
        }
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("min_reward_power", config.min_reward_power)
        .add_attribute("unbonding_seconds", config.unbonding_seconds.to_string())
        .add_attribute("lock_tiers", config.lock_tiers.len().to_string())
        .add_attribute("fee_tiers", config.fee_tiers.len().to_string()))
}
