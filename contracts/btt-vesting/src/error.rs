use btt_types::migration::MigrationError;
use btt_types::token::UnknownToken;
use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use cw_ownable::OwnershipError;
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
    Ownership(#[from] OwnershipError),

    #[error("{0}")]
    Migration(#[from] MigrationError),

    #[error("{0}")]
    UnknownToken(#[from] UnknownToken),

    #[error("a funding must create at least one schedule")]
    NoSchedules,

    #[error("a funding may create at most {max} schedules, got {got}")]
    TooManySchedules { max: usize, got: usize },

    #[error("schedules add up to {scheduled} but {sent} was sent")]
    AmountMismatch { sent: Uint128, scheduled: Uint128 },

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("category must be 1 to {max} bytes")]
    InvalidCategory { max: usize },

    #[error("linear period is zero: the schedule would end where its release starts")]
    EmptyLinearPeriod,

    #[error("the schedule would end after the largest representable time")]
    ScheduleEndOverflows,

    #[error("a milestone schedule needs at least one tranche")]
    NoTranches,

    #[error("a milestone schedule may have at most {max} tranches, got {got}")]
    TooManyTranches { max: usize, got: usize },

    #[error("tranche {index} is not after tranche {previous}: tranches must be in strictly increasing time order")]
    TranchesOutOfOrder { index: usize, previous: usize },

    #[error("tranches add up to {tranches} but the schedule amount is {amount}")]
    TranchesDoNotAddUp { amount: Uint128, tranches: Uint128 },

    #[error("schedule {schedule_id} does not exist")]
    ScheduleNotFound { schedule_id: u64 },

    #[error("only the beneficiary of schedule {schedule_id} may claim it")]
    NotBeneficiary { schedule_id: u64 },

    #[error("nothing to claim from schedule {schedule_id} at {at}")]
    NothingToClaim { schedule_id: u64, at: Timestamp },

    #[error("schedule {schedule_id} has no milestone tranches")]
    NotAMilestoneSchedule { schedule_id: u64 },

    #[error("schedule {schedule_id} has no tranche {tranche}")]
    TrancheNotFound { schedule_id: u64, tranche: u32 },

    #[error("tranche {tranche} of schedule {schedule_id} is already approved")]
    TrancheAlreadyApproved { schedule_id: u64, tranche: u32 },
}
