//! The genesis plan: what the deployer mints, vests and hands out, derived from the table.

use std::collections::BTreeMap;

use btt_types::allocation::{
    check_allocation_table, Allocation, AllocationError, Category, PoolHolder, Release,
    ALLOCATION_TABLE,
};
use btt_types::bps::Bps;
use btt_types::compute::{HardwareClass, NativeRate, RunWindow, UrgencyMultipliers};
use btt_types::dao::VotingRules;
use btt_types::depin::{PayoutRules, ScoreMultipliers};
use btt_types::fee_router::{
    FeePayeesMsg, FeeRoute, FeeRoutingMsg, FeeShares, FeeStream, StreamSet,
};
use btt_types::payfi::{FastSettlement, PayfiFees};
use btt_types::points::{PointCategory, PointsRules, ReferralMilestone, SubscriptionTier};
use btt_types::staking::{self, FeeTier, LockTier};
use btt_types::token;
use btt_types::units::{btt, BTT_DECIMALS, MONTH_SECONDS, TOTAL_SUPPLY};
use btt_types::vesting::{CurveSpec, NewSchedule, TrancheSpec};
use cosmwasm_std::{Decimal, Timestamp, Uint128};
use cw20::Cw20Coin;
use thiserror::Error;

/// Who receives what at genesis. Addresses are bech32 strings of the target chain.
#[derive(Debug, Clone)]
pub struct GenesisConfig {
    /// When vesting starts (month 0 of every schedule).
    pub start: Timestamp,
    /// The beneficiary of each vested row (the six institutions and the foundation).
    pub beneficiaries: BTreeMap<Category, String>,
    /// Staking and DAO parameters.
    pub governance: GovernanceParams,
    /// Compute marketplace and mining parameters.
    pub compute: ComputeParams,
    /// Patient incentive rules.
    pub points: PointsRules,
    /// Payment parameters.
    pub payments: PaymentParams,
    /// Asset tokenization parameters.
    pub rwa: RwaParams,
    /// The shares of every fee stream (each contract takes its own streams).
    pub fee_routes: Vec<FeeRoute>,
    /// Paid at genesis out of the Ecosystem Development Fund's row (its strategic release):
    /// what the network needs on its first day, e.g. the launch nodes' capacity bonds and the
    /// oracles' challenge budgets. The rest of the row goes to the DAO treasury.
    pub launch_grants: Vec<LaunchGrant>,
}

/// A genesis payment out of the Ecosystem Development Fund's row.
#[derive(Debug, Clone, PartialEq)]
pub struct LaunchGrant {
    /// Who receives it.
    pub recipient: String,
    /// ubtt.
    pub amount: Uint128,
    /// What it is for, e.g. "capacity bond of node-home-0".
    pub purpose: String,
}

/// The genesis shares of every fee stream, in basis points of the stream (of the job's price
/// for compute, whose 70% to the nodes is not routed):
/// - compute: development fund 15%, foundation 10%, reserve 5% of the price, exactly the
///   paper's split;
/// - mint, revaluation, trade, premium: development fund 35%, foundation 20%, reserve 5%,
///   stakers 20%, burn 20% (burned when a BTT fee's transaction reaches the high-value
///   threshold, the reserve's otherwise);
/// - management (paid in vault shares, which can be neither staked nor burned): development fund
///   50%, foundation 30%, reserve 20%;
/// - subscription, partner, redemption, payment tier, analytics, conversion: development fund
///   40%, foundation 25%, reserve 10%, stakers 25%.
pub fn suggested_fee_routes() -> Vec<FeeRoute> {
    let shares = |d: u16, f: u16, r: u16, s: u16, b: u16| FeeShares {
        development_fund: Bps(d),
        foundation: Bps(f),
        reserve: Bps(r),
        stakers: Bps(s),
        burn: Bps(b),
    };
    let rwa = shares(3_500, 2_000, 500, 2_000, 2_000);
    let service = shares(4_000, 2_500, 1_000, 2_500, 0);
    use FeeStream::*;
    [
        (Compute, shares(1_500, 1_000, 500, 0, 0)),
        (Mint, rwa),
        (Revaluation, rwa),
        (Trade, rwa),
        (Premium, rwa),
        (Management, shares(5_000, 3_000, 2_000, 0, 0)),
        (Subscription, service),
        (Partner, service),
        (Redemption, service),
        (Insurance, service),
        (PaymentTier, service),
        (Analytics, service),
        (Conversion, service),
    ]
    .into_iter()
    .map(|(stream, shares)| FeeRoute { stream, shares })
    .collect()
}

impl GenesisConfig {
    /// The routing of the streams in `set`, paying the development fund and the reserve to
    /// `dao`, the foundation's shares to the foundation's beneficiary address, and stakers
    /// through `staking`.
    pub fn fee_routing(
        &self,
        set: &StreamSet,
        dao: &str,
        staking: &str,
    ) -> anyhow::Result<FeeRoutingMsg> {
        let foundation = self
            .beneficiaries
            .get(&Category::TechnicalDevelopmentFoundation)
            .ok_or_else(|| anyhow::anyhow!("no foundation address"))?;
        Ok(FeeRoutingMsg {
            payees: FeePayeesMsg {
                development_fund: dao.into(),
                foundation: foundation.clone(),
                reserve: dao.into(),
                staking: staking.into(),
                treasury: true,
            },
            routes: self
                .fee_routes
                .iter()
                .filter(|r| set.streams.contains(&r.stream))
                .cloned()
                .collect(),
        })
    }
}

/// Parameters of rwa-nft and rwa-fractionalizer at genesis.
#[derive(Debug, Clone)]
pub struct RwaParams {
    /// Healthcare providers allowed to mint asset NFTs.
    pub issuers: Vec<String>,
    /// Appraisers allowed to revalue.
    pub appraisers: Vec<String>,
    /// Mint and revaluation fees.
    pub nft_fees: btt_types::rwa_nft::NftFees,
    /// Trade, management and premium fees of the vaults.
    pub vault_fees: btt_types::fractionalizer::VaultFees,
    /// Buyout rules.
    pub buyout: btt_types::fractionalizer::BuyoutParams,
    /// BTT fees of transactions worth at least this many ubtt burn their stream's burn share.
    pub burn_threshold: cosmwasm_std::Uint128,
    /// Native denoms accepted for appraisals, trades and income.
    pub native_denoms: Vec<String>,
}

impl RwaParams {
    /// DESIGN.md's suggestions: mint 1 / 2 / 3%, revaluation 0.25%; trades 1.0 / 0.8 / 0.6 / 0.5%
    /// by staking priority; management 1% a year (a fifth of it to the protocol); premium 100 BTT for 30 days; signals within
    /// 0.5–3× the initial reserve, 3-day auctions extended by 15 minutes, 5% increments; a BTT
    /// fee burns its stream's burn share when the transaction is worth at least 10,000 BTT
    /// (50,000 USDC, 360,000 RMB at 5 USDC a BTT: the imaging equipment and premises the paper
    /// names, a 1M RMB ultrasound to an 8M RMB MRI scanner, cross it; a clinic's everyday
    /// purchase does not).
    pub fn suggested(issuers: Vec<String>, appraisers: Vec<String>) -> Self {
        use btt_types::fractionalizer::{BuyoutParams, VaultFees};
        Self {
            issuers,
            appraisers,
            nft_fees: btt_types::rwa_nft::NftFees::suggested(),
            vault_fees: VaultFees {
                trade_by_priority: vec![Bps(100), Bps(80), Bps(60), Bps(50)],
                management: Bps(100),
                management_protocol: Bps(2_000),
                premium: btt(100),
                premium_seconds: 30 * 86_400,
            },
            buyout: BuyoutParams {
                min_factor: cosmwasm_std::Decimal::percent(50),
                max_factor: cosmwasm_std::Decimal::percent(300),
                duration: 3 * 86_400,
                extension: 900,
                min_increment: Bps(500),
                appraisal_floor: cosmwasm_std::Decimal::percent(80),
            },
            burn_threshold: btt(10_000),
            native_denoms: vec!["uusdc".into()],
        }
    }
}

/// Parameters of payfi at genesis.
#[derive(Debug, Clone)]
pub struct PaymentParams {
    /// Fees by staking tier, analytics and conversion.
    pub fees: PayfiFees,
    /// Settlement window, seconds.
    pub settlement_seconds: u64,
    /// The shorter window of providers of a high staking priority.
    pub fast_settlement: Option<FastSettlement>,
    /// Oldest usable rate, seconds.
    pub max_rate_age_seconds: u64,
    /// Accepted native denoms.
    pub native_denoms: Vec<String>,
    /// Post conversion rates.
    pub feeders: Vec<String>,
    /// Fresh feeder rates a conversion needs (their median is used): at least 2.
    pub min_feeders: u32,
    /// How far a median may move from the last accepted one without a quorum moving with it.
    pub max_rate_move: Bps,
}

impl PaymentParams {
    /// DESIGN.md's suggestions: 0.8 / 0.7 / 0.6 / 0.5% by staking priority, 0.25% analytics,
    /// 0.75% conversion; a 1-hour window, 15 minutes for providers staking at priority 2
    /// (10,000 BTT) or more; rates live 10 minutes; USDC accepted; the median of at least 2
    /// fresh feeder rates (of 3 or more appointed, so one stale feeder stops nothing), which
    /// moves at most 5% from the last accepted median unless 2 fresh rates moved beyond it.
    pub fn suggested(feeders: Vec<String>) -> Self {
        Self {
            fees: PayfiFees {
                by_priority: vec![Bps(80), Bps(70), Bps(60), Bps(50)],
                analytics: Bps(25),
                conversion: Bps(75),
            },
            settlement_seconds: 3_600,
            fast_settlement: Some(FastSettlement {
                min_priority: 2,
                seconds: 900,
            }),
            max_rate_age_seconds: 600,
            native_denoms: vec!["uusdc".into()],
            min_feeders: 2,
            max_rate_move: Bps(500),
            feeders,
        }
    }
}

/// A starting point for patient incentives: small / medium / large clinics at 450 / 1,200 /
/// 3,300 USDC ("uusdc") per 30 days and per seat, which at 7.2 RMB per USDC is 3,240 / 8,640 /
/// 23,760 RMB, inside the paper's 3,000–25,000 RMB a month; BTT pays at payfi's median rate
/// (the higher of its current and last). They award 50,000 / 160,000 / 400,000 points a window; at 0.001 BTT a point and 5 USDC per
/// BTT those budgets are worth 250 / 800 / 2,000 USDC, 56% / 67% / 61% of each price. The
/// contract lets a window's budget be worth at most `100% − R − 20%` of its payment (R, the
/// largest share of fees the referral milestones pay back, is 10% here: 150 of 1,500 BTT, and
/// 1,150 of 12,000 ≈ 9.6%; 20% is `RATE_MARGIN`, payfi's rate band), 70% here, and lowers a
/// budget whenever the rates in force would make it worth more; a clinic group pays per seat
/// and gets budget and conversion cap per seat. Preventive visits (cap 1,000 a month),
/// treatment adherence (800), healthy lifestyle (500); points live 12 months; 0.001 BTT a
/// point, at most 10,000 BTT converted a week, of which at most 25 BTT by one patient and
/// 250 BTT of one provider's points per seat, never more than 2,500 BTT (a quarter of the
/// week) for one provider however many seats it pays (a large clinic's whole monthly budget
/// is 400 BTT, about 93 a week, so honest clinics fit; exhausting the week takes at least
/// four providers, not one); partners pay 1,000 BTT and 100 ubtt a point redeemed;
/// referrers earn 150 BTT once the referred provider has paid 1,500 BTT of subscriptions in
/// BTT and 1,000 more at 12,000; insurers pay back 20% of the savings they realise on
/// patients' engagement.
pub fn suggested_points_rules() -> PointsRules {
    // USDC has 6 decimals.
    let tier = |name: &str, usdc: u128, budget: u64| SubscriptionTier {
        name: name.into(),
        price: cosmwasm_std::Coin {
            denom: "uusdc".into(),
            amount: Uint128::new(usdc * 1_000_000),
        },
        budget,
    };
    let category = |name: &str, cap: u64| PointCategory {
        name: name.into(),
        cap,
    };
    PointsRules {
        tiers: vec![
            tier("small clinic", 450, 50_000),
            tier("medium clinic", 1_200, 160_000),
            tier("large clinic", 3_300, 400_000),
        ],
        categories: vec![
            category("preventive visit", 1_000),
            category("treatment adherence", 800),
            category("healthy lifestyle", 500),
        ],
        period_seconds: 30 * DAY,
        expiry_periods: 12,
        conversion_rate: Decimal::from_ratio(1_000u128, 1u128),
        conversion_epoch_seconds: 7 * DAY,
        conversion_epoch_cap: btt(10_000),
        patient_epoch_cap: btt(25),
        provider_epoch_cap: btt(250),
        partner_fee: btt(1_000),
        redemption_fee_per_point: Uint128::new(100),
        milestones: vec![
            ReferralMilestone {
                fees_paid: btt(1_500),
                reward: btt(150),
            },
            ReferralMilestone {
                fees_paid: btt(12_000),
                reward: btt(1_000),
            },
        ],
        insurer_share: Bps(2_000),
    }
}

/// Parameters of compute-escrow and depin-rewards at genesis.
#[derive(Debug, Clone)]
pub struct ComputeParams {
    /// Hardware classes and their ubtt price per compute unit.
    pub hardware_classes: Vec<HardwareClass>,
    /// Price multipliers by urgency.
    pub urgency: UrgencyMultipliers,
    /// ubtt per GB of data.
    pub price_per_gb: Uint128,
    /// Native denoms a job may be paid in, at a DAO-set ubtt per unit.
    pub native_rates: Vec<NativeRate>,
    /// The nodes' share of a completed job's price (the paper's 70%).
    pub contributors: Bps,
    /// Smallest node bond, ubtt.
    pub min_bond: Uint128,
    /// Bond per capacity unit, ubtt: capacity counts for mining up to what the bond covers.
    pub bond_per_capacity_unit: Uint128,
    /// Share of a node's part of the job's price slashed from its bond (capped by the bond)
    /// for a fault or a missed deadline; every slash goes to the reserve.
    pub slash: Bps,
    /// Wait before a retired node's bond can be withdrawn, seconds.
    pub bond_unbonding_seconds: u64,
    /// How long an offer waits for every node to accept before it lapses, seconds.
    pub offer_seconds: u64,
    /// Resolves disputes (appointed by the DAO).
    pub arbiter: String,
    /// Attest uptime, QoS, region and energy of nodes.
    pub oracles: Vec<String>,
    /// Score multipliers.
    pub multipliers: ScoreMultipliers,
    /// The shortest run window a job may ask for, by size.
    pub run_window: RunWindow,
    /// The two mining pools: oracle quorum, `β`, `ω`, `S_min`, the carry's linear release, the
    /// lock of capacity rewards, the confirmation window, the uptime floor.
    pub payout: PayoutRules,
}

impl ComputeParams {
    /// The genesis plan's compute market, anchored to GPU cloud prices (the sources are in the
    /// economy's assumptions file, `btt_economy::living::assumptions`):
    /// - a compute unit is **one GPU-hour** of its class;
    /// - standard GPUs (RTX 4090 / L4 class, ~0.80 USD an hour on a cloud) cost 0.048 BTT a
    ///   unit and count 1.0 capacity unit; high-end GPUs (A100 class, ~4.10 USD an hour) cost
    ///   0.246 BTT and count 2.5: at 5 USDC per BTT both are 30% of the cloud price, the
    ///   middle of the paper's "60-80% cheaper";
    /// - urgency 1.0 / 1.5 / 2.0; 0.005 BTT a GB of data; USDC accepted at 0.2 ubtt per uusdc
    ///   (5 USDC per BTT);
    /// - a bond of 10 BTT per capacity unit (50 USDC, about 3% of a standard GPU's price and
    ///   some 40 epochs of a unit's capacity reward at the paper's 2026 network) and at least
    ///   100 BTT a node; a slash of 50% of the node's part of the price (DESIGN §3), 14-day
    ///   unbonding, offers that lapse after a day;
    /// - DESIGN.md's score multipliers with two underserved regions at 1.5; jobs get at least
    ///   1 hour plus 1 hour per 1,000 GPU-hours to run; mining by DESIGN's two pools
    ///   ([`PayoutRules::suggested`]).
    pub fn suggested(arbiter: String, oracles: Vec<String>) -> Self {
        Self {
            hardware_classes: vec![
                HardwareClass {
                    name: "gpu-standard".into(),
                    unit_price: Uint128::new(48_000),
                    capacity_weight: Decimal::one(),
                },
                HardwareClass {
                    name: "gpu-high".into(),
                    unit_price: Uint128::new(246_000),
                    capacity_weight: Decimal::percent(250),
                },
            ],
            urgency: UrgencyMultipliers {
                standard: Decimal::one(),
                priority: Decimal::percent(150),
                urgent: Decimal::percent(200),
            },
            price_per_gb: Uint128::new(5_000),
            native_rates: vec![NativeRate {
                denom: "uusdc".into(),
                ubtt_per_unit: Decimal::from_ratio(1u128, 5u128),
            }],
            contributors: Bps(7_000),
            min_bond: btt(100),
            bond_per_capacity_unit: btt(10),
            slash: Bps(5_000),
            bond_unbonding_seconds: 14 * DAY,
            offer_seconds: DAY,
            arbiter,
            oracles,
            multipliers: ScoreMultipliers::suggested(&["cn-west", "africa-east"]),
            run_window: RunWindow {
                base_seconds: 3_600,
                seconds_per_1000_units: 3_600,
            },
            payout: PayoutRules::suggested(),
        }
    }
}

/// Who holds each pool: contracts deployed with the suite, or configured addresses.
#[derive(Debug, Clone)]
pub struct PoolHolders {
    /// depin-rewards.
    pub mining: String,
    /// The community incentives holder.
    pub community: String,
    /// btt-dao.
    pub dao: String,
}

/// Parameters of btt-staking and btt-dao at genesis.
#[derive(Debug, Clone)]
pub struct GovernanceParams {
    /// Lock tiers of new stakes.
    pub lock_tiers: Vec<LockTier>,
    /// Unbonding period, seconds; must exceed the voting period.
    pub unbonding_seconds: u64,
    /// Fee-discount tiers.
    pub fee_tiers: Vec<FeeTier>,
    /// Age of the stake a fee tier counts (the lower of now and then), seconds.
    pub tier_age_seconds: u64,
    /// Native denoms stakers are paid rewards in besides BTT.
    pub reward_denoms: Vec<String>,
    /// Each reward deposit streams over this many seconds.
    pub reward_period_seconds: u64,
    /// The total voting power a reward stream pays out in full; below it the rest waits.
    pub min_reward_power: Uint128,
    /// Voting period, seconds.
    pub voting_period_seconds: u64,
    /// Timelock after a passed vote, seconds.
    pub timelock_seconds: u64,
    /// Proposal deposit, ubtt.
    pub deposit: Uint128,
    /// Quorum, threshold, veto.
    pub rules: VotingRules,
    /// The foundation guardian.
    pub guardian: String,
    /// When the guardian's veto ends.
    pub guardian_sunset: Timestamp,
}

const DAY: u64 = 86_400;

impl GovernanceParams {
    /// DESIGN.md's suggestions: lock tiers none 1.0×, 3 months 1.1×, 6 months 1.25×,
    /// 12 months 1.5×, 24 months 2.0×, 48 months 2.5×; unbonding 21 days over a 7-day vote and
    /// a 2-day timelock; deposit 1,000 BTT; x/gov quorum 33.4%, threshold 50%, veto 33.4%;
    /// fee tiers 1,000 / 10,000 / 100,000 BTT for 10% / 25% / 50% off, counting stake held for 7
    /// days; rewards in BTT and USDC streamed over 7 days, in full from 100,000 BTT of total
    /// power; the guardian's veto ends
    /// two years after `start`.
    pub fn suggested(guardian: String, start: Timestamp) -> Self {
        Self {
            lock_tiers: LockTier::suggested(),
            unbonding_seconds: 21 * DAY,
            fee_tiers: FeeTier::suggested(),
            tier_age_seconds: 7 * DAY,
            reward_denoms: vec!["uusdc".into()],
            reward_period_seconds: 7 * DAY,
            // 100,000 BTT of power (the top fee tier's stake): rewards that wait while few
            // stake are released only in proportion to it, so a first staker after an empty
            // period earns what its stake earns among 100,000 BTT, never the waiting pile.
            min_reward_power: staking::SUGGESTED_MIN_REWARD_POWER,
            voting_period_seconds: 7 * DAY,
            timelock_seconds: 2 * DAY,
            deposit: btt(1_000),
            rules: VotingRules::default(),
            guardian,
            guardian_sunset: start.plus_seconds(24 * MONTH_SECONDS),
        }
    }
}

impl PoolHolders {
    /// The address that receives a pool row.
    pub fn of(&self, holder: PoolHolder) -> &str {
        match holder {
            PoolHolder::MiningRewards => &self.mining,
            PoolHolder::CommunityIncentives => &self.community,
            PoolHolder::DaoTreasury | PoolHolder::LaunchGrant => &self.dao,
        }
    }
}

/// The token's instantiate: the whole supply to `deployer`; `marketing` may update the
/// project, description and logo (the DAO treasury in production).
pub fn token_instantiate_msg(deployer: &str, marketing: Option<String>) -> token::InstantiateMsg {
    token::InstantiateMsg {
        name: "BTT Healthcare Token".into(),
        symbol: "BTT".into(),
        initial_balances: vec![Cw20Coin {
            address: deployer.to_string(),
            amount: TOTAL_SUPPLY,
        }],
        marketing: Some(token::InstantiateMarketingInfo {
            project: Some("BTT healthcare economy".into()),
            description: Some(format!(
                "Fixed supply of 21,000,000 BTT ({BTT_DECIMALS} decimals)"
            )),
            marketing,
            logo: None,
        }),
    }
}

/// A vesting schedule of the plan, labelled with its row.
#[derive(Debug, Clone)]
pub struct PlannedSchedule {
    pub category: Category,
    pub schedule: NewSchedule,
}

/// A pool transfer of the plan.
#[derive(Debug, Clone)]
pub struct PoolTransfer {
    pub category: Category,
    pub holder: PoolHolder,
    pub recipient: String,
    pub amount: Uint128,
}

/// Everything the deployer does at genesis, in order: mint the supply to itself, fund the
/// vesting schedules in one `Send`, transfer each pool. It ends holding nothing.
#[derive(Debug, Clone)]
pub struct GenesisPlan {
    pub schedules: Vec<PlannedSchedule>,
    pub pools: Vec<PoolTransfer>,
}

impl GenesisPlan {
    /// Σ of the vesting schedules: the one `Send` to btt-vesting.
    pub fn vesting_total(&self) -> Uint128 {
        self.schedules.iter().map(|s| s.schedule.amount).sum()
    }

    /// The schedules as the vesting hook takes them.
    pub fn new_schedules(&self) -> Vec<NewSchedule> {
        self.schedules.iter().map(|s| s.schedule.clone()).collect()
    }

    /// Σ of everything the plan hands out.
    pub fn total(&self) -> Uint128 {
        self.vesting_total() + self.pools.iter().map(|p| p.amount).sum::<Uint128>()
    }
}

#[derive(Error, Debug, PartialEq)]
pub enum GenesisError {
    #[error(transparent)]
    Allocation(#[from] AllocationError),
    #[error("no beneficiary configured for {0:?}")]
    MissingBeneficiary(Category),
    #[error("a launch grant to {0} of 0 ubtt")]
    EmptyGrant(String),
    #[error("launch grants of {grants} ubtt exceed the Ecosystem Development Fund's {fund} ubtt")]
    GrantsExceedFund { grants: Uint128, fund: Uint128 },
    #[error("the plan hands out {planned} ubtt, not the supply of {supply} ubtt")]
    PlanIsNotSupply { planned: Uint128, supply: Uint128 },
}

/// Builds the plan of `table` (the allocation table, in production) for `config`, with the
/// pools going to `holders`.
pub fn plan_for(
    table: &[Allocation],
    config: &GenesisConfig,
    holders: &PoolHolders,
) -> Result<GenesisPlan, GenesisError> {
    check_allocation_table(table)?;
    let mut plan = GenesisPlan {
        schedules: vec![],
        pools: vec![],
    };
    for row in table {
        let curve = match row.release {
            Release::Pool(holder) => {
                plan.pools.push(PoolTransfer {
                    category: row.category,
                    holder,
                    recipient: holders.of(holder).to_string(),
                    amount: row.amount(),
                });
                continue;
            }
            Release::DelayedLinear {
                delay_months,
                linear_months,
            } => CurveSpec::DelayedLinear {
                start: config.start,
                delay_seconds: delay_months * MONTH_SECONDS,
                linear_seconds: linear_months * MONTH_SECONDS,
            },
            Release::Milestones {
                tranches,
                every_months,
            } => milestones(row.amount(), tranches, every_months, config.start),
        };
        let beneficiary = config
            .beneficiaries
            .get(&row.category)
            .ok_or(GenesisError::MissingBeneficiary(row.category))?;
        plan.schedules.push(PlannedSchedule {
            category: row.category,
            schedule: NewSchedule {
                beneficiary: beneficiary.clone(),
                category: row.name.to_string(),
                amount: row.amount(),
                curve,
            },
        });
    }
    grant_launch(&mut plan, &config.launch_grants)?;
    let planned = plan.total();
    if planned != TOTAL_SUPPLY {
        return Err(GenesisError::PlanIsNotSupply {
            planned,
            supply: TOTAL_SUPPLY,
        });
    }
    Ok(plan)
}

/// Pays the launch grants out of the Ecosystem Development Fund's transfer to the treasury.
fn grant_launch(plan: &mut GenesisPlan, grants: &[LaunchGrant]) -> Result<(), GenesisError> {
    if grants.is_empty() {
        return Ok(());
    }
    if let Some(g) = grants.iter().find(|g| g.amount.is_zero()) {
        return Err(GenesisError::EmptyGrant(g.recipient.clone()));
    }
    let total = grants
        .iter()
        .try_fold(Uint128::zero(), |sum, g| sum.checked_add(g.amount))
        .map_err(|_| GenesisError::GrantsExceedFund {
            grants: Uint128::MAX,
            fund: Uint128::zero(),
        })?;
    let fund = plan
        .pools
        .iter_mut()
        .find(|p| p.category == Category::EcosystemDevelopmentFund)
        .ok_or(GenesisError::GrantsExceedFund {
            grants: total,
            fund: Uint128::zero(),
        })?;
    fund.amount = fund
        .amount
        .checked_sub(total)
        .map_err(|_| GenesisError::GrantsExceedFund {
            grants: total,
            fund: fund.amount,
        })?;
    plan.pools.extend(grants.iter().map(|g| PoolTransfer {
        category: Category::EcosystemDevelopmentFund,
        holder: PoolHolder::LaunchGrant,
        recipient: g.recipient.clone(),
        amount: g.amount,
    }));
    Ok(())
}

/// The plan of the production allocation table.
pub fn plan(config: &GenesisConfig, holders: &PoolHolders) -> Result<GenesisPlan, GenesisError> {
    plan_for(&ALLOCATION_TABLE, config, holders)
}

/// `tranches` equal tranches of `amount`, the i-th (from 1) due `i × every_months` after `start`.
/// `check_allocation_table` proved the amount splits evenly.
fn milestones(amount: Uint128, tranches: u32, every_months: u64, start: Timestamp) -> CurveSpec {
    let each = Uint128::new(amount.u128() / u128::from(tranches));
    CurveSpec::Milestones {
        tranches: (1..=u64::from(tranches))
            .map(|i| TrancheSpec {
                amount: each,
                not_before: start.plus_seconds(i * every_months * MONTH_SECONDS),
            })
            .collect(),
    }
}
