//! The test-side ledger: what the fuzzer believes the chain holds, kept from the events of the
//! messages it sent and never from the contracts' own books. The invariants compare the two.
//!
//! - every BTT balance, moved by the token's transfer, send and burn events;
//! - every burn, and which of them the fee routers made;
//! - the fuzzer's patients' points, bucket by period, expired by the points rules;
//! - how many times each job ended, and each node's claim cursor in depin;
//! - each proposal's total power when first seen;
//! - what each fee router took and paid each payee, by stream and asset;
//! - the highest id of every kind the contracts assigned (for drawing ids).

use std::collections::{BTreeMap, BTreeSet};

use btt_deploy::deployment::Deployment;
use btt_types::fee_router::{Routed, RoutedTotal};
use cosmwasm_std::{Addr, Event, Uint128};

use crate::actors::Actors;
use crate::storage::FuzzApp;

/// The ways a job ends; each job ends at most once.
pub const JOB_ENDS: [&str; 5] = [
    "accept_result",
    "finalize",
    "expire",
    "cancel_job",
    "resolve",
];

/// The ledger. See the module docs.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// Every BTT balance.
    pub btt: BTreeMap<Addr, Uint128>,
    /// Every burn of BTT.
    pub burned: Uint128,
    /// Burns made by the fee routers (the five contracts that route fees).
    pub router_burns: Uint128,
    /// Addresses whose BTT moved in the last message.
    pub touched: BTreeSet<Addr>,
    /// The fuzzer's patients' live points, by period.
    pub points: BTreeMap<Addr, BTreeMap<u64, u64>>,
    /// Endings seen per job.
    pub job_ends: BTreeMap<u64, u32>,
    /// Jobs whose payout did not add up: (job, price, paid out).
    pub bad_splits: Vec<(u64, Uint128, Uint128)>,
    /// Failed jobs (expired or resolved) whose clinic received more BTT than it escrowed, its
    /// refund and whatever its own node was paid together: (job, BTT to the clinic, escrow).
    pub failed_job_overpaid: Vec<(u64, Uint128, Uint128)>,
    /// Mining paid since the template, and depin's paid at the template.
    pub mined: Uint128,
    pub depin_paid_at_template: Uint128,
    /// Each proposal's total power when first seen.
    pub proposal_power: BTreeMap<u64, Uint128>,
    /// The highest id seen of each kind (`job_id`, `node_id`, ...).
    pub ids: BTreeMap<String, u64>,
    /// Token ids of the NFTs, as seen.
    pub token_ids: BTreeSet<String>,
    /// Everyone who ever staked, and every partner ever registered.
    pub stakers: BTreeSet<Addr>,
    pub partners: BTreeSet<Addr>,
    /// Allowances ever granted, as (token, owner, spender), for drawing who spends them.
    pub allowances: BTreeSet<(Addr, Addr, Addr)>,
    /// Each stake's staker, by stake id.
    pub stakes: BTreeMap<u64, Addr>,
    /// The highest ids as of the template: above them are the sequence's own.
    pub template_ids: BTreeMap<String, u64>,
    /// Per fee router, stream and asset (`FeesRouted`'s row key): what was paid to each payee
    /// and the fees taken, from the `fee_routed` events (the template's from the query).
    pub routed: BTreeMap<RouterRow, (Routed, Uint128)>,
}

/// A fee router's row: (contract, stream, asset as displayed).
pub type RouterRow = (Addr, String, String);

fn attr<'a>(e: &'a Event, key: &str) -> Option<&'a str> {
    e.attributes
        .iter()
        .find(|a| a.key == key)
        .map(|a| a.value.as_str())
}

fn amount(e: &Event, key: &str) -> Uint128 {
    attr(e, key)
        .and_then(|v| v.parse::<u128>().ok())
        .map_or(Uint128::zero(), Uint128::new)
}

impl Ledger {
    /// The ledger of the chain as it stands: every account of the token, the routers' burns,
    /// depin's paid, every proposal's power, the ids assigned so far.
    pub fn from_chain(app: &FuzzApp, d: &Deployment, actors: &Actors) -> anyhow::Result<Ledger> {
        let q = app.wrap();
        let mut ledger = Ledger {
            btt: btt_economy::living::checks::all_balances(app, d)?
                .into_iter()
                .collect(),
            ..Ledger::default()
        };
        // Stakers and partners of the warm-up: the institutions stake, one pharmacy partners.
        for a in &actors.institutions {
            ledger.stakers.insert(a.addr.clone());
        }
        for a in &actors.partner {
            ledger.partners.insert(a.addr.clone());
        }
        // The fuzzer's patients and strangers start with no points: the ledger models them.
        for a in actors.patients.iter().chain(&actors.strangers) {
            ledger.points.insert(a.addr.clone(), BTreeMap::new());
        }
        let supply = d.token.token_info(&q)?.total_supply;
        ledger.burned = btt_types::units::TOTAL_SUPPLY - supply;
        ledger.router_burns = routed_burns(app, d)?;
        for contract in routers(d) {
            for row in routed_rows(app, contract)? {
                let taken = row.routed.total()? + row.held;
                let key = (contract.clone(), row.stream, row.asset.to_string());
                ledger.routed.insert(key, (row.routed, taken));
            }
        }
        let depin: btt_types::depin::StateResponse =
            q.query_wasm_smart(&d.depin, &btt_types::depin::QueryMsg::State {})?;
        ledger.depin_paid_at_template = depin.paid;
        let escrow: serde_json::Value =
            q.query_wasm_smart(&d.escrow, &btt_types::compute::QueryMsg::Totals {})?;
        for key in ["jobs", "nodes"] {
            if let Some(n) = escrow[key].as_u64() {
                ledger
                    .ids
                    .insert(format!("{}_id", &key[..key.len() - 1]), n);
            }
        }
        let payfi: btt_types::payfi::TotalsResponse =
            q.query_wasm_smart(&d.payfi, &btt_types::payfi::QueryMsg::Totals {})?;
        ledger.ids.insert("invoice_id".into(), payfi.invoices);
        ledger.ids.insert("payment_id".into(), payfi.payments);
        let vaults: btt_types::fractionalizer::FractionalizerTotalsResponse =
            q.query_wasm_smart(&d.vaults, &btt_types::fractionalizer::QueryMsg::Totals {})?;
        ledger.ids.insert("vault_id".into(), vaults.vaults);
        let mut start_after = None;
        loop {
            let page: btt_types::dao::ProposalsResponse = q.query_wasm_smart(
                d.dao.addr(),
                &btt_types::dao::QueryMsg::Proposals {
                    start_after,
                    limit: Some(30),
                },
            )?;
            let Some(last) = page.proposals.last().map(|p| p.proposal.id) else {
                break;
            };
            for p in &page.proposals {
                ledger
                    .proposal_power
                    .insert(p.proposal.id, p.proposal.total_power);
                let top = ledger.ids.entry("proposal_id".into()).or_default();
                *top = (*top).max(p.proposal.id);
            }
            start_after = Some(last);
        }
        for a in &actors.institutions {
            let page: btt_types::staking::StakesResponse = q.query_wasm_smart(
                d.staking.addr(),
                &btt_types::staking::QueryMsg::Stakes {
                    address: a.addr.to_string(),
                    start_after: None,
                    limit: Some(30),
                },
            )?;
            for stake in page.stakes {
                ledger.stakes.insert(stake.id, a.addr.clone());
                let top = ledger.ids.entry("stake_id".into()).or_default();
                *top = (*top).max(stake.id);
            }
        }
        let mut listings = 0;
        for vault_id in 1..=vaults.vaults {
            let page: btt_types::fractionalizer::ListingsResponse = q.query_wasm_smart(
                &d.vaults,
                &btt_types::fractionalizer::QueryMsg::Listings {
                    vault_id,
                    start_after: None,
                    limit: Some(30),
                },
            )?;
            listings = page.listings.iter().map(|l| l.id).fold(listings, u64::max);
        }
        ledger.ids.insert("listing_id".into(), listings);
        let tokens: cw721::msg::TokensResponse = q.query_wasm_smart(
            &d.nft,
            &cw721::msg::Cw721QueryMsg::<
                cosmwasm_std::Empty,
                cosmwasm_std::Empty,
                cosmwasm_std::Empty,
            >::AllTokens {
                start_after: None,
                limit: Some(100),
            },
        )?;
        ledger.token_ids.extend(tokens.tokens);
        ledger.template_ids = ledger.ids.clone();
        Ok(ledger)
    }

    /// What a message that executed tells the ledger.
    pub fn record(&mut self, d: &Deployment, routers: &[&Addr], events: &[Event]) {
        self.touched.clear();
        let token = d.token.addr().as_str();
        let mut paid_out: BTreeMap<u64, (Uint128, Uint128)> = BTreeMap::new();
        let mut routed_in_tx = Uint128::zero();
        // Failed jobs ended in this message (job, clinic, escrow) and BTT the escrow sent.
        let mut failed: Vec<(u64, Addr, Uint128)> = vec![];
        let mut from_escrow: Vec<(Addr, Uint128)> = vec![];
        for e in events {
            if e.ty == "wasm-fee_routed" {
                // What the fee took from the amount routed (a job's protocol part); the parts
                // paid differ from it by what the payees' carries kept or released.
                routed_in_tx += amount(e, "fee");
                let key = (
                    Addr::unchecked(attr(e, "_contract_address").unwrap_or_default()),
                    attr(e, "stream").unwrap_or_default().to_string(),
                    attr(e, "asset").unwrap_or_default().to_string(),
                );
                let (paid, taken) = self.routed.entry(key).or_default();
                paid.development_fund += amount(e, "development_fund");
                paid.foundation += amount(e, "foundation");
                paid.reserve += amount(e, "reserve");
                paid.stakers += amount(e, "stakers");
                paid.burned += amount(e, "burned");
                *taken += amount(e, "fee");
                continue;
            }
            // Points delivered on settlement (one event per award, any number per message).
            if e.ty == "wasm-award" && attr(e, "_contract_address") == Some(d.points.as_str()) {
                self.points_event("award", e);
                continue;
            }
            if e.ty != "wasm" {
                continue;
            }
            let contract = attr(e, "_contract_address").unwrap_or_default();
            let action = attr(e, "action").unwrap_or_default();
            for a in &e.attributes {
                if a.key.ends_with("_id") {
                    if let Ok(n) = a.value.parse::<u64>() {
                        // Ids are assigned one after another; an attribute far above the
                        // highest (an oracle attesting a node id nobody registered) is an echo.
                        let top = self.ids.entry(a.key.clone()).or_default();
                        if n <= top.saturating_add(100) {
                            *top = (*top).max(n);
                        }
                    } else if a.key == "token_id" {
                        self.token_ids.insert(a.value.clone());
                    }
                }
            }
            if action == "increase_allowance" {
                if let (Some(owner), Some(spender)) = (attr(e, "owner"), attr(e, "spender")) {
                    self.allowances.insert((
                        Addr::unchecked(contract),
                        Addr::unchecked(owner),
                        Addr::unchecked(spender),
                    ));
                }
            }
            if contract == token {
                if attr(e, "from") == Some(d.escrow.as_str()) {
                    if let Some(to) = attr(e, "to") {
                        from_escrow.push((Addr::unchecked(to), amount(e, "amount")));
                    }
                }
                self.token_event(routers, action, e);
                continue;
            }
            if contract == d.points.as_str() {
                self.points_event(action, e);
                if let Some(p) = attr(e, "partner") {
                    self.partners.insert(Addr::unchecked(p));
                }
            }
            if contract == d.staking.addr().as_str() && action == "stake" {
                if let Some(s) = attr(e, "staker") {
                    self.stakers.insert(Addr::unchecked(s));
                    if let Some(id) = attr(e, "stake_id").and_then(|v| v.parse().ok()) {
                        self.stakes.insert(id, Addr::unchecked(s));
                    }
                }
            }
            if contract == d.escrow.as_str() && JOB_ENDS.contains(&action) {
                if let Some(job) = attr(e, "job_id").and_then(|v| v.parse().ok()) {
                    *self.job_ends.entry(job).or_default() += 1;
                    if let ("expire" | "resolve", Some(clinic)) = (action, attr(e, "clinic")) {
                        failed.push((job, Addr::unchecked(clinic), amount(e, "escrow")));
                    }
                    if action == "accept_result" || action == "finalize" {
                        let nodes: Uint128 = e
                            .attributes
                            .iter()
                            .filter(|a| a.key.starts_with("node_"))
                            .filter_map(|a| a.value.parse::<u128>().ok())
                            .map(Uint128::new)
                            .sum();
                        paid_out.insert(job, (amount(e, "price"), nodes));
                    }
                }
            }
            if contract == d.depin.as_str() && action == "claim" {
                self.mined += amount(e, "amount");
            }
        }
        // A failed job pays its clinic at most what it escrowed (a BTT job's refund, and its
        // own node's pay when the clinic runs the node; a native job no BTT at all): never a
        // slash.
        for (job, clinic, escrow) in failed {
            let got: Uint128 = from_escrow
                .iter()
                .filter(|(to, _)| *to == clinic)
                .map(|(_, v)| *v)
                .sum();
            if got > escrow {
                self.failed_job_overpaid.push((job, got, escrow));
            }
        }
        // A job paid in full pays its price exactly: the nodes' parts plus what was routed.
        for (job, (price, nodes)) in paid_out {
            if nodes + routed_in_tx != price {
                self.bad_splits.push((job, price, nodes + routed_in_tx));
            }
        }
    }

    fn token_event(&mut self, routers: &[&Addr], action: &str, e: &Event) {
        let value = amount(e, "amount");
        let from = attr(e, "from").map(Addr::unchecked);
        let to = attr(e, "to").map(Addr::unchecked);
        match action {
            "transfer" | "send" | "transfer_from" | "send_from" => {
                if let (Some(from), Some(to)) = (from, to) {
                    self.debit(&from, value);
                    self.credit(&to, value);
                }
            }
            "burn" | "burn_from" => {
                if let Some(from) = from {
                    self.debit(&from, value);
                    self.burned += value;
                    if routers.contains(&&from) {
                        self.router_burns += value;
                    }
                }
            }
            _ => {}
        }
    }

    fn debit(&mut self, who: &Addr, value: Uint128) {
        let b = self.btt.entry(who.clone()).or_default();
        // A debit below zero is a violation the balance check will show; keep the ledger's
        // arithmetic total.
        *b = b.saturating_sub(value);
        self.touched.insert(who.clone());
    }

    fn credit(&mut self, who: &Addr, value: Uint128) {
        *self.btt.entry(who.clone()).or_default() += value;
        self.touched.insert(who.clone());
    }

    fn points_event(&mut self, action: &str, e: &Event) {
        let Some(patient) = attr(e, "patient").map(Addr::unchecked) else {
            return;
        };
        let points: u64 = attr(e, "points").and_then(|v| v.parse().ok()).unwrap_or(0);
        match action {
            "award" => {
                let period: u64 = attr(e, "period").and_then(|v| v.parse().ok()).unwrap_or(0);
                if let Some(buckets) = self.points.get_mut(&patient) {
                    *buckets.entry(period).or_default() += points;
                }
            }
            "redeem" | "convert" => {
                if let Some(buckets) = self.points.get_mut(&patient) {
                    // Oldest first; expired buckets are dropped by the caller's clock first.
                    let mut left = points;
                    for (_, b) in buckets.iter_mut() {
                        let take = left.min(*b);
                        *b -= take;
                        left -= take;
                    }
                    buckets.retain(|_, b| *b > 0);
                }
            }
            _ => {}
        }
    }

    /// Drops the modelled points older than `oldest_live`.
    pub fn expire_points(&mut self, oldest_live: u64) {
        for buckets in self.points.values_mut() {
            buckets.retain(|p, _| *p >= oldest_live);
        }
    }

    /// The modelled points of `patient`.
    pub fn points_of(&self, patient: &Addr) -> Option<u64> {
        self.points.get(patient).map(|b| b.values().sum())
    }

    /// A uniformly drawn id of `kind` among those assigned, plus one that is not yet.
    pub fn top_id(&self, kind: &str) -> u64 {
        self.ids.get(kind).copied().unwrap_or(0)
    }
}

/// The five contracts that route fees.
pub fn routers(d: &Deployment) -> [&Addr; 5] {
    [&d.escrow, &d.nft, &d.vaults, &d.points, &d.payfi]
}

/// A fee router's `FeesRouted` rows.
pub fn routed_rows(app: &FuzzApp, contract: &Addr) -> anyhow::Result<Vec<RoutedTotal>> {
    Ok(app
        .wrap()
        .query_wasm_smart(contract, &btt_types::payfi::QueryMsg::FeesRouted {})?)
}

/// The whole units a fee router keeps for its payees' carries, by asset.
pub fn router_held(
    app: &FuzzApp,
    contract: &Addr,
) -> anyhow::Result<BTreeMap<btt_types::asset::Asset, Uint128>> {
    let mut held: BTreeMap<btt_types::asset::Asset, Uint128> = BTreeMap::new();
    for row in routed_rows(app, contract)? {
        *held.entry(row.asset).or_default() += row.held;
    }
    Ok(held)
}

/// Σ of the burns the fee routers report.
pub fn routed_burns(app: &FuzzApp, d: &Deployment) -> anyhow::Result<Uint128> {
    let mut burned = Uint128::zero();
    for contract in routers(d) {
        for row in routed_rows(app, contract)? {
            if row.asset == btt_types::asset::Asset::Cw20(d.token.addr().clone()) {
                burned += row.routed.burned;
            }
        }
    }
    Ok(burned)
}
