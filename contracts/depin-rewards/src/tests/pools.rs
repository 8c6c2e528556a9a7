//! The budget and the two pools (DESIGN §3 "Mining emission"): `M = emission + carry release`;
//! the work pool `r = min(β, ω·M / F)` per ubtt of fees; the capacity pool `M − W` by score, in
//! full from `S_min`, else `× S / S_min`; the rest carried and released over 26 epochs.

use btt_types::depin::{epoch_emission, MINING_POOL};
use cosmwasm_std::{Decimal256, Uint128};

use super::suite::{releases, score, Suite};

/// Epoch 0 to 3 emit 29,115.547529 BTT each.
const M0: u128 = 29_115_547_529;

#[test]
fn year_0_emits_29_115_btt_an_epoch() {
    assert_eq!(epoch_emission(0), Uint128::new(M0));
    assert_eq!(epoch_emission(4), Uint128::new(M0));
}

#[test]
fn the_carry_is_released_a_26th_an_epoch_never_as_a_lump() {
    let mut suite = Suite::new();
    // 30 empty epochs: each one's budget (its emission and what it released) is carried.
    suite.move_to_epoch(30);
    suite.close_all();
    let m0 = Uint128::new(M0);
    // Epoch 0's 29,115,547,529 ubtt: 1,119,828,751 an epoch from epoch 1, the 3 left over
    // with the first.
    assert_eq!(suite.epoch(0).released, Uint128::zero());
    assert_eq!(suite.epoch(1).released, Uint128::new(1_119_828_754));
    let model = releases(30, |_, released| m0 + released);
    for e in 0..30 {
        let epoch = suite.epoch(e);
        assert_eq!(epoch.released, model[e as usize], "epoch {e}");
        assert_eq!(epoch.reward, Some(m0 + epoch.released));
        assert_eq!(epoch.work_paid + epoch.capacity_paid, Uint128::zero());
    }
    let state = suite.state();
    let released: Uint128 = model.iter().sum();
    assert_eq!(state.scheduled, m0 * Uint128::new(30));
    assert_eq!(state.carry, state.scheduled, "nothing paid, all carried");
    assert_eq!(state.paid + state.owed, Uint128::zero());
    // Each epoch released a small part of what was carried before it, never all of it.
    for e in 1..30u32 {
        let carried_before = m0 * Uint128::from(e);
        assert!(
            model[e as usize] * Uint128::new(4) < carried_before,
            "epoch {e}"
        );
    }
    assert!(released < state.carry);
}

#[test]
fn while_fees_are_low_the_work_rate_is_beta_and_work_is_claimable_at_once() {
    let mut suite = Suite::new();
    // 1,000 BTT of fees: ω·M / F = 0.4 × 29,115.5 / 1,000 = 11.6 > β.
    suite.record_paid(1, 10, 1_000_000_000);
    suite.next_epoch();
    let e = suite.epoch(0);
    assert_eq!(e.work_fees, Uint128::new(1_000_000_000));
    assert_eq!(e.work_rate, Decimal256::percent(50));
    assert_eq!(e.work_paid, Uint128::new(500_000_000));
    assert_eq!(e.capacity_paid, Uint128::zero(), "no capacity scored");
    assert_eq!(suite.pending(1).amount, Uint128::new(500_000_000));
    suite.claim(1).unwrap();
    assert_eq!(suite.paid_to(1), Uint128::new(500_000_000));
    let state = suite.state();
    assert_eq!(state.work_paid, Uint128::new(500_000_000));
    assert_eq!(state.carry, Uint128::new(M0 - 500_000_000));
    suite.assert_books();
}

#[test]
fn under_high_demand_the_work_pool_is_capped_at_omega_of_the_budget() {
    let mut suite = Suite::new();
    // 100,000 BTT of fees: ω·M / F = 11,646.2190116 / 100,000 < β.
    suite.record_paid(1, 600, 60_000_000_000);
    suite.record_paid(2, 400, 40_000_000_000);
    suite.next_epoch();
    let e = suite.epoch(0);
    assert_eq!(
        e.work_rate,
        Decimal256::from_ratio(116_462_190_116u128, 1_000_000_000_000u128)
    );
    // ω·M = 11,646,219,011.6, rounded down.
    assert_eq!(e.work_paid, Uint128::new(11_646_219_011));
    suite.claim(1).unwrap();
    suite.claim(2).unwrap();
    assert_eq!(suite.paid_to(1), Uint128::new(6_987_731_406));
    assert_eq!(suite.paid_to(2), Uint128::new(4_658_487_604));
    // The ubtt of rounding left the last claimer nothing: it is carried.
    let state = suite.state();
    assert_eq!(state.owed, Uint128::zero());
    assert_eq!(state.carry, Uint128::new(M0 - 11_646_219_011 + 1));
    suite.assert_books();
}

#[test]
fn an_epoch_at_the_baseline_score_pays_exactly_its_budget() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 60), (2, 40)]);
    suite.attest(1);
    suite.attest(2);
    assert_eq!(suite.epoch(4).total_score, score(100), "S_min");
    suite.next_epoch();
    let m0 = Uint128::new(M0);
    let released = releases(5, |_, r| m0 + r)[4];
    let e = suite.epoch(4);
    assert_eq!(e.released, released);
    assert_eq!(e.reward, Some(m0 + released));
    assert_eq!(e.work_paid, Uint128::zero());
    assert_eq!(
        e.capacity_paid,
        m0 + released,
        "the whole budget, to the ubtt"
    );
    // 60% and 40% of it, locked for 2 epochs.
    let budget = m0 + released;
    assert_eq!(
        suite.pending(1).locked,
        budget.multiply_ratio(60u128, 100u128)
    );
    assert_eq!(
        suite.pending(2).locked,
        budget.multiply_ratio(40u128, 100u128)
    );
    suite.assert_books();
}

#[test]
fn the_unused_work_pool_goes_to_the_capacity_pool_in_the_same_epoch() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 200)]);
    suite.attest(1);
    // 1,000 BTT of fees: the work pool takes 500 BTT, far below ω·M.
    suite.record_paid(2, 10, 1_000_000_000);
    suite.next_epoch();
    let e = suite.epoch(4);
    let budget = e.reward.unwrap();
    assert_eq!(e.work_paid, Uint128::new(500_000_000));
    assert_eq!(e.capacity_paid, budget - Uint128::new(500_000_000));
    assert_eq!(e.work_paid + e.capacity_paid, budget);
    assert_eq!(suite.pending(1).locked, budget - Uint128::new(500_000_000));
    assert_eq!(suite.pending(2).amount, Uint128::new(500_000_000));
    let state = suite.state();
    assert_eq!(state.work_paid, Uint128::new(500_000_000));
    assert_eq!(state.capacity_paid, budget - Uint128::new(500_000_000));
    suite.assert_books();
}

#[test]
fn below_the_baseline_the_capacity_pool_pays_s_over_s_min_and_carries_the_rest_linearly() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 100)]);
    // Uptime 50%: a score of 50, half of S_min.
    suite.attest_uptime(1, 50);
    suite.next_epoch();
    let m0 = Uint128::new(M0);
    let e = suite.epoch(4);
    let budget = m0 + releases(5, |_, r| m0 + r)[4];
    assert_eq!(e.reward, Some(budget));
    assert_eq!(e.capacity_paid, budget.multiply_ratio(1u128, 2u128));
    let unused = budget - e.capacity_paid;
    assert_eq!(suite.pending(1).locked, e.capacity_paid);
    // The other half is released a 26th an epoch from epoch 5: nothing comes back at once.
    suite.next_epoch();
    let model = releases(6, |k, r| {
        if k < 4 {
            m0 + r
        } else {
            m0 + r - e.capacity_paid
        }
    });
    assert_eq!(suite.epoch(5).released, model[5]);
    // It rose by a 26th of epoch 4's unused half (± the remainders released with the first).
    let rise = model[5].u128() as i128 - model[4].u128() as i128;
    let a_26th = (unused / Uint128::new(26)).u128() as i128;
    assert!((rise - a_26th).abs() < 26, "rise {rise}, a 26th {a_26th}");
    suite.assert_books();
}

#[test]
fn closing_goes_on_after_epoch_415_releasing_the_carry_with_no_emission() {
    let mut suite = Suite::new();
    suite.move_to_epoch(420);
    suite.close_all();
    let state = suite.state();
    assert_eq!(state.closed_through, 420);
    assert_eq!(state.scheduled, MINING_POOL);
    assert_eq!(state.carry, MINING_POOL, "no node ever scored");
    let e = suite.epoch(419);
    assert_eq!(e.emission, Uint128::zero());
    assert!(!e.released.is_zero());
    assert_eq!(e.reward, Some(e.released));
    suite.assert_books();
}
