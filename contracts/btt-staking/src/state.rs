use btt_types::staking::{FeeTier, LockTier, Stake, Unbonding};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal256, Uint128};
use cw_storage_plus::{Item, Map, SnapshotItem, SnapshotMap, Strategy};

#[cw_serde]
pub struct Config {
    /// The BTT token.
    pub token: Addr,
    /// Lock tiers for new stakes.
    pub lock_tiers: Vec<LockTier>,
    /// Unbonding period, seconds.
    pub unbonding_seconds: u64,
    /// Fee-discount tiers by raw stake.
    pub fee_tiers: Vec<FeeTier>,
    /// A fee tier counts the lower of the stake now and the stake this long ago.
    pub tier_age_seconds: u64,
    /// Native reward denoms besides BTT.
    pub reward_denoms: Vec<String>,
    /// The period each reward deposit streams over, seconds.
    pub reward_period_seconds: u64,
    /// The total power a stream pays out in full; below it each second releases
    /// `total / min_reward_power` of what streams and the rest waits. Configs stored before it
    /// existed load with [`crate::migrate::MIGRATED_MIN_REWARD_POWER`].
    #[serde(default = "crate::migrate::migrated_min_reward_power")]
    pub min_reward_power: Uint128,
    /// The DAO whose voting period bounds the unbonding period.
    pub dao: Option<Addr>,
}

/// The contract's config, set at instantiate and changed by `UpdateConfig`.
pub const CONFIG: Item<Config> = Item::new("config");

/// A staker's running totals and reward position.
#[cw_serde]
#[derive(Default)]
pub struct Staker {
    /// ubtt staked (not unbonding).
    pub staked: Uint128,
    /// ubtt waiting out the unbonding period.
    pub unbonding: Uint128,
    /// Last stake id given out.
    pub last_stake_id: u64,
    /// Last unbonding id given out.
    pub last_unbonding_id: u64,
    /// The BTT reward index of code before per-denom rewards; moved to [`ACCRUALS`] at the
    /// staker's first settlement under this code, then zero.
    #[serde(default)]
    pub reward_index: Decimal256,
    /// The BTT rewards pending under code before per-denom rewards; moved like `reward_index`.
    #[serde(default)]
    pub pending_rewards: Decimal256,
}

/// Every staker, by address.
pub const STAKERS: Map<&Addr, Staker> = Map::new("stakers");

/// Each staker's raw stake after every change, by staker and block time (seconds): the stake
/// held at a past time is the last entry at or before it.
pub const STAKE_HISTORY: Map<(&Addr, u64), Uint128> = Map::new("stake_history");

/// Every stake, by staker and id.
pub const STAKES: Map<(&Addr, u64), Stake> = Map::new("stakes");

/// Every unbonding, by staker and id.
pub const UNBONDINGS: Map<(&Addr, u64), Unbonding> = Map::new("unbondings");

/// Voting power by address, snapshotted every block it changes.
pub const POWER: SnapshotMap<&Addr, Uint128> = SnapshotMap::new(
    "power",
    "power__checkpoints",
    "power__changelog",
    Strategy::EveryBlock,
);

/// Total voting power, snapshotted every block it changes.
pub const TOTAL_POWER: SnapshotItem<Uint128> = SnapshotItem::new(
    "total_power",
    "total_power__checkpoints",
    "total_power__changelog",
    Strategy::EveryBlock,
);

/// Contract-wide totals.
#[cw_serde]
#[derive(Default)]
pub struct Totals {
    /// ubtt staked in total.
    pub staked: Uint128,
    /// ubtt waiting out the unbonding period.
    pub unbonding: Uint128,
}

/// One reward denom's stream: deposits pay out at `rate` per second until `ends_at`, raising
/// `index` (rewards per unit of power) by what streamed over the total power at the time.
#[cw_serde]
#[derive(Default)]
pub struct Stream {
    /// Rewards per unit of power so far.
    pub index: Decimal256,
    /// Paid out per second to all stakers together, until `ends_at`.
    pub rate: Decimal256,
    /// The stream has run up to here, seconds.
    pub last_update: u64,
    /// The stream ends here, seconds.
    pub ends_at: u64,
    /// Streamed while the total power was below the minimum (its unreleased part), and
    /// deposits made while paused: streams again from the next deposit, the total power
    /// reaching the minimum, or the unpause.
    pub waiting: Decimal256,
    /// Received in total, ever.
    pub deposited: Uint128,
    /// Ever paid out.
    pub claimed: Uint128,
}

/// Streams by reward denom ("btt" or a native denom).
pub const STREAMS: Map<&str, Stream> = Map::new("reward_streams");

/// A staker's position in one reward denom.
#[cw_serde]
#[derive(Default)]
pub struct Accrual {
    /// The stream's index when the staker was last settled.
    pub index: Decimal256,
    /// Earned and not yet claimed, with its fraction of a unit.
    pub pending: Decimal256,
}

/// Accruals by staker and reward denom.
pub const ACCRUALS: Map<(&Addr, &str), Accrual> = Map::new("reward_accruals");

/// Running totals, for the `Totals` query and the closing report.
pub const TOTALS: Item<Totals> = Item::new("totals");
