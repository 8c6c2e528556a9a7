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

use super::assumptions::{Assumptions, NodeScale};
use super::market::hardware_class;
use super::world::World;

/// Each oracle's challenge budget at genesis.
pub const ORACLE_BUDGET: Uint128 = btt(2_000);
/// Compute units of a challenge: a short benchmark.
const CHALLENGE_UNITS: u64 = 100;

/// The capacity units a node of `scale` declares: its GPUs × its class's weight.
pub fn declared_capacity(config: &GenesisConfig, scale: &NodeScale) -> Decimal {
    let class = hardware_class(scale.gpus);
    let weight = config
        .compute
        .hardware_classes
        .iter()
        .find(|c| c.name == class)
        .map_or(Decimal::one(), |c| c.capacity_weight);
    Decimal::from_ratio(scale.gpus, 1u128) * weight
}

/// The bond a node of `scale` keeps: its declared capacity × the bond per unit, at least the
/// minimum.
pub fn bond_target(config: &GenesisConfig, scale: &NodeScale) -> Uint128 {
    let per_unit = Decimal::from_ratio(config.compute.bond_per_capacity_unit, 1u128);
    (declared_capacity(config, scale) * per_unit)
        .to_uint_ceil()
        .max(config.compute.min_bond)
}

/// The names of the run's nodes at `scale`, as the world names them.
pub fn node_names(assumptions: &Assumptions, scale: u32) -> Vec<(String, usize)> {
    assumptions
        .nodes
        .iter()
        .enumerate()
        .flat_map(|(index, s)| {
            (0..s.per_scale * scale).map(move |i| (format!("node-{}-{i}", s.name), index))
        })
        .collect()
}

/// The launch grants of the run: every launch node's capacity bond and every oracle's challenge
/// budget, paid at genesis out of the Ecosystem Development Fund, so mining starts in epoch 0.
pub fn launch_grants(
    config: &GenesisConfig,
    assumptions: &Assumptions,
    scale: u32,
    addr: &dyn Fn(&str) -> String,
) -> Vec<LaunchGrant> {
    let nodes = node_names(assumptions, scale)
        .into_iter()
        .map(|(name, index)| LaunchGrant {
            recipient: addr(&name),
            amount: bond_target(config, &assumptions.nodes[index]),
            purpose: format!("capacity bond of {name}"),
        });
    let oracles = config.compute.oracles.iter().map(|o| LaunchGrant {
        recipient: o.clone(),
        amount: ORACLE_BUDGET,
        purpose: "challenge budget of an oracle".into(),
    });
    nodes.chain(oracles).collect()
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
        if n.node_id == 0 || oracles.is_empty() {
            continue;
        }
        let oracle = Addr::unchecked(&oracles[(epoch as usize + i) % oracles.len()]);
        let scale = &w.assumptions.nodes[n.scale];
        let job = JobSpec {
            compute_units: CHALLENGE_UNITS,
            hardware_class: hardware_class(scale.gpus).into(),
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
            capacity: declared_capacity(w.config, scale),
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
        let submit = ExecuteMsg::SubmitResult {
            job_id,
            result_hash: answer,
            result_uri: String::new(),
        };
        if w.exec(app, &n.operator, &escrow, &submit, &[])?.is_some() {
            w.ledger.challenges_passed += 1;
            w.ledger.node(&n.name).challenges_passed += 1;
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
