//! From the previous code to this one on cw-multi-test: labelled recipients and a burn rule
//! need a routing to move to; the threshold is kept and the protocol's part of the management
//! fee starts at zero, for the DAO to set.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::fractionalizer::{ConfigResponse, MigrateMsg, QueryMsg, FEE_STREAMS};
use btt_types::migration::MigrationError;
use btt_types::units::btt;
use cw_multi_test::Executor;
use serde_json::json;

use super::suite::SuiteBuilder;
use crate::contract::CONTRACT_NAME;
use crate::ContractError;

#[test]
fn the_vaults_config_moves_to_the_given_routing_with_no_protocol_management_part() {
    let mut suite = SuiteBuilder::default().build();
    let owner = suite.addr("owner");
    let devfund = suite.addr("devfund").to_string();
    let current = suite.vaults.clone();
    let (old, code_id) = btt_testing::previous_of(
        &mut suite.app,
        &owner,
        &current,
        CONTRACT_NAME,
        &["config", "totals"],
        |c| {
            let c = c.as_object_mut().unwrap();
            c.remove("fee_routing");
            c.remove("burn_threshold");
            c["fees"]
                .as_object_mut()
                .unwrap()
                .remove("management_protocol");
            c.insert(
                "recipients".into(),
                json!([{"label": "dao", "address": devfund, "share": 10_000}]),
            );
            c.insert(
                "burn".into(),
                json!({"threshold": btt(10_000), "share": 2_000}),
            );
        },
    );
    let err = suite
        .app
        .migrate_contract(owner.clone(), old.clone(), &MigrateMsg::default(), code_id)
        .unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::Migration(MigrationError::NeedsFeeRouting)
    );
    let routing = btt_testing::routing_for(
        &suite.app,
        &suite.staking.0,
        &FEE_STREAMS,
        btt_testing::rwa_fee_shares(),
    );
    suite
        .app
        .migrate_contract(
            owner,
            old.clone(),
            &MigrateMsg {
                fee_routing: Some(routing),
            },
            code_id,
        )
        .unwrap();
    let c: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(c.burn_threshold, btt(10_000));
    assert_eq!(c.fees.management_protocol, Bps(0));
    assert_eq!(c.fee_routing.routes.len(), 3);
}
