use btt_types::fee_router::routed_totals;
use btt_types::fees::in_band;
use btt_types::fractionalizer::{
    BuyoutParams, ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, ReceiveMsg, VaultFees,
    FEE_STREAMS, MANAGEMENT_FEE_BAND, TRADE_FEE_BAND,
};
use btt_types::ownership::update_ownership;
use btt_types::token::UnknownToken;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    from_json, to_json_binary, Binary, Decimal, Deps, DepsMut, Env, MessageInfo, Reply, Response,
    StdResult, Uint128,
};
use cw20::Cw20ReceiveMsg;

use crate::payment::Payment;
use crate::state::{Config, Totals, BY_SHARES, CONFIG, TOTALS};
use crate::vaults::REPLY_SHARES;
use crate::{buyout, fees, income, market, query, vaults, ContractError};

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:rwa-fractionalizer";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

fn check_fees(fees: &VaultFees) -> Result<(), ContractError> {
    let tiers = &fees.trade_by_priority;
    if tiers.is_empty() || tiers.len() > 8 {
        return Err(invalid("1 to 8 trade fee tiers"));
    }
    for t in tiers {
        in_band("trade fee", *t, TRADE_FEE_BAND.0, TRADE_FEE_BAND.1)?;
    }
    if tiers.windows(2).any(|w| w[1] > w[0]) {
        return Err(invalid("trade fees may not rise with the staking tier"));
    }
    in_band(
        "management fee",
        fees.management,
        MANAGEMENT_FEE_BAND.0,
        MANAGEMENT_FEE_BAND.1,
    )?;
    if !fees.management_protocol.is_valid() {
        return Err(invalid(
            "the protocol's part of the management fee is at most 100%",
        ));
    }
    if fees.premium.is_zero() || fees.premium_seconds == 0 {
        return Err(invalid("the premium listing has a fee and a period"));
    }
    Ok(())
}

fn check_buyout(b: &BuyoutParams) -> Result<(), ContractError> {
    if b.appraisal_floor > Decimal::one() {
        return Err(invalid(
            "the appraisal floor is at most 100% of the appraisal",
        ));
    }
    if b.min_factor.is_zero() || b.min_factor > Decimal::one() || b.max_factor < Decimal::one() {
        return Err(invalid("reserve factors must satisfy 0 < min ≤ 1 ≤ max"));
    }
    if b.duration == 0 || b.extension == 0 || b.extension > b.duration {
        return Err(invalid("auction duration > 0 and 0 < extension ≤ duration"));
    }
    if b.min_increment.0 == 0 || !b.min_increment.is_valid() {
        return Err(invalid(
            "the minimum increment is above 0% and at most 100%",
        ));
    }
    Ok(())
}

fn validate(c: &Config) -> Result<(), ContractError> {
    check_fees(&c.fees)?;
    check_buyout(&c.buyout)?;
    if !btt_types::asset::are_native_denoms(&c.native_denoms) {
        return Err(invalid("native denoms must be real denoms"));
    }
    Ok(())
}

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
    validate(&config)?;
    config
        .fee_routing
        .check_staking_denoms(&deps.querier, &config.native_denoms)?;
    CONFIG.save(deps.storage, &config)?;
    TOTALS.save(deps.storage, &Totals::default())?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attributes(ownership.into_attributes()))
}

/// cw20 hooks: BTT payments, or shares of a vault coming back for redemption. The sending
/// token is checked before the hook is read.
fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let shares_of = if info.sender == config.token {
        None
    } else {
        let vault_id = BY_SHARES
            .may_load(deps.storage, &info.sender)?
            .ok_or_else(|| UnknownToken {
                expected: config.token.clone(),
                got: info.sender.clone(),
            })?;
        Some(vault_id)
    };
    let sender = deps.api.addr_validate(&wrapper.sender)?;
    let msg: ReceiveMsg = from_json(&wrapper.msg)?;
    let wrong_hook = || ContractError::WrongHook {
        token: info.sender.to_string(),
    };
    match (shares_of, msg) {
        (None, ReceiveMsg::Buy { listing_id, shares }) => market::buy(
            deps,
            listing_id,
            shares,
            Payment::btt(&config, sender, wrapper.amount),
        ),
        (None, ReceiveMsg::DepositIncome { vault_id }) => income::deposit(
            deps,
            vault_id,
            Payment::btt(&config, sender, wrapper.amount),
        ),
        (None, ReceiveMsg::Bid { vault_id }) => buyout::bid(
            deps,
            env,
            vault_id,
            Payment::btt(&config, sender, wrapper.amount),
        ),
        (None, ReceiveMsg::Feature { vault_id }) => market::feature(
            deps,
            env,
            vault_id,
            Payment::btt(&config, sender, wrapper.amount),
        ),
        (Some(vault_id), ReceiveMsg::Redeem {}) => {
            buyout::redeem(deps, vault_id, sender, wrapper.amount)
        }
        (Some(vault_id), ReceiveMsg::RedeemNft {}) => {
            buyout::redeem_nft(deps, env, vault_id, sender, wrapper.amount)
        }
        _ => Err(wrong_hook()),
    }
}

#[allow(clippy::too_many_arguments)]
fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    fees: Option<VaultFees>,
    burn_threshold: Option<Uint128>,
    buyout: Option<BuyoutParams>,
    native_denoms: Option<Vec<String>>,
    shares_code_id: Option<u64>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut c = CONFIG.load(deps.storage)?;
    if let Some(f) = fees {
        c.fees = f;
    }
    if let Some(t) = burn_threshold {
        c.burn_threshold = t;
    }
    if let Some(b) = buyout {
        c.buyout = b;
    }
    if let Some(d) = native_denoms {
        c.native_denoms = d;
    }
    if let Some(id) = shares_code_id {
        c.shares_code_id = id;
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
        ExecuteMsg::ReceiveNft(wrapper) => vaults::fractionalize(deps, env, info, wrapper),
        ExecuteMsg::Receive(wrapper) => receive(deps, env, info, wrapper),
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
            let paid = Payment::native(deps.storage, &info)?;
            market::buy(deps, listing_id, shares, paid)
        }
        ExecuteMsg::DepositIncome { vault_id } => {
            let paid = Payment::native(deps.storage, &info)?;
            income::deposit(deps, vault_id, paid)
        }
        ExecuteMsg::ClaimIncome { vault_id } => income::claim(deps, info, vault_id),
        ExecuteMsg::CollectFees { vault_id } => vaults::collect_fees(deps, env, info, vault_id),
        ExecuteMsg::SignalReserve { vault_id, price } => {
            buyout::signal(deps, info, vault_id, price)
        }
        ExecuteMsg::Bid { vault_id } => {
            let paid = Payment::native(deps.storage, &info)?;
            buyout::bid(deps, env, vault_id, paid)
        }
        ExecuteMsg::SettleAuction { vault_id } => buyout::settle_auction(deps, env, info, vault_id),
        ExecuteMsg::UpdateConfig {
            fees,
            burn_threshold,
            buyout,
            native_denoms,
            shares_code_id,
        } => update_config(
            deps,
            info,
            fees,
            burn_threshold,
            buyout,
            native_denoms,
            shares_code_id,
        ),
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
