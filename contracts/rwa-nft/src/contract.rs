use btt_types::asset::Payment;
use btt_types::fee_router::routed_totals;
use btt_types::ownership::update_ownership;
use btt_types::rwa_nft::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, FEE_STREAMS};
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};
use cw721::query as q;

pub use crate::migrate::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::state::{Config, Totals, CONFIG, TOTALS};
use crate::{config, fees, mint, nft, query, receive, revalue, ContractError};

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
        issuers: config::members(deps.api, &msg.issuers, "issuers")?,
        appraisers: config::members(deps.api, &msg.appraisers, "appraisers")?,
        native_denoms: msg.native_denoms,
        fees: msg.fees,
        fee_routing: msg.fee_routing.validate(deps.api, &FEE_STREAMS)?,
        burn_threshold: msg.burn_threshold,
    };
    config::validate(deps.as_ref(), &config)?;
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

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Mint(mint) => mint::mint(deps, env, Payment::one_coin(&info)?, mint),
        ExecuteMsg::Appraise {
            token_id,
            value,
            report_sha256,
        } => revalue::appraise(deps, env, info, token_id, value, report_sha256),
        ExecuteMsg::AcceptRevaluation { token_id } => {
            revalue::accept(deps, env, Payment::one_coin(&info)?, token_id)
        }
        ExecuteMsg::Receive(wrapper) => receive::receive(deps, env, info, wrapper),
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
        ExecuteMsg::UpdateConfig(update) => config::update(deps, info, update),
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
        } => to_json_binary(&query::owner_of(deps, &env, token_id, include_expired)?),
        QueryMsg::Approval {
            token_id,
            spender,
            include_expired,
        } => to_json_binary(&query::approval(
            deps,
            &env,
            token_id,
            spender,
            include_expired,
        )?),
        QueryMsg::Approvals {
            token_id,
            include_expired,
        } => to_json_binary(&query::approvals(deps, &env, token_id, include_expired)?),
        QueryMsg::Operator {
            owner,
            operator,
            include_expired,
        } => to_json_binary(&query::operator(
            deps,
            &env,
            owner,
            operator,
            include_expired,
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
