//! incentive-points and payfi, and an invoice paid and settled.

use btt_economy::living::world::USDC;
use cosmwasm_std::{coin, Uint128};
use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::{json, Value};

use super::{Draw, Gen, Role};
use crate::op::Op;
use crate::suite::WRONG_DENOM;

/// The entries of incentive-points.
pub(super) const POINTS: &[(&str, Draw)] = &[
    ("incentive-points.receive:subscribe", |g| {
        let (tier, referrer, seats) = (g.rng.gen_range(0..4u32), g.maybe_actor(), g.seats());
        let amount = g.subscription_price(tier, seats, "btt");
        g.send(
            Role::Clinic,
            "incentive-points",
            amount,
            json!({"subscribe": {"tier": tier, "referrer": referrer, "seats": seats}}),
        )
    }),
    ("incentive-points.subscribe", |g| {
        let (tier, referrer, seats) = (g.rng.gen_range(0..4u32), g.maybe_actor(), g.seats());
        let price = g.subscription_price(tier, seats, USDC);
        let funds = g.usdc_funds(price.u128().min(u128::MAX / 2));
        g.exec_with(
            Role::Clinic,
            "incentive-points",
            json!({"subscribe": {"tier": tier, "referrer": referrer, "seats": seats}}),
            funds,
        )
    }),
    ("incentive-points.register_insurer", |g| {
        let name = g.one(&["Ping An Health", "", "an insurer"]);
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"register_insurer": {"name": name}}),
        )
    }),
    ("incentive-points.pay_savings_share", |g| {
        let savings = g.amount();
        let funds = g.usdc_funds(savings.u128() / 5 + 1);
        g.exec_with(
            Role::Anyone,
            "incentive-points",
            json!({"pay_savings_share": {"savings": savings, "memo": null}}),
            funds,
        )
    }),
    ("incentive-points.receive:pay_savings_share", |g| {
        let savings = g.amount();
        let amount = Uint128::new(savings.u128() / 5 + 1);
        g.send(
            Role::Anyone,
            "incentive-points",
            amount,
            json!({"pay_savings_share": {"savings": savings, "memo": null}}),
        )
    }),
    ("incentive-points.award", |g| {
        let (patient, category, points) = (g.patient(), g.category(), g.points());
        g.exec(
            Role::Clinic,
            "incentive-points",
            json!({"award": {"patient": patient, "category": category, "points": points}}),
        )
    }),
    ("incentive-points.award_for", |g| {
        let (provider, patient, category, points) = (
            g.pick(Role::Clinic).addr.to_string(),
            g.patient(),
            g.category(),
            g.points(),
        );
        g.exec(Role::Anyone, "incentive-points", json!({"award_for": {"provider": provider, "patient": patient, "category": category, "points": points}}))
    }),
    ("incentive-points.redeem", |g| {
        let (partner, points) = (g.pick(Role::Partner).addr.to_string(), g.points());
        g.exec(
            Role::Patient,
            "incentive-points",
            json!({"redeem": {"partner": partner, "points": points}}),
        )
    }),
    ("incentive-points.convert", |g| {
        let points = g.points();
        let provider = if g.rng.gen_bool(0.8) {
            Some(g.pick(Role::Clinic).addr.to_string())
        } else {
            None
        };
        g.exec(
            Role::Patient,
            "incentive-points",
            json!({"convert": {"points": points, "provider": provider}}),
        )
    }),
    ("incentive-points.grant", |g| {
        let (to, amount) = (g.anyone().addr.to_string(), g.amount());
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"grant": {"recipient": to, "amount": amount, "memo": "fuzz"}}),
        )
    }),
    ("incentive-points.approve_partner", |g| {
        let p = g.anyone().addr.to_string();
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"approve_partner": {"partner": p, "name": "pharmacy"}}),
        )
    }),
    ("incentive-points.remove_partner", |g| {
        let p = g.pick(Role::Partner).addr.to_string();
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"remove_partner": {"partner": p}}),
        )
    }),
    ("incentive-points.receive:register_partner", |g| {
        let amount = if g.rng.gen_bool(0.7) {
            g.suite.config.points.partner_fee
        } else {
            g.amount()
        };
        g.send(
            Role::Partner,
            "incentive-points",
            amount,
            json!({"register_partner": {"name": "a pharmacy"}}),
        )
    }),
    ("incentive-points.receive:fund_partner", |g| {
        let amount = g.amount();
        g.send(
            Role::Partner,
            "incentive-points",
            amount,
            json!({"fund_partner": {}}),
        )
    }),
    ("incentive-points.receive:fund_pool", |g| {
        let amount = g.amount();
        g.send(
            Role::Anyone,
            "incentive-points",
            amount,
            json!({"fund_pool": {}}),
        )
    }),
    ("incentive-points.update_config", |g| {
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"update_config": {}}),
        )
    }),
    ("incentive-points.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("incentive-points.circuit", |g| {
        g.circuit("incentive-points")
    }),
    ("incentive-points.update_ownership", |g| {
        g.ownership("incentive-points")
    }),
];

/// The entries of incentive-points added with reservations (appended after the first
/// alphabets, so older seeds draw what they drew), and the story of a pause during
/// settlement.
pub(super) const POINTS_RESERVATIONS: &[(&str, Draw)] = &[
    ("incentive-points.reserve_points", |g| {
        let (id, provider, patient, category, points) = (
            g.id("invoice_id"),
            g.pick(Role::Clinic).addr.to_string(),
            g.patient(),
            g.category(),
            g.points(),
        );
        g.exec(Role::Anyone, "incentive-points", json!({"reserve_points": {"invoice_id": id, "provider": provider, "patient": patient, "category": category, "points": points}}))
    }),
    ("incentive-points.release_points", |g| {
        let id = g.id("invoice_id");
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"release_points": {"invoice_id": id}}),
        )
    }),
    ("incentive-points.settle_points", |g| {
        let id = g.id("invoice_id");
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"settle_points": {"invoice_id": id}}),
        )
    }),
    ("incentive-points.deliver_pending", |g| {
        let limit = g.limit();
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"deliver_pending": {"limit": limit}}),
        )
    }),
    ("story.points paused during settlement", |g| {
        g.paused_settlement_story()
    }),
];

/// The entries of payfi.
pub(super) const PAYFI: &[(&str, Draw)] = &[
    ("payfi.issue_invoice", |g| {
        let payer = g.maybe_patient();
        let denom = if g.rng.gen_bool(0.5) {
            json!("btt")
        } else {
            json!({"native": g.one(&[USDC, WRONG_DENOM])})
        };
        let amount = g.amount();
        let due = g
            .now()
            .plus_seconds(g.rng.gen_range(0..30 * 86_400))
            .seconds()
            .to_string()
            + "000000000";
        let points = if g.rng.gen_bool(0.4) {
            json!({"category": g.category(), "points": g.points()})
        } else {
            Value::Null
        };
        let analytics = g.rng.gen_bool(0.5);
        g.exec(Role::Clinic, "payfi", json!({"issue_invoice": {"payer": payer, "denom": denom, "amount": amount, "due": due, "memo_hash": "cd".repeat(32), "points": points, "analytics": analytics}}))
    }),
    ("payfi.cancel_invoice", |g| {
        let id = g.id("invoice_id");
        g.exec(
            Role::Clinic,
            "payfi",
            json!({"cancel_invoice": {"invoice_id": id}}),
        )
    }),
    ("payfi.pay", |g| {
        let id = g.id("invoice_id");
        let amount = g.invoice_due(id);
        let funds = g.usdc_funds(amount.u128().min(1_000_000_000_000));
        g.exec_with(
            Role::Patient,
            "payfi",
            json!({"pay": {"invoice_id": id, "amount": amount}}),
            funds,
        )
    }),
    ("payfi.receive:pay", |g| {
        let id = g.id("invoice_id");
        let amount = g.invoice_due(id);
        g.send(
            Role::Patient,
            "payfi",
            amount,
            json!({"pay": {"invoice_id": id, "amount": amount}}),
        )
    }),
    ("payfi.refund", |g| {
        let (id, amount) = (g.id("payment_id"), g.maybe_amount());
        g.exec(
            Role::Clinic,
            "payfi",
            json!({"refund": {"payment_id": id, "amount": amount}}),
        )
    }),
    ("payfi.settle", |g| {
        let limit = g.limit();
        g.exec(Role::Anyone, "payfi", json!({"settle": {"limit": limit}}))
    }),
    ("payfi.set_rate", |g| {
        let rate = g.one(&["5", "4.9", "0", "1000000", "0.000001"]);
        let pay = g.one(&[USDC, WRONG_DENOM]);
        g.exec(
            Role::Feeder,
            "payfi",
            json!({"set_rate": {"pay": pay, "invoice": "btt", "rate": rate}}),
        )
    }),
    ("payfi.update_config", |g| {
        g.exec(Role::Anyone, "payfi", json!({"update_config": {}}))
    }),
    ("payfi.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "payfi",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("payfi.circuit", |g| g.circuit("payfi")),
    ("payfi.update_ownership", |g| g.ownership("payfi")),
];

impl Gen<'_> {
    /// A clinic invoices a patient; the patient pays in full (BTT or USDC); the clinic may
    /// refund part; after the settlement window anyone settles.
    pub(super) fn payment_story(&mut self) -> Op {
        let clinic = self.pick(Role::Clinic).addr;
        let patient = self.pick(Role::Patient).addr;
        let in_btt = self.rng.gen_bool(0.5);
        let amount = Uint128::new(self.rng.gen_range(1..2_000u128) * 1_000_000);
        let invoice_id = self.ledger.top_id("invoice_id") + 1;
        let payment_id = self.ledger.top_id("payment_id") + 1;
        let due = (self.now().plus_seconds(30 * 86_400).nanos()).to_string();
        let denom = if in_btt {
            json!("btt")
        } else {
            json!({"native": USDC})
        };
        let points = if self.rng.gen_bool(0.5) {
            json!({"category": self.category(), "points": 10})
        } else {
            Value::Null
        };
        let mut ops = vec![self.exec_as(&clinic, "payfi", json!({"issue_invoice": {"payer": patient.to_string(), "denom": denom, "amount": amount, "due": due, "memo_hash": "cd".repeat(32), "points": points, "analytics": true}}), vec![])];
        if in_btt {
            ops.push(Op::Send {
                name: "payfi.receive:pay (story)".into(),
                sender: patient.clone(),
                token: self.suite.deployment.token.addr().clone(),
                contract: self.suite.deployment.payfi.clone(),
                amount,
                hook: json!({"pay": {"invoice_id": invoice_id, "amount": amount}}),
            });
        } else {
            ops.push(self.exec_as(
                &patient,
                "payfi",
                json!({"pay": {"invoice_id": invoice_id, "amount": amount}}),
                vec![coin(amount.u128(), USDC)],
            ));
        }
        if self.rng.gen_bool(0.3) {
            let part = amount.multiply_ratio(self.rng.gen_range(1..=10u128), 10u128);
            ops.push(self.exec_as(
                &clinic,
                "payfi",
                json!({"refund": {"payment_id": payment_id, "amount": part}}),
                vec![],
            ));
        }
        ops.push(Op::Wait {
            seconds: self.one(&[3_600u64, 86_400, 7 * 86_400]),
        });
        let anyone = self.anyone().addr;
        ops.push(self.exec_as(&anyone, "payfi", json!({"settle": {"limit": null}}), vec![]));
        Op::Chain {
            story: "an invoice paid and settled".into(),
            ops,
        }
    }

    /// A patient pays an invoice that carries points; the guardian pauses incentive-points
    /// before it settles; it settles (the points wait pending); the pause is lifted and anyone
    /// delivers them.
    pub(super) fn paused_settlement_story(&mut self) -> Op {
        let a = &self.suite.actors;
        let (Some(clinic), Some(patient), Some(guardian)) = (
            a.clinics.choose(self.rng).map(|a| a.addr.clone()),
            a.patients.choose(self.rng).map(|a| a.addr.clone()),
            a.guardian.first().map(|a| a.addr.clone()),
        ) else {
            return Op::Wait { seconds: 1 };
        };
        let amount = Uint128::new(self.rng.gen_range(1..1_000u128) * 1_000_000);
        let invoice_id = self.ledger.top_id("invoice_id") + 1;
        let due = (self.now().plus_seconds(30 * 86_400).nanos()).to_string();
        let points = json!({"category": self.category(), "points": self.one(&[10u64, 100, 500])});
        let anyone = self.anyone().addr;
        let ops = vec![
            self.exec_as(&clinic, "payfi", json!({"issue_invoice": {"payer": patient.to_string(), "denom": "btt", "amount": amount, "due": due, "memo_hash": "cd".repeat(32), "points": points, "analytics": false}}), vec![]),
            Op::Send {
                name: "payfi.receive:pay (story)".into(),
                sender: patient.clone(),
                token: self.suite.deployment.token.addr().clone(),
                contract: self.suite.deployment.payfi.clone(),
                amount,
                hook: json!({"pay": {"invoice_id": invoice_id, "amount": amount}}),
            },
            self.exec_as(&guardian, "incentive-points", json!({"circuit": {"pause": {"reason": "fuzz: a pause during settlement"}}}), vec![]),
            Op::Wait { seconds: 3_600 },
            self.exec_as(&anyone, "payfi", json!({"settle": {"limit": null}}), vec![]),
            self.exec_as(&guardian, "incentive-points", json!({"circuit": {"unpause": {}}}), vec![]),
            self.exec_as(&anyone, "incentive-points", json!({"deliver_pending": {"limit": null}}), vec![]),
        ];
        Op::Chain {
            story: "a pause of incentive-points during settlement".into(),
            ops,
        }
    }

    /// A clinic awards a patient points for care; the patient spends part of them, converting
    /// to BTT or redeeming at the partner, and after an epoch perhaps converts the rest.
    pub(super) fn points_story(&mut self) -> Op {
        let suite = self.suite;
        let a = &suite.actors;
        let (Some(clinic), Some(patient), Some(partner), Some(category)) = (
            a.clinics.choose(self.rng).map(|a| a.addr.clone()),
            a.patients.choose(self.rng).map(|a| a.addr.clone()),
            a.partner.first().map(|a| a.addr.clone()),
            suite
                .config
                .points
                .categories
                .choose(self.rng)
                .map(|c| c.name.clone()),
        ) else {
            return Op::Wait { seconds: 1 };
        };
        let points = self.one(&[10u64, 50, 200, 1_000]);
        let spent = (points * self.rng.gen_range(1..=10u64) / 10).max(1);
        let mut ops = vec![self.exec_as(
            &clinic,
            "incentive-points",
            json!({"award": {"patient": patient.to_string(), "category": category, "points": points}}),
            vec![],
        )];
        ops.push(if self.rng.gen_bool(0.5) {
            self.exec_as(
                &patient,
                "incentive-points",
                json!({"convert": {"points": spent, "provider": clinic.to_string()}}),
                vec![],
            )
        } else {
            self.exec_as(
                &patient,
                "incentive-points",
                json!({"redeem": {"partner": partner.to_string(), "points": spent}}),
                vec![],
            )
        });
        if spent < points && self.rng.gen_bool(0.5) {
            ops.push(Op::Wait {
                seconds: btt_types::depin::EPOCH_SECONDS,
            });
            ops.push(self.exec_as(
                &patient,
                "incentive-points",
                json!({"convert": {"points": points - spent, "provider": clinic.to_string()}}),
                vec![],
            ));
        }
        Op::Chain {
            story: "points awarded and spent".into(),
            ops,
        }
    }

    /// What is left to pay on invoice `id` (seven times in ten), or any amount.
    pub(super) fn invoice_due(&mut self, id: u64) -> Uint128 {
        let invoice = self.suite.app.wrap().query_wasm_smart::<Value>(
            &self.suite.deployment.payfi,
            &json!({"invoice": {"invoice_id": id}}),
        );
        let due = invoice.ok().and_then(|v| {
            let i = v.get("invoice").unwrap_or(&v);
            let amount: u128 = i.get("amount")?.as_str()?.parse().ok()?;
            let paid: u128 = i.get("paid")?.as_str()?.parse().ok()?;
            Some(Uint128::new(amount.saturating_sub(paid)))
        });
        match due {
            Some(d) if self.rng.gen_bool(0.7) => d,
            _ => self.amount(),
        }
    }

    /// Seats of a subscription: mostly none (one), sometimes a group, zero or too many.
    pub(super) fn seats(&mut self) -> Option<u32> {
        match self.rng.gen_range(0..10) {
            0 => Some(0),
            1 => Some(10_001),
            2 | 3 => Some(self.rng.gen_range(1..5)),
            _ => None,
        }
    }

    /// What `seats` seats of `tier` cost in `denom` now (incentive-points' quote, at payfi's
    /// rate), two times in three; any amount otherwise or without a quote.
    pub(super) fn subscription_price(
        &mut self,
        tier: u32,
        seats: Option<u32>,
        denom: &str,
    ) -> Uint128 {
        let quote = self.suite.app.wrap().query_wasm_smart::<Value>(
            &self.suite.deployment.points,
            &json!({"subscription_quote": {"tier": tier, "seats": seats, "denom": denom}}),
        );
        let quoted = quote
            .ok()
            .and_then(|q| q.get("amount")?.as_str()?.parse::<u128>().ok());
        match (self.rng.gen_range(0..3), quoted) {
            (0, _) | (_, None) => self.amount(),
            (_, Some(q)) => Uint128::new(q),
        }
    }

    pub(super) fn category(&mut self) -> String {
        let cats: Vec<String> = self
            .suite
            .config
            .points
            .categories
            .iter()
            .map(|c| c.name.clone())
            .collect();
        if self.rng.gen_bool(0.1) {
            return "no-such-category".into();
        }
        cats.choose(self.rng).cloned().unwrap_or_default()
    }

    pub(super) fn patient(&mut self) -> String {
        self.pick(Role::Patient).addr.to_string()
    }

    pub(super) fn maybe_patient(&mut self) -> Option<String> {
        self.rng.gen_bool(0.7).then(|| self.patient())
    }
}
