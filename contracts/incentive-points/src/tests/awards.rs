use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::points::{ExecuteMsg, ReceiveMsg};
use btt_types::token::UnknownToken;
use btt_types::units::btt;
use cosmwasm_std::{coin, coins, Uint128};
use cw_multi_test::Executor;
use cw_utils::PaymentError;

use super::suite::{usd, Suite, DAY, NATIVE, PERIOD, USD};
use crate::ContractError;

#[test]
fn a_provider_subscribes_for_30_days_paying_the_treasury() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    assert_eq!(suite.balance("dao"), btt(1_000));
    let p = suite.provider("clinic");
    assert!(p.active);
    assert_eq!(p.budget_left, 10_000);
    // Renewing extends from the current end.
    let until = p.provider.active_until;
    suite.subscribe("clinic", 0, None).unwrap();
    assert_eq!(
        suite.provider("clinic").provider.active_until,
        until.plus_seconds(PERIOD)
    );
}

#[test]
fn a_subscription_in_btt_must_cover_the_tiers_price_at_payfis_rate() {
    let mut suite = Suite::new();
    let err = suite
        .subscribe_seats("clinic", 0, None, btt(999))
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::Underpaid {
            due: btt(1_000),
            paid: btt(999)
        }
    );
    let err = suite
        .subscribe_seats("clinic", 7, None, btt(1_000))
        .unwrap_err();
    assert_eq!(err, ContractError::UnknownTier { tier: 7 });
    let err = suite.subscribe("clinic", 0, Some("gym")).unwrap_err();
    assert!(matches!(err, ContractError::InvalidReferrer { .. }));
    let err = suite
        .execute_with_funds(
            "clinic",
            &ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
                sender: suite.addr("clinic").to_string(),
                amount: btt(1_000),
                msg: cosmwasm_std::to_json_binary(&ReceiveMsg::FundPool {}).unwrap(),
            }),
            &[],
        )
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::UnknownToken(UnknownToken {
            expected: suite.token.addr().clone(),
            got: suite.addr("clinic")
        })
    );
}

#[test]
fn only_subscribed_providers_award_within_budget_and_caps() {
    let mut suite = Suite::new();
    assert!(matches!(
        suite
            .award("clinic", "patient", "preventive visit", 10)
            .unwrap_err(),
        ContractError::NotSubscribed { .. }
    ));
    suite.subscribe("clinic", 0, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 400)
        .unwrap();
    assert_eq!(
        suite
            .award("clinic", "patient", "preventive visit", 101)
            .unwrap_err(),
        ContractError::CapExceeded {
            category: "preventive visit".into(),
            left: 100
        }
    );
    suite
        .award("clinic", "patient", "healthy lifestyle", 200)
        .unwrap();
    assert_eq!(suite.points_of("patient"), 600);
    assert_eq!(
        suite.award("clinic", "patient", "dental", 1).unwrap_err(),
        ContractError::UnknownCategory {
            category: "dental".into()
        }
    );
    assert_eq!(
        suite
            .award("clinic", "patient", "preventive visit", 0)
            .unwrap_err(),
        ContractError::ZeroPoints
    );
    // The budget: 10,000 points a period across all patients.
    for i in 0..18 {
        suite
            .award("clinic", &format!("p{i}"), "preventive visit", 500)
            .unwrap();
    }
    assert_eq!(
        suite
            .award("clinic", "p99", "preventive visit", 500)
            .unwrap_err(),
        ContractError::BudgetExceeded {
            provider: suite.addr("clinic").to_string(),
            left: 400
        }
    );
    // A new period resets budgets and caps; a lapsed subscription stops awards.
    suite.advance(PERIOD);
    assert!(matches!(
        suite
            .award("clinic", "patient", "preventive visit", 1)
            .unwrap_err(),
        ContractError::NotSubscribed { .. }
    ));
    suite.subscribe("clinic", 0, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 500)
        .unwrap();
}

#[test]
fn awarding_with_funds_is_rejected() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    let msg = ExecuteMsg::Award {
        patient: suite.addr("patient").to_string(),
        category: "preventive visit".into(),
        points: 1,
    };
    assert_eq!(
        suite
            .execute_with_funds("clinic", &msg, &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
}

#[test]
fn points_cannot_be_transferred_by_any_message() {
    let mut suite = Suite::new();
    let transfer = serde_json::json!({ "transfer": { "recipient": suite.addr("gym").to_string(), "points": 1 } });
    let err = suite
        .app
        .execute_contract(suite.addr("patient"), suite.points.clone(), &transfer, &[])
        .unwrap_err();
    assert!(matches!(
        err.downcast::<cosmwasm_std::StdError>().unwrap(),
        cosmwasm_std::StdError::ParseErr { .. }
    ));
}

#[test]
fn points_expire_twelve_periods_after_the_period_they_were_awarded_in() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 2, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 100)
        .unwrap();
    for _ in 0..6 {
        suite.advance(PERIOD);
        suite.subscribe("clinic", 2, None).unwrap();
    }
    suite
        .award("clinic", "patient", "preventive visit", 50)
        .unwrap();
    assert_eq!(suite.points_of("patient"), 150);
    suite.advance(6 * PERIOD);
    assert_eq!(
        suite.points_of("patient"),
        50,
        "the first 100 expired at period 12"
    );
    suite.advance(6 * PERIOD);
    assert_eq!(suite.points_of("patient"), 0);
    assert!(matches!(
        suite.convert("patient", 1).unwrap_err(),
        ContractError::InsufficientPoints {
            available: 0,
            requested: 1
        }
    ));
}

#[test]
fn a_referrer_earns_each_milestone_once_from_the_pool() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    let before = suite.balance("clinic");
    suite.subscribe("clinic2", 0, Some("clinic")).unwrap();
    assert_eq!(
        suite.balance("clinic") - before,
        btt(100),
        "1,000 BTT of fees paid"
    );
    suite.subscribe("clinic2", 2, None).unwrap();
    assert_eq!(
        suite.balance("clinic") - before,
        btt(600),
        "11,000 BTT of fees paid"
    );
    suite.advance(90 * DAY);
    suite.subscribe("clinic2", 2, None).unwrap();
    assert_eq!(
        suite.balance("clinic") - before,
        btt(600),
        "once per milestone"
    );
    assert_eq!(suite.pool().referrals, btt(600));
    assert_eq!(suite.provider("clinic2").provider.fees_paid, btt(21_000));
}

#[test]
fn only_payfi_awards_for_a_provider() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    let award_for = ExecuteMsg::AwardFor {
        provider: suite.addr("clinic").to_string(),
        patient: suite.addr("patient").to_string(),
        category: "treatment adherence".into(),
        points: 300,
    };
    assert_eq!(
        suite.execute("clinic", &award_for).unwrap_err(),
        ContractError::NotPayfi
    );
    suite.execute("payfi", &award_for).unwrap();
    assert_eq!(suite.provider("clinic").budget_left, 9_700);
    assert_eq!(suite.points_of("patient"), 300);
}

#[test]
fn insurers_read_engagement_by_category_over_a_window() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 2, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 500)
        .unwrap();
    suite
        .award("clinic", "patient", "healthy lifestyle", 100)
        .unwrap();
    suite.advance(PERIOD);
    suite.subscribe("clinic", 2, None).unwrap();
    suite
        .award("clinic", "patient", "treatment adherence", 300)
        .unwrap();
    let e = suite.engagement("patient", 0, 1);
    assert_eq!(e.total, 900);
    assert_eq!(
        e.categories.iter().map(|c| c.points).collect::<Vec<_>>(),
        vec![500, 300, 100]
    );
    assert_eq!(suite.engagement("patient", 1, 1).total, 300);
}

#[test]
fn a_tier_is_paid_natively_in_its_denom_exactly() {
    let mut suite = Suite::new();
    assert_eq!(
        suite
            .subscribe_native("clinic", 0, None, &[coin(usd(1_000).u128() - 1, USD)])
            .unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: usd(1_000),
            got: usd(1_000) - Uint128::one()
        })
    );
    assert_eq!(
        suite
            .subscribe_native("clinic", 0, None, &[coin(usd(1_000).u128() + 1, USD)])
            .unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: usd(1_000),
            got: usd(1_000) + Uint128::one()
        })
    );
    assert_eq!(
        suite
            .subscribe_native("clinic", 1, None, &coins(5, NATIVE))
            .unwrap_err(),
        ContractError::NoNativePrice {
            tier: 1,
            denom: NATIVE.into()
        }
    );
    assert_eq!(
        suite.subscribe_native("clinic", 0, None, &[]).unwrap_err(),
        ContractError::Payment(PaymentError::NoFunds {})
    );
    assert_eq!(
        suite
            .subscribe_native(
                "clinic",
                0,
                None,
                &[coin(usd(1_000).u128(), USD), coin(5, NATIVE)]
            )
            .unwrap_err(),
        ContractError::Payment(PaymentError::MultipleDenoms {})
    );
    let before = suite.native_balance("clinic", USD);
    suite
        .subscribe_native("clinic", 0, None, &[coin(usd(1_000).u128(), USD)])
        .unwrap();
    assert!(suite.provider("clinic").active);
    assert_eq!(before - suite.native_balance("clinic", USD), usd(1_000));
    // The suite routes every fee to the treasury.
    assert_eq!(suite.native_balance("dao", USD), usd(1_000));
    // A native payment counts toward no referral milestone.
    assert_eq!(suite.provider("clinic").provider.fees_paid, Uint128::zero());
}
