//! From the previous code to this one on cw-multi-test: one treasury and no btt-staking in the
//! old config, so the DAO gives the routing; the rules and start are kept.

use btt_testing::Harness;
use btt_types::fee_router::FeeStream;
use btt_types::migration::MigrationError;
use btt_types::points::{ConfigResponse, MigrateMsg, QueryMsg, FEE_STREAMS};
use cw_multi_test::Executor;

use super::suite::Suite;
use crate::contract::CONTRACT_NAME;
use crate::ContractError;

#[test]
fn the_treasury_moves_to_the_routing_the_dao_gives() {
    let mut suite = Suite::new();
    let owner = suite.addr("owner");
    let dao = suite.addr("dao").to_string();
    let current = suite.points.clone();
    let before: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&current, &QueryMsg::Config {})
        .unwrap();
    let (old, code_id) = btt_testing::previous_of(
        &mut suite.app,
        &owner,
        &current,
        CONTRACT_NAME,
        &["config", "pool"],
        |c| {
            let c = c.as_object_mut().unwrap();
            c.remove("fee_routing");
            c.insert("treasury".into(), dao.into());
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
    let staking = before.fee_routing.payees.staking.clone();
    let routing = btt_testing::fee_routing(
        &suite.app,
        &staking,
        FEE_STREAMS.streams,
        btt_testing::test_fee_shares(),
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
    let after: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(after.rules, before.rules);
    assert_eq!(after.start, before.start);
    assert_eq!(
        after.fee_routing.shares(FeeStream::Subscription).unwrap(),
        btt_testing::test_fee_shares()
    );
}

#[test]
fn rules_without_conversion_caps_get_a_share_of_the_global_cap() {
    let mut suite = Suite::new();
    let owner = suite.addr("owner");
    let current = suite.points.clone();
    let (old, code_id) = btt_testing::previous_of(
        &mut suite.app,
        &owner,
        &current,
        CONTRACT_NAME,
        &["config", "pool"],
        |c| {
            let rules = c["rules"].as_object_mut().unwrap();
            rules.remove("patient_epoch_cap");
            rules.remove("provider_epoch_cap");
        },
    );
    suite
        .app
        .migrate_contract(owner, old.clone(), &MigrateMsg::default(), code_id)
        .unwrap();
    let after: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    // 1,000 BTT a week: 2.5 BTT a patient, 25 BTT of one provider's points.
    assert_eq!(
        (
            after.rules.patient_epoch_cap,
            after.rules.provider_epoch_cap
        ),
        (
            btt_types::units::btt(1_000) / cosmwasm_std::Uint128::new(400),
            btt_types::units::btt(25)
        )
    );
}
