//! The main job's compute-marketplace scenario: two contributors register GPU nodes, a clinic
//! posts an urgent job split across both, it completes and pays 70/15/10/5, oracles attest, the
//! epoch closes and both nodes claim their mining rewards. Then a second clinic's standard job
//! completes, a priority job is disputed and split by the arbiter (the node at fault slashed),
//! and a job nobody takes expires and is refunded. Last, an oracle's challenge confirms the
//! BitWave node's 8 GPUs (its 600 BTT bond covers 4 capacity units of them), and the M DAO node
//! declines another.

use btt_deploy::chain::{event_attr, wasm_attr, EconomyChain};
use btt_types::allocation::Category;
use btt_types::bps::Bps;
use btt_types::compute::{
    Assignment, ComputeEscrowContract, EnergyRating, ExecuteMsg, JobSpec, NodeSpec, Resolution,
    Urgency,
};
use btt_types::depin::{self, Attestation, StateResponse};
use btt_types::units::format_btt;
use cosmwasm_std::{Addr, Decimal, Uint128};
use serde::Serialize;

use crate::governance::advance;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;

/// What the scenario did.
#[derive(Debug, Clone, Serialize)]
pub struct ComputeReport {
    /// Price before the clinic's staking discount, ubtt.
    pub list_price: Uint128,
    /// The clinic's discount in bps.
    pub discount_bps: u16,
    /// What the clinic escrowed, ubtt.
    pub price: Uint128,
    /// Each part of the payout: (who, ubtt).
    pub split: Vec<(String, Uint128)>,
    /// The epoch the job's units counted in.
    pub epoch: u32,
    /// Its reward (its emission plus the carry it released), ubtt.
    pub epoch_reward: Uint128,
    /// The carry it released: emission of earlier epochs nobody mined, at most the DAO's
    /// release per epoch, ubtt.
    pub epoch_released: Uint128,
    /// Emission not paid out yet after the claims: of empty epochs and what the fee cap held
    /// back, released gradually later, ubtt.
    pub carried: Uint128,
    /// Mining rewards claimed by each node's operator, ubtt.
    pub mining: Vec<(String, Uint128)>,
    /// Scheduled emission through the closed epochs, ubtt.
    pub emission_so_far: Uint128,
    /// Paid to nodes by depin-rewards so far, ubtt.
    pub mined_so_far: Uint128,
    /// The other jobs of the scenario and how they ended.
    pub jobs: Vec<JobOutcome>,
    /// BTT each fee recipient received over the scenario.
    pub fees_to: Vec<(String, Uint128)>,
}

/// One more job of the scenario.
#[derive(Debug, Clone, Serialize)]
pub struct JobOutcome {
    /// Who posted it.
    pub clinic: String,
    /// Standard, priority or urgent.
    pub urgency: String,
    /// Compute units.
    pub units: u64,
    /// What the clinic escrowed, ubtt.
    pub price: Uint128,
    /// How it ended.
    pub outcome: String,
    /// What came back to the clinic, ubtt.
    pub refunded: Uint128,
}

/// Runs the scenario; the contributors and the clinic are institutions that already hold BTT.
pub fn marketplace_scenario<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
) -> anyhow::Result<ComputeReport> {
    let who = |c: Category| Addr::unchecked(&config.beneficiaries[&c]);
    let (bitwave, mdao, clinic) = (
        who(Category::BitWaveProtocolLabs),
        who(Category::MDao),
        who(Category::ChinaDigitalHealthcareGroup),
    );
    let escrow = deployment.escrow.clone();
    let market = ComputeEscrowContract(escrow.clone());
    let token = &deployment.token;
    let bond = config.compute.min_bond;
    let dao = deployment.dao.addr().clone();
    let foundation = who(Category::TechnicalDevelopmentFoundation);
    let fees_before = [
        token.balance(&app.wrap(), &dao)?,
        token.balance(&app.wrap(), &foundation)?,
    ];
    let mut nodes = vec![];
    for (operator, region, energy) in [
        (&bitwave, "cn-west", EnergyRating::A),
        (&mdao, "eu-central", EnergyRating::C),
    ] {
        let spec = NodeSpec {
            hardware_class: "gpu-standard".into(),
            gpu_count: 8,
            region: region.into(),
            energy_rating: energy,
            endpoint: format!("https://{region}.gpu.example"),
        };
        let res = app.execute(
            operator.clone(),
            market.register_node_msg(token, bond, spec)?,
        )?;
        nodes.push(wasm_attr(&res, "node_id")?.parse::<u64>()?);
    }

    let spec = JobSpec {
        compute_units: 2_000,
        hardware_class: "gpu-standard".into(),
        urgency: Urgency::Urgent,
        data_gb: 100,
        run_seconds: 3 * 86_400,
        review_seconds: 86_400,
    };
    let quote = market.quote(&app.wrap(), &spec, Some(&clinic))?;
    let res = app.execute(
        clinic.clone(),
        market.post_job_msg(token, quote.price, spec)?,
    )?;
    let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
    let assignments = vec![
        Assignment {
            node_id: nodes[0],
            units: 1_200,
        },
        Assignment {
            node_id: nodes[1],
            units: 800,
        },
    ];
    app.execute_contract(
        clinic.clone(),
        escrow.clone(),
        &ExecuteMsg::AssignJob {
            job_id,
            assignments,
        },
        &[],
    )?;
    // Each operator accepts its part: only then is its bond at stake for the job.
    for (operator, node_id) in [(&bitwave, nodes[0]), (&mdao, nodes[1])] {
        app.execute_contract(
            operator.clone(),
            escrow.clone(),
            &ExecuteMsg::AcceptAssignment { job_id, node_id },
            &[],
        )?;
    }
    let submit = ExecuteMsg::SubmitResult {
        job_id,
        result_hash: "5f".repeat(32),
        result_uri: "ipfs://bafy-mri-segmentation-result".into(),
    };
    app.execute_contract(bitwave.clone(), escrow.clone(), &submit, &[])?;
    let res = app.execute_contract(
        clinic.clone(),
        escrow.clone(),
        &ExecuteMsg::AcceptResult { job_id },
        &[],
    )?;
    let split_parts = [
        ("development fund (btt-dao)", "development_fund"),
        ("foundation", "foundation"),
        ("reserve (btt-dao)", "reserve"),
    ];
    let mut split: Vec<(String, Uint128)> = split_parts
        .iter()
        .map(|(label, key)| {
            let amount = event_attr(&res, "wasm-fee_routed", key)?.parse::<Uint128>()?;
            Ok((label.to_string(), amount))
        })
        .collect::<anyhow::Result<_>>()?;
    for (name, node) in [("BitWave node", nodes[0]), ("M DAO node", nodes[1])] {
        let amount: Uint128 = wasm_attr(&res, &format!("node_{node}"))?.parse()?;
        split.push((format!("{name} #{node}"), amount));
    }

    // The oracles attest both nodes for this epoch.
    let depin_addr = deployment.depin.clone();
    let state: StateResponse = app
        .wrap()
        .query_wasm_smart(&depin_addr, &depin::QueryMsg::State {})?;
    let epoch = state.current_epoch;
    for (i, oracle) in config.compute.oracles.iter().enumerate() {
        for (node, region, energy) in [
            (nodes[0], "cn-west", EnergyRating::A),
            (nodes[1], "eu-central", EnergyRating::C),
        ] {
            let attestation = Attestation {
                uptime: Decimal::percent(95 + i as u64 * 2),
                qos_tier: 0,
                region: region.into(),
                energy,
            };
            app.execute_contract(
                Addr::unchecked(oracle),
                depin_addr.clone(),
                &depin::ExecuteMsg::Attest {
                    epoch,
                    node_id: node,
                    attestation,
                },
                &[],
            )?;
        }
    }
    advance(app, depin::EPOCH_SECONDS);
    while app
        .execute_contract(
            clinic.clone(),
            depin_addr.clone(),
            &depin::ExecuteMsg::CloseEpochs { limit: Some(30) },
            &[],
        )
        .is_ok()
    {}
    let epoch_info: depin::EpochResponse = app
        .wrap()
        .query_wasm_smart(&depin_addr, &depin::QueryMsg::Epoch { epoch })?;
    let mut mining = vec![];
    for (name, operator, node) in [("BitWave", &bitwave, nodes[0]), ("M DAO", &mdao, nodes[1])] {
        let before = token.balance(&app.wrap(), operator)?;
        app.execute_contract(
            operator.clone(),
            depin_addr.clone(),
            &depin::ExecuteMsg::Claim {
                node_id: node,
                limit: None,
            },
            &[],
        )?;
        mining.push((
            format!("{name} node #{node}"),
            token.balance(&app.wrap(), operator)? - before,
        ));
    }
    let state: StateResponse = app
        .wrap()
        .query_wasm_smart(&depin_addr, &depin::QueryMsg::State {})?;
    let operators = [(nodes[0], bitwave.clone()), (nodes[1], mdao.clone())];
    let jobs = more_jobs(app, deployment, config, &operators)?;
    challenges(app, deployment, config, &clinic, &operators)?;
    let fees_to = vec![
        (
            "btt-dao (development fund + reserve)".to_string(),
            token.balance(&app.wrap(), &dao)? - fees_before[0],
        ),
        (
            "foundation".to_string(),
            token.balance(&app.wrap(), &foundation)? - fees_before[1],
        ),
    ];
    Ok(ComputeReport {
        list_price: quote.list_price,
        discount_bps: quote.discount.0,
        price: quote.price,
        split,
        epoch,
        epoch_reward: epoch_info.reward.unwrap_or_default(),
        epoch_released: epoch_info.released,
        carried: state.carry,
        mining,
        emission_so_far: state.scheduled,
        mined_so_far: state.paid,
        jobs,
        fees_to,
    })
}

/// Posts a job for `clinic` at its quoted price; returns the job id and the price.
fn post<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    clinic: &Addr,
    spec: JobSpec,
) -> anyhow::Result<(u64, Uint128)> {
    let market = ComputeEscrowContract(deployment.escrow.clone());
    let quote = market.quote(&app.wrap(), &spec, Some(clinic))?;
    let res = app.execute(
        clinic.clone(),
        market.post_job_msg(&deployment.token, quote.price, spec)?,
    )?;
    let job_id = wasm_attr(&res, "job_id")?.parse()?;
    Ok((job_id, quote.price))
}

/// Offers `units` of `job_id` to one node, whose operator accepts and submits a result.
fn run_on<C: EconomyChain>(
    app: &mut C,
    escrow: &Addr,
    clinic: &Addr,
    job_id: u64,
    (node_id, operator): &(u64, Addr),
    units: u64,
) -> anyhow::Result<()> {
    let assign = ExecuteMsg::AssignJob {
        job_id,
        assignments: vec![Assignment {
            node_id: *node_id,
            units,
        }],
    };
    app.execute_contract(clinic.clone(), escrow.clone(), &assign, &[])?;
    let accept = ExecuteMsg::AcceptAssignment {
        job_id,
        node_id: *node_id,
    };
    app.execute_contract(operator.clone(), escrow.clone(), &accept, &[])?;
    let submit = ExecuteMsg::SubmitResult {
        job_id,
        result_hash: "7a".repeat(32),
        result_uri: format!("ipfs://bafy-job-{job_id}-result"),
    };
    app.execute_contract(operator.clone(), escrow.clone(), &submit, &[])?;
    Ok(())
}

/// A second clinic's standard job (accepted), a priority job disputed and split half and half
/// by the arbiter with its node slashed (the slash goes to the reserve),
/// and a job nobody takes, cancelled and refunded.
fn more_jobs<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
    nodes: &[(u64, Addr); 2],
) -> anyhow::Result<Vec<JobOutcome>> {
    let who = |c: Category| Addr::unchecked(&config.beneficiaries[&c]);
    let escrow = deployment.escrow.clone();
    let token = deployment.token.clone();
    let arbiter = Addr::unchecked(&config.compute.arbiter);
    let spec = |units: u64, urgency: Urgency, days: u64| JobSpec {
        compute_units: units,
        hardware_class: "gpu-standard".into(),
        urgency,
        data_gb: 20,
        run_seconds: days * 86_400,
        review_seconds: 86_400,
    };
    let mut outcomes = vec![];

    // A hospital group (one of the other institutional investors) runs a standard job on the
    // BitWave node and accepts it.
    let hospital = who(Category::OtherInstitutionalInvestors);
    let (job, price) = post(app, deployment, &hospital, spec(500, Urgency::Standard, 5))?;
    run_on(app, &escrow, &hospital, job, &nodes[0], 500)?;
    app.execute_contract(
        hospital.clone(),
        escrow.clone(),
        &ExecuteMsg::AcceptResult { job_id: job },
        &[],
    )?;
    outcomes.push(JobOutcome {
        clinic: "hospital group (other institutions)".into(),
        urgency: "standard".into(),
        units: 500,
        price,
        outcome: "accepted, paid 70/15/10/5".into(),
        refunded: Uint128::zero(),
    });

    // The clinic's priority job on the M DAO node: disputed, split half and half, node slashed.
    let clinic = who(Category::ChinaDigitalHealthcareGroup);
    let (job, price) = post(app, deployment, &clinic, spec(300, Urgency::Priority, 5))?;
    run_on(app, &escrow, &clinic, job, &nodes[1], 300)?;
    let dispute = ExecuteMsg::Dispute {
        job_id: job,
        reason: "segmentation masks misaligned on 12 of 40 slices".into(),
    };
    app.execute_contract(clinic.clone(), escrow.clone(), &dispute, &[])?;
    let before = token.balance(&app.wrap(), &clinic)?;
    let resolve = ExecuteMsg::Resolve {
        job_id: job,
        resolution: Resolution::Split {
            clinic_share: Bps(5_000),
        },
        at_fault: vec![nodes[1].0],
    };
    app.execute_contract(arbiter, escrow.clone(), &resolve, &[])?;
    outcomes.push(JobOutcome {
        clinic: "China Digital Healthcare Group".into(),
        urgency: "priority".into(),
        units: 300,
        price,
        outcome: "disputed; the arbiter split it 50/50 and slashed the node: the slash went to the reserve, the clinic got back half its escrow".into(),
        refunded: token.balance(&app.wrap(), &clinic)? - before,
    });

    // A job nobody takes within a day: the clinic cancels it and the escrow is refunded.
    let (job, price) = post(app, deployment, &clinic, spec(100, Urgency::Standard, 1))?;
    advance(app, 86_400 + 1);
    let before = token.balance(&app.wrap(), &clinic)?;
    app.execute_contract(
        clinic.clone(),
        escrow,
        &ExecuteMsg::CancelJob { job_id: job },
        &[],
    )?;
    outcomes.push(JobOutcome {
        clinic: "China Digital Healthcare Group".into(),
        urgency: "standard".into(),
        units: 100,
        price,
        outcome: "not taken within a day; cancelled and refunded".into(),
        refunded: token.balance(&app.wrap(), &clinic)? - before,
    });
    Ok(outcomes)
}

/// The scenario as text.
pub fn render(r: &ComputeReport) -> String {
    let mut out = format!(
        "\nCompute marketplace (month 6): an urgent 2,000-unit job split 1,200 / 800 across two nodes\n  \
         list price {} BTT, staking discount {}.{:02}%, escrowed {} BTT; paid out:\n",
        format_btt(r.list_price),
        r.discount_bps / 100,
        r.discount_bps % 100,
        format_btt(r.price)
    );
    let total: Uint128 = r.split.iter().map(|(_, a)| *a).sum();
    for (who, amount) in &r.split {
        out.push_str(&format!("    {who:<32} {:>16} BTT\n", format_btt(*amount)));
    }
    out.push_str(&format!(
        "    {:<32} {:>16} BTT (= the escrow, to the ubtt)\n",
        "total",
        format_btt(total)
    ));
    out.push_str(&format!(
        "  mining: epoch {} shares {} BTT (its emission plus {} BTT released of the carry of the {} earlier epochs nobody mined);\n  \
         each node is paid at most the protocol fees its jobs paid, so self-paid jobs never mine a profit:\n",
        r.epoch,
        format_btt(r.epoch_reward),
        format_btt(r.epoch_released),
        r.epoch
    ));
    for (who, amount) in &r.mining {
        out.push_str(&format!("    {who:<32} {:>16} BTT\n", format_btt(*amount)));
    }
    out.push_str(&format!(
        "  emission scheduled through the closed epochs {} BTT of 6,300,000; paid to nodes {} BTT; carried {} BTT (released gradually)\n",
        format_btt(r.emission_so_far),
        format_btt(r.mined_so_far),
        format_btt(r.carried)
    ));
    out.push_str("  more jobs:\n");
    for j in &r.jobs {
        out.push_str(&format!(
            "    {:<32} {:<9} {:>5} units {:>14} BTT: {} (back to the clinic {} BTT)\n",
            j.clinic,
            j.urgency,
            j.units,
            format_btt(j.price),
            j.outcome,
            format_btt(j.refunded)
        ));
    }
    for (who, amount) in &r.fees_to {
        out.push_str(&format!(
            "  fees received by {who}: {} BTT\n",
            format_btt(*amount)
        ));
    }
    out
}

/// An oracle challenges both nodes for their 8 GPUs (paid in BTT the clinic lends it): the first
/// accepts and passes; the second declines (the oracle is refunded, the node's capacity reward
/// of the epoch is lost).
fn challenges<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
    lender: &Addr,
    operators: &[(u64, Addr); 2],
) -> anyhow::Result<()> {
    let market = ComputeEscrowContract(deployment.escrow.clone());
    let oracle = Addr::unchecked(&config.compute.oracles[0]);
    let job = JobSpec {
        compute_units: 100,
        hardware_class: "gpu-standard".into(),
        urgency: Urgency::Standard,
        data_gb: 0,
        run_seconds: 7_200,
        review_seconds: 3_600,
    };
    let price = market.quote(&app.wrap(), &job, Some(&oracle))?.price;
    app.execute(
        lender.clone(),
        deployment
            .token
            .transfer_msg(&oracle, price.checked_mul(Uint128::new(2))?)?,
    )?;
    for (i, (node_id, operator)) in operators.iter().enumerate() {
        let answer = format!("benchmark-tour-{node_id}");
        let commitment = btt_types::compute::commitment_of(&answer);
        let spec = btt_types::compute::ChallengeSpec {
            node_id: *node_id,
            job: job.clone(),
            capacity: Decimal::from_ratio(8u128, 1u128),
            commitment,
        };
        let res = app.execute(
            oracle.clone(),
            market.post_challenge_msg(&deployment.token, price, spec)?,
        )?;
        let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
        if i == 1 {
            app.execute_contract(
                operator.clone(),
                deployment.escrow.clone(),
                &ExecuteMsg::DeclineAssignment {
                    job_id,
                    node_id: *node_id,
                },
                &[],
            )?;
            break;
        }
        app.execute_contract(
            operator.clone(),
            deployment.escrow.clone(),
            &ExecuteMsg::AcceptAssignment {
                job_id,
                node_id: *node_id,
            },
            &[],
        )?;
        app.execute_contract(
            operator.clone(),
            deployment.escrow.clone(),
            &ExecuteMsg::SubmitResult {
                job_id,
                result_hash: answer,
                result_uri: String::new(),
            },
            &[],
        )?;
    }
    Ok(())
}
