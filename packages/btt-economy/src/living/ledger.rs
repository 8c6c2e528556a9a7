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
    /// Its 70% of accepted jobs (and its part of split disputes) paid in BTT, ubtt, and in
    /// USDC, uusdc.
    pub job_pay: Uint128,
    pub job_pay_uusdc: Uint128,
    /// Mining rewards claimed, ubtt.
    pub mined: Uint128,
    /// Jobs finished and accepted, missed, disputed.
    pub jobs_done: u64,
    pub jobs_missed: u64,
    pub jobs_disputed: u64,
    /// Oracle challenges it passed, and failed.
    pub challenges_passed: u64,
    pub challenges_failed: u64,
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
    /// The same by month of the run.
    pub gross_by_month: BTreeMap<u64, BTreeMap<Stream, Uint128>>,
    /// The month of the run the actors are in.
    pub month: u64,
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
    /// Subscriptions paid, and the clinic seats they paid for.
    pub subscriptions: u64,
    /// Renewals the points contract could not quote (no fresh rate).
    pub subscriptions_unquoted: u64,
    pub seats_paid: u64,
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
    /// The self-dealer: what its clinic paid for wash jobs on its own node, the protocol's 30%
    /// of it, and its node's work fees by epoch (the fees the work pool paid it on), ubtt.
    pub wash_paid: Uint128,
    pub wash_job_pay: Uint128,
    pub wash_protocol_fees: Uint128,
    pub wash_fees_by_epoch: BTreeMap<u32, Uint128>,
    /// The insurer's savings shares paid, and the realised savings they were a share of, uusdc.
    pub insurer_paid_uusdc: Uint128,
    pub insurer_savings_uusdc: Uint128,
    /// Assets tokenized by kind, with their total value, RMB, and the value tokenized in the
    /// first six months.
    pub tokenized_rmb: u128,
    pub tokenized_first_six_months_rmb: u128,
    /// Jobs' price against the cloud price of the same GPU-hours, summed over jobs, uusdc.
    pub jobs_price_uusdc: Uint128,
    pub jobs_cloud_uusdc: Uint128,
    /// Stakers' rewards claimed by the institutions, ubtt and uusdc.
    pub staker_rewards_btt: Uint128,
    pub staker_rewards_uusdc: Uint128,
}

impl NodeEarnings {
    /// Adds a job's pay, in uusdc or ubtt.
    pub fn add_job_pay(&mut self, paid: Uint128, in_usdc: bool) {
        if in_usdc {
            self.job_pay_uusdc += paid;
        } else {
            self.job_pay += paid;
        }
    }
}

impl Ledger {
    /// Adds `uusdc` to `stream`'s gross volume.
    pub fn gross(&mut self, stream: Stream, uusdc: Uint128) {
        *self.gross_uusdc.entry(stream).or_default() += uusdc;
        *self
            .gross_by_month
            .entry(self.month)
            .or_default()
            .entry(stream)
            .or_default() += uusdc;
    }

    /// The earnings of node `name`.
    pub fn node(&mut self, name: &str) -> &mut NodeEarnings {
        self.nodes.entry(name.to_string()).or_default()
    }
}
