//! `rwa-nft`: a cw721 of medical assets (equipment, property, intellectual property, service
//! rights) with on-chain appraisal metadata, minted by DAO-approved issuers for a fee and revalued
//! by DAO-appointed appraisers.
//!
//! **No patient data goes on chain.** Metadata describes the asset and its paperwork: documents
//! are referenced by a SHA-256 hash and a URI of an off-chain store the issuer controls.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Binary, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};
use cw_utils::Expiration;

use crate::bps::Bps;
use crate::fee_router::{FeeRouting, FeeRoutingMsg, FeeRoutingUpdate, FeeStream, StreamSet};

/// The fee streams of rwa-nft; each stream's shares sum to 100%.
pub const FEE_STREAMS: StreamSet = StreamSet {
    streams: &[FeeStream::Mint, FeeStream::Revaluation],
    whole: Bps::FULL,
    unstakeable: &[],
};

/// Mint fees allowed by the paper: 1–3% of appraised value.
pub const MINT_FEE_BAND: (Bps, Bps) = (Bps(100), Bps(300));
/// Revaluation fees allowed by the paper: 0.25–0.5% of the new value.
pub const REVALUATION_FEE_BAND: (Bps, Bps) = (Bps(25), Bps(50));
/// Most issuers or appraisers the DAO may approve.
pub const MAX_ROLE_MEMBERS: usize = 30;
/// Most documents one asset may reference.
pub const MAX_DOCUMENTS: usize = 10;

/// What kind of asset an NFT represents.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum AssetClass {
    /// Medical equipment (an MRI machine, a CT scanner).
    Equipment,
    /// Real estate (a clinic building).
    Property,
    /// Patents, software, trained models.
    IntellectualProperty,
    /// Rights to revenue from a service (e.g. a lab contract).
    ServiceRights,
}

impl AssetClass {
    /// The class named `name` (snake_case), if there is one.
    pub fn from_name(name: &str) -> Option<AssetClass> {
        Some(match name {
            "equipment" => AssetClass::Equipment,
            "property" => AssetClass::Property,
            "intellectual_property" => AssetClass::IntellectualProperty,
            "service_rights" => AssetClass::ServiceRights,
            _ => return None,
        })
    }
}

/// Appraisal complexity, which sets the mint fee.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Complexity {
    /// Suggested 1%.
    Simple,
    /// Suggested 2%.
    Standard,
    /// Suggested 3%.
    Complex,
}

/// A document about the asset, kept off chain.
#[cw_serde]
pub struct Document {
    /// Lower-case hex SHA-256 of the document (64 characters).
    pub sha256: String,
    /// Where it can be fetched (1..=256 characters).
    pub uri: String,
}

/// The appraisal an NFT carries.
#[cw_serde]
pub struct Appraisal {
    /// Appraised value in `denom`'s smallest unit (> 0).
    pub value: Uint128,
    /// "btt" for the BTT cw20, or an accepted native denom.
    pub denom: String,
    /// When it was appraised (block time of the mint or accepted revaluation).
    pub date: Timestamp,
    /// Who appraised it (for a mint: the issuer's declared appraiser).
    pub appraiser: String,
}

/// On-chain metadata of one medical asset (the cw721 `extension`).
#[cw_serde]
pub struct AssetMetadata {
    /// Asset class.
    pub class: AssetClass,
    /// What the asset is (1..=256 characters, no patient data).
    pub description: String,
    /// The current appraisal.
    pub appraisal: Appraisal,
    /// The healthcare provider that issued it.
    pub issuer: String,
    /// Complexity tier its mint fee was charged at.
    pub complexity: Complexity,
    /// Supporting documents (at most 10).
    pub documents: Vec<Document>,
    /// Jurisdiction, e.g. "CN-44" or "DE".
    pub jurisdiction: String,
    /// Regulatory identifier (device registration, land title…), may be empty.
    pub regulatory_id: String,
}

/// What an issuer supplies to mint; the contract adds the issuer and appraisal date.
#[cw_serde]
pub struct MintAsset {
    /// Asset class: "equipment", "property", "intellectual_property" or "service_rights".
    pub class: String,
    /// What the asset is (1..=256 characters, no patient data).
    pub description: String,
    /// Appraised value (> 0).
    pub value: Uint128,
    /// "btt" or an accepted native denom; the mint fee is paid in it.
    pub denom: String,
    /// Who appraised it (free text or address, 1..=128 characters).
    pub appraiser: String,
    /// Complexity tier, which sets the fee.
    pub complexity: Complexity,
    /// Supporting documents (at most 10).
    pub documents: Vec<Document>,
    /// Jurisdiction (1..=64 characters).
    pub jurisdiction: String,
    /// Regulatory identifier (may be empty, at most 128 characters).
    pub regulatory_id: String,
}

/// Fees of the NFT contract.
#[cw_serde]
pub struct NftFees {
    /// Mint fee of a simple appraisal (1–3%).
    pub simple: Bps,
    /// Mint fee of a standard appraisal (1–3%).
    pub standard: Bps,
    /// Mint fee of a complex appraisal (1–3%).
    pub complex: Bps,
    /// Revaluation fee on the new value (0.25–0.5%).
    pub revaluation: Bps,
}

impl NftFees {
    /// The paper's suggestion: 1/2/3% and 0.25%.
    pub fn suggested() -> Self {
        NftFees {
            simple: Bps(100),
            standard: Bps(200),
            complex: Bps(300),
            revaluation: Bps(25),
        }
    }

    /// The mint fee of a tier.
    pub fn mint(&self, complexity: Complexity) -> Bps {
        match complexity {
            Complexity::Simple => self.simple,
            Complexity::Standard => self.standard,
            Complexity::Complex => self.complex,
        }
    }
}

#[cw_serde]
pub struct InstantiateMsg {
    /// Collection name.
    pub name: String,
    /// Collection symbol.
    pub symbol: String,
    /// Owner (the DAO after hand-over); defaults to the sender.
    pub owner: Option<String>,
    /// The BTT token (the "btt" denom).
    pub token: String,
    /// Healthcare providers allowed to mint (at most 30).
    pub issuers: Vec<String>,
    /// Appraisers allowed to revalue (at most 30).
    pub appraisers: Vec<String>,
    /// Native denoms accepted for appraisals and fees.
    pub native_denoms: Vec<String>,
    /// Fees, each within its band.
    pub fees: NftFees,
    /// Where the mint and revaluation fees go.
    pub fee_routing: FeeRoutingMsg,
    /// A BTT fee burns its stream's burn share when the asset is worth at least this many
    /// ubtt (the paper's high-value rule); below it, the burn share goes to the reserve.
    pub burn_threshold: Uint128,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// An approved issuer mints an asset to `owner`, attaching exactly the mint fee in the
    /// appraisal's native denom. For a BTT appraisal use a cw20 `Send` with `ReceiveMsg::Mint`.
    Mint(MintMsg),
    /// An appointed appraiser proposes a new value for an NFT (no funds).
    Appraise {
        /// The NFT.
        token_id: String,
        /// New value in the appraisal's denom (> 0).
        value: Uint128,
        /// Hash of the appraisal report (64 hex characters).
        report_sha256: String,
    },
    /// The NFT's owner or issuer accepts the pending appraisal, attaching exactly the revaluation
    /// fee in a native denom. For BTT use `Send` with `ReceiveMsg::AcceptRevaluation`.
    AcceptRevaluation {
        /// The NFT.
        token_id: String,
    },
    /// cw20 hook: BTT-denominated mint and revaluation fees (only the BTT token may call).
    Receive(Cw20ReceiveMsg),
    /// cw721: move an NFT (owner, approved spender or operator).
    TransferNft {
        /// New owner.
        recipient: String,
        /// The NFT.
        token_id: String,
    },
    /// cw721: move an NFT to a contract and call its `ReceiveNft` (owner, spender or operator).
    SendNft {
        /// Receiving contract.
        contract: String,
        /// The NFT.
        token_id: String,
        /// Hook message for the receiver.
        msg: Binary,
    },
    /// cw721: let `spender` move one NFT (owner or operator).
    Approve {
        /// Who may move the NFT.
        spender: String,
        /// The NFT.
        token_id: String,
        /// When the approval ends.
        expires: Option<Expiration>,
    },
    /// cw721: withdraw an approval (owner or operator).
    Revoke {
        /// Who may move the NFT.
        spender: String,
        /// The NFT.
        token_id: String,
    },
    /// cw721: let `operator` move all of the sender's NFTs.
    ApproveAll {
        /// Who may move all of the owner's NFTs.
        operator: String,
        /// When it ends.
        expires: Option<Expiration>,
    },
    /// cw721: withdraw an operator.
    RevokeAll {
        /// Who may move all of the owner's NFTs.
        operator: String,
    },
    /// cw721: destroy an NFT and its metadata (owner, spender or operator), e.g. a scrapped machine.
    Burn {
        /// The NFT.
        token_id: String,
    },
    /// Owner (DAO) only: change issuers, appraisers, denoms, fees or the burn threshold.
    UpdateConfig(ConfigUpdate),
    /// Owner (DAO) only: change the fee payees or the shares of the mint and revaluation fees.
    UpdateFeeRouting(FeeRoutingUpdate),
    /// The circuit breaker: the guardian (before its sunset) or the DAO pauses new value coming
    /// in; every exit stays open. No funds.
    Circuit(crate::circuit::CircuitMsg),
}

/// A mint: the NFT and the asset it stands for.
#[cw_serde]
pub struct MintMsg {
    /// A new token id (1..=64 characters).
    pub token_id: String,
    /// Who receives the NFT.
    pub owner: String,
    /// Optional off-chain metadata URI.
    pub token_uri: Option<String>,
    /// What the NFT stands for: class, description, appraisal, documents.
    pub asset: MintAsset,
}

/// The config fields the owner (DAO) may change; each left out stays as it is.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New issuer list (at most 30).
    pub issuers: Option<Vec<String>>,
    /// New appraiser list (at most 30).
    pub appraisers: Option<Vec<String>>,
    /// New accepted native denoms.
    pub native_denoms: Option<Vec<String>>,
    /// New fees (each within its band).
    pub fees: Option<NftFees>,
    /// New high-value burn threshold, ubtt.
    pub burn_threshold: Option<Uint128>,
}

/// Hooks of BTT sent with cw20 `Send`; the amount must be exactly the fee.
// Parsed once per message and never stored: the size gap between variants costs nothing.
#[allow(clippy::large_enum_variant)]
#[cw_serde]
pub enum ReceiveMsg {
    /// As `ExecuteMsg::Mint` with a "btt" appraisal.
    Mint(MintMsg),
    /// As `ExecuteMsg::AcceptRevaluation` for a "btt" appraisal.
    AcceptRevaluation {
        /// The NFT.
        token_id: String,
    },
}

/// A revaluation waiting for the owner's or issuer's acceptance.
#[cw_serde]
pub struct PendingRevaluation {
    /// Who appraised the asset (free text: a firm or an address).
    pub appraiser: String,
    /// Proposed value.
    pub value: Uint128,
    /// Report hash.
    pub report_sha256: String,
    /// When it was proposed.
    pub proposed: Timestamp,
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Issuers, appraisers, denoms, fees, fee routing, burn threshold.
    #[returns(ConfigResponse)]
    Config {},
    /// One asset's metadata and owner.
    #[returns(AssetResponse)]
    Asset {
        /// The NFT.
        token_id: String,
    },
    /// The fee of minting at `value` and `complexity`.
    #[returns(Uint128)]
    MintFee {
        /// Appraised value.
        value: Uint128,
        /// Complexity tier.
        complexity: Complexity,
    },
    /// A pending revaluation and its fee.
    #[returns(Option<RevaluationResponse>)]
    PendingRevaluation {
        /// The NFT.
        token_id: String,
    },
    /// Fees collected and burned so far.
    #[returns(NftTotalsResponse)]
    Totals {},
    /// What each fee stream paid each payee, by asset.
    #[returns(Vec<crate::fee_router::RoutedTotal>)]
    FeesRouted {},
    /// cw721: owner and approvals.
    #[returns(cw721::msg::OwnerOfResponse)]
    OwnerOf {
        /// The NFT.
        token_id: String,
        /// Include expired approvals.
        include_expired: Option<bool>,
    },
    /// cw721: one spender's approval.
    #[returns(cw721::msg::ApprovalResponse)]
    Approval {
        /// The NFT.
        token_id: String,
        /// Who may move the NFT.
        spender: String,
        /// Include expired approvals.
        include_expired: Option<bool>,
    },
    /// cw721: all approvals of an NFT.
    #[returns(cw721::msg::ApprovalsResponse)]
    Approvals {
        /// The NFT.
        token_id: String,
        /// Include expired approvals.
        include_expired: Option<bool>,
    },
    /// cw721: an owner's operator.
    #[returns(cw721::msg::OperatorResponse)]
    Operator {
        /// Whose NFTs.
        owner: String,
        /// Who may move all of the owner's NFTs.
        operator: String,
        /// Include expired ones.
        include_expired: Option<bool>,
    },
    /// cw721: an owner's operators (paginated).
    #[returns(cw721::msg::OperatorsResponse)]
    AllOperators {
        /// Whose NFTs.
        owner: String,
        /// Include expired ones.
        include_expired: Option<bool>,
        /// Last operator of the previous page.
        start_after: Option<String>,
        /// Page size (default 10, max 30).
        limit: Option<u32>,
    },
    /// cw721: number of NFTs.
    #[returns(cw721::msg::NumTokensResponse)]
    NumTokens {},
    /// cw721: collection name and symbol.
    #[returns(cw721::state::CollectionInfo)]
    ContractInfo {},
    /// cw721: token URI and metadata.
    #[returns(cw721::msg::NftInfoResponse<AssetMetadata>)]
    NftInfo {
        /// The NFT.
        token_id: String,
    },
    /// cw721: owner, approvals, URI and metadata.
    #[returns(cw721::msg::AllNftInfoResponse<AssetMetadata>)]
    AllNftInfo {
        /// The NFT.
        token_id: String,
        /// Include expired approvals.
        include_expired: Option<bool>,
    },
    /// cw721: an owner's token ids (paginated).
    #[returns(cw721::msg::TokensResponse)]
    Tokens {
        /// Whose NFTs.
        owner: String,
        /// Last id of the previous page.
        start_after: Option<String>,
        /// Page size (default 10, max 30).
        limit: Option<u32>,
    },
    /// cw721: all token ids (paginated).
    #[returns(cw721::msg::TokensResponse)]
    AllTokens {
        /// Last id of the previous page.
        start_after: Option<String>,
        /// Page size (default 10, max 30).
        limit: Option<u32>,
    },
    /// The circuit breaker: guardian, sunset and the pause in force.
    #[returns(crate::circuit::Circuit)]
    Circuit {},
}

#[cw_serde]
pub struct ConfigResponse {
    /// The BTT token.
    pub token: String,
    /// Approved issuers.
    pub issuers: Vec<String>,
    /// Appointed appraisers.
    pub appraisers: Vec<String>,
    /// Accepted native denoms.
    pub native_denoms: Vec<String>,
    /// Mint fees by complexity tier and the revaluation fee.
    pub fees: NftFees,
    /// Where the fees go.
    pub fee_routing: FeeRouting,
    /// The high-value burn threshold, ubtt.
    pub burn_threshold: Uint128,
}

#[cw_serde]
pub struct AssetResponse {
    /// The NFT.
    pub token_id: String,
    /// Its owner.
    pub owner: String,
    /// Its metadata URI.
    pub token_uri: Option<String>,
    /// Its metadata.
    pub metadata: AssetMetadata,
}

#[cw_serde]
pub struct RevaluationResponse {
    /// The proposal.
    pub pending: PendingRevaluation,
    /// Fee due on acceptance, in the appraisal denom.
    pub fee: Uint128,
    /// The appraisal denom.
    pub denom: String,
}

#[cw_serde]
pub struct NftTotalsResponse {
    /// NFTs minted ever.
    pub minted: u64,
    /// Revaluations accepted so far.
    pub revaluations: u64,
    /// Fees collected, per denom ("btt" or native), burned part included.
    pub fees: Vec<(String, Uint128)>,
    /// BTT burned so far, in ubtt.
    pub burned: Uint128,
}

/// Migrates a deployed rwa-nft to this code.
#[cw_serde]
#[derive(Default)]
pub struct MigrateMsg {
    /// The fee routing, required when migrating from code before the fee router (whose
    /// recipients named no btt-staking); ignored otherwise.
    pub fee_routing: Option<crate::fee_router::FeeRoutingMsg>,
}
