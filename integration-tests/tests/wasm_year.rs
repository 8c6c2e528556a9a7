//! The main job's year on the optimized artifacts: the same deployment routine, the same 48-month
//! walk with every scenario (compute jobs, mining, patient care and PayFi, the MRI vault and its
//! buyout, governance), run in cosmwasm-vm instead of cw-multi-test's native code. It must hold
//! the same invariants and end with the same figures, to the ubtt, as the native run.

use btt_deploy::multitest::{deploy_genesis, local_app, local_config};
use btt_economy::report::economy_report;
use btt_economy::walk::vesting_walk;
use btt_integration_tests::deploy::deploy_suite;
use btt_integration_tests::vm::WasmChain;
use btt_integration_tests::year::assert_year;
use cw_multi_test::App;
use serde_json::Value;

/// The report without addresses, which differ between the chains (contract addresses are made
/// differently); everything else must be equal.
fn without_addresses(mut v: Value) -> Value {
    match &mut v {
        Value::Object(map) => {
            map.remove("address");
            for value in map.values_mut() {
                *value = without_addresses(value.take());
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                *item = without_addresses(item.take());
            }
        }
        _ => {}
    }
    v
}

#[test]
fn the_year_runs_on_the_optimized_artifacts_with_the_native_figures() {
    let started = std::time::Instant::now();
    let mut chain = WasmChain::new();
    let (deployment, config) = deploy_suite(&mut chain).unwrap();
    let walk = vesting_walk(&mut chain, &deployment, &config).unwrap();
    let economy = economy_report(&chain, &deployment, &config, &walk).unwrap();
    assert_year(&chain, &deployment, &walk, &economy);
    let stats = chain.stats();
    println!(
        "the year on the optimized artifacts: {} transactions, {} contract calls, {} VM gas, {:.1} s",
        stats.txs,
        stats.calls,
        stats.gas,
        started.elapsed().as_secs_f64()
    );

    let mut app: App = local_app();
    let deployer = app.api().addr_make("deployer");
    let start = app.block_info().time;
    let native_config = local_config(&app, start);
    let native = deploy_genesis(&mut app, &deployer, &native_config).unwrap();
    let native_walk = vesting_walk(&mut app, &native, &native_config).unwrap();
    let native_economy = economy_report(&app, &native, &native_config, &native_walk).unwrap();
    assert_eq!(
        without_addresses(serde_json::to_value(&walk).unwrap()),
        without_addresses(serde_json::to_value(&native_walk).unwrap()),
        "the walk on wasm and on native code"
    );
    assert_eq!(
        without_addresses(serde_json::to_value(&economy).unwrap()),
        without_addresses(serde_json::to_value(&native_economy).unwrap()),
        "the closing report on wasm and on native code"
    );
}
