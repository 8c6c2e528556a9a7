//! From the previous code to this one on cw-multi-test: a config with one treasury moves to the
//! fee router and still pays every fee to the treasury; a given routing replaces it.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::fee_router::FeeStream;
use btt_types::payfi::{ConfigResponse, Denom, MigrateMsg, QueryMsg};
use btt_types::units::btt;
use cw_multi_test::Executor;

use super::suite::{Suite, HOUR};
use crate::contract::CONTRACT_NAME;

/// payfi as the previous code stored it: `treasury` instead of `fee_routing`.
fn previous(suite: &mut Suite) -> (cosmwasm_std::Addr, u64) {
    let owner = suite.addr("owner");
    let treasury = suite.addr("dao").to_string();
    let current = suite.payfi.clone();
    btt_testing::previous_of(
        &mut suite.app,
        &owner,
        &current,
        CONTRACT_NAME,
        &["config", "counters"],
        |config| {
            let c = config.as_object_mut().unwrap();
            c.remove("fee_routing");
            c.insert("treasury".into(), treasury.into());
        },
    )
}

#[test]
fn one_treasury_becomes_a_routing_that_still_pays_it_every_fee() {
    let mut suite = Suite::new();
    let (old, code_id) = previous(&mut suite);
    let owner = suite.addr("owner");
    suite
        .app
        .migrate_contract(owner, old.clone(), &MigrateMsg::default(), code_id)
        .unwrap();
    let config: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    let dao = suite.addr("dao");
    let payees = &config.fee_routing.payees;
    assert_eq!(
        [
            &payees.development_fund,
            &payees.foundation,
            &payees.reserve
        ],
        [&dao, &dao, &dao]
    );
    let tier = config.fee_routing.shares(FeeStream::PaymentTier).unwrap();
    assert_eq!(tier.stakers, Bps(0));

    // the migrated payfi settles a payment, all of its fee to the treasury as before
    suite.payfi = old;
    let id = suite
        .invoice(Denom::Btt, btt(1_000), Some("patient"), None)
        .unwrap();
    suite
        .pay_btt("patient", id, btt(1_000), btt(1_000))
        .unwrap();
    let before = suite.btt("dao");
    suite.advance(HOUR);
    suite.settle().unwrap();
    assert_eq!(suite.btt("dao") - before, btt(8));
}

#[test]
fn a_quorum_of_one_becomes_two_and_a_config_without_a_band_gets_five_percent() {
    let mut suite = Suite::new();
    let owner = suite.addr("owner");
    let current = suite.payfi.clone();
    let (old, code_id) = btt_testing::previous_of(
        &mut suite.app,
        &owner,
        &current,
        CONTRACT_NAME,
        &["config", "counters"],
        |config| {
            let c = config.as_object_mut().unwrap();
            c.remove("max_rate_move");
            c.insert("min_feeders".into(), 1.into());
        },
    );
    suite
        .app
        .migrate_contract(owner, old.clone(), &MigrateMsg::default(), code_id)
        .unwrap();
    let config: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    assert_eq!((config.min_feeders, config.max_rate_move), (2, Bps(500)));
}
