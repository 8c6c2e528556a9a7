use btt_types::dao::Fund;
use btt_types::dao::Status;
use btt_types::migration::MigrationError;
use btt_types::token::UnknownToken;
use cosmwasm_std::{Addr, Decimal, OverflowError, StdError, Timestamp, Uint128};
use cw_utils::PaymentError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("{0}")]
    Migration(#[from] MigrationError),

    #[error("only {expected} may do this")]
    Unauthorized { expected: String },

    #[error("{0}")]
    UnknownToken(#[from] UnknownToken),

    #[error("{rule} must be above 0 and at most 1, got {value}")]
    InvalidRule { rule: &'static str, value: Decimal },

    #[error("voting period must be greater than zero")]
    ZeroVotingPeriod,

    #[error("voting period {voting_period_seconds}s must be below staking's unbonding period {unbonding_seconds}s")]
    VotingPeriodNotBelowUnbonding {
        voting_period_seconds: u64,
        unbonding_seconds: u64,
    },

    #[error("the deposit must be greater than zero")]
    ZeroDeposit,

    #[error("a guardian needs a sunset time, and a sunset a guardian")]
    GuardianWithoutSunset,

    #[error("the guardian's sunset {sunset} is not in the future")]
    SunsetInPast { sunset: Timestamp },

    #[error("a proposal needs a deposit of exactly {expected}, got {sent}")]
    WrongDeposit { expected: Uint128, sent: Uint128 },

    #[error("title must be 1 to {max} bytes")]
    InvalidTitle { max: usize },

    #[error("description must be at most {max} bytes")]
    DescriptionTooLong { max: usize },

    #[error("a proposal may carry at most {max} messages")]
    TooManyMessages { max: usize },

    #[error("nobody has voting power: a proposal could never reach quorum")]
    NoVotingPower,

    #[error("proposal {proposal_id} does not exist")]
    ProposalNotFound { proposal_id: u64 },

    #[error("voting on proposal {proposal_id} has ended")]
    VotingClosed { proposal_id: u64 },

    #[error("voting on proposal {proposal_id} ends at {ends_at}")]
    VotingNotEnded {
        proposal_id: u64,
        ends_at: Timestamp,
    },

    #[error("{voter} had no voting power at height {height}")]
    NoPowerAtHeight { voter: Addr, height: u64 },

    #[error("proposal {proposal_id} is {status:?}, not passed")]
    NotPassed { proposal_id: u64, status: Status },

    #[error("proposal {proposal_id} can execute from {executable_at}")]
    TimelockNotOver {
        proposal_id: u64,
        executable_at: Timestamp,
    },

    #[error("proposal {proposal_id} is {status:?} and can no longer be vetoed")]
    NotVetoable { proposal_id: u64, status: Status },

    #[error("the guardian's power ended at {sunset}")]
    GuardianSunset { sunset: Timestamp },

    #[error("no guardian was set at instantiate")]
    NoGuardian,

    #[error("the treasury holds {balance} {denom} but its labelled funds hold {held}")]
    FundsNotCovered {
        denom: String,
        balance: Uint128,
        held: Uint128,
    },

    #[error("{fund} takes no deposits from outside (the DAO keeps it itself)")]
    NotDepositable { fund: Fund },

    #[error("{fund} cannot be spent")]
    NotSpendable { fund: Fund },

    #[error("{fund} holds {balance} {denom}, less than the {amount} asked")]
    FundOverdrawn {
        fund: Fund,
        denom: String,
        balance: Uint128,
        amount: Uint128,
    },

    #[error("the treasury labels only BTT and the denoms btt-staking streams, not {denom}")]
    UnknownDenom { denom: String },

    #[error("the amount must be greater than zero")]
    ZeroAmount,
}
