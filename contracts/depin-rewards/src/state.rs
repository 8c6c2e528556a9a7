use btt_types::bps::Bps;
use btt_types::depin::{
    Attestation, LockedReward, NodeCapacity, NodeSlot, PayoutRules, ScoreMultipliers,
};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Decimal256, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub escrow: Option<Addr>,
    /// The oracles appointed last; they score epochs from the one in [`SCORE_RULES`] on (an
    /// oracle removed stops attesting at once).
    pub oracles: Vec<Addr>,
    pub start: Timestamp,
    /// The multipliers set last; they score epochs from the one in [`SCORE_RULES`] on.
    pub multipliers: ScoreMultipliers,
    /// Oracle quorum (staged like the multipliers), fee cap (fixed for an epoch at its close),
    /// carry release.
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
    /// Emission not paid out yet: what the network could not use, forfeited rewards and
    /// rounding; released linearly (see [`RELEASE_STARTS`]).
    pub carry: Uint128,
    /// What the old per-node fee cap held back at claims, in all (code before the two pools).
    pub held_back: Uint128,
    /// Rewards of closed epochs not claimed yet, with the rounding of their shares (which
    /// moves to the carry when the last node of an epoch claims): after every close and claim,
    /// scheduled = paid + carry + owed, to the ubtt.
    #[serde(default)]
    pub owed: Uint128,
    /// ubtt of carry each close releases now (the sum of the linear releases under way).
    #[serde(default)]
    pub release_rate: Uint128,
    /// Epochs `0..legacy_through` were closed by code before the two pools; their rewards are
    /// claimed by the old rules ([`crate::legacy`]).
    #[serde(default)]
    pub legacy_through: u32,
    /// ubtt the work pools paid.
    #[serde(default)]
    pub work_paid: Uint128,
    /// ubtt the capacity pools paid.
    #[serde(default)]
    pub capacity_paid: Uint128,
    /// ubtt of locked rewards forfeited by failed challenges.
    #[serde(default)]
    pub forfeited: Uint128,
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
    /// What is left of the reward to claim, from the close on (none for epochs closed by
    /// code before it, whose rounding stays owed).
    #[serde(default)]
    pub books: Option<EpochBooks>,
    /// The fee cap in force when the epoch closed, which all its claims apply (none for epochs
    /// closed by code before it: the cap in force at the claim).
    #[serde(default)]
    pub fee_cap: Option<Bps>,
    /// Protocol fees (ubtt) the epoch's clinic jobs paid: the base of its work pool.
    #[serde(default)]
    pub fees: Uint128,
    /// Work reward per ubtt of fees, fixed at the close.
    #[serde(default)]
    pub work_rate: Decimal256,
    /// Capacity reward per unit of score, fixed at the close.
    #[serde(default)]
    pub score_rate: Decimal256,
    /// What the work pool paid.
    #[serde(default)]
    pub work_paid: Uint128,
    /// What the capacity pool paid.
    #[serde(default)]
    pub capacity_paid: Uint128,
}

/// A closed epoch's reward still to claim.
#[cw_serde]
#[derive(Default)]
pub struct EpochBooks {
    /// ubtt of the reward not claimed yet (paid or held back), rounding included.
    pub unpaid: Uint128,
    /// The score of the nodes that have not claimed (or folded) the epoch yet; with
    /// `unfolded_fees`, at zero, `unpaid` is the rounding of the shares and goes to the carry.
    pub unclaimed_score: Decimal256,
    /// The work fees of the nodes that have not folded the epoch yet.
    #[serde(default)]
    pub unfolded_fees: Uint128,
}

/// The rules that score an epoch: the oracles whose attestations count, the multipliers and
/// the quorum.
#[cw_serde]
pub struct ScoreRules {
    pub oracles: Vec<Addr>,
    pub multipliers: ScoreMultipliers,
    pub min_attestations: u32,
    /// Below this median uptime a node scores 0 (rules stored before the two pools: none).
    #[serde(default)]
    pub uptime_floor: Decimal,
    /// Epochs a capacity confirmation stays in force (rules stored before the two pools: 0).
    #[serde(default)]
    pub confirmation_epochs: u32,
}

/// Score rules by the first epoch they apply to: an epoch is scored under the last entry at or
/// before it, so every node of an epoch under the same rules. A change takes effect from the
/// next epoch.
pub const SCORE_RULES: Map<u32, ScoreRules> = Map::new("score_rules");

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

/// Contributions by node and epoch, as code before the two pools recorded them (epochs before
/// `legacy_through`).
pub const NODE_EPOCHS: Map<(u64, u32), NodeEpoch> = Map::new("node_epochs");

/// Attestations by epoch, node and oracle.
pub const ATTESTATIONS: Map<(u32, u64, &Addr), Attestation> = Map::new("attestations");

/// The operator of each node that ever contributed (reported by compute-escrow).
pub const OPERATORS: Map<u64, Addr> = Map::new("operators");

/// The first legacy epoch each node has not claimed yet.
pub const CURSORS: Map<u64, u32> = Map::new("cursors");

/// A node's mining: capacity, its latest epoch's contribution and its rewards.
#[cw_serde]
#[derive(Default)]
pub struct NodeState {
    pub capacity: NodeCapacity,
    /// The latest epoch it contributed in, folded into its rewards once that epoch closes.
    pub slot: Option<NodeSlot>,
    /// ubtt it may claim.
    pub claimable: Uint128,
    /// Capacity rewards locked (at most `lock_epochs + 1` entries).
    pub locked: Vec<LockedReward>,
    /// ubtt claimed in all.
    pub claimed: Uint128,
    /// ubtt of locked rewards forfeited.
    pub forfeited: Uint128,
}

/// Every node's mining state, by node id.
pub const NODES: Map<u64, NodeState> = Map::new("miners");

/// The linear release of the carry: at the close of epoch `e` the release rate rises by
/// `RELEASE_STARTS[e]`, falls by `RELEASE_ENDS[e]`, and `RELEASE_EXTRA[e]` (the remainder of
/// an amount that does not divide evenly) is released once.
pub const RELEASE_STARTS: Map<u32, Uint128> = Map::new("release_starts");
/// See [`RELEASE_STARTS`].
pub const RELEASE_ENDS: Map<u32, Uint128> = Map::new("release_ends");
/// See [`RELEASE_STARTS`].
pub const RELEASE_EXTRA: Map<u32, Uint128> = Map::new("release_extra");
