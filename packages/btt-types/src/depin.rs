//! `depin-rewards`: the Mining Reward Pool. 6,300,000 BTT emitted over 416 weekly epochs to
//! compute nodes by contribution score.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, Decimal, Decimal256, StdResult, Timestamp, Uint128, WasmMsg,
};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::bps::Bps;
use crate::compute::EnergyRating;
use crate::units::btt;

/// One epoch: 7 days.
pub const EPOCH_SECONDS: u64 = 7 * 86_400;
/// Epochs a year.
pub const EPOCHS_PER_YEAR: u32 = 52;
/// Years of emission.
pub const EMISSION_YEARS: u32 = 8;
/// Epochs of emission: 416.
pub const EMISSION_EPOCHS: u32 = EPOCHS_PER_YEAR * EMISSION_YEARS;
/// The pool: 6,300,000 BTT.
pub const MINING_POOL: Uint128 = btt(6_300_000);
/// Most oracles the DAO may appoint.
pub const MAX_ORACLES: usize = 10;

/// 5^8 − 4^8: the year weights 4^y × 5^(7−y), y = 0..7, add up to it.
const WEIGHT_SUM: u128 = 325_089;

/// Emission of year `y`, in ubtt, exactly as a fraction: `6.3e12 × 4^y × 5^(7−y) / 325,089`
/// (that is `6,300,000 BTT × 0.2 × 0.8^y / (1 − 0.8^8)`). Returns (numerator, denominator).
fn year_fraction(year: u32) -> (u128, u128) {
    let weight = 4u128.pow(year) * 5u128.pow(7 - year);
    (MINING_POOL.u128() * weight, WEIGHT_SUM)
}

/// ubtt emitted by each epoch of year `year` (0..8): the year's emission / 52, rounded down.
pub fn epoch_emission_of_year(year: u32) -> Uint128 {
    if year >= EMISSION_YEARS {
        return Uint128::zero();
    }
    let (num, den) = year_fraction(year);
    Uint128::new(num / (den * u128::from(EPOCHS_PER_YEAR)))
}

/// The rounding dust of the whole schedule, added to the last epoch (415).
pub fn emission_dust() -> Uint128 {
    let floored: u128 = (0..EMISSION_YEARS)
        .map(|y| epoch_emission_of_year(y).u128() * u128::from(EPOCHS_PER_YEAR))
        .sum();
    MINING_POOL - Uint128::new(floored)
}

/// ubtt scheduled for `epoch` (0 after epoch 415). Constant work.
pub fn epoch_emission(epoch: u32) -> Uint128 {
    if epoch >= EMISSION_EPOCHS {
        return Uint128::zero();
    }
    let base = epoch_emission_of_year(epoch / EPOCHS_PER_YEAR);
    if epoch == EMISSION_EPOCHS - 1 {
        base + emission_dust()
    } else {
        base
    }
}

/// ubtt scheduled for epochs `0..=epoch`. Constant work (at most 8 years summed).
pub fn cumulative_emission(epoch: u32) -> Uint128 {
    if epoch >= EMISSION_EPOCHS - 1 {
        return MINING_POOL;
    }
    let year = epoch / EPOCHS_PER_YEAR;
    let full_years: u128 = (0..year)
        .map(|y| epoch_emission_of_year(y).u128() * u128::from(EPOCHS_PER_YEAR))
        .sum();
    let in_year = u128::from(epoch % EPOCHS_PER_YEAR + 1) * epoch_emission_of_year(year).u128();
    Uint128::new(full_years + in_year)
}

/// A region with a geography multiplier other than 1.0 (e.g. underserved regions 1.5).
#[cw_serde]
pub struct RegionMultiplier {
    /// Region code.
    pub region: String,
    /// Multiplier.
    pub multiplier: Decimal,
}

/// The multipliers of the contribution score; governance parameters.
#[cw_serde]
pub struct ScoreMultipliers {
    /// By QoS tier 0..=4 (suggested 1.0 / 0.75 / 0.5 / 0.25 / 0).
    pub qos: Vec<Decimal>,
    /// Regions whose multiplier is not 1.0 (at most 32).
    pub regions: Vec<RegionMultiplier>,
    /// By energy rating A..=E (suggested 1.2 / 1.1 / 1.0 / 0.9 / 0.8).
    pub energy: Vec<Decimal>,
}

impl PayoutRules {
    /// DESIGN.md's suggestions: two oracles; a node's work reward at most 50% (`β`) of the
    /// protocol fees its clinic jobs paid, the work pool at most 40% (`ω`) of the budget; full
    /// emission from a network score of 100 (about 100 standard GPUs fully up); the carry
    /// released over 26 epochs; capacity rewards locked 2 epochs; a confirmation renewed within
    /// 8 epochs; no score below 50% uptime.
    pub fn suggested() -> Self {
        Self {
            min_attestations: 2,
            fee_cap: Bps(5_000),
            work_pool_cap: Bps(4_000),
            baseline_score: Decimal::from_ratio(100u128, 1u128),
            carry_release_epochs: 26,
            lock_epochs: 2,
            confirmation_epochs: 8,
            uptime_floor: Decimal::percent(50),
        }
    }
}

impl ScoreMultipliers {
    /// DESIGN.md's suggestions, with `underserved` regions at 1.5.
    pub fn suggested(underserved: &[&str]) -> Self {
        Self {
            qos: [100, 75, 50, 25, 0]
                .into_iter()
                .map(Decimal::percent)
                .collect(),
            regions: underserved
                .iter()
                .map(|r| RegionMultiplier {
                    region: r.to_string(),
                    multiplier: Decimal::percent(150),
                })
                .collect(),
            energy: [120, 110, 100, 90, 80]
                .into_iter()
                .map(Decimal::percent)
                .collect(),
        }
    }

    /// The multiplier of an energy rating.
    pub fn energy_of(&self, rating: EnergyRating) -> Decimal {
        self.energy
            .get(rating as usize)
            .copied()
            .unwrap_or_default()
    }

    /// The multiplier of a region (1.0 unless listed).
    pub fn region_of(&self, region: &str) -> Decimal {
        self.regions
            .iter()
            .find(|r| r.region == region)
            .map_or(Decimal::one(), |r| r.multiplier)
    }
}

#[cw_serde]
pub struct InstantiateMsg {
    /// The BTT cw20: the pool is funded and paid in it.
    pub token: String,
    /// compute-escrow, the only source of compute units (may be set later by the owner).
    pub escrow: Option<String>,
    /// Oracles that attest uptime, QoS, region and energy (at most 10).
    pub oracles: Vec<String>,
    /// Start of epoch 0.
    pub start: Timestamp,
    /// Multipliers of a node's score: QoS tier, region and energy rating.
    pub multipliers: ScoreMultipliers,
    /// How mining is paid out: oracle quorum, the fee cap and the release of carried emission.
    pub payout: PayoutRules,
    /// Who changes the config; the sender when omitted. Handed to the DAO.
    pub owner: Option<String>,
}

/// The rules that keep mining honest and pay the emission out; governance parameters.
#[cw_serde]
pub struct PayoutRules {
    /// A node scores in an epoch only with attestations from at least this many distinct,
    /// currently appointed oracles (1 to 10).
    pub min_attestations: u32,
    /// `β`: a node's work reward for an epoch is at most this share of the protocol fees (ubtt)
    /// its clinic jobs paid in that epoch (below 100%), so self-paid jobs lose at least
    /// `1 − β` of their fees. Challenge fees never count.
    pub fee_cap: Bps,
    /// `ω`: the work pool pays at most this share of the epoch's budget (at most 100%); what
    /// it leaves goes to the capacity pool in the same epoch.
    pub work_pool_cap: Bps,
    /// `S_min`: from this total network score on, an epoch pays exactly its budget; below
    /// it, the capacity pool pays `S / S_min` of itself and the rest waits in the carry (> 0).
    pub baseline_score: Decimal,
    /// Emission carried (unused or forfeited) is released linearly over this many epochs
    /// (1 to 104), never as a lump.
    pub carry_release_epochs: u32,
    /// Capacity rewards stay locked this many epochs after their epoch closes, as slashable
    /// collateral, before they can be claimed (0 to 8).
    pub lock_epochs: u32,
    /// A capacity confirmation lapses unless a new challenge renews it within this many
    /// epochs (1 to 52).
    pub confirmation_epochs: u32,
    /// Below this median uptime a node's capacity scores 0 (at most 1).
    pub uptime_floor: Decimal,
}

/// Why compute-escrow reports a node's capacity.
#[cw_serde]
#[derive(Copy)]
pub enum CapacityEvent {
    /// An oracle's challenge passed: once passes of `min_attestations` distinct oracles are in
    /// force, the capacity is confirmed (new capacity warms up over the next 4 epochs), and a
    /// suspension ends.
    Confirmed,
    /// The node declined (or let lapse) an oracle's challenge: it scores 0 this epoch and
    /// nothing until its next pass.
    Declined,
    /// The node accepted a challenge and failed it: its capacity is 0, it scores 0 this epoch
    /// and its locked capacity rewards return to the carry.
    Failed,
    /// The bond or the declared GPUs changed what counts (a decrease counts at once, an
    /// increase warms up).
    Changed,
}

/// What an oracle attests about a node for the current epoch.
#[cw_serde]
pub struct Attestation {
    /// Share of the epoch the node was up, 0 to 1.
    pub uptime: Decimal,
    /// QoS tier, 0 (best) to 4.
    pub qos_tier: u8,
    /// The region the node was observed in.
    pub region: String,
    /// The node's energy rating.
    pub energy: EnergyRating,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// The BTT token only: funds the pool ([`ReceiveMsg::Fund`]), never beyond the
    /// 6,300,000 BTT the schedule pays.
    Receive(Cw20ReceiveMsg),
    /// compute-escrow only: `units` completed by `node_id` (run by `operator`) in the current
    /// epoch, whose job paid `fees` ubtt of protocol fees for them. No funds.
    RecordUnits {
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
        /// Who runs the node and receives its payouts.
        operator: String,
        /// Units.
        units: u64,
        /// Protocol fees (the 30% beyond the nodes' payout) paid for these units, in ubtt.
        fees: Uint128,
    },
    /// compute-escrow only: the capacity units of `node_id` that count now (its verified
    /// capacity, at most what its bond covers) and why they changed. No funds.
    ReportCapacity {
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
        /// Who runs the node and receives its payouts.
        operator: String,
        /// Capacity units that count (GPUs × their class weight), 0 when none is verified.
        capacity: Decimal,
        /// Why: a challenge confirmed, declined or failed, or the bond or GPUs changed.
        event: CapacityEvent,
        /// The oracle whose challenge was passed (`Confirmed`) or declined (`Declined`).
        oracle: Option<String>,
    },
    /// An oracle of the current epoch's score rules that is still appointed: attests a node for
    /// `epoch`, which must be the current one; once per node per epoch per oracle. No funds.
    Attest {
        /// The epoch, from 0.
        epoch: u32,
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
        /// Attestation.
        attestation: Attestation,
    },
    /// Anyone: recomputes a node's recorded score in an epoch not yet closed, under the epoch's
    /// score rules (see the `ScoreRules` query): every node of an epoch is scored under the
    /// same rules, so refreshing some nodes and not others changes no share. No funds.
    RefreshScore {
        /// The epoch, not yet closed.
        epoch: u32,
        /// The node's id (the `node_id` attribute of `register_node`).
        node_id: u64,
    },
    /// Anyone: closes up to `limit` ended epochs in order (default 10, at most 30), fixing each
    /// one's reward; an epoch with no score rolls its reward into the next. No funds.
    CloseEpochs { limit: Option<u32> },
    /// The node's operator: pays what the node earned and is unlocked (its work rewards, and
    /// its capacity rewards `lock_epochs` after their epoch). Constant work; `limit` bounds the
    /// epochs closed by code before the two pools that one call pays (default 10, at most 30).
    /// No funds.
    Claim {
        /// The node's id.
        node_id: u64,
        /// Most epochs closed by the code before the two pools to pay in this call.
        limit: Option<u32>,
    },
    /// The owner (the DAO): changes oracles, multipliers, payout rules or the escrow. The
    /// score rules (oracles, multipliers, quorum) take effect from the next epoch (from epoch 0
    /// before the start); a removed oracle stops attesting at once. No funds.
    UpdateConfig(ConfigUpdate),
}

/// The config fields the owner (DAO) may change; each left out stays as it is.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New oracles (at most 10), who attest node quality each epoch: they score epochs from
    /// the next one; a removed oracle stops attesting at once.
    pub oracles: Option<Vec<String>>,
    /// New score multipliers (QoS tiers, energy ratings, regions), from the next epoch.
    pub multipliers: Option<ScoreMultipliers>,
    /// New compute-escrow, the one caller of `RecordUnits`.
    pub escrow: Option<String>,
    /// New payout rules: oracle quorum (from the next epoch), fee cap (for epochs closed from
    /// now on), carry release (at every close from now on).
    pub payout: Option<PayoutRules>,
}

/// The hook of a cw20 `Send` of BTT to depin-rewards.
#[cw_serde]
pub enum ReceiveMsg {
    /// Adds the tokens sent to the pool, up to the 6,300,000 BTT the schedule pays in all
    /// (beyond it, refused: nothing could ever pay it out).
    Fund {},
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// The schedule by epoch: emission of each and cumulative. Default 10, at most 30 a page.
    #[returns(ScheduleResponse)]
    Schedule {
        /// The last id of the previous page.
        start_after: Option<u32>,
        /// Page size: default 10, at most 30.
        limit: Option<u32>,
    },
    /// One epoch: schedule, reward rolled in, total score, whether closed.
    #[returns(EpochResponse)]
    Epoch { epoch: u32 },
    /// A node's contribution in an epoch.
    #[returns(NodeEpochResponse)]
    NodeEpoch { node_id: u64, epoch: u32 },
    /// What a node could claim now, and what is still locked.
    #[returns(PendingResponse)]
    Pending { node_id: u64 },
    /// A node's capacity, its open epoch's contribution and its rewards.
    #[returns(NodeResponse)]
    Node { node_id: u64 },
    /// Every node the pool knows, by id. Default 10, at most 30 a page.
    #[returns(NodesResponse)]
    Nodes {
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Page size: default 10, at most 30.
        limit: Option<u32>,
    },
    /// Funding, paid out, the current epoch and how far epochs are closed.
    #[returns(StateResponse)]
    State {},
    /// The score rules of `epoch` (oracles, multipliers, quorum) and the epoch they apply from.
    #[returns(ScoreRulesResponse)]
    ScoreRules {
        /// Any epoch, past, current or future (a future one shows the rules staged for it).
        epoch: u32,
    },
}

/// The rules every node of an epoch is scored under.
#[cw_serde]
pub struct ScoreRulesResponse {
    /// The first epoch these rules apply to.
    pub from_epoch: u32,
    /// The oracles whose attestations count.
    pub oracles: Vec<Addr>,
    /// QoS, region and energy multipliers.
    pub multipliers: ScoreMultipliers,
    /// Attestations of distinct oracles a node needs to score.
    pub min_attestations: u32,
    /// Below this median uptime a node scores 0.
    pub uptime_floor: Decimal,
    /// Epochs a capacity confirmation stays in force.
    pub confirmation_epochs: u32,
}

#[cw_serde]
pub struct ConfigResponse {
    /// The BTT token.
    pub token: Addr,
    /// compute-escrow, the one caller of `RecordUnits`.
    pub escrow: Option<Addr>,
    /// Oracles appointed by the DAO.
    pub oracles: Vec<Addr>,
    /// Start of epoch 0.
    pub start: Timestamp,
    /// Multipliers of a node's score: QoS tier, region and energy rating.
    pub multipliers: ScoreMultipliers,
    /// Oracle quorum, fee cap, carry release.
    pub payout: PayoutRules,
}

#[cw_serde]
pub struct ScheduleEntry {
    /// The epoch, from 0.
    pub epoch: u32,
    /// ubtt scheduled for the epoch.
    pub emission: Uint128,
    /// ubtt scheduled for epochs 0..=epoch.
    pub cumulative: Uint128,
}

#[cw_serde]
pub struct ScheduleResponse {
    /// One page of epochs.
    pub epochs: Vec<ScheduleEntry>,
}

#[cw_serde]
pub struct EpochResponse {
    /// The epoch, from 0.
    pub epoch: u32,
    /// Starts at.
    pub starts_at: Timestamp,
    /// Ends at.
    pub ends_at: Timestamp,
    /// The schedule's emission for the epoch, ubtt.
    pub emission: Uint128,
    /// ubtt the epoch pays out (its emission + the carry it released), once closed.
    pub reward: Option<Uint128>,
    /// ubtt of carried emission it released, once closed.
    pub released: Uint128,
    /// Σ node scores.
    pub total_score: Decimal256,
    /// Closed.
    pub closed: bool,
    /// Protocol fees (ubtt) the clinic jobs of the epoch paid: the base of the work pool.
    pub work_fees: Uint128,
    /// ubtt of reward per ubtt of work fees: `min(β, ω·M / F)`, once closed.
    pub work_rate: Decimal256,
    /// ubtt of capacity reward per unit of score, once closed.
    pub score_rate: Decimal256,
    /// The work pool paid, ubtt, once closed.
    pub work_paid: Uint128,
    /// The capacity pool paid, ubtt, once closed (what it did not pay went to the carry).
    pub capacity_paid: Uint128,
}

/// A node's capacity as it counts for mining.
#[cw_serde]
#[derive(Default)]
pub struct NodeCapacity {
    /// Capacity units that count once warm (verified, covered by the bond).
    pub target: Decimal,
    /// Capacity units that counted when `target` was set: the warm-up starts from them.
    pub base: Decimal,
    /// The epoch `target` was set in; it is reached 4 epochs later (25/50/75/100%).
    pub since: u32,
    /// The epoch from which a quorum of distinct oracles (`min_attestations`) has confirmed the
    /// capacity by passed challenges (the quorum's oldest pass in force), if any: it lapses
    /// `confirmation_epochs` later unless new passes renew it.
    pub confirmed: Option<u32>,
    /// An epoch the node scores 0 in (a declined or failed challenge).
    pub blocked: Option<u32>,
    /// The passes in force: each appointed oracle's last passed challenge, by epoch.
    #[serde(default)]
    pub passes: Vec<OraclePass>,
    /// It declined (or let lapse) an oracle's challenge: it scores nothing until its next pass.
    #[serde(default)]
    pub suspended: bool,
}

/// An oracle's passed challenge of a node.
#[cw_serde]
pub struct OraclePass {
    /// The oracle that posted it.
    pub oracle: Addr,
    /// The epoch it passed in.
    pub epoch: u32,
}

/// A node's contribution in its latest epoch, folded into its rewards once that epoch closes.
#[cw_serde]
#[derive(Default)]
pub struct NodeSlot {
    /// The epoch.
    pub epoch: u32,
    /// Compute units its clinic jobs completed.
    pub units: u64,
    /// Protocol fees its clinic jobs paid, ubtt: the base of its work reward.
    pub fees: Uint128,
    /// Its capacity score: capacity × uptime × QoS × geography × energy.
    pub score: Decimal256,
}

/// Capacity rewards locked until `unlocks_after` has closed.
#[cw_serde]
pub struct LockedReward {
    /// The epoch whose close unlocks them.
    pub unlocks_after: u32,
    /// ubtt.
    pub amount: Uint128,
}

#[cw_serde]
pub struct NodeResponse {
    /// The node's id.
    pub node_id: u64,
    /// Who runs it and receives its payouts.
    pub operator: Addr,
    /// Its capacity.
    pub capacity: NodeCapacity,
    /// The capacity units that count in the current epoch (after warm-up and lapse).
    pub effective_capacity: Decimal,
    /// Its latest epoch's contribution, not folded yet.
    pub slot: Option<NodeSlot>,
    /// ubtt it can claim now (after folding closed epochs).
    pub claimable: Uint128,
    /// Capacity rewards still locked.
    pub locked: Vec<LockedReward>,
    /// ubtt it has claimed in all.
    pub claimed: Uint128,
    /// ubtt of locked rewards it lost to failed challenges.
    pub forfeited: Uint128,
}

#[cw_serde]
pub struct NodesResponse {
    /// One page of nodes.
    pub nodes: Vec<NodeResponse>,
}

#[cw_serde]
pub struct NodeEpochResponse {
    /// Units.
    pub units: u64,
    /// Protocol fees its jobs paid in the epoch, ubtt: the cap of its reward.
    pub fees: Uint128,
    /// Score.
    pub score: Decimal256,
    /// Oracles that attested.
    pub attestations: u32,
}

#[cw_serde]
pub struct PendingResponse {
    /// ubtt claimable now (with up to 30 epochs closed by code before the two pools).
    pub amount: Uint128,
    /// ubtt of capacity rewards still locked.
    pub locked: Uint128,
    /// The first epoch not yet claimed.
    pub next_epoch: u32,
}

#[cw_serde]
pub struct StateResponse {
    /// ubtt received in total.
    pub funded: Uint128,
    /// ubtt paid to nodes.
    pub paid: Uint128,
    /// The epoch now.
    pub current_epoch: u32,
    /// Epochs 0..closed_through are closed.
    pub closed_through: u32,
    /// ubtt the schedule emitted for the closed epochs.
    pub scheduled: Uint128,
    /// ubtt carried: emission the network could not use, forfeited rewards and rounding,
    /// released linearly over `carry_release_epochs`.
    pub carry: Uint128,
    /// ubtt of carry the next close releases.
    pub release_rate: Uint128,
    /// ubtt the old per-node fee cap held back at claims (code before the two pools).
    pub held_back: Uint128,
    /// ubtt closed epochs paid to nodes and not claimed yet: locked, claimable, or in a node's
    /// last epoch not folded yet, with the rounding of the shares (which goes to the carry when
    /// the last node of an epoch folds it). After every close and claim,
    /// `scheduled = paid + owed + carry`, to the ubtt.
    pub owed: Uint128,
    /// ubtt the work pools paid in all.
    pub work_paid: Uint128,
    /// ubtt the capacity pools paid in all.
    pub capacity_paid: Uint128,
    /// ubtt of locked rewards forfeited by failed challenges (returned to the carry).
    pub forfeited: Uint128,
}

/// Migrates a deployed depin-rewards to this code.
#[cw_serde]
#[derive(Default)]
pub struct MigrateMsg {
    /// The payout rules of the two pools, required when migrating from code before them
    /// (whose rules had a fee cap and a per-epoch carry release only); ignored otherwise.
    pub payout: Option<PayoutRules>,
}

/// Typed handle on a deployed depin-rewards contract.
#[cw_serde]
pub struct DepinContract(pub Addr);

impl DepinContract {
    /// The message compute-escrow sends for a node's completed units.
    pub fn record_units_msg(
        &self,
        node_id: u64,
        operator: &Addr,
        units: u64,
        fees: Uint128,
    ) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(&ExecuteMsg::RecordUnits {
                node_id,
                operator: operator.to_string(),
                units,
                fees,
            })?,
            funds: vec![],
        }
        .into())
    }

    /// The message compute-escrow sends when a node's counted capacity changes.
    pub fn report_capacity_msg(
        &self,
        node_id: u64,
        operator: &Addr,
        capacity: Decimal,
        event: CapacityEvent,
        oracle: Option<&Addr>,
    ) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(&ExecuteMsg::ReportCapacity {
                node_id,
                operator: operator.to_string(),
                capacity,
                event,
                oracle: oracle.map(Addr::to_string),
            })?,
            funds: vec![],
        }
        .into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_emits_exactly_6_3_million_btt() {
        let total: Uint128 = (0..EMISSION_EPOCHS).map(epoch_emission).sum();
        assert_eq!(total, MINING_POOL);
        assert_eq!(cumulative_emission(EMISSION_EPOCHS - 1), MINING_POOL);
        assert_eq!(epoch_emission(EMISSION_EPOCHS), Uint128::zero());
    }

    #[test]
    fn year_0_emits_1_514_008_47_btt_in_52_floored_epochs() {
        assert_eq!(epoch_emission(0), Uint128::new(29_115_547_529));
        assert_eq!(cumulative_emission(51), Uint128::new(1_514_008_471_508));
    }

    #[test]
    fn each_year_is_four_fifths_of_the_last_and_epoch_415_takes_the_dust() {
        assert_eq!(emission_dust(), Uint128::new(148));
        assert_eq!(epoch_emission(415), epoch_emission(414) + Uint128::new(148));
        for y in 1..8 {
            let ratio =
                Decimal::from_ratio(epoch_emission_of_year(y), epoch_emission_of_year(y - 1));
            assert!(ratio > Decimal::permille(799) && ratio < Decimal::permille(801));
        }
    }

    #[test]
    fn cumulative_matches_the_running_sum() {
        let mut sum = Uint128::zero();
        for e in 0..EMISSION_EPOCHS {
            sum += epoch_emission(e);
            assert_eq!(cumulative_emission(e), sum, "epoch {e}");
        }
    }
}
