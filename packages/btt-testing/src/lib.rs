//! Test support shared by the contract suites: BTT and btt-staking on cw-multi-test, set up the
//! same way everywhere.

use btt_types::bps::Bps;
use btt_types::fee_router::{
    FeePayeesMsg, FeeRoute, FeeRoutingMsg, FeeShares, FeeStream, StreamSet,
};
use btt_types::staking::{self, FeeTier, LockTier};
use btt_types::token;
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{Addr, Empty, Uint128};
use cw20::Cw20Coin;
use cw_multi_test::{App, Contract, ContractWrapper, Executor};

/// btt-token as a multi-test contract.
pub fn token_code() -> Box<dyn Contract<Empty>> {
    use btt_token::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
}

/// btt-staking as a multi-test contract.
pub fn staking_code() -> Box<dyn Contract<Empty>> {
    use btt_staking::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
}

/// Instantiates a BTT-like token `symbol`: each of `holders` gets `each`, `owner` the rest of
/// the 21,000,000 BTT. Returns its address.
pub fn instantiate_token(
    app: &mut App,
    owner: &Addr,
    symbol: &str,
    holders: &[&str],
    each: Uint128,
) -> Addr {
    let code_id = app.store_code(token_code());
    let mut balances: Vec<Cw20Coin> = holders
        .iter()
        .map(|who| Cw20Coin {
            address: app.api().addr_make(who).to_string(),
            amount: each,
        })
        .collect();
    let given = each * Uint128::new(holders.len() as u128);
    balances.push(Cw20Coin {
        address: owner.to_string(),
        amount: TOTAL_SUPPLY - given,
    });
    let msg = token::InstantiateMsg {
        name: format!("{symbol} token"),
        symbol: symbol.into(),
        initial_balances: balances,
        marketing: None,
    };
    app.instantiate_contract(code_id, owner.clone(), &msg, &[], symbol, None)
        .expect("instantiating the token")
}

/// The age of the stake a fee tier counts in test suites: one day, so a suite stakes and
/// advances a day before a discount applies (the attack tests show a stake held for a moment
/// earns none).
pub const TEST_TIER_AGE_SECONDS: u64 = 86_400;

/// Instantiates btt-staking for `token` with the suggested lock and fee tiers and
/// `unbonding_seconds`, owned by `owner` (wasm admin too). Returns its address.
pub fn instantiate_staking(
    app: &mut App,
    owner: &Addr,
    token: &Addr,
    unbonding_seconds: u64,
) -> Addr {
    let code_id = app.store_code(staking_code());
    let msg = staking::InstantiateMsg {
        token: token.to_string(),
        lock_tiers: LockTier::suggested(),
        unbonding_seconds,
        fee_tiers: FeeTier::suggested(),
        tier_age_seconds: TEST_TIER_AGE_SECONDS,
        reward_denoms: TEST_REWARD_DENOMS.iter().map(|d| d.to_string()).collect(),
        reward_period_seconds: 7 * 86_400,
        owner: None,
        dao: None,
    };
    app.instantiate_contract(
        code_id,
        owner.clone(),
        &msg,
        &[],
        "staking",
        Some(owner.to_string()),
    )
    .expect("instantiating btt-staking")
}

/// The native denoms btt-staking streams in test suites, so fee routers may pay stakers in them.
pub const TEST_REWARD_DENOMS: [&str; 2] = ["untrn", "uusdc"];

/// Test shares of every fee stream that is not compute: development fund 40%, foundation 25%,
/// reserve 10%, stakers 25%, no burn.
pub fn test_fee_shares() -> FeeShares {
    FeeShares {
        development_fund: Bps(4_000),
        foundation: Bps(2_500),
        reserve: Bps(1_000),
        stakers: Bps(2_500),
        burn: Bps(0),
    }
}

/// Test shares of the RWA streams (not management): development fund 40%, foundation 20%,
/// reserve 10%, stakers 10%, burn 20% (of high-value BTT fees; the reserve's otherwise).
pub fn rwa_fee_shares() -> FeeShares {
    FeeShares {
        development_fund: Bps(4_000),
        foundation: Bps(2_000),
        reserve: Bps(1_000),
        stakers: Bps(1_000),
        burn: Bps(2_000),
    }
}

/// Test shares of the management fee (in vault shares: no stakers, no burn): development fund
/// 50%, foundation 30%, reserve 20%.
pub fn management_fee_shares() -> FeeShares {
    FeeShares {
        development_fund: Bps(5_000),
        foundation: Bps(3_000),
        reserve: Bps(2_000),
        stakers: Bps(0),
        burn: Bps(0),
    }
}

/// The routing of every stream in `set`: the management stream with
/// [`management_fee_shares`], the others with `shares`.
pub fn routing_for(app: &App, staking: &Addr, set: &StreamSet, shares: FeeShares) -> FeeRoutingMsg {
    FeeRoutingMsg {
        payees: fee_payees(app, staking),
        routes: set
            .streams
            .iter()
            .map(|&stream| FeeRoute {
                stream,
                shares: if stream == FeeStream::Management {
                    management_fee_shares()
                } else {
                    shares
                },
            })
            .collect(),
    }
}

/// A routing of every stream in `set` that pays all of it to one `treasury` account (as the
/// development fund 40%, foundation 25% and reserve 35%), for suites that count one treasury;
/// `staking` is named but given no share.
pub fn treasury_routing(
    app: &App,
    treasury: &str,
    staking: &Addr,
    set: &StreamSet,
) -> FeeRoutingMsg {
    let treasury = app.api().addr_make(treasury).to_string();
    FeeRoutingMsg {
        payees: FeePayeesMsg {
            development_fund: treasury.clone(),
            foundation: treasury.clone(),
            reserve: treasury,
            staking: staking.to_string(),
            treasury: false,
        },
        routes: set
            .streams
            .iter()
            .map(|&stream| FeeRoute {
                stream,
                shares: FeeShares {
                    development_fund: Bps(4_000),
                    foundation: Bps(2_500),
                    reserve: Bps(3_500),
                    stakers: Bps(0),
                    burn: Bps(0),
                },
            })
            .collect(),
    }
}

/// The test payees: the "devfund", "foundation" and "reserve" addresses and `staking`.
pub fn fee_payees(app: &App, staking: &Addr) -> FeePayeesMsg {
    let addr = |n: &str| app.api().addr_make(n).to_string();
    FeePayeesMsg {
        development_fund: addr("devfund"),
        foundation: addr("foundation"),
        reserve: addr("reserve"),
        staking: staking.to_string(),
        treasury: false,
    }
}

/// A routing of `streams`, each with `shares`, to the test payees.
pub fn fee_routing(
    app: &App,
    staking: &Addr,
    streams: &[FeeStream],
    shares: FeeShares,
) -> FeeRoutingMsg {
    FeeRoutingMsg {
        payees: fee_payees(app, staking),
        routes: streams
            .iter()
            .map(|&stream| FeeRoute { stream, shares })
            .collect(),
    }
}

/// How "previous code" left its storage: raw items by key, the cw2 record and the owner.
#[cosmwasm_schema::cw_serde]
pub struct LegacyState {
    /// cw2 name of the contract the state belongs to.
    pub contract: String,
    /// cw2 version of the previous code.
    pub version: String,
    /// The cw-ownable owner, when the contract has one.
    pub owner: Option<String>,
    /// Raw items: storage key and the JSON the previous code stored under it.
    pub items: Vec<(String, cosmwasm_std::Binary)>,
}

fn legacy_instantiate(
    deps: cosmwasm_std::DepsMut,
    _env: cosmwasm_std::Env,
    _info: cosmwasm_std::MessageInfo,
    msg: LegacyState,
) -> cosmwasm_std::StdResult<cosmwasm_std::Response> {
    cw2::set_contract_version(deps.storage, &msg.contract, &msg.version)?;
    if let Some(owner) = &msg.owner {
        cw_ownable::initialize_owner(deps.storage, deps.api, Some(owner))
            .map_err(|e| cosmwasm_std::StdError::generic_err(e.to_string()))?;
    }
    for (key, value) in &msg.items {
        deps.storage.set(key.as_bytes(), value.as_slice());
    }
    Ok(cosmwasm_std::Response::new())
}

fn legacy_refuse(
    _deps: cosmwasm_std::DepsMut,
    _env: cosmwasm_std::Env,
    _info: cosmwasm_std::MessageInfo,
    _msg: Empty,
) -> cosmwasm_std::StdResult<cosmwasm_std::Response> {
    Err(cosmwasm_std::StdError::generic_err(
        "previous code: migrate first",
    ))
}

fn legacy_query(
    _deps: cosmwasm_std::Deps,
    _env: cosmwasm_std::Env,
    _msg: Empty,
) -> cosmwasm_std::StdResult<cosmwasm_std::Binary> {
    Err(cosmwasm_std::StdError::generic_err(
        "previous code: migrate first",
    ))
}

/// Stands for the previous code of a contract on cw-multi-test: instantiated with a
/// [`LegacyState`], it leaves storage exactly as that code did, for the new code's `migrate` to
/// read after `migrate_contract`.
pub fn legacy_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        legacy_refuse,
        legacy_instantiate,
        legacy_query,
    ))
}

/// Instantiates [`legacy_code`] with `items` (key, JSON value) under `contract`'s cw2 name at
/// version 0.0.9, owned and administered by `owner`. Returns its address.
pub fn instantiate_legacy(
    app: &mut App,
    owner: &Addr,
    contract: &str,
    items: &[(&str, serde_json::Value)],
) -> Addr {
    let code_id = app.store_code(legacy_code());
    let msg = LegacyState {
        contract: contract.into(),
        version: "0.0.9".into(),
        owner: Some(owner.to_string()),
        items: items
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::to_vec(v).expect("json").into()))
            .collect(),
    };
    app.instantiate_contract(
        code_id,
        owner.clone(),
        &msg,
        &[],
        "legacy",
        Some(owner.to_string()),
    )
    .expect("instantiating the previous code")
}

/// The previous code of a deployed contract, rebuilt from its storage: the items at `keys` are
/// copied from `current` (a fresh instance of this code), `config` is first changed by
/// `to_previous` into the shape the previous code stored, and the result is instantiated as
/// [`legacy_code`] under `contract`'s cw2 name at 0.0.9. Returns its address and the code id to
/// migrate it to (`current`'s).
pub fn previous_of(
    app: &mut App,
    owner: &Addr,
    current: &Addr,
    contract: &str,
    keys: &[&str],
    to_previous: impl FnOnce(&mut serde_json::Value),
) -> (Addr, u64) {
    let mut to_previous = Some(to_previous);
    let items: Vec<(&str, serde_json::Value)> = keys
        .iter()
        .map(|key| {
            let raw = app
                .wrap()
                .query_wasm_raw(current.to_string(), key.as_bytes())
                .expect("raw query")
                .unwrap_or_else(|| panic!("no {key} item"));
            let mut value: serde_json::Value = serde_json::from_slice(&raw).expect("json");
            if *key == "config" {
                if let Some(f) = to_previous.take() {
                    f(&mut value);
                }
            }
            (*key, value)
        })
        .collect();
    let code_id = app.contract_data(current).expect("contract").code_id;
    (instantiate_legacy(app, owner, contract, &items), code_id)
}
