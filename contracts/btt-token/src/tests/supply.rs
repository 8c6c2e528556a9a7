use btt_testing::Harness;
use btt_types::token::ExecuteMsg;
use btt_types::units::{btt, TOTAL_SUPPLY};
use cosmwasm_std::{coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{SuiteBuilder, NATIVE};
use crate::ContractError;

#[test]
fn burn_lowers_the_total_supply_by_exactly_the_amount() {
    let mut suite = SuiteBuilder::new().build();
    suite.burn("bob", Uint128::new(1_234_567)).unwrap();
    suite.assert_supply(TOTAL_SUPPLY - Uint128::new(1_234_567));
    assert_eq!(
        suite.balance("bob"),
        btt(1_000_000) - Uint128::new(1_234_567)
    );
}

#[test]
fn burn_from_with_an_allowance_lowers_the_supply() {
    let mut suite = SuiteBuilder::new().build();
    suite.approve("alice", "carol", btt(10)).unwrap();
    let owner = suite.addr("alice").to_string();
    suite
        .execute(
            "carol",
            &ExecuteMsg::BurnFrom {
                owner,
                amount: btt(4),
            },
        )
        .unwrap();
    suite.assert_supply(TOTAL_SUPPLY - btt(4));
    assert_eq!(suite.balance("alice"), btt(20_000_000 - 4));
}

#[test]
fn burn_from_without_an_allowance_is_refused() {
    let mut suite = SuiteBuilder::new().build();
    let owner = suite.addr("alice").to_string();
    let err = suite
        .execute(
            "carol",
            &ExecuteMsg::BurnFrom {
                owner,
                amount: btt(1),
            },
        )
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::Cw20(cw20_base::ContractError::NoAllowance {})
    );
    suite.assert_full_supply();
}

#[test]
fn burning_more_than_the_balance_is_refused() {
    let mut suite = SuiteBuilder::new().build();
    let err = suite.burn("bob", btt(1_000_001)).unwrap_err();
    assert!(matches!(
        err,
        ContractError::Cw20(cw20_base::ContractError::Std(_))
    ));
    suite.assert_full_supply();
}

#[test]
fn burning_zero_is_refused() {
    let mut suite = SuiteBuilder::new().build();
    assert_eq!(
        suite.burn("bob", Uint128::zero()).unwrap_err(),
        ContractError::ZeroAmount
    );
}

#[test]
fn burn_with_native_funds_is_refused() {
    let mut suite = SuiteBuilder::new().build();
    let err = suite
        .execute_with_funds(
            "bob",
            &ExecuteMsg::Burn { amount: btt(1) },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
    suite.assert_full_supply();
}

#[test]
fn there_is_no_mint_message() {
    let mut suite = SuiteBuilder::new().build();
    let sender = suite.admin.clone();
    let mint = cw20::Cw20ExecuteMsg::Mint {
        recipient: sender.to_string(),
        amount: btt(1),
    };
    let err = suite
        .app
        .execute_contract(sender, suite.token.clone(), &mint, &[])
        .unwrap_err();
    let err = err.downcast::<cosmwasm_std::StdError>().unwrap();
    assert!(matches!(err, cosmwasm_std::StdError::ParseErr { .. }));
    suite.assert_full_supply();
}

use cw_multi_test::Executor;
