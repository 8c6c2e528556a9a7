use btt_types::migration::MigrationError;
use btt_types::token::UnknownToken;
use cosmwasm_std::{Decimal, OverflowError, StdError, Timestamp, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Circuit(#[from] btt_types::circuit::CircuitError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("{0}")]
    Ownership(#[from] OwnershipError),

    #[error("{0}")]
    Migration(#[from] MigrationError),

    #[error("{0}")]
    UnknownToken(#[from] UnknownToken),

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("there must be 1 to {max} lock tiers")]
    LockTierCount { max: usize },

    #[error("lock tier {name:?}: multiplier {multiplier} is not between 1 and 10")]
    InvalidMultiplier { name: String, multiplier: Decimal },

    #[error("lock tier names must be 1 to 32 bytes and unique")]
    InvalidTierName,

    #[error("lock tiers must be in strictly increasing lock time")]
    LockTiersOutOfOrder,

    #[error("there may be at most {max} fee tiers")]
    FeeTierCount { max: usize },

    #[error(
        "fee tiers must be in strictly increasing minimum stake, with discounts of at most 100%"
    )]
    InvalidFeeTiers,

    #[error("the stake a fee tier counts is 1 to {max} seconds old, not {seconds}")]
    InvalidTierAge { seconds: u64, max: u64 },

    #[error("reward denoms: at most {max} unique native denoms, keeping every old one in place")]
    InvalidRewardDenoms { max: usize },

    #[error("the reward period is {min} to {max} seconds, not {seconds}")]
    InvalidRewardPeriod { seconds: u64, min: u64, max: u64 },

    #[error("the minimum reward power is 1 to {max} (power units), not {power}")]
    InvalidMinRewardPower { power: Uint128, max: Uint128 },

    #[error("{denom} is not a reward denom")]
    NotARewardDenom { denom: String },

    #[error("unbonding period must be greater than zero")]
    ZeroUnbonding,

    #[error("unbonding period {unbonding_seconds}s must exceed the DAO's voting period {voting_period_seconds}s")]
    UnbondingNotAboveVotingPeriod {
        unbonding_seconds: u64,
        voting_period_seconds: u64,
    },

    #[error("lock tier {tier} does not exist")]
    TierNotFound { tier: u32 },

    #[error("stake {stake_id} does not exist")]
    StakeNotFound { stake_id: u64 },

    #[error("stake {stake_id} is locked until {unlocks_at}")]
    StillLocked {
        stake_id: u64,
        unlocks_at: Timestamp,
    },

    #[error("stake {stake_id} holds {staked}, cannot unbond {requested}")]
    InsufficientStake {
        stake_id: u64,
        staked: Uint128,
        requested: Uint128,
    },

    #[error("no unbonding has matured yet")]
    NothingToClaim,

    #[error("no rewards to claim")]
    NoRewards,
}
