//! The attacks the payment rules invite, each run to show it gains nothing.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::payfi::{Denom, ExecuteMsg, InvoiceStatus, PayfiFees, QueryMsg, RateResponse};
use btt_types::points;
use btt_types::units::btt;
use cosmwasm_std::{Decimal, Uint128};
use cw_multi_test::Executor;

use super::suite::{fees, Suite, HOUR, USDC};
use crate::ContractError;

/// The patient tries to convert `points` to BTT right away.
fn convert(suite: &mut Suite, points: u64) -> bool {
    let points_addr = suite.points.clone();
    suite
        .app
        .execute_contract(
            suite.addr("patient"),
            points_addr,
            &points::ExecuteMsg::Convert {
                points,
                provider: Some(suite.addr("clinic").to_string()),
            },
            &[],
        )
        .is_ok()
}

#[test]
fn points_of_a_payment_refunded_before_settling_can_never_be_converted() {
    let mut suite = Suite::new();
    let fund = suite
        .token
        .send_msg(
            &suite.points,
            btt(100_000),
            &points::ReceiveMsg::FundPool {},
        )
        .unwrap();
    suite.app.execute(suite.addr("insurer"), fund).unwrap();
    let start = suite.btt("patient");
    for _ in 0..100 {
        let id = suite
            .invoice(Denom::Btt, btt(10), Some("patient"), Some(1_000))
            .unwrap();
        let p = suite.pay_btt("patient", id, btt(10), btt(10)).unwrap();
        assert!(!convert(&mut suite, 1_000), "nothing to convert yet");
        suite.refund("clinic", p, None).unwrap();
    }
    assert_eq!(
        suite.btt("patient"),
        start,
        "a hundred loops gained nothing"
    );
    assert_eq!(suite.points_of("patient"), 0);
    // A payment that settles earns its points once.
    let id = suite
        .invoice(Denom::Btt, btt(10), Some("patient"), Some(1_000))
        .unwrap();
    suite.pay_btt("patient", id, btt(10), btt(10)).unwrap();
    suite.advance(HOUR);
    suite.settle().unwrap();
    assert_eq!(suite.points_of("patient"), 1_000);
    assert!(suite.invoice_of(id).points_awarded.is_some());
}

#[test]
fn an_invoice_paid_in_parts_awards_its_points_when_the_last_part_settles() {
    let mut suite = Suite::new();
    let id = suite
        .invoice(Denom::Btt, btt(100), Some("patient"), Some(50))
        .unwrap();
    suite.pay_btt("patient", id, btt(60), btt(60)).unwrap();
    suite.advance(HOUR / 2);
    suite.pay_btt("patient", id, btt(40), btt(40)).unwrap();
    assert_eq!(suite.invoice_of(id).status, InvoiceStatus::Paid);
    suite.advance(HOUR / 2);
    suite.settle().unwrap();
    assert_eq!(
        suite.points_of("patient"),
        0,
        "the second part is refundable"
    );
    suite.advance(HOUR / 2);
    suite.settle().unwrap();
    assert_eq!(suite.points_of("patient"), 50);
}

#[test]
fn points_on_an_invoice_go_only_to_the_named_patient() {
    let mut suite = Suite::new();
    assert_eq!(
        suite
            .invoice(Denom::Btt, btt(10), None, Some(50))
            .unwrap_err(),
        ContractError::PointsNeedPayer
    );
    let id = suite
        .invoice(Denom::Btt, btt(10), Some("patient"), Some(50))
        .unwrap();
    assert_eq!(
        suite.pay_btt("patient2", id, btt(10), btt(10)).unwrap_err(),
        ContractError::NotInvoicePayer
    );
}

#[test]
fn a_bill_paid_in_124_ubtt_pieces_pays_at_least_the_whole_fee() {
    let mut suite = Suite::new();
    let whole = suite
        .invoice(Denom::Btt, Uint128::new(12_400), None, None)
        .unwrap();
    suite
        .pay_btt("patient", whole, Uint128::new(12_400), Uint128::new(12_400))
        .unwrap();
    let pieces = suite
        .invoice(Denom::Btt, Uint128::new(12_400), None, None)
        .unwrap();
    for _ in 0..100 {
        suite
            .pay_btt("patient", pieces, Uint128::new(124), Uint128::new(124))
            .unwrap();
    }
    let dao = suite.btt("dao");
    suite.advance(HOUR);
    suite
        .execute("anyone", &ExecuteMsg::Settle { limit: Some(1) })
        .unwrap();
    let whole_fee = suite.btt("dao") - dao;
    assert_eq!(whole_fee, Uint128::new(100), "0.8% of 12,400, rounded up");
    let dao = suite.btt("dao");
    for _ in 0..4 {
        suite
            .execute("anyone", &ExecuteMsg::Settle { limit: Some(30) })
            .unwrap();
    }
    let pieces_fee = suite.btt("dao") - dao;
    assert_eq!(
        pieces_fee,
        Uint128::new(100),
        "1 ubtt each: splitting never lowers the fee"
    );
    assert!(pieces_fee >= whole_fee);
}

#[test]
fn fees_outside_the_papers_bands_are_refused() {
    let mut suite = Suite::new();
    let bad = [
        PayfiFees {
            by_priority: vec![Bps(49)],
            ..fees()
        },
        PayfiFees {
            by_priority: vec![Bps(81)],
            ..fees()
        },
        PayfiFees {
            analytics: Bps(1_000),
            ..fees()
        },
        PayfiFees {
            conversion: Bps(1_000),
            ..fees()
        },
    ];
    for f in bad {
        let err = suite
            .execute(
                "owner",
                &ExecuteMsg::UpdateConfig(btt_types::payfi::ConfigUpdate {
                    fees: Some(f),
                    ..btt_types::payfi::ConfigUpdate::default()
                }),
            )
            .unwrap_err();
        assert!(matches!(err, ContractError::InvalidConfig { .. }));
    }
}

#[test]
fn a_conversion_uses_the_median_of_fresh_feeder_rates_with_a_quorum() {
    let mut suite = Suite::new();
    let feeders = ["oracle", "feeder-2", "feeder-3"].map(|f| suite.addr(f).to_string());
    suite
        .execute(
            "owner",
            &ExecuteMsg::UpdateConfig(btt_types::payfi::ConfigUpdate {
                feeders: Some(feeders.to_vec()),
                min_feeders: Some(2),
                ..btt_types::payfi::ConfigUpdate::default()
            }),
        )
        .unwrap();
    let post = |suite: &mut Suite, who: &str, percent: u64| {
        suite
            .execute(
                who,
                &ExecuteMsg::SetRate {
                    pay: USDC.into(),
                    invoice: "btt".into(),
                    rate: Decimal::percent(percent),
                },
            )
            .unwrap();
    };
    post(&mut suite, "oracle", 50);
    let id = suite.invoice(Denom::Btt, btt(10), None, None).unwrap();
    assert!(matches!(
        suite
            .pay_usdc("patient", id, btt(10), 100_000_000)
            .unwrap_err(),
        ContractError::StaleRate {
            fresh_needed: 2,
            ..
        }
    ));
    // A rogue feeder posting 1,000× cannot move the median of three.
    post(&mut suite, "feeder-2", 52);
    post(&mut suite, "feeder-3", 50_000);
    let rate: RateResponse = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.payfi,
            &QueryMsg::Rate {
                pay: USDC.into(),
                invoice: "btt".into(),
            },
        )
        .unwrap();
    assert_eq!(rate.median, Some(Decimal::percent(52)));
    assert_eq!(rate.rates.len(), 3);
}

#[test]
fn a_stake_held_for_a_moment_gives_no_fee_discount() {
    let mut suite = Suite::new();
    suite.stake("patient", btt(100_000));
    let id = suite.invoice(Denom::Btt, btt(1_000), None, None).unwrap();
    let p = suite
        .pay_btt("patient", id, btt(1_000), btt(1_000))
        .unwrap();
    assert_eq!(suite.payment(p).fee, Bps(80), "the full 0.8%");
}

/// The clinic awards `points` to fresh sybil patients, 1,000 (the cap) at a time.
fn spend_budget(suite: &mut Suite, points: u64) {
    for i in 0..points / 1_000 {
        suite.award(&format!("sybil-{i}"), 1_000).unwrap();
    }
}

#[test]
fn a_provider_that_spends_its_budget_before_settlement_cannot_take_the_patients_points() {
    let mut suite = Suite::new();
    // The clinic's window holds 50,000 points. The patient pays a 1,000-point invoice.
    let id = suite
        .invoice(Denom::Btt, btt(100), Some("patient"), Some(1_000))
        .unwrap();
    suite.pay_btt("patient", id, btt(100), btt(100)).unwrap();
    assert_eq!(suite.budget_left(), 49_000, "reserved on payment");
    // Before settlement the clinic tries to spend the whole window on other addresses: the
    // patient's 1,000 are no longer its to give.
    spend_budget(&mut suite, 49_000);
    assert_eq!(
        suite.award("sybil-last", 1).unwrap_err(),
        incentive_points::ContractError::BudgetExceeded {
            provider: suite.addr("clinic").to_string(),
            left: 0,
        }
    );
    suite.advance(HOUR);
    suite.settle().unwrap();
    assert_eq!(suite.points_of("patient"), 1_000, "1,000 of 1,000 points");
    assert_eq!(suite.reservation(id), None, "delivered");
}

#[test]
fn a_payment_whose_points_the_budget_cannot_hold_is_refused_up_front() {
    let mut suite = Suite::new();
    spend_budget(&mut suite, 50_000);
    let id = suite
        .invoice(Denom::Btt, btt(100), Some("patient"), Some(1_000))
        .unwrap();
    let before = suite.btt("patient");
    assert_eq!(
        suite.pay_btt_points_err("patient", id, btt(100)),
        incentive_points::ContractError::BudgetExceeded {
            provider: suite.addr("clinic").to_string(),
            left: 0,
        }
    );
    assert_eq!(suite.btt("patient"), before, "the patient paid nothing");
    assert_eq!(suite.invoice_of(id).paid, Uint128::zero());
}

#[test]
fn a_refund_that_reopens_the_invoice_releases_its_points_to_the_budget() {
    let mut suite = Suite::new();
    let id = suite
        .invoice(Denom::Btt, btt(100), Some("patient"), Some(1_000))
        .unwrap();
    let p = suite.pay_btt("patient", id, btt(100), btt(100)).unwrap();
    assert_eq!(suite.budget_left(), 49_000);
    suite.refund("clinic", p, Some(btt(1))).unwrap();
    assert_eq!(suite.budget_left(), 50_000, "released");
    assert_eq!(suite.reservation(id), None);
    assert_eq!(suite.invoice_of(id).points_reserved, None);
    // Paid again, reserved again; settled, delivered once.
    suite.pay_btt("patient", id, btt(1), btt(1)).unwrap();
    assert_eq!(suite.budget_left(), 49_000);
    suite.advance(HOUR);
    suite.settle().unwrap();
    assert_eq!(suite.points_of("patient"), 1_000);
    assert_eq!(suite.budget_left(), 49_000);
}

#[test]
fn a_pause_during_settlement_keeps_the_points_pending_until_anyone_delivers_them() {
    use btt_types::circuit::{CircuitError, CircuitMsg};
    let mut suite = Suite::new();
    let id = suite
        .invoice(Denom::Btt, btt(100), Some("patient"), Some(1_000))
        .unwrap();
    suite.pay_btt("patient", id, btt(100), btt(100)).unwrap();
    let clinic_before = suite.btt("clinic");
    suite
        .points_exec(
            "owner",
            &points::ExecuteMsg::Circuit(CircuitMsg::Pause {
                reason: "ledger bug".into(),
            }),
        )
        .unwrap();
    suite.advance(HOUR);
    // Settlement goes on: the clinic is paid, the points wait.
    suite.settle().unwrap();
    assert!(suite.btt("clinic") > clinic_before);
    assert_eq!(suite.points_of("patient"), 0);
    let pending = suite.pending_awards();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        (pending[0].invoice_id, pending[0].points, pending[0].settled),
        (id, 1_000, true)
    );
    assert!(suite.invoice_of(id).points_awarded.is_some());
    // Nobody delivers while paused.
    let deliver = points::ExecuteMsg::DeliverPending { limit: None };
    assert!(matches!(
        suite.points_exec("anyone", &deliver).unwrap_err(),
        incentive_points::ContractError::Circuit(CircuitError::Paused { .. })
    ));
    suite
        .points_exec(
            "owner",
            &points::ExecuteMsg::Circuit(CircuitMsg::Unpause {}),
        )
        .unwrap();
    suite.points_exec("anyone", &deliver).unwrap();
    assert_eq!(suite.points_of("patient"), 1_000, "1,000 of 1,000 points");
    assert!(suite.pending_awards().is_empty());
    assert_eq!(
        suite.points_exec("anyone", &deliver).unwrap_err(),
        incentive_points::ContractError::NothingPending
    );
}

#[test]
fn a_paused_incentive_points_refuses_a_points_payment_but_not_its_refund() {
    use btt_types::circuit::{CircuitError, CircuitMsg};
    let mut suite = Suite::new();
    let id = suite
        .invoice(Denom::Btt, btt(100), Some("patient"), Some(1_000))
        .unwrap();
    let p = suite.pay_btt("patient", id, btt(100), btt(100)).unwrap();
    let pause = points::ExecuteMsg::Circuit(CircuitMsg::Pause {
        reason: "ledger bug".into(),
    });
    suite.points_exec("owner", &pause).unwrap();
    // The refund releases the reservation while paused: exits stay open.
    let before = suite.btt("patient");
    suite.refund("clinic", p, None).unwrap();
    assert_eq!(suite.btt("patient") - before, btt(100));
    assert_eq!(suite.budget_left(), 50_000);
    // Paying again would promise points a paused contract cannot reserve: refused up front.
    assert!(matches!(
        suite.pay_btt_points_err("patient", id, btt(100)),
        incentive_points::ContractError::Circuit(CircuitError::Paused { .. })
    ));
    assert_eq!(suite.btt("patient"), before + btt(100));
}

/// Pays a 100 BTT invoice in uusdc with 20% slippage over the fair 1 uusdc = 2 ubtt, and
/// returns the uusdc spent, or the error.
fn pay_100_btt_in_usdc(suite: &mut Suite) -> Result<u128, ContractError> {
    let id = suite.invoice(Denom::Btt, btt(100), None, None).unwrap();
    let before = suite.usdc("patient");
    // Fair: 50,000,000 uusdc; 0.75% conversion fee on top; 20% slippage.
    suite.pay_usdc("patient", id, btt(100), 60_450_000)?;
    Ok((before - suite.usdc("patient")).u128())
}

#[test]
fn one_feeder_posting_a_rate_16_percent_worse_does_not_move_the_payers_price() {
    let fair = Decimal::from_ratio(2u128, 1u128);
    let worse = Decimal::from_ratio(168u128, 100u128);
    let fair_spend = 50_375_000; // 50,000,000 + 0.75%
                                 // Three fresh feeders: the median stays fair.
    let mut suite = Suite::new();
    suite.set_rate(USDC, "btt", fair).unwrap();
    suite.set_rate_by("oracle", USDC, "btt", worse).unwrap();
    assert_eq!(pay_100_btt_in_usdc(&mut suite).unwrap(), fair_spend);
    // Two fresh (one went stale): the mean of fair and 16% worse moves 8%, beyond the 5%
    // band, and only one rate moved: refused, the payer keeps its uusdc.
    let mut suite = Suite::new();
    suite.set_rate(USDC, "btt", fair).unwrap();
    suite.advance(400);
    suite.set_rate_by("feeder-2", USDC, "btt", fair).unwrap();
    suite.advance(300);
    suite.set_rate_by("oracle", USDC, "btt", worse).unwrap();
    assert!(matches!(
        pay_100_btt_in_usdc(&mut suite).unwrap_err(),
        ContractError::RateUnconfirmed { quorum: 2, .. }
    ));
    // Only one fresh rate: below the quorum.
    suite.advance(400);
    assert!(matches!(
        pay_100_btt_in_usdc(&mut suite).unwrap_err(),
        ContractError::StaleRate {
            fresh_needed: 2,
            ..
        }
    ));
    // A real move that a quorum posts counts.
    suite.set_rate_by("feeder-3", USDC, "btt", worse).unwrap();
    assert_eq!(
        pay_100_btt_in_usdc(&mut suite).unwrap(),
        59_970_239,
        "a quorum moved the rate; the payer's max spend still bounds it"
    );
}

#[test]
fn a_feeder_quorum_below_two_or_a_band_outside_its_limits_is_refused() {
    let mut suite = Suite::new();
    for update in [
        btt_types::payfi::ConfigUpdate {
            min_feeders: Some(1),
            ..Default::default()
        },
        btt_types::payfi::ConfigUpdate {
            max_rate_move: Some(Bps(0)),
            ..Default::default()
        },
        btt_types::payfi::ConfigUpdate {
            max_rate_move: Some(Bps(2_001)),
            ..Default::default()
        },
    ] {
        assert!(matches!(
            suite
                .execute("owner", &ExecuteMsg::UpdateConfig(update))
                .unwrap_err(),
            ContractError::InvalidConfig { .. }
        ));
    }
    let ok = btt_types::payfi::ConfigUpdate {
        max_rate_move: Some(Bps(300)),
        ..Default::default()
    };
    assert!(matches!(
        suite
            .execute("patient", &ExecuteMsg::UpdateConfig(ok.clone()))
            .unwrap_err(),
        ContractError::Ownership(_)
    ));
    suite
        .execute("owner", &ExecuteMsg::UpdateConfig(ok))
        .unwrap();
}

#[test]
fn the_first_rate_of_a_pair_needs_a_quorum_that_agrees_not_the_mean_of_two_far_apart() {
    let mut suite = Suite::new();
    // No median yet. A rogue feeder posts 1,000× the honest rate; one honest rate is fresh.
    suite
        .set_rate_by("oracle", USDC, "btt", Decimal::from_ratio(2u128, 1u128))
        .unwrap();
    suite
        .set_rate_by(
            "feeder-2",
            USDC,
            "btt",
            Decimal::from_ratio(2_000u128, 1u128),
        )
        .unwrap();
    assert!(matches!(
        pay_100_btt_in_usdc(&mut suite).unwrap_err(),
        ContractError::RateUnconfirmed { quorum: 2, .. }
    ));
    // A second honest rate makes the quorum: the payer pays the fair price.
    suite
        .set_rate_by("feeder-3", USDC, "btt", Decimal::from_ratio(2u128, 1u128))
        .unwrap();
    assert_eq!(pay_100_btt_in_usdc(&mut suite).unwrap(), 50_375_000);
}

#[test]
fn one_feeder_beside_one_honest_fresh_rate_moves_the_price_at_most_the_band() {
    let fair = Decimal::from_ratio(2u128, 1u128);
    let fair_spend: u128 = 50_375_000;
    let setup = |attacker_rate: Decimal| {
        let mut suite = Suite::new();
        suite.set_rate(USDC, "btt", fair).unwrap();
        // feeder-3 goes stale; feeder-2 stays fresh and honest; the oracle turns.
        suite.advance(400);
        suite.set_rate_by("feeder-2", USDC, "btt", fair).unwrap();
        suite.advance(300);
        suite
            .set_rate_by("oracle", USDC, "btt", attacker_rate)
            .unwrap();
        suite
    };
    // 10% lower: the two fresh rates do not agree within 5% of their mean: no rate.
    let mut suite = setup(Decimal::from_ratio(180u128, 100u128));
    assert!(matches!(
        pay_100_btt_in_usdc(&mut suite).unwrap_err(),
        ContractError::RateUnconfirmed { .. }
    ));
    // 9.5% lower is the most that still agrees: the mean is 4.75% off, inside the band, and
    // the payer overpays less than 5% (it was 19.9% with one feeder).
    let mut suite = setup(Decimal::from_ratio(181u128, 100u128));
    let spent = pay_100_btt_in_usdc(&mut suite).unwrap();
    assert!(
        spent > fair_spend && spent <= fair_spend * 105 / 100,
        "{spent}"
    );
}
