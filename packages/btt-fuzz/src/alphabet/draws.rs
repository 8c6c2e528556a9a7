//! What every generator draws from: senders by role (and the rightful holder of what a message
//! names), amounts, funds, ids, limits, and the message itself.

use btt_economy::living::world::USDC;
use btt_types::depin::EPOCH_SECONDS;
use cosmwasm_std::{coin, Addr, Coin, Uint128};
use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::{json, Value};

use super::{Gen, Role};
use crate::op::Op;
use crate::suite::{Actor, WRONG_DENOM};

impl Gen<'_> {
    /// `op` signed by `who` with probability `p`, when there is one.
    pub(super) fn signed_by(&mut self, op: Op, who: Option<Addr>, p: f64) -> Op {
        match (op, who) {
            (
                Op::Exec {
                    name,
                    contract,
                    msg,
                    funds,
                    ..
                },
                Some(who),
            ) if self.rng.gen_bool(p) => Op::Exec {
                name,
                sender: who,
                contract,
                msg,
                funds,
            },
            (op, _) => op,
        }
    }

    pub(super) fn exec_as(
        &mut self,
        sender: &Addr,
        contract: &str,
        msg: Value,
        funds: Vec<Coin>,
    ) -> Op {
        let message = msg
            .as_object()
            .and_then(|o| o.keys().next().cloned())
            .unwrap_or_default();
        Op::Exec {
            name: format!("{contract}.{message}"),
            sender: sender.clone(),
            contract: self.contract_addr(contract),
            msg,
            funds,
        }
    }

    /// One of `xs`, uniformly.
    pub(super) fn one<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.rng.gen_range(0..xs.len())]
    }

    pub(super) fn group(&self, role: Role) -> &[Actor] {
        let a = &self.suite.actors;
        match role {
            Role::Clinic => &a.clinics,
            Role::Node => &a.nodes,
            Role::Institution => &a.institutions,
            Role::Investor => &a.investors,
            Role::Patient => &a.patients,
            Role::Issuer => &a.issuer,
            Role::Appraiser => &a.appraiser,
            Role::Oracle => &a.oracles,
            Role::Arbiter => &a.arbiter,
            Role::Guardian => &a.guardian,
            Role::Feeder => &a.feeder,
            Role::Partner => &a.partner,
            Role::Anyone => &a.strangers,
        }
    }

    /// Anyone at all, strangers included.
    pub(super) fn anyone(&mut self) -> Actor {
        let all = self.suite.actors.all();
        all.choose(self.rng)
            .map(|a| (*a).clone())
            .unwrap_or_else(|| self.group(Role::Anyone)[0].clone())
    }

    /// Mostly someone of `role`; one time in five anyone.
    pub(super) fn pick(&mut self, role: Role) -> Actor {
        if self.rng.gen_bool(0.2) {
            return self.anyone();
        }
        let group = self.group(role).to_vec();
        group
            .choose(self.rng)
            .cloned()
            .unwrap_or_else(|| self.anyone())
    }

    pub(super) fn contract_addr(&self, name: &str) -> Addr {
        let d = &self.suite.deployment;
        d.contracts()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| (*a).clone())
            .unwrap_or_else(|| d.token.addr().clone())
    }

    pub(super) fn contract(&mut self) -> Addr {
        let all = self.suite.deployment.contracts();
        all.choose(self.rng)
            .map(|(_, a)| (*a).clone())
            .unwrap_or_else(|| self.suite.deployment.token.addr().clone())
    }

    pub(super) fn now(&self) -> cosmwasm_std::Timestamp {
        self.suite.app.block_info().time
    }

    /// An amount of ubtt (or of anything): zero, one, ordinary, large and absurd.
    pub(super) fn amount(&mut self) -> Uint128 {
        let n: u128 = match self.rng.gen_range(0..20) {
            0 => 0,
            1 => 1,
            2 => u128::MAX / 3,
            3 => 10u128.pow(30),
            4..=8 => self.rng.gen_range(1..1_000_000),
            9..=16 => self.rng.gen_range(1..1_000) * 1_000_000,
            _ => self.rng.gen_range(1..20_000) * 1_000_000,
        };
        Uint128::new(n)
    }

    pub(super) fn maybe_amount(&mut self) -> Option<Uint128> {
        self.rng.gen_bool(0.6).then(|| self.amount())
    }

    pub(super) fn share_amount(&mut self) -> Uint128 {
        Uint128::new(match self.rng.gen_range(0..6) {
            0 => 0,
            1 => 1,
            2 => 1_000_000_000,
            _ => self.rng.gen_range(1..200_000),
        })
    }

    /// USDC funds for a message that takes them, `usual` being a right amount: mostly that,
    /// sometimes none, one uusdc, the wrong denom, or two coins.
    pub(super) fn usdc_funds(&mut self, usual: u128) -> Vec<Coin> {
        let usual = usual.max(1);
        match self.rng.gen_range(0..10) {
            0 => vec![],
            1 => vec![coin(1, USDC)],
            2 => vec![coin(usual, WRONG_DENOM)],
            3 => vec![coin(usual, USDC), coin(1, WRONG_DENOM)],
            _ => vec![coin(usual, USDC)],
        }
    }

    /// Funds where none belong, one message in twenty.
    pub(super) fn stray_funds(&mut self) -> Vec<Coin> {
        match self.rng.gen_range(0..40) {
            0 => vec![coin(1, USDC)],
            1 => vec![coin(1_000, WRONG_DENOM)],
            _ => vec![],
        }
    }

    /// An id of `kind`: mostly one assigned, sometimes the next, zero or the largest.
    pub(super) fn id(&mut self, kind: &str) -> u64 {
        let top = self.ledger.top_id(kind);
        let old = self.ledger.template_ids.get(kind).copied().unwrap_or(0);
        // Half the time one the sequence itself created, when it created any.
        if top > old && self.rng.gen_bool(0.5) {
            return self.rng.gen_range(old + 1..=top);
        }
        match self.rng.gen_range(0..20) {
            0 => 0,
            1 => u64::MAX,
            2 | 3 => top.saturating_add(1),
            _ if top == 0 => 1,
            _ => {
                // The recent ones more often: they are the live ones.
                let low = if self.rng.gen_bool(0.6) {
                    top.saturating_sub(4).max(1)
                } else {
                    1
                };
                self.rng.gen_range(low..=top)
            }
        }
    }

    pub(super) fn limit(&mut self) -> Option<u32> {
        self.one(&[None, Some(0), Some(1), Some(5), Some(u32::MAX)])
    }

    pub(super) fn units(&mut self) -> u64 {
        self.one(&[0, 1, 10, 100, 1_000, u64::MAX])
    }

    pub(super) fn points(&mut self) -> u64 {
        self.one(&[0, 1, 10, 50, 200, 5_000, u64::MAX])
    }

    pub(super) fn epoch(&mut self) -> u32 {
        let start = self.suite.config.start;
        let now = (self.now().seconds() - start.seconds()) / EPOCH_SECONDS;
        let e = now as i64 + self.rng.gen_range(-3..=1);
        e.max(0) as u32
    }

    pub(super) fn maybe_actor(&mut self) -> Option<String> {
        self.rng
            .gen_bool(0.4)
            .then(|| self.anyone().addr.to_string())
    }

    pub(super) fn exec(&mut self, role: Role, contract: &str, msg: Value) -> Op {
        let funds = self.stray_funds();
        self.exec_with(role, contract, msg, funds)
    }

    /// Who rightly holds the thing `msg` names, where the alphabet can tell: a job's clinic, a
    /// node's operator, an invoice's provider, an NFT's owner.
    pub(super) fn holder(&self, contract: &str, msg: &Value) -> Option<Addr> {
        let fields = msg.as_object()?.values().next()?;
        let q = self.suite.app.wrap();
        let d = &self.suite.deployment;
        let find = |v: &Value, key: &str| -> Option<Addr> {
            let inner = v
                .as_object()?
                .values()
                .next()
                .filter(|i| i.is_object())
                .unwrap_or(v);
            v.get(key)
                .or_else(|| inner.get(key))?
                .as_str()
                .map(Addr::unchecked)
        };
        if contract == "compute-escrow" {
            if let Some(node_id) = fields.get("node_id").and_then(Value::as_u64) {
                if self.rng_bit(node_id) {
                    let v: Value = q
                        .query_wasm_smart(&d.escrow, &json!({"node": {"node_id": node_id}}))
                        .ok()?;
                    return find(&v, "operator");
                }
            }
            let job_id = fields.get("job_id")?.as_u64()?;
            let v: Value = q
                .query_wasm_smart(&d.escrow, &json!({"job": {"job_id": job_id}}))
                .ok()?;
            return find(&v, "clinic");
        }
        if contract == "payfi" {
            let invoice_id = match fields.get("payment_id").and_then(Value::as_u64) {
                Some(payment_id) => {
                    let p: Value = q
                        .query_wasm_smart(&d.payfi, &json!({"payment": {"payment_id": payment_id}}))
                        .ok()?;
                    p.get("invoice_id")
                        .or_else(|| p.get("payment").and_then(|x| x.get("invoice_id")))?
                        .as_u64()?
                }
                None => fields.get("invoice_id")?.as_u64()?,
            };
            let v: Value = q
                .query_wasm_smart(&d.payfi, &json!({"invoice": {"invoice_id": invoice_id}}))
                .ok()?;
            return find(&v, "provider");
        }
        if contract == "rwa-nft" {
            let token_id = fields.get("token_id")?.as_str()?;
            let v: Value = q
                .query_wasm_smart(
                    &d.nft,
                    &json!({"owner_of": {"token_id": token_id, "include_expired": null}}),
                )
                .ok()?;
            return find(&v, "owner");
        }
        if contract == "depin-rewards" {
            let node_id = fields.get("node_id")?.as_u64()?;
            let v: Value = q
                .query_wasm_smart(&d.escrow, &json!({"node": {"node_id": node_id}}))
                .ok()?;
            return find(&v, "operator");
        }
        None
    }

    /// Whether a message naming both a node and a job is signed as the node (odd ids) or the
    /// job's clinic: deterministic, so the draw does not depend on the chain's answers.
    pub(super) fn rng_bit(&self, node_id: u64) -> bool {
        node_id % 2 == 1
    }

    pub(super) fn exec_with(
        &mut self,
        role: Role,
        contract: &str,
        msg: Value,
        funds: Vec<Coin>,
    ) -> Op {
        let mut sender = self.pick(role).addr;
        // Seven times in ten the rightful holder signs, so lifecycles get past their first step.
        // Nobody signs for a contract: a holder that is one stays with the drawn sender.
        if !matches!(
            role,
            Role::Anyone | Role::Arbiter | Role::Oracle | Role::Guardian | Role::Feeder
        ) && self.rng.gen_bool(0.7)
        {
            if let Some(holder) = self.holder(contract, &msg) {
                if self
                    .suite
                    .app
                    .wrap()
                    .query_wasm_contract_info(&holder)
                    .is_err()
                {
                    sender = holder;
                }
            }
        }
        let message = msg
            .as_object()
            .and_then(|o| o.keys().next().cloned())
            .unwrap_or_default();
        Op::Exec {
            name: format!("{contract}.{message}"),
            sender,
            contract: self.contract_addr(contract),
            msg,
            funds,
        }
    }

    /// BTT one time in ten the attacker's fake BTT.
    pub(super) fn btt_or_fake(&mut self) -> (Addr, &'static str) {
        if self.rng.gen_bool(0.1) {
            (self.suite.fake_btt.clone(), "fake-btt")
        } else {
            (self.suite.deployment.token.addr().clone(), "btt")
        }
    }

    pub(super) fn send(&mut self, role: Role, contract: &str, amount: Uint128, hook: Value) -> Op {
        let (token, via) = self.btt_or_fake();
        let mut sender = self.pick(role).addr;
        if via == "fake-btt" {
            sender = self.suite.actors.strangers[2].addr.clone();
        }
        let message = hook
            .as_object()
            .and_then(|o| o.keys().next().cloned())
            .unwrap_or_default();
        let suffix = if via == "fake-btt" { " (fake BTT)" } else { "" };
        Op::Send {
            name: format!("{contract}.receive:{message}{suffix}"),
            sender,
            token,
            contract: self.contract_addr(contract),
            amount,
            hook,
        }
    }

    pub(super) fn circuit(&mut self, contract: &str) -> Op {
        let msg = match self.rng.gen_range(0..3) {
            0 => json!({"circuit": {"pause": {"reason": "fuzz"}}}),
            1 => json!({"circuit": {"unpause": {}}}),
            _ => {
                json!({"circuit": {"set_guardian": {"guardian": self.anyone().addr.to_string(), "sunset": "4000000000000000000"}}})
            }
        };
        // The guardian may pause; keep it rare, or every sequence would be a paused one.
        let role = if self.rng.gen_bool(0.3) {
            Role::Guardian
        } else {
            Role::Anyone
        };
        self.exec(role, contract, msg)
    }

    pub(super) fn ownership(&mut self, contract: &str) -> Op {
        let msg = match self.rng.gen_range(0..3) {
            0 => {
                json!({"update_ownership": {"transfer_ownership": {"new_owner": self.anyone().addr.to_string(), "expiry": null}}})
            }
            1 => json!({"update_ownership": "accept_ownership"}),
            _ => json!({"update_ownership": "renounce_ownership"}),
        };
        self.exec(Role::Anyone, contract, msg)
    }
}
