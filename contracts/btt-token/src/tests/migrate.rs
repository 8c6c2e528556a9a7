use btt_types::migration::MigrationError;
use cosmwasm_std::{Empty, Response};
use cw_multi_test::ContractWrapper;

use super::suite::{token_code, SuiteBuilder};
use crate::contract::{execute, instantiate, query, CONTRACT_NAME};
use crate::ContractError;

#[test]
fn migrates_to_the_same_code_and_keeps_balances() {
    let mut suite = SuiteBuilder::new().build();
    let code = suite.app.store_code(token_code());
    suite.migrate(code).unwrap();
    let version = cw2::query_contract_info(&suite.app.wrap(), suite.token.to_string()).unwrap();
    assert_eq!(version.contract, CONTRACT_NAME);
    suite.assert_full_supply();
}

fn pretend_newer(
    deps: cosmwasm_std::DepsMut,
    _env: cosmwasm_std::Env,
    _msg: Empty,
) -> Result<Response, ContractError> {
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, "99.0.0")?;
    Ok(Response::new())
}

fn pretend_other(
    deps: cosmwasm_std::DepsMut,
    _env: cosmwasm_std::Env,
    _msg: Empty,
) -> Result<Response, ContractError> {
    cw2::set_contract_version(deps.storage, "crates.io:cw20-base", "0.1.0")?;
    Ok(Response::new())
}

#[test]
fn refuses_to_migrate_down_from_a_newer_version() {
    let mut suite = SuiteBuilder::new().build();
    let newer = suite.app.store_code(Box::new(
        ContractWrapper::new(execute, instantiate, query).with_migrate(pretend_newer),
    ));
    suite.migrate(newer).unwrap();
    let current = suite.app.store_code(token_code());
    let err = suite.migrate(current).unwrap_err();
    assert!(matches!(
        err,
        ContractError::Migration(MigrationError::Downgrade { .. })
    ));
}

#[test]
fn refuses_to_migrate_another_contract() {
    let mut suite = SuiteBuilder::new().build();
    let other = suite.app.store_code(Box::new(
        ContractWrapper::new(execute, instantiate, query).with_migrate(pretend_other),
    ));
    suite.migrate(other).unwrap();
    let current = suite.app.store_code(token_code());
    let err = suite.migrate(current).unwrap_err();
    assert!(matches!(
        err,
        ContractError::Migration(MigrationError::WrongContract { .. })
    ));
}
