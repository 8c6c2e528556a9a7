use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::points::{ExecuteMsg, Partner, QueryMsg, ReceiveMsg};
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;

use super::suite::{Suite, DAY, NATIVE};
use crate::ContractError;

/// The clinic (large tier) has awarded the patient 500 preventive-visit points.
fn with_points() -> Suite {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 2, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 500)
        .unwrap();
    suite
}

#[test]
fn a_partner_registers_for_the_fee_and_pays_redemption_fees_from_its_prepaid_balance() {
    let mut suite = with_points();
    let err = suite
        .send(
            "pharmacy",
            btt(499),
            &ReceiveMsg::RegisterPartner {
                name: "Pharmacy".into(),
            },
        )
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::Paid(PaidError::WrongAmount {
            expected: btt(500),
            got: btt(499)
        })
    );
    suite
        .send(
            "pharmacy",
            btt(500),
            &ReceiveMsg::RegisterPartner {
                name: "Pharmacy".into(),
            },
        )
        .unwrap();
    let dao = suite.balance("dao");
    assert_eq!(
        suite.redeem("patient", "pharmacy", 100).unwrap_err(),
        ContractError::PartnerBalanceTooLow {
            prepaid: Uint128::zero(),
            fee: Uint128::new(10_000)
        }
    );
    suite
        .send("pharmacy", btt(1), &ReceiveMsg::FundPartner {})
        .unwrap();
    suite.redeem("patient", "pharmacy", 100).unwrap();
    assert_eq!(suite.points_of("patient"), 400);
    assert_eq!(
        suite.balance("dao") - dao,
        Uint128::new(10_000),
        "100 points × 100 ubtt"
    );
    let p: Partner = suite.query(&QueryMsg::Partner {
        address: suite.addr("pharmacy").to_string(),
    });
    assert_eq!((p.prepaid, p.points_redeemed), (Uint128::new(990_000), 100));
    assert!(matches!(
        suite.redeem("patient", "gym", 1).unwrap_err(),
        ContractError::UnknownPartner { .. }
    ));
    assert_eq!(
        suite.redeem("patient", "pharmacy", 401).unwrap_err(),
        ContractError::InsufficientPoints {
            available: 400,
            requested: 401
        }
    );
}

#[test]
fn only_the_owner_approves_and_removes_partners() {
    let mut suite = with_points();
    let approve = ExecuteMsg::ApprovePartner {
        partner: suite.addr("gym").to_string(),
        name: "Gym".into(),
    };
    assert_eq!(
        suite.execute("gym", &approve).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    suite.execute("owner", &approve).unwrap();
    assert!(matches!(
        suite.execute("owner", &approve).unwrap_err(),
        ContractError::PartnerExists { .. }
    ));
    suite
        .send("gym", btt(2), &ReceiveMsg::FundPartner {})
        .unwrap();
    let before = suite.balance("gym");
    suite
        .execute(
            "owner",
            &ExecuteMsg::RemovePartner {
                partner: suite.addr("gym").to_string(),
            },
        )
        .unwrap();
    assert_eq!(
        suite.balance("gym") - before,
        btt(2),
        "prepaid balance returned"
    );
}

#[test]
fn points_convert_to_btt_at_the_rate_within_the_epoch_cap() {
    let mut suite = with_points();
    suite.convert("patient", 300).unwrap();
    assert_eq!(
        suite.balance("patient"),
        btt(100_000) + btt(3),
        "300 × 0.01 BTT"
    );
    assert_eq!(suite.points_of("patient"), 200);
    let pool = suite.pool();
    assert_eq!((pool.converted, pool.epoch_converted), (btt(3), btt(3)));
    let err = suite
        .execute_with_funds(
            "patient",
            &ExecuteMsg::Convert {
                points: 1,
                provider: None,
            },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn conversion_stops_at_the_epoch_cap_and_resumes_next_epoch() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 2, None).unwrap();
    for i in 0..3 {
        for category in [
            "preventive visit",
            "treatment adherence",
            "healthy lifestyle",
        ] {
            suite
                .award("clinic", &format!("p{i}"), category, 200)
                .unwrap();
        }
    }
    // 1,000 BTT a week = 100,000 points; these patients hold 600 each: fine.
    suite.convert("p0", 600).unwrap();
    // p3's points come from another clinic.
    suite.subscribe("clinic2", 0, None).unwrap();
    suite
        .award("clinic2", "p3", "preventive visit", 500)
        .unwrap();
    suite
        .award("clinic2", "p3", "treatment adherence", 100)
        .unwrap();
    // Lower the cap to test it.
    let mut rules = super::suite::rules();
    rules.conversion_epoch_cap = btt(10);
    rules.patient_epoch_cap = btt(10);
    rules.provider_epoch_cap = btt(10);
    suite
        .execute(
            "owner",
            &ExecuteMsg::UpdateConfig(Box::new(btt_types::points::ConfigUpdate {
                rules: Some(rules),
                ..btt_types::points::ConfigUpdate::default()
            })),
        )
        .unwrap();
    assert_eq!(
        suite.convert_from("p3", Some("clinic2"), 600).unwrap_err(),
        ContractError::EpochCapExceeded {
            amount: btt(6),
            left: btt(4)
        }
    );
    // One provider's points take at most a quarter of the cap: 2.5 BTT.
    suite.convert_from("p3", Some("clinic2"), 250).unwrap();
    assert_eq!(
        suite.pool().epoch_converted,
        btt(6) + Uint128::new(2_500_000)
    );
    suite.advance(7 * DAY);
    suite.convert_from("p3", Some("clinic2"), 250).unwrap();
}

#[test]
fn the_pool_never_pays_more_than_it_holds() {
    let mut suite = Suite::with_pool(btt(2));
    suite.subscribe("clinic", 2, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 500)
        .unwrap();
    assert_eq!(
        suite.convert("patient", 300).unwrap_err(),
        ContractError::PoolExhausted {
            amount: btt(3),
            balance: btt(2)
        }
    );
    suite.convert("patient", 200).unwrap();
    assert_eq!(suite.pool().balance, Uint128::zero());
    assert_eq!(
        suite
            .token
            .balance(&suite.app.wrap(), &suite.points)
            .unwrap(),
        Uint128::zero()
    );
}

fn grant(amount: Uint128, memo: &str) -> ExecuteMsg {
    ExecuteMsg::Grant {
        recipient: cosmwasm_std::testing::MockApi::default()
            .addr_make("gym")
            .to_string(),
        amount,
        memo: memo.into(),
    }
}

#[test]
fn the_dao_pays_a_grant_from_the_pool_and_the_pool_counts_it() {
    let mut suite = Suite::with_pool(btt(1_000));
    let before = suite.balance("gym");
    let res = suite
        .execute(
            "owner",
            &grant(btt(400), "adoption incentive: 40 rural clinics"),
        )
        .unwrap();
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "memo" && a.value == "adoption incentive: 40 rural clinics")));
    assert_eq!(suite.balance("gym") - before, btt(400));
    let pool = suite.pool();
    assert_eq!(
        (pool.grants, pool.converted, pool.referrals, pool.balance),
        (btt(400), Uint128::zero(), Uint128::zero(), btt(600))
    );
    assert_eq!(
        suite
            .execute("owner", &grant(btt(601), "too much"))
            .unwrap_err(),
        ContractError::PoolExhausted {
            amount: btt(601),
            balance: btt(600)
        }
    );
}

#[test]
fn only_the_owner_grants_with_a_memo_and_no_funds() {
    let mut suite = Suite::new();
    assert_eq!(
        suite.execute("clinic", &grant(btt(1), "mine")).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(
        suite
            .execute("owner", &grant(Uint128::zero(), "x"))
            .unwrap_err(),
        ContractError::ZeroAmount
    );
    assert_eq!(
        suite.execute("owner", &grant(btt(1), "")).unwrap_err(),
        ContractError::InvalidMemo { max: 256 }
    );
    assert_eq!(
        suite
            .execute("owner", &grant(btt(1), &"m".repeat(257)))
            .unwrap_err(),
        ContractError::InvalidMemo { max: 256 }
    );
    assert_eq!(
        suite
            .execute_with_funds("clinic", &grant(btt(1), "x"), &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
}
