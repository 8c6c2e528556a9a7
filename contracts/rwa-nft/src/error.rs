use btt_types::asset::PaidError;
use btt_types::fee_router::FeeRouteError;
use btt_types::fees::FeeOutOfBand;
use btt_types::migration::MigrationError;
use btt_types::token::UnknownToken;
use cosmwasm_std::{OverflowError, StdError};
use cw721::error::Cw721ContractError;
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Circuit(#[from] btt_types::circuit::CircuitError),

    /// An error of cw721's bookkeeping (permissions, approvals, unknown token).
    #[error("{0}")]
    Cw721(#[from] Cw721ContractError),

    #[error("{0}")]
    Ownership(#[from] OwnershipError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    /// The fee was paid in another asset or amount than due, or in an unaccepted denom.
    #[error("{0}")]
    Paid(#[from] PaidError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error("{0}")]
    Migration(#[from] MigrationError),

    #[error("{0}")]
    UnknownToken(#[from] UnknownToken),

    #[error("{0}")]
    FeeRoute(#[from] FeeRouteError),

    #[error("{0}")]
    FeeOutOfBand(#[from] FeeOutOfBand),

    #[error("invalid config: {reason}")]
    InvalidConfig { reason: String },

    #[error("{address} is not an approved issuer")]
    NotIssuer { address: String },

    #[error("{address} is not an appointed appraiser")]
    NotAppraiser { address: String },

    #[error("only the owner or the issuer of {token_id} may accept its revaluation")]
    NotOwnerOrIssuer { token_id: String },

    #[error("invalid asset metadata: {reason}")]
    InvalidMetadata { reason: String },

    #[error("unknown asset class {class}; one of equipment, property, intellectual_property, service_rights")]
    UnknownAssetClass { class: String },

    #[error("the appraised value must be greater than zero")]
    ZeroAppraisal,

    #[error("token id {token_id} already exists")]
    TokenExists { token_id: String },

    #[error("no asset {token_id}")]
    NoAsset { token_id: String },

    #[error("no revaluation of {token_id} is pending")]
    NoPendingRevaluation { token_id: String },
}
