//! Priority service for stakers: providers of a high staking priority settle sooner.

use btt_testing::Harness;
use btt_types::payfi::{Denom, ExecuteMsg, FastSettlement};
use btt_types::units::btt;
use cosmwasm_std::coins;
use cw_utils::PaymentError;

use super::suite::{Suite, FAST, HOUR, USDC};
use crate::ContractError;

fn stake_aged(suite: &mut Suite, who: &str, amount: u128) {
    suite.stake(who, btt(amount));
    suite.advance(btt_testing::TEST_TIER_AGE_SECONDS);
}

#[test]
fn a_provider_at_priority_2_is_paid_after_the_shorter_window() {
    let mut suite = Suite::new();
    stake_aged(&mut suite, "clinic", 10_000);
    let id = suite.invoice(Denom::Btt, btt(100), None, None).unwrap();
    let p = suite.pay_btt("patient", id, btt(100), btt(100)).unwrap();
    assert_eq!(suite.payment(p).settles_at, suite.now().plus_seconds(FAST));
    suite.advance(FAST - 1);
    assert_eq!(suite.settle().unwrap_err(), ContractError::NothingToSettle);
    suite.advance(1);
    let before = suite.btt("clinic");
    suite.settle().unwrap();
    assert!(
        suite.btt("clinic") > before,
        "paid after 10 minutes, not an hour"
    );
}

#[test]
fn a_provider_stake_of_one_block_does_not_shorten_the_window() {
    let mut suite = Suite::new();
    suite.stake("clinic", btt(100_000));
    let id = suite.invoice(Denom::Btt, btt(100), None, None).unwrap();
    let p = suite.pay_btt("patient", id, btt(100), btt(100)).unwrap();
    assert_eq!(
        suite.payment(p).settles_at,
        suite.now().plus_seconds(HOUR),
        "the tier counts stake held for the tier age"
    );
}

#[test]
fn a_payer_s_stake_does_not_shorten_the_provider_s_window() {
    let mut suite = Suite::new();
    stake_aged(&mut suite, "patient", 100_000);
    let id = suite.invoice(Denom::Btt, btt(100), None, None).unwrap();
    let p = suite.pay_btt("patient", id, btt(100), btt(100)).unwrap();
    assert_eq!(suite.payment(p).settles_at, suite.now().plus_seconds(HOUR));
}

#[test]
fn a_fast_window_must_be_shorter_than_the_standard_one_and_only_the_dao_sets_it() {
    let mut suite = Suite::new();
    let update = |fast: FastSettlement| {
        ExecuteMsg::UpdateConfig(btt_types::payfi::ConfigUpdate {
            fast_settlement: Some(fast),
            ..btt_types::payfi::ConfigUpdate::default()
        })
    };
    for bad in [
        FastSettlement {
            min_priority: 2,
            seconds: HOUR,
        },
        FastSettlement {
            min_priority: 0,
            seconds: 60,
        },
        FastSettlement {
            min_priority: 2,
            seconds: 0,
        },
    ] {
        assert!(matches!(
            suite.execute("owner", &update(bad)).unwrap_err(),
            ContractError::InvalidConfig { .. }
        ));
    }
    let fast = FastSettlement {
        min_priority: 3,
        seconds: 60,
    };
    assert!(matches!(
        suite.execute("clinic", &update(fast.clone())).unwrap_err(),
        ContractError::Ownership(_)
    ));
    assert_eq!(
        suite
            .execute_with_funds("clinic", &update(fast.clone()), &coins(1, USDC))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.execute("owner", &update(fast)).unwrap();
    stake_aged(&mut suite, "clinic", 10_000);
    let id = suite.invoice(Denom::Btt, btt(1), None, None).unwrap();
    let p = suite.pay_btt("patient", id, btt(1), btt(1)).unwrap();
    assert_eq!(
        suite.payment(p).settles_at,
        suite.now().plus_seconds(HOUR),
        "priority 2 no longer reaches the window of priority 3"
    );
    // A priority no tier reaches switches the service off.
    let off = FastSettlement {
        min_priority: u8::MAX,
        seconds: 60,
    };
    suite.execute("owner", &update(off)).unwrap();
}
