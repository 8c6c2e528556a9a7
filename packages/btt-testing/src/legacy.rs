//! The previous code of a contract, for migration tests: storage exactly as that code left it.

use cosmwasm_std::{Addr, Empty};
use cw_multi_test::{App, Contract, ContractWrapper, Executor};

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
