//! `compute-escrow`: the compute marketplace. GPU nodes post BTT bonds; clinics escrow the
//! price of AI jobs; completed jobs pay 70% to the nodes by units and 15/10/5% to the
//! development fund, foundation and reserve; disputes go to a DAO-appointed arbiter.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, Decimal, QuerierWrapper, StdResult, Timestamp, Uint128,
    WasmMsg,
};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::Asset;
use crate::bps::{Bps, BPS_DENOMINATOR};
use crate::fee_router::{FeeRouting, FeeRoutingMsg, FeeRoutingUpdate, FeeStream, StreamSet};
use crate::token::TokenContract;

/// Most hardware classes the config may hold.
pub const MAX_HARDWARE_CLASSES: usize = 16;
/// Most nodes one job may be split across.
pub const MAX_NODES_PER_JOB: usize = 8;

/// The shortest offer window the config accepts, seconds.
pub const MIN_OFFER_SECONDS: u64 = 60;

/// The longest offer window the config accepts: 30 days, seconds.
pub const MAX_OFFER_SECONDS: u64 = 30 * 86_400;
/// Longest review window a job may ask for: 14 days.
pub const MAX_REVIEW_SECONDS: u64 = 14 * 86_400;
/// Longest run window a job may ask for: 30 days.
pub const MAX_RUN_SECONDS: u64 = 30 * 86_400;

/// The shortest run window a job may ask for, set by the DAO: `base_seconds` plus
/// `seconds_per_1000_units` for every 1,000 compute units (rounded up), so a large job cannot be
/// squeezed into a window no node could meet.
#[cw_serde]
pub struct RunWindow {
    /// Seconds every job gets at least.
    pub base_seconds: u64,
    /// Seconds added per 1,000 compute units.
    pub seconds_per_1000_units: u64,
}

impl RunWindow {
    /// The shortest run window of a job of `units`.
    pub fn min_for(&self, units: u64) -> u64 {
        let per_unit = u128::from(units) * u128::from(self.seconds_per_1000_units);
        let extra = u64::try_from(per_unit.div_ceil(1_000)).unwrap_or(u64::MAX);
        self.base_seconds.saturating_add(extra)
    }
}

/// A class of hardware and its price per compute unit, in ubtt.
#[cw_serde]
pub struct HardwareClass {
    /// Name, e.g. "a100" (1 to 32 bytes, unique).
    pub name: String,
    /// ubtt per compute unit.
    pub unit_price: Uint128,
    /// Capacity units one GPU of this class counts for mining, from benchmark throughput
    /// (e.g. standard 1.0, high-end 2.5; more than 0, at most 100). A class stored before
    /// weights counts 1.0.
    #[serde(default = "one")]
    pub capacity_weight: Decimal,
}

fn one() -> Decimal {
    Decimal::one()
}

/// How fast a job must run; each has a price multiplier.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Urgency {
    /// Runs when capacity allows.
    Standard,
    /// Ahead of standard jobs.
    Priority,
    /// As soon as possible.
    Urgent,
}

/// Price multipliers of the urgency levels (suggested 1.0 / 1.5 / 2.0).
#[cw_serde]
pub struct UrgencyMultipliers {
    /// Multiplier of standard jobs (≥ 1).
    pub standard: Decimal,
    /// Multiplier of priority jobs (≥ 1).
    pub priority: Decimal,
    /// Multiplier of urgent jobs (≥ 1).
    pub urgent: Decimal,
}

impl UrgencyMultipliers {
    /// The multiplier of `urgency`.
    pub fn of(&self, urgency: Urgency) -> Decimal {
        match urgency {
            Urgency::Standard => self.standard,
            Urgency::Priority => self.priority,
            Urgency::Urgent => self.urgent,
        }
    }
}

/// A native denom accepted for jobs, at a DAO-set rate.
#[cw_serde]
pub struct NativeRate {
    /// The denom, e.g. "untrn".
    pub denom: String,
    /// ubtt one unit of the denom is worth (> 0); the price in the denom is rounded up.
    pub ubtt_per_unit: Decimal,
}

/// The one fee stream of the escrow: the protocol part of a completed job's price (30%).
pub const STREAMS: &[FeeStream] = &[FeeStream::Compute];

/// The escrow's streams, whose shares sum to the protocol part `100% − contributors`.
pub fn stream_set(contributors: Bps) -> StreamSet {
    StreamSet {
        streams: STREAMS,
        whole: Bps(BPS_DENOMINATOR.saturating_sub(contributors.0)),
        unstakeable: &[],
    }
}

#[cw_serde]
pub struct InstantiateMsg {
    /// The BTT cw20: bonds, and the default payment asset.
    pub token: String,
    /// btt-staking, for the clinic's fee discount.
    pub staking: String,
    /// depin-rewards, told the units of every completed job; none to skip.
    pub depin: Option<String>,
    /// Who resolves disputes (appointed by the DAO).
    pub arbiter: String,
    /// Price per unit by hardware class (1 to 16).
    pub hardware_classes: Vec<HardwareClass>,
    /// Price multipliers by urgency; each at least 1.
    pub urgency: UrgencyMultipliers,
    /// ubtt per GB of data.
    pub price_per_gb: Uint128,
    /// Native denoms accepted, with their rates.
    pub native_rates: Vec<NativeRate>,
    /// The nodes' share of a completed job's price (70%), split by units supplied; the rounding
    /// dust of the protocol part goes here too. Fixed at instantiation.
    pub contributors: Bps,
    /// Where the protocol part goes: development fund 15%, foundation 10%, reserve 5% of the
    /// price at genesis (shares of the price, summing to `100% − contributors`).
    pub fee_routing: FeeRoutingMsg,
    /// Smallest bond a node may post, ubtt (600 BTT suggested).
    pub min_bond: Uint128,
    /// Bond per capacity unit, ubtt (150 BTT suggested): a node's capacity counts for mining
    /// at most up to what its bond covers, and a failed challenge slashes this much per unit
    /// it tested.
    pub bond_per_capacity_unit: Uint128,
    /// Slashed from a node that is at fault or misses a deadline: this share of the node's part
    /// of the job's price (in ubtt, by the units it accepted), capped by its bond (50%
    /// suggested). At most 100%.
    pub slash: Bps,
    /// Receives every slash: the operational reserve (never a party of the job).
    pub reserve: String,
    /// The shortest run window by job size.
    pub run_window: RunWindow,
    /// How long an offer waits to be accepted by every node before it lapses and releases the
    /// nodes that did accept, seconds (1 minute to 30 days; 1 day suggested).
    pub offer_seconds: u64,
    /// How long a retiring node's bond waits before it can be withdrawn.
    pub bond_unbonding_seconds: u64,
    /// Who changes the config; the sender when omitted. Handed to the DAO.
    pub owner: Option<String>,
}

/// What a node offers.
#[cw_serde]
pub struct NodeSpec {
    /// One of the configured hardware classes.
    pub hardware_class: String,
    /// GPUs in the node, > 0.
    pub gpu_count: u32,
    /// Region code, e.g. "cn-west" (1 to 32 bytes).
    pub region: String,
    /// Energy rating, 'A' (best) to 'E'.
    pub energy_rating: EnergyRating,
    /// Endpoint metadata (URL or multiaddr, at most 256 bytes).
    pub endpoint: String,
}

/// Energy rating of a node.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum EnergyRating {
    /// Most efficient.
    A,
    /// Efficient.
    B,
    /// Average.
    C,
    /// Below average.
    D,
    /// Least efficient.
    E,
}

/// A job to run.
#[cw_serde]
pub struct JobSpec {
    /// Compute units to run, > 0.
    pub compute_units: u64,
    /// One of the configured hardware classes.
    pub hardware_class: String,
    /// How urgent the job is, which multiplies its price.
    pub urgency: Urgency,
    /// Data volume in GB.
    pub data_gb: u64,
    /// Seconds the nodes have to submit the result, counted from the moment the last assigned
    /// node accepts; at least the DAO's run window for the job's units, at most 30 days.
    pub run_seconds: u64,
    /// How long the clinic has to accept or dispute a submitted result (at most 14 days).
    pub review_seconds: u64,
}

/// A node's share of a job.
#[cw_serde]
pub struct Assignment {
    /// The node's id (the `node_id` attribute of `register_node`).
    pub node_id: u64,
    /// Compute units it supplies (> 0); the units of a job's assignments add up to the job's.
    pub units: u64,
}

/// How the arbiter settles a dispute.
#[cw_serde]
pub enum Resolution {
    /// The nodes are paid as if the result had been accepted.
    Pay,
    /// The clinic gets its escrow back.
    Refund,
    /// `clinic_share` goes back to the clinic, the rest is paid out like a completed job.
    Split { clinic_share: Bps },
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// The BTT token only: a [`ReceiveMsg`] hook (node bond, or a job paid in BTT).
    Receive(Cw20ReceiveMsg),
    /// A clinic: posts a job paid in an accepted native denom; exactly the quoted price.
    PostJob {
        /// What to run.
        spec: JobSpec,
    },
    /// An oracle of depin-rewards, or anyone as a bounty: posts a challenge to one node, paid
    /// in an accepted native denom at the quoted price of its job (see [`ChallengeSpec`]).
    PostChallenge {
        /// The node, the work and the committed answer.
        spec: ChallengeSpec,
    },
    /// Anyone: recounts a node's capacity under the current bond per unit and class weights
    /// (after the DAO changed them) and tells depin-rewards if what counts changed. No funds.
    RecountCapacity {
        /// The node's id.
        node_id: u64,
    },
    /// The node's operator: changes its endpoint, region, energy rating or GPU count. No funds.
    UpdateNode {
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
        /// New GPU count, > 0.
        gpu_count: Option<u32>,
        /// New region (1 to 32 bytes).
        region: Option<String>,
        /// New energy rating.
        energy_rating: Option<EnergyRating>,
        /// New endpoint (at most 256 bytes).
        endpoint: Option<String>,
    },
    /// The node's operator: stops (or resumes) taking new jobs. No funds.
    PauseNode {
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
        /// True to pause, false to resume.
        paused: bool,
    },
    /// The node's operator: retires the node; its bond can be withdrawn after the unbonding
    /// delay, once it has no open job or dispute. No funds.
    RetireNode {
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
    },
    /// The node's operator: withdraws the bond of a retired node after the delay. No funds.
    WithdrawBond {
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
    },
    /// The job's clinic: offers a posted job (or re-offers an offered one) to 1 to 8 active,
    /// fully bonded nodes of its hardware class. Nothing binds a node until its operator accepts.
    /// No funds.
    AssignJob {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
        /// Nodes and the units each supplies; the units add up to the job's.
        assignments: Vec<Assignment>,
    },
    /// The operator of an offered node, before the offer lapses (`offer_seconds` after it was
    /// made): accepts its part of the job, which puts its bond at stake for it. When the last
    /// node accepts, the job runs and its deadline is set to now + the job's `run_seconds`.
    /// No funds.
    AcceptAssignment {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
        /// The operator's node in the offer.
        node_id: u64,
    },
    /// The operator of an offered node: declines; the offer is withdrawn for every node and
    /// the job is posted again. No funds.
    DeclineAssignment {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
        /// The operator's node in the offer.
        node_id: u64,
    },
    /// Anyone, once an offer has waited `offer_seconds` without every node accepting: the
    /// offer lapses, the nodes that accepted are released and the job is posted again (the
    /// clinic may offer it anew or cancel it). No funds.
    LapseOffer {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
    },
    /// The job's clinic: takes back a job that is not running yet (posted or offered) with a
    /// full refund; no node is slashed. No funds.
    CancelJob {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
    },
    /// An operator of an assigned node, before the deadline: submits the result. No funds.
    SubmitResult {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
        /// Hash of the result (hex, 64 bytes at most).
        result_hash: String,
        /// Where the result is (at most 256 bytes; no patient data on chain).
        result_uri: String,
    },
    /// The job's clinic: accepts a submitted result; the job pays out. No funds.
    AcceptResult {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
    },
    /// Anyone, after the review window: the result is accepted and the job pays out. No funds.
    Finalize {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
    },
    /// The job's clinic, within the review window: disputes the result. No funds.
    Dispute {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
        /// Why (at most 256 bytes).
        reason: String,
    },
    /// The arbiter: settles a disputed job; nodes in `at_fault` are slashed. No funds.
    Resolve {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
        /// Pay, refund or split.
        resolution: Resolution,
        /// Nodes of the job at fault.
        at_fault: Vec<u64>,
    },
    /// Anyone, after the deadline of a running job with no result: refunds the clinic exactly
    /// what it escrowed; the nodes, which accepted and missed the deadline, are slashed to the
    /// reserve. No funds.
    Expire {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
    },
    /// The owner (the DAO): changes prices, arbiter, bond rules or depin. No funds.
    UpdateConfig(Box<ConfigUpdate>),
    /// The owner (the DAO): changes the payees or the shares of the protocol part. No funds.
    UpdateFeeRouting(FeeRoutingUpdate),
    /// The circuit breaker: the guardian (before its sunset) or the DAO pauses new value coming
    /// in; every exit stays open. No funds.
    Circuit(crate::circuit::CircuitMsg),
}

/// Config fields the DAO may change; each optional.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New arbiter, who resolves disputes.
    pub arbiter: Option<String>,
    /// depin-rewards, told the units of every completed job.
    pub depin: Option<String>,
    /// New hardware classes with their unit prices.
    pub hardware_classes: Option<Vec<HardwareClass>>,
    /// How urgent the job is, which multiplies its price.
    pub urgency: Option<UrgencyMultipliers>,
    /// ubtt per GB of data.
    pub price_per_gb: Option<Uint128>,
    /// New prices of one ubtt in each accepted native denom.
    pub native_rates: Option<Vec<NativeRate>>,
    /// Smallest node bond, ubtt.
    pub min_bond: Option<Uint128>,
    /// Bond per capacity unit, ubtt.
    pub bond_per_capacity_unit: Option<Uint128>,
    /// Share of a node's part of the job's price slashed for a fault, capped by its bond.
    pub slash: Option<Bps>,
    /// Receives every slash: the operational reserve.
    pub reserve: Option<String>,
    /// The shortest run window by job size.
    pub run_window: Option<RunWindow>,
    /// How long an offer waits for every node to accept, seconds (1 minute to 30 days).
    pub offer_seconds: Option<u64>,
    /// Wait before a retired node can withdraw its bond, seconds.
    pub bond_unbonding_seconds: Option<u64>,
}

/// The hook of a cw20 `Send` of BTT to compute-escrow.
#[cw_serde]
pub enum ReceiveMsg {
    /// Registers a node with the tokens sent as its bond (at least the minimum).
    RegisterNode(NodeSpec),
    /// Adds the tokens sent to a node's bond (its operator only).
    TopUpBond {
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
    },
    /// Posts a job paid in BTT; the tokens sent must equal the quoted price.
    PostJob(JobSpec),
    /// Posts a challenge paid in BTT; the tokens sent must equal the quoted price of its job.
    PostChallenge(ChallengeSpec),
}

/// A challenge: a real escrowed job offered to one node, with a committed answer, judged on
/// chain when the node submits (the answer's SHA-256 must equal the commitment) or when its
/// deadline passes (failed). The node may decline it.
#[cw_serde]
pub struct ChallengeSpec {
    /// The node tested.
    pub node_id: u64,
    /// The work: its hardware class must be the node's.
    pub job: JobSpec,
    /// Capacity units it tests: more than 0, at most the node's declared capacity.
    pub capacity: Decimal,
    /// Lowercase hex SHA-256 of the answer (64 characters); the node submits the answer
    /// itself as its `result_hash`.
    pub commitment: String,
}

/// A challenge's commitment to `answer`: its lowercase hex SHA-256 (what
/// [`ChallengeSpec::commitment`] holds and compute-escrow checks a submitted answer against).
pub fn commitment_of(answer: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(answer.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What makes a job a challenge.
#[cw_serde]
pub struct Challenge {
    /// Capacity units it tests.
    pub capacity: Decimal,
    /// Lowercase hex SHA-256 of the answer.
    pub commitment: String,
    /// Posted by an oracle of depin-rewards: a pass confirms the capacity and a decline costs
    /// the node that epoch's capacity reward. A bounty (posted by anyone else) pays the node
    /// when passed and slashes it when failed, but never confirms capacity (its poster may
    /// know the answer) and may be declined at no cost.
    pub by_oracle: bool,
}

/// Where a node stands.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum NodeStatus {
    /// Takes jobs.
    Active,
    /// Takes no new jobs.
    Paused,
    /// Retired; the bond can be withdrawn from `withdrawable_at`.
    Retired {
        /// When the bond may be withdrawn.
        withdrawable_at: Timestamp,
    },
    /// Retired and its bond withdrawn.
    Withdrawn,
}

/// A registered node.
#[cw_serde]
pub struct Node {
    /// Id, from 1.
    pub id: u64,
    /// Who runs the node and receives its payouts.
    pub operator: Addr,
    /// What it is.
    pub spec: NodeSpec,
    /// ubtt bonded by the node.
    pub bond: Uint128,
    /// Where it is in its lifecycle.
    pub status: NodeStatus,
    /// Jobs assigned to it and not yet settled.
    pub open_jobs: u32,
    /// Disputes open against its jobs.
    pub open_disputes: u32,
    /// Total ubtt slashed from it.
    pub slashed: Uint128,
    /// Capacity units confirmed by its last passed oracle challenge (0 until then, and after a
    /// failed challenge).
    #[serde(default)]
    pub verified_capacity: Decimal,
    /// Capacity units that count for mining: the verified ones its bond covers.
    #[serde(default)]
    pub counted_capacity: Decimal,
}

/// Where a job stands.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum JobStatus {
    /// Escrowed, waiting for nodes.
    Posted,
    /// Accepted by every assigned node, running until the deadline.
    Assigned,
    /// Result submitted, in review.
    Submitted,
    /// Disputed, waiting for the arbiter.
    Disputed,
    /// Paid out to nodes and fee recipients.
    Paid,
    /// Escrow returned to the clinic.
    Refunded,
    /// Settled by the arbiter with a split.
    Split,
    /// Offered to nodes, waiting for every operator to accept.
    Offered,
}

impl JobStatus {
    /// A stable number for indexing.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// A submitted result.
#[cw_serde]
pub struct JobResult {
    /// Hash of the result.
    pub hash: String,
    /// Where the result is.
    pub uri: String,
    /// When it was submitted.
    pub submitted_at: Timestamp,
    /// The operator who submitted it.
    pub submitted_by: Addr,
}

/// A job.
#[cw_serde]
pub struct Job {
    /// Id, from 1.
    pub id: u64,
    /// The clinic that posted it.
    pub clinic: Addr,
    /// What it is.
    pub spec: JobSpec,
    /// What the escrow is held in.
    pub asset: Asset,
    /// The escrowed price.
    pub price: Uint128,
    /// The price in ubtt (equal to `price` for BTT jobs; before conversion for native ones):
    /// what a slash is measured against.
    pub price_ubtt: Uint128,
    /// Discount the clinic got from its staking tier.
    pub discount: Bps,
    /// Nodes and the units each supplies (offered, or running once all accepted).
    pub assignments: Vec<Assignment>,
    /// The nodes of the offer whose operators accepted.
    pub accepted: Vec<u64>,
    /// When the current offer was made; it lapses `offer_seconds` later unless every node has
    /// accepted. None before the first offer (and for jobs offered by code before offers
    /// lapsed, which count from `posted_at`).
    #[serde(default)]
    pub offered_at: Option<Timestamp>,
    /// The result is due before this; set when the last node accepts.
    pub deadline: Option<Timestamp>,
    /// The submitted result, if any.
    pub result: Option<JobResult>,
    /// Where it is in its lifecycle.
    pub status: JobStatus,
    /// When it was posted.
    pub posted_at: Timestamp,
    /// Set for a challenge.
    #[serde(default)]
    pub challenge: Option<Challenge>,
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Prices, split, arbiter, bond rules.
    #[returns(ConfigResponse)]
    Config {},
    /// The price of `spec` for `clinic` (its staking discount applied), in `denom` (BTT when
    /// omitted).
    #[returns(QuoteResponse)]
    Quote {
        /// What it is.
        spec: JobSpec,
        /// The clinic that posted it.
        clinic: Option<String>,
        /// A native denom; BTT when omitted.
        denom: Option<String>,
    },
    /// One node.
    #[returns(Node)]
    Node {
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
    },
    /// Nodes by id. Default 10, at most 30.
    #[returns(NodesResponse)]
    Nodes {
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Page size: default 10, at most 30.
        limit: Option<u32>,
    },
    /// One job.
    #[returns(Job)]
    Job {
        /// The job's id (the `job_id` attribute of `post_job`).
        job_id: u64,
    },
    /// A clinic's jobs by id. Default 10, at most 30.
    #[returns(JobsResponse)]
    JobsByClinic {
        /// The clinic that posted it.
        clinic: String,
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Page size: default 10, at most 30.
        limit: Option<u32>,
    },
    /// A node's jobs by id. Default 10, at most 30.
    #[returns(JobsResponse)]
    JobsByNode {
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Page size: default 10, at most 30.
        limit: Option<u32>,
    },
    /// Jobs with a status by id. Default 10, at most 30.
    #[returns(JobsResponse)]
    JobsByStatus {
        /// Where it is in its lifecycle.
        status: JobStatus,
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Page size: default 10, at most 30.
        limit: Option<u32>,
    },
    /// BTT held: bonds and open escrow.
    #[returns(TotalsResponse)]
    Totals {},
    /// What the protocol part of completed jobs paid each payee, by asset.
    #[returns(Vec<crate::fee_router::RoutedTotal>)]
    FeesRouted {},
    /// The circuit breaker: guardian, sunset and the pause in force.
    #[returns(crate::circuit::Circuit)]
    Circuit {},
}

#[cw_serde]
pub struct ConfigResponse {
    /// The BTT token.
    pub token: Addr,
    /// btt-staking, for the clinic discount.
    pub staking: Addr,
    /// depin-rewards, told the units of every completed job.
    pub depin: Option<Addr>,
    /// New arbiter, who resolves disputes.
    pub arbiter: Addr,
    /// New hardware classes with their unit prices.
    pub hardware_classes: Vec<HardwareClass>,
    /// How urgent the job is, which multiplies its price.
    pub urgency: UrgencyMultipliers,
    /// ubtt per GB of data.
    pub price_per_gb: Uint128,
    /// New prices of one ubtt in each accepted native denom.
    pub native_rates: Vec<NativeRate>,
    /// The nodes' share of a completed job's price.
    pub contributors: Bps,
    /// Where the protocol part goes.
    pub fee_routing: FeeRouting,
    /// Smallest node bond, ubtt.
    pub min_bond: Uint128,
    /// Bond per capacity unit, ubtt.
    pub bond_per_capacity_unit: Uint128,
    /// Share of a node's part of the job's price slashed for a fault, capped by its bond.
    pub slash: Bps,
    /// Receives every slash: the operational reserve.
    pub reserve: Addr,
    /// The shortest run window by job size.
    pub run_window: RunWindow,
    /// How long an offer waits for every node to accept, seconds.
    pub offer_seconds: u64,
    /// Wait before a retired node can withdraw its bond, seconds.
    pub bond_unbonding_seconds: u64,
}

#[cw_serde]
pub struct QuoteResponse {
    /// The asset the price is in.
    pub asset: Asset,
    /// Before the staking discount.
    pub list_price: Uint128,
    /// The clinic's staking discount.
    pub discount: Bps,
    /// What must be paid.
    pub price: Uint128,
}

#[cw_serde]
pub struct NodesResponse {
    /// One page of nodes.
    pub nodes: Vec<Node>,
}

#[cw_serde]
pub struct JobsResponse {
    /// One page of jobs.
    pub jobs: Vec<Job>,
}

#[cw_serde]
pub struct TotalsResponse {
    /// ubtt bonded by nodes.
    pub bonds: Uint128,
    /// ubtt escrowed by open BTT jobs.
    pub escrow_btt: Uint128,
    /// One page of nodes.
    pub nodes: u64,
    /// One page of jobs.
    pub jobs: u64,
}

/// Migrates a deployed compute-escrow to this code.
#[cw_serde]
#[derive(Default)]
pub struct MigrateMsg {
    /// The fee routing when migrating from code before the fee router; `None` keeps the old
    /// flow (the same recipients, no stakers' share) for the DAO to change later. Ignored when
    /// the state is already current.
    pub fee_routing: Option<crate::fee_router::FeeRoutingMsg>,
    /// The bond per capacity unit, required when migrating from code before capacity bonds;
    /// ignored when the config already has one.
    pub bond_per_capacity_unit: Option<Uint128>,
}

/// Typed handle on a deployed compute-escrow contract.
#[cw_serde]
pub struct ComputeEscrowContract(pub Addr);

impl ComputeEscrowContract {
    /// The contract's address.
    pub fn addr(&self) -> &Addr {
        &self.0
    }

    /// A message executing `msg` on the escrow.
    pub fn call(&self, msg: &ExecuteMsg) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(msg)?,
            funds: vec![],
        }
        .into())
    }

    /// The cw20 `Send` (by the operator, on `token`) registering a node with `bond`.
    pub fn register_node_msg(
        &self,
        token: &TokenContract,
        bond: Uint128,
        spec: NodeSpec,
    ) -> StdResult<CosmosMsg> {
        token.send_msg(&self.0, bond, &ReceiveMsg::RegisterNode(spec))
    }

    /// The cw20 `Send` (by the clinic, on `token`) posting a job paid `price` in BTT.
    pub fn post_job_msg(
        &self,
        token: &TokenContract,
        price: Uint128,
        spec: JobSpec,
    ) -> StdResult<CosmosMsg> {
        token.send_msg(&self.0, price, &ReceiveMsg::PostJob(spec))
    }

    /// The cw20 `Send` (by an oracle or a bounty poster, on `token`) posting a challenge paid
    /// `price` in BTT.
    pub fn post_challenge_msg(
        &self,
        token: &TokenContract,
        price: Uint128,
        spec: ChallengeSpec,
    ) -> StdResult<CosmosMsg> {
        token.send_msg(&self.0, price, &ReceiveMsg::PostChallenge(spec))
    }

    /// The price `clinic` pays for `spec` in BTT.
    pub fn quote(
        &self,
        querier: &QuerierWrapper,
        spec: &JobSpec,
        clinic: Option<&Addr>,
    ) -> StdResult<QuoteResponse> {
        querier.query_wasm_smart(
            &self.0,
            &QueryMsg::Quote {
                spec: spec.clone(),
                clinic: clinic.map(Addr::to_string),
                denom: None,
            },
        )
    }

    /// A job.
    pub fn job(&self, querier: &QuerierWrapper, job_id: u64) -> StdResult<Job> {
        querier.query_wasm_smart(&self.0, &QueryMsg::Job { job_id })
    }
}
