use btt_types::depin::{Attestation, PayoutRules, ScoreMultipliers};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal256, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub escrow: Option<Addr>,
    pub oracles: Vec<Addr>,
    pub start: Timestamp,
    pub multipliers: ScoreMultipliers,
    /// Oracle quorum, fee cap, carry release.
    pub payout: PayoutRules,
}

/// The contract's config, set at instantiate and changed by `UpdateConfig`.
pub const CONFIG: Item<Config> = Item::new("config");

/// Running state of the pool.
#[cw_serde]
#[derive(Default)]
pub struct PoolState {
    /// ubtt received in total.
    pub funded: Uint128,
    /// ubtt paid to nodes.
    pub paid: Uint128,
    /// Epochs `0..closed_through` are closed.
    pub closed_through: u32,
    /// Emission not paid out yet: of scoreless epochs, and what the fee cap held back.
    pub carry: Uint128,
    /// What the fee cap held back at claims, in all.
    pub held_back: Uint128,
}

/// The pool's state.
pub const POOL: Item<PoolState> = Item::new("pool");

/// An epoch's totals.
#[cw_serde]
#[derive(Default)]
pub struct EpochTotals {
    /// Σ node scores.
    pub total_score: Decimal256,
    /// What the epoch pays, fixed when it closes (emission + released carry, or 0 if rolled on).
    pub reward: Option<Uint128>,
    /// The carry it released.
    pub released: Uint128,
}

/// Epoch totals, by epoch.
pub const EPOCHS: Map<u32, EpochTotals> = Map::new("epochs");

/// A node's contribution in an epoch.
#[cw_serde]
#[derive(Default)]
pub struct NodeEpoch {
    pub units: u64,
    /// Protocol fees its jobs paid, ubtt: the cap of its reward.
    pub fees: Uint128,
    pub score: Decimal256,
}

/// Contributions by node and epoch.
pub const NODE_EPOCHS: Map<(u64, u32), NodeEpoch> = Map::new("node_epochs");

/// Attestations by epoch, node and oracle.
pub const ATTESTATIONS: Map<(u32, u64, &Addr), Attestation> = Map::new("attestations");

/// The operator of each node that ever contributed (reported by compute-escrow).
pub const OPERATORS: Map<u64, Addr> = Map::new("operators");

/// The first epoch each node has not claimed yet.
pub const CURSORS: Map<u64, u32> = Map::new("cursors");
