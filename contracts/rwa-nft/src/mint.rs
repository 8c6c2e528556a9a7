//! Minting by approved issuers, against the mint fee.

use btt_types::asset::{asset_named, Payment};
use btt_types::fee_router::FeeStream;
use btt_types::math::Checked;
use btt_types::rwa_nft::{Appraisal, AssetMetadata, Complexity, MintMsg};
use cosmwasm_std::{ensure, DepsMut, Empty, Env, Response, Uint128};
use cw721::state::{Cw721Config, NftInfo};

use crate::fees::distribute;
use crate::metadata::check_mint;
use crate::state::{Config, ASSETS, CONFIG, TOTALS};
use crate::ContractError;

/// The mint fee of an asset worth `value`: its complexity tier's rate (at most 3%), rounded up.
pub fn mint_fee(config: &Config, value: Uint128, complexity: Complexity) -> Uint128 {
    config.fees.mint(complexity).of_ceil(value)
}

/// The cw721 storage of this contract: the standard record with an empty extension.
pub fn cw721_store() -> Cw721Config<'static, Option<Empty>> {
    Cw721Config::default()
}

/// `Mint`: an approved issuer, the payer of `paid`, mints an NFT against exactly the mint fee
/// in the appraisal's denom.
pub fn mint(
    deps: DepsMut,
    env: Env,
    paid: Payment,
    msg: MintMsg,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let MintMsg {
        token_id,
        owner,
        token_uri,
        asset,
    } = msg;
    let issuer = paid.sender.clone();
    ensure!(
        config.issuers.contains(&issuer),
        ContractError::NotIssuer {
            address: issuer.into_string(),
        }
    );
    let class = check_mint(&token_id, &asset)?;
    let due = asset_named(&asset.denom, &config.token, &config.native_denoms)?;
    let fee = mint_fee(&config, asset.value, asset.complexity);
    paid.check(&due, fee)?;
    let owner = deps.api.addr_validate(&owner)?;

    let store = cw721_store();
    ensure!(
        !store.nft_info.has(deps.storage, &token_id),
        ContractError::TokenExists { token_id }
    );
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
        t.minted = t.minted.add_checked(1)?;
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
        .add_attribute("denom", paid.denom())
        .add_attribute("fee", fee)
        .add_attribute("burned", routed.routed.burned))
}
