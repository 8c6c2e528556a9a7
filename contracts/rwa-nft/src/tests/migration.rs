//! From the previous code to this one on cw-multi-test: labelled recipients and a burn rule
//! need a routing to move to (the old config named no btt-staking); the threshold is kept.

use btt_testing::Harness;
use btt_types::migration::MigrationError;
use btt_types::rwa_nft::{ConfigResponse, MigrateMsg, QueryMsg, FEE_STREAMS};
use btt_types::units::btt;
use cosmwasm_std::Addr;
use cw_multi_test::Executor;
use serde_json::json;

use super::suite::{Suite, SuiteBuilder};
use crate::contract::CONTRACT_NAME;
use crate::ContractError;

fn config(suite: &Suite, nft: &Addr) -> ConfigResponse {
    suite
        .app
        .wrap()
        .query_wasm_smart(nft, &QueryMsg::Config {})
        .unwrap()
}

#[test]
fn labelled_recipients_move_to_the_routing_the_dao_gives_and_keep_the_threshold() {
    let mut suite = SuiteBuilder::default().build().unwrap();
    let staking = config(&suite, &suite.nft).fee_routing.payees.staking;
    let owner = suite.addr("owner");
    let devfund = suite.addr("devfund").to_string();
    let current = suite.nft.clone();
    let (old, code_id) = btt_testing::previous_of(
        &mut suite.app,
        &owner,
        &current,
        CONTRACT_NAME,
        &["config"],
        |c| {
            let c = c.as_object_mut().unwrap();
            c.remove("fee_routing");
            c.remove("burn_threshold");
            c.insert(
                "recipients".into(),
                json!([{"label": "dao", "address": devfund, "share": 10_000}]),
            );
            c.insert(
                "burn".into(),
                json!({"threshold": btt(25_000), "share": 2_000}),
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
        &staking,
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
    let c = config(&suite, &old);
    assert_eq!(c.burn_threshold, btt(25_000));
    assert_eq!(c.fee_routing.payees.staking, staking);
    assert_eq!(c.fee_routing.routes.len(), 2);
}
