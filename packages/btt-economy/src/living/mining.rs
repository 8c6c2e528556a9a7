//! Mining in the living economy: the launch nodes bond their capacity from genesis (launch
//! grants out of the Ecosystem Development Fund), an oracle challenges every node every epoch
//! (a real escrowed job with a committed answer, which honest nodes pass), the oracles of the
//! quorum attest every node, anyone closes the ended epochs and every node claims what is
//! unlocked.

use anyhow::Context;
use btt_deploy::chain::{wasm_attr, EconomyChain};
use btt_deploy::genesis::{GenesisConfig, LaunchGrant};
use btt_types::compute::{ChallengeSpec, ComputeEscrowContract, ExecuteMsg, JobSpec, Urgency};
use btt_types::depin::{self, Attestation, PendingResponse};
use btt_types::units::btt;
use cosmwasm_std::{Addr, Decimal, Uint128};
use rand::Rng;

use super::assumptions::Assumptions;
use super::world::{NodeRole, World};

/// Each oracle's challenge budget at genesis.
pub const ORACLE_BUDGET: Uint128 = btt(2_000);
/// Compute units of a challenge: a one-GPU-hour benchmark.
const CHALLENGE_UNITS: u64 = 1;

/// The capacity units `gpus` GPUs of `class` declare: GPUs × the class's weight.
pub fn declared_capacity(config: &GenesisConfig, class: &str, gpus: u32) -> Decimal {
    let weight = config
        .compute
        .hardware_classes
        .iter()
        .find(|c| c.name == class)
        .map_or(Decimal::one(), |c| c.capacity_weight);
    Decimal::from_ratio(gpus, 1u128) * weight
}

/// The bond a node of `gpus` GPUs of `class` keeps: its declared capacity × the bond per unit,
/// at least the minimum.
pub fn bond_target(config: &GenesisConfig, class: &str, gpus: u32) -> Uint128 {
    let per_unit = Decimal::from_ratio(config.compute.bond_per_capacity_unit, 1u128);
    (declared_capacity(config, class, gpus) * per_unit)
        .to_uint_ceil()
        .max(config.compute.min_bond)
}

/// The genesis price of one compute unit (a GPU-hour) of `class` with the average urgency, USD.
pub fn usd_per_unit(config: &GenesisConfig, a: &Assumptions, class: &str) -> f64 {
    let ubtt = config
        .compute
        .hardware_classes
        .iter()
        .find(|c| c.name == class)
        .map_or(0, |c| c.unit_price.u128());
    ubtt as f64 / 1e6 * a.usdc_per_btt as f64 * a.average_urgency()
}

/// A node of the run, before it registers.
#[derive(Debug, Clone)]
pub struct NodePlan {
    pub name: String,
    pub role: NodeRole,
    pub class: &'static str,
    /// GPUs it declares at genesis.
    pub gpus: u32,
}

/// GPUs the self-dealer's and the faker's nodes declare.
const SELF_DEALER_GPUS: u32 = 4;
const FAKER_GPUS: u32 = 64;

/// GPUs of `class` the network node declares at `month`: the network's GPUs of the class less
/// the sampled nodes' (at least one).
pub fn network_node_gpus(
    config: &GenesisConfig,
    a: &Assumptions,
    scale: u32,
    class: &str,
    month: f64,
) -> u32 {
    let network = a.network_gpus(class, month, usd_per_unit(config, a, class));
    let sampled: u32 = a
        .nodes
        .iter()
        .filter(|n| n.class == class)
        .map(|n| n.gpus * n.per_scale * scale)
        .sum::<u32>()
        + if class == "gpu-standard" {
            SELF_DEALER_GPUS
        } else {
            0
        };
    (network - f64::from(sampled)).round().max(1.0) as u32
}

/// The run's nodes at `scale`, as the world names them: the sampled nodes of each scale, the
/// network node of each class, the self-dealer's and the faker's.
pub fn node_names(config: &GenesisConfig, a: &Assumptions, scale: u32) -> Vec<NodePlan> {
    let mut plans: Vec<NodePlan> = a
        .nodes
        .iter()
        .enumerate()
        .flat_map(|(index, s)| {
            (0..s.per_scale * scale).map(move |i| NodePlan {
                name: format!("node-{}-{i}", s.name),
                role: NodeRole::Sampled(index),
                class: s.class,
                gpus: s.gpus,
            })
        })
        .collect();
    for c in &a.cloud {
        plans.push(NodePlan {
            name: format!("node-network-{}", c.class.trim_start_matches("gpu-")),
            role: NodeRole::Network,
            class: c.class,
            gpus: network_node_gpus(config, a, scale, c.class, 0.0),
        });
    }
    plans.push(NodePlan {
        name: "node-self-dealer".into(),
        role: NodeRole::SelfDealer,
        class: "gpu-standard",
        gpus: SELF_DEALER_GPUS,
    });
    plans.push(NodePlan {
        name: "node-fake-capacity".into(),
        role: NodeRole::Faker,
        class: "gpu-high",
        gpus: FAKER_GPUS,
    });
    plans
}

/// The launch grants of the run: every launch node's capacity bond and every oracle's challenge
/// budget, paid at genesis out of the Ecosystem Development Fund, so mining starts in epoch 0.
/// The self-dealer and the faker buy their own bonds.
pub fn launch_grants(
    config: &GenesisConfig,
    assumptions: &Assumptions,
    scale: u32,
    addr: &dyn Fn(&str) -> String,
) -> Vec<LaunchGrant> {
    let nodes = node_names(config, assumptions, scale)
        .into_iter()
        .filter(|n| matches!(n.role, NodeRole::Sampled(_) | NodeRole::Network))
        .map(|n| LaunchGrant {
            recipient: addr(&n.name),
            amount: bond_target(config, n.class, n.gpus),
            purpose: format!("capacity bond of {}", n.name),
        });
    let oracles = config.compute.oracles.iter().map(|o| LaunchGrant {
        recipient: o.clone(),
        amount: ORACLE_BUDGET,
        purpose: "challenge budget of an oracle".into(),
    });
    nodes.chain(oracles).collect()
}

/// At a month's start each network node declares the network's GPUs of its class for the
/// month and tops its bond up to cover them, buying BTT from the desk.
pub fn grow_network<C: EconomyChain>(app: &mut C, w: &mut World, month: f64) -> anyhow::Result<()> {
    let escrow = w.deployment.escrow.clone();
    for i in 0..w.nodes.len() {
        let n = w.nodes[i].clone();
        if n.role != NodeRole::Network || n.node_id == 0 {
            continue;
        }
        let gpus = network_node_gpus(w.config, &w.assumptions, w.params.scale, n.class, month);
        w.network.gpus.insert(
            n.class.to_string(),
            w.assumptions.network_gpus(
                n.class,
                month,
                usd_per_unit(w.config, &w.assumptions, n.class),
            ),
        );
        if gpus == n.gpus {
            continue;
        }
        // The bond first, so the new capacity counts as soon as it is confirmed.
        let target = bond_target(w.config, n.class, gpus);
        let node: btt_types::compute::Node = app.wrap().query_wasm_smart(
            &escrow,
            &btt_types::compute::QueryMsg::Node { node_id: n.node_id },
        )?;
        if node.bond < target && w.ensure_btt(app, &n.operator, target - node.bond)? {
            let msg = w.deployment.token.send_msg(
                &escrow,
                target - node.bond,
                &btt_types::compute::ReceiveMsg::TopUpBond { node_id: n.node_id },
            )?;
            w.send(app, &n.operator, msg);
        }
        let update = ExecuteMsg::UpdateNode {
            node_id: n.node_id,
            endpoint: None,
            gpu_count: Some(gpus),
            region: None,
            energy_rating: None,
        };
        if w.exec(app, &n.operator, &escrow, &update, &[])?.is_some() {
            w.nodes[i].gpus = gpus;
        }
    }
    Ok(())
}

/// The answer of the challenge of `node_id` in `epoch`: what its benchmark computes.
fn answer(seed: u64, epoch: u32, node_id: u64) -> String {
    format!("benchmark-{seed}-{epoch}-{node_id}")
}

/// An oracle (in turn) challenges every registered node for its declared capacity; the node
/// accepts and submits the benchmark's answer, which confirms the capacity.
pub fn challenge<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let market = ComputeEscrowContract(w.deployment.escrow.clone());
    let escrow = w.deployment.escrow.clone();
    let state: depin::StateResponse = app
        .wrap()
        .query_wasm_smart(&w.deployment.depin, &depin::QueryMsg::State {})?;
    let epoch = state.current_epoch;
    let oracles = w.config.compute.oracles.clone();
    for i in 0..w.nodes.len() {
        let n = w.nodes[i].clone();
        let exposed = w
            .ledger
            .nodes
            .get(&n.name)
            .is_some_and(|e| e.challenges_failed > 0);
        if n.node_id == 0 || oracles.is_empty() || exposed {
            continue;
        }
        let oracle = Addr::unchecked(&oracles[(epoch as usize + i) % oracles.len()]);
        let job = JobSpec {
            compute_units: CHALLENGE_UNITS,
            hardware_class: n.class.into(),
            urgency: Urgency::Standard,
            data_gb: 0,
            run_seconds: 2 * 3_600,
            review_seconds: 3_600,
        };
        let answer = answer(w.params.seed, epoch, n.node_id);
        let commitment = btt_types::compute::commitment_of(&answer);
        let spec = ChallengeSpec {
            node_id: n.node_id,
            job: job.clone(),
            capacity: declared_capacity(w.config, n.class, n.gpus),
            commitment,
        };
        let price = market.quote(&app.wrap(), &job, Some(&oracle))?.price;
        if !w.ensure_btt(app, &oracle, price)? {
            continue;
        }
        let msg = market.post_challenge_msg(&w.deployment.token, price, spec)?;
        let Some(res) = w.send(app, &oracle, msg) else {
            continue;
        };
        let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
        let accept = ExecuteMsg::AcceptAssignment {
            job_id,
            node_id: n.node_id,
        };
        if w.exec(app, &n.operator, &escrow, &accept, &[])?.is_none() {
            continue;
        }
        // The faker cannot run a benchmark of the capacity it declared: its answer is wrong.
        let answer = if n.role == NodeRole::Faker {
            format!("{answer}-guessed")
        } else {
            answer
        };
        let submit = ExecuteMsg::SubmitResult {
            job_id,
            result_hash: answer,
            result_uri: String::new(),
        };
        if w.exec(app, &n.operator, &escrow, &submit, &[])?.is_some() {
            if n.role == NodeRole::Faker {
                w.ledger.node(&n.name).challenges_failed += 1;
            } else {
                w.ledger.challenges_passed += 1;
                w.ledger.node(&n.name).challenges_passed += 1;
            }
        }
    }
    Ok(())
}

/// The oracles of the quorum attest every registered node the pool knows for the current epoch.
pub fn attest<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let depin_addr = w.deployment.depin.clone();
    let state: depin::StateResponse = app
        .wrap()
        .query_wasm_smart(&depin_addr, &depin::QueryMsg::State {})?;
    let quorum = w.config.compute.payout.min_attestations as usize;
    let oracles: Vec<Addr> = w
        .config
        .compute
        .oracles
        .iter()
        .take(quorum.max(1))
        .map(Addr::unchecked)
        .collect();
    for i in 0..w.nodes.len() {
        let n = w.nodes[i].clone();
        // Only nodes the pool knows: a job or a challenge of theirs has been reported.
        let known = app
            .wrap()
            .query_wasm_smart::<depin::NodeResponse>(
                &depin_addr,
                &depin::QueryMsg::Node { node_id: n.node_id },
            )
            .is_ok();
        if n.node_id == 0 || !known {
            continue;
        }
        for oracle in &oracles {
            let uptime = w.rng.gen_range(90..=100u64);
            let qos_tier = u8::from(w.rng.gen_range(0..10) == 0);
            let msg = depin::ExecuteMsg::Attest {
                epoch: state.current_epoch,
                node_id: n.node_id,
                attestation: Attestation {
                    uptime: Decimal::percent(uptime),
                    qos_tier,
                    region: n.region.into(),
                    energy: n.energy,
                },
            };
            w.exec(app, oracle, &depin_addr, &msg, &[])?;
        }
    }
    Ok(())
}

/// Anyone closes the ended epochs; every node with something to claim claims it.
pub fn close_and_claim<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let depin_addr = w.deployment.depin.clone();
    loop {
        let state: depin::StateResponse = app
            .wrap()
            .query_wasm_smart(&depin_addr, &depin::QueryMsg::State {})?;
        let open = epochs_to_close(&state);
        if open == 0 {
            break;
        }
        let closer = w.desk.clone();
        let msg = depin::ExecuteMsg::CloseEpochs { limit: Some(30) };
        w.exec(app, &closer, &depin_addr, &msg, &[])?
            .context("closing the ended epochs")?;
    }
    let state: depin::StateResponse = app
        .wrap()
        .query_wasm_smart(&depin_addr, &depin::QueryMsg::State {})?;
    let last_closed = state.closed_through.saturating_sub(1);
    let token = w.deployment.token.clone();
    for i in 0..w.nodes.len() {
        let n = w.nodes[i].clone();
        if n.node_id == 0 {
            continue;
        }
        let pending: PendingResponse = app.wrap().query_wasm_smart(
            &depin_addr,
            &depin::QueryMsg::Pending { node_id: n.node_id },
        )?;
        if pending.amount.is_zero() {
            continue;
        }
        let before = token.balance(&app.wrap(), &n.operator)?;
        let msg = depin::ExecuteMsg::Claim {
            node_id: n.node_id,
            limit: None,
        };
        w.exec(app, &n.operator, &depin_addr, &msg, &[])?;
        let got = token.balance(&app.wrap(), &n.operator)? - before;
        w.ledger.node(&n.name).mined += got;
        *w.ledger.mined_by_epoch.entry(last_closed).or_default() += got;
    }
    Ok(())
}

/// Epochs that have ended and are not closed yet (epochs `0..closed_through` are closed).
fn epochs_to_close(state: &depin::StateResponse) -> u32 {
    state.current_epoch.saturating_sub(state.closed_through)
}
