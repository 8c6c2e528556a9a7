use btt_types::migration::MigrationError;
use cosmwasm_std::StdError;
use cw_utils::PaymentError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    /// An error of the cw20 bookkeeping (balances, allowances).
    #[error("{0}")]
    Cw20(#[from] cw20_base::ContractError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("{0}")]
    Migration(#[from] MigrationError),

    #[error("shares reach the vault only by Send with a hook; a plain transfer would strand them")]
    UseSend,

    #[error("only the vault may {action}")]
    OnlyVault { action: String },

    #[error("{message} is not supported by a shares token")]
    NotSupported { message: String },
}
