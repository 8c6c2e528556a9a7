//! compute-escrow and depin-rewards, and a job through its lifecycle.

use btt_types::depin::EPOCH_SECONDS;
use cosmwasm_std::{Addr, Uint128};
use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::{json, Value};

use super::{Draw, Gen, Role};
use crate::op::Op;

/// The answers challenges are drawn with: the fuzzer's nodes "compute" one of these.
const ANSWERS: [&str; 3] = ["benchmark-a", "benchmark-b", "benchmark-c"];

use btt_types::compute::commitment_of as commitment;

/// Challenges (issue 29), appended at the end of the alphabet: posts by oracles and bounty
/// posters, answers right and wrong, capacity reports from anyone but the escrow.
pub(super) const CHALLENGES: &[(&str, Draw)] = &[
    ("compute-escrow.receive:post_challenge", |g| {
        let spec = g.challenge_spec();
        let amount = g.job_price(&spec["job"]);
        let role = g.one(&[Role::Oracle, Role::Oracle, Role::Node, Role::Anyone]);
        g.send(
            role,
            "compute-escrow",
            amount,
            json!({"post_challenge": spec}),
        )
    }),
    ("compute-escrow.post_challenge", |g| {
        let spec = g.challenge_spec();
        let funds = g.usdc_funds(5_000_000);
        g.exec_with(
            Role::Oracle,
            "compute-escrow",
            json!({"post_challenge": {"spec": spec}}),
            funds,
        )
    }),
    ("compute-escrow.submit_result (a challenge's answer)", |g| {
        let job = g.id("job_id");
        let answer = g.one(&ANSWERS);
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"submit_result": {"job_id": job, "result_hash": answer, "result_uri": ""}}),
        )
    }),
    ("depin-rewards.report_capacity", |g| {
        let node = g.id("node_id");
        let capacity = g.one(&["0", "1", "160", "1000000"]);
        let event = g.one(&["confirmed", "declined", "failed", "changed"]);
        let operator = g.anyone().addr.to_string();
        g.exec(
            Role::Anyone,
            "depin-rewards",
            json!({"report_capacity": {"node_id": node, "operator": operator, "capacity": capacity, "event": event}}),
        )
    }),
    ("story.challenge", |g| g.challenge_story()),
    ("compute-escrow.recount_capacity", |g| {
        let node = g.id("node_id");
        g.exec(
            Role::Anyone,
            "compute-escrow",
            json!({"recount_capacity": {"node_id": node}}),
        )
    }),
];

/// The entries of compute-escrow.
pub(super) const ESCROW: &[(&str, Draw)] = &[
    ("compute-escrow.receive:register_node", |g| {
        let spec = g.node_spec();
        let amount = g.bond();
        g.send(
            Role::Node,
            "compute-escrow",
            amount,
            json!({"register_node": spec}),
        )
    }),
    ("compute-escrow.receive:top_up_bond", |g| {
        let (id, amount) = (g.id("node_id"), g.amount());
        g.send(
            Role::Node,
            "compute-escrow",
            amount,
            json!({"top_up_bond": {"node_id": id}}),
        )
    }),
    ("compute-escrow.receive:post_job", |g| {
        let spec = g.job_spec();
        let amount = g.job_price(&spec);
        g.send(
            Role::Clinic,
            "compute-escrow",
            amount,
            json!({"post_job": spec}),
        )
    }),
    ("compute-escrow.post_job", |g| {
        let spec = g.job_spec();
        let funds = g.usdc_funds(50_000_000);
        g.exec_with(
            Role::Clinic,
            "compute-escrow",
            json!({"post_job": {"spec": spec}}),
            funds,
        )
    }),
    ("compute-escrow.update_node", |g| {
        let id = g.id("node_id");
        let gpus = g.rng.gen_range(0..80u32);
        g.exec(Role::Node, "compute-escrow", json!({"update_node": {"node_id": id, "gpu_count": gpus, "region": null, "energy_rating": null, "endpoint": null}}))
    }),
    ("compute-escrow.pause_node", |g| {
        let (id, p) = (g.id("node_id"), g.rng.gen_bool(0.5));
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"pause_node": {"node_id": id, "paused": p}}),
        )
    }),
    ("compute-escrow.retire_node", |g| {
        let id = g.id("node_id");
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"retire_node": {"node_id": id}}),
        )
    }),
    ("compute-escrow.withdraw_bond", |g| {
        let id = g.id("node_id");
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"withdraw_bond": {"node_id": id}}),
        )
    }),
    ("compute-escrow.assign_job", |g| {
        let job = g.id("job_id");
        let n = g.rng.gen_range(0..3);
        let assignments: Vec<Value> = (0..n)
            .map(|_| json!({"node_id": g.id("node_id"), "units": g.units()}))
            .collect();
        g.exec(
            Role::Clinic,
            "compute-escrow",
            json!({"assign_job": {"job_id": job, "assignments": assignments}}),
        )
    }),
    ("compute-escrow.accept_assignment", |g| {
        let (job, node) = (g.id("job_id"), g.id("node_id"));
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"accept_assignment": {"job_id": job, "node_id": node}}),
        )
    }),
    ("compute-escrow.decline_assignment", |g| {
        let (job, node) = (g.id("job_id"), g.id("node_id"));
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"decline_assignment": {"job_id": job, "node_id": node}}),
        )
    }),
    ("compute-escrow.cancel_job", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Clinic,
            "compute-escrow",
            json!({"cancel_job": {"job_id": job}}),
        )
    }),
    ("compute-escrow.submit_result", |g| {
        let job = g.id("job_id");
        g.exec(Role::Node, "compute-escrow", json!({"submit_result": {"job_id": job, "result_hash": "ab".repeat(32), "result_uri": "ipfs://result"}}))
    }),
    ("compute-escrow.accept_result", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Clinic,
            "compute-escrow",
            json!({"accept_result": {"job_id": job}}),
        )
    }),
    ("compute-escrow.finalize", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Anyone,
            "compute-escrow",
            json!({"finalize": {"job_id": job}}),
        )
    }),
    ("compute-escrow.dispute", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Clinic,
            "compute-escrow",
            json!({"dispute": {"job_id": job, "reason": "the segmentation is wrong"}}),
        )
    }),
    ("compute-escrow.resolve", |g| {
        let job = g.id("job_id");
        let resolution = match g.rng.gen_range(0..4) {
            0 => json!("pay"),
            1 => json!("refund"),
            2 => json!({"split": {"clinic_share": g.rng.gen_range(0..=10_000u32)}}),
            _ => json!({"split": {"clinic_share": 10_001}}),
        };
        let at_fault: Vec<u64> = (0..g.rng.gen_range(0..2))
            .map(|_| g.id("node_id"))
            .collect();
        g.exec(
            Role::Arbiter,
            "compute-escrow",
            json!({"resolve": {"job_id": job, "resolution": resolution, "at_fault": at_fault}}),
        )
    }),
    ("compute-escrow.expire", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Anyone,
            "compute-escrow",
            json!({"expire": {"job_id": job}}),
        )
    }),
    ("compute-escrow.update_config", |g| {
        g.exec(Role::Anyone, "compute-escrow", json!({"update_config": {}}))
    }),
    ("compute-escrow.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "compute-escrow",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("compute-escrow.circuit", |g| g.circuit("compute-escrow")),
    ("compute-escrow.update_ownership", |g| {
        g.ownership("compute-escrow")
    }),
];

/// The entries of depin-rewards.
pub(super) const DEPIN: &[(&str, Draw)] = &[
    ("depin-rewards.receive:fund", |g| {
        let amount = g.amount();
        g.send(Role::Anyone, "depin-rewards", amount, json!({"fund": {}}))
    }),
    ("depin-rewards.record_units", |g| {
        let (node, op, units, fees) = (
            g.id("node_id"),
            g.anyone().addr.to_string(),
            g.units(),
            g.amount(),
        );
        g.exec(Role::Anyone, "depin-rewards", json!({"record_units": {"node_id": node, "operator": op, "units": units, "fees": fees}}))
    }),
    ("depin-rewards.attest", |g| {
        let (epoch, node) = (g.epoch(), g.id("node_id"));
        let uptime = g.one(&["0.99", "1", "0.5", "1.5", "0"]);
        let qos = g.rng.gen_range(0..5u8);
        g.exec(Role::Oracle, "depin-rewards", json!({"attest": {"epoch": epoch, "node_id": node, "attestation": {"uptime": uptime, "qos_tier": qos, "region": "cn-west", "energy": "a"}}}))
    }),
    ("depin-rewards.refresh_score", |g| {
        let (epoch, node) = (g.epoch(), g.id("node_id"));
        g.exec(
            Role::Anyone,
            "depin-rewards",
            json!({"refresh_score": {"epoch": epoch, "node_id": node}}),
        )
    }),
    ("depin-rewards.close_epochs", |g| {
        let limit = g.limit();
        g.exec(
            Role::Anyone,
            "depin-rewards",
            json!({"close_epochs": {"limit": limit}}),
        )
    }),
    ("depin-rewards.claim", |g| {
        let (node, limit) = (g.id("node_id"), g.limit());
        g.exec(
            Role::Node,
            "depin-rewards",
            json!({"claim": {"node_id": node, "limit": limit}}),
        )
    }),
    ("depin-rewards.update_config", |g| {
        g.exec(Role::Anyone, "depin-rewards", json!({"update_config": {}}))
    }),
    ("depin-rewards.update_ownership", |g| {
        g.ownership("depin-rewards")
    }),
];

impl Gen<'_> {
    /// An active node of the escrow: (id, operator, hardware class).
    pub(super) fn active_node(&mut self) -> Option<(u64, Addr, String)> {
        let top = self.ledger.top_id("node_id");
        let q = self.suite.app.wrap();
        let mut active = vec![];
        for node_id in 1..=top.min(64) {
            if let Ok(n) = q.query_wasm_smart::<btt_types::compute::Node>(
                &self.suite.deployment.escrow,
                &json!({"node": {"node_id": node_id}}),
            ) {
                if n.status == btt_types::compute::NodeStatus::Active {
                    active.push((n.id, n.operator, n.spec.hardware_class));
                }
            }
        }
        active.choose(self.rng).cloned()
    }

    /// `clinic` posts `spec` paying its quoted price in BTT: the next job id and the operation.
    fn post_job_op(&mut self, clinic: &Addr, spec: Value) -> (u64, Op) {
        let price = self.job_price(&spec);
        let job_id = self.ledger.top_id("job_id") + 1;
        let op = Op::Send {
            name: "compute-escrow.receive:post_job (story)".into(),
            sender: clinic.clone(),
            token: self.suite.deployment.token.addr().clone(),
            contract: self.suite.deployment.escrow.clone(),
            amount: price,
            hook: json!({"post_job": spec}),
        };
        (job_id, op)
    }

    /// Two active nodes of one hardware class, when there are.
    fn two_nodes(&mut self) -> Option<[(u64, Addr); 2]> {
        let (first, op, class) = self.active_node()?;
        let top = self.ledger.top_id("node_id");
        let q = self.suite.app.wrap();
        (1..=top.min(64))
            .filter(|id| *id != first)
            .find_map(|node_id| {
                let n = q
                    .query_wasm_smart::<btt_types::compute::Node>(
                        &self.suite.deployment.escrow,
                        &json!({"node": {"node_id": node_id}}),
                    )
                    .ok()?;
                (n.status == btt_types::compute::NodeStatus::Active
                    && n.spec.hardware_class == class)
                    .then(|| [(first, op.clone()), (n.id, n.operator)])
            })
    }

    /// A job split over two nodes that fails: one node accepts and the other lets the offer
    /// lapse (anyone lapses it, the clinic cancels), or both accept and miss the deadline, or
    /// the result is disputed and refunded with both at fault. The ledger checks the clinic
    /// gets back no more than it escrowed.
    pub(super) fn failed_two_node_story(&mut self) -> Op {
        let Some([(a, op_a), (b, op_b)]) = self.two_nodes() else {
            return self.job_story();
        };
        let clinic = self.pick(Role::Clinic).addr;
        let node: btt_types::compute::Node = match self.suite.app.wrap().query_wasm_smart(
            &self.suite.deployment.escrow,
            &json!({"node": {"node_id": a}}),
        ) {
            Ok(n) => n,
            Err(_) => return Op::Wait { seconds: 1 },
        };
        let spec = json!({
            "compute_units": 20,
            "hardware_class": node.spec.hardware_class,
            "urgency": "standard",
            "data_gb": self.one(&[1u64, 20]),
            "run_seconds": 86_400,
            "review_seconds": 86_400,
        });
        let (job_id, post) = self.post_job_op(&clinic, spec);
        let mut ops = vec![post];
        let parts = json!([{"node_id": a, "units": 10}, {"node_id": b, "units": 10}]);
        ops.push(self.exec_as(
            &clinic,
            "compute-escrow",
            json!({"assign_job": {"job_id": job_id, "assignments": parts}}),
            vec![],
        ));
        let accept = |g: &mut Self, op: &Addr, node: u64| {
            g.exec_as(
                op,
                "compute-escrow",
                json!({"accept_assignment": {"job_id": job_id, "node_id": node}}),
                vec![],
            )
        };
        ops.push(accept(self, &op_a, a));
        let anyone = self.anyone().addr;
        let story = match self.rng.gen_range(0..3) {
            0 => {
                ops.push(Op::Wait {
                    seconds: 86_400 + 1,
                });
                ops.push(self.exec_as(
                    &anyone,
                    "compute-escrow",
                    json!({"lapse_offer": {"job_id": job_id}}),
                    vec![],
                ));
                ops.push(self.exec_as(
                    &clinic,
                    "compute-escrow",
                    json!({"cancel_job": {"job_id": job_id}}),
                    vec![],
                ));
                "a two-node offer that lapsed"
            }
            1 => {
                ops.push(accept(self, &op_b, b));
                ops.push(Op::Wait {
                    seconds: 2 * 86_400,
                });
                ops.push(self.exec_as(
                    &anyone,
                    "compute-escrow",
                    json!({"expire": {"job_id": job_id}}),
                    vec![],
                ));
                "a two-node job that missed its deadline"
            }
            _ => {
                ops.push(accept(self, &op_b, b));
                ops.push(self.exec_as(&op_a, "compute-escrow", json!({"submit_result": {"job_id": job_id, "result_hash": "ab".repeat(32), "result_uri": "ipfs://result"}}), vec![]));
                ops.push(self.exec_as(
                    &clinic,
                    "compute-escrow",
                    json!({"dispute": {"job_id": job_id, "reason": "wrong"}}),
                    vec![],
                ));
                let arbiter = self.suite.actors.arbiter[0].addr.clone();
                ops.push(self.exec_as(&arbiter, "compute-escrow", json!({"resolve": {"job_id": job_id, "resolution": "refund", "at_fault": [a, b]}}), vec![]));
                "a two-node job refunded with both nodes at fault"
            }
        };
        Op::Chain {
            story: story.into(),
            ops,
        }
    }

    /// A clinic posts a job for an active node's class at the quoted price and assigns it;
    /// the node accepts, runs and submits; then the clinic accepts, or disputes and the
    /// arbiter resolves, or time runs out and anyone finalizes or expires it.
    pub(super) fn job_story(&mut self) -> Op {
        let Some((node_id, operator, class)) = self.active_node() else {
            return Op::Wait { seconds: 1 };
        };
        let clinic = self.pick(Role::Clinic).addr;
        let units = self.one(&[1u64, 10, 100]);
        let spec = json!({
            "compute_units": units,
            "hardware_class": class,
            "urgency": self.one(&["standard", "priority", "urgent"]),
            "data_gb": self.one(&[1u64, 20]),
            "run_seconds": self.one(&[86_400u64, 7 * 86_400]),
            "review_seconds": 86_400,
        });
        let (job_id, post) = self.post_job_op(&clinic, spec);
        let mut ops = vec![post];
        ops.push(self.exec_as(&clinic, "compute-escrow", json!({"assign_job": {"job_id": job_id, "assignments": [{"node_id": node_id, "units": units}]}}), vec![]));
        if self.rng.gen_bool(0.15) {
            ops.push(self.exec_as(
                &operator,
                "compute-escrow",
                json!({"decline_assignment": {"job_id": job_id, "node_id": node_id}}),
                vec![],
            ));
            ops.push(self.exec_as(
                &clinic,
                "compute-escrow",
                json!({"cancel_job": {"job_id": job_id}}),
                vec![],
            ));
            return Op::Chain {
                story: "a declined job".into(),
                ops,
            };
        }
        ops.push(self.exec_as(
            &operator,
            "compute-escrow",
            json!({"accept_assignment": {"job_id": job_id, "node_id": node_id}}),
            vec![],
        ));
        if self.rng.gen_bool(0.15) {
            ops.push(Op::Wait {
                seconds: 8 * 86_400,
            });
            let anyone = self.anyone().addr;
            ops.push(self.exec_as(
                &anyone,
                "compute-escrow",
                json!({"expire": {"job_id": job_id}}),
                vec![],
            ));
            return Op::Chain {
                story: "a missed deadline".into(),
                ops,
            };
        }
        ops.push(Op::Wait { seconds: 3_600 });
        ops.push(self.exec_as(&operator, "compute-escrow", json!({"submit_result": {"job_id": job_id, "result_hash": "ab".repeat(32), "result_uri": "ipfs://result"}}), vec![]));
        let arbiter = self.suite.actors.arbiter[0].addr.clone();
        let story = match self.rng.gen_range(0..4) {
            0 => {
                ops.push(self.exec_as(
                    &clinic,
                    "compute-escrow",
                    json!({"dispute": {"job_id": job_id, "reason": "wrong segmentation"}}),
                    vec![],
                ));
                let resolution = match self.rng.gen_range(0..3) {
                    0 => json!("pay"),
                    1 => json!("refund"),
                    _ => json!({"split": {"clinic_share": self.rng.gen_range(0..=10_000u32)}}),
                };
                let at_fault: Vec<u64> = if self.rng.gen_bool(0.5) {
                    vec![node_id]
                } else {
                    vec![]
                };
                ops.push(self.exec_as(&arbiter, "compute-escrow", json!({"resolve": {"job_id": job_id, "resolution": resolution, "at_fault": at_fault}}), vec![]));
                "a disputed job"
            }
            1 => {
                ops.push(Op::Wait {
                    seconds: 2 * 86_400,
                });
                let anyone = self.anyone().addr;
                ops.push(self.exec_as(
                    &anyone,
                    "compute-escrow",
                    json!({"finalize": {"job_id": job_id}}),
                    vec![],
                ));
                "a job finalized after its review window"
            }
            _ => {
                ops.push(self.exec_as(
                    &clinic,
                    "compute-escrow",
                    json!({"accept_result": {"job_id": job_id}}),
                    vec![],
                ));
                "an accepted job"
            }
        };
        // The node claims its mining when the epoch has closed.
        if self.rng.gen_bool(0.5) {
            ops.push(Op::Wait {
                seconds: EPOCH_SECONDS,
            });
            let anyone = self.anyone().addr;
            ops.push(self.exec_as(
                &anyone,
                "depin-rewards",
                json!({"close_epochs": {"limit": null}}),
                vec![],
            ));
            ops.push(self.exec_as(
                &operator,
                "depin-rewards",
                json!({"claim": {"node_id": node_id, "limit": null}}),
                vec![],
            ));
        }
        Op::Chain {
            story: story.into(),
            ops,
        }
    }

    /// What the escrow quotes for `spec` (seven times in ten), or any amount.
    pub(super) fn job_price(&mut self, spec: &Value) -> Uint128 {
        let quote = self
            .suite
            .app
            .wrap()
            .query_wasm_smart::<btt_types::compute::QuoteResponse>(
                &self.suite.deployment.escrow,
                &json!({"quote": {"spec": spec, "clinic": null, "denom": null}}),
            );
        match quote {
            Ok(q) if self.rng.gen_bool(0.7) => q.price,
            _ => self.amount(),
        }
    }

    /// An operator registers a node with the minimum bond and retires it (at once, or after a
    /// pause), waits out the bond's unbonding delay and withdraws the bond.
    /// A challenge to a node the sequence knows, for a capacity drawn around what it declares,
    /// committed to one of [`ANSWERS`] (or malformed).
    pub(super) fn challenge_spec(&mut self) -> Value {
        let answer = self.one(&ANSWERS);
        json!({
            "node_id": self.id("node_id"),
            "job": {
                "compute_units": self.one(&[0u64, 10, 100]),
                "hardware_class": self.hardware_class(),
                "urgency": "standard",
                "data_gb": 0,
                "run_seconds": self.one(&[3_600u64, 7_200, 86_400]),
                "review_seconds": 3_600,
            },
            "capacity": self.one(&["0", "1", "4", "10", "1000"]),
            "commitment": if self.rng.gen_bool(0.9) { commitment(answer) } else { "AB".repeat(32) },
        })
    }

    /// An oracle challenges a node it registers for its capacity; the node accepts and answers
    /// right or wrong, declines, or misses the deadline (and anyone expires it).
    pub(super) fn challenge_story(&mut self) -> Op {
        let suite = self.suite;
        let c = &suite.config.compute;
        let (Some(operator), Some(oracle)) = (
            suite.actors.nodes.choose(self.rng).map(|a| a.addr.clone()),
            suite
                .actors
                .oracles
                .choose(self.rng)
                .map(|a| a.addr.clone()),
        ) else {
            return Op::Wait { seconds: 1 };
        };
        let Some(class) = c.hardware_classes.first().map(|h| h.name.clone()) else {
            return Op::Wait { seconds: 1 };
        };
        let node_id = self.ledger.top_id("node_id") + 1;
        let job_id = self.ledger.top_id("job_id") + 1;
        let gpus = self.one(&[1u32, 4, 8]);
        let bond = c
            .bond_per_capacity_unit
            .checked_mul(Uint128::from(gpus))
            .unwrap_or_default()
            .max(c.min_bond);
        let mut ops = vec![Op::Send {
            name: "compute-escrow.receive:register_node (story)".into(),
            sender: operator.clone(),
            token: suite.deployment.token.addr().clone(),
            contract: suite.deployment.escrow.clone(),
            amount: bond,
            hook: json!({"register_node": {
                "hardware_class": class,
                "gpu_count": gpus,
                "region": "cn-west",
                "energy_rating": "b",
                "endpoint": "https://node.example",
            }}),
        }];
        let job = json!({
            "compute_units": 100,
            "hardware_class": class,
            "urgency": "standard",
            "data_gb": 0,
            "run_seconds": 7_200,
            "review_seconds": 3_600,
        });
        let price = self.job_price(&job);
        let answer = self.one(&ANSWERS);
        ops.push(Op::Send {
            name: "compute-escrow.receive:post_challenge (story)".into(),
            sender: oracle,
            token: suite.deployment.token.addr().clone(),
            contract: suite.deployment.escrow.clone(),
            amount: price,
            hook: json!({"post_challenge": {
                "node_id": node_id,
                "job": job,
                "capacity": gpus.to_string(),
                "commitment": commitment(answer),
            }}),
        });
        let ending = self.rng.gen_range(0..4);
        if ending == 3 {
            ops.push(self.exec_as(
                &operator,
                "compute-escrow",
                json!({"decline_assignment": {"job_id": job_id, "node_id": node_id}}),
                vec![],
            ));
        } else {
            ops.push(self.exec_as(
                &operator,
                "compute-escrow",
                json!({"accept_assignment": {"job_id": job_id, "node_id": node_id}}),
                vec![],
            ));
            if ending == 2 {
                ops.push(Op::Wait { seconds: 7_201 });
                ops.push(self.exec_as(
                    &operator,
                    "compute-escrow",
                    json!({"expire": {"job_id": job_id}}),
                    vec![],
                ));
            } else {
                let given = if ending == 0 {
                    answer
                } else {
                    "a wrong answer"
                };
                ops.push(self.exec_as(
                    &operator,
                    "compute-escrow",
                    json!({"submit_result": {"job_id": job_id, "result_hash": given, "result_uri": ""}}),
                    vec![],
                ));
            }
        }
        Op::Chain {
            story: "an oracle challenged a new node: passed, failed, expired or declined".into(),
            ops,
        }
    }

    pub(super) fn node_story(&mut self) -> Op {
        let suite = self.suite;
        let c = &suite.config.compute;
        let (Some(operator), Some(class)) = (
            suite.actors.nodes.choose(self.rng).map(|a| a.addr.clone()),
            c.hardware_classes.choose(self.rng).map(|h| h.name.clone()),
        ) else {
            return Op::Wait { seconds: 1 };
        };
        let node_id = self.ledger.top_id("node_id") + 1;
        let spec = json!({
            "hardware_class": class,
            "gpu_count": self.one(&[1u32, 4, 8]),
            "region": "cn-west",
            "energy_rating": self.one(&["a", "b", "c"]),
            "endpoint": "https://node.example",
        });
        let mut ops = vec![Op::Send {
            name: "compute-escrow.receive:register_node (story)".into(),
            sender: operator.clone(),
            token: suite.deployment.token.addr().clone(),
            contract: suite.deployment.escrow.clone(),
            amount: c.min_bond,
            hook: json!({"register_node": spec}),
        }];
        if self.rng.gen_bool(0.3) {
            ops.push(self.exec_as(
                &operator,
                "compute-escrow",
                json!({"pause_node": {"node_id": node_id, "paused": true}}),
                vec![],
            ));
        }
        ops.push(self.exec_as(
            &operator,
            "compute-escrow",
            json!({"retire_node": {"node_id": node_id}}),
            vec![],
        ));
        // Withdrawing a moment early must be refused; after the delay it pays.
        if self.rng.gen_bool(0.3) {
            ops.push(self.exec_as(
                &operator,
                "compute-escrow",
                json!({"withdraw_bond": {"node_id": node_id}}),
                vec![],
            ));
        }
        ops.push(Op::Wait {
            seconds: c.bond_unbonding_seconds + 1,
        });
        ops.push(self.exec_as(
            &operator,
            "compute-escrow",
            json!({"withdraw_bond": {"node_id": node_id}}),
            vec![],
        ));
        Op::Chain {
            story: "a node registered, retired and its bond withdrawn".into(),
            ops,
        }
    }

    pub(super) fn bond(&mut self) -> Uint128 {
        let bond = self.suite.config.compute.min_bond;
        match self.rng.gen_range(0..4) {
            0 => bond - Uint128::one(),
            1 => self.amount(),
            _ => bond,
        }
    }

    pub(super) fn hardware_class(&mut self) -> String {
        let classes: Vec<String> = self
            .suite
            .config
            .compute
            .hardware_classes
            .iter()
            .map(|c| c.name.clone())
            .collect();
        if self.rng.gen_bool(0.1) {
            return "quantum".into();
        }
        classes.choose(self.rng).cloned().unwrap_or_default()
    }

    pub(super) fn node_spec(&mut self) -> Value {
        json!({
            "hardware_class": self.hardware_class(),
            "gpu_count": self.one(&[0u32, 1, 4, 24, 64, u32::MAX]),
            "region": self.one(&["cn-west", "eu-central", ""]),
            "energy_rating": self.one(&["a", "b", "c", "d", "e"]),
            "endpoint": "https://node.example",
        })
    }

    pub(super) fn job_spec(&mut self) -> Value {
        json!({
            "compute_units": self.one(&[0u64, 1, 10, 100, 1_000, u64::MAX]),
            "hardware_class": self.hardware_class(),
            "urgency": self.one(&["standard", "priority", "urgent"]),
            "data_gb": self.one(&[0u64, 1, 20, 10_000]),
            "run_seconds": self.one(&[0u64, 3_600, 86_400, 7 * 86_400, 30 * 86_400, 30 * 86_400 + 1]),
            "review_seconds": self.one(&[0u64, 3_600, 86_400]),
        })
    }
}
