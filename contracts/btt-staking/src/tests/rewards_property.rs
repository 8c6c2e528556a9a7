//! Property: random stakers join, leave and claim while rewards arrive. Total claimed never
//! exceeds total deposited, and once everyone has claimed, less than one ubtt per staker is left.

use btt_testing::Harness;
use btt_types::units::btt;
use cosmwasm_std::Uint128;
use proptest::prelude::*;

use super::suite::Suite;

const STAKERS: [&str; 4] = ["alice", "bob", "carol", "dave"];

#[derive(Debug, Clone)]
enum Op {
    Stake { who: usize, amount: u128, tier: u32 },
    Unbond { who: usize },
    Claim { who: usize },
    Reward { amount: u128 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..4usize, 1..1_000_000_000u128, 0..6u32).prop_map(|(who, amount, tier)| Op::Stake {
            who,
            amount,
            tier
        }),
        (0..4usize).prop_map(|who| Op::Unbond { who }),
        (0..4usize).prop_map(|who| Op::Claim { who }),
        (1..50_000_000u128).prop_map(|amount| Op::Reward { amount }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn claimed_never_exceeds_deposited_and_dust_is_below_one_ubtt_a_staker(ops in prop::collection::vec(op(), 1..40)) {
        let mut suite = Suite::new();
        // Lock-free tier only for unbonds to be possible at once: tiers > 0 stay staked.
        for op in ops {
            match op {
                Op::Stake { who, amount, tier } => {
                    suite.stake(STAKERS[who], Uint128::new(amount), tier).unwrap();
                }
                Op::Unbond { who } => {
                    let stakes = suite.stakes(STAKERS[who]).stakes;
                    if let Some(s) = stakes.iter().find(|s| s.tier == "none") {
                        suite.unbond(STAKERS[who], s.id, None).unwrap();
                    }
                }
                Op::Claim { who } => {
                    let _ = suite.claim_rewards(STAKERS[who]);
                }
                Op::Reward { amount } => {
                    suite.distribute("owner", Uint128::new(amount)).unwrap();
                }
            }
            suite.advance(5);
            let r = &suite.totals().rewards[0];
            prop_assert!(r.claimed <= r.deposited);
        }
        // Every stream ends; whatever streamed while nobody staked streams again once someone
        // stakes, so a last staker holds power through two more periods.
        suite.stake("erin", Uint128::new(1), 0).unwrap();
        suite.advance(2 * 7 * 86_400 + 1);
        for who in STAKERS.iter().chain(["erin"].iter()) {
            let _ = suite.claim_rewards(who);
        }
        let t = suite.totals();
        let r = &t.rewards[0];
        prop_assert!(r.claimed <= r.deposited);
        let left = r.deposited - r.claimed - r.waiting;
        // Rounding: under a ubtt per staker, plus under a ubtt per restart of a stream.
        prop_assert!(left < Uint128::new(2 * (STAKERS.len() as u128 + 1) + 40), "{left} ubtt left undistributed");
        // The contract holds exactly stake + unbonding + unclaimed rewards.
        let held = suite.token.balance(&suite.app.wrap(), suite.staking.addr()).unwrap();
        prop_assert_eq!(held, t.staked + t.unbonding + r.deposited - r.claimed);
        let _ = btt(0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// The same with a minimum reward power of 1,000 BTT: what the index does not release
    /// waits, and nothing is paid twice or lost beyond rounding.
    #[test]
    fn below_the_minimum_power_released_plus_waiting_is_what_was_deposited(ops in prop::collection::vec(op(), 1..40)) {
        let mut suite = Suite::with_min_reward_power(btt(1_000));
        for op in ops {
            match op {
                Op::Stake { who, amount, tier } => {
                    suite.stake(STAKERS[who], Uint128::new(amount), tier).unwrap();
                }
                Op::Unbond { who } => {
                    let stakes = suite.stakes(STAKERS[who]).stakes;
                    if let Some(s) = stakes.iter().find(|s| s.tier == "none") {
                        suite.unbond(STAKERS[who], s.id, None).unwrap();
                    }
                }
                Op::Claim { who } => {
                    let _ = suite.claim_rewards(STAKERS[who]);
                }
                Op::Reward { amount } => {
                    suite.distribute("owner", Uint128::new(amount)).unwrap();
                }
            }
            suite.advance(3_600);
            let r = &suite.totals().rewards[0];
            prop_assert!(r.claimed + r.waiting <= r.deposited);
        }
        // A staker brings the total to the minimum: what waited streams out over a period.
        suite.stake("erin", btt(1_000), 0).unwrap();
        suite.advance(2 * 7 * 86_400 + 1);
        for who in STAKERS.iter().chain(["erin"].iter()) {
            let _ = suite.claim_rewards(who);
        }
        let t = suite.totals();
        let r = &t.rewards[0];
        prop_assert_eq!(r.waiting, Uint128::zero());
        let left = r.deposited - r.claimed;
        prop_assert!(left < Uint128::new(2 * (STAKERS.len() as u128 + 1) + 80), "{left} ubtt left undistributed");
        let held = suite.token.balance(&suite.app.wrap(), suite.staking.addr()).unwrap();
        prop_assert_eq!(held, t.staked + t.unbonding + r.deposited - r.claimed);
    }
}
