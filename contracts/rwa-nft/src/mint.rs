//! Minting by approved issuers, against the mint fee.

use btt_types::fee_router::FeeStream;
use btt_types::rwa_nft::{Appraisal, AssetMetadata, MintAsset};
use cosmwasm_std::{Addr, DepsMut, Empty, Env, Response};
use cw721::state::{Cw721Config, NftInfo};

use crate::fees::{check_denom, check_paid, distribute, Paid};
use crate::metadata::check_mint;
use crate::state::{ASSETS, CONFIG, TOTALS};
use crate::ContractError;

/// The cw721 storage of this contract: the standard record with an empty extension.
pub fn cw721_store() -> Cw721Config<'static, Option<Empty>> {
    Cw721Config::default()
}

/// Mints `token_id` to `owner` for `issuer`, who paid `paid`.
#[allow(clippy::too_many_arguments)]
pub fn mint(
    deps: DepsMut,
    env: Env,
    issuer: Addr,
    paid: Paid,
    token_id: String,
    owner: String,
    token_uri: Option<String>,
    asset: MintAsset,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    if !config.issuers.contains(&issuer) {
        return Err(ContractError::NotIssuer {
            address: issuer.into_string(),
        });
    }
    let class = check_mint(&token_id, &asset)?;
    check_denom(&config, &asset.denom)?;
    let fee = asset
        .value
        .mul_ceil(config.fees.mint(asset.complexity).to_decimal());
    check_paid(&paid, &asset.denom, fee)?;
    let owner = deps.api.addr_validate(&owner)?;

    let store = cw721_store();
    if store.nft_info.has(deps.storage, &token_id) {
        return Err(ContractError::TokenExists { token_id });
    }
    let record = NftInfo {
        owner: owner.clone(),
        approvals: vec![],
        token_uri,
        extension: None,
    };
    store.nft_info.save(deps.storage, &token_id, &record)?;
    store.increment_tokens(deps.storage)?;
    let metadata = AssetMetadata {
        class,
        description: asset.description,
        appraisal: Appraisal {
            value: asset.value,
            denom: asset.denom,
            date: env.block.time,
            appraiser: asset.appraiser,
        },
        issuer: issuer.to_string(),
        complexity: asset.complexity,
        documents: asset.documents,
        jurisdiction: asset.jurisdiction,
        regulatory_id: asset.regulatory_id,
    };
    ASSETS.save(deps.storage, &token_id, &metadata)?;
    TOTALS.update(deps.storage, |mut t| -> Result<_, ContractError> {
        t.minted += 1;
        Ok(t)
    })?;
    let routed = distribute(deps.storage, &config, FeeStream::Mint, &paid, asset.value)?;
    Ok(Response::new()
        .add_messages(routed.msgs)
        .add_event(routed.event)
        .add_attribute("action", "mint")
        .add_attribute("token_id", token_id)
        .add_attribute("issuer", issuer)
        .add_attribute("owner", owner)
        .add_attribute("value", asset.value)
        .add_attribute("denom", &paid.denom)
        .add_attribute("fee", fee)
        .add_attribute("burned", routed.routed.burned))
}
