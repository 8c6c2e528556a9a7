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
    /// The DAO whose voting period bounds the unbonding period.
    pub dao: Option<Addr>,
}

/// The config.
pub const CONFIG: Item<Config> = Item::new("config");

/// A staker's running totals and reward position.
#[cw_serde]
#[derive(Default)]
pub struct Staker {
    /// ubtt staked (not unbonding).
    pub staked: Uint128,
    /// ubtt unbonding.
    pub unbonding: Uint128,
    /// Last stake id given out.
    pub last_stake_id: u64,
    /// Last unbonding id given out.
    pub last_unbonding_id: u64,
    /// The global reward index when this staker was last settled.
    pub reward_index: Decimal256,
    /// Rewards earned and not yet claimed, with their fraction of a ubtt.
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

/// Contract-wide totals and the reward index.
#[cw_serde]
#[derive(Default)]
pub struct Totals {
    /// ubtt staked.
    pub staked: Uint128,
    /// ubtt unbonding.
    pub unbonding: Uint128,
    /// Σ over deposits of amount / total power at the time.
    pub reward_index: Decimal256,
    /// ubtt of rewards ever received.
    pub rewards_deposited: Uint128,
    /// ubtt of rewards paid out.
    pub rewards_claimed: Uint128,
    /// ubtt received while total power was zero.
    pub rewards_waiting: Uint128,
}

/// The totals.
pub const TOTALS: Item<Totals> = Item::new("totals");
