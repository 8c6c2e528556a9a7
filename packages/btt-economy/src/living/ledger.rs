//! What the actors measured as they went: each node's earnings, each stream's gross volume, the
//! desk's trades. Every figure is read from a balance change or an event of a contract; the
//! run's own bookkeeping only adds them up.

use std::collections::BTreeMap;

use cosmwasm_std::Uint128;
use serde::Serialize;

use super::assumptions::Stream;

/// One node's earnings over the run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NodeEarnings {
    /// Its 70% of accepted jobs (and its part of split disputes), ubtt.
    pub job_pay: Uint128,
    /// Mining rewards claimed, ubtt.
    pub mined: Uint128,
    /// Jobs finished and accepted, missed, disputed.
    pub jobs_done: u64,
    pub jobs_missed: u64,
    pub jobs_disputed: u64,
    /// Oracle challenges it passed.
    pub challenges_passed: u64,
    /// Weeks it was running.
    pub weeks: u64,
}

/// The run's measured figures, filled in by the actors.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Ledger {
    /// By node name.
    pub nodes: BTreeMap<String, NodeEarnings>,
    /// What users paid into each stream's contracts (jobs escrowed, assets appraised, shares
    /// bought, subscriptions and partner fees, payments), in uusdc at the stated price.
    pub gross_uusdc: BTreeMap<Stream, Uint128>,
    /// Jobs posted, accepted, missed, disputed, cancelled.
    pub jobs_posted: u64,
    pub jobs_accepted: u64,
    pub jobs_missed: u64,
    pub jobs_disputed: u64,
    /// Oracle challenges the nodes passed.
    pub challenges_passed: u64,
    /// Compute demand the clinics could not post, because the desk could not sell them the
    /// BTT (ubtt).
    pub compute_unmet: Uint128,
    /// BTT the desk sold and bought (ubtt).
    pub desk_sold: Uint128,
    pub desk_bought: Uint128,
    /// Points awarded, redeemed, converted; payments made and refunded.
    pub points_awarded: u64,
    pub points_redeemed: u64,
    pub points_converted: u64,
    pub payments: u64,
    pub payments_refunded: u64,
    pub payments_in_usdc: u64,
    /// Assets tokenized, shares trades, income deposited (uusdc), buyouts settled.
    pub assets: u64,
    pub share_trades: u64,
    pub income_uusdc: Uint128,
    pub buyouts: u64,
    /// Mining claimed by all nodes for each epoch (nodes claim every week, right after the
    /// ended epoch closes, so each week's claims pay that epoch), ubtt.
    pub mined_by_epoch: BTreeMap<u32, Uint128>,
    /// Insurer engagement reads, and what the last month's reads saw: the points of every
    /// patient over the last 12 periods.
    pub engagement_reads: u64,
    pub engagement_points: u64,
    /// Stakers' rewards claimed by the institutions, ubtt and uusdc.
    pub staker_rewards_btt: Uint128,
    pub staker_rewards_uusdc: Uint128,
}

impl Ledger {
    /// Adds `uusdc` to `stream`'s gross volume.
    pub fn gross(&mut self, stream: Stream, uusdc: Uint128) {
        *self.gross_uusdc.entry(stream).or_default() += uusdc;
    }

    /// The earnings of node `name`.
    pub fn node(&mut self, name: &str) -> &mut NodeEarnings {
        self.nodes.entry(name.to_string()).or_default()
    }
}
