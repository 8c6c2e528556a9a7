use btt_types::asset::PaidError;
use btt_types::compute::JobStatus;
use btt_types::fee_router::FeeRouteError;
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

    #[error("{0}")]
    FeeRoute(#[from] FeeRouteError),

    #[error("invalid config: {reason}")]
    InvalidConfig { reason: String },

    #[error("unknown hardware class {class:?}")]
    UnknownHardwareClass { class: String },

    #[error("compute units must be greater than zero")]
    ZeroUnits,

    #[error("the run window must be {min} to {max} seconds for this job")]
    InvalidRunWindow { min: u64, max: u64 },

    #[error("node {node_id}'s bond {bond} is below the minimum {min}: top it up to take jobs")]
    BondBelowMinimum {
        node_id: u64,
        bond: Uint128,
        min: Uint128,
    },

    #[error("node {node_id} is not offered job {job_id}")]
    NotOffered { job_id: u64, node_id: u64 },

    #[error("node {node_id} already accepted job {job_id}")]
    AlreadyAccepted { job_id: u64, node_id: u64 },

    #[error("the offer of job {job_id} lapsed at {lapsed_at}")]
    OfferLapsed { job_id: u64, lapsed_at: Timestamp },

    #[error("the offer of job {job_id} is open until {lapses_at}")]
    OfferOpen { job_id: u64, lapses_at: Timestamp },

    #[error("the review window must be 1 second to {max} seconds")]
    InvalidReviewWindow { max: u64 },

    #[error("{denom} is not accepted for jobs")]
    UnsupportedDenom { denom: String },

    /// Paid another amount than the quote.
    #[error("{0}")]
    Paid(#[from] PaidError),

    #[error("invalid node: {reason}")]
    InvalidNode { reason: String },

    #[error("a bond must be at least {min}, got {got}")]
    BondTooSmall { min: Uint128, got: Uint128 },

    #[error("node {node_id} does not exist")]
    NodeNotFound { node_id: u64 },

    #[error("only the operator of node {node_id} may do this")]
    NotOperator { node_id: u64 },

    #[error("node {node_id} is not active")]
    NodeNotActive { node_id: u64 },

    #[error("node {node_id} is retired")]
    NodeRetired { node_id: u64 },

    #[error("node {node_id} runs {class:?}, the job needs {needed:?}")]
    WrongHardwareClass {
        node_id: u64,
        class: String,
        needed: String,
    },

    #[error(
        "node {node_id}'s bond is locked: {open_jobs} open jobs, {open_disputes} open disputes"
    )]
    BondLocked {
        node_id: u64,
        open_jobs: u32,
        open_disputes: u32,
    },

    #[error("node {node_id}'s bond can be withdrawn from {at}")]
    BondUnbonding { node_id: u64, at: Timestamp },

    #[error("job {job_id} does not exist")]
    JobNotFound { job_id: u64 },

    #[error("only the job's clinic may do this")]
    NotClinic,

    #[error("only the arbiter may resolve disputes")]
    NotArbiter,

    #[error("job {job_id} is {actual:?}, this needs {expected}")]
    WrongJobStatus {
        job_id: u64,
        expected: &'static str,
        actual: JobStatus,
    },

    #[error("a job takes 1 to {max} distinct nodes with units > 0")]
    InvalidAssignments { max: usize },

    #[error("assignments supply {assigned} units, the job needs {needed}")]
    UnitsMismatch { assigned: u64, needed: u64 },

    #[error("only an operator of an assigned node may submit the result")]
    NotAssignedOperator,

    #[error("job {job_id}'s deadline {deadline} has passed")]
    DeadlinePassed { job_id: u64, deadline: Timestamp },

    #[error("job {job_id} can expire only after its deadline {deadline}")]
    NotExpired { job_id: u64, deadline: Timestamp },

    #[error("the review window of job {job_id} ends at {ends_at}")]
    ReviewNotOver { job_id: u64, ends_at: Timestamp },

    #[error("the review window of job {job_id} ended at {ended_at}")]
    ReviewOver { job_id: u64, ended_at: Timestamp },

    #[error("node {node_id} did not work on job {job_id}")]
    NodeNotInJob { job_id: u64, node_id: u64 },

    #[error("invalid challenge: {reason}")]
    InvalidChallenge { reason: String },

    #[error("job {job_id} is not a challenge")]
    NotAChallenge { job_id: u64 },

    #[error("text too long: {field} may hold at most {max} bytes")]
    TooLong { field: &'static str, max: usize },
}
