use btt_types::fee_router::routed_totals;
use btt_types::fees::in_band;
use btt_types::ownership::update_ownership;
use btt_types::rwa_nft::{
    ExecuteMsg, InstantiateMsg, MigrateMsg, NftFees, QueryMsg, ReceiveMsg, FEE_STREAMS,
    MAX_ROLE_MEMBERS, MINT_FEE_BAND, REVALUATION_FEE_BAND,
};
use btt_types::token::hook_sender;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    from_json, to_json_binary, Addr, Api, Binary, Deps, DepsMut, Env, MessageInfo, Response,
    StdResult, Uint128,
};
use cw20::Cw20ReceiveMsg;
use cw721::query as q;

use crate::fees::{Paid, BTT};
use crate::state::{Config, Totals, CONFIG, TOTALS};
use crate::{fees, mint, nft, query, revalue, ContractError};

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:rwa-nft";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

fn members(api: &dyn Api, list: &[String], role: &str) -> Result<Vec<Addr>, ContractError> {
    if list.len() > MAX_ROLE_MEMBERS {
        return Err(invalid(&format!("at most 30 {role}")));
    }
    list.iter().map(|a| Ok(api.addr_validate(a)?)).collect()
}

fn check_fees(fees: &NftFees) -> Result<(), ContractError> {
    let (lo, hi) = MINT_FEE_BAND;
    in_band("simple mint fee", fees.simple, lo, hi)?;
    in_band("standard mint fee", fees.standard, lo, hi)?;
    in_band("complex mint fee", fees.complex, lo, hi)?;
    let (lo, hi) = REVALUATION_FEE_BAND;
    in_band("revaluation fee", fees.revaluation, lo, hi)?;
    Ok(())
}

fn validate(config: &Config) -> Result<(), ContractError> {
    check_fees(&config.fees)?;
    if !btt_types::asset::are_native_denoms(&config.native_denoms) {
        return Err(invalid("native denoms must be real denoms"));
    }
    Ok(())
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = Config {
        token: deps.api.addr_validate(&msg.token)?,
        issuers: members(deps.api, &msg.issuers, "issuers")?,
        appraisers: members(deps.api, &msg.appraisers, "appraisers")?,
        native_denoms: msg.native_denoms,
        fees: msg.fees,
        fee_routing: msg.fee_routing.validate(deps.api, &FEE_STREAMS)?,
        burn_threshold: msg.burn_threshold,
    };
    validate(&config)?;
    config
        .fee_routing
        .check_staking_denoms(&deps.querier, &config.native_denoms)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    // cw721 keeps the collection info, its creator (cw-ownable's ownership: our owner) and its
    // minter. Minting goes through `Mint` only, so the minter is this contract itself.
    let collection = cw721::msg::Cw721InstantiateMsg::<Option<cosmwasm_std::Empty>> {
        name: msg.name,
        symbol: msg.symbol,
        collection_info_extension: None,
        minter: Some(env.contract.address.to_string()),
        creator: Some(owner.clone()),
        withdraw_address: None,
    };
    cw721::execute::instantiate_with_version::<
        Option<cosmwasm_std::Empty>,
        Option<cosmwasm_std::Empty>,
        cosmwasm_std::Empty,
    >(
        deps.branch(),
        &env,
        &info,
        collection,
        CONTRACT_NAME,
        CONTRACT_VERSION,
    )?;
    CONFIG.save(deps.storage, &config)?;
    TOTALS.save(deps.storage, &Totals::default())?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner))
}

/// Native-funds payment of exactly one coin.
fn native_paid(info: &MessageInfo) -> Result<Paid, ContractError> {
    let coin = cw_utils::one_coin(info)?;
    Ok(Paid {
        denom: coin.denom,
        amount: coin.amount,
    })
}

fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let sender = hook_sender::<ContractError>(deps.api, &info, &token, &wrapper)?;
    let paid = Paid {
        denom: BTT.into(),
        amount: wrapper.amount,
    };
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Mint {
            token_id,
            owner,
            token_uri,
            asset,
        } => mint::mint(deps, env, sender, paid, token_id, owner, token_uri, asset),
        ReceiveMsg::AcceptRevaluation { token_id } => {
            revalue::accept(deps, env, sender, paid, token_id)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    issuers: Option<Vec<String>>,
    appraisers: Option<Vec<String>>,
    native_denoms: Option<Vec<String>>,
    fees: Option<NftFees>,
    burn_threshold: Option<Uint128>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut c = CONFIG.load(deps.storage)?;
    if let Some(list) = issuers {
        c.issuers = members(deps.api, &list, "issuers")?;
    }
    if let Some(list) = appraisers {
        c.appraisers = members(deps.api, &list, "appraisers")?;
    }
    if let Some(d) = native_denoms {
        c.native_denoms = d;
    }
    if let Some(f) = fees {
        c.fees = f;
    }
    if let Some(t) = burn_threshold {
        c.burn_threshold = t;
    }
    validate(&c)?;
    c.fee_routing
        .check_staking_denoms(&deps.querier, &c.native_denoms)?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Mint {
            token_id,
            owner,
            token_uri,
            asset,
        } => {
            let paid = native_paid(&info)?;
            mint::mint(
                deps,
                env,
                info.sender,
                paid,
                token_id,
                owner,
                token_uri,
                asset,
            )
        }
        ExecuteMsg::Appraise {
            token_id,
            value,
            report_sha256,
        } => revalue::appraise(deps, env, info, token_id, value, report_sha256),
        ExecuteMsg::AcceptRevaluation { token_id } => {
            let paid = native_paid(&info)?;
            revalue::accept(deps, env, info.sender, paid, token_id)
        }
        ExecuteMsg::Receive(wrapper) => receive(deps, env, info, wrapper),
        ExecuteMsg::TransferNft {
            recipient,
            token_id,
        } => nft::transfer(deps, env, info, recipient, token_id),
        ExecuteMsg::SendNft {
            contract,
            token_id,
            msg,
        } => nft::send(deps, env, info, contract, token_id, msg),
        ExecuteMsg::Approve {
            spender,
            token_id,
            expires,
        } => nft::approve(deps, env, info, spender, token_id, expires),
        ExecuteMsg::Revoke { spender, token_id } => nft::revoke(deps, env, info, spender, token_id),
        ExecuteMsg::ApproveAll { operator, expires } => {
            nft::approve_all(deps, env, info, operator, expires)
        }
        ExecuteMsg::RevokeAll { operator } => nft::revoke_all(deps, env, info, operator),
        ExecuteMsg::Burn { token_id } => nft::burn(deps, env, info, token_id),
        ExecuteMsg::UpdateConfig {
            issuers,
            appraisers,
            native_denoms,
            fees,
            burn_threshold,
        } => update_config(
            deps,
            info,
            issuers,
            appraisers,
            native_denoms,
            fees,
            burn_threshold,
        ),
        ExecuteMsg::UpdateFeeRouting(update) => fees::update_routing(deps, info, update),
        ExecuteMsg::Circuit(msg) => Ok(btt_types::circuit::execute(deps, &env, &info, msg)?),
        ExecuteMsg::UpdateOwnership(action) => update_ownership(deps, &env, &info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Circuit {} => to_json_binary(&btt_types::circuit::load(deps.storage)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
        QueryMsg::Asset { token_id } => to_json_binary(&query::asset(deps, token_id)?),
        QueryMsg::MintFee { value, complexity } => {
            to_json_binary(&query::mint_fee(deps, value, complexity)?)
        }
        QueryMsg::PendingRevaluation { token_id } => {
            to_json_binary(&query::pending(deps, token_id)?)
        }
        QueryMsg::Totals {} => to_json_binary(&query::totals(deps)?),
        QueryMsg::FeesRouted {} => to_json_binary(&routed_totals(deps.storage)?),
        QueryMsg::OwnerOf {
            token_id,
            include_expired,
        } => to_json_binary(&q::query_owner_of(
            deps,
            &env,
            token_id,
            include_expired.unwrap_or(false),
        )?),
        QueryMsg::Approval {
            token_id,
            spender,
            include_expired,
        } => to_json_binary(&q::query_approval(
            deps,
            &env,
            token_id,
            deps.api.addr_validate(&spender)?,
            include_expired.unwrap_or(false),
        )?),
        QueryMsg::Approvals {
            token_id,
            include_expired,
        } => to_json_binary(&q::query_approvals(
            deps,
            &env,
            token_id,
            include_expired.unwrap_or(false),
        )?),
        QueryMsg::Operator {
            owner,
            operator,
            include_expired,
        } => to_json_binary(&q::query_operator(
            deps,
            &env,
            owner,
            operator,
            include_expired.unwrap_or(false),
        )?),
        QueryMsg::AllOperators {
            owner,
            include_expired,
            start_after,
            limit,
        } => to_json_binary(&query::operators(
            deps,
            &env,
            owner,
            include_expired,
            start_after,
            limit,
        )?),
        QueryMsg::NumTokens {} => to_json_binary(&q::query_num_tokens(deps.storage)?),
        QueryMsg::ContractInfo {} => to_json_binary(&q::query_collection_info(deps.storage)?),
        QueryMsg::NftInfo { token_id } => to_json_binary(&query::nft_info(deps, token_id)?),
        QueryMsg::AllNftInfo {
            token_id,
            include_expired,
        } => to_json_binary(&query::all_nft_info(deps, &env, token_id, include_expired)?),
        QueryMsg::Tokens {
            owner,
            start_after,
            limit,
        } => to_json_binary(&query::tokens(deps, &env, owner, start_after, limit)?),
        QueryMsg::AllTokens { start_after, limit } => {
            to_json_binary(&query::all_tokens(deps, &env, start_after, limit)?)
        }
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    crate::migrate::migrate(deps, env, msg)
}
