//! From the previous code to this one on cw-multi-test: a config with labelled fee recipients
//! moves to the fee router, and the migrated escrow pays 70/15/10/5 as before.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::compute::{ConfigResponse, MigrateMsg, QueryMsg};
use btt_types::depin;
use btt_types::fee_router::FeeStream;
use cosmwasm_std::Uint128;
use cw_multi_test::Executor;
use serde_json::json;

use super::suite::{instantiate_msg, Suite, MIN_BOND};
use crate::contract::CONTRACT_NAME;

/// An escrow as the previous code left it: the suite's config with `fees` and no routing.
fn previous_escrow(suite: &mut Suite) -> cosmwasm_std::Addr {
    let msg = instantiate_msg(
        &suite.app,
        suite.token.addr(),
        suite.staking.addr(),
        &suite.depin,
    );
    let addr = |n: &str| suite.app.api().addr_make(n).to_string();
    let config = json!({
        "token": msg.token, "staking": msg.staking, "depin": msg.depin, "arbiter": msg.arbiter,
        "hardware_classes": msg.hardware_classes, "urgency": msg.urgency,
        "price_per_gb": msg.price_per_gb, "native_rates": msg.native_rates,
        "contributors": 7_000,
        "fees": [
            {"label": "development fund", "recipient": addr("devfund"), "share": 1_500},
            {"label": "foundation", "recipient": addr("foundation"), "share": 1_000},
            {"label": "reserve", "recipient": addr("reserve"), "share": 500},
        ],
        "min_bond": msg.min_bond, "slash": msg.slash, "reserve": msg.reserve,
        "run_window": msg.run_window, "bond_unbonding_seconds": msg.bond_unbonding_seconds,
    });
    let totals = json!({"last_node_id": 0, "last_job_id": 0, "bonds": "0", "escrow_btt": "0"});
    let owner = suite.addr("owner");
    btt_testing::instantiate_legacy(
        &mut suite.app,
        &owner,
        CONTRACT_NAME,
        &[("config", config), ("totals", totals)],
    )
}

#[test]
fn labelled_recipients_become_the_compute_route_and_jobs_still_pay_70_15_10_5() {
    let mut suite = Suite::new();
    let old = previous_escrow(&mut suite);
    let code_id = suite.app.contract_data(&suite.escrow).unwrap().code_id;
    let owner = suite.addr("owner");
    suite
        .app
        .migrate_contract(owner.clone(), old.clone(), &MigrateMsg::default(), code_id)
        .unwrap();
    let config: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(
        config.offer_seconds,
        crate::state::DEFAULT_OFFER_SECONDS,
        "offers lapse after a day once migrated"
    );
    let routing = config.fee_routing;
    assert_eq!(routing.payees.development_fund, suite.addr("devfund"));
    assert_eq!(routing.payees.staking, suite.staking.addr().clone());
    let shares = routing.shares(FeeStream::Compute).unwrap();
    assert_eq!(
        [
            shares.development_fund,
            shares.foundation,
            shares.reserve,
            shares.stakers
        ],
        [Bps(1_500), Bps(1_000), Bps(500), Bps(0)]
    );

    // the migrated escrow runs a job end to end
    suite
        .app
        .execute_contract(
            owner,
            suite.depin.clone(),
            &depin::ExecuteMsg::UpdateConfig(depin::ConfigUpdate {
                escrow: Some(old.to_string()),
                ..depin::ConfigUpdate::default()
            }),
            &[],
        )
        .unwrap();
    suite.escrow = old;
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let id = suite.submitted_job("clinic", &[(n1, 1_000)]);
    let price = suite.job(id).price;
    let dev = suite.balance("devfund");
    suite.accept("clinic", id).unwrap();
    assert_eq!(suite.balance("devfund") - dev, Bps(1_500).of(price));
    assert!(price > Uint128::zero());

    // migrating again finds the state current
    let again = suite
        .app
        .migrate_contract(
            suite.addr("owner"),
            suite.escrow.clone(),
            &MigrateMsg::default(),
            code_id,
        )
        .unwrap();
    assert!(again
        .events
        .iter()
        .flat_map(|e| &e.attributes)
        .any(|a| a.key == "state" && a.value == "current"));
}

#[test]
fn a_job_offered_by_earlier_code_lapses_counting_from_its_posting() {
    let suite = Suite::new();
    let job: btt_types::compute::Job = serde_json::from_value(json!({
        "id": 7, "clinic": suite.addr("clinic"),
        "spec": {"compute_units": 10, "hardware_class": "a100", "urgency": "standard",
                 "data_gb": 0, "run_seconds": 60, "review_seconds": 60},
        "asset": {"cw20": suite.token.addr()}, "price": "20000", "price_ubtt": "20000",
        "discount": 0, "assignments": [{"node_id": 1, "units": 10}], "accepted": [],
        "deadline": null, "result": null, "status": "offered", "posted_at": "1000000000000"
    }))
    .unwrap();
    assert_eq!(job.offered_at, None);
    let config = crate::state::CONFIG
        .load(&*suite.app.contract_storage(&suite.escrow))
        .unwrap();
    assert_eq!(
        crate::jobs::offer_lapses_at(&config, &job).seconds(),
        1_000 + config.offer_seconds
    );
}
