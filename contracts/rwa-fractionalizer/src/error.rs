use btt_types::asset::PaidError;
use btt_types::fee_router::FeeRouteError;
use btt_types::fees::FeeOutOfBand;
use btt_types::fractionalizer::VaultStatus;
use btt_types::migration::MigrationError;
use btt_types::token::UnknownToken;
use cosmwasm_std::{Addr, OverflowError, StdError, Uint128};
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
    FeeRoute(#[from] FeeRouteError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error("{0}")]
    Ownership(#[from] OwnershipError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("{0}")]
    Migration(#[from] MigrationError),

    #[error("{0}")]
    UnknownToken(#[from] UnknownToken),

    #[error("{0}")]
    FeeOutOfBand(#[from] FeeOutOfBand),

    #[error("invalid config: {reason}")]
    InvalidConfig { reason: String },

    #[error("only NFTs of {expected} are accepted, not of {got}")]
    UnknownNft { expected: Addr, got: Addr },

    #[error("invalid vault: {reason}")]
    InvalidVault { reason: String },

    #[error("no vault {vault_id}")]
    NoVault { vault_id: u64 },

    #[error("no listing {listing_id}")]
    NoListing { listing_id: u64 },

    #[error("vault {vault_id} is {status:?}; this needs it {needed}")]
    WrongStatus {
        vault_id: u64,
        status: VaultStatus,
        needed: String,
    },

    #[error("amount must be greater than zero")]
    ZeroAmount,

    /// Paid in another asset or amount than due, or in an unaccepted denom.
    #[error("{0}")]
    Paid(#[from] PaidError),

    #[error("only {available} unlisted shares are held, {asked} asked")]
    InsufficientShares { available: Uint128, asked: Uint128 },

    #[error(
        "the vault's allowance on the seller's shares is {allowance}; the listings need {needed}"
    )]
    AllowanceTooLow { allowance: Uint128, needed: Uint128 },

    #[error("the listing offers {offered} shares, {asked} asked")]
    ExceedsListing { offered: Uint128, asked: Uint128 },

    #[error("the seller no longer holds the {asked} listed shares")]
    ListingUnbacked { asked: Uint128 },

    #[error("only the seller may cancel listing {listing_id}")]
    NotSeller { listing_id: u64 },

    #[error("a seller cannot buy their own listing")]
    OwnListing,

    #[error("no income to claim")]
    NothingToClaim,

    #[error("{address} holds no shares of vault {vault_id}")]
    NotHolder { vault_id: u64, address: String },

    #[error("a reserve price must be between {min} and {max}, not {got}")]
    ReserveOutOfBounds {
        min: Uint128,
        max: Uint128,
        got: Uint128,
    },

    #[error("the least bid accepted now is {min}, not {got}")]
    BidTooLow { min: Uint128, got: Uint128 },

    #[error("the auction of vault {vault_id} has ended")]
    AuctionEnded { vault_id: u64 },

    #[error("the auction of vault {vault_id} runs until {end}")]
    AuctionRunning { vault_id: u64, end: u64 },

    #[error("redeeming the NFT takes all {supply} shares, not {sent}")]
    NotAllShares { supply: Uint128, sent: Uint128 },

    #[error("this hook is not accepted from {token}")]
    WrongHook { token: String },

    #[error("no vault is waiting for its shares token")]
    NoPendingVault,
}
