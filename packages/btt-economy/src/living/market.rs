//! The compute marketplace and mining, every week: clinics post imaging and treatment-planning
//! jobs at the paper's demand, nodes of the three scales take them in proportion to their GPUs,
//! finish most, miss a few deadlines (expired and slashed) and see a few disputed (split by the
//! arbiter). Mining (bonds, challenges, attestations, claims) is in [`super::mining`].

use btt_deploy::chain::{wasm_attr, EconomyChain};
use btt_types::bps::Bps;
use btt_types::compute::{
    Assignment, ComputeEscrowContract, ExecuteMsg, JobSpec, NodeSpec, Resolution, Urgency,
};
use btt_types::depin;
use btt_types::units::MONTH_SECONDS;
use cosmwasm_std::{Addr, Uint128};
use rand::Rng;

use super::assumptions::Stream;
use super::world::World;

/// Most compute units of one job: its run window stays within two days.
const MAX_UNITS: u64 = 40_000;
/// Jobs smaller than this are not worth posting.
const MIN_UNITS: u64 = 100;

/// A job a node accepted and will miss: expired at the start of the next week.
#[derive(Debug, Clone)]
pub struct Missed {
    pub job_id: u64,
    pub clinic: Addr,
    pub node: usize,
}

/// Registers every node that is not registered yet and whose operator can buy the bond: its
/// capacity bond ([`super::mining::bond_target`]), from its launch grant at genesis.
pub fn register_nodes<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let market = ComputeEscrowContract(w.deployment.escrow.clone());
    for i in 0..w.nodes.len() {
        if w.nodes[i].node_id != 0 {
            continue;
        }
        let node = w.nodes[i].clone();
        let bond = super::mining::bond_target(w.config, &w.assumptions.nodes[node.scale]);
        if !w.ensure_btt(app, &node.operator, bond)? {
            continue;
        }
        let scale = &w.assumptions.nodes[node.scale];
        let spec = NodeSpec {
            hardware_class: hardware_class(scale.gpus).into(),
            gpu_count: scale.gpus,
            region: node.region.into(),
            energy_rating: node.energy,
            endpoint: format!("https://{}.gpu.example", node.name),
        };
        let msg = market.register_node_msg(&w.deployment.token, bond, spec)?;
        if let Some(res) = w.send(app, &node.operator, msg) {
            w.nodes[i].node_id = wasm_attr(&res, "node_id")?.parse()?;
        }
    }
    Ok(())
}

/// The hardware class a node of `gpus` GPUs runs: institutional racks run high-end GPUs.
pub fn hardware_class(gpus: u32) -> &'static str {
    if gpus >= 50 {
        "gpu-high"
    } else {
        "gpu-standard"
    }
}

/// A node of `class` picked with probability proportional to its GPUs, among the registered
/// ones.
fn pick_node(w: &mut World, class: &str) -> Option<usize> {
    let weights: Vec<u32> = w
        .nodes
        .iter()
        .map(|n| {
            let gpus = w.assumptions.nodes[n.scale].gpus;
            if n.node_id == 0 || hardware_class(gpus) != class {
                0
            } else {
                gpus
            }
        })
        .collect();
    let total: u32 = weights.iter().sum();
    if total == 0 {
        return None;
    }
    let mut x = w.rng.gen_range(0..total);
    for (i, weight) in weights.iter().enumerate() {
        if x < *weight {
            return Some(i);
        }
        x -= weight;
    }
    None
}

/// The week's jobs: the month's compute demand, a week of it, shared by the clinics by size.
/// Returns the jobs the nodes will miss.
pub fn post_and_run_jobs<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    month: f64,
) -> anyhow::Result<Vec<Missed>> {
    let market = ComputeEscrowContract(w.deployment.escrow.clone());
    let escrow = w.deployment.escrow.clone();
    let monthly = w
        .assumptions
        .monthly_ubtt(Stream::Compute, month, w.params.scale);
    let weekly = Uint128::new(monthly).multiply_ratio(depin::EPOCH_SECONDS, MONTH_SECONDS);
    let total_weight: u32 = w
        .clinics
        .iter()
        .map(|c| w.assumptions.clinics[c.size].demand_weight)
        .sum();
    let mut missed = vec![];
    for ci in 0..w.clinics.len() {
        let clinic = w.clinics[ci].clone();
        let weight = w.assumptions.clinics[clinic.size].demand_weight;
        let mut budget = weekly.multiply_ratio(weight, total_weight);
        // Imaging on standard GPUs, treatment planning on high-end ones, now and then urgent.
        while !budget.is_zero() {
            let high = w.rng.gen_bool(0.4);
            let urgency = match w.rng.gen_range(0..10) {
                0 => Urgency::Urgent,
                1 | 2 => Urgency::Priority,
                _ => Urgency::Standard,
            };
            let probe = JobSpec {
                compute_units: 1_000,
                hardware_class: if high { "gpu-high" } else { "gpu-standard" }.into(),
                urgency,
                data_gb: 20,
                run_seconds: 2 * 86_400,
                review_seconds: 86_400,
            };
            let per_1000 = market.quote(&app.wrap(), &probe, Some(&clinic.addr))?.price;
            let units = budget
                .multiply_ratio(1_000u128, per_1000.max(Uint128::one()))
                .u128()
                .min(u128::from(MAX_UNITS)) as u64;
            if units < MIN_UNITS {
                break;
            }
            let spec = JobSpec {
                compute_units: units,
                ..probe
            };
            let price = market.quote(&app.wrap(), &spec, Some(&clinic.addr))?.price;
            budget = budget.saturating_sub(price);
            let Some(node) = pick_node(w, hardware_class(if high { 64 } else { 1 })) else {
                w.ledger.compute_unmet += price;
                continue;
            };
            if !w.ensure_btt(app, &clinic.addr, price)? {
                w.ledger.compute_unmet += price;
                break;
            }
            let msg = market.post_job_msg(&w.deployment.token, price, spec)?;
            let Some(res) = w.send(app, &clinic.addr, msg) else {
                continue;
            };
            let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
            w.ledger.jobs_posted += 1;
            w.ledger
                .gross(Stream::Compute, price * Uint128::new(w.usdc_per_btt()));
            run_job(
                app,
                w,
                &escrow,
                &clinic.addr,
                job_id,
                node,
                units,
                &mut missed,
            )?;
        }
    }
    Ok(missed)
}

/// Assigns `job_id` to node `node`, whose operator accepts; then the node finishes it (the
/// clinic accepts, or disputes and the arbiter splits it), or misses its deadline.
#[allow(clippy::too_many_arguments)]
fn run_job<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    escrow: &Addr,
    clinic: &Addr,
    job_id: u64,
    node: usize,
    units: u64,
    missed: &mut Vec<Missed>,
) -> anyhow::Result<()> {
    let n = w.nodes[node].clone();
    let assign = ExecuteMsg::AssignJob {
        job_id,
        assignments: vec![Assignment {
            node_id: n.node_id,
            units,
        }],
    };
    if w.exec(app, clinic, escrow, &assign, &[])?.is_none() {
        // Nobody could take it: the clinic takes its escrow back.
        let cancel = ExecuteMsg::CancelJob { job_id };
        w.exec(app, clinic, escrow, &cancel, &[])?;
        return Ok(());
    }
    let accept = ExecuteMsg::AcceptAssignment {
        job_id,
        node_id: n.node_id,
    };
    if w.exec(app, &n.operator, escrow, &accept, &[])?.is_none() {
        return Ok(());
    }
    let roll = w.rng.gen_range(0..100);
    if roll < w.assumptions.missed_per_100 {
        missed.push(Missed {
            job_id,
            clinic: clinic.clone(),
            node,
        });
        return Ok(());
    }
    let submit = ExecuteMsg::SubmitResult {
        job_id,
        result_hash: format!("{job_id:064x}"),
        result_uri: format!("ipfs://bafy-job-{job_id}-result"),
    };
    w.exec(app, &n.operator, escrow, &submit, &[])?;
    let token = w.deployment.token.clone();
    if roll < w.assumptions.missed_per_100 + w.assumptions.disputed_per_100 {
        let dispute = ExecuteMsg::Dispute {
            job_id,
            reason: "results fail the clinic's validation set".into(),
        };
        w.exec(app, clinic, escrow, &dispute, &[])?;
        let before = token.balance(&app.wrap(), &n.operator)?;
        let resolve = ExecuteMsg::Resolve {
            job_id,
            resolution: Resolution::Split {
                clinic_share: Bps(5_000),
            },
            at_fault: vec![n.node_id],
        };
        let arbiter = Addr::unchecked(&w.config.compute.arbiter);
        w.exec(app, &arbiter, escrow, &resolve, &[])?;
        let got = token.balance(&app.wrap(), &n.operator)? - before;
        let e = w.ledger.node(&n.name);
        e.job_pay += got;
        e.jobs_disputed += 1;
        w.ledger.jobs_disputed += 1;
        // Slashed: the operator restores its bond before it takes the next job.
        return top_up_bonds(app, w);
    }
    let accept = ExecuteMsg::AcceptResult { job_id };
    if let Some(res) = w.exec(app, clinic, escrow, &accept, &[])? {
        let paid: Uint128 = wasm_attr(&res, &format!("node_{}", n.node_id))?.parse()?;
        let e = w.ledger.node(&n.name);
        e.job_pay += paid;
        e.jobs_done += 1;
        w.ledger.jobs_accepted += 1;
    }
    Ok(())
}

/// Last week's missed jobs expire: the clinic is refunded and the node slashed; a node whose
/// bond fell under its capacity bond tops it up from the desk.
pub fn expire_missed<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    missed: Vec<Missed>,
) -> anyhow::Result<()> {
    let escrow = w.deployment.escrow.clone();
    for m in missed {
        let msg = ExecuteMsg::Expire { job_id: m.job_id };
        if w.exec(app, &m.clinic, &escrow, &msg, &[])?.is_some() {
            let name = w.nodes[m.node].name.clone();
            w.ledger.node(&name).jobs_missed += 1;
            w.ledger.jobs_missed += 1;
        }
    }
    top_up_bonds(app, w)
}

/// A node whose bond fell under its capacity bond (slashed for a miss or a dispute) tops it up with
/// BTT bought from the desk.
pub fn top_up_bonds<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let escrow = w.deployment.escrow.clone();
    for i in 0..w.nodes.len() {
        let n = w.nodes[i].clone();
        let min = super::mining::bond_target(w.config, &w.assumptions.nodes[n.scale]);
        if n.node_id == 0 {
            continue;
        }
        let node: btt_types::compute::Node = app.wrap().query_wasm_smart(
            &escrow,
            &btt_types::compute::QueryMsg::Node { node_id: n.node_id },
        )?;
        if node.bond >= min {
            continue;
        }
        let top_up = min - node.bond;
        if w.ensure_btt(app, &n.operator, top_up)? {
            let msg = w.deployment.token.send_msg(
                &escrow,
                top_up,
                &btt_types::compute::ReceiveMsg::TopUpBond { node_id: n.node_id },
            )?;
            w.send(app, &n.operator, msg);
        }
    }
    Ok(())
}

/// Each node's operator sells what it earned beyond its bond to the desk, to pay its costs.
pub fn sell_earnings<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    for i in 0..w.nodes.len() {
        let n = w.nodes[i].clone();
        if n.node_id == 0 {
            continue;
        }
        let held = w.deployment.token.balance(&app.wrap(), &n.operator)?;
        w.sell_btt(app, &n.operator, held)?;
        w.ledger.node(&n.name).weeks += 1;
    }
    Ok(())
}
