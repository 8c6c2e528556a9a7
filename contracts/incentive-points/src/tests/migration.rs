//! From the previous code to this one on cw-multi-test: one treasury and no btt-staking in the
//! old config, so the DAO gives the routing; the rules and start are kept.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::fee_router::{FeeRouteError, FeeStream};
use btt_types::migration::MigrationError;
use btt_types::points::{ConfigResponse, MigrateMsg, Provider, QueryMsg, FEE_STREAMS};
use cw_multi_test::Executor;

use super::suite::{rules, Suite};
use crate::contract::CONTRACT_NAME;
use crate::migrate::DEFAULT_INSURER_SHARE;
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
                ..MigrateMsg::default()
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

/// The stored rules as code before stable prices left them: tiers in ubtt, no insurers' share,
/// and a routing without the insurance stream.
fn to_btt_priced(c: &mut serde_json::Value) {
    let rules = c["rules"].as_object_mut().unwrap();
    rules.remove("insurer_share");
    let tiers = serde_json::json!([
        {"name": "small clinic", "price": "1000000000", "native_price": null, "budget": 10_000},
        {"name": "medium clinic", "price": "3000000000", "native_price": null, "budget": 50_000},
        {"name": "large clinic", "price": "10000000000", "native_price": null, "budget": 200_000},
    ]);
    rules.insert("tiers".into(), tiers);
    let routes = c["fee_routing"]["routes"].as_array_mut().unwrap();
    routes.retain(|r| r["stream"] != "insurance");
}

#[test]
fn btt_priced_tiers_need_tiers_in_a_native_denom_to_migrate() {
    let mut suite = Suite::new();
    let owner = suite.addr("owner");
    let current = suite.points.clone();
    let (old, code_id) = btt_testing::previous_of(
        &mut suite.app,
        &owner,
        &current,
        CONTRACT_NAME,
        &["config", "pool"],
        to_btt_priced,
    );
    let err = suite
        .app
        .migrate_contract(owner.clone(), old.clone(), &MigrateMsg::default(), code_id)
        .unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::NeedsTiers
    );
    // Tiers in a denom btt-staking does not stream are refused as at instantiation.
    let mut in_uatom = rules().tiers;
    in_uatom[0].price.denom = "uatom".into();
    let err = suite
        .app
        .migrate_contract(
            owner.clone(),
            old.clone(),
            &MigrateMsg {
                tiers: Some(in_uatom),
                ..MigrateMsg::default()
            },
            code_id,
        )
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::FeeRoute(FeeRouteError::NotAStakingDenom { .. })
    ));
    suite
        .app
        .migrate_contract(
            owner,
            old.clone(),
            &MigrateMsg {
                tiers: Some(rules().tiers),
                ..MigrateMsg::default()
            },
            code_id,
        )
        .unwrap();
    let after: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    // The tiers given, the insurers' default 20%, and insurance routed as subscriptions.
    assert_eq!(after.rules, rules());
    assert_eq!(after.rules.insurer_share, DEFAULT_INSURER_SHARE);
    assert_eq!(
        after.fee_routing.shares(FeeStream::Insurance).unwrap(),
        after.fee_routing.shares(FeeStream::Subscription).unwrap()
    );
}

#[test]
fn the_dao_sets_the_insurers_share_and_an_invalid_one_is_refused_at_migration() {
    let mut suite = Suite::new();
    let owner = suite.addr("owner");
    let current = suite.points.clone();
    let (old, code_id) = btt_testing::previous_of(
        &mut suite.app,
        &owner,
        &current,
        CONTRACT_NAME,
        &["config", "pool"],
        to_btt_priced,
    );
    let msg = |share| MigrateMsg {
        tiers: Some(rules().tiers),
        insurer_share: Some(Bps(share)),
        ..MigrateMsg::default()
    };
    let err = suite
        .app
        .migrate_contract(owner.clone(), old.clone(), &msg(5_001), code_id)
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::InvalidRules { .. }
    ));
    suite
        .app
        .migrate_contract(owner, old.clone(), &msg(1_000), code_id)
        .unwrap();
    let after: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&old, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(after.rules.insurer_share, Bps(1_000));
}

#[test]
fn providers_stored_before_seats_load_with_one_seat_and_their_tiers_budget() {
    let stored = serde_json::json!({
        "tier": 1,
        "active_until": "1000000000000000000",
        "window_start": "0",
        "window_used": 7,
        "queued_tier": {"tier": 2, "starts_at": "2592000000000000"},
        "referrer": null,
        "points_awarded": 7,
        "fees_paid": "3000000000",
        "next_milestone": 1
    });
    let p: Provider = serde_json::from_value(stored).unwrap();
    assert_eq!((p.seats, p.window_budget), (1, None));
    let q = p.queued_tier.clone().unwrap();
    assert_eq!((q.tier, q.seats, q.budget), (2, 1, None));
    // Its budget is its tier's, by the rules in force.
    let suite = Suite::new();
    let config: ConfigResponse = suite.query(&QueryMsg::Config {});
    let config = crate::state::Config {
        token: config.token,
        fee_routing: config.fee_routing,
        payfi: config.payfi,
        rules: config.rules,
        start: config.start,
    };
    assert_eq!(crate::providers::window_budget(&config, &p), 50_000);
}
