//! The chain the dApp's browser tests see (`app/e2e/`): the main job's embedded chain walked
//! through month 9 of the year, three weeks on (so vesting is claimable again), plus something
//! for every page to act on: a proposal open for votes, an asset vault with shares for sale and
//! income to claim, two unpaid invoices to a patient (one to pay in USDC at the feeder's fresh
//! rate), a payment inside its refund window, and compute jobs waiting at every step. The same
//! state is rebuilt by the replay test, which runs every message the app captured on it.

use std::collections::BTreeMap;

use anyhow::Context;
use btt_types::allocation::Category;
use btt_types::dao::Fund;
use btt_types::fractionalizer as vaults;
use btt_types::payfi::{self, Denom};
use btt_types::rwa_nft::{self, Complexity, Document, MintAsset};
use btt_types::units::btt;
use cosmwasm_std::{coins, Addr, Decimal, Uint128};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::{App, Executor};

use crate::governance::advance;
use crate::rwa::fractionalize;
use crate::walk::walk_through;
use btt_deploy::chain::wasm_attr;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_deploy::multitest::{deploy_genesis, local_app, local_config, PATIENTS};

/// The last month of the year the state has walked through.
pub const WALKED_MONTHS: u64 = 9;

/// The fee denom of the embedded chain as the app sees it, and what each actor holds of it.
pub const FEE_DENOM: &str = "ustake";
const FEE_FUNDS: u128 = 5_000_000;

/// USDC of the embedded chain.
pub const USDC: &str = "uusdc";

/// The actors the browser tests sign as, by name; every one but the last holds fee funds.
pub const ACTORS: [&str; 5] = [
    PATIENTS[0],
    "china-digital-healthcare",
    "bithive",
    "bitwave-protocol-labs",
    "web3-ventures",
];

/// The embedded chain with everything the pages act on.
pub struct AppState {
    pub app: App,
    pub deployment: Deployment,
    pub config: GenesisConfig,
    /// [`ACTORS`] by name.
    pub actors: BTreeMap<String, Addr>,
    /// The proposal open for votes.
    pub proposal_id: u64,
    /// A proposal that passed and whose timelock is over, not yet executed.
    pub passed_id: u64,
    /// The vault with shares for sale and income to claim.
    pub vault_id: u64,
    /// Its listing.
    pub listing_id: u64,
    /// The invoices the patient has not paid: in USDC, and in BTT (to pay in USDC at the
    /// feeder's rate).
    pub invoice_ids: [u64; 2],
    /// A payment the patient made to the clinic a minute ago, inside its settlement window (the
    /// clinic may refund it).
    pub payment_id: u64,
    /// BitWave's stakes without a lock: one still staked (to unbond), one whose unbonding has
    /// matured (to claim).
    pub stakes: [u64; 2],
    /// The clinic's compute jobs on BitWave's node #1, one at each step: posted (to assign),
    /// offered (for BitWave to accept), assigned (for BitWave to submit), and two submitted
    /// (for the clinic to accept one and dispute the other).
    pub jobs: JobIds,
    /// Oracle challenges to BitWave's node #1 (after one it passed, confirming 4 units).
    pub challenges: ChallengeIds,
}

/// Challenges of the state, by the step they wait at.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChallengeIds {
    /// Offered, for BitWave to accept one and decline the other.
    pub offered: [u64; 2],
    /// Accepted, for BitWave to answer.
    pub accepted: u64,
    /// The answer of the accepted one (its SHA-256 is the commitment).
    pub answer: String,
}

/// Compute jobs of the state, by the step they wait at.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct JobIds {
    pub posted: u64,
    pub offered: u64,
    pub assigned: u64,
    pub submitted: [u64; 2],
}

/// Builds the state (deterministic: the same chain every time).
pub fn app_state() -> anyhow::Result<AppState> {
    let mut app = local_app();
    let deployer = app.api().addr_make("deployer");
    let start = app.block_info().time;
    let config = local_config(&app, start);
    let deployment = deploy_genesis(&mut app, &deployer, &config)?;
    walk_through(&mut app, &deployment, &config, WALKED_MONTHS)?;
    let clinic = Addr::unchecked(&config.beneficiaries[&Category::ChinaDigitalHealthcareGroup]);
    mining_this_epoch(&mut app, &deployment, &config, &clinic)?;
    let stakes = stakes_without_lock(&mut app, &deployment, &config)?;
    // Three weeks on: the unbonding above has matured (21 days), the mining epoch has ended.
    advance(&mut app, 22 * 86_400);
    // The epoch of the mining above has ended: anyone closes every ended epoch (30 a call), and
    // node #1 has a reward.
    loop {
        let state: btt_types::depin::StateResponse = app
            .wrap()
            .query_wasm_smart(&deployment.depin, &btt_types::depin::QueryMsg::State {})?;
        if state.closed_through >= state.current_epoch {
            break;
        }
        app.execute_contract(
            clinic.clone(),
            deployment.depin.clone(),
            &btt_types::depin::ExecuteMsg::CloseEpochs { limit: Some(30) },
            &[],
        )?;
    }

    let actors: BTreeMap<String, Addr> = ACTORS
        .iter()
        .map(|name| (name.to_string(), app.api().addr_make(name)))
        .collect();
    for who in ACTORS[..ACTORS.len() - 1].iter().map(|n| &actors[*n]) {
        app.sudo(cw_multi_test::SudoMsg::Bank(
            cw_multi_test::BankSudo::Mint {
                to_address: who.to_string(),
                amount: coins(FEE_FUNDS, FEE_DENOM),
            },
        ))?;
    }

    let patient = actors[PATIENTS[0]].clone();
    let passed_id = passed_proposal(&mut app, &deployment, &config)?;
    let proposal_id = open_proposal(&mut app, &deployment, &config, &clinic)?;
    let (vault_id, listing_id) = vault_for_sale(&mut app, &deployment, &clinic, &patient)?;
    let mut invoice_ids = [0; 2];
    for (id, (denom, amount)) in invoice_ids.iter_mut().zip([
        (Denom::Native(USDC.into()), 250_000_000u128),
        (Denom::Btt, 40_000_000),
    ]) {
        let issue = payfi::ExecuteMsg::IssueInvoice(btt_types::payfi::NewInvoice {
            payer: Some(patient.to_string()),
            denom,
            amount: Uint128::new(amount),
            due: app.block_info().time.plus_seconds(30 * 86_400),
            memo_hash: "5ca1ab1e".repeat(8),
            points: None,
            analytics: false,
        });
        let res = app.execute_contract(clinic.clone(), deployment.payfi.clone(), &issue, &[])?;
        *id = wasm_attr(&res, "invoice_id")?.parse()?;
    }
    let payment_id = paid_in_window(&mut app, &deployment, &clinic, &patient)?;
    let jobs = jobs_at_every_step(&mut app, &deployment, &config, &clinic)?;
    let challenges = challenges_on_node_1(&mut app, &deployment, &config, &clinic)?;
    // The feeders post today's USDC → BTT rate (1 BTT = 5 USDC).
    for feeder in &config.payments.feeders {
        app.execute_contract(
            Addr::unchecked(feeder),
            deployment.payfi.clone(),
            &payfi::ExecuteMsg::SetRate {
                pay: USDC.into(),
                invoice: "btt".into(),
                rate: Decimal::percent(20),
            },
            &[],
        )?;
    }
    advance(&mut app, 60);
    Ok(AppState {
        app,
        deployment,
        config,
        actors,
        proposal_id,
        passed_id,
        vault_id,
        listing_id,
        invoice_ids,
        payment_id,
        stakes,
        jobs,
        challenges,
    })
}

/// BitWave stakes 1,000 BTT and 500 BTT without a lock and unbonds the second at once.
fn stakes_without_lock(
    app: &mut App,
    deployment: &Deployment,
    config: &GenesisConfig,
) -> anyhow::Result<[u64; 2]> {
    let bitwave = Addr::unchecked(&config.beneficiaries[&Category::BitWaveProtocolLabs]);
    let staking = &deployment.staking;
    let mut ids = [0; 2];
    for (id, amount) in ids.iter_mut().zip([btt(1_000), btt(500)]) {
        let res = app.execute(
            bitwave.clone(),
            staking.stake_msg(&deployment.token, amount, 0)?,
        )?;
        *id = wasm_attr(&res, "stake_id")?.parse()?;
    }
    app.execute_contract(
        bitwave,
        staking.addr().clone(),
        &btt_types::staking::ExecuteMsg::Unbond {
            stake_id: ids[1],
            amount: None,
        },
        &[],
    )?;
    Ok(ids)
}

/// The clinic posts five small jobs for BitWave's node #1 and takes each a step further than
/// the one before.
fn jobs_at_every_step(
    app: &mut App,
    deployment: &Deployment,
    config: &GenesisConfig,
    clinic: &Addr,
) -> anyhow::Result<JobIds> {
    let mut ids = vec![];
    // Posted, offered, assigned, and submitted twice.
    for step in [0, 1, 2, 3, 3] {
        ids.push(job_at_step(app, deployment, config, clinic, step)?);
    }
    Ok(JobIds {
        posted: ids[0],
        offered: ids[1],
        assigned: ids[2],
        submitted: [ids[3], ids[4]],
    })
}

/// A small job of the clinic on BitWave's node #1, taken to `step`: 0 posted, 1 offered,
/// 2 assigned, 3 submitted, 4 paid.
fn job_at_step(
    app: &mut App,
    deployment: &Deployment,
    config: &GenesisConfig,
    clinic: &Addr,
    step: u32,
) -> anyhow::Result<u64> {
    use btt_types::compute::{self, Assignment, ComputeEscrowContract, JobSpec, Urgency};
    let market = ComputeEscrowContract(deployment.escrow.clone());
    let operator = Addr::unchecked(&config.beneficiaries[&Category::BitWaveProtocolLabs]);
    let node_id = 1;
    let spec = JobSpec {
        compute_units: 100,
        hardware_class: "gpu-standard".into(),
        urgency: Urgency::Standard,
        data_gb: 1,
        run_seconds: 2 * 86_400,
        review_seconds: 86_400,
    };
    let price = market.quote(&app.wrap(), &spec, Some(clinic))?.price;
    let res = app.execute(
        clinic.clone(),
        market.post_job_msg(&deployment.token, price, spec)?,
    )?;
    let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
    let exec = |app: &mut App, who: &Addr, msg: compute::ExecuteMsg| {
        app.execute_contract(who.clone(), deployment.escrow.clone(), &msg, &[])
    };
    if step >= 1 {
        let assignments = vec![Assignment {
            node_id,
            units: 100,
        }];
        exec(
            app,
            clinic,
            compute::ExecuteMsg::AssignJob {
                job_id,
                assignments,
            },
        )?;
    }
    if step >= 2 {
        exec(
            app,
            &operator,
            compute::ExecuteMsg::AcceptAssignment { job_id, node_id },
        )?;
    }
    if step >= 3 {
        let submit = compute::ExecuteMsg::SubmitResult {
            job_id,
            result_hash: format!("{step:02x}").repeat(32),
            result_uri: format!("ipfs://bafy-app-state-result-{job_id}"),
        };
        exec(app, &operator, submit)?;
    }
    if step >= 4 {
        exec(app, clinic, compute::ExecuteMsg::AcceptResult { job_id })?;
    }
    Ok(job_id)
}

/// BitWave's node #1 earns mining in the current epoch: a paid job (whose protocol fees bound
/// the reward) and the attestations of two oracles. The epoch ends later in the state.
fn mining_this_epoch(
    app: &mut App,
    deployment: &Deployment,
    config: &GenesisConfig,
    clinic: &Addr,
) -> anyhow::Result<()> {
    use btt_types::depin::{self, Attestation, StateResponse};
    job_at_step(app, deployment, config, clinic, 4)?;
    let state: StateResponse = app
        .wrap()
        .query_wasm_smart(&deployment.depin, &depin::QueryMsg::State {})?;
    for oracle in config.compute.oracles.iter().take(2) {
        app.execute_contract(
            Addr::unchecked(oracle),
            deployment.depin.clone(),
            &depin::ExecuteMsg::Attest {
                epoch: state.current_epoch,
                node_id: 1,
                attestation: Attestation {
                    uptime: Decimal::percent(97),
                    qos_tier: 0,
                    region: "cn-west".into(),
                    energy: btt_types::compute::EnergyRating::A,
                },
            },
            &[],
        )?;
    }
    Ok(())
}

/// The clinic invoices the patient 30 USDC for a consultation and the patient pays it at once:
/// the payment waits out its settlement window.
fn paid_in_window(
    app: &mut App,
    deployment: &Deployment,
    clinic: &Addr,
    patient: &Addr,
) -> anyhow::Result<u64> {
    let amount = Uint128::new(30_000_000);
    let issue = payfi::ExecuteMsg::IssueInvoice(btt_types::payfi::NewInvoice {
        payer: Some(patient.to_string()),
        denom: Denom::Native(USDC.into()),
        amount,
        due: app.block_info().time.plus_seconds(7 * 86_400),
        memo_hash: "c0501".repeat(12),
        points: None,
        analytics: false,
    });
    let res = app.execute_contract(clinic.clone(), deployment.payfi.clone(), &issue, &[])?;
    let invoice_id: u64 = wasm_attr(&res, "invoice_id")?.parse()?;
    let res = app.execute_contract(
        patient.clone(),
        deployment.payfi.clone(),
        &payfi::ExecuteMsg::Pay { invoice_id, amount },
        &coins(amount.u128(), USDC),
    )?;
    Ok(wasm_attr(&res, "payment_id")?.parse()?)
}

/// The institutions pass a proposal paying 5,000 BTT from the ecosystem fund to BitWave for a
/// hackathon; voting and the timelock are over and nobody has executed it yet.
fn passed_proposal(
    app: &mut App,
    deployment: &Deployment,
    config: &GenesisConfig,
) -> anyhow::Result<u64> {
    let dao = &deployment.dao;
    let rules = dao.config(&app.wrap())?;
    let bitwave = Addr::unchecked(&config.beneficiaries[&Category::BitWaveProtocolLabs]);
    let pay = dao.spend_msg(
        Fund::EcosystemDevelopment,
        bitwave.as_str(),
        "btt",
        btt(5_000),
    )?;
    let res = app.execute(
        bitwave,
        dao.propose_msg(
            &deployment.token,
            rules.deposit,
            "Healthcare data hackathon prizes",
            "Pay 5,000 BTT from the Ecosystem Development Fund to BitWave Protocol Labs for the \
             prizes of a healthcare data hackathon.",
            vec![pay],
        )?,
    )?;
    let id: u64 = wasm_attr(&res, "proposal_id")?.parse()?;
    for (category, who) in &config.beneficiaries {
        if *category == Category::TechnicalDevelopmentFoundation {
            continue;
        }
        app.execute_contract(
            Addr::unchecked(who),
            dao.addr().clone(),
            &btt_types::dao::ExecuteMsg::Vote {
                proposal_id: id,
                vote: btt_types::dao::VoteOption::Yes,
            },
            &[],
        )?;
    }
    advance(app, rules.voting_period_seconds + rules.timelock_seconds);
    Ok(id)
}

/// The clinic proposes paying 25,000 BTT from the ecosystem fund to the foundation for a
/// security audit; nobody has voted yet.
fn open_proposal(
    app: &mut App,
    deployment: &Deployment,
    config: &GenesisConfig,
    clinic: &Addr,
) -> anyhow::Result<u64> {
    let dao = &deployment.dao;
    let deposit = dao.config(&app.wrap())?.deposit;
    let foundation = &config.beneficiaries[&Category::TechnicalDevelopmentFoundation];
    let pay = dao.spend_msg(Fund::EcosystemDevelopment, foundation, "btt", btt(25_000))?;
    let res = app.execute(
        clinic.clone(),
        dao.propose_msg(
            &deployment.token,
            deposit,
            "Security audit of the BTT app",
            "Pay 25,000 BTT from the Ecosystem Development Fund to the Technical Development \
             Foundation for an external audit of the contracts and the dApp.",
            vec![pay],
        )?,
    )?;
    Ok(wasm_attr(&res, "proposal_id")?.parse()?)
}

/// The clinic tokenizes an ultrasound scanner, fractionalizes it into 1,000,000 USDC-priced
/// shares, lists 300,000 at 0.05 USDC; the patient buys 100,000 and the clinic deposits
/// 1,000 USDC of income.
fn vault_for_sale(
    app: &mut App,
    deployment: &Deployment,
    clinic: &Addr,
    patient: &Addr,
) -> anyhow::Result<(u64, u64)> {
    let token = &deployment.token;
    let (nft, vaults_addr) = (&deployment.nft, &deployment.vaults);
    let appraised = btt(10_000);
    let mint = rwa_nft::ReceiveMsg::Mint(rwa_nft::MintMsg {
        token_id: "ultrasound-0001".into(),
        owner: clinic.to_string(),
        token_uri: Some("https://clinic.example/assets/ultrasound-0001".into()),
        asset: MintAsset {
            class: "equipment".into(),
            description: "Portable ultrasound scanner, outpatient clinic".into(),
            value: appraised,
            denom: "btt".into(),
            appraiser: "Guangdong Medical Equipment Appraisals".into(),
            complexity: Complexity::Simple,
            documents: vec![Document {
                sha256: "7a11".repeat(16),
                uri: "ipfs://bafybeiultrasound0001registration".into(),
            }],
            jurisdiction: "CN-44".into(),
            regulatory_id: "NMPA-2026-US-0001".into(),
        },
    });
    app.execute(clinic.clone(), token.send_msg(nft, btt(100), &mint)?)
        .context("minting the ultrasound NFT")?;
    let vault_id = fractionalize(
        app,
        deployment,
        clinic,
        "ultrasound-0001",
        "ULS",
        Uint128::new(50_000_000_000),
    )?;
    let vault: vaults::VaultResponse = app
        .wrap()
        .query_wasm_smart(vaults_addr, &vaults::QueryMsg::Vault { vault_id })?;
    app.execute_contract(
        clinic.clone(),
        vault.vault.shares_token.clone(),
        &Cw20ExecuteMsg::IncreaseAllowance {
            spender: vaults_addr.to_string(),
            amount: Uint128::new(300_000),
            expires: None,
        },
        &[],
    )?;
    let res = app.execute_contract(
        clinic.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::List {
            vault_id,
            shares: Uint128::new(300_000),
            price_per_share: Uint128::new(50_000),
        },
        &[],
    )?;
    let listing_id: u64 = wasm_attr(&res, "listing_id")?.parse()?;
    let quote: vaults::QuoteResponse = app.wrap().query_wasm_smart(
        vaults_addr,
        &vaults::QueryMsg::Quote {
            listing_id,
            shares: Uint128::new(100_000),
            buyer: patient.to_string(),
        },
    )?;
    app.execute_contract(
        patient.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::Buy {
            listing_id,
            shares: Uint128::new(100_000),
        },
        &coins(quote.total.u128(), USDC),
    )?;
    app.execute_contract(
        clinic.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::DepositIncome { vault_id },
        &coins(1_000_000_000, USDC),
    )?;
    Ok((vault_id, listing_id))
}

/// An oracle challenges BitWave's node #1 four times for 4 capacity units: one
/// passed (confirming them), two offered, one accepted and waiting for its answer
/// ("app-state-answer-<step>").
fn challenges_on_node_1(
    app: &mut App,
    deployment: &Deployment,
    config: &GenesisConfig,
    clinic: &Addr,
) -> anyhow::Result<ChallengeIds> {
    use btt_types::compute::{self, ChallengeSpec, ComputeEscrowContract, JobSpec, Urgency};
    let market = ComputeEscrowContract(deployment.escrow.clone());
    let operator = Addr::unchecked(&config.beneficiaries[&Category::BitWaveProtocolLabs]);
    let oracle = Addr::unchecked(&config.compute.oracles[0]);
    let spec = JobSpec {
        compute_units: 100,
        hardware_class: "gpu-standard".into(),
        urgency: Urgency::Standard,
        data_gb: 0,
        run_seconds: 2 * 86_400,
        review_seconds: 86_400,
    };
    let mut ids = vec![];
    let mut answers = vec![];
    for (k, step) in [2u32, 0, 0, 1].into_iter().enumerate() {
        let answer = format!("app-state-answer-{k}");
        answers.push(answer.clone());
        let commitment = btt_types::compute::commitment_of(&answer);
        let price = market.quote(&app.wrap(), &spec, Some(&oracle))?.price;
        app.execute(
            clinic.clone(),
            deployment.token.transfer_msg(&oracle, price)?,
        )?;
        let challenge = ChallengeSpec {
            node_id: 1,
            job: spec.clone(),
            capacity: Decimal::from_ratio(4u128, 1u128),
            commitment,
        };
        let res = app.execute(
            oracle.clone(),
            market.post_challenge_msg(&deployment.token, price, challenge)?,
        )?;
        let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
        ids.push(job_id);
        if step >= 1 {
            app.execute_contract(
                operator.clone(),
                deployment.escrow.clone(),
                &compute::ExecuteMsg::AcceptAssignment { job_id, node_id: 1 },
                &[],
            )?;
        }
        if step >= 2 {
            app.execute_contract(
                operator.clone(),
                deployment.escrow.clone(),
                &compute::ExecuteMsg::SubmitResult {
                    job_id,
                    result_hash: answer,
                    result_uri: String::new(),
                },
                &[],
            )?;
        }
    }
    Ok(ChallengeIds {
        offered: [ids[1], ids[2]],
        accepted: ids[3],
        answer: answers[3].clone(),
    })
}
