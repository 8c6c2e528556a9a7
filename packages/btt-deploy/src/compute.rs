//! The main job's compute-marketplace scenario: two contributors register GPU nodes, a clinic
//! posts an urgent job split across both, it completes and pays 70/15/10/5, oracles attest, the
//! epoch closes and both nodes claim their mining rewards.

use anyhow::Context;
use btt_types::allocation::Category;
use btt_types::compute::{
    Assignment, ComputeEscrowContract, EnergyRating, ExecuteMsg, JobSpec, NodeSpec, Urgency,
};
use btt_types::depin::{self, cumulative_emission, Attestation, StateResponse};
use btt_types::units::format_btt;
use cosmwasm_std::{Addr, Decimal, Uint128};
use cw_multi_test::{App, AppResponse, Executor};
use serde::Serialize;

use crate::genesis::GenesisConfig;
use crate::governance::advance;
use crate::multitest::Deployment;

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
    /// Its reward (emission plus what earlier empty epochs rolled in), ubtt.
    pub epoch_reward: Uint128,
    /// Mining rewards claimed by each node's operator, ubtt.
    pub mining: Vec<(String, Uint128)>,
    /// Scheduled emission through the closed epochs, ubtt.
    pub emission_so_far: Uint128,
    /// Paid to nodes by depin-rewards so far, ubtt.
    pub mined_so_far: Uint128,
}

fn wasm_attr(res: &AppResponse, key: &str) -> Option<String> {
    res.events
        .iter()
        .filter(|e| e.ty == "wasm")
        .flat_map(|e| &e.attributes)
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
}

/// Runs the scenario; the contributors and the clinic are institutions that already hold BTT.
pub fn marketplace_scenario(
    app: &mut App,
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
        nodes.push(
            wasm_attr(&res, "node_id")
                .context("node id")?
                .parse::<u64>()?,
        );
    }

    let now = app.block_info().time;
    let spec = JobSpec {
        compute_units: 2_000,
        hardware_class: "gpu-standard".into(),
        urgency: Urgency::Urgent,
        data_gb: 100,
        deadline: now.plus_seconds(3 * 86_400),
        review_seconds: 86_400,
    };
    let quote = market.quote(&app.wrap(), &spec, Some(&clinic))?;
    let res = app.execute(
        clinic.clone(),
        market.post_job_msg(token, quote.price, spec)?,
    )?;
    let job_id: u64 = wasm_attr(&res, "job_id").context("job id")?.parse()?;
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
            Ok((
                label.to_string(),
                wasm_attr(&res, key)
                    .context("fee part")?
                    .parse::<Uint128>()?,
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    for (name, node) in [("BitWave node", nodes[0]), ("M DAO node", nodes[1])] {
        let amount: Uint128 = wasm_attr(&res, &format!("node_{node}"))
            .context("node part")?
            .parse()?;
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
    Ok(ComputeReport {
        list_price: quote.list_price,
        discount_bps: quote.discount.0,
        price: quote.price,
        split,
        epoch,
        epoch_reward: epoch_info.reward.unwrap_or_default(),
        mining,
        emission_so_far: cumulative_emission(state.closed_through.saturating_sub(1)),
        mined_so_far: state.paid,
    })
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
        "  mining: epoch {} paid {} BTT (its emission plus the {} earlier epochs nobody mined, rolled in):\n",
        r.epoch,
        format_btt(r.epoch_reward),
        r.epoch
    ));
    for (who, amount) in &r.mining {
        out.push_str(&format!("    {who:<32} {:>16} BTT\n", format_btt(*amount)));
    }
    out.push_str(&format!(
        "  emission scheduled through the closed epochs {} BTT of 6,300,000; paid to nodes {} BTT\n",
        format_btt(r.emission_so_far),
        format_btt(r.mined_so_far)
    ));
    out
}
