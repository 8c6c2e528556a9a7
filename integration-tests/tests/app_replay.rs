//! Proof that what the dApp signs executes: every transaction the browser tests captured
//! (`app/e2e/captured.json`) is replayed on the embedded chain in the state the app was shown
//! (`btt_economy::app_state`), and must succeed and change state as the page promised. The
//! snapshot the app read (`app/e2e/snapshot.json`) must be the one that state produces.

use std::collections::BTreeMap;
use std::path::PathBuf;

use btt_economy::app_snapshot::app_snapshot;
use btt_economy::app_state::app_state;
use cosmwasm_std::{to_json_binary, Addr, Coin, WasmMsg};
use cw_multi_test::{App, Executor};
use serde::Deserialize;
use serde_json::Value;

fn e2e(file: &str) -> PathBuf {
    // Read at run time: a binary built in another checkout of the shared target reads this one.
    PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
    )
    .join("../app/e2e")
    .join(file)
}

#[derive(Deserialize)]
struct Msg {
    sender: String,
    contract: String,
    msg: Value,
    funds: Vec<Coin>,
}

#[derive(Deserialize)]
struct Expectation {
    contract: String,
    query: Value,
    path: String,
    change: String,
}

#[derive(Deserialize)]
struct Tx {
    label: String,
    msgs: Vec<Msg>,
    expects: Vec<Expectation>,
}

/// The value at the dotted `path` ("" is the whole answer; `length` of an array is its size).
fn at(answer: &Value, path: &str) -> Value {
    let mut v = answer.clone();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        v = match (&v, part) {
            (Value::Array(items), "length") => Value::from(items.len()),
            (Value::Array(items), i) => items[i.parse::<usize>().unwrap()].clone(),
            (obj, key) => obj[key].clone(),
        };
    }
    v
}

fn number(v: &Value) -> i128 {
    match v {
        Value::String(s) => s.parse().unwrap_or_else(|_| panic!("{s} is not a number")),
        Value::Number(n) => n.as_i64().unwrap().into(),
        other => panic!("{other} is not a number"),
    }
}

fn query(app: &App, contract: &str, msg: &Value) -> Value {
    app.wrap()
        .query_wasm_smart(contract, msg)
        .unwrap_or_else(|e| panic!("query {msg} on {contract}: {e}"))
}

#[test]
fn the_snapshot_the_app_reads_is_the_state_the_replay_runs_on() {
    let state = app_state().unwrap();
    let fresh = serde_json::to_value(app_snapshot(&state).unwrap()).unwrap();
    let committed: Value =
        serde_json::from_str(&std::fs::read_to_string(e2e("snapshot.json")).unwrap()).unwrap();
    assert!(
        fresh == committed,
        "app/e2e/snapshot.json is stale: run `scripts/app.sh snapshot` and commit it"
    );
}

#[test]
fn every_message_the_app_signs_executes_on_the_embedded_chain_as_the_page_promised() {
    let captured: BTreeMap<String, Vec<Tx>> =
        serde_json::from_str(&std::fs::read_to_string(e2e("captured.json")).unwrap()).unwrap();
    let mut labels = vec![];
    for (test, txs) in &captured {
        // Each browser test starts from the state of the snapshot.
        let mut app = app_state().unwrap().app;
        for tx in txs {
            let before: Vec<Value> = tx
                .expects
                .iter()
                .map(|e| at(&query(&app, &e.contract, &e.query), &e.path))
                .collect();
            for m in &tx.msgs {
                let msg = WasmMsg::Execute {
                    contract_addr: m.contract.clone(),
                    msg: to_json_binary(&m.msg).unwrap(),
                    funds: m.funds.clone(),
                };
                app.execute(Addr::unchecked(&m.sender), msg.into())
                    .unwrap_or_else(|e| panic!("{test}: {} was rejected: {e:#}", tx.label));
            }
            for (e, before) in tx.expects.iter().zip(before) {
                let after = at(&query(&app, &e.contract, &e.query), &e.path);
                if let Some(value) = e.change.strip_prefix('=') {
                    assert_eq!(
                        after
                            .as_str()
                            .map(str::to_string)
                            .unwrap_or(after.to_string()),
                        value,
                        "{test}: {} should make {} {value}",
                        tx.label,
                        e.path
                    );
                } else {
                    let change: i128 = e.change.trim_start_matches('+').parse().unwrap();
                    assert_eq!(
                        number(&after) - number(&before),
                        change,
                        "{test}: {} should change {} by {}",
                        tx.label,
                        e.path,
                        e.change
                    );
                }
            }
            println!("{test}: {} executed as promised", tx.label);
            labels.push(tx.label.clone());
        }
    }
    for needed in [
        "claim vesting",
        "stake",
        "vote",
        "create proposal",
        "post a",
        "buy",
        "claim income",
        "pay",
    ] {
        assert!(
            labels.iter().any(|l| l.starts_with(needed)),
            "no captured {needed}"
        );
    }
}
