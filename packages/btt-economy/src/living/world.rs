//! The actors of the living economy and the one way they send a transaction: every message of
//! the run goes through [`World::send`], which counts it, and refused messages are counted by
//! the contract error they met.

use std::collections::BTreeMap;

use btt_deploy::chain::EconomyChain;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_types::allocation::Category;
use cosmwasm_std::{coins, Addr, Coin, CosmosMsg, Uint128, WasmMsg};
use cw_multi_test::AppResponse;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::assumptions::Assumptions;
use super::ledger::Ledger;
use super::RunParams;

/// The test USDC of the embedded chains.
pub const USDC: &str = "uusdc";

/// Patients a clinic group awards points to and invoices for its clinics' patients.
pub const GROUP_PATIENTS: u32 = 4;

/// A chain the economy's actors can bring outside money to: the USDC they bought elsewhere.
/// The embedded chains mint it; a real chain's accounts are funded at its genesis instead.
pub trait Faucet {
    /// Gives `who` native `coins` from outside the suite.
    fn fund(&mut self, who: &Addr, coins: &[Coin]) -> anyhow::Result<()>;
}

impl<S: cosmwasm_std::Storage> Faucet for btt_deploy::multitest::AppOn<S> {
    fn fund(&mut self, who: &Addr, coins: &[Coin]) -> anyhow::Result<()> {
        self.sudo(cw_multi_test::SudoMsg::Bank(
            cw_multi_test::BankSudo::Mint {
                to_address: who.to_string(),
                amount: coins.to_vec(),
            },
        ))?;
        Ok(())
    }
}

/// A clinic: subscribes to patient incentives on its tier, posts compute jobs, invoices its
/// patients; the large ones also tokenize assets. A clinic *group* stands for the network's
/// other clinics of its size: it subscribes their seats and posts their jobs and payments.
#[derive(Debug, Clone)]
pub struct Clinic {
    pub name: String,
    pub addr: Addr,
    /// Index into the assumptions' clinic sizes.
    pub size: usize,
    pub patients: Vec<Addr>,
    /// Its subscription is active until then (seconds; 0 before it subscribes).
    pub subscribed_until: u64,
    /// A group of the network's other clinics of its size (an aggregate actor).
    pub group: bool,
    /// Clinics it subscribes for: 1, or the group's clinics this month.
    pub seats: u32,
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeRole {
    /// A sampled node of the assumptions' node scale of this index.
    Sampled(usize),
    /// The rest of the network's GPUs of its class (an aggregate actor).
    Network,
    /// Runs a clinic too and sends its own node wash jobs.
    SelfDealer,
    /// Declares GPUs it does not have.
    Faker,
}

/// A compute node and its operator.
#[derive(Debug, Clone)]
pub struct Node {
    pub name: String,
    pub operator: Addr,
    pub role: NodeRole,
    /// Its hardware class.
    pub class: &'static str,
    /// The GPUs it declares (a network node's follow the network's size).
    pub gpus: u32,
    pub node_id: u64,
    pub region: &'static str,
    pub energy: btt_types::compute::EnergyRating,
}

/// The network's size this month, by the paper's volumes.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Network {
    /// Clinics by size.
    pub clinics: Vec<f64>,
    /// GPUs by class.
    pub gpus: BTreeMap<String, f64>,
}

/// An institution of the allocation table, with the lock tier it stakes with.
#[derive(Debug, Clone)]
pub struct Institution {
    pub category: Category,
    pub addr: Addr,
    pub tier: u32,
}

/// Outcomes of one kind of message: executed, or refused by error.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Outcomes {
    pub ok: u64,
    /// Refusals by the first line of the contract's error.
    pub refused: BTreeMap<String, u64>,
}

/// Everyone in the run, the run's random stream, and its counters.
pub struct World<'a> {
    pub deployment: &'a Deployment,
    pub config: &'a GenesisConfig,
    pub assumptions: Assumptions,
    pub params: RunParams,
    pub rng: ChaCha8Rng,
    /// Buys BTT from the institutions and sells it to those who need it, at the stated price.
    pub desk: Addr,
    pub clinics: Vec<Clinic>,
    pub nodes: Vec<Node>,
    pub institutions: Vec<Institution>,
    pub investors: Vec<Addr>,
    pub partner: Addr,
    pub insurer: Addr,
    /// The self-dealer's clinic address (its node is a [`NodeRole::SelfDealer`] node).
    pub self_dealer: Addr,
    /// The network's size this month.
    pub network: Network,
    /// Whether the insurer has registered yet.
    pub insurer_registered: bool,
    pub grantee: Addr,
    pub buyers: Vec<Addr>,
    /// The market's stakers: the holders outside the institutions, as one aggregate actor.
    pub market_stakers: Addr,
    /// Whether the partner has registered yet.
    pub partner_registered: bool,
    /// Transactions executed, and refused.
    pub txs: u64,
    pub refused: u64,
    /// Outcomes by message name.
    pub outcomes: BTreeMap<String, Outcomes>,
    pub ledger: Ledger,
}

/// The snake_case name of a message's variant (`{"post_job": ..}` → `post_job`).
fn message_name(msg: &CosmosMsg) -> String {
    let CosmosMsg::Wasm(WasmMsg::Execute { msg, .. }) = msg else {
        return "bank".into();
    };
    let value: serde_json::Value = serde_json::from_slice(msg.as_slice()).unwrap_or_default();
    let outer = value
        .as_object()
        .and_then(|o| o.keys().next().cloned())
        .unwrap_or_default();
    // cw20 send: name the hook inside it.
    if outer == "send" {
        let inner = value["send"]["msg"]
            .as_str()
            .and_then(|b| cosmwasm_std::Binary::from_base64(b).ok())
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|v| v.as_object().and_then(|o| o.keys().next().cloned()));
        if let Some(inner) = inner {
            return format!("send:{inner}");
        }
    }
    outer
}

impl<'a> World<'a> {
    /// The population of a run of `params` on `deployment`, with its outside money.
    pub fn new<C: EconomyChain + Faucet>(
        app: &mut C,
        deployment: &'a Deployment,
        config: &'a GenesisConfig,
        params: RunParams,
        assumptions: Assumptions,
    ) -> anyhow::Result<Self> {
        let world = Self::population(app, deployment, config, params, assumptions);
        world.fund(app)?;
        Ok(world)
    }

    /// The population of a run of `params` on `deployment`: every actor's name and address,
    /// nothing sent (the fuzzer's actors are the same people).
    pub fn population<C: EconomyChain>(
        app: &C,
        deployment: &'a Deployment,
        config: &'a GenesisConfig,
        params: RunParams,
        assumptions: Assumptions,
    ) -> Self {
        let scale = params.scale;
        // A clinic named `name` of `size` with `patients` patients; a group if `group`.
        let clinic = |name: String, size: usize, patients: u32, group: bool| Clinic {
            addr: app.addr_make(&name),
            patients: (0..patients)
                .map(|p| app.addr_make(&format!("{name}-patient-{p}")))
                .collect(),
            name,
            size,
            subscribed_until: 0,
            group,
            seats: 1,
        };
        let mut clinics = vec![];
        for (size, c) in assumptions.clinics.iter().enumerate() {
            for i in 0..c.per_scale * scale {
                clinics.push(clinic(
                    format!("clinic-{}-{i}", c.name),
                    size,
                    c.patients,
                    false,
                ));
            }
        }
        for (size, c) in assumptions.clinics.iter().enumerate() {
            let name = format!("clinic-group-{}", c.name);
            clinics.push(clinic(name, size, GROUP_PATIENTS, true));
        }
        use btt_types::compute::EnergyRating::*;
        let regions = [
            ("cn-west", A),
            ("eu-central", C),
            ("africa-east", B),
            ("us-east", D),
        ];
        // The names the launch grants of genesis were paid to (`mining::node_names`).
        let nodes: Vec<Node> = super::mining::node_names(config, &assumptions, scale)
            .into_iter()
            .enumerate()
            .map(|(k, n)| {
                // A network node stands for GPUs everywhere: neutral region and energy.
                let (region, energy) = if n.role == NodeRole::Network {
                    ("eu-central", C)
                } else {
                    regions[k % regions.len()]
                };
                Node {
                    operator: app.addr_make(&n.name),
                    name: n.name,
                    role: n.role,
                    class: n.class,
                    gpus: n.gpus,
                    node_id: 0,
                    region,
                    energy,
                }
            })
            .collect();
        let institutions = config
            .beneficiaries
            .iter()
            .filter_map(|(c, a)| {
                crate::walk::lock_tier_of(*c).map(|tier| Institution {
                    category: *c,
                    addr: Addr::unchecked(a),
                    tier,
                })
            })
            .collect();
        let investors = (0..assumptions.investors_per_scale * scale)
            .map(|i| app.addr_make(&format!("investor-{i}")))
            .collect();
        World {
            deployment,
            config,
            params,
            rng: ChaCha8Rng::seed_from_u64(params.seed),
            desk: app.addr_make("otc-desk"),
            clinics,
            nodes,
            institutions,
            investors,
            partner: app.addr_make("partner-pharmacy"),
            insurer: app.addr_make("insurer"),
            self_dealer: app.addr_make("self-dealer-clinic"),
            market_stakers: app.addr_make("market-stakers"),
            network: Network::default(),
            insurer_registered: false,
            grantee: app.addr_make("research-grantee"),
            buyers: vec![
                app.addr_make("buyer-hospital"),
                app.addr_make("buyer-imaging"),
            ],
            partner_registered: false,
            assumptions,
            txs: 0,
            refused: 0,
            outcomes: BTreeMap::new(),
            ledger: Ledger::default(),
        }
    }

    /// The outside money of the population.
    fn fund<C: EconomyChain + Faucet>(&self, app: &mut C) -> anyhow::Result<()> {
        let world = self;
        // Outside money: the desk's USDC to buy BTT with; patients', investors' and buyers'
        // USDC; clinics' USDC to buy the BTT they spend. Generous, so demand is never capped
        // by it (the desk's BTT inventory is the real limit).
        let usdc = |whole: u128| coins(whole * 1_000_000, USDC);
        app.fund(&world.desk, &usdc(1_000_000_000))?;
        for c in &world.clinics {
            // A group pays the network's other clinics' bills: a few million USDC a week.
            let cash = if c.group {
                100_000_000_000
            } else {
                100_000_000
            };
            app.fund(&c.addr, &usdc(cash))?;
            for p in &c.patients {
                let cash = if c.group { 100_000_000_000 } else { 10_000_000 };
                app.fund(p, &usdc(cash))?;
            }
        }
        for who in world.investors.iter().chain(&world.buyers) {
            app.fund(who, &usdc(1_000_000_000))?;
        }
        for n in &world.nodes {
            app.fund(&n.operator, &usdc(100_000_000))?;
        }
        app.fund(&world.self_dealer, &usdc(100_000_000))?;
        // The oracles buy their challenges' BTT (when genesis granted them none), the issuer
        // its mint fees.
        for who in world
            .config
            .compute
            .oracles
            .iter()
            .chain(world.config.rwa.issuers.iter().take(1))
        {
            app.fund(&Addr::unchecked(who), &usdc(100_000_000))?;
        }
        app.fund(&world.market_stakers, &usdc(100_000_000_000))?;
        app.fund(&world.insurer, &usdc(100_000_000_000))?;
        app.fund(&world.partner, &usdc(10_000_000))?;
        Ok(())
    }

    /// Sends `msg` signed by `sender`. A contract's refusal is a normal outcome: it is counted
    /// and returned as `None`.
    pub fn send<C: EconomyChain>(
        &mut self,
        app: &mut C,
        sender: &Addr,
        msg: CosmosMsg,
    ) -> Option<AppResponse> {
        let name = message_name(&msg);
        self.txs += 1;
        let entry = self.outcomes.entry(name).or_default();
        match app.execute(sender.clone(), msg) {
            Ok(res) => {
                entry.ok += 1;
                Some(res)
            }
            Err(e) => {
                self.refused += 1;
                let reason = e.root_cause().to_string();
                let reason = reason.lines().next().unwrap_or_default().to_string();
                *entry.refused.entry(reason).or_default() += 1;
                None
            }
        }
    }

    /// [`World::send`] of a typed message to `contract` with `funds`.
    pub fn exec<C: EconomyChain>(
        &mut self,
        app: &mut C,
        sender: &Addr,
        contract: &Addr,
        msg: &impl Serialize,
        funds: &[Coin],
    ) -> anyhow::Result<Option<AppResponse>> {
        let msg = WasmMsg::Execute {
            contract_addr: contract.to_string(),
            msg: cosmwasm_std::to_json_binary(msg)?,
            funds: funds.to_vec(),
        };
        Ok(self.send(app, sender, msg.into()))
    }

    /// [`World::send`] that must succeed: the run's own bookkeeping steps.
    pub fn must<C: EconomyChain>(
        &mut self,
        app: &mut C,
        sender: &Addr,
        msg: CosmosMsg,
        what: &str,
    ) -> anyhow::Result<AppResponse> {
        let name = message_name(&msg);
        self.txs += 1;
        let res = app
            .execute(sender.clone(), msg)
            .map_err(|e| e.context(what.to_string()))?;
        self.outcomes.entry(name).or_default().ok += 1;
        Ok(res)
    }

    /// Each clinic size's subscription tier per clinic, RMB a month (a tier's price buys 30
    /// days).
    pub fn tier_rmb_month(&self) -> Vec<f64> {
        self.config
            .points
            .tiers
            .iter()
            .map(|t| {
                t.price.amount.u128() as f64 / 1e6
                    * self.assumptions.rmb_per_usdc
                    * btt_types::units::MONTH_SECONDS as f64
                    / (30.0 * 86_400.0)
            })
            .collect()
    }

    /// Sizes the network for `month`: its clinics by the paper's incentive volume.
    pub fn size_network(&mut self, month: f64) {
        self.network.clinics = self
            .assumptions
            .network_clinics(month, &self.tier_rmb_month());
    }

    /// The BTT price in uusdc per ubtt.
    pub fn usdc_per_btt(&self) -> u128 {
        u128::from(self.assumptions.usdc_per_btt)
    }

    /// `who` buys `amount` ubtt from the desk for USDC at the stated price, as far as the
    /// desk's inventory and `who`'s USDC go; returns what it got. What the desk could not sell is recorded.
    pub fn buy_btt<C: EconomyChain>(
        &mut self,
        app: &mut C,
        who: &Addr,
        amount: Uint128,
    ) -> anyhow::Result<Uint128> {
        let token = &self.deployment.token;
        let inventory = token.balance(&app.wrap(), &self.desk)?;
        // As far as the buyer's USDC goes, too (an issuer, say, holds none).
        let cash = app.wrap().query_balance(who, USDC)?.amount;
        let affordable = cash
            .checked_div(Uint128::from(self.usdc_per_btt()))
            .unwrap_or_default();
        let sold = amount.min(inventory).min(affordable);
        if sold.is_zero() {
            return Ok(sold);
        }
        let price = sold.u128() * self.usdc_per_btt();
        let pay = cosmwasm_std::BankMsg::Send {
            to_address: self.desk.to_string(),
            amount: coins(price, USDC),
        };
        self.must(app, who, pay.into(), "paying the desk")?;
        let desk = self.desk.clone();
        let msg = token.transfer_msg(who, sold)?;
        self.must(app, &desk, msg, "the desk's BTT")?;
        self.ledger.desk_sold += sold;
        Ok(sold)
    }

    /// `who` sells `amount` ubtt to the desk for USDC at the stated price.
    pub fn sell_btt<C: EconomyChain>(
        &mut self,
        app: &mut C,
        who: &Addr,
        amount: Uint128,
    ) -> anyhow::Result<()> {
        if amount.is_zero() {
            return Ok(());
        }
        let msg = self.deployment.token.transfer_msg(&self.desk, amount)?;
        self.must(app, who, msg, "selling BTT to the desk")?;
        let pay = cosmwasm_std::BankMsg::Send {
            to_address: who.to_string(),
            amount: coins(amount.u128() * self.usdc_per_btt(), USDC),
        };
        let desk = self.desk.clone();
        self.must(app, &desk, pay.into(), "the desk pays")?;
        self.ledger.desk_bought += amount;
        Ok(())
    }

    /// `who` holds at least `amount` ubtt, buying the rest from the desk; false if the desk
    /// could not sell enough.
    pub fn ensure_btt<C: EconomyChain>(
        &mut self,
        app: &mut C,
        who: &Addr,
        amount: Uint128,
    ) -> anyhow::Result<bool> {
        let held = self.deployment.token.balance(&app.wrap(), who)?;
        if held >= amount {
            return Ok(true);
        }
        let got = self.buy_btt(app, who, amount - held)?;
        Ok(held + got >= amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_named_by_its_variant_and_a_cw20_send_by_its_hook() {
        let token = btt_types::token::TokenContract(Addr::unchecked("token"));
        let send = token
            .send_msg(
                Addr::unchecked("escrow"),
                Uint128::new(5),
                &btt_types::compute::ReceiveMsg::TopUpBond { node_id: 1 },
            )
            .unwrap();
        assert_eq!(message_name(&send), "send:top_up_bond");
        let transfer = token
            .transfer_msg(Addr::unchecked("desk"), Uint128::new(5))
            .unwrap();
        assert_eq!(message_name(&transfer), "transfer");
        let bank = cosmwasm_std::BankMsg::Send {
            to_address: "desk".into(),
            amount: coins(1, USDC),
        };
        assert_eq!(message_name(&bank.into()), "bank");
    }
}
