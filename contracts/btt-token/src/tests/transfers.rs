use btt_types::token::ExecuteMsg;
use btt_types::units::btt;
use cosmwasm_std::{coins, to_json_binary, Uint128};
use cw_utils::PaymentError;

use super::suite::{SuiteBuilder, NATIVE};
use crate::ContractError;

#[test]
fn transfer_moves_btt_between_holders() {
    let mut suite = SuiteBuilder::new().build();
    let res = suite.transfer("bob", "carol", btt(250)).unwrap();
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "action" && a.value == "transfer")));
    assert_eq!(suite.balance("bob"), btt(999_750));
    assert_eq!(suite.balance("carol"), btt(250));
    suite.assert_full_supply();
}

#[test]
fn transfer_of_zero_is_refused() {
    let mut suite = SuiteBuilder::new().build();
    let err = suite.transfer("bob", "carol", Uint128::zero()).unwrap_err();
    assert_eq!(err, ContractError::ZeroAmount);
}

#[test]
fn transfer_beyond_the_balance_is_refused() {
    let mut suite = SuiteBuilder::new().build();
    let err = suite.transfer("carol", "bob", btt(1)).unwrap_err();
    assert!(matches!(
        err,
        ContractError::Cw20(cw20_base::ContractError::Std(_))
    ));
}

#[test]
fn transfer_with_native_funds_is_refused() {
    let mut suite = SuiteBuilder::new().build();
    let recipient = suite.addr("carol").to_string();
    let err = suite
        .execute_with_funds(
            "bob",
            &ExecuteMsg::Transfer {
                recipient,
                amount: btt(1),
            },
            &coins(5, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn send_of_zero_is_refused() {
    let mut suite = SuiteBuilder::new().build();
    let contract = suite.token.to_string();
    let err = suite
        .execute(
            "bob",
            &ExecuteMsg::Send {
                contract,
                amount: Uint128::zero(),
                msg: to_json_binary(&()).unwrap(),
            },
        )
        .unwrap_err();
    assert_eq!(err, ContractError::ZeroAmount);
}

#[test]
fn transfer_from_spends_the_allowance() {
    let mut suite = SuiteBuilder::new().build();
    let spender = suite.addr("carol").to_string();
    suite
        .execute(
            "bob",
            &ExecuteMsg::IncreaseAllowance {
                spender,
                amount: btt(3),
                expires: None,
            },
        )
        .unwrap();
    let owner = suite.addr("bob").to_string();
    let recipient = suite.addr("dave").to_string();
    suite
        .execute(
            "carol",
            &ExecuteMsg::TransferFrom {
                owner: owner.clone(),
                recipient: recipient.clone(),
                amount: btt(3),
            },
        )
        .unwrap();
    assert_eq!(suite.balance("dave"), btt(3));
    let err = suite
        .execute(
            "carol",
            &ExecuteMsg::TransferFrom {
                owner,
                recipient,
                amount: btt(1),
            },
        )
        .unwrap_err();
    assert!(matches!(err, ContractError::Cw20(_)));
}

#[test]
fn only_the_marketing_address_updates_marketing() {
    let mut suite = SuiteBuilder::new().build();
    let update = ExecuteMsg::UpdateMarketing {
        project: Some("BTT".into()),
        description: None,
        marketing: None,
    };
    let err = suite.execute("bob", &update).unwrap_err();
    assert_eq!(
        err,
        ContractError::Cw20(cw20_base::ContractError::Unauthorized {})
    );
    suite.execute("admin", &update).unwrap();
    assert_eq!(suite.marketing().project.as_deref(), Some("BTT"));
}
