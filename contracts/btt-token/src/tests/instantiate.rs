use btt_types::units::{btt, BTT_DECIMALS, TOTAL_SUPPLY};
use cosmwasm_std::{coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{SuiteBuilder, NATIVE};
use crate::ContractError;

#[test]
fn mints_exactly_21_million_btt_to_the_initial_balances() {
    let suite = SuiteBuilder::new().build();
    let info = suite.token_info();
    assert_eq!(info.total_supply, TOTAL_SUPPLY);
    assert_eq!(info.decimals, BTT_DECIMALS);
    assert_eq!(info.symbol, "BTT");
    assert_eq!(suite.balance("alice"), btt(20_000_000));
    assert_eq!(suite.balance("bob"), btt(1_000_000));
}

#[test]
fn has_no_minter_so_supply_can_never_grow() {
    let suite = SuiteBuilder::new().build();
    assert_eq!(suite.minter(), None);
}

#[test]
fn refuses_a_total_below_the_supply() {
    let err = SuiteBuilder::new()
        .with_balances(&[("alice", btt(20_999_999))])
        .try_build()
        .err()
        .unwrap();
    assert_eq!(
        err,
        ContractError::WrongSupply {
            expected: TOTAL_SUPPLY,
            got: btt(20_999_999)
        }
    );
}

#[test]
fn refuses_a_total_above_the_supply_by_one_ubtt() {
    let err = SuiteBuilder::new()
        .with_balances(&[("alice", btt(21_000_000)), ("bob", Uint128::one())])
        .try_build()
        .err()
        .unwrap();
    assert!(matches!(err, ContractError::WrongSupply { .. }));
}

#[test]
fn refuses_an_overflowing_total() {
    let err = SuiteBuilder::new()
        .with_balances(&[("alice", Uint128::MAX), ("bob", Uint128::MAX)])
        .try_build()
        .err()
        .unwrap();
    assert!(matches!(err, ContractError::WrongSupply { .. }));
}

#[test]
fn refuses_a_zero_initial_balance() {
    let err = SuiteBuilder::new()
        .with_balances(&[("alice", TOTAL_SUPPLY), ("bob", Uint128::zero())])
        .try_build()
        .err()
        .unwrap();
    assert!(matches!(err, ContractError::ZeroInitialBalance { .. }));
}

#[test]
fn refuses_the_same_holder_twice() {
    let err = SuiteBuilder::new()
        .with_balances(&[("alice", btt(20_000_000)), ("alice", btt(1_000_000))])
        .try_build()
        .err()
        .unwrap();
    assert_eq!(
        err,
        ContractError::Cw20(cw20_base::ContractError::DuplicateInitialBalanceAddresses {})
    );
}

#[test]
fn refuses_native_funds() {
    let err = SuiteBuilder::new()
        .with_instantiate_funds(coins(10, NATIVE))
        .try_build()
        .err()
        .unwrap();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn keeps_marketing_info() {
    let suite = SuiteBuilder::new().build();
    let info = suite.marketing();
    assert_eq!(info.project.as_deref(), Some("BTT healthcare economy"));
    assert_eq!(info.marketing, Some(suite.admin.clone()));
}
