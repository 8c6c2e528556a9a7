//! What a window's budget may be worth, run as attacks: a referrer and a referred provider of
//! one owner, a DAO raise of the conversion rate after windows were paid ahead, a jump of
//! payfi's median, and a clinic group's seats against the weekly conversion cap. Each ends
//! with the attacker no richer than it started.

use btt_testing::Harness;
use btt_types::points::{
    PointsRules, ReceiveMsg, ReferralMilestone, MAX_PREPAID_WINDOWS, PROVIDER_CAP_DIVISOR,
};
use btt_types::units::btt;
use cosmwasm_std::{coin, Decimal, Uint128};

use super::suite::{rules, usd, Suite, DAY, USD};
use crate::ContractError;

/// The suite's rules with room to convert a whole budget at once: a preventive-visit cap of
/// 100,000,000 points and weekly caps of 1,000,000 BTT (one provider: a quarter of that).
fn roomy_rules() -> PointsRules {
    let mut r = rules();
    r.categories[0].cap = 100_000_000;
    r.conversion_epoch_cap = btt(1_000_000);
    r.patient_epoch_cap = btt(1_000_000);
    r.provider_epoch_cap = btt(1_000_000);
    r
}

/// `provider` awards its whole budget left to `patient` (one more point is refused) and
/// `patient` converts it all; returns the points.
fn award_and_convert_whole_budget(suite: &mut Suite, provider: &str, patient: &str) -> u64 {
    let budget = suite.provider(provider).budget_left;
    suite
        .award(provider, patient, "preventive visit", budget)
        .unwrap();
    assert!(matches!(
        suite
            .award(provider, patient, "preventive visit", 1)
            .unwrap_err(),
        ContractError::BudgetExceeded { left: 0, .. }
    ));
    suite.convert_from(patient, Some(provider), budget).unwrap();
    budget
}

/// BTT held by all of `who`.
fn wealth(suite: &Suite, who: &[&str]) -> Uint128 {
    who.iter().map(|w| suite.balance(w)).sum()
}

#[test]
fn a_referrer_and_its_referred_group_converting_the_whole_budget_at_six_usdc_a_btt_end_poorer() {
    let mut suite = Suite::new();
    let mut r = roomy_rules();
    // Genesis's milestones: 150 BTT at 1,500 BTT of fees (10%), 1,000 more at 12,000 (1,150
    // of 12,000 ≈ 9.6%): R = 10%. 0.001 BTT a point, and a small clinic priced 450 USDC with
    // a budget so large that only the payment's value bounds it.
    r.milestones = vec![
        ReferralMilestone {
            fees_paid: btt(1_500),
            reward: btt(150),
        },
        ReferralMilestone {
            fees_paid: btt(12_000),
            reward: btt(1_000),
        },
    ];
    r.conversion_rate = Decimal::from_ratio(1_000u128, 1u128);
    r.tiers[0].price = coin(usd(450).u128(), USD);
    r.tiers[0].budget = 100_000_000;
    suite.update_rules(r).unwrap();
    // BTT at 6 USDC: a seat costs 75 BTT; 160 seats cost 12,000 BTT.
    suite.set_rate(Some(Decimal::from_ratio(1u128, 6u128)));
    let pair = ["clinic", "clinic2", "clinic-sybil", "clinic2-sybil"];
    let start = wealth(&suite, &pair);
    suite.subscribe("clinic", 0, None).unwrap();
    let group = suite.quote(0, Some(160), "btt").unwrap();
    // Worth at most 100% − 10% − 20% of the 12,000 BTT: 8,400 BTT, 8,400,000 points.
    assert_eq!((group.amount, group.budget), (btt(12_000), 8_400_000));
    let referrer = suite.addr("clinic").to_string();
    suite
        .send(
            "clinic2",
            group.amount,
            &ReceiveMsg::Subscribe {
                tier: 0,
                referrer: Some(referrer),
                seats: Some(160),
            },
        )
        .unwrap();
    assert_eq!(suite.pool().referrals, btt(1_150));
    // Both award their whole budgets to their own sybils, who convert every point.
    assert_eq!(
        award_and_convert_whole_budget(&mut suite, "clinic2", "clinic2-sybil"),
        8_400_000
    );
    assert_eq!(
        award_and_convert_whole_budget(&mut suite, "clinic", "clinic-sybil"),
        52_500
    );
    let end = wealth(&suite, &pair);
    let paid = btt(12_075);
    let back = btt(8_400 + 52 + 1_150) + Uint128::new(500_000);
    assert_eq!(
        start - end,
        paid - back,
        "paid 12,075 BTT, got 9,602.5 back"
    );
    // Even valued 20% above payfi's median, what came back is worth less than the payment.
    assert!(back * Uint128::new(12) < paid * Uint128::new(10));
    assert!(end < start, "the pair ends poorer");
}

#[test]
fn a_doubled_conversion_rate_halves_budgets_paid_ahead_so_twelve_prepaid_windows_end_poorer() {
    let mut suite = Suite::new();
    let mut r = roomy_rules();
    // A small clinic (1,000 BTT at 1 USDC a BTT) whose budget only its payment's value
    // bounds: 70% of 1,000 BTT at 0.01 BTT a point, 70,000 points.
    r.tiers[0].budget = 10_000_000;
    suite.update_rules(r.clone()).unwrap();
    let me = ["clinic", "clinic-sybil-0"];
    let start = wealth(&suite, &me);
    for _ in 0..MAX_PREPAID_WINDOWS {
        suite.subscribe("clinic", 0, None).unwrap();
    }
    assert_eq!(suite.provider("clinic").budget_left, 70_000);
    // The DAO doubles the conversion rate: every window paid ahead now holds 35,000 points,
    // still worth 700 BTT.
    r.conversion_rate = Decimal::from_ratio(20_000u128, 1u128);
    suite.update_rules(r).unwrap();
    assert_eq!(suite.provider("clinic").budget_left, 35_000);
    for _ in 0..MAX_PREPAID_WINDOWS {
        assert_eq!(
            award_and_convert_whole_budget(&mut suite, "clinic", "clinic-sybil-0"),
            35_000
        );
        suite.advance(30 * DAY);
    }
    assert!(!suite.provider("clinic").active);
    let end = wealth(&suite, &me);
    // 12,000 BTT paid, 12 × 700 BTT converted.
    assert_eq!(start - end, btt(12_000 - 8_400));
}

#[test]
fn no_more_than_twelve_windows_may_be_paid_ahead() {
    let mut suite = Suite::new();
    for _ in 0..MAX_PREPAID_WINDOWS {
        suite.subscribe("clinic", 0, None).unwrap();
    }
    let before = suite.balance("clinic");
    assert_eq!(
        suite.subscribe("clinic", 0, None).unwrap_err(),
        ContractError::TooManyWindows { max: 12 }
    );
    assert_eq!(
        suite
            .subscribe_native("clinic", 1, None, &[coin(usd(3_000).u128(), USD)])
            .unwrap_err(),
        ContractError::TooManyWindows { max: 12 }
    );
    assert_eq!(suite.balance("clinic"), before, "nothing was taken");
    // Once the first window has passed, one more may be paid.
    suite.advance(30 * DAY);
    suite.subscribe("clinic", 0, None).unwrap();
    assert_eq!(
        suite.subscribe("clinic", 0, None).unwrap_err(),
        ContractError::TooManyWindows { max: 12 }
    );
}

#[test]
fn a_jump_of_payfis_median_neither_inflates_a_usdc_payment_nor_cheapens_btt_dues() {
    let mut suite = Suite::new();
    let mut r = roomy_rules();
    r.tiers[0].budget = 10_000_000;
    suite.update_rules(r).unwrap();
    // The median jumps 20% (1 USDC buys 1.2 BTT) from the last accepted 1.0: a USDC payment
    // is valued at the lower, 1,000 BTT, and buys 70% of it, 70,000 points, not 84,000.
    suite.set_rates(Some(Decimal::percent(120)), Some(Decimal::one()));
    let in_usd = suite.quote(0, None, USD).unwrap();
    assert_eq!(
        (in_usd.amount, in_usd.rate, in_usd.budget),
        (usd(1_000), Some(Decimal::one()), 70_000)
    );
    // BTT pays at the higher: 1,200 BTT, not 1,000.
    let in_btt = suite.quote(0, None, "btt").unwrap();
    assert_eq!(
        (in_btt.amount, in_btt.rate),
        (btt(1_200), Some(Decimal::percent(120)))
    );
    assert_eq!(
        suite
            .subscribe_seats("clinic2", 0, None, btt(1_000))
            .unwrap_err(),
        ContractError::Underpaid {
            due: btt(1_200),
            paid: btt(1_000)
        }
    );
    // The group pays 1,000 USDC and converts its whole budget through its own patient: 700
    // BTT, 700 USDC at the last accepted rate, 583 at the jumped one.
    let usd_before = suite.native_balance("group", USD);
    suite
        .subscribe_native("group", 0, None, &[coin(usd(1_000).u128(), USD)])
        .unwrap();
    assert_eq!(
        award_and_convert_whole_budget(&mut suite, "group", "group-sybil"),
        70_000
    );
    assert_eq!(usd_before - suite.native_balance("group", USD), usd(1_000));
    assert_eq!(suite.balance("group-sybil"), btt(700));
    // The other way (the median falls to 0.8 from 1.0): BTT still pays at 1.0, and USDC is
    // valued at 0.8.
    suite.set_rates(Some(Decimal::percent(80)), Some(Decimal::one()));
    assert_eq!(suite.quote(0, None, "btt").unwrap().amount, btt(1_000));
    assert_eq!(suite.quote(0, None, USD).unwrap().budget, 56_000);
}

/// Awards 500 points (5 BTT) to each of `n` sybils of `provider` and has each convert them;
/// returns how many converted and the first refusal.
fn sybils_convert(suite: &mut Suite, provider: &str, n: u32) -> (u32, Option<ContractError>) {
    for i in 0..n {
        let sybil = format!("{provider}-sybil-{i}");
        suite
            .award(provider, &sybil, "preventive visit", 500)
            .unwrap();
        if let Err(e) = suite.convert_from(&sybil, Some(provider), 500) {
            return (i, Some(e));
        }
    }
    (n, None)
}

#[test]
fn forty_seats_convert_at_most_a_quarter_of_the_weekly_cap() {
    let mut suite = Suite::new();
    let mut r = rules();
    // Genesis's proportions: one clinic's points convert 1/40 of the 1,000 BTT a week.
    r.provider_epoch_cap = btt(25);
    suite.update_rules(r).unwrap();
    assert_eq!(PROVIDER_CAP_DIVISOR, 4);
    suite
        .subscribe_native("group", 0, Some(40), &[coin(usd(40_000).u128(), USD)])
        .unwrap();
    // 40 × 25 BTT would be the whole week; the group's sybils convert 250 BTT.
    let (converted, refused) = sybils_convert(&mut suite, "group", 200);
    assert_eq!(converted, 50);
    assert_eq!(
        refused,
        Some(ContractError::ProviderCapExceeded {
            provider: suite.addr("group").to_string(),
            amount: btt(5),
            left: Uint128::zero(),
        })
    );
    assert_eq!(suite.pool().epoch_converted, btt(250));
    // An honest clinic's patient still converts this week.
    suite.subscribe("clinic", 0, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 500)
        .unwrap();
    suite.convert("patient", 500).unwrap();
}

#[test]
fn a_group_that_queued_one_seat_after_forty_has_one_seats_cap_once_expired() {
    let mut suite = Suite::new();
    let mut r = rules();
    // 5 BTT a clinic a week: 40 seats 200 BTT, below a quarter of the 1,000 BTT.
    r.provider_epoch_cap = btt(5);
    suite.update_rules(r).unwrap();
    suite
        .subscribe_native("group", 0, Some(40), &[coin(usd(40_000).u128(), USD)])
        .unwrap();
    suite
        .subscribe_native("group", 0, Some(1), &[coin(usd(1_000).u128(), USD)])
        .unwrap();
    // 40 sybils get 500 points each in the 40-seat window and keep them.
    for i in 0..40 {
        suite
            .award(
                "group",
                &format!("group-sybil-{i}"),
                "preventive visit",
                500,
            )
            .unwrap();
    }
    // Both windows pass: the last one paid had 1 seat, so 5 BTT a week convert, not 200.
    suite.advance(61 * DAY);
    assert!(!suite.provider("group").active);
    suite
        .convert_from("group-sybil-0", Some("group"), 500)
        .unwrap();
    assert_eq!(
        suite
            .convert_from("group-sybil-1", Some("group"), 500)
            .unwrap_err(),
        ContractError::ProviderCapExceeded {
            provider: suite.addr("group").to_string(),
            amount: btt(5),
            left: Uint128::zero(),
        }
    );
}

#[test]
fn the_subscribe_response_names_each_referral_reward() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    // A large clinic's 10,000 BTT passes both milestones: 100 BTT and 500 BTT.
    let res = suite.subscribe("clinic2", 2, Some("clinic")).unwrap();
    let attrs: Vec<(String, String)> = res
        .events
        .iter()
        .flat_map(|e| e.attributes.iter())
        .filter(|a| a.key == "referral_reward" || a.key == "referrer")
        .map(|a| (a.key.clone(), a.value.clone()))
        .collect();
    assert_eq!(
        attrs,
        vec![
            ("referrer".into(), suite.addr("clinic").to_string()),
            ("referral_reward".into(), btt(100).to_string()),
            ("referral_reward".into(), btt(500).to_string()),
        ]
    );
    assert_eq!(suite.pool().referrals, btt(600));
}

#[test]
fn referral_rewards_leaving_nothing_beside_the_rate_margin_are_refused() {
    let mut suite = Suite::new();
    let with_first_reward = |reward| {
        let mut r = rules();
        r.milestones = vec![ReferralMilestone {
            fees_paid: btt(1_000),
            reward,
        }];
        r
    };
    // 80% of the fees back as rewards leaves 0% for budgets beside the 20% margin.
    assert!(matches!(
        suite.update_rules(with_first_reward(btt(800))).unwrap_err(),
        ContractError::InvalidRules { .. }
    ));
    suite.update_rules(with_first_reward(btt(799))).unwrap();
}
