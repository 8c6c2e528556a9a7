use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::bps::Bps;
use btt_types::compute::{ExecuteMsg, ReceiveMsg, Urgency};
use btt_types::token::UnknownToken;
use btt_types::units::btt;
use cosmwasm_std::{coin, coins, Uint128};
use cw_multi_test::Executor;
use cw_utils::PaymentError;

use super::suite::{Suite, DAY, NATIVE};
use crate::ContractError;

#[test]
fn the_price_is_units_times_class_price_times_urgency_plus_data() {
    let suite = Suite::new();
    for (urgency, expected) in [
        (Urgency::Standard, 2_500_000u128), // 1,000 × 2,000 + 50 × 10,000
        (Urgency::Priority, 3_500_000),     // × 1.5
        (Urgency::Urgent, 4_500_000),       // × 2.0
    ] {
        let quote = suite
            .quote(&suite.spec(urgency), Some("clinic"), None)
            .unwrap();
        assert_eq!(quote.price, Uint128::new(expected), "{urgency:?}");
        assert_eq!(quote.discount, Bps::ZERO);
    }
    let native = suite
        .quote(&suite.spec(Urgency::Urgent), None, Some(NATIVE))
        .unwrap();
    assert_eq!(native.price, Uint128::new(2_250_000), "1 untrn = 2 ubtt");
}

#[test]
fn the_clinics_staking_tier_discounts_the_price() {
    let mut suite = Suite::new();
    let stake = suite
        .staking
        .stake_msg(&suite.token, btt(10_000), 0)
        .unwrap();
    suite.app.execute(suite.addr("clinic"), stake).unwrap();
    let fresh = suite
        .quote(&suite.spec(Urgency::Urgent), Some("clinic"), None)
        .unwrap();
    assert_eq!(
        fresh.discount,
        Bps::ZERO,
        "a stake of this block counts nothing"
    );
    suite.advance(btt_testing::TEST_TIER_AGE_SECONDS);
    let quote = suite
        .quote(&suite.spec(Urgency::Urgent), Some("clinic"), None)
        .unwrap();
    assert_eq!(
        (quote.list_price, quote.discount, quote.price),
        (Uint128::new(4_500_000), Bps(2_500), Uint128::new(3_375_000))
    );
    let id = suite.post("clinic", suite.spec(Urgency::Urgent)).unwrap();
    assert_eq!(suite.job(id).price, Uint128::new(3_375_000));
}

#[test]
fn overpaying_or_underpaying_is_rejected() {
    let mut suite = Suite::new();
    let spec = suite.spec(Urgency::Urgent);
    for paid in [4_499_999u128, 4_500_001] {
        assert_eq!(
            suite
                .post_paying("clinic", spec.clone(), Uint128::new(paid))
                .unwrap_err(),
            ContractError::Paid(PaidError::WrongAmount {
                expected: Uint128::new(4_500_000),
                got: Uint128::new(paid)
            })
        );
    }
}

#[test]
fn bad_job_specs_get_clear_errors() {
    let mut suite = Suite::new();
    let amount = Uint128::new(4_500_000);
    let mut spec = suite.spec(Urgency::Urgent);
    spec.hardware_class = "tpu".into();
    assert_eq!(
        suite.post_paying("clinic", spec, amount).unwrap_err(),
        ContractError::UnknownHardwareClass {
            class: "tpu".into()
        }
    );
    let mut spec = suite.spec(Urgency::Urgent);
    spec.compute_units = 0;
    assert_eq!(
        suite.post_paying("clinic", spec, amount).unwrap_err(),
        ContractError::ZeroUnits
    );
    let mut spec = suite.spec(Urgency::Urgent);
    spec.run_seconds = 3_659;
    assert_eq!(
        suite.post_paying("clinic", spec, amount).unwrap_err(),
        ContractError::InvalidRunWindow {
            min: 3_660,
            max: 30 * DAY
        },
        "1,000 units need at least 1 minute + 1 hour"
    );
    let mut spec = suite.spec(Urgency::Urgent);
    spec.run_seconds = 30 * DAY + 1;
    assert!(matches!(
        suite.post_paying("clinic", spec, amount).unwrap_err(),
        ContractError::InvalidRunWindow { .. }
    ));
    let mut spec = suite.spec(Urgency::Urgent);
    spec.review_seconds = 0;
    assert!(matches!(
        suite.post_paying("clinic", spec, amount).unwrap_err(),
        ContractError::InvalidReviewWindow { .. }
    ));
}

#[test]
fn a_job_paid_in_an_accepted_native_denom_escrows_it() {
    let mut suite = Suite::new();
    let spec = suite.spec(Urgency::Urgent);
    suite
        .execute_with_funds(
            "clinic",
            &ExecuteMsg::PostJob { spec: spec.clone() },
            &coins(2_250_000, NATIVE),
        )
        .unwrap();
    assert_eq!(
        suite
            .app
            .wrap()
            .query_balance(&suite.escrow, NATIVE)
            .unwrap()
            .amount,
        Uint128::new(2_250_000)
    );
    let err = suite
        .execute_with_funds(
            "clinic",
            &ExecuteMsg::PostJob { spec: spec.clone() },
            &coins(2_250_001, NATIVE),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        ContractError::Paid(PaidError::WrongAmount { .. })
    ));
}

#[test]
fn a_wrong_denom_or_no_funds_is_rejected() {
    let mut suite = Suite::new();
    let spec = suite.spec(Urgency::Urgent);
    suite
        .app
        .sudo(cw_multi_test::SudoMsg::Bank(
            cw_multi_test::BankSudo::Mint {
                to_address: suite.addr("clinic").to_string(),
                amount: vec![coin(10_000_000, "uatom")],
            },
        ))
        .unwrap();
    let err = suite
        .execute_with_funds(
            "clinic",
            &ExecuteMsg::PostJob { spec: spec.clone() },
            &coins(2_250_000, "uatom"),
        )
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::UnsupportedDenom {
            denom: "uatom".into()
        }
    );
    let err = suite
        .execute("clinic", &ExecuteMsg::PostJob { spec })
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NoFunds {}));
}

#[test]
fn a_hook_from_a_cw20_that_is_not_btt_is_rejected() {
    let mut suite = Suite::new();
    let owner = suite.addr("owner");
    let fake = suite
        .app
        .instantiate_contract(
            1,
            owner.clone(),
            &btt_types::token::InstantiateMsg {
                name: "Fake".into(),
                symbol: "FAKE".into(),
                initial_balances: vec![cw20::Cw20Coin {
                    address: owner.to_string(),
                    amount: btt_types::units::TOTAL_SUPPLY,
                }],
                marketing: None,
            },
            &[],
            "fake",
            None,
        )
        .unwrap();
    let msg = btt_types::token::TokenContract(fake.clone())
        .send_msg(
            &suite.escrow,
            btt(1_000),
            &ReceiveMsg::RegisterNode(Suite::node_spec("a100")),
        )
        .unwrap();
    let err = suite
        .app
        .execute(owner, msg)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::UnknownToken(UnknownToken {
            expected: suite.token.addr().clone(),
            got: fake
        })
    );
}
