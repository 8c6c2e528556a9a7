//! From the previous code to this one on cw-multi-test: a config with labelled fee recipients
//! moves to the fee router, and the migrated escrow pays 70/15/10/5 as before; a config stored
//! before capacity bonds migrates only with the bond per capacity unit.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::compute::{ConfigResponse, MigrateMsg, Node, QueryMsg};
use btt_types::depin;
use btt_types::fee_router::FeeStream;
use btt_types::units::btt;
use cosmwasm_std::{Addr, Decimal, Uint128};
use cw_multi_test::Executor;
use serde_json::json;

use super::suite::{instantiate_msg, units, Suite, BOND_PER_UNIT, MIN_BOND};
use crate::contract::CONTRACT_NAME;
use crate::ContractError;

/// The migration of `contract` to the suite's escrow code with `msg`; a failure is the
/// escrow's error.
fn migrate(suite: &mut Suite, contract: &Addr, msg: &MigrateMsg) -> Result<(), ContractError> {
    let code_id = suite.app.contract_data(&suite.escrow).unwrap().code_id;
    let owner = suite.addr("owner");
    suite
        .app
        .migrate_contract(owner, contract.clone(), msg, code_id)
        .map(|_| ())
        .map_err(btt_testing::contract_error)
}

fn with_bond_per_unit(bond: Uint128) -> MigrateMsg {
    MigrateMsg {
        bond_per_capacity_unit: Some(bond),
        ..MigrateMsg::default()
    }
}

/// Points depin-rewards at `escrow` and makes it the suite's escrow.
fn use_escrow(suite: &mut Suite, escrow: Addr) {
    let owner = suite.addr("owner");
    suite
        .app
        .execute_contract(
            owner,
            suite.depin.clone(),
            &depin::ExecuteMsg::UpdateConfig(depin::ConfigUpdate {
                escrow: Some(escrow.to_string()),
                ..depin::ConfigUpdate::default()
            }),
            &[],
        )
        .unwrap();
    suite.escrow = escrow;
}

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
    assert!(
        matches!(
            migrate(&mut suite, &old, &MigrateMsg::default()).unwrap_err(),
            ContractError::InvalidConfig { .. }
        ),
        "code before capacity bonds needs the bond per capacity unit"
    );
    migrate(&mut suite, &old, &with_bond_per_unit(BOND_PER_UNIT)).unwrap();
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

    assert_eq!(config.bond_per_capacity_unit, BOND_PER_UNIT);

    // the migrated escrow runs a job end to end
    use_escrow(&mut suite, old);
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

/// An escrow as the code after the fee router and before capacity bonds left it: the config
/// with no bond per capacity unit and classes with no capacity weight; node 1 of op1 (8 a100
/// GPUs, 1,000 BTT bonded, the tokens held by the escrow) with no capacity fields.
fn escrow_before_capacity_bonds(suite: &mut Suite) -> Addr {
    let raw = suite
        .app
        .wrap()
        .query_wasm_raw(suite.escrow.to_string(), b"config".as_slice())
        .unwrap()
        .unwrap();
    let mut config: serde_json::Value = serde_json::from_slice(&raw).unwrap();
    let object = config.as_object_mut().unwrap();
    assert!(object.remove("bond_per_capacity_unit").is_some());
    for class in object["hardware_classes"].as_array_mut().unwrap() {
        class.as_object_mut().unwrap().remove("capacity_weight");
    }
    let node = json!({
        "id": 1, "operator": suite.addr("op1"), "spec": Suite::node_spec("a100"),
        "bond": btt(1_000), "status": "active", "open_jobs": 0, "open_disputes": 0,
        "slashed": "0",
    });
    let totals =
        json!({"last_node_id": 1, "last_job_id": 0, "bonds": btt(1_000), "escrow_btt": "0"});
    // cw-storage-plus key of `NODES[1]`: the length-prefixed namespace, then the id big-endian.
    let node_key =
        String::from_utf8([b"\0\x05nodes".as_slice(), &1u64.to_be_bytes()].concat()).unwrap();
    let owner = suite.addr("owner");
    let old = btt_testing::instantiate_legacy(
        &mut suite.app,
        &owner,
        CONTRACT_NAME,
        &[("config", config), ("totals", totals), (&node_key, node)],
    );
    let bond = suite.token.transfer_msg(&old, btt(1_000)).unwrap();
    suite.app.execute(suite.addr("op1"), bond).unwrap();
    old
}

#[test]
fn a_config_stored_before_capacity_bonds_migrates_only_with_the_bond_per_capacity_unit() {
    let mut suite = Suite::new();
    let old = escrow_before_capacity_bonds(&mut suite);
    assert!(
        matches!(
            migrate(&mut suite, &old, &MigrateMsg::default()).unwrap_err(),
            ContractError::InvalidConfig { .. }
        ),
        "no bond per capacity unit: refused"
    );
    assert!(
        matches!(
            migrate(&mut suite, &old, &with_bond_per_unit(Uint128::zero())).unwrap_err(),
            ContractError::InvalidConfig { .. }
        ),
        "a bond per capacity unit of 0: refused"
    );
    migrate(&mut suite, &old, &with_bond_per_unit(BOND_PER_UNIT)).unwrap();
    let config: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(config.bond_per_capacity_unit, BOND_PER_UNIT);
    assert!(
        config
            .hardware_classes
            .iter()
            .all(|c| c.capacity_weight == Decimal::one()),
        "a class stored before weights counts 1.0"
    );
    migrate(&mut suite, &old, &with_bond_per_unit(btt(1))).unwrap();
    let config: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(
        config.bond_per_capacity_unit, BOND_PER_UNIT,
        "once set, a migration's value is ignored"
    );

    // The node kept its bond, verified nothing yet, and an oracle's challenge confirms it.
    use_escrow(&mut suite, old);
    let node: Node = suite.node(1);
    assert_eq!(
        (node.bond, node.verified_capacity, node.counted_capacity),
        (btt(1_000), Decimal::zero(), Decimal::zero())
    );
    let res = suite.confirm("op1", 1, 8);
    let node = suite.node(1);
    assert_eq!(node.verified_capacity, units(8));
    assert_eq!(
        node.counted_capacity,
        Decimal::from_ratio(20u128, 3u128),
        "1,000 BTT covers 6.67 units at 150 BTT"
    );
    assert_eq!(
        suite.reported(&res),
        Some(("confirmed".into(), node.counted_capacity))
    );
    assert_eq!(suite.escrow_btt(), btt(1_000), "the bond only");
}
