//! The attacks the subscription and referral rules invite, each run to show it gains nothing.

use btt_testing::Harness;
use btt_types::points::{ExecuteMsg, PointsRules, ReferralMilestone};
use btt_types::units::btt;
use cosmwasm_std::{coin, Decimal, Uint128};

use super::suite::{rules, usd, Suite, DAY, PERIOD, USD};
use crate::ContractError;

/// The DAO changes the rules.
fn update_rules(suite: &mut Suite, rules: PointsRules) -> Result<(), ContractError> {
    suite
        .execute(
            "owner",
            &ExecuteMsg::UpdateConfig(Box::new(btt_types::points::ConfigUpdate {
                rules: Some(rules),
                ..btt_types::points::ConfigUpdate::default()
            })),
        )
        .map(|_| ())
}

#[test]
fn a_tier_upgrade_does_not_apply_to_windows_paid_at_the_small_price() {
    let mut suite = Suite::new();
    // Small twice (2 × 10,000 points paid for), then large once (200,000).
    suite.subscribe("clinic", 0, None).unwrap();
    suite.subscribe("clinic", 0, None).unwrap();
    suite.subscribe("clinic", 2, None).unwrap();
    assert_eq!(suite.award_until_refused("clinic", "w1"), 10_000);
    suite.advance(30 * DAY);
    assert_eq!(suite.award_until_refused("clinic", "w2"), 10_000);
    suite.advance(30 * DAY);
    let p = suite.provider("clinic");
    assert_eq!((p.provider.tier, p.budget_left), (2, 200_000));
    suite.advance(30 * DAY);
    assert!(
        !suite.provider("clinic").active,
        "three windows paid, three used"
    );
}

#[test]
fn only_one_tier_change_waits_at_a_time() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    suite.subscribe("clinic", 2, None).unwrap();
    assert_eq!(
        suite.subscribe("clinic", 1, None).unwrap_err(),
        ContractError::TierChangePending { tier: 2, seats: 1 }
    );
    suite.subscribe("clinic", 2, None).unwrap();
    suite.advance(30 * DAY);
    assert_eq!(suite.provider("clinic").provider.tier, 2);
}

#[test]
fn one_subscription_bought_before_a_period_boundary_buys_one_budget() {
    let mut suite = Suite::new();
    suite.advance(PERIOD - 3_600);
    suite.subscribe("clinic", 0, None).unwrap();
    let before_boundary = suite.award_until_refused("clinic", "a");
    suite.advance(2 * 3_600);
    let after_boundary = suite.award_until_refused("clinic", "b");
    assert_eq!(
        before_boundary + after_boundary,
        10_000,
        "one 30-day window, one budget"
    );
    suite.advance(30 * DAY);
    assert!(!suite.provider("clinic").active);
}

#[test]
fn a_self_referred_clinic_pair_pays_more_than_it_earns() {
    let mut suite = Suite::new();
    let wealth = |s: &Suite| s.balance("clinic") + s.balance("clinic2");
    let start = wealth(&suite);
    suite.subscribe("clinic", 0, None).unwrap();
    suite.subscribe("clinic2", 0, Some("clinic")).unwrap();
    // The referred clinic awards its own "patients" as much as it may: no referral pays for that.
    suite.award_until_refused("clinic2", "fake");
    for _ in 0..3 {
        suite.subscribe("clinic2", 2, None).unwrap();
    }
    let referrals = suite.pool().referrals;
    assert_eq!(referrals, btt(600));
    let paid = start - wealth(&suite);
    println!("self-referred pair: paid {paid} ubtt net, referrals {referrals} ubtt");
    assert_eq!(paid, btt(1_000 + 1_000 + 30_000) - referrals);
    assert!(wealth(&suite) < start, "the pair ends poorer");
}

#[test]
fn referral_rewards_at_or_above_the_fees_they_follow_are_refused() {
    let mut suite = Suite::new();
    let mut r = rules();
    r.milestones = vec![
        ReferralMilestone {
            fees_paid: btt(1_000),
            reward: btt(600),
        },
        ReferralMilestone {
            fees_paid: btt(1_500),
            reward: btt(900),
        },
    ];
    let err = update_rules(&mut suite, r).unwrap_err();
    assert!(matches!(err, ContractError::InvalidRules { .. }));
    assert_eq!(rules().milestones[0].reward, btt(100));
}

/// Awards `budget` points of `provider` to its own sybil patients (1,000 a patient, the
/// category caps) and has each convert them all.
fn convert_whole_budget(suite: &mut Suite, provider: &str, budget: u64) {
    let mut left = budget;
    let mut i = 0;
    while left > 0 {
        let patient = format!("{provider}-sybil-{i}");
        for (category, cap) in [
            ("preventive visit", 500),
            ("treatment adherence", 300),
            ("healthy lifestyle", 200),
        ] {
            let points = left.min(cap);
            if points > 0 {
                suite.award(provider, &patient, category, points).unwrap();
                left -= points;
            }
        }
        let points = suite.points_of(&patient);
        suite
            .convert_from(&patient, Some(provider), points)
            .unwrap();
        i += 1;
    }
}

/// BTT held by `provider` and its sybil patients `0..n`.
fn btt_of(suite: &Suite, provider: &str, n: u32) -> Uint128 {
    (0..n).fold(suite.balance(provider), |sum, i| {
        sum + suite.balance(&format!("{provider}-sybil-{i}"))
    })
}

#[test]
fn a_provider_converting_its_own_budget_through_its_own_patients_loses_even_after_btt_doubles() {
    let mut suite = Suite::new();
    let mut r = rules();
    // 0.05 BTT a point: the small tier's 10,000 points are worth 500 BTT, half its price at
    // 1 USDC a BTT. The weekly caps are raised so the whole budget converts in a week.
    r.conversion_rate = Decimal::from_ratio(50_000u128, 1u128);
    r.conversion_epoch_cap = btt(2_000);
    suite.update_rules(r).unwrap();
    assert_eq!(suite.quote(0, None, "btt").unwrap().budget, 10_000);
    // BTT doubles to 2 USDC: 1,000 USDC is 500 BTT, and a full budget would pay all of it
    // back. The window's budget is lowered to 70% of the payment (350 BTT): 7,000 points.
    suite.set_rate(Some(Decimal::percent(50)));
    let quote = suite.quote(0, None, "btt").unwrap();
    assert_eq!((quote.amount, quote.budget), (btt(500), 7_000));
    // In BTT: the provider and its sybils end with less BTT than they started with.
    let start = btt_of(&suite, "clinic", 10);
    suite.subscribe("clinic", 0, None).unwrap();
    assert_eq!(suite.provider("clinic").budget_left, 7_000);
    convert_whole_budget(&mut suite, "clinic", 7_000);
    let end = btt_of(&suite, "clinic", 10);
    println!(
        "self-dealing in BTT: paid 500 BTT, got back {} ubtt",
        end + btt(500) - start
    );
    assert!(end < start, "the self-dealer ends poorer in BTT");
    assert_eq!(start - end, btt(150), "30% of the payment");
    // Natively: 1,000 USDC paid, 7,000 points converted to 350 BTT, 700 USDC at the rate in
    // force.
    let usd_before = suite.native_balance("group", USD);
    suite
        .subscribe_native("group", 0, None, &[coin(usd(1_000).u128(), USD)])
        .unwrap();
    assert_eq!(suite.provider("group").budget_left, 7_000);
    convert_whole_budget(&mut suite, "group", 7_000);
    let got = btt_of(&suite, "group", 10);
    let paid = usd_before - suite.native_balance("group", USD);
    let got_in_usd = got * Uint128::new(2);
    assert_eq!((paid, got), (usd(1_000), btt(350)));
    assert!(got_in_usd < paid, "the self-dealer ends poorer in USDC");
}

/// Awards 500 points to each of `n` sybils of `provider` and has each convert them from it;
/// returns how many converted, and the first refusal.
fn sybils_convert(suite: &mut Suite, provider: &str, n: u32) -> (u32, Option<ContractError>) {
    sybils_convert_points(suite, provider, n, true)
}

/// As [`sybils_convert`]; untracked, the points are as an award made before providers were
/// tracked left them (no attribution) and convert naming no provider.
fn sybils_convert_points(
    suite: &mut Suite,
    provider: &str,
    n: u32,
    tracked: bool,
) -> (u32, Option<ContractError>) {
    for i in 0..n {
        let sybil = format!("{provider}-sybil-{i}");
        suite
            .award(provider, &sybil, "preventive visit", 500)
            .unwrap();
        if !tracked {
            let (who, from) = (suite.addr(&sybil), suite.addr(provider));
            let points = suite.points.clone();
            let mut store = suite.app.contract_storage_mut(&points);
            crate::state::FROM_PROVIDER.remove(&mut *store, (&who, &from));
            crate::state::ATTRIBUTED.remove(&mut *store, &who);
        }
        let named = tracked.then_some(provider);
        if let Err(e) = suite.convert_from(&sybil, named, 500) {
            return (i, Some(e));
        }
    }
    (n, None)
}

#[test]
fn sybil_patients_of_one_provider_cannot_exhaust_the_weekly_conversion_cap() {
    let mut suite = Suite::new();
    // An honest clinic's patient holds 300 points.
    suite.subscribe("clinic", 0, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 300)
        .unwrap();
    // The attacker's large clinic (10,000 BTT) awards 500 points to each of 200 sybils, who
    // convert 5 BTT each: 1,000 BTT would take the whole weekly cap.
    suite.subscribe("clinic2", 2, None).unwrap();
    let (converted, refused) = sybils_convert(&mut suite, "clinic2", 200);
    // Only its provider cap: 500 BTT, at most a quarter of the global cap: 250 BTT of 1,000.
    assert_eq!(converted, 50);
    assert_eq!(
        refused,
        Some(ContractError::ProviderCapExceeded {
            provider: suite.addr("clinic2").to_string(),
            amount: btt(5),
            left: btt(0),
        })
    );
    assert_eq!(suite.pool().epoch_converted, btt(250));
    // A sybil cannot charge its points to the honest clinic's cap.
    assert_eq!(
        suite
            .convert_from("clinic2-sybil-100", Some("clinic"), 500)
            .unwrap_err(),
        ContractError::NotFromSource {
            available: 0,
            requested: 500
        }
    );
    // Nor as points from before providers were tracked.
    assert_eq!(
        suite
            .convert_from("clinic2-sybil-100", None, 500)
            .unwrap_err(),
        ContractError::NotFromSource {
            available: 0,
            requested: 500
        }
    );
    // The honest patient converts all of its points this week.
    let before = suite.balance("patient");
    suite.convert("patient", 300).unwrap();
    assert_eq!(suite.balance("patient") - before, btt(3));
}

#[test]
fn a_stockpile_of_points_from_before_the_upgrade_cannot_fill_the_weekly_cap_either() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 300)
        .unwrap();
    // The attacker's clinic awarded 500 points to each of 200 sybils before providers were
    // tracked: the upgrade left them unattributed, and every untracked point shares one cap.
    suite.subscribe("clinic2", 2, None).unwrap();
    let (converted, refused) = sybils_convert_points(&mut suite, "clinic2", 200, false);
    assert_eq!(
        converted, 50,
        "250 BTT of untracked points a week, a quarter of the cap"
    );
    assert_eq!(
        refused,
        Some(ContractError::ProviderCapExceeded {
            provider: "points awarded before providers were tracked".into(),
            amount: btt(5),
            left: btt(0),
        })
    );
    let before = suite.balance("patient");
    suite.convert("patient", 300).unwrap();
    assert_eq!(
        suite.balance("patient") - before,
        btt(3),
        "the honest patient still converts"
    );
}

#[test]
fn one_patient_converts_at_most_its_epoch_cap() {
    let mut suite = Suite::new();
    let mut r = rules();
    r.patient_epoch_cap = btt(3);
    update_rules(&mut suite, r).unwrap();
    suite.subscribe("clinic", 0, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 500)
        .unwrap();
    assert_eq!(
        suite.convert("patient", 500).unwrap_err(),
        ContractError::PatientCapExceeded {
            amount: btt(5),
            left: btt(3)
        }
    );
    suite.convert("patient", 300).unwrap();
    assert_eq!(
        suite.convert("patient", 1).unwrap_err(),
        ContractError::PatientCapExceeded {
            amount: Uint128::new(10_000),
            left: btt(0)
        }
    );
    suite.advance(7 * DAY);
    suite.convert("patient", 200).unwrap();
    assert_eq!(suite.points_of("patient"), 0);
}

#[test]
fn conversion_caps_of_zero_or_above_the_global_cap_are_refused() {
    let mut suite = Suite::new();
    for change in [
        |r: &mut PointsRules| r.patient_epoch_cap = Uint128::zero(),
        |r: &mut PointsRules| r.provider_epoch_cap = Uint128::zero(),
        |r: &mut PointsRules| r.patient_epoch_cap = r.conversion_epoch_cap + Uint128::one(),
        |r: &mut PointsRules| r.provider_epoch_cap = r.conversion_epoch_cap + Uint128::one(),
    ] {
        let mut r = rules();
        change(&mut r);
        assert!(matches!(
            update_rules(&mut suite, r).unwrap_err(),
            ContractError::InvalidRules { .. }
        ));
    }
}

#[test]
fn a_provider_cannot_drain_points_reserved_for_a_paid_invoice() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    suite.reserve(7, "clinic", "patient", 500).unwrap();
    assert_eq!(suite.provider("clinic").budget_left, 9_500);
    // The clinic awards what is left to others, then stops paying its subscription.
    for i in 0..19 {
        suite
            .award("clinic", &format!("other-{i}"), "preventive visit", 500)
            .unwrap();
    }
    assert!(matches!(
        suite
            .award("clinic", "other-x", "preventive visit", 1)
            .unwrap_err(),
        ContractError::BudgetExceeded { left: 0, .. }
    ));
    suite.advance(31 * DAY);
    assert!(!suite.provider("clinic").active);
    suite.settle_points(7).unwrap();
    assert_eq!(suite.points_of("patient"), 500, "500 of 500 points");
    assert_eq!(suite.engagement("patient", 0, 0).total, 500);
    assert_eq!(suite.provider("clinic").provider.points_awarded, 10_000);
}

#[test]
fn reserved_points_count_toward_the_patients_cap() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    suite.reserve(1, "clinic", "patient", 400).unwrap();
    assert_eq!(
        suite
            .award("clinic", "patient", "preventive visit", 101)
            .unwrap_err(),
        ContractError::CapExceeded {
            category: "preventive visit".into(),
            left: 100
        }
    );
    assert_eq!(
        suite.reserve(2, "clinic", "patient", 101).unwrap_err(),
        ContractError::CapExceeded {
            category: "preventive visit".into(),
            left: 100
        }
    );
    // Released, the cap and the budget come back.
    suite
        .execute("payfi", &ExecuteMsg::ReleasePoints { invoice_id: 1 })
        .unwrap();
    assert_eq!(suite.provider("clinic").budget_left, 10_000);
    suite
        .award("clinic", "patient", "preventive visit", 500)
        .unwrap();
}

#[test]
fn a_release_in_a_later_window_gives_the_new_window_nothing() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    suite.subscribe("clinic", 0, None).unwrap();
    suite.reserve(1, "clinic", "patient", 500).unwrap();
    suite.advance(30 * DAY);
    assert_eq!(suite.provider("clinic").budget_left, 10_000);
    suite
        .execute("payfi", &ExecuteMsg::ReleasePoints { invoice_id: 1 })
        .unwrap();
    assert_eq!(suite.provider("clinic").budget_left, 10_000, "not 10,500");
}
