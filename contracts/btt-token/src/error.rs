use btt_types::migration::MigrationError;
use cosmwasm_std::{StdError, Uint128};
use cw_utils::PaymentError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    /// An error of the cw20 bookkeeping (allowances, balances, marketing, logo).
    #[error("{0}")]
    Cw20(#[from] cw20_base::ContractError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("{0}")]
    Migration(#[from] MigrationError),

    #[error("initial balances add up to {got} ubtt; the fixed supply is exactly {expected} ubtt")]
    WrongSupply { expected: Uint128, got: Uint128 },

    #[error("initial balance of {address} is zero")]
    ZeroInitialBalance { address: String },

    #[error("amount must be greater than zero")]
    ZeroAmount,
}
