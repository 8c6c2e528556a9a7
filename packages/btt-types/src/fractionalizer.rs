//! `rwa-fractionalizer`: one vault per RWA NFT, each with its own cw20 shares token
//! (`rwa-shares`), a fixed-price share market, pro-rata income, a management fee, premium
//! listings, a buyout auction and redemption.
//!
//! How income stays right across transfers in O(1): the shares token reports every holder-to-holder
//! move to the vault (`SharesMoved`) before anything else runs, and the vault keeps a ledger of
//! each holder's shares beside an income-per-share index. Each move settles the two holders
//! involved against the index; nothing iterates over holders.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Decimal, Decimal256, Timestamp, Uint128, Uint256};
use cw20::Cw20ReceiveMsg;
use cw721::receiver::Cw721ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::Asset;
use crate::bps::Bps;
use crate::fee_router::{FeeRouting, FeeRoutingMsg, FeeRoutingUpdate, FeeStream, StreamSet};

/// The fee streams of the vaults; each stream's shares sum to 100%. The management fee is paid
/// in vault shares, which neither btt-staking nor a burn takes.
pub const FEE_STREAMS: StreamSet = StreamSet {
    streams: &[FeeStream::Trade, FeeStream::Premium, FeeStream::Management],
    whole: Bps::FULL,
    unstakeable: &[FeeStream::Management],
};

/// Share-trade fees allowed by the paper: 0.5–1.0%.
pub const TRADE_FEE_BAND: (Bps, Bps) = (Bps(50), Bps(100));
/// Management fees allowed by the paper: 1–2% a year.
pub const MANAGEMENT_FEE_BAND: (Bps, Bps) = (Bps(100), Bps(200));
/// Seconds in the year the management fee is quoted over (12 BTT months).
pub const YEAR_SECONDS: u64 = 12 * crate::units::MONTH_SECONDS;

/// Buyout rules.
#[cw_serde]
pub struct BuyoutParams {
    /// A signalled reserve price may not be below this factor of the vault's initial reserve.
    pub min_factor: Decimal,
    /// …nor above this factor.
    pub max_factor: Decimal,
    /// How long an auction runs after its first bid, in seconds.
    pub duration: u64,
    /// A bid closer than this to the end pushes the end to `now + extension` (anti-sniping).
    pub extension: u64,
    /// Each bid must beat the last by at least this much.
    pub min_increment: Bps,
    /// The reserve price is never below this share of the asset's latest appraisal in rwa-nft
    /// (of the depositor's initial reserve when the appraisal is in another denom than the
    /// vault's), so a majority signalling the lowest reserve cannot buy the asset cheaply from
    /// the minority (0 to 1; suggested 0.8).
    pub appraisal_floor: Decimal,
}

/// Fees of the vaults.
#[cw_serde]
pub struct VaultFees {
    /// Share-trade fee by the buyer's staking priority level 0, 1, 2… (the last applies above),
    /// each 0.5–1.0% and never rising with the level.
    pub trade_by_priority: Vec<Bps>,
    /// Management fee a year, 1–2%, minted as shares to the vault's curator and the protocol.
    pub management: Bps,
    /// The protocol's part of every management fee (at most 100%), minted as shares to the
    /// management stream's payees; the curator gets the rest.
    pub management_protocol: Bps,
    /// Flat ubtt fee of one premium-listing period.
    pub premium: Uint128,
    /// Length of one premium period, in seconds.
    pub premium_seconds: u64,
}

#[cw_serde]
pub struct InstantiateMsg {
    /// Owner (the DAO after hand-over); defaults to the sender. Also wasm admin of shares tokens.
    pub owner: Option<String>,
    /// The rwa-nft contract: the only NFTs accepted.
    pub nft: String,
    /// The BTT token.
    pub token: String,
    /// btt-staking, for the buyer's fee tier.
    pub staking: String,
    /// Code id of `rwa-shares`, instantiated once per vault.
    pub shares_code_id: u64,
    /// Native denoms a vault may trade and earn in.
    pub native_denoms: Vec<String>,
    /// Trade fees by staking priority, the management fee and its protocol part, premium.
    pub fees: VaultFees,
    /// Where the trade, premium and management fees go.
    pub fee_routing: FeeRoutingMsg,
    /// A BTT fee burns its stream's burn share when the transaction is worth at least this
    /// many ubtt (the paper's high-value rule); below it, the burn share goes to the reserve.
    pub burn_threshold: Uint128,
    /// Reserve-price bounds, the appraisal floor and the auction's timing.
    pub buyout: BuyoutParams,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// cw721 hook: an rwa-nft arrives with `NftHook::Fractionalize` (only the rwa-nft contract).
    ReceiveNft(Cw721ReceiveMsg),
    /// cw20 hook: BTT (`ReceiveMsg::Buy`, `DepositIncome`, `Bid`, `Feature`) or a vault's shares
    /// (`Redeem`, `RedeemNft`).
    Receive(Cw20ReceiveMsg),
    /// A vault's shares token reports a move of shares; only that token may call.
    SharesMoved {
        /// Holder whose balance fell.
        from: String,
        /// Holder whose balance rose.
        to: String,
        /// Shares moved.
        amount: Uint128,
    },
    /// A holder lists shares at a fixed price per share (no funds). The holder must have given
    /// the vault a cw20 allowance on the shares token for at least the listed amount.
    List {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
        /// Shares offered (> 0, at most the holder's unlisted shares).
        shares: Uint128,
        /// Price of one share in the vault's asset (> 0).
        price_per_share: Uint128,
    },
    /// The seller withdraws a listing (no funds).
    CancelListing {
        /// The listing's id (the `listing_id` attribute of `list`).
        listing_id: u64,
    },
    /// Buy shares of a native-asset listing, attaching exactly cost + fee (see `Quote`).
    Buy {
        /// The listing's id (the `listing_id` attribute of `list`).
        listing_id: u64,
        /// Shares to buy (> 0, at most the listing's).
        shares: Uint128,
    },
    /// Deposit income of a native-asset vault for its holders (the asset operator; any amount > 0).
    DepositIncome {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// A holder or ex-holder withdraws their income (no funds).
    ClaimIncome {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// Anyone: mint the management fee accrued so far to the curator (no funds).
    CollectFees {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// A holder signals the reserve price of the whole asset, or clears it with `None` (no funds).
    SignalReserve {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
        /// Price of the whole asset in the vault's asset, within the min/max factors.
        price: Option<Uint128>,
    },
    /// Bid for a native-asset vault, attaching the bid.
    Bid {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// Anyone, after the auction ends: the NFT goes to the winner, proceeds await redemption.
    SettleAuction {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// Owner (DAO) only: change fees, the burn threshold, buyout rules or denoms.
    UpdateConfig(ConfigUpdate),
    /// Owner (DAO) only: change the fee payees or the shares of the trade, premium and
    /// management fees.
    UpdateFeeRouting(FeeRoutingUpdate),
    /// The circuit breaker: the guardian (before its sunset) or the DAO pauses new value coming
    /// in; every exit stays open. No funds.
    Circuit(crate::circuit::CircuitMsg),
}

/// The hook of an NFT sent to the fractionalizer.
#[cw_serde]
pub enum NftHook {
    /// Open a vault and mint `shares` to the sender.
    Fractionalize {
        /// Shares to mint (1..=10^15); shares have 0 decimals.
        shares: Uint128,
        /// Shares token symbol (cw20 rule: 3–12 letters or '-').
        symbol: String,
        /// "btt" or an accepted native denom: what income, listings and bids are paid in.
        denom: String,
        /// Initial reserve price of the whole asset (> 0).
        reserve_price: Uint128,
        /// Who earns the management fee; defaults to the sender.
        curator: Option<String>,
    },
}

/// The config fields the owner (DAO) may change; each left out stays as it is.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New trade, management and premium fees (each within its band).
    pub fees: Option<VaultFees>,
    /// New high-value burn threshold, ubtt.
    pub burn_threshold: Option<Uint128>,
    /// New buyout rules (apply to auctions started later).
    pub buyout: Option<BuyoutParams>,
    /// New accepted native denoms.
    pub native_denoms: Option<Vec<String>>,
    /// New rwa-shares code id for vaults opened later.
    pub shares_code_id: Option<u64>,
}

/// Hooks of cw20 `Send` to the fractionalizer.
#[cw_serde]
pub enum ReceiveMsg {
    /// BTT: buy shares of a BTT listing; the amount must equal cost + fee.
    Buy {
        /// The listing's id (the `listing_id` attribute of `list`).
        listing_id: u64,
        /// Shares to buy.
        shares: Uint128,
    },
    /// BTT: deposit income of a BTT vault.
    DepositIncome {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// BTT: bid in a BTT vault's buyout.
    Bid {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// BTT: pay the premium fee (exactly) to feature a vault for one more period.
    Feature {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// Shares of a sold vault: burn them for their part of the proceeds (plus unclaimed income).
    Redeem {},
    /// Shares of an active vault: a holder of every share takes the NFT out, burning the shares.
    RedeemNft {},
}

/// Where a vault is in its life.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum VaultStatus {
    /// Holds the NFT; shares trade and earn.
    Active,
    /// Holds the NFT; a buyout auction runs.
    Auction,
    /// The NFT went to the winner; shares redeem for the proceeds.
    Sold,
    /// Every share was redeemed; nothing is left.
    Closed,
}

/// One vault.
#[cw_serde]
pub struct Vault {
    /// Its id, counted from 1.
    pub id: u64,
    /// The rwa-nft token it holds (or held).
    pub token_id: String,
    /// Who fractionalized it.
    pub depositor: Addr,
    /// Who earns the management fee.
    pub curator: Addr,
    /// Its cw20 shares token (set once instantiated).
    pub shares_token: Addr,
    /// Shares in existence.
    pub supply: Uint128,
    /// Shares minted to the depositor; the management fee is charged on these (no compounding).
    pub shares_issued: Uint128,
    /// What income, listings and bids are paid in.
    pub asset: Asset,
    /// The depositor's reserve price of the whole asset.
    pub initial_reserve: Uint128,
    /// Management fee a year, fixed at creation.
    pub management_fee: Bps,
    /// Management fee accrued up to here.
    pub fee_checkpoint: Timestamp,
    /// Life stage.
    pub status: VaultStatus,
    /// Income per share deposited ever (the income index).
    pub income_index: Decimal256,
    /// Income deposited ever.
    pub income_deposited: Uint128,
    /// Income credited to holders ever, in exact fractions of a unit.
    pub income_credited: Decimal256,
    /// Income paid out ever.
    pub income_paid: Uint128,
    /// Fractions of a fee share accrued but not yet minted.
    pub fee_carry: Decimal256,
    /// Management-fee shares minted ever (curator and protocol): the protocol's part is taken
    /// of this running total, so how often fees are collected changes nothing.
    #[serde(default)]
    pub fee_minted: Uint128,
    /// Shares whose holders signalled a reserve price.
    pub signalled_shares: Uint128,
    /// Σ shares × signalled price.
    pub signal_weight: Uint256,
    /// Proceeds of the buyout not yet redeemed.
    pub proceeds_left: Uint128,
    /// Featured until then (premium listing).
    pub featured_until: Option<Timestamp>,
    /// When it opened.
    pub created: Timestamp,
}

/// A fixed-price listing.
#[cw_serde]
pub struct Listing {
    /// Its id, counted from 1.
    pub id: u64,
    /// The vault's id (the `vault_id` attribute of its fractionalization).
    pub vault_id: u64,
    /// The seller.
    pub seller: Addr,
    /// Shares still offered.
    pub shares: Uint128,
    /// Price of one share.
    pub price_per_share: Uint128,
}

/// A buyout auction.
#[cw_serde]
pub struct Auction {
    /// Highest bidder.
    pub bidder: Addr,
    /// Highest bid (escrowed).
    pub bid: Uint128,
    /// When it ends (extended by late bids).
    pub end: Timestamp,
    /// Bids placed.
    pub bids: u32,
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Contracts, fees, fee routing, burn threshold and buyout rules.
    #[returns(ConfigResponse)]
    Config {},
    /// One vault with its reserve price and auction.
    #[returns(VaultResponse)]
    Vault {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// Vaults by id (paginated).
    #[returns(VaultsResponse)]
    Vaults {
        /// Last id of the previous page.
        start_after: Option<u64>,
        /// Page size (default 10, max 30).
        limit: Option<u32>,
    },
    /// Vaults featured now (paginated by vault id).
    #[returns(VaultsResponse)]
    Featured {
        /// Last id of the previous page.
        start_after: Option<u64>,
        /// Page size (default 10, max 30).
        limit: Option<u32>,
    },
    /// One listing.
    #[returns(Listing)]
    Listing {
        /// The listing's id (the `listing_id` attribute of `list`).
        listing_id: u64,
    },
    /// A vault's open listings (paginated by id).
    #[returns(ListingsResponse)]
    Listings {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
        /// Last id of the previous page.
        start_after: Option<u64>,
        /// Page size (default 10, max 30).
        limit: Option<u32>,
    },
    /// What buying `shares` of a listing costs `buyer` (fee by the buyer's staking tier).
    #[returns(QuoteResponse)]
    Quote {
        /// The listing's id (the `listing_id` attribute of `list`).
        listing_id: u64,
        /// Shares.
        shares: Uint128,
        /// The buyer.
        buyer: String,
    },
    /// A holder's shares (the vault's ledger), claimable income and reserve signal.
    #[returns(HolderResponse)]
    Holder {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
        /// The share holder's address.
        address: String,
    },
    /// A holder's claimable income.
    #[returns(Uint128)]
    Claimable {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
        /// The share holder's address.
        address: String,
    },
    /// The auction, if one ran or runs.
    #[returns(Option<Auction>)]
    Auction {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// The share-weighted reserve price and the minimum next bid.
    #[returns(ReserveResponse)]
    ReservePrice {
        /// The vault's id (the `vault_id` attribute of its fractionalization).
        vault_id: u64,
    },
    /// Fees and burns so far.
    #[returns(FractionalizerTotalsResponse)]
    Totals {},
    /// What each fee stream paid each payee, by asset (the management stream in vault shares).
    #[returns(Vec<crate::fee_router::RoutedTotal>)]
    FeesRouted {},
    /// The circuit breaker: guardian, sunset and the pause in force.
    #[returns(crate::circuit::Circuit)]
    Circuit {},
}

#[cw_serde]
pub struct ConfigResponse {
    /// rwa-nft, the only collection whose NFTs vaults accept.
    pub nft: Addr,
    /// BTT.
    pub token: Addr,
    /// btt-staking, whose tiers set fee discounts and which streams the stakers' share.
    pub staking: Addr,
    /// rwa-shares code id.
    pub shares_code_id: u64,
    /// Accepted native denoms.
    pub native_denoms: Vec<String>,
    /// Trade fees by staking tier, the management fee and its protocol part, the premium listing.
    pub fees: VaultFees,
    /// Where the fees go.
    pub fee_routing: FeeRouting,
    /// The high-value burn threshold, ubtt.
    pub burn_threshold: Uint128,
    /// Reserve-price bounds, the appraisal floor and the auction's timing.
    pub buyout: BuyoutParams,
}

#[cw_serde]
pub struct VaultResponse {
    /// The vault.
    pub vault: Vault,
    /// Its share-weighted reserve price now.
    pub reserve_price: Uint128,
    /// Management-fee shares accrued but not yet minted.
    pub fee_shares_due: Uint128,
    /// Its auction, if any.
    pub auction: Option<Auction>,
}

#[cw_serde]
pub struct VaultsResponse {
    /// Vaults in id order.
    pub vaults: Vec<Vault>,
}

#[cw_serde]
pub struct ListingsResponse {
    /// Listings in id order.
    pub listings: Vec<Listing>,
}

#[cw_serde]
pub struct QuoteResponse {
    /// shares × price per share.
    pub cost: Uint128,
    /// The buyer's trade fee rate.
    pub fee_rate: Bps,
    /// The fee.
    pub fee: Uint128,
    /// What the buyer must send: cost + fee.
    pub total: Uint128,
    /// The asset paid in.
    pub asset: Asset,
}

#[cw_serde]
pub struct HolderResponse {
    /// Shares by the vault's ledger (equal to the shares token balance).
    pub shares: Uint128,
    /// Shares listed for sale.
    pub listed: Uint128,
    /// Income claimable now.
    pub claimable: Uint128,
    /// Reserve price signalled, if any.
    pub reserve: Option<Uint128>,
}

#[cw_serde]
pub struct ReserveResponse {
    /// Reserve price of the whole asset: share-weighted, and at least the appraisal floor.
    pub reserve_price: Uint128,
    /// The floor: of the latest appraisal, or of the initial reserve when the appraisal is in
    /// another denom.
    pub appraisal_floor: Uint128,
    /// The least bid accepted now.
    pub min_bid: Uint128,
    /// Bounds of a signal.
    pub min_signal: Uint128,
    /// Bounds of a signal.
    pub max_signal: Uint128,
}

#[cw_serde]
pub struct FractionalizerTotalsResponse {
    /// Vaults opened.
    pub vaults: u64,
    /// Fees collected per asset (burned part included).
    pub fees: Vec<(Asset, Uint128)>,
    /// BTT burned so far, in ubtt.
    pub burned: Uint128,
    /// Share volume traded per asset.
    pub volume: Vec<(Asset, Uint128)>,
}

/// Migrates a deployed rwa-fractionalizer to this code.
#[cw_serde]
#[derive(Default)]
pub struct MigrateMsg {
    /// The fee routing, required when migrating from code before the fee router (whose
    /// recipients named no btt-staking); ignored otherwise.
    pub fee_routing: Option<crate::fee_router::FeeRoutingMsg>,
}

/// The instantiate message of a vault's `rwa-shares` token; the instantiating vault is its minter.
#[cw_serde]
pub struct SharesInstantiateMsg {
    /// Token name (3..=50 characters).
    pub name: String,
    /// Token symbol (3..=12 letters or '-').
    pub symbol: String,
    /// Who receives the initial shares.
    pub holder: String,
    /// Initial shares (> 0).
    pub supply: Uint128,
}

/// Migrates a deployed rwa-shares token to this code.
#[cw_serde]
pub struct SharesMigrateMsg {}
