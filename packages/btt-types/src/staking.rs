//! `btt-staking`: BTT staked with lock tiers, voting power snapshots, fee-discount tiers and
//! fee rewards shared pro rata to voting power.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, Decimal, Decimal256, QuerierWrapper, StdResult, Timestamp,
    Uint128, WasmMsg,
};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::bps::Bps;
use crate::token::TokenContract;
use crate::units::{btt, MONTH_SECONDS};

/// Most lock tiers the config may hold.
pub const MAX_LOCK_TIERS: usize = 10;
/// Most fee tiers the config may hold.
pub const MAX_FEE_TIERS: usize = 10;
/// Largest lock multiplier accepted.
pub const MAX_MULTIPLIER: Decimal = Decimal::raw(10_000_000_000_000_000_000);

/// A lock tier: stake locked for `lock_seconds` votes with `multiplier`.
#[cw_serde]
pub struct LockTier {
    /// Label, e.g. "12 months" (1 to 32 bytes, unique).
    pub name: String,
    /// How long a stake of this tier is locked before it may unbond (0 = no lock).
    pub lock_seconds: u64,
    /// Voting power per staked ubtt, ≥ 1 and ≤ 10.
    pub multiplier: Decimal,
}

impl LockTier {
    /// DESIGN.md's suggestion: none 1.0×, 3 months 1.1×, 6 months 1.25×, 12 months 1.5×,
    /// 24 months 2.0×, 48 months 2.5× (indices 0 to 5).
    pub fn suggested() -> Vec<LockTier> {
        [
            ("none", 0, 1_000),
            ("3 months", 3, 1_100),
            ("6 months", 6, 1_250),
            ("12 months", 12, 1_500),
            ("24 months", 24, 2_000),
            ("48 months", 48, 2_500),
        ]
        .into_iter()
        .map(|(name, months, permille)| LockTier {
            name: name.into(),
            lock_seconds: months * MONTH_SECONDS,
            multiplier: Decimal::permille(permille),
        })
        .collect()
    }
}

/// A fee-discount and priority tier, reached by staking at least `min_stake`.
#[cw_serde]
pub struct FeeTier {
    /// Staked ubtt needed (raw stake, not power); tiers are in strictly increasing order.
    pub min_stake: Uint128,
    /// Discount on protocol fees, in bps (at most 10,000).
    pub discount: Bps,
    /// Priority level for services that queue (higher first).
    pub priority: u8,
}

impl FeeTier {
    /// Our starting point: 1,000 BTT staked for 10% off and priority 1; 10,000 BTT for 25% and
    /// priority 2; 100,000 BTT for 50% and priority 3.
    pub fn suggested() -> Vec<FeeTier> {
        [(1_000, 1_000, 1), (10_000, 2_500, 2), (100_000, 5_000, 3)]
            .into_iter()
            .map(|(min, bps, priority)| FeeTier {
                min_stake: btt(min),
                discount: Bps(bps),
                priority,
            })
            .collect()
    }
}

/// Most native denoms stakers may be paid rewards in, besides BTT.
pub const MAX_REWARD_DENOMS: usize = 5;
/// The shortest and longest period a reward deposit streams over: 1 to 90 days.
pub const REWARD_PERIOD_BOUNDS: (u64, u64) = (86_400, 90 * 86_400);
/// The key of BTT rewards (the cw20) among reward denoms.
pub const BTT_REWARDS: &str = crate::asset::BTT_DENOM;
/// The suggested `min_reward_power`: 100,000 BTT of voting power. Below it, a stream releases
/// only `total power / 100,000 BTT` of what it streams and the rest waits, so a first staker
/// after an empty period earns what its stake earns among 100,000 BTT of power, never the
/// waiting pile (the fee tiers' top tier is 100,000 BTT too).
pub const SUGGESTED_MIN_REWARD_POWER: Uint128 = btt(100_000);
/// The largest `min_reward_power` accepted: the whole supply, 21,000,000 BTT.
pub const MAX_MIN_REWARD_POWER: Uint128 = crate::units::TOTAL_SUPPLY;

/// Instantiates btt-staking. No funds.
#[cw_serde]
pub struct InstantiateMsg {
    /// The BTT cw20; the only token staked, and always a reward denom ("btt").
    pub token: String,
    /// Lock tiers for new stakes, 1 to 10, strictly increasing `lock_seconds`.
    pub lock_tiers: Vec<LockTier>,
    /// How long unbonded stake waits before it can be claimed, > 0. Must exceed the DAO's
    /// voting period (checked here once `dao` is known, and by the DAO at its instantiate).
    pub unbonding_seconds: u64,
    /// Fee-discount tiers, 0 to 10, strictly increasing `min_stake`.
    pub fee_tiers: Vec<FeeTier>,
    /// A fee tier counts the lower of the stake now and the stake this many seconds ago, so a
    /// stake held for a moment earns no discount (1 second to 365 days; suggested 7 days).
    pub tier_age_seconds: u64,
    /// Native denoms stakers are paid rewards in besides BTT (at most 5; the list may grow,
    /// never shrink, so every reward stays claimable).
    pub reward_denoms: Vec<String>,
    /// Each deposit streams over this many seconds (1 to 90 days; suggested 7 days), so a stake
    /// made just before a deposit earns only its share of the time it is staked.
    pub reward_period_seconds: u64,
    /// The total voting power a stream pays out in full (1 ubtt to 21,000,000 BTT; suggested
    /// 100,000 BTT, [`SUGGESTED_MIN_REWARD_POWER`]). While the total is below it, each second
    /// releases only `total / min_reward_power` of what streams and the rest waits, streaming
    /// again when the total reaches the minimum or at the next deposit: rewards that arrive
    /// while few or none stake are no prize for whoever stakes first.
    pub min_reward_power: Uint128,
    /// Who updates the config; the sender when omitted. Handed to the DAO after deployment.
    pub owner: Option<String>,
    /// The DAO whose voting period the unbonding period must exceed, if it exists yet.
    pub dao: Option<String>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// The BTT token only: a [`ReceiveMsg`] hook (stake, or add rewards).
    Receive(Cw20ReceiveMsg),
    /// A staker: starts unbonding `amount` (all when omitted) of a stake whose lock has ended.
    /// Voting power falls at once; the tokens can be claimed after the unbonding period.
    Unbond {
        /// The stake, by id (see the `Stakes` query).
        stake_id: u64,
        /// ubtt to unbond, > 0 and at most the stake; the whole stake when omitted.
        amount: Option<Uint128>,
    },
    /// A staker: pays out matured unbondings, looking at most `limit` of them (default 10,
    /// at most 30), oldest first.
    ClaimUnbonded {
        /// How many unbondings to look at.
        limit: Option<u32>,
    },
    /// A staker: pays out the fee rewards earned so far, in every reward denom at once.
    ClaimRewards {},
    /// Anyone (the fee router of every fee-taking contract among them): adds the one native
    /// coin attached (of a reward denom) to stakers' rewards, streamed over the reward period.
    /// While staking is paused it is still accepted, so that no fee payer's transaction fails,
    /// but it starts no stream: it waits, untouched, and streams over a full period from the
    /// unpause.
    DistributeRewards {},
    /// The owner (the DAO): changes the config. Lock tiers apply to new stakes only.
    UpdateConfig(ConfigUpdate),
    /// The circuit breaker: the guardian (before its sunset) or the DAO pauses new stakes;
    /// every exit stays open, and reward deposits made while paused wait, to stream over a full
    /// period from the unpause. No funds.
    Circuit(crate::circuit::CircuitMsg),
}

/// The config fields the owner (DAO) may change; each left out stays as it is.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New lock tiers.
    pub lock_tiers: Option<Vec<LockTier>>,
    /// New unbonding period; must exceed the DAO's voting period.
    pub unbonding_seconds: Option<u64>,
    /// New fee tiers.
    pub fee_tiers: Option<Vec<FeeTier>>,
    /// New age of the stake a fee tier counts.
    pub tier_age_seconds: Option<u64>,
    /// New native reward denoms: the old list, possibly with more (at most 5).
    pub reward_denoms: Option<Vec<String>>,
    /// New reward period, for deposits from now on.
    pub reward_period_seconds: Option<u64>,
    /// New minimum of total power a stream pays out in full (1 ubtt to 21,000,000 BTT); the
    /// streams run up to now under the old one first.
    pub min_reward_power: Option<Uint128>,
    /// The DAO whose voting period bounds the unbonding period.
    pub dao: Option<String>,
}

/// The hook of a cw20 `Send` of BTT to btt-staking.
#[cw_serde]
pub enum ReceiveMsg {
    /// Stakes the tokens sent for the sender, locked by the tier at index `tier`.
    Stake {
        /// Index into the config's lock tiers.
        tier: u32,
    },
    /// Anyone (the fee router among them): adds the tokens sent to the fee rewards of stakers
    /// (pro rata to voting power), streamed over the reward period; what streams while the
    /// total power is below `min_reward_power` waits in part and streams again. While staking
    /// is paused the tokens are accepted but wait, untouched, until the unpause.
    DistributeRewards {},
}

/// One stake.
#[cw_serde]
pub struct Stake {
    /// Id, per staker, from 1.
    pub id: u64,
    /// ubtt staked in this stake.
    pub amount: Uint128,
    /// Name of the lock tier at the time of staking.
    pub tier: String,
    /// Voting power per ubtt, fixed at staking.
    pub multiplier: Decimal,
    /// When the stake may start unbonding.
    pub unlocks_at: Timestamp,
}

/// Stake on its way out.
#[cw_serde]
pub struct Unbonding {
    /// Id, per staker, from 1.
    pub id: u64,
    /// The amount, ubtt.
    pub amount: Uint128,
    /// When it can be claimed.
    pub claimable_at: Timestamp,
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Token, tiers, unbonding period, DAO.
    #[returns(ConfigResponse)]
    Config {},
    /// A staker's totals: staked, voting power now, unbonding, claimable rewards.
    #[returns(StakerResponse)]
    Staker {
        /// The staker's address.
        address: String,
    },
    /// A staker's stakes by id. Default 10, at most 30 a page.
    #[returns(StakesResponse)]
    Stakes {
        /// The staker's address.
        address: String,
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Most entries to return (clamped to the contract's page size).
        limit: Option<u32>,
    },
    /// A staker's unbondings by id. Default 10, at most 30 a page.
    #[returns(UnbondingsResponse)]
    Unbondings {
        /// The staker's address.
        address: String,
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Most entries to return (clamped to the contract's page size).
        limit: Option<u32>,
    },
    /// Voting power of `address` at the start of block `height` (now when omitted).
    #[returns(PowerResponse)]
    VotingPower {
        /// The voter's address.
        address: String,
        /// A past or current height.
        height: Option<u64>,
    },
    /// Total voting power at the start of block `height` (now when omitted).
    #[returns(PowerResponse)]
    TotalPower {
        /// A past or current height.
        height: Option<u64>,
    },
    /// The fee-discount and priority tier of `address`, for other contracts to price fees.
    #[returns(TierResponse)]
    Tier {
        /// The payer's address.
        address: String,
    },
    /// Totals: staked, power, and each reward denom's stream.
    #[returns(TotalsResponse)]
    Totals {},
    /// The circuit breaker: guardian, sunset and the pause in force.
    #[returns(crate::circuit::Circuit)]
    Circuit {},
}

#[cw_serde]
pub struct ConfigResponse {
    /// The BTT token.
    pub token: Addr,
    /// Lock tiers for new stakes.
    pub lock_tiers: Vec<LockTier>,
    /// Unbonding period in seconds.
    pub unbonding_seconds: u64,
    /// Fee-discount tiers.
    pub fee_tiers: Vec<FeeTier>,
    /// A fee tier counts the lower of the stake now and the stake this long ago.
    pub tier_age_seconds: u64,
    /// Native reward denoms besides BTT.
    pub reward_denoms: Vec<String>,
    /// The period each deposit streams over.
    pub reward_period_seconds: u64,
    /// The total power a stream pays out in full; below it, the rest waits.
    pub min_reward_power: Uint128,
    /// The DAO whose voting period bounds the unbonding period.
    pub dao: Option<Addr>,
}

/// An amount of one reward denom ("btt" or a native denom).
#[cw_serde]
pub struct RewardAmount {
    /// "btt" or a native denom.
    pub denom: String,
    /// In the denom's smallest unit.
    pub amount: Uint128,
}

/// One reward denom's stream.
#[cw_serde]
pub struct RewardStreamResponse {
    /// "btt" or a native denom.
    pub denom: String,
    /// Rewards per unit of power so far.
    pub index: Decimal256,
    /// Paid out per second to all stakers together until `ends_at`.
    pub rate_per_second: Decimal256,
    /// When the current stream ends.
    pub ends_at: Timestamp,
    /// Received in total, ever.
    pub deposited: Uint128,
    /// Ever paid out.
    pub claimed: Uint128,
    /// Streamed while the total power was below the minimum, and deposits made while paused:
    /// waits, and streams again from the next deposit, the total reaching the minimum, or the
    /// unpause.
    pub waiting: Uint128,
}

#[cw_serde]
pub struct StakerResponse {
    /// ubtt staked (locked or not, not unbonding).
    pub staked: Uint128,
    /// Voting power now.
    pub power: Uint128,
    /// ubtt unbonding (matured or not).
    pub unbonding: Uint128,
    /// Fee rewards claimable now, by reward denom (BTT first).
    pub rewards: Vec<RewardAmount>,
}

#[cw_serde]
pub struct StakesResponse {
    /// One page, by id.
    pub stakes: Vec<Stake>,
}

#[cw_serde]
pub struct UnbondingsResponse {
    /// One page, by id.
    pub unbondings: Vec<Unbonding>,
}

#[cw_serde]
pub struct PowerResponse {
    /// Voting power (stake × multiplier, rounded down).
    pub power: Uint128,
    /// The height it was read at.
    pub height: u64,
}

#[cw_serde]
pub struct TierResponse {
    /// ubtt staked by the address.
    pub staked: Uint128,
    /// ubtt the tier counts: the lower of the stake now and `tier_age_seconds` ago.
    pub counted: Uint128,
    /// Fee discount it is entitled to.
    pub discount: Bps,
    /// Its priority level (0 without a tier).
    pub priority: u8,
}

#[cw_serde]
pub struct TotalsResponse {
    /// ubtt staked in total.
    pub staked: Uint128,
    /// ubtt waiting out the unbonding period.
    pub unbonding: Uint128,
    /// Total voting power now.
    pub power: Uint128,
    /// Each reward denom's stream (BTT first).
    pub rewards: Vec<RewardStreamResponse>,
}

/// Migrates a deployed btt-staking to this code (same contract name, equal or newer version).
#[cw_serde]
pub struct MigrateMsg {}

/// Typed handle on a deployed btt-staking contract.
#[cw_serde]
pub struct StakingContract(pub Addr);

impl StakingContract {
    /// The contract's address.
    pub fn addr(&self) -> &Addr {
        &self.0
    }

    /// The cw20 `Send` (executed on `token` by the staker) that stakes `amount` in lock tier
    /// `tier`.
    pub fn stake_msg(
        &self,
        token: &TokenContract,
        amount: Uint128,
        tier: u32,
    ) -> StdResult<CosmosMsg> {
        token.send_msg(&self.0, amount, &ReceiveMsg::Stake { tier })
    }

    /// The cw20 `Send` that adds `amount` to stakers' fee rewards.
    pub fn distribute_msg(&self, token: &TokenContract, amount: Uint128) -> StdResult<CosmosMsg> {
        token.send_msg(&self.0, amount, &ReceiveMsg::DistributeRewards {})
    }

    /// The `DistributeRewards` that adds `amount` of the native `denom` to stakers' rewards.
    pub fn distribute_native_msg(&self, denom: &str, amount: Uint128) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(&ExecuteMsg::DistributeRewards {})?,
            funds: cosmwasm_std::coins(amount.u128(), denom),
        }
        .into())
    }

    /// A message executing `msg` on the staking contract.
    pub fn call(&self, msg: &ExecuteMsg) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(msg)?,
            funds: vec![],
        }
        .into())
    }

    /// Voting power of `address` at the start of block `height`.
    pub fn voting_power_at(
        &self,
        querier: &QuerierWrapper,
        address: impl Into<String>,
        height: u64,
    ) -> StdResult<Uint128> {
        let res: PowerResponse = querier.query_wasm_smart(
            &self.0,
            &QueryMsg::VotingPower {
                address: address.into(),
                height: Some(height),
            },
        )?;
        Ok(res.power)
    }

    /// Total voting power at the start of block `height`.
    pub fn total_power_at(&self, querier: &QuerierWrapper, height: u64) -> StdResult<Uint128> {
        let res: PowerResponse = querier.query_wasm_smart(
            &self.0,
            &QueryMsg::TotalPower {
                height: Some(height),
            },
        )?;
        Ok(res.power)
    }

    /// The fee-discount and priority tier of `address`.
    pub fn tier(
        &self,
        querier: &QuerierWrapper,
        address: impl Into<String>,
    ) -> StdResult<TierResponse> {
        querier.query_wasm_smart(
            &self.0,
            &QueryMsg::Tier {
                address: address.into(),
            },
        )
    }

    /// The staking config (unbonding period included).
    pub fn config(&self, querier: &QuerierWrapper) -> StdResult<ConfigResponse> {
        querier.query_wasm_smart(&self.0, &QueryMsg::Config {})
    }
}
