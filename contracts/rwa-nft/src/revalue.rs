//! Revaluation: an appraiser proposes, the owner or issuer accepts and pays the fee.

use btt_types::asset::{Asset, Payment};
use btt_types::fee_router::FeeStream;
use btt_types::math::Checked;
use btt_types::rwa_nft::PendingRevaluation;
use cosmwasm_std::{ensure, DepsMut, Env, MessageInfo, Response, Uint128};

use crate::fees::distribute;
use crate::metadata::check_sha256;
use crate::mint::cw721_store;
use crate::state::{Config, ASSETS, CONFIG, REVALUATIONS, TOTALS};
use crate::ContractError;

/// The fee of accepting a revaluation to `value`.
pub fn revaluation_fee(config: &Config, value: Uint128) -> Uint128 {
    config.fees.revaluation.of_ceil(value)
}

/// `Appraise`: an appointed appraiser proposes a new value (replacing any pending one).
pub fn appraise(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    value: Uint128,
    report_sha256: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    ensure!(
        config.appraisers.contains(&info.sender),
        ContractError::NotAppraiser {
            address: info.sender.into_string(),
        }
    );
    ensure!(
        ASSETS.has(deps.storage, &token_id),
        ContractError::NoAsset { token_id }
    );
    ensure!(!value.is_zero(), ContractError::ZeroAppraisal);
    check_sha256("report sha256", &report_sha256)?;
    let pending = PendingRevaluation {
        appraiser: info.sender.to_string(),
        value,
        report_sha256,
        proposed: env.block.time,
    };
    REVALUATIONS.save(deps.storage, &token_id, &pending)?;
    Ok(Response::new()
        .add_attribute("action", "appraise")
        .add_attribute("token_id", token_id)
        .add_attribute("appraiser", info.sender)
        .add_attribute("value", value)
        .add_attribute("fee", revaluation_fee(&config, value)))
}

/// `AcceptRevaluation`: the owner or issuer pays the fee and the appraisal is updated.
pub fn accept(
    deps: DepsMut,
    env: Env,
    paid: Payment,
    token_id: String,
) -> Result<Response, ContractError> {
    let payer = paid.sender.clone();
    let config = CONFIG.load(deps.storage)?;
    let pending = REVALUATIONS
        .may_load(deps.storage, &token_id)?
        .ok_or_else(|| ContractError::NoPendingRevaluation {
            token_id: token_id.clone(),
        })?;
    let mut asset = ASSETS.load(deps.storage, &token_id)?;
    let owner = cw721_store().nft_info.load(deps.storage, &token_id)?.owner;
    if payer != owner && payer.as_str() != asset.issuer {
        return Err(ContractError::NotOwnerOrIssuer { token_id });
    }
    let fee = revaluation_fee(&config, pending.value);
    paid.check(&Asset::named(&asset.appraisal.denom, &config.token), fee)?;
    let old = asset.appraisal.value;
    asset.appraisal.value = pending.value;
    asset.appraisal.date = env.block.time;
    asset.appraisal.appraiser = pending.appraiser;
    ASSETS.save(deps.storage, &token_id, &asset)?;
    REVALUATIONS.remove(deps.storage, &token_id);
    TOTALS.update(deps.storage, |mut t| -> Result<_, ContractError> {
        t.revaluations = t.revaluations.add_checked(1)?;
        Ok(t)
    })?;
    let routed = distribute(
        deps.storage,
        &config,
        FeeStream::Revaluation,
        &paid,
        pending.value,
    )?;
    Ok(Response::new()
        .add_messages(routed.msgs)
        .add_event(routed.event)
        .add_attribute("action", "accept_revaluation")
        .add_attribute("token_id", token_id)
        .add_attribute("payer", payer)
        .add_attribute("old_value", old)
        .add_attribute("new_value", pending.value)
        .add_attribute("fee", fee)
        .add_attribute("burned", routed.routed.burned))
}
