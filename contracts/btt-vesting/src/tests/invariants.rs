//! Property: over random claim times and claimants, claimed never decreases, never exceeds
//! vested, and locked + claimable + claimed = total for every schedule.

use btt_types::units::MONTH_SECONDS;
use cosmwasm_std::Uint128;
use proptest::prelude::*;

use super::suite::{linear, quarterly, SuiteBuilder};

const BENEFICIARIES: [&str; 3] = ["alice", "bob", "owner"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn claims_keep_every_schedule_whole(
        steps in prop::collection::vec((0usize..3, 0u64..(4 * MONTH_SECONDS), any::<bool>()), 1..24),
        approvals in prop::collection::vec(0u32..16, 0..16),
    ) {
        let mut suite = SuiteBuilder::new()
            .with_schedule("alice", 2_100_000, |start| linear(start, 6, 36))
            .with_schedule("bob", 840_000, |start| linear(start, 3, 30))
            .with_schedule("owner", 3_570_000, |start| quarterly(start, 16, 223_125, 3))
            .build();
        for tranche in approvals {
            // Approving twice is an error by design; the property is about claims.
            let _ = suite.approve("owner", 3, tranche);
        }
        let mut last_claimed = [Uint128::zero(); 3];
        for (who, advance, claim) in steps {
            suite.app.update_block(|b| {
                b.time = b.time.plus_seconds(advance);
                b.height += 1;
            });
            if claim {
                let _ = suite.claim(BENEFICIARIES[who], who as u64 + 1);
            }
            for id in 1..=3u64 {
                let s = suite.status(id, None);
                let i = id as usize - 1;
                prop_assert!(s.claimed >= last_claimed[i], "claimed decreased");
                prop_assert!(s.claimed <= s.vested, "claimed above vested");
                prop_assert_eq!(s.locked + s.claimable + s.claimed, s.total);
                last_claimed[i] = s.claimed;
            }
        }
        let totals = suite.totals();
        prop_assert_eq!(totals.claimed, last_claimed.iter().copied().sum::<Uint128>());
        prop_assert_eq!(suite.balance_of(&suite.vesting.clone()), totals.outstanding);
    }
}
