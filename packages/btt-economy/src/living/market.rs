//! The compute marketplace, every week: the clinics (sampled and grouped) post imaging and
//! treatment-planning jobs at the paper's full demand, routed to the nodes in proportion to
//! their attested throughput; the sampled nodes finish most, miss a few deadlines (expired and
//! slashed) and see a few disputed (split by the arbiter); the self-dealer pays its own node.
//! Mining (bonds, challenges, attestations, claims) is in [`super::mining`].

use btt_deploy::chain::{wasm_attr, EconomyChain};
use btt_types::bps::Bps;
use btt_types::compute::{
    Assignment, ComputeEscrowContract, ExecuteMsg, JobSpec, NodeSpec, Resolution, Urgency,
};
use btt_types::depin;
use cosmwasm_std::{coins, to_json_binary, Addr, Uint128, WasmMsg};
use rand::Rng;

use super::assumptions::Stream;
use super::world::{NodeRole, World, USDC};

/// Most compute units (GPU-hours) of one job: its shortest run window (1 hour plus 1 hour per
/// 1,000 units) stays within 25 days.
const MAX_UNITS: u64 = 500_000;
/// The data of a job, GB.
const DATA_GB: u64 = 20;

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
        let bond = super::mining::bond_target(w.config, node.class, node.gpus);
        if !w.ensure_btt(app, &node.operator, bond)? {
            continue;
        }
        let spec = NodeSpec {
            hardware_class: node.class.into(),
            gpu_count: node.gpus,
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

/// Each node's attested throughput: the capacity the escrow counts for it (confirmed by
/// challenges, covered by its bond, 0 unless active and bonded at least the minimum).
fn throughput<C: EconomyChain>(app: &C, w: &World) -> anyhow::Result<Vec<f64>> {
    let mut out = vec![];
    for n in &w.nodes {
        if n.node_id == 0 {
            out.push(0.0);
            continue;
        }
        let node: btt_types::compute::Node = app.wrap().query_wasm_smart(
            &w.deployment.escrow,
            &btt_types::compute::QueryMsg::Node { node_id: n.node_id },
        )?;
        // A node bonded under the minimum takes no job until it tops its bond up.
        let can_work = node.bond >= w.config.compute.min_bond;
        let counted = node
            .counted_capacity
            .to_string()
            .parse::<f64>()
            .unwrap_or(0.0);
        out.push(if can_work { counted } else { 0.0 });
    }
    Ok(out)
}

/// A node of `class` picked with probability proportional to its attested throughput.
fn pick_node(w: &mut World, weights: &[f64], class: &str) -> Option<usize> {
    let eligible: Vec<(usize, f64)> = w
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, n)| n.class == class && weights[*i] > 0.0)
        .map(|(i, _)| (i, weights[i]))
        .collect();
    let total: f64 = eligible.iter().map(|(_, x)| x).sum();
    if total <= 0.0 {
        return None;
    }
    let mut x = w.rng.gen_range(0.0..total);
    for (i, weight) in &eligible {
        if x < *weight {
            return Some(*i);
        }
        x -= weight;
    }
    eligible.last().map(|(i, _)| *i)
}

/// The week's compute demand of one clinic of each size, RMB: the network's weekly volume
/// shared by its clinics by demand weight.
pub fn weekly_rmb_per_clinic(w: &World, month: f64) -> Vec<f64> {
    let a = &w.assumptions;
    let weekly = a.weekly_rmb(Stream::Compute, month);
    let weights: f64 = a
        .clinics
        .iter()
        .zip(&w.network.clinics)
        .map(|(c, n)| f64::from(c.demand_weight) * n)
        .sum();
    a.clinics
        .iter()
        .map(|c| {
            if weights > 0.0 {
                weekly * f64::from(c.demand_weight) / weights
            } else {
                0.0
            }
        })
        .collect()
}

/// The clinics a clinic of the run stands for: 1, or a group's seats.
pub fn represented(w: &World, clinic: usize) -> f64 {
    let c = &w.clinics[clinic];
    if !c.group {
        return 1.0;
    }
    let sampled = w
        .clinics
        .iter()
        .filter(|o| !o.group && o.size == c.size)
        .count() as f64;
    (w.network.clinics.get(c.size).copied().unwrap_or(0.0) - sampled).max(0.0)
}

/// The week's jobs: every clinic's compute demand at the paper's volume, by GPU class. A
/// sampled clinic's job goes to one node picked by attested throughput; a group's demand of a
/// class is shared by every node of the class in proportion to its attested throughput (the
/// network node's share in jobs of up to 500,000 GPU-hours), paid in USDC. The self-dealer
/// sends its own node wash jobs. Returns the jobs the nodes will miss.
pub fn post_and_run_jobs<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    month: f64,
) -> anyhow::Result<Vec<Missed>> {
    let per_clinic = weekly_rmb_per_clinic(w, month);
    let weights = throughput(app, w)?;
    let mut missed = vec![];
    let classes: Vec<(&'static str, u32)> = w
        .assumptions
        .cloud
        .iter()
        .map(|c| (c.class, c.demand_pct))
        .collect();
    for ci in 0..w.clinics.len() {
        let clinic = w.clinics[ci].clone();
        let clinic_rmb = per_clinic[clinic.size] * represented(w, ci);
        for &(class, pct) in &classes {
            let rmb = clinic_rmb * f64::from(pct) / 100.0;
            if !clinic.group {
                let Some(node) = pick_node(w, &weights, class) else {
                    continue;
                };
                let budget = Uint128::new(w.assumptions.rmb_to_ubtt(rmb));
                post_jobs(
                    app,
                    w,
                    &clinic.addr,
                    class,
                    Budget::Btt(budget),
                    node,
                    &mut missed,
                )?;
                continue;
            }
            let total: f64 = w
                .nodes
                .iter()
                .enumerate()
                .filter(|(i, n)| n.class == class && weights[*i] > 0.0)
                .map(|(i, _)| weights[i])
                .sum();
            let serving: Vec<(usize, f64)> = weights
                .iter()
                .enumerate()
                .filter(|(i, x)| w.nodes[*i].class == class && **x > 0.0)
                .map(|(i, x)| (i, *x))
                .collect();
            for (node, weight) in serving {
                let share = rmb * weight / total;
                let budget = Uint128::new(w.assumptions.rmb_to_uusdc(share));
                post_jobs(
                    app,
                    w,
                    &clinic.addr,
                    class,
                    Budget::Usdc(budget),
                    node,
                    &mut missed,
                )?;
            }
        }
    }
    wash(app, w)?;
    Ok(missed)
}

/// What a clinic spends on a node's jobs this week.
#[derive(Debug, Clone, Copy)]
enum Budget {
    /// ubtt, bought from the desk.
    Btt(Uint128),
    /// uusdc, paid natively at the escrow's rate.
    Usdc(Uint128),
}

/// `clinic` spends `budget` on jobs of `class` for node `node`: jobs of at most [`MAX_UNITS`],
/// each of a random urgency.
fn post_jobs<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    clinic: &Addr,
    class: &'static str,
    budget: Budget,
    node: usize,
    missed: &mut Vec<Missed>,
) -> anyhow::Result<()> {
    let market = ComputeEscrowContract(w.deployment.escrow.clone());
    let (mut left, denom) = match budget {
        Budget::Btt(b) => (b, None),
        Budget::Usdc(b) => (b, Some(USDC.to_string())),
    };
    while !left.is_zero() {
        let roll = w.rng.gen_range(0..100);
        let urgency = if roll < w.assumptions.urgent_per_100 {
            Urgency::Urgent
        } else if roll < w.assumptions.urgent_per_100 + w.assumptions.priority_per_100 {
            Urgency::Priority
        } else {
            Urgency::Standard
        };
        let probe = job_spec(w, class, 1_000, urgency);
        let per_1000 = quote(app, w, &probe, clinic, denom.clone())?;
        let units = left
            .multiply_ratio(1_000u128, per_1000.max(Uint128::one()))
            .u128()
            .min(u128::from(MAX_UNITS)) as u64;
        if units == 0 {
            break;
        }
        let spec = job_spec(w, class, units, urgency);
        let price = quote(app, w, &spec, clinic, denom.clone())?;
        left = left.saturating_sub(price);
        let price_uusdc = match denom {
            None => price * Uint128::new(w.usdc_per_btt()),
            Some(_) => price,
        };
        let msg = match denom {
            None => {
                if !w.ensure_btt(app, clinic, price)? {
                    w.ledger.compute_unmet += price;
                    break;
                }
                market.post_job_msg(&w.deployment.token, price, spec)?
            }
            Some(ref d) => WasmMsg::Execute {
                contract_addr: market.addr().to_string(),
                msg: to_json_binary(&ExecuteMsg::PostJob { spec })?,
                funds: coins(price.u128(), d),
            }
            .into(),
        };
        let Some(res) = w.send(app, clinic, msg) else {
            continue;
        };
        let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
        w.ledger.jobs_posted += 1;
        w.ledger.gross(Stream::Compute, price_uusdc);
        let cloud = w
            .assumptions
            .cloud
            .iter()
            .find(|c| c.class == class)
            .map_or(0.0, |c| c.usd_per_gpu_hour);
        w.ledger.jobs_price_uusdc += price_uusdc;
        w.ledger.jobs_cloud_uusdc += Uint128::new((units as f64 * cloud * 1e6) as u128);
        run_job(app, w, clinic, job_id, node, units, denom.is_some(), missed)?;
    }
    Ok(())
}

/// A job of `units` GPU-hours of `class`, with the shortest run window the genesis plan allows
/// (at least two days) and a day's review.
fn job_spec(w: &World, class: &str, units: u64, urgency: Urgency) -> JobSpec {
    JobSpec {
        compute_units: units,
        hardware_class: class.into(),
        urgency,
        data_gb: DATA_GB,
        run_seconds: w.config.compute.run_window.min_for(units).max(2 * 86_400),
        review_seconds: 86_400,
    }
}

/// The price of `spec` for `clinic` in BTT, or in `denom`.
fn quote<C: EconomyChain>(
    app: &C,
    w: &World,
    spec: &JobSpec,
    clinic: &Addr,
    denom: Option<String>,
) -> anyhow::Result<Uint128> {
    let q: btt_types::compute::QuoteResponse = app.wrap().query_wasm_smart(
        &w.deployment.escrow,
        &btt_types::compute::QueryMsg::Quote {
            spec: spec.clone(),
            clinic: Some(clinic.to_string()),
            denom,
        },
    )?;
    Ok(q.price)
}

/// The self-dealer's clinic pays its own node for wash jobs on `wash_pct` of its GPU-hours.
fn wash<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let Some(node) = w.nodes.iter().position(|n| n.role == NodeRole::SelfDealer) else {
        return Ok(());
    };
    let n = w.nodes[node].clone();
    if n.node_id == 0 {
        return Ok(());
    }
    let node: btt_types::compute::Node = app.wrap().query_wasm_smart(
        &w.deployment.escrow,
        &btt_types::compute::QueryMsg::Node { node_id: n.node_id },
    )?;
    if node.bond < w.config.compute.min_bond {
        // Slashed under the minimum: it takes no job until it tops its bond up.
        return Ok(());
    }
    let units = u64::from(n.gpus) * 168 * u64::from(w.assumptions.wash_pct) / 100;
    let clinic = w.self_dealer.clone();
    let spec = job_spec(w, n.class, units, Urgency::Standard);
    let price = quote(app, w, &spec, &clinic, None)?;
    if !w.ensure_btt(app, &clinic, price)? {
        return Ok(());
    }
    let market = ComputeEscrowContract(w.deployment.escrow.clone());
    let msg = market.post_job_msg(&w.deployment.token, price, spec)?;
    let Some(res) = w.send(app, &clinic, msg) else {
        return Ok(());
    };
    let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
    let escrow = w.deployment.escrow.clone();
    let assign = ExecuteMsg::AssignJob {
        job_id,
        assignments: vec![Assignment {
            node_id: n.node_id,
            units,
        }],
    };
    let accept = ExecuteMsg::AcceptAssignment {
        job_id,
        node_id: n.node_id,
    };
    let submit = ExecuteMsg::SubmitResult {
        job_id,
        result_hash: format!("{job_id:064x}"),
        result_uri: format!("ipfs://bafy-job-{job_id}-result"),
    };
    if w.exec(app, &clinic, &escrow, &assign, &[])?.is_none()
        || w.exec(app, &n.operator, &escrow, &accept, &[])?.is_none()
        || w.exec(app, &n.operator, &escrow, &submit, &[])?.is_none()
    {
        return Ok(());
    }
    let done = ExecuteMsg::AcceptResult { job_id };
    if let Some(res) = w.exec(app, &clinic, &escrow, &done, &[])? {
        let paid: Uint128 = wasm_attr(&res, &format!("node_{}", n.node_id))?.parse()?;
        w.ledger.node(&n.name).job_pay += paid;
        w.ledger.node(&n.name).jobs_done += 1;
        let protocol = price - w.config.compute.contributors.of(price);
        w.ledger.wash_paid += price;
        w.ledger.wash_job_pay += paid;
        w.ledger.wash_protocol_fees += protocol;
        let epoch: depin::StateResponse = app
            .wrap()
            .query_wasm_smart(&w.deployment.depin, &depin::QueryMsg::State {})?;
        *w.ledger
            .wash_fees_by_epoch
            .entry(epoch.current_epoch)
            .or_default() += protocol;
    }
    Ok(())
}

/// Assigns `job_id` to node `node`, whose operator accepts; then the node finishes it (the
/// clinic accepts, or disputes and the arbiter splits it), or misses its deadline.
#[allow(clippy::too_many_arguments)]
fn run_job<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    clinic: &Addr,
    job_id: u64,
    node: usize,
    units: u64,
    in_usdc: bool,
    missed: &mut Vec<Missed>,
) -> anyhow::Result<()> {
    let escrow = &w.deployment.escrow.clone();
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
    // Only the sampled nodes (and the self-dealer's, a home node like them) meet faults: the
    // network node stands for many, its faults are the sampled ones' rate.
    let roll = if matches!(n.role, NodeRole::Sampled(_) | NodeRole::SelfDealer) {
        w.rng.gen_range(0..100)
    } else {
        100
    };
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
        let held = |app: &C| -> anyhow::Result<Uint128> {
            Ok(if in_usdc {
                app.wrap().query_balance(&n.operator, USDC)?.amount
            } else {
                token.balance(&app.wrap(), &n.operator)?
            })
        };
        let before = held(app)?;
        let resolve = ExecuteMsg::Resolve {
            job_id,
            resolution: Resolution::Split {
                clinic_share: Bps(5_000),
            },
            at_fault: vec![n.node_id],
        };
        let arbiter = Addr::unchecked(&w.config.compute.arbiter);
        w.exec(app, &arbiter, escrow, &resolve, &[])?;
        let got = held(app)? - before;
        let e = w.ledger.node(&n.name);
        e.add_job_pay(got, in_usdc);
        e.jobs_disputed += 1;
        w.ledger.jobs_disputed += 1;
        // Slashed: the operator restores its bond before it takes the next job.
        return top_up_bonds(app, w);
    }
    let accept = ExecuteMsg::AcceptResult { job_id };
    if let Some(res) = w.exec(app, clinic, escrow, &accept, &[])? {
        let paid: Uint128 = wasm_attr(&res, &format!("node_{}", n.node_id))?.parse()?;
        let e = w.ledger.node(&n.name);
        e.add_job_pay(paid, in_usdc);
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
        let min = super::mining::bond_target(w.config, n.class, n.gpus);
        if n.node_id == 0 || n.role == NodeRole::Faker {
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
