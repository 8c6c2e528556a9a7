//! The main job on the optimized artifacts: the same deployment routine and the same living
//! economy (a short run at scale 1 that still sees every kind of actor, mining, proposals and a
//! buyout), run in cosmwasm-vm instead of cw-multi-test's native code. It must hold the same
//! invariants every month and end with the same report, to the ubtt, as the native run.

use btt_deploy::multitest::{deploy_genesis, local_app, local_config};
use btt_economy::living::assumptions::Assumptions;
use btt_economy::living::{run_with, RunParams};
use btt_integration_tests::deploy::deploy_suite;
use btt_integration_tests::vm::WasmChain;
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

/// The first place where `a` and `b` differ, as a JSON path with both values.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let here = format!("{path}.{k}");
                match y.get(k) {
                    Some(w) => {
                        if let Some(d) = first_difference(v, w, &here) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{here}: only on wasm")),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: only on native"))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: wasm {a} native {b}")),
    }
}

/// Nine months, with the buyout in month 8.
fn short_run() -> (RunParams, Assumptions) {
    let params = RunParams {
        months: 9,
        seed: 7,
        scale: 1,
    };
    let assumptions = Assumptions {
        buyout_months: vec![8],
        ..Assumptions::paper()
    };
    (params, assumptions)
}

#[test]
fn the_living_economy_runs_on_the_optimized_artifacts_with_the_native_figures() {
    let (params, assumptions) = short_run();
    let started = std::time::Instant::now();
    let mut chain = WasmChain::new();
    let (deployment, config) = deploy_suite(&mut chain).unwrap();
    let wasm = run_with(
        &mut chain,
        &deployment,
        &config,
        params,
        assumptions.clone(),
        &mut |_| {},
    )
    .unwrap();
    let stats = chain.stats();
    println!(
        "the living economy on the optimized artifacts: {} months, {} transactions, {} contract calls, {} VM gas, {:.1} s",
        params.months,
        stats.txs,
        stats.calls,
        stats.gas,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(wasm.refused, 0, "refused on wasm: {:?}", wasm.outcomes);
    assert_eq!(wasm.ledger.buyouts, 1);
    assert!(
        wasm.ledger.jobs_accepted > 0 && !wasm.mined_ubtt.is_zero(),
        "jobs accepted {}, mined {}: {:?}",
        wasm.ledger.jobs_accepted,
        wasm.mined_ubtt,
        wasm.outcomes
    );
    assert!(wasm.ledger.payments > 0 && wasm.ledger.points_converted > 0);
    assert!(wasm.proposals.iter().any(|p| p.outcome == "executed"));

    let mut app: App = local_app();
    let deployer = app.api().addr_make("deployer");
    let start = app.block_info().time;
    let native_config = local_config(&app, start);
    let native = deploy_genesis(&mut app, &deployer, &native_config).unwrap();
    let native = run_with(
        &mut app,
        &native,
        &native_config,
        params,
        assumptions,
        &mut |_| {},
    )
    .unwrap();
    let (wasm, native) = (
        without_addresses(serde_json::to_value(&wasm).unwrap()),
        without_addresses(serde_json::to_value(&native).unwrap()),
    );
    assert_eq!(
        first_difference(&wasm, &native, "report"),
        None,
        "the living economy on wasm and on native code"
    );
}
