use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::units::btt;
use cosmwasm_std::Uint128;

use super::suite::{Suite, TIER_AGE};

#[test]
fn the_fee_tier_follows_the_raw_stake_held_for_the_tier_age() {
    let mut suite = Suite::new();
    let tier = suite.tier("alice");
    assert_eq!(
        (tier.discount, tier.priority, tier.staked),
        (Bps::ZERO, 0, Uint128::zero())
    );
    suite.stake("alice", btt(999), 5).unwrap();
    suite.advance(TIER_AGE);
    assert_eq!(
        suite.tier("alice").discount,
        Bps::ZERO,
        "power does not count, stake does"
    );
    suite.stake("alice", btt(1), 0).unwrap();
    suite.advance(TIER_AGE);
    assert_eq!(
        (suite.tier("alice").discount, suite.tier("alice").priority),
        (Bps(1_000), 1)
    );
    suite.stake("alice", btt(99_000), 0).unwrap();
    assert_eq!(
        suite.tier("alice").discount,
        Bps(1_000),
        "stake added now counts only once it is a week old"
    );
    suite.advance(TIER_AGE);
    assert_eq!(
        (suite.tier("alice").discount, suite.tier("alice").priority),
        (Bps(5_000), 3)
    );
    suite.unbond("alice", 3, Some(btt(90_001))).unwrap();
    assert_eq!(
        (suite.tier("alice").discount, suite.tier("alice").priority),
        (Bps(1_000), 1)
    );
}

#[test]
fn a_stake_held_for_one_block_earns_no_discount() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(100_000), 0).unwrap();
    let tier = suite.tier("alice");
    assert_eq!((tier.staked, tier.counted), (btt(100_000), Uint128::zero()));
    assert_eq!(tier.discount, Bps::ZERO);
    suite.advance(TIER_AGE - 1);
    assert_eq!(suite.tier("alice").discount, Bps::ZERO);
    suite.advance(1);
    assert_eq!(suite.tier("alice").discount, Bps(5_000));
}
