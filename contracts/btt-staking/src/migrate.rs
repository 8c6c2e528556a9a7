//! `migrate`: from any earlier btt-staking (name checked, no downgrade). State written by code
//! before per-denom streamed rewards is moved, in constant work:
//! - the config gains the stake age of fee tiers (7 days), no native reward denoms and a 7-day
//!   reward period (the DAO changes them by proposal);
//! - the one BTT reward index, with what was deposited, paid and waiting, becomes the "btt"
//!   stream (what waited streams again from the first stake or deposit);
//! - each staker's BTT position moves on its first settlement (see `rewards`);
//! - a config without a minimum reward power gets 100,000 BTT of power
//!   ([`MIGRATED_MIN_REWARD_POWER`]), stored at migration.

use btt_types::migration::migrate_contract;
use btt_types::staking::{FeeTier, LockTier, MigrateMsg, BTT_REWARDS, SUGGESTED_MIN_REWARD_POWER};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{from_json, Addr, Decimal256, DepsMut, Env, Response, StdError, Uint128};
use cw_storage_plus::Item;

use crate::state::{Config, Stream, Totals, CONFIG, STREAMS, TOTALS};
use crate::ContractError;

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:btt-staking";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The default stake age of fee tiers and reward period for a migrated config: 7 days.
pub const MIGRATED_DEFAULT_SECONDS: u64 = 7 * 86_400;

/// The minimum reward power of a config stored before it existed: the suggested 100,000 BTT of
/// power, so a migrated contract is closed to the first-staker attack at once (the DAO may
/// change it by proposal).
pub const MIGRATED_MIN_REWARD_POWER: Uint128 = SUGGESTED_MIN_REWARD_POWER;

/// Serde default of [`Config::min_reward_power`].
pub fn migrated_min_reward_power() -> Uint128 {
    MIGRATED_MIN_REWARD_POWER
}

/// The config as code before per-denom rewards stored it.
#[cw_serde]
struct LegacyConfig {
    token: Addr,
    lock_tiers: Vec<LockTier>,
    unbonding_seconds: u64,
    fee_tiers: Vec<FeeTier>,
    #[serde(default)]
    tier_age_seconds: Option<u64>,
    dao: Option<Addr>,
}

/// The totals as code before per-denom rewards stored them.
#[cw_serde]
struct LegacyTotals {
    staked: Uint128,
    unbonding: Uint128,
    reward_index: Decimal256,
    rewards_deposited: Uint128,
    rewards_claimed: Uint128,
    rewards_waiting: Uint128,
}

const LEGACY_CONFIG: Item<LegacyConfig> = Item::new("config");
const LEGACY_TOTALS: Item<LegacyTotals> = Item::new("totals");

pub fn migrate(deps: DepsMut, env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let res = migrate_contract(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let raw = deps
        .storage
        .get(CONFIG.as_slice())
        .ok_or_else(|| StdError::not_found("config"))?;
    if let Ok(config) = from_json::<Config>(&raw) {
        // Stores the minimum reward power a config of older code loads with.
        CONFIG.save(deps.storage, &config)?;
        return Ok(res
            .add_attribute("state", "current")
            .add_attribute("min_reward_power", config.min_reward_power));
    }
    let old = LEGACY_CONFIG.load(deps.storage)?;
    CONFIG.save(
        deps.storage,
        &Config {
            token: old.token,
            lock_tiers: old.lock_tiers,
            unbonding_seconds: old.unbonding_seconds,
            fee_tiers: old.fee_tiers,
            tier_age_seconds: old.tier_age_seconds.unwrap_or(MIGRATED_DEFAULT_SECONDS),
            reward_denoms: vec![],
            reward_period_seconds: MIGRATED_DEFAULT_SECONDS,
            min_reward_power: MIGRATED_MIN_REWARD_POWER,
            dao: old.dao,
        },
    )?;
    let totals = LEGACY_TOTALS.load(deps.storage)?;
    TOTALS.save(
        deps.storage,
        &Totals {
            staked: totals.staked,
            unbonding: totals.unbonding,
        },
    )?;
    let now = env.block.time.seconds();
    STREAMS.save(
        deps.storage,
        BTT_REWARDS,
        &Stream {
            index: totals.reward_index,
            rate: Decimal256::zero(),
            last_update: now,
            ends_at: now,
            waiting: Decimal256::from_atomics(totals.rewards_waiting, 0)
                .map_err(|e| StdError::generic_err(e.to_string()))?,
            deposited: totals.rewards_deposited,
            claimed: totals.rewards_claimed,
        },
    )?;
    Ok(res.add_attribute("state", "moved to per-denom streamed rewards"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Staker, STAKERS};
    use cosmwasm_std::testing::{mock_dependencies, mock_env};
    use cosmwasm_std::{to_json_vec, Storage};

    /// A staker as code before per-denom rewards stored it.
    #[cw_serde]
    struct LegacyStaker {
        staked: Uint128,
        unbonding: Uint128,
        last_stake_id: u64,
        last_unbonding_id: u64,
        reward_index: Decimal256,
        pending_rewards: Decimal256,
    }

    #[test]
    fn the_old_reward_index_and_positions_move_to_the_btt_stream() {
        let mut deps = mock_dependencies();
        let env = mock_env();
        cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.9").unwrap();
        let token = deps.api.addr_make("btt");
        let alice = deps.api.addr_make("alice");
        let old_config = LegacyConfig {
            token: token.clone(),
            lock_tiers: LockTier::suggested(),
            unbonding_seconds: 21 * 86_400,
            fee_tiers: FeeTier::suggested(),
            tier_age_seconds: None,
            dao: None,
        };
        deps.storage
            .set(b"config", &to_json_vec(&old_config).unwrap());
        let old_totals = LegacyTotals {
            staked: Uint128::new(1_000),
            unbonding: Uint128::zero(),
            reward_index: Decimal256::percent(50),
            rewards_deposited: Uint128::new(900),
            rewards_claimed: Uint128::new(100),
            rewards_waiting: Uint128::new(7),
        };
        deps.storage
            .set(b"totals", &to_json_vec(&old_totals).unwrap());
        let old_staker = LegacyStaker {
            staked: Uint128::new(1_000),
            unbonding: Uint128::zero(),
            last_stake_id: 1,
            last_unbonding_id: 0,
            reward_index: Decimal256::percent(10),
            pending_rewards: Decimal256::from_ratio(40u128, 1u128),
        };
        let key = STAKERS.key(&alice);
        deps.storage.set(&key, &to_json_vec(&old_staker).unwrap());

        let res = migrate(deps.as_mut(), env.clone(), MigrateMsg {}).unwrap();
        assert!(res.attributes.iter().any(|a| a.value.contains("per-denom")));
        let config = CONFIG.load(&deps.storage).unwrap();
        assert_eq!(
            (config.tier_age_seconds, config.reward_period_seconds),
            (MIGRATED_DEFAULT_SECONDS, MIGRATED_DEFAULT_SECONDS)
        );
        assert!(config.reward_denoms.is_empty());
        let stream = STREAMS.load(&deps.storage, BTT_REWARDS).unwrap();
        assert_eq!(stream.index, Decimal256::percent(50));
        assert_eq!(
            (stream.deposited, stream.claimed),
            (Uint128::new(900), Uint128::new(100))
        );
        assert_eq!(stream.waiting, Decimal256::from_ratio(7u128, 1u128));
        // The staker's old record loads, and its BTT position (40 + 1,000 × 0.4) is claimable.
        let staker: Staker = STAKERS.load(&deps.storage, &alice).unwrap();
        assert_eq!(
            staker.pending_rewards,
            Decimal256::from_ratio(40u128, 1u128)
        );
        crate::state::POWER
            .save(
                &mut deps.storage,
                &alice,
                &Uint128::new(1_000),
                env.block.height,
            )
            .unwrap();
        let claimable = crate::rewards::claimable(
            &deps.storage,
            &config,
            env.block.time,
            &alice,
            &staker,
            Uint128::new(1_000),
        )
        .unwrap();
        assert_eq!(claimable[0].amount, Uint128::new(440));
        // Migrating again is a no-op.
        let again = migrate(deps.as_mut(), env, MigrateMsg {}).unwrap();
        assert!(again.attributes.iter().any(|a| a.value == "current"));
    }

    /// The config as code before the minimum reward power stored it.
    #[cw_serde]
    struct ConfigWithoutMinimum {
        token: Addr,
        lock_tiers: Vec<LockTier>,
        unbonding_seconds: u64,
        fee_tiers: Vec<FeeTier>,
        tier_age_seconds: u64,
        reward_denoms: Vec<String>,
        reward_period_seconds: u64,
        dao: Option<Addr>,
    }

    #[test]
    fn a_config_without_a_minimum_reward_power_gets_100_000_btt_of_power() {
        let mut deps = mock_dependencies();
        let env = mock_env();
        cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.9").unwrap();
        let old = ConfigWithoutMinimum {
            token: deps.api.addr_make("btt"),
            lock_tiers: LockTier::suggested(),
            unbonding_seconds: 21 * 86_400,
            fee_tiers: FeeTier::suggested(),
            tier_age_seconds: 86_400,
            reward_denoms: vec![],
            reward_period_seconds: 7 * 86_400,
            dao: None,
        };
        deps.storage.set(b"config", &to_json_vec(&old).unwrap());
        let res = migrate(deps.as_mut(), env, MigrateMsg {}).unwrap();
        assert!(res
            .attributes
            .iter()
            .any(|a| a.key == "min_reward_power" && a.value == "100000000000"));
        let stored = deps.storage.get(b"config").unwrap();
        assert!(String::from_utf8(stored)
            .unwrap()
            .contains("\"min_reward_power\":\"100000000000\""));
        let config = CONFIG.load(&deps.storage).unwrap();
        assert_eq!(config.min_reward_power, btt_types::units::btt(100_000));
        assert_eq!(config.tier_age_seconds, 86_400, "the rest kept");
    }
}
