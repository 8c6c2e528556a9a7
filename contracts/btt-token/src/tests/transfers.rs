use btt_testing::Harness;
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
    suite.approve("bob", "carol", btt(3)).unwrap();
    suite.transfer_from("carol", "bob", "dave", btt(3)).unwrap();
    assert_eq!(suite.balance("dave"), btt(3));
    let err = suite
        .transfer_from("carol", "bob", "dave", btt(1))
        .unwrap_err();
    assert!(matches!(
        err,
        ContractError::Cw20(cw20_base::ContractError::Std(_))
    ));
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

#[test]
fn every_message_refuses_native_funds() {
    let mut suite = SuiteBuilder::new().build();
    let someone = suite.addr("carol").to_string();
    let owner = suite.addr("bob").to_string();
    let hook = to_json_binary(&()).unwrap();
    let messages = vec![
        ExecuteMsg::Transfer {
            recipient: someone.clone(),
            amount: btt(1),
        },
        ExecuteMsg::Burn { amount: btt(1) },
        ExecuteMsg::Send {
            contract: someone.clone(),
            amount: btt(1),
            msg: hook.clone(),
        },
        ExecuteMsg::IncreaseAllowance {
            spender: someone.clone(),
            amount: btt(1),
            expires: None,
        },
        ExecuteMsg::DecreaseAllowance {
            spender: someone.clone(),
            amount: btt(1),
            expires: None,
        },
        ExecuteMsg::TransferFrom {
            owner: owner.clone(),
            recipient: someone.clone(),
            amount: btt(1),
        },
        ExecuteMsg::SendFrom {
            owner: owner.clone(),
            contract: someone.clone(),
            amount: btt(1),
            msg: hook,
        },
        ExecuteMsg::BurnFrom {
            owner,
            amount: btt(1),
        },
        ExecuteMsg::UpdateMarketing {
            project: None,
            description: None,
            marketing: None,
        },
        ExecuteMsg::UploadLogo(cw20::Logo::Url("https://btt.example/logo.png".into())),
    ];
    for msg in messages {
        let err = suite
            .execute_with_funds("admin", &msg, &coins(1, NATIVE))
            .unwrap_err();
        assert_eq!(
            err,
            ContractError::Payment(PaymentError::NonPayable {}),
            "{msg:?}"
        );
    }
}

#[test]
fn only_the_marketing_address_uploads_a_logo() {
    let mut suite = SuiteBuilder::new().build();
    let logo = ExecuteMsg::UploadLogo(cw20::Logo::Url("https://btt.example/logo.png".into()));
    assert_eq!(
        suite.execute("bob", &logo).unwrap_err(),
        ContractError::Cw20(cw20_base::ContractError::Unauthorized {})
    );
    suite.execute("admin", &logo).unwrap();
    assert_eq!(
        suite.marketing().logo,
        Some(cw20::LogoInfo::Url("https://btt.example/logo.png".into()))
    );
}

#[test]
fn decreasing_an_allowance_below_zero_removes_it() {
    let mut suite = SuiteBuilder::new().build();
    suite.approve("bob", "carol", btt(2)).unwrap();
    let spender = suite.addr("carol").to_string();
    let decrease = ExecuteMsg::DecreaseAllowance {
        spender,
        amount: btt(5),
        expires: None,
    };
    suite.execute("bob", &decrease).unwrap();
    let err = suite
        .transfer_from("carol", "bob", "dave", btt(1))
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::Cw20(cw20_base::ContractError::NoAllowance {})
    );
}

#[test]
fn an_allowance_for_oneself_is_refused() {
    let mut suite = SuiteBuilder::new().build();
    let err = suite.approve("bob", "bob", btt(1)).unwrap_err();
    assert_eq!(
        err,
        ContractError::Cw20(cw20_base::ContractError::CannotSetOwnAccount {})
    );
}
