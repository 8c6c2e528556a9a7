use btt_types::bps::Bps;
use btt_types::units::btt;
use cosmwasm_std::Uint128;

use super::suite::Suite;

#[test]
fn the_fee_tier_follows_the_raw_stake() {
    let mut suite = Suite::new();
    let tier = suite.tier("alice");
    assert_eq!(
        (tier.discount, tier.priority, tier.staked),
        (Bps::ZERO, 0, Uint128::zero())
    );
    suite.stake("alice", btt(999), 5).unwrap();
    assert_eq!(
        suite.tier("alice").discount,
        Bps::ZERO,
        "power does not count, stake does"
    );
    suite.stake("alice", btt(1), 0).unwrap();
    assert_eq!(
        (suite.tier("alice").discount, suite.tier("alice").priority),
        (Bps(1_000), 1)
    );
    suite.stake("alice", btt(99_000), 0).unwrap();
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
