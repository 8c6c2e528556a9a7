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
use btt_deploy::deployment::Deployment;
use btt_deploy::manifest::{manifest, Manifest};
use btt_deploy::networks::Network;

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
    pub passed_id: u64,
    pub vault_id: u64,
    pub listing_id: u64,
    pub invoice_ids: [u64; 2],
    /// A payment to the clinic still inside its refund window.
    pub payment_id: u64,
    /// BitWave's stake to unbond, and its stake whose unbonding matured.
    pub stakes: [u64; 2],
    /// The clinic's jobs on node #1, by the step they wait at.
    pub jobs: crate::app_state::JobIds,
    /// Oracle challenges to node #1 waiting for BitWave: two offered, one accepted.
    pub challenges: ChallengeSnapshotIds,
}

/// The challenges' ids (their answer is an input).
#[derive(Debug, Clone, Serialize)]
pub struct ChallengeSnapshotIds {
    pub offered: [u64; 2],
    pub accepted: u64,
}

/// What the browser tests type into the forms (their answers are in the snapshot).
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotInputs {
    /// The compute job the clinic prices and posts.
    pub job: JobInput,
    /// Shares the patient buys from the listing.
    pub buy_shares: u64,
    /// The partner the patient redeems points at (the care scenario's pharmacy).
    pub partner: String,
    /// The provider whose points the patient converts (the care scenario's clinic): each
    /// provider's points convert within its own weekly cap.
    pub provider: String,
    /// The answer of the accepted challenge.
    pub challenge_answer: String,
}

/// A job spec as the Compute page's form has it.
#[derive(Debug, Clone, Serialize)]
pub struct JobInput {
    pub hardware_class: String,
    pub compute_units: u64,
    pub urgency: String,
    pub data_gb: u64,
    /// Days the nodes have to run it once they accept.
    pub run_days: u64,
    pub review_days: u64,
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
    pub inputs: SnapshotInputs,
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

impl Recorder<'_> {
    /// Every page of a list query, as the app's `allPages` asks for them: `{name: {..args,
    /// limit}}`, then with `start_after` the id (at `id`, a JSON pointer) of the last item while
    /// pages are full. Returns all the items of `field`.
    fn all_pages(
        &mut self,
        contract: &Addr,
        name: &str,
        args: Value,
        field: &str,
        id: &str,
    ) -> anyhow::Result<Vec<Value>> {
        let mut all = vec![];
        let mut start_after = Value::Null;
        loop {
            let mut query = args.clone();
            query["limit"] = json!(PAGE);
            query["start_after"] = start_after;
            let answer = self.query(contract, json!({ name: query }))?;
            let page = items(&answer, field).to_vec();
            let full = page.len() == PAGE as usize;
            start_after = page
                .last()
                .and_then(|last| last.pointer(id))
                .cloned()
                .unwrap_or(Value::Null);
            all.extend(page);
            if !full {
                return Ok(all);
            }
        }
    }
}

/// The Portfolio page's queries for `who`.
fn portfolio(r: &mut Recorder, d: &Deployment, who: &str) -> anyhow::Result<()> {
    r.query(d.token.addr(), json!({"balance": {"address": who}}))?;
    r.all_pages(
        d.vesting.addr(),
        "schedules_by_beneficiary",
        json!({"beneficiary": who}),
        "schedules",
        "/schedule/id",
    )?;
    r.query(&d.points, json!({"balance": {"patient": who}}))?;
    r.query(&d.points, json!({"config": {}}))?;
    for vault in r.all_pages(&d.vaults, "vaults", json!({}), "vaults", "/id")? {
        r.query(
            &d.vaults,
            json!({"claimable": {"address": who, "vault_id": vault["id"]}}),
        )?;
    }
    let nodes = r.all_pages(&d.escrow, "nodes", json!({}), "nodes", "/id")?;
    for node in nodes.iter().filter(|n| n["operator"] == who) {
        r.query(&d.depin, json!({"pending": {"node_id": node["id"]}}))?;
    }
    Ok(())
}

/// The Governance page's queries, for `who` or before a wallet is connected.
fn governance(r: &mut Recorder, d: &Deployment, who: Option<&str>) -> anyhow::Result<()> {
    r.query(d.dao.addr(), json!({"config": {}}))?;
    r.query(d.dao.addr(), json!({"treasury": {"denoms": []}}))?;
    for p in r.all_pages(
        d.dao.addr(),
        "proposals",
        json!({}),
        "proposals",
        "/proposal/id",
    )? {
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

/// The Staking page's queries, for `who` or before a wallet is connected.
fn staking(r: &mut Recorder, d: &Deployment, who: Option<&str>) -> anyhow::Result<()> {
    let s = d.staking.addr();
    r.query(s, json!({"config": {}}))?;
    if let Some(who) = who {
        r.query(s, json!({"staker": {"address": who}}))?;
        r.all_pages(s, "stakes", json!({"address": who}), "stakes", "/id")?;
        r.all_pages(
            s,
            "unbondings",
            json!({"address": who}),
            "unbondings",
            "/id",
        )?;
        r.query(s, json!({"tier": {"address": who}}))?;
        r.query(d.token.addr(), json!({"balance": {"address": who}}))?;
    }
    Ok(())
}

/// The Compute page's queries, with the quote of `job` for `who`.
fn compute(
    r: &mut Recorder,
    d: &Deployment,
    who: Option<&str>,
    job: &JobInput,
) -> anyhow::Result<()> {
    r.query(&d.escrow, json!({"config": {}}))?;
    let nodes = r.all_pages(&d.escrow, "nodes", json!({}), "nodes", "/id")?;
    if let Some(who) = who {
        for node in nodes.iter().filter(|n| n["operator"] == who) {
            r.all_pages(
                &d.escrow,
                "jobs_by_node",
                json!({"node_id": node["id"]}),
                "jobs",
                "/id",
            )?;
            r.query(&d.depin, json!({"node": {"node_id": node["id"]}}))?;
            r.query(&d.depin, json!({"pending": {"node_id": node["id"]}}))?;
        }
        r.all_pages(
            &d.escrow,
            "jobs_by_clinic",
            json!({"clinic": who}),
            "jobs",
            "/id",
        )?;
        r.query(d.token.addr(), json!({"balance": {"address": who}}))?;
        let spec = json!({
            "hardware_class": job.hardware_class,
            "compute_units": job.compute_units,
            "urgency": job.urgency,
            "data_gb": job.data_gb,
            "run_seconds": job.run_days * 86_400,
            "review_seconds": job.review_days * 86_400,
        });
        r.query(&d.escrow, json!({"quote": {"clinic": who, "spec": spec}}))?;
    }
    Ok(())
}

/// The Assets page's queries, with the quote of `shares` of every listing for `who`.
fn assets(r: &mut Recorder, d: &Deployment, who: Option<&str>, shares: u64) -> anyhow::Result<()> {
    for vault in r.all_pages(&d.vaults, "vaults", json!({}), "vaults", "/id")? {
        if vault["status"] != "active" && vault["status"] != "auction" {
            continue;
        }
        let id = &vault["id"];
        let listings = r.all_pages(
            &d.vaults,
            "listings",
            json!({"vault_id": id}),
            "listings",
            "/id",
        )?;
        r.query(&d.vaults, json!({"reserve_price": {"vault_id": id}}))?;
        r.query(&d.vaults, json!({"auction": {"vault_id": id}}))?;
        if let Some(who) = who {
            r.query(
                &d.vaults,
                json!({"holder": {"address": who, "vault_id": id}}),
            )?;
            for listing in &listings {
                if listing["seller"] == who {
                    continue;
                }
                r.query(
                    &d.vaults,
                    json!({"quote": {"buyer": who, "listing_id": listing["id"], "shares": shares.to_string()}}),
                )?;
            }
        }
    }
    if let Some(who) = who {
        r.query(d.token.addr(), json!({"balance": {"address": who}}))?;
    }
    Ok(())
}

/// The Payments page's queries for `who`, with the rates of every other way to pay an open
/// invoice.
fn payments(r: &mut Recorder, d: &Deployment, who: &str) -> anyhow::Result<()> {
    let config = r.query(&d.payfi, json!({"config": {}}))?;
    let owed = r.all_pages(
        &d.payfi,
        "invoices_by_payer",
        json!({"payer": who}),
        "invoices",
        "/id",
    )?;
    r.all_pages(
        &d.payfi,
        "invoices_by_provider",
        json!({"provider": who}),
        "invoices",
        "/id",
    )?;
    r.query(&d.payfi, json!({"pending_settlements": {"limit": PAGE}}))?;
    r.query(d.token.addr(), json!({"balance": {"address": who}}))?;
    let mut ways = vec![Value::from("btt")];
    ways.extend(items(&config, "native_denoms").iter().cloned());
    for invoice in &owed {
        if invoice["status"] != "open" {
            continue;
        }
        let own = match &invoice["asset"]["native"] {
            Value::String(denom) => Value::from(denom.as_str()),
            _ => Value::from("btt"),
        };
        for pay in ways.iter().filter(|w| **w != own) {
            r.query(&d.payfi, json!({"rate": {"invoice": own, "pay": pay}}))?;
        }
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
    let inputs = SnapshotInputs {
        job: JobInput {
            hardware_class: "gpu-standard".into(),
            compute_units: 400,
            urgency: "priority".into(),
            data_gb: 25,
            run_days: 3,
            review_days: 2,
        },
        buy_shares: 10_000,
        partner: state.app.api().addr_make("pharmacy").to_string(),
        provider: state.actors["china-digital-healthcare"].to_string(),
        challenge_answer: state.challenges.answer.clone(),
    };
    // The Portfolio asks for the partner a patient typed before redeeming there, and for the
    // points the patient holds from the provider it converts from.
    r.query(&d.points, json!({"partner": {"address": inputs.partner}}))?;
    r.query(
        &d.points,
        json!({"convertible_from": {"patient": state.actors["patient-alice"], "provider": inputs.provider}}),
    )?;
    governance(&mut r, d, None)?;
    staking(&mut r, d, None)?;
    compute(&mut r, d, None, &inputs.job)?;
    assets(&mut r, d, None, inputs.buy_shares)?;
    let mut balances = BTreeMap::new();
    for name in ACTORS {
        let who = state.actors[name].as_str();
        portfolio(&mut r, d, who)?;
        governance(&mut r, d, Some(who))?;
        staking(&mut r, d, Some(who))?;
        compute(&mut r, d, Some(who), &inputs.job)?;
        assets(&mut r, d, Some(who), inputs.buy_shares)?;
        payments(&mut r, d, who)?;
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
            passed_id: state.passed_id,
            vault_id: state.vault_id,
            listing_id: state.listing_id,
            invoice_ids: state.invoice_ids,
            payment_id: state.payment_id,
            stakes: state.stakes,
            jobs: state.jobs,
            challenges: ChallengeSnapshotIds {
                offered: state.challenges.offered,
                accepted: state.challenges.accepted,
            },
        },
        inputs,
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
