use btt_types::fee_router::routed_totals;
use btt_types::fractionalizer::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, FEE_STREAMS};
use btt_types::ownership::update_ownership;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response, StdResult,
};

pub use crate::migrate::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::receive::native;
use crate::state::{Config, Totals, CONFIG, TOTALS};
use crate::vaults::REPLY_SHARES;
use crate::{buyout, config, fees, income, market, query, receive, vaults, ContractError};

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let config = Config {
        nft: deps.api.addr_validate(&msg.nft)?,
        token: deps.api.addr_validate(&msg.token)?,
        staking: deps.api.addr_validate(&msg.staking)?,
        shares_code_id: msg.shares_code_id,
        native_denoms: msg.native_denoms,
        fees: msg.fees,
        fee_routing: msg.fee_routing.validate(deps.api, &FEE_STREAMS)?,
        burn_threshold: msg.burn_threshold,
        buyout: msg.buyout,
    };
    config::validate(deps.as_ref(), &config)?;
    CONFIG.save(deps.storage, &config)?;
    TOTALS.save(deps.storage, &Totals::default())?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attributes(ownership.into_attributes()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::ReceiveNft(wrapper) => vaults::fractionalize(deps, env, info, wrapper),
        ExecuteMsg::Receive(wrapper) => receive::receive(deps, env, info, wrapper),
        ExecuteMsg::SharesMoved { from, to, amount } => {
            income::shares_moved(deps, env, info, from, to, amount)
        }
        ExecuteMsg::List {
            vault_id,
            shares,
            price_per_share,
        } => market::list(deps, env, info, vault_id, shares, price_per_share),
        ExecuteMsg::CancelListing { listing_id } => market::cancel(deps, info, listing_id),
        ExecuteMsg::Buy { listing_id, shares } => {
            native(&deps, &info).and_then(|paid| market::buy(deps, listing_id, shares, paid))
        }
        ExecuteMsg::DepositIncome { vault_id } => {
            native(&deps, &info).and_then(|paid| income::deposit(deps, vault_id, paid))
        }
        ExecuteMsg::ClaimIncome { vault_id } => income::claim(deps, info, vault_id),
        ExecuteMsg::CollectFees { vault_id } => vaults::collect_fees(deps, env, info, vault_id),
        ExecuteMsg::SignalReserve { vault_id, price } => {
            buyout::signal(deps, info, vault_id, price)
        }
        ExecuteMsg::Bid { vault_id } => {
            native(&deps, &info).and_then(|paid| buyout::bid(deps, env, vault_id, paid))
        }
        ExecuteMsg::SettleAuction { vault_id } => buyout::settle_auction(deps, env, info, vault_id),
        ExecuteMsg::UpdateConfig(update) => config::update(deps, info, update),
        ExecuteMsg::UpdateFeeRouting(update) => fees::update_routing(deps, info, update),
        ExecuteMsg::Circuit(msg) => Ok(btt_types::circuit::execute(deps, &env, &info, msg)?),
        ExecuteMsg::UpdateOwnership(action) => update_ownership(deps, &env, &info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, _env: Env, msg: Reply) -> Result<Response, ContractError> {
    match msg.id {
        REPLY_SHARES => vaults::shares_created(deps, msg),
        _ => Err(ContractError::NoPendingVault),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Circuit {} => to_json_binary(&btt_types::circuit::load(deps.storage)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
        QueryMsg::Vault { vault_id } => to_json_binary(&query::vault(deps, &env, vault_id)?),
        QueryMsg::Vaults { start_after, limit } => {
            to_json_binary(&query::vaults(deps, start_after, limit)?)
        }
        QueryMsg::Featured { start_after, limit } => {
            to_json_binary(&query::featured(deps, &env, start_after, limit)?)
        }
        QueryMsg::Listing { listing_id } => to_json_binary(&query::listing(deps, listing_id)?),
        QueryMsg::Listings {
            vault_id,
            start_after,
            limit,
        } => to_json_binary(&query::listings(deps, vault_id, start_after, limit)?),
        QueryMsg::Quote {
            listing_id,
            shares,
            buyer,
        } => to_json_binary(&query::quote(deps, listing_id, shares, buyer)?),
        QueryMsg::Holder { vault_id, address } => {
            to_json_binary(&query::holder(deps, vault_id, address)?)
        }
        QueryMsg::Claimable { vault_id, address } => {
            to_json_binary(&query::claimable_of(deps, vault_id, address)?)
        }
        QueryMsg::Auction { vault_id } => to_json_binary(&query::auction(deps, vault_id)?),
        QueryMsg::ReservePrice { vault_id } => to_json_binary(&query::reserve(deps, vault_id)?),
        QueryMsg::Totals {} => to_json_binary(&query::totals(deps)?),
        QueryMsg::FeesRouted {} => to_json_binary(&routed_totals(deps.storage)?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    crate::migrate::migrate(deps, env, msg)
}
