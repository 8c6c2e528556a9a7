//! Tiers priced in USDC per seat: paid natively in uusdc exactly, or in BTT at payfi's median
//! rate (rounded up, the excess returned); clinic groups pay, award and convert per seat.

use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::points::{ReceiveMsg, MAX_SEATS};
use btt_types::units::btt;
use cosmwasm_std::{coin, Decimal, Uint128};

use super::suite::{rules, usd, Suite, DAY, USD};
use crate::ContractError;

/// 1 BTT = 5 USDC: 0.2 ubtt per uusdc.
fn five_usd_a_btt() -> Decimal {
    Decimal::percent(20)
}

/// Awards 500 points to each of `n` patients of `provider` and has each convert them from
/// it; returns how many converted and the first refusal.
fn patients_convert(suite: &mut Suite, provider: &str, n: u32) -> (u32, Option<ContractError>) {
    for i in 0..n {
        let patient = format!("{provider}-patient-{i}");
        suite
            .award(provider, &patient, "preventive visit", 500)
            .unwrap();
        if let Err(e) = suite.convert_from(&patient, Some(provider), 500) {
            return (i, Some(e));
        }
    }
    (n, None)
}

#[test]
fn btt_pays_the_usdc_price_at_payfis_rate_and_the_excess_comes_back() {
    let mut suite = Suite::new();
    suite.set_rate(Some(five_usd_a_btt()));
    // 1,000 USDC at 5 USDC a BTT: 200 BTT.
    let quote = suite.quote(0, None, "btt").unwrap();
    assert_eq!(
        (quote.amount, quote.denom.as_str(), quote.rate, quote.budget),
        (btt(200), "btt", Some(five_usd_a_btt()), 10_000)
    );
    let before = suite.balance("clinic");
    let res = suite.subscribe_seats("clinic", 0, None, btt(250)).unwrap();
    assert_eq!(before - suite.balance("clinic"), btt(200));
    assert_eq!(suite.balance("dao"), btt(200));
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "refunded" && a.value == btt(50).to_string())));
    let p = suite.provider("clinic");
    assert!(p.active);
    assert_eq!(
        (p.budget_left, p.provider.seats, p.provider.fees_paid),
        (10_000, 1, btt(200))
    );
}

#[test]
fn the_btt_due_rounds_up_in_the_protocols_favour() {
    let mut suite = Suite::new();
    // A third of a ubtt per uusdc: 1,000 USDC is 333,333,333.33… ubtt, so 333,333,334 is due.
    suite.set_rate(Some(Decimal::from_ratio(1u128, 3u128)));
    let due = Uint128::new(333_333_334);
    assert_eq!(suite.quote(0, None, "btt").unwrap().amount, due);
    assert_eq!(
        suite
            .subscribe_seats("clinic", 0, None, due - Uint128::one())
            .unwrap_err(),
        ContractError::Underpaid {
            due,
            paid: due - Uint128::one()
        }
    );
    suite.subscribe_seats("clinic", 0, None, due).unwrap();
    assert_eq!(suite.provider("clinic").provider.fees_paid, due);
}

#[test]
fn without_a_rate_no_one_subscribes_in_btt_or_natively() {
    let mut suite = Suite::new();
    suite.set_rate(None);
    let no_rate = ContractError::NoRate { denom: USD.into() };
    assert_eq!(
        suite
            .subscribe_seats("clinic", 0, None, btt(1_000))
            .unwrap_err(),
        no_rate
    );
    assert_eq!(
        suite
            .subscribe_native("clinic", 0, None, &[coin(usd(1_000).u128(), USD)])
            .unwrap_err(),
        no_rate
    );
    assert!(suite.quote(0, None, "btt").is_err());
    assert_eq!(suite.balance("dao"), Uint128::zero());
    suite.set_rate(Some(Decimal::one()));
    suite
        .subscribe_seats("clinic", 0, None, btt(1_000))
        .unwrap();
}

#[test]
fn btt_sent_at_a_stale_quote_pays_the_rate_in_force() {
    let mut suite = Suite::new();
    let stale = suite.quote(0, None, "btt").unwrap().amount;
    assert_eq!(stale, btt(1_000));
    // BTT falls to 0.8 USDC: the old quote no longer covers the price.
    suite.set_rate(Some(Decimal::percent(125)));
    assert_eq!(
        suite.subscribe_seats("clinic", 0, None, stale).unwrap_err(),
        ContractError::Underpaid {
            due: btt(1_250),
            paid: stale
        }
    );
    // BTT rises to 1.25 USDC: the old quote overpays, and the excess comes back.
    suite.set_rate(Some(Decimal::percent(80)));
    let before = suite.balance("clinic");
    suite.subscribe_seats("clinic", 0, None, stale).unwrap();
    assert_eq!(before - suite.balance("clinic"), btt(800));
    assert_eq!(suite.balance("dao"), btt(800));
}

#[test]
fn the_quote_tells_what_to_send_in_btt_or_usdc() {
    let mut suite = Suite::new();
    suite.set_rate(Some(five_usd_a_btt()));
    // Three medium clinics: 9,000 USDC, 1,800 BTT. Their 150,000 points would be worth
    // 1,500 BTT; a window may be worth 70% of the payment (100% less the 10% the referral
    // milestones pay back and the 20% rate margin), 1,260 BTT: 126,000 points.
    let in_btt = suite.quote(1, Some(3), "btt").unwrap();
    assert_eq!((in_btt.amount, in_btt.budget), (btt(1_800), 126_000));
    let in_usd = suite.quote(1, Some(3), USD).unwrap();
    assert_eq!(
        (in_usd.amount, in_usd.denom.as_str(), in_usd.budget),
        (usd(9_000), USD, 126_000)
    );
    assert!(suite.quote(1, Some(3), "untrn").is_err());
    assert!(suite.quote(1, Some(0), "btt").is_err());
    assert!(suite.quote(9, None, "btt").is_err());
    suite
        .subscribe_seats("clinic", 1, Some(3), in_btt.amount)
        .unwrap();
    suite
        .subscribe_native("group", 1, Some(3), &[coin(in_usd.amount.u128(), USD)])
        .unwrap();
    assert_eq!(suite.provider("clinic").budget_left, 126_000);
    assert_eq!(suite.provider("group").budget_left, 126_000);
}

#[test]
fn seats_are_one_to_ten_thousand() {
    let mut suite = Suite::new();
    for seats in [0, MAX_SEATS + 1] {
        let invalid = ContractError::InvalidSeats {
            seats,
            max: MAX_SEATS,
        };
        assert_eq!(
            suite
                .subscribe_seats("clinic", 0, Some(seats), btt(1_000))
                .unwrap_err(),
            invalid
        );
        assert_eq!(
            suite
                .subscribe_native("group", 0, Some(seats), &[coin(usd(1_000).u128(), USD)])
                .unwrap_err(),
            invalid
        );
    }
    // 10,000 small clinics: 10,000,000 USDC, here 10,000,000 BTT at 1 USDC a BTT.
    let quote = suite.quote(0, Some(MAX_SEATS), "btt").unwrap();
    assert_eq!((quote.amount, quote.budget), (btt(10_000_000), 100_000_000));
}

#[test]
fn a_clinic_group_pays_and_gets_budget_and_conversion_cap_per_seat() {
    let mut suite = Suite::new();
    let mut r = rules();
    // One clinic's points convert at most 10 BTT a week: 2 patients of 5 BTT each.
    r.provider_epoch_cap = btt(10);
    suite.update_rules(r).unwrap();
    // Three seats cost three prices: the price of one is refused.
    assert_eq!(
        suite
            .subscribe_native("group", 0, Some(3), &[coin(usd(1_000).u128(), USD)])
            .unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: usd(3_000),
            got: usd(1_000)
        })
    );
    assert_eq!(
        suite
            .subscribe_seats("clinic2", 0, Some(3), btt(1_000))
            .unwrap_err(),
        ContractError::Underpaid {
            due: btt(3_000),
            paid: btt(1_000)
        }
    );
    suite
        .subscribe_native("group", 0, Some(3), &[coin(usd(3_000).u128(), USD)])
        .unwrap();
    suite.subscribe("clinic", 0, None).unwrap();
    let group = suite.provider("group");
    assert_eq!((group.provider.seats, group.budget_left), (3, 30_000));
    // The cap: 2 patients × 5 BTT for one clinic, 6 for the group of three.
    let (clinic_converted, refused) = patients_convert(&mut suite, "clinic", 3);
    assert_eq!(clinic_converted, 2);
    assert!(matches!(
        refused,
        Some(ContractError::ProviderCapExceeded { left, .. }) if left.is_zero()
    ));
    let (group_converted, refused) = patients_convert(&mut suite, "group", 7);
    assert_eq!(group_converted, 6);
    assert!(matches!(
        refused,
        Some(ContractError::ProviderCapExceeded { left, .. }) if left.is_zero()
    ));
    // The budget: 30,000 points, of which 3,500 went to the patients above.
    assert_eq!(suite.award_until_refused("group", "g"), 26_500);
}

#[test]
fn a_seat_change_is_paid_for_the_next_window_and_one_change_waits_at_a_time() {
    let mut suite = Suite::new();
    suite
        .subscribe_seats("clinic", 0, Some(1), btt(1_000))
        .unwrap();
    // Growing to 4 clinics starts with the next window: this one keeps 1 seat's budget.
    suite
        .subscribe_seats("clinic", 0, Some(4), btt(4_000))
        .unwrap();
    let p = suite.provider("clinic");
    assert_eq!((p.provider.seats, p.budget_left), (1, 10_000));
    let queued = p.provider.queued_tier.unwrap();
    assert_eq!(
        (queued.tier, queued.seats, queued.budget),
        (0, 4, Some(40_000))
    );
    assert_eq!(
        suite
            .subscribe_seats("clinic", 0, Some(2), btt(2_000))
            .unwrap_err(),
        ContractError::TierChangePending { tier: 0, seats: 4 }
    );
    assert_eq!(
        suite
            .subscribe_seats("clinic", 0, Some(1), btt(1_000))
            .unwrap_err(),
        ContractError::TierChangePending { tier: 0, seats: 4 }
    );
    // Another window of the queued 4 seats extends the change.
    suite
        .subscribe_seats("clinic", 0, Some(4), btt(4_000))
        .unwrap();
    assert_eq!(suite.award_until_refused("clinic", "w1"), 10_000);
    suite.advance(30 * DAY);
    let p = suite.provider("clinic");
    assert_eq!((p.provider.seats, p.budget_left), (4, 40_000));
    suite.advance(30 * DAY);
    assert_eq!(suite.provider("clinic").budget_left, 40_000);
    suite.advance(30 * DAY);
    assert!(!suite.provider("clinic").active, "three windows paid");
}

#[test]
fn a_group_shrinking_to_one_seat_keeps_no_budget_or_cap_of_the_seats_it_dropped() {
    let mut suite = Suite::new();
    let mut r = rules();
    r.provider_epoch_cap = btt(10);
    suite.update_rules(r).unwrap();
    suite
        .subscribe_seats("clinic", 0, Some(3), btt(3_000))
        .unwrap();
    suite
        .subscribe_seats("clinic", 0, Some(1), btt(1_000))
        .unwrap();
    suite.advance(30 * DAY);
    let p = suite.provider("clinic");
    assert_eq!((p.provider.seats, p.budget_left), (1, 10_000));
    let (converted, refused) = patients_convert(&mut suite, "clinic", 3);
    assert_eq!(converted, 2);
    assert!(matches!(
        refused,
        Some(ContractError::ProviderCapExceeded { .. })
    ));
}

#[test]
fn btt_sent_beyond_the_price_is_returned_and_buys_no_points_or_referral() {
    let mut suite = Suite::new();
    // The referral milestone is 1,000 BTT of fees kept; at 2 USDC a BTT the small tier costs
    // 500 BTT.
    suite.subscribe("clinic", 0, None).unwrap();
    suite.set_rate(Some(Decimal::percent(50)));
    let start = suite.balance("clinic") + suite.balance("clinic2");
    suite
        .send(
            "clinic2",
            btt(1_500),
            &ReceiveMsg::Subscribe {
                tier: 0,
                referrer: Some(suite.addr("clinic").to_string()),
                seats: None,
            },
        )
        .unwrap();
    let p = suite.provider("clinic2");
    assert_eq!(
        (
            p.provider.fees_paid,
            p.budget_left,
            p.provider.next_milestone
        ),
        (btt(500), 10_000, 0)
    );
    assert_eq!(suite.pool().referrals, Uint128::zero());
    let end = suite.balance("clinic") + suite.balance("clinic2");
    assert_eq!(
        start - end,
        btt(500),
        "the pair paid the price, no more, no less"
    );
    // A second window takes the referred clinic to 1,000 BTT kept: only now the referrer earns.
    suite.subscribe("clinic2", 0, None).unwrap();
    assert_eq!(suite.pool().referrals, btt(100));
}

#[test]
fn a_payment_that_buys_no_point_is_refused() {
    let mut suite = Suite::new();
    // A near worthless uusdc: 1,000 USDC is 1 ubtt, worth no point at 0.01 BTT a point.
    suite.set_rate(Some(Decimal::from_ratio(1u128, 1_000_000_000u128)));
    assert_eq!(
        suite
            .subscribe_seats("clinic", 0, None, Uint128::one())
            .unwrap_err(),
        ContractError::NothingBought
    );
    assert_eq!(
        suite
            .subscribe_native("group", 0, None, &[coin(usd(1_000).u128(), USD)])
            .unwrap_err(),
        ContractError::NothingBought
    );
}

#[test]
fn extending_at_a_rate_that_buys_less_lowers_the_runs_budget_so_no_window_is_worth_its_payment() {
    let mut suite = Suite::new();
    let mut r = rules();
    // 0.05 BTT a point: 10,000 points are worth 500 BTT.
    r.conversion_rate = Decimal::from_ratio(50_000u128, 1u128);
    suite.update_rules(r).unwrap();
    // A window bought while BTT is at 1 USDC (1,000 BTT paid) holds the full 10,000 points.
    suite.subscribe("clinic", 0, None).unwrap();
    assert_eq!(suite.provider("clinic").budget_left, 10_000);
    // BTT doubles: the next window costs 500 BTT, of which 70% (350 BTT) may come back as
    // points: 7,000. The run's windows all hold that from now on, so no paid window is worth
    // more than the least valuable payment allows, however the windows were paid.
    suite.set_rate(Some(Decimal::percent(50)));
    suite.subscribe("clinic", 0, None).unwrap();
    assert_eq!(suite.provider("clinic").budget_left, 7_000);
    suite.advance(30 * DAY);
    assert_eq!(suite.provider("clinic").budget_left, 7_000);
}
