//! Queries: the asset view, fees, totals, and the cw721 standard queries.

use btt_types::pagination::clamp_limit;
use btt_types::rwa_nft::{
    AssetMetadata, AssetResponse, Complexity, ConfigResponse, NftTotalsResponse,
    RevaluationResponse,
};
use cosmwasm_std::{Deps, Env, Order, StdResult, Uint128};
use cw721::msg::{
    AllNftInfoResponse, ApprovalResponse, ApprovalsResponse, NftInfoResponse, OperatorResponse,
    OperatorsResponse, OwnerOfResponse, TokensResponse,
};
use cw721::query as q;

use crate::mint::cw721_store;
use crate::revalue::revaluation_fee;
use crate::state::{ASSETS, CONFIG, FEES, REVALUATIONS, TOTALS};

/// `Config`.
pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: c.token.into_string(),
        issuers: c.issuers.into_iter().map(|a| a.into_string()).collect(),
        appraisers: c.appraisers.into_iter().map(|a| a.into_string()).collect(),
        native_denoms: c.native_denoms,
        fees: c.fees,
        fee_routing: c.fee_routing,
        burn_threshold: c.burn_threshold,
    })
}

/// `Asset`.
pub fn asset(deps: Deps, token_id: String) -> StdResult<AssetResponse> {
    let record = cw721_store().nft_info.load(deps.storage, &token_id)?;
    Ok(AssetResponse {
        metadata: ASSETS.load(deps.storage, &token_id)?,
        owner: record.owner.into_string(),
        token_uri: record.token_uri,
        token_id,
    })
}

/// `MintFee`.
pub fn mint_fee(deps: Deps, value: Uint128, complexity: Complexity) -> StdResult<Uint128> {
    let c = CONFIG.load(deps.storage)?;
    Ok(crate::mint::mint_fee(&c, value, complexity))
}

/// `PendingRevaluation`.
pub fn pending(deps: Deps, token_id: String) -> StdResult<Option<RevaluationResponse>> {
    let Some(pending) = REVALUATIONS.may_load(deps.storage, &token_id)? else {
        return Ok(None);
    };
    let c = CONFIG.load(deps.storage)?;
    let denom = ASSETS.load(deps.storage, &token_id)?.appraisal.denom;
    Ok(Some(RevaluationResponse {
        fee: revaluation_fee(&c, pending.value),
        pending,
        denom,
    }))
}

/// `Totals`.
pub fn totals(deps: Deps) -> StdResult<NftTotalsResponse> {
    let t = TOTALS.load(deps.storage)?;
    let fees = FEES
        .range(deps.storage, None, None, Order::Ascending)
        .collect::<StdResult<Vec<_>>>()?;
    Ok(NftTotalsResponse {
        minted: t.minted,
        revaluations: t.revaluations,
        fees,
        burned: t.burned,
    })
}

/// cw721 `NftInfo`, with the asset metadata as extension.
pub fn nft_info(deps: Deps, token_id: String) -> StdResult<NftInfoResponse<AssetMetadata>> {
    let a = asset(deps, token_id)?;
    Ok(NftInfoResponse {
        token_uri: a.token_uri,
        extension: a.metadata,
    })
}

/// cw721 `AllNftInfo`, with the asset metadata as extension.
pub fn all_nft_info(
    deps: Deps,
    env: &Env,
    token_id: String,
    include_expired: Option<bool>,
) -> StdResult<AllNftInfoResponse<AssetMetadata>> {
    let access = q::query_owner_of(
        deps,
        env,
        token_id.clone(),
        include_expired.unwrap_or(false),
    )?;
    Ok(AllNftInfoResponse {
        access,
        info: nft_info(deps, token_id)?,
    })
}

fn limit(limit: Option<u32>) -> Option<u32> {
    Some(clamp_limit(limit) as u32)
}

/// cw721 `Tokens`, clamped to our page size.
pub fn tokens(
    deps: Deps,
    env: &Env,
    owner: String,
    start_after: Option<String>,
    l: Option<u32>,
) -> StdResult<TokensResponse> {
    q::query_tokens(deps, env, owner, start_after, limit(l))
}

/// cw721 `AllTokens`, clamped to our page size.
pub fn all_tokens(
    deps: Deps,
    env: &Env,
    start_after: Option<String>,
    l: Option<u32>,
) -> StdResult<TokensResponse> {
    q::query_all_tokens(deps, env, start_after, limit(l))
}

/// cw721 `AllOperators`, clamped to our page size.
pub fn operators(
    deps: Deps,
    env: &Env,
    owner: String,
    include_expired: Option<bool>,
    start_after: Option<String>,
    l: Option<u32>,
) -> StdResult<OperatorsResponse> {
    q::query_operators(
        deps,
        env,
        owner,
        include_expired.unwrap_or(false),
        start_after,
        limit(l),
    )
}

/// cw721 `OwnerOf`.
pub fn owner_of(
    deps: Deps,
    env: &Env,
    token_id: String,
    include_expired: Option<bool>,
) -> StdResult<OwnerOfResponse> {
    q::query_owner_of(deps, env, token_id, include_expired.unwrap_or(false))
}

/// cw721 `Approval` of `spender` on `token_id`.
pub fn approval(
    deps: Deps,
    env: &Env,
    token_id: String,
    spender: String,
    include_expired: Option<bool>,
) -> StdResult<ApprovalResponse> {
    let spender = deps.api.addr_validate(&spender)?;
    q::query_approval(
        deps,
        env,
        token_id,
        spender,
        include_expired.unwrap_or(false),
    )
}

/// cw721 `Approvals` of `token_id`.
pub fn approvals(
    deps: Deps,
    env: &Env,
    token_id: String,
    include_expired: Option<bool>,
) -> StdResult<ApprovalsResponse> {
    q::query_approvals(deps, env, token_id, include_expired.unwrap_or(false))
}

/// cw721 `Operator`: whether `operator` may move all of `owner`'s NFTs.
pub fn operator(
    deps: Deps,
    env: &Env,
    owner: String,
    operator: String,
    include_expired: Option<bool>,
) -> StdResult<OperatorResponse> {
    q::query_operator(deps, env, owner, operator, include_expired.unwrap_or(false))
}
