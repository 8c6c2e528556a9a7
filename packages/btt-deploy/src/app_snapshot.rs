//! What the dApp's browser tests read instead of a chain (`app/e2e/snapshot.json`, written by
//! `btt-economy --app-snapshot FILE`): every query the app's pages make for each actor, answered
//! on the [`AppState`](crate::app_state::AppState), with the embedded chain's network config and
//! manifest, its block, the actors' native balances and the ids the tests act on.
//!
//! The queries are the pages' own, written here as the JSON the generated TypeScript clients
//! send. A query a page makes that is missing here fails the browser test that made it.

use std::collections::BTreeMap;

use anyhow::Context;
use cosmwasm_std::Addr;
use cw_multi_test::App;
use serde::Serialize;
use serde_json::{json, Value};

use crate::app_state::{AppState, ACTORS, FEE_DENOM, USDC};
use crate::manifest::{manifest, Manifest};
use crate::multitest::Deployment;
use crate::networks::Network;

/// The most items a page's list query asks for.
const PAGE: u32 = 30;

/// The block the snapshot is taken at.
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotBlock {
    pub height: u64,
    /// Unix seconds.
    pub time: u64,
}

/// The ids of what the state set up for the pages to act on.
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotIds {
    pub proposal_id: u64,
    pub vault_id: u64,
    pub listing_id: u64,
    pub invoice_id: u64,
}

/// The snapshot the app reads.
#[derive(Debug, Clone, Serialize)]
pub struct AppSnapshot {
    pub network: Network,
    pub manifest: Manifest,
    pub block: SnapshotBlock,
    /// Actor name → address.
    pub actors: BTreeMap<String, String>,
    /// Address → denom → amount.
    pub balances: BTreeMap<String, BTreeMap<String, String>>,
    /// Contract address → [`query_key`] → answer.
    pub queries: BTreeMap<String, BTreeMap<String, Value>>,
    pub ids: SnapshotIds,
}

/// The embedded chain as a network config (the app builds Keplr's chain info from it).
pub fn embedded_network(chain_id: &str) -> Network {
    Network {
        name: "embedded".into(),
        description: "BTT embedded chain (cw-multi-test)".into(),
        chain_id: chain_id.into(),
        bech32_prefix: "cosmwasm".into(),
        rpc: "http://127.0.0.1:26657".into(),
        rest: "http://127.0.0.1:1317".into(),
        grpc: "http://127.0.0.1:9090".into(),
        fee_denom: FEE_DENOM.into(),
        fee_symbol: "STAKE".into(),
        gas_price: "0.025".into(),
        coin_type: 118,
        native_denoms: vec![USDC.into()],
    }
}

/// `value` without nulls, keys sorted at every level, no spaces: the key of a query (the app's
/// `stableJson` writes the same).
pub fn query_key(value: &Value) -> String {
    fn write(v: &Value, out: &mut String) {
        match v {
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().filter(|k| !map[*k].is_null()).collect();
                keys.sort();
                out.push('{');
                for (i, k) in keys.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::String((*k).clone()).to_string());
                    out.push(':');
                    write(&map[*k], out);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(value, &mut out);
    out
}

/// Answers queries on the app state and keeps every answer.
struct Recorder<'a> {
    app: &'a App,
    queries: BTreeMap<String, BTreeMap<String, Value>>,
}

impl Recorder<'_> {
    fn query(&mut self, contract: &Addr, msg: Value) -> anyhow::Result<Value> {
        let answer: Value = self
            .app
            .wrap()
            .query_wasm_smart(contract, &msg)
            .with_context(|| format!("{contract} {msg}"))?;
        self.queries
            .entry(contract.to_string())
            .or_default()
            .insert(query_key(&msg), answer.clone());
        Ok(answer)
    }
}

fn items<'v>(answer: &'v Value, field: &str) -> &'v [Value] {
    answer[field].as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// The Portfolio page's queries for `who`.
fn portfolio(r: &mut Recorder, d: &Deployment, who: &str) -> anyhow::Result<()> {
    r.query(d.token.addr(), json!({"balance": {"address": who}}))?;
    r.query(
        d.vesting.addr(),
        json!({"schedules_by_beneficiary": {"beneficiary": who, "limit": PAGE}}),
    )?;
    r.query(&d.points, json!({"balance": {"patient": who}}))?;
    let vaults = r.query(&d.vaults, json!({"vaults": {"limit": PAGE}}))?;
    for vault in items(&vaults, "vaults") {
        r.query(
            &d.vaults,
            json!({"claimable": {"address": who, "vault_id": vault["id"]}}),
        )?;
    }
    let nodes = r.query(&d.escrow, json!({"nodes": {"limit": PAGE}}))?;
    for node in items(&nodes, "nodes")
        .iter()
        .filter(|n| n["operator"] == who)
    {
        r.query(&d.depin, json!({"pending": {"node_id": node["id"]}}))?;
    }
    Ok(())
}

/// The Governance page's queries, for `who` or before a wallet is connected.
fn governance(r: &mut Recorder, d: &Deployment, who: Option<&str>) -> anyhow::Result<()> {
    r.query(d.dao.addr(), json!({"config": {}}))?;
    let proposals = r.query(d.dao.addr(), json!({"proposals": {"limit": PAGE}}))?;
    for p in items(&proposals, "proposals") {
        if p["status"] != "open" {
            continue;
        }
        let id = &p["proposal"]["id"];
        r.query(d.dao.addr(), json!({"tally": {"proposal_id": id}}))?;
        if let Some(who) = who {
            r.query(
                d.dao.addr(),
                json!({"vote": {"proposal_id": id, "voter": who}}),
            )?;
            r.query(
                d.staking.addr(),
                json!({"voting_power": {"address": who, "height": p["proposal"]["start_height"]}}),
            )?;
        }
    }
    if let Some(who) = who {
        r.query(d.token.addr(), json!({"balance": {"address": who}}))?;
    }
    Ok(())
}

/// The snapshot of `state`.
pub fn app_snapshot(state: &AppState) -> anyhow::Result<AppSnapshot> {
    let d = &state.deployment;
    let mut r = Recorder {
        app: &state.app,
        queries: BTreeMap::new(),
    };
    governance(&mut r, d, None)?;
    let mut balances = BTreeMap::new();
    for name in ACTORS {
        let who = state.actors[name].as_str();
        portfolio(&mut r, d, who)?;
        governance(&mut r, d, Some(who))?;
        let mut held = BTreeMap::new();
        for denom in [FEE_DENOM, USDC] {
            let amount = state.app.wrap().query_balance(who, denom)?.amount;
            held.insert(denom.to_string(), amount.to_string());
        }
        balances.insert(who.to_string(), held);
    }
    let block = state.app.block_info();
    Ok(AppSnapshot {
        network: embedded_network(&block.chain_id),
        manifest: manifest(d, &state.config, &BTreeMap::new()),
        block: SnapshotBlock {
            height: block.height,
            time: block.time.seconds(),
        },
        actors: state
            .actors
            .iter()
            .map(|(name, addr)| (name.clone(), addr.to_string()))
            .collect(),
        balances,
        queries: r.queries,
        ids: SnapshotIds {
            proposal_id: state.proposal_id,
            vault_id: state.vault_id,
            listing_id: state.listing_id,
            invoice_id: state.invoice_id,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_keys_sort_keys_and_drop_nulls_like_the_app() {
        let msg = json!({"schedules_by_beneficiary": {"limit": 30, "start_after": null, "beneficiary": "a\"b"}});
        assert_eq!(
            query_key(&msg),
            r#"{"schedules_by_beneficiary":{"beneficiary":"a\"b","limit":30}}"#
        );
        assert_eq!(query_key(&json!({"config": {}})), r#"{"config":{}}"#);
        assert_eq!(
            query_key(&json!({"a": [3, {"z": 1, "y": null}]})),
            r#"{"a":[3,{"z":1}]}"#
        );
    }
}
