use btt_types::migration::MigrationError;
use btt_types::token::UnknownToken;
use cosmwasm_std::{OverflowError, StdError, Uint128};
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

    #[error("invalid config: {reason}")]
    InvalidConfig { reason: String },

    #[error("only compute-escrow may record compute units")]
    NotEscrow,

    #[error("only an oracle appointed by the DAO may attest")]
    NotOracle,

    #[error("epoch {epoch} is closed; attest the current epoch {current}")]
    EpochClosed { epoch: u32, current: u32 },

    #[error("epoch {epoch} has not started; attest the current epoch {current}")]
    EpochNotStarted { epoch: u32, current: u32 },

    #[error("invalid attestation: {reason}")]
    InvalidAttestation { reason: String },

    #[error("this oracle already attested node {node_id} for epoch {epoch}")]
    AlreadyAttested { node_id: u64, epoch: u32 },

    #[error("the pool holds {funded} of the {max} ubtt the schedule pays; {amount} more could never be paid out")]
    PoolFull {
        funded: Uint128,
        amount: Uint128,
        max: Uint128,
    },

    #[error("no ended epoch is left to close")]
    NoEpochToClose,

    #[error("node {node_id} has never contributed")]
    NodeNotFound { node_id: u64 },

    #[error("only the operator of node {node_id} may claim")]
    NotOperator { node_id: u64 },

    #[error("node {node_id} has no closed, unclaimed epoch")]
    NothingToClaim { node_id: u64 },

    #[error("epoch {epoch} is not the current epoch {current}")]
    NotCurrentEpoch { epoch: u32, current: u32 },

    #[error("epochs are closed through {closed_through} of {current}: send CloseEpochs first")]
    EpochsBehind { closed_through: u32, current: u32 },
}
