//! Insurers: register once, read engagement, and pay back 20% of their realised savings as the
//! insurance fee stream, in uusdc or BTT, exactly; paying buys them nothing on chain.

use btt_testing::Harness;
use btt_types::asset::{Asset, PaidError};
use btt_types::bps::Bps;
use btt_types::circuit::CircuitError;
use btt_types::fee_router::RoutedTotal;
use btt_types::points::{
    ExecuteMsg, InsurersResponse, QueryMsg, ReceiveMsg, MAX_INSURER_NAME, MAX_SAVINGS_MEMO,
};
use btt_types::units::btt;
use cosmwasm_std::{coin, coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{rules, usd, Suite, NATIVE, USD};
use crate::ContractError;

/// `who` pays the share of `savings` uusdc with `funds`.
fn pay_usd(
    suite: &mut Suite,
    who: &str,
    savings: Uint128,
    funds: &[cosmwasm_std::Coin],
) -> Result<cw_multi_test::AppResponse, ContractError> {
    suite.execute_with_funds(
        who,
        &ExecuteMsg::PaySavingsShare {
            savings,
            memo: Some("2026-Q3 premium discounts".into()),
        },
        funds,
    )
}

/// `who` pays the share of `savings` ubtt by sending `amount` BTT.
fn pay_btt(
    suite: &mut Suite,
    who: &str,
    savings: Uint128,
    amount: Uint128,
) -> Result<cw_multi_test::AppResponse, ContractError> {
    suite.send(
        who,
        amount,
        &ReceiveMsg::PaySavingsShare {
            savings,
            memo: None,
        },
    )
}

fn attr(res: &cw_multi_test::AppResponse, key: &str) -> String {
    res.events
        .iter()
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
        .unwrap_or_else(|| panic!("no {key} attribute"))
}

#[test]
fn an_insurer_registers_once_with_a_name_and_no_funds() {
    let mut suite = Suite::new();
    let res = suite.register_insurer("insurer", "Ping An Health").unwrap();
    assert_eq!(attr(&res, "action"), "register_insurer");
    let record = suite.insurer("insurer").unwrap();
    assert_eq!(
        (record.address, record.insurer.name.as_str()),
        (suite.addr("insurer"), "Ping An Health")
    );
    assert_eq!(record.insurer.registered_at, suite.app.block_info().time);
    assert_eq!(
        suite.register_insurer("insurer", "again").unwrap_err(),
        ContractError::InsurerExists {
            insurer: suite.addr("insurer").to_string()
        }
    );
    let invalid = ContractError::InvalidInsurerName {
        max: MAX_INSURER_NAME,
    };
    assert_eq!(suite.register_insurer("insurer2", "").unwrap_err(), invalid);
    assert_eq!(
        suite
            .register_insurer("insurer2", &"x".repeat(MAX_INSURER_NAME + 1))
            .unwrap_err(),
        invalid
    );
    assert_eq!(
        suite
            .execute_with_funds(
                "insurer2",
                &ExecuteMsg::RegisterInsurer { name: "x".into() },
                &[coin(1, USD)],
            )
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite
        .register_insurer("insurer2", &"x".repeat(MAX_INSURER_NAME))
        .unwrap();
}

#[test]
fn insurers_are_listed_by_address_in_clamped_pages() {
    let mut suite = Suite::new();
    let names: Vec<String> = (0..35).map(|i| format!("insurer-{i}")).collect();
    for name in &names {
        suite.register_insurer(name, name).unwrap();
    }
    let page = |suite: &Suite, start_after: Option<String>, limit: Option<u32>| {
        let res: InsurersResponse = suite.query(&QueryMsg::Insurers { start_after, limit });
        res.insurers
    };
    assert_eq!(page(&suite, None, None).len(), 10);
    let first = page(&suite, None, Some(100));
    assert_eq!(first.len(), 30);
    assert!(first.windows(2).all(|w| w[0].address < w[1].address));
    let rest = page(&suite, Some(first[29].address.to_string()), Some(100));
    assert_eq!(rest.len(), 5);
    assert!(rest[0].address > first[29].address);
}

#[test]
fn an_insurer_pays_back_exactly_its_share_of_savings_in_usdc() {
    let mut suite = Suite::new();
    suite.register_insurer("insurer", "Ping An Health").unwrap();
    // 20% of 10,000,001 uusdc is 2,000,000.2: 2,000,001 is due.
    let savings = Uint128::new(10_000_001);
    let due = Uint128::new(2_000_001);
    for wrong in [due - Uint128::one(), due + Uint128::one()] {
        assert_eq!(
            pay_usd(&mut suite, "insurer", savings, &[coin(wrong.u128(), USD)]).unwrap_err(),
            ContractError::Paid(PaidError::WrongAmount {
                expected: due,
                got: wrong
            })
        );
    }
    assert_eq!(
        pay_usd(&mut suite, "insurer", savings, &coins(2, NATIVE)).unwrap_err(),
        ContractError::Paid(PaidError::UnknownDenom {
            denom: NATIVE.into()
        })
    );
    assert_eq!(
        pay_usd(&mut suite, "insurer", savings, &[]).unwrap_err(),
        ContractError::Payment(PaymentError::NoFunds {})
    );
    assert_eq!(
        pay_usd(&mut suite, "insurer", Uint128::zero(), &[coin(1, USD)]).unwrap_err(),
        ContractError::ZeroAmount
    );
    for memo in [String::new(), "m".repeat(MAX_SAVINGS_MEMO + 1)] {
        assert_eq!(
            suite
                .execute_with_funds(
                    "insurer",
                    &ExecuteMsg::PaySavingsShare {
                        savings,
                        memo: Some(memo),
                    },
                    &[coin(due.u128(), USD)],
                )
                .unwrap_err(),
            ContractError::InvalidMemo {
                max: MAX_SAVINGS_MEMO
            }
        );
    }
    let before = suite.native_balance("insurer", USD);
    let res = pay_usd(&mut suite, "insurer", savings, &[coin(due.u128(), USD)]).unwrap();
    assert_eq!(
        (
            attr(&res, "action"),
            attr(&res, "insurer"),
            attr(&res, "savings"),
            attr(&res, "share_bps"),
            attr(&res, "paid"),
        ),
        (
            "pay_savings_share".to_string(),
            suite.addr("insurer").to_string(),
            savings.to_string(),
            "2000".to_string(),
            due.to_string()
        )
    );
    assert_eq!(before - suite.native_balance("insurer", USD), due);
    // Routed as the insurance stream: the suite sends every fee to the treasury, which is
    // paid whole units; the unit its payees' carries add up to waits in the contract.
    let routed: Vec<RoutedTotal> = suite.query(&QueryMsg::FeesRouted {});
    let insurance = routed.iter().find(|r| r.stream == "insurance").unwrap();
    assert_eq!(insurance.asset, Asset::Native(USD.into()));
    let treasury = suite.native_balance("dao", USD);
    assert_eq!(insurance.routed.total().unwrap(), treasury);
    let held = suite
        .app
        .wrap()
        .query_balance(&suite.points, USD)
        .unwrap()
        .amount;
    assert_eq!((treasury, held), (due - Uint128::one(), Uint128::one()));
    let totals = suite.insurer("insurer").unwrap().insurer.totals;
    assert_eq!(totals.len(), 1);
    assert_eq!(
        (&totals[0].asset, totals[0].savings, totals[0].paid),
        (&Asset::Native(USD.into()), savings, due)
    );
}

#[test]
fn an_insurer_pays_back_its_share_in_btt_by_asset() {
    let mut suite = Suite::new();
    suite
        .register_insurer("pharmacy", "a BTT-holding insurer")
        .unwrap();
    let savings = btt(1_000);
    assert_eq!(
        pay_btt(&mut suite, "pharmacy", savings, btt(199)).unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: btt(200),
            got: btt(199)
        })
    );
    assert_eq!(
        pay_btt(&mut suite, "pharmacy", savings, btt(201)).unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: btt(200),
            got: btt(201)
        })
    );
    let before = suite.balance("pharmacy");
    pay_btt(&mut suite, "pharmacy", savings, btt(200)).unwrap();
    pay_btt(&mut suite, "pharmacy", savings, btt(200)).unwrap();
    assert_eq!(before - suite.balance("pharmacy"), btt(400));
    assert_eq!(suite.balance("dao"), btt(400));
    let totals = suite.insurer("pharmacy").unwrap().insurer.totals;
    assert_eq!(
        (totals.len(), totals[0].savings, totals[0].paid),
        (1, btt(2_000), btt(400))
    );
}

#[test]
fn only_a_registered_insurer_pays_and_never_while_paused() {
    let mut suite = Suite::new();
    // A provider, or anyone, that did not register is refused, in either asset.
    suite.subscribe("clinic", 0, None).unwrap();
    assert_eq!(
        pay_usd(&mut suite, "clinic", usd(10), &[coin(usd(2).u128(), USD)]).unwrap_err(),
        ContractError::NotInsurer {
            insurer: suite.addr("clinic").to_string()
        }
    );
    assert_eq!(
        pay_btt(&mut suite, "clinic", btt(10), btt(2)).unwrap_err(),
        ContractError::NotInsurer {
            insurer: suite.addr("clinic").to_string()
        }
    );
    suite.register_insurer("insurer", "Ping An Health").unwrap();
    suite.pause();
    assert!(matches!(
        pay_usd(&mut suite, "insurer", usd(10), &[coin(usd(2).u128(), USD)]).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    assert!(matches!(
        suite.register_insurer("insurer2", "late").unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    // Reading a patient's engagement stays open to insurers.
    assert_eq!(suite.engagement("patient", 0, 0).total, 0);
}

#[test]
fn the_insurers_share_is_one_to_five_thousand_bps() {
    let mut suite = Suite::new();
    for share in [0, 5_001] {
        let mut r = rules();
        r.insurer_share = Bps(share);
        assert!(matches!(
            suite.update_rules(r).unwrap_err(),
            ContractError::InvalidRules { .. }
        ));
    }
    let mut r = rules();
    r.insurer_share = Bps(5_000);
    suite.update_rules(r).unwrap();
    suite.register_insurer("insurer", "Ping An Health").unwrap();
    pay_usd(&mut suite, "insurer", usd(10), &[coin(usd(5).u128(), USD)]).unwrap();
}

#[test]
fn an_insurer_gains_nothing_by_paying_and_splitting_never_lowers_the_share() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 500)
        .unwrap();
    suite.register_insurer("insurer", "Ping An Health").unwrap();
    // 7 uusdc of savings in one payment: ceil(1.4) = 2. In seven payments of 1: 7 × ceil(0.2).
    let before = suite.native_balance("insurer", USD);
    pay_usd(&mut suite, "insurer", Uint128::new(7), &[coin(2, USD)]).unwrap();
    let whole = before - suite.native_balance("insurer", USD);
    let before = suite.native_balance("insurer", USD);
    for _ in 0..7 {
        pay_usd(&mut suite, "insurer", Uint128::one(), &[coin(1, USD)]).unwrap();
    }
    let split = before - suite.native_balance("insurer", USD);
    assert_eq!((whole, split), (Uint128::new(2), Uint128::new(7)));
    assert!(split >= whole);
    // Paying earned the insurer no points, no subscription, no budget, no BTT, and cost the
    // pool and the patients nothing.
    assert_eq!(suite.points_of("insurer"), 0);
    assert_eq!(
        suite
            .award("insurer", "patient", "preventive visit", 1)
            .unwrap_err(),
        ContractError::NotSubscribed {
            provider: suite.addr("insurer").to_string()
        }
    );
    assert_eq!(suite.balance("insurer"), Uint128::zero());
    assert_eq!(suite.points_of("patient"), 500);
    let pool = suite.pool();
    assert_eq!(
        (pool.converted, pool.referrals, pool.grants),
        Default::default()
    );
}
