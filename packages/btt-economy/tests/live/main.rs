//! Live tests: the suite deployed to the local wasmd node (`scripts/live-test.sh` starts a fresh
//! chain, runs this target and stops the node by its pid even when a step fails), then one path
//! through every contract, each transaction signed by a test account and broadcast.
//!
//! The steps depend on each other (a stake needs a claim), so they run in order as one program
//! (`harness = false`) and the first failure ends the run with its error. Every transaction's
//! SDK gas and fee is written to `out/live-gas.json`.

mod chain;

use std::time::Instant;

use anyhow::{ensure, Context};
use btt_deploy::chain::{event_attr, wasm_attr, EconomyChain};
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_economy::governance::{pass_proposal, vote_and_execute};
use btt_types::allocation::Category;
use btt_types::compute::{
    self, Assignment, ComputeEscrowContract, EnergyRating, JobSpec, NodeSpec, Urgency,
};
use btt_types::dao::{Fund, Status};
use btt_types::fractionalizer as vaults;
use btt_types::units::{btt, format_btt};
use btt_types::vesting::Curve;
use chain::LiveChain;
use cosmwasm_std::{coins, Addr, Uint128};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::Executor;

/// What the steps share.
struct Live {
    chain: LiveChain,
    d: Deployment,
    config: GenesisConfig,
    left: LeftForTheApp,
    /// The deployment's transactions.
    deploy_txs: Vec<btt_deploy::daemon::TxGas>,
}

impl Live {
    fn who(&self, category: Category) -> Addr {
        Addr::unchecked(&self.config.beneficiaries[&category])
    }

    fn btt(&self, who: &Addr) -> anyhow::Result<Uint128> {
        Ok(self.d.token.balance(&self.chain.wrap(), who)?)
    }

    fn native(&self, who: &Addr, denom: &str) -> anyhow::Result<Uint128> {
        Ok(self.chain.wrap().query_balance(who, denom)?.amount)
    }

    fn foundation_schedule(&self) -> u64 {
        self.d.schedule_ids[&Category::TechnicalDevelopmentFoundation]
    }

    fn tranche_approved(&self, tranche: usize) -> anyhow::Result<bool> {
        let s = self
            .d
            .vesting
            .schedule(&self.chain.wrap(), self.foundation_schedule())?
            .schedule;
        let Curve::Milestones { tranches } = s.curve else {
            anyhow::bail!("the foundation's schedule has no milestones");
        };
        Ok(tranches[tranche].approved_at.is_some())
    }
}

fn manifest_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../out/manifest-local.json")
}

/// Deploys with `scripts/deploy.sh local`'s routine and checks the audit read back.
fn deploy() -> anyhow::Result<Live> {
    let network = btt_deploy::networks::load(btt_deploy::localnet::LOCAL)?;
    let done = btt_deploy::daemon::deploy_to(&network, &manifest_path())?;
    print!("{}", done.audit.render(done.deployment.dao.addr()));
    ensure!(done.sent == 62, "{} transactions sent", done.sent);
    ensure!(done.txs.len() == 62 && done.txs.iter().all(|t| t.gas_used > 0));
    let mut chain = LiveChain::connect(&network)?;
    for (name, addr) in done.deployment.contracts() {
        chain.labels.insert(addr.to_string(), name.to_string());
    }
    Ok(Live {
        chain,
        d: done.deployment,
        config: done.config,
        left: LeftForTheApp::default(),
        deploy_txs: done.txs,
    })
}

fn a_second_deployment_is_refused_and_sends_nothing(live: &mut Live) -> anyhow::Result<()> {
    let network = btt_deploy::networks::load(btt_deploy::localnet::LOCAL)?;
    let deployer = live.d.deployer.clone();
    // Every transaction costs the deployer fees: an unchanged fee balance means none was sent.
    let fees_before = live.native(&deployer, &network.fee_denom)?;
    let err = btt_deploy::daemon::deploy_to(&network, &manifest_path())
        .err()
        .context("a second deployment went through")?;
    ensure!(
        matches!(
            err.downcast_ref::<btt_deploy::resume::ResumeError>(),
            Some(btt_deploy::resume::ResumeError::AlreadyDeployed { steps: 62, .. })
        ),
        "unexpected refusal: {err:#}"
    );
    ensure!(live.native(&deployer, &network.fee_denom)? == fees_before);
    ensure!(live.btt(&deployer)?.is_zero());
    Ok(())
}

fn the_institutions_claim_vesting_and_bithive_stakes_with_a_lock(
    live: &mut Live,
) -> anyhow::Result<()> {
    for category in [
        Category::BitHive,
        Category::ChinaDigitalHealthcareGroup,
        Category::BitWaveProtocolLabs,
    ] {
        let id = live.d.schedule_ids[&category];
        let who = live.who(category);
        let claimable = live
            .d
            .vesting
            .schedule(&live.chain.wrap(), id)?
            .status
            .claimable;
        ensure!(!claimable.is_zero(), "{category:?} has nothing to claim");
        let before = live.btt(&who)?;
        let res = live
            .chain
            .execute(who.clone(), live.d.vesting.claim_msg(id)?)?;
        let claimed: Uint128 = wasm_attr(&res, "amount")?.parse()?;
        ensure!(
            claimed >= claimable,
            "{category:?} claimed {claimed} < {claimable}"
        );
        ensure!(
            live.btt(&who)? - before == claimed,
            "{category:?}'s balance"
        );
        let status = live.d.vesting.schedule(&live.chain.wrap(), id)?.status;
        ensure!(
            status.claimed == claimed,
            "{category:?}: the schedule says {} claimed",
            status.claimed
        );
        println!("    {category:?} claimed {} BTT", format_btt(claimed));
    }
    // BitHive stakes half of its claim for 12 months (tier 3: 1.5× power).
    let bithive = live.who(Category::BitHive);
    let half = live.btt(&bithive)?.multiply_ratio(1u128, 2u128);
    live.chain.execute(
        bithive.clone(),
        live.d.staking.stake_msg(&live.d.token, half, 3)?,
    )?;
    let staker: btt_types::staking::StakerResponse = live.chain.wrap().query_wasm_smart(
        live.d.staking.addr(),
        &btt_types::staking::QueryMsg::Staker {
            address: bithive.to_string(),
        },
    )?;
    // Power counts from the block after the stake.
    btt_economy::governance::advance(&mut live.chain, 1);
    ensure!(staker.staked == half, "staked {}", staker.staked);
    ensure!(
        staker.power == half.multiply_ratio(3u128, 2u128),
        "power {} for {half} at 1.5×",
        staker.power
    );
    Ok(())
}

fn a_tranche_proposal_passes_and_executes_after_the_timelock(
    live: &mut Live,
) -> anyhow::Result<()> {
    let bithive = live.who(Category::BitHive);
    ensure!(!live.tranche_approved(0)?);
    let started = Instant::now();
    let msg = live
        .d
        .vesting
        .approve_tranche_msg(live.foundation_schedule(), 0)?;
    let d = live.d.clone();
    let passed = pass_proposal(
        &mut live.chain,
        &d,
        &bithive,
        "Approve the foundation's first tranche",
        vec![msg],
        std::slice::from_ref(&bithive),
    )?;
    ensure!(live.tranche_approved(0)?, "tranche 0 not approved");
    ensure!(passed.yes_power == passed.total_power && !passed.total_power.is_zero());
    println!(
        "    proposal #{} executed {:.0} s after it was made (vote {} s + timelock {} s)",
        passed.id,
        started.elapsed().as_secs_f64(),
        live.config.governance.voting_period_seconds,
        live.config.governance.timelock_seconds
    );
    Ok(())
}

fn a_proposal_whose_second_message_fails_changes_nothing(live: &mut Live) -> anyhow::Result<()> {
    let bithive = live.who(Category::BitHive);
    let grantee = live.chain.addr_make("clinic");
    let dao = live.d.dao.addr().clone();
    let grant = btt(25_000);
    // First a grant that would succeed alone, then a second approval of tranche 0 (refused).
    let msgs = vec![
        live.d.dao.spend_msg(
            Fund::EcosystemDevelopment,
            grantee.to_string(),
            "btt",
            grant,
        )?,
        live.d
            .vesting
            .approve_tranche_msg(live.foundation_schedule(), 0)?,
    ];
    let treasury_before = live.d.dao.treasury(&live.chain.wrap(), vec![])?;
    let grantee_before = live.btt(&grantee)?;
    let dao_before = live.btt(&dao)?;
    let d = live.d.clone();
    let (passed, status) = vote_and_execute(
        &mut live.chain,
        &d,
        &bithive,
        "A grant bundled with a refused approval",
        msgs,
        std::slice::from_ref(&bithive),
    )?;
    ensure!(
        status == Status::ExecutionFailed,
        "proposal {} ended {status:?}",
        passed.id
    );
    ensure!(live.btt(&grantee)? == grantee_before, "the grant was paid");
    ensure!(live.btt(&dao)? == dao_before, "the DAO's BTT moved");
    let treasury_after = live.d.dao.treasury(&live.chain.wrap(), vec![])?;
    ensure!(
        treasury_after.funds == treasury_before.funds,
        "the treasury's funds changed"
    );
    ensure!(live.tranche_approved(0)? && !live.tranche_approved(1)?);
    Ok(())
}

fn a_node_registers_and_a_job_pays_the_70_15_10_5_split(live: &mut Live) -> anyhow::Result<()> {
    let clinic = live.who(Category::ChinaDigitalHealthcareGroup);
    let operator = live.chain.addr_make("node-operator");
    let bithive = live.who(Category::BitHive);
    let bond = live.config.compute.min_bond;
    live.chain
        .execute(bithive, live.d.token.transfer_msg(&operator, bond)?)?;
    let market = ComputeEscrowContract(live.d.escrow.clone());
    let spec = NodeSpec {
        hardware_class: "gpu-standard".into(),
        gpu_count: 4,
        region: "cn-west".into(),
        energy_rating: EnergyRating::B,
        endpoint: "https://node.local.example".into(),
    };
    let res = live.chain.execute(
        operator.clone(),
        market.register_node_msg(&live.d.token, bond, spec)?,
    )?;
    let node_id: u64 = wasm_attr(&res, "node_id")?.parse()?;

    let spec = JobSpec {
        compute_units: 1_000,
        hardware_class: "gpu-standard".into(),
        urgency: Urgency::Standard,
        data_gb: 10,
        run_seconds: 7_200,
        review_seconds: 86_400,
    };
    let quote = market.quote(&live.chain.wrap(), &spec, Some(&clinic))?;
    let price = quote.price;
    ensure!(
        (price % Uint128::new(10_000)).is_zero(),
        "pick a price that splits exactly"
    );
    let res = live.chain.execute(
        clinic.clone(),
        market.post_job_msg(&live.d.token, price, spec)?,
    )?;
    let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
    let escrow = live.d.escrow.clone();
    live.chain.execute_contract(
        clinic.clone(),
        escrow.clone(),
        &compute::ExecuteMsg::AssignJob {
            job_id,
            assignments: vec![Assignment {
                node_id,
                units: 1_000,
            }],
        },
        &[],
    )?;
    live.chain.execute_contract(
        operator.clone(),
        escrow.clone(),
        &compute::ExecuteMsg::AcceptAssignment { job_id, node_id },
        &[],
    )?;
    live.chain.execute_contract(
        operator.clone(),
        escrow.clone(),
        &compute::ExecuteMsg::SubmitResult {
            job_id,
            result_hash: "ab".repeat(32),
            result_uri: "ipfs://bafy-live-result".into(),
        },
        &[],
    )?;
    let dao = live.d.dao.addr().clone();
    let foundation = live.who(Category::TechnicalDevelopmentFoundation);
    let before = [
        live.btt(&operator)?,
        live.btt(&dao)?,
        live.btt(&foundation)?,
    ];
    let res = live.chain.execute_contract(
        clinic,
        escrow,
        &compute::ExecuteMsg::AcceptResult { job_id },
        &[],
    )?;
    let after = [
        live.btt(&operator)?,
        live.btt(&dao)?,
        live.btt(&foundation)?,
    ];
    let part = |bps: u128| price.multiply_ratio(bps, 10_000u128);
    ensure!(
        after[0] - before[0] == part(7_000),
        "node got {}",
        after[0] - before[0]
    );
    ensure!(
        after[1] - before[1] == part(1_500) + part(500),
        "DAO got {}",
        after[1] - before[1]
    );
    ensure!(
        after[2] - before[2] == part(1_000),
        "foundation got {}",
        after[2] - before[2]
    );
    for (key, bps) in [
        ("development_fund", 1_500),
        ("foundation", 1_000),
        ("reserve", 500),
    ] {
        let routed: Uint128 = event_attr(&res, "wasm-fee_routed", key)?.parse()?;
        ensure!(routed == part(bps), "{key} routed {routed}");
    }
    println!(
        "    job #{job_id} of {} BTT: node {} / development {} / foundation {} / reserve {}",
        format_btt(price),
        format_btt(part(7_000)),
        format_btt(part(1_500)),
        format_btt(part(1_000)),
        format_btt(part(500))
    );
    an_oracle_challenge_confirms_the_nodes_capacity(live, &operator, node_id)
}

/// Two oracles challenge the node for its 4 GPUs with committed answers; the node accepts and
/// answers; compute-escrow confirms the capacity its 600 BTT bond covers and depin-rewards,
/// with passes of its quorum of two oracles, counts it from the next epoch.
fn an_oracle_challenge_confirms_the_nodes_capacity(
    live: &mut Live,
    operator: &Addr,
    node_id: u64,
) -> anyhow::Result<()> {
    let market = ComputeEscrowContract(live.d.escrow.clone());
    let escrow = live.d.escrow.clone();
    // Two oracles (the genesis quorum) each challenge the node and it passes both.
    for name in ["oracle-1", "oracle-2"] {
        let oracle = live.chain.addr_make(name);
        let job = JobSpec {
            compute_units: 100,
            hardware_class: "gpu-standard".into(),
            urgency: Urgency::Standard,
            data_gb: 0,
            run_seconds: 7_200,
            review_seconds: 3_600,
        };
        let price = market.quote(&live.chain.wrap(), &job, Some(&oracle))?.price;
        let bithive = live.who(Category::BitHive);
        live.chain
            .execute(bithive, live.d.token.transfer_msg(&oracle, price)?)?;
        let answer = format!("benchmark-live-{name}-{node_id}");
        let commitment = btt_types::compute::commitment_of(&answer);
        let spec = compute::ChallengeSpec {
            node_id,
            job,
            capacity: cosmwasm_std::Decimal::from_ratio(4u128, 1u128),
            commitment,
        };
        let res = live.chain.execute(
            oracle.clone(),
            market.post_challenge_msg(&live.d.token, price, spec)?,
        )?;
        ensure!(
            wasm_attr(&res, "by_oracle")? == "true",
            "an oracle's challenge"
        );
        let job_id: u64 = wasm_attr(&res, "job_id")?.parse()?;
        live.chain.execute_contract(
            operator.clone(),
            escrow.clone(),
            &compute::ExecuteMsg::AcceptAssignment { job_id, node_id },
            &[],
        )?;
        let res = live.chain.execute_contract(
            operator.clone(),
            escrow.clone(),
            &compute::ExecuteMsg::SubmitResult {
                job_id,
                result_hash: answer,
                result_uri: String::new(),
            },
            &[],
        )?;
        ensure!(wasm_attr(&res, "confirmed")? == "true", "the pass confirms");
        println!("    challenge #{job_id} by {name}: passed");
    }
    let node: compute::Node = live
        .chain
        .wrap()
        .query_wasm_smart(&escrow, &compute::QueryMsg::Node { node_id })?;
    let four = cosmwasm_std::Decimal::from_ratio(4u128, 1u128);
    ensure!(
        node.verified_capacity == four && node.counted_capacity == four,
        "verified {}, counted {}",
        node.verified_capacity,
        node.counted_capacity
    );
    let mined: btt_types::depin::NodeResponse = live
        .chain
        .wrap()
        .query_wasm_smart(&live.d.depin, &btt_types::depin::QueryMsg::Node { node_id })?;
    ensure!(
        mined.capacity.target == four && mined.capacity.confirmed.is_some(),
        "depin counts {:?}",
        mined.capacity
    );
    let totals: compute::TotalsResponse = live
        .chain
        .wrap()
        .query_wasm_smart(&escrow, &compute::QueryMsg::Totals {})?;
    live.left.last_job_id = totals.jobs;
    println!(
        "    node {node_id} confirmed by two oracles for {four} capacity units, counted from the next epoch"
    );
    Ok(())
}

fn patients_earn_redeem_and_convert_points_and_pay_an_invoice_in_usdc(
    live: &mut Live,
) -> anyhow::Result<()> {
    let (d, config) = (live.d.clone(), live.config.clone());
    let report = btt_economy::care::care_scenario(&mut live.chain, &d, &config)?;
    ensure!(report.awarded == 950 && report.redeemed == 300 && report.converted == 400);
    ensure!(!report.converted_btt.is_zero() && !report.settled_to_clinic.is_zero());
    ensure!(report.refunded_invoice_points == 0);
    print!("{}", btt_economy::care::render(&report));
    Ok(())
}

fn an_asset_is_minted_fractionalized_bought_and_pays_income(live: &mut Live) -> anyhow::Result<()> {
    let clinic = live.who(Category::ChinaDigitalHealthcareGroup);
    let alice = live.chain.addr_make("patient-alice");
    let nft = live.d.nft.clone();
    let vaults_addr = live.d.vaults.clone();
    let value = btt(10_000);
    let mint = btt_types::rwa_nft::ReceiveMsg::Mint(btt_types::rwa_nft::MintMsg {
        token_id: "ct-live-1".into(),
        owner: clinic.to_string(),
        token_uri: None,
        asset: btt_types::rwa_nft::MintAsset {
            class: "equipment".into(),
            description: "CT scanner of the live test".into(),
            value,
            denom: "btt".into(),
            appraiser: "Local Appraisals".into(),
            complexity: btt_types::rwa_nft::Complexity::Simple,
            documents: vec![btt_types::rwa_nft::Document {
                sha256: "1a".repeat(32),
                uri: "ipfs://bafy-ct-live-1".into(),
            }],
            jurisdiction: "CN-44".into(),
            regulatory_id: "NMPA-LIVE-1".into(),
        },
    });
    let fee = value.mul_ceil(live.config.rwa.nft_fees.simple.to_decimal());
    live.chain
        .execute(clinic.clone(), live.d.token.send_msg(&nft, fee, &mint)?)?;
    let d = live.d.clone();
    let vault_id = btt_economy::rwa::fractionalize(
        &mut live.chain,
        &d,
        &clinic,
        "ct-live-1",
        "CTL",
        Uint128::new(50_000_000_000),
    )?;
    let vault: vaults::VaultResponse = live
        .chain
        .wrap()
        .query_wasm_smart(&vaults_addr, &vaults::QueryMsg::Vault { vault_id })?;
    let shares = vault.vault.shares_token;
    live.chain.execute_contract(
        clinic.clone(),
        shares.clone(),
        &Cw20ExecuteMsg::IncreaseAllowance {
            spender: vaults_addr.to_string(),
            amount: Uint128::new(500_000),
            expires: None,
        },
        &[],
    )?;
    let res = live.chain.execute_contract(
        clinic.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::List {
            vault_id,
            shares: Uint128::new(500_000),
            price_per_share: Uint128::new(40_000),
        },
        &[],
    )?;
    let listing_id: u64 = wasm_attr(&res, "listing_id")?.parse()?;
    let q: vaults::QuoteResponse = live.chain.wrap().query_wasm_smart(
        &vaults_addr,
        &vaults::QueryMsg::Quote {
            listing_id,
            shares: Uint128::new(250_000),
            buyer: alice.to_string(),
        },
    )?;
    live.chain.execute_contract(
        alice.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::Buy {
            listing_id,
            shares: Uint128::new(250_000),
        },
        &coins(q.total.u128(), "uusdc"),
    )?;
    let held: cw20::BalanceResponse = live.chain.wrap().query_wasm_smart(
        &shares,
        &cw20::Cw20QueryMsg::Balance {
            address: alice.to_string(),
        },
    )?;
    ensure!(
        held.balance == Uint128::new(250_000),
        "alice holds {}",
        held.balance
    );
    // Income of 4,000 USDC: alice's quarter of the shares earns her a quarter, to the uusdc
    // (the income index rounds down, never up).
    let income = Uint128::new(4_000_000_000);
    live.chain.execute_contract(
        clinic.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::DepositIncome { vault_id },
        &coins(income.u128(), "uusdc"),
    )?;
    let before = live.native(&alice, "uusdc")?;
    live.chain.execute_contract(
        alice.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::ClaimIncome { vault_id },
        &[],
    )?;
    let claimed = live.native(&alice, "uusdc")? - before;
    ensure!(
        claimed <= income.multiply_ratio(1u128, 4u128)
            && claimed + Uint128::new(1) >= income.multiply_ratio(1u128, 4u128),
        "alice claimed {claimed} uusdc of {income}"
    );
    let before = live.native(&clinic, "uusdc")?;
    live.chain.execute_contract(
        clinic.clone(),
        vaults_addr,
        &vaults::ExecuteMsg::ClaimIncome { vault_id },
        &[],
    )?;
    let clinic_claimed = live.native(&clinic, "uusdc")? - before;
    ensure!(claimed + clinic_claimed <= income && !clinic_claimed.is_zero());
    println!(
        "    vault #{vault_id}: alice bought 25% for {} uusdc, claimed {claimed} of {income} uusdc income",
        q.total
    );
    // Half the listing stays open for the dApp's live tests.
    live.left.vault_id = vault_id;
    live.left.listing_id = listing_id;
    Ok(())
}

fn btt_and_shares_transfers_are_measured_beside_a_cw20_base_transfer(
    live: &mut Live,
) -> anyhow::Result<()> {
    let (investor, stranger) = (
        live.chain.addr_make("investor"),
        live.chain.addr_make("stranger"),
    );
    let reference = live.chain.deploy_cw20_base(&serde_json::json!({
        "name": "Reference token",
        "symbol": "REF",
        "decimals": 6,
        "initial_balances": [{ "address": investor.to_string(), "amount": "1000000000" }],
    }))?;
    let one = Uint128::new(1_000_000);
    let transfer = |recipient: &Addr, amount: Uint128| Cw20ExecuteMsg::Transfer {
        recipient: recipient.to_string(),
        amount,
    };
    live.chain.execute_contract(
        investor.clone(),
        reference.clone(),
        &transfer(&stranger, one),
        &[],
    )?;
    let held: cw20::BalanceResponse = live.chain.wrap().query_wasm_smart(
        &reference,
        &cw20::Cw20QueryMsg::Balance {
            address: stranger.to_string(),
        },
    )?;
    ensure!(
        held.balance == one,
        "the stranger holds {} REF",
        held.balance
    );
    let bithive = live.who(Category::BitHive);
    let token = live.d.token.addr().clone();
    let before = live.btt(&stranger)?;
    live.chain
        .execute_contract(bithive, token, &transfer(&stranger, one), &[])?;
    ensure!(live.btt(&stranger)? == before + one, "the BTT transfer");
    let vault: vaults::VaultResponse = live.chain.wrap().query_wasm_smart(
        &live.d.vaults,
        &vaults::QueryMsg::Vault {
            vault_id: live.left.vault_id,
        },
    )?;
    let shares = vault.vault.shares_token;
    live.chain
        .labels
        .insert(shares.to_string(), "rwa-shares".into());
    let alice = live.chain.addr_make("patient-alice");
    live.chain.execute_contract(
        alice,
        shares.clone(),
        &transfer(&investor, Uint128::new(1_000)),
        &[],
    )?;
    let got: cw20::BalanceResponse = live.chain.wrap().query_wasm_smart(
        &shares,
        &cw20::Cw20QueryMsg::Balance {
            address: investor.to_string(),
        },
    )?;
    ensure!(got.balance == Uint128::new(1_000));
    let gas = |name: &str| {
        live.chain
            .txs
            .iter()
            .rev()
            .find(|t| t.what == format!("{name} transfer"))
            .map(|t| t.gas_used)
            .context(name.to_string())
    };
    let (base, ours, shares) = (gas("cw20-base")?, gas("btt-token")?, gas("rwa-shares")?);
    println!("    SDK gas of a transfer: cw20-base {base}, btt-token {ours}, rwa-shares {shares}");
    Ok(())
}

/// What the live steps leave open for the dApp's live tests (`out/live-state.json`).
#[derive(Debug, Default, serde::Serialize)]
struct LeftForTheApp {
    /// A vault with shares listed for sale.
    vault_id: u64,
    /// Its open listing (250,000 shares).
    listing_id: u64,
    /// An invoice of 250 USDC to patient-bob.
    invoice_id: u64,
    /// The last job id compute-escrow gave out (jobs and challenges): the dApp's job is the next.
    last_job_id: u64,
}

fn a_provider_issues_an_invoice_for_the_dapp_to_pay(live: &mut Live) -> anyhow::Result<()> {
    let clinic = live.who(Category::ChinaDigitalHealthcareGroup);
    let bob = live.chain.addr_make("patient-bob");
    let due = live.chain.block_info().time.plus_seconds(30 * 86_400);
    let res = live.chain.execute_contract(
        clinic,
        live.d.payfi.clone(),
        &btt_types::payfi::ExecuteMsg::IssueInvoice(btt_types::payfi::NewInvoice {
            payer: Some(bob.to_string()),
            denom: btt_types::payfi::Denom::Native("uusdc".into()),
            amount: Uint128::new(250_000_000),
            due,
            memo_hash: "be".repeat(32),
            points: None,
            analytics: false,
        }),
        &[],
    )?;
    live.left.invoice_id = wasm_attr(&res, "invoice_id")?.parse()?;
    let path = manifest_path().with_file_name("live-state.json");
    btt_deploy::manifest::write_json(&path, &live.left)?;
    Ok(())
}

type Step = fn(&mut Live) -> anyhow::Result<()>;

fn main() {
    let started = Instant::now();
    println!("live tests on the local wasmd node");
    let mut live = match deploy() {
        Ok(l) => {
            println!(
                "test live::deploys_the_suite_and_reads_it_back ... ok ({:.1} s)",
                started.elapsed().as_secs_f64()
            );
            l
        }
        Err(e) => {
            println!("test live::deploys_the_suite_and_reads_it_back ... FAILED\n{e:?}");
            std::process::exit(1);
        }
    };
    let steps: [(&str, Step); 9] = [
        (
            "a_second_deployment_is_refused_and_sends_nothing",
            a_second_deployment_is_refused_and_sends_nothing,
        ),
        (
            "the_institutions_claim_vesting_and_bithive_stakes_with_a_lock",
            the_institutions_claim_vesting_and_bithive_stakes_with_a_lock,
        ),
        (
            "a_tranche_proposal_passes_and_executes_after_the_timelock",
            a_tranche_proposal_passes_and_executes_after_the_timelock,
        ),
        (
            "a_proposal_whose_second_message_fails_changes_nothing",
            a_proposal_whose_second_message_fails_changes_nothing,
        ),
        (
            "a_node_registers_and_a_job_pays_the_70_15_10_5_split",
            a_node_registers_and_a_job_pays_the_70_15_10_5_split,
        ),
        (
            "patients_earn_redeem_and_convert_points_and_pay_an_invoice_in_usdc",
            patients_earn_redeem_and_convert_points_and_pay_an_invoice_in_usdc,
        ),
        (
            "an_asset_is_minted_fractionalized_bought_and_pays_income",
            an_asset_is_minted_fractionalized_bought_and_pays_income,
        ),
        (
            "btt_and_shares_transfers_are_measured_beside_a_cw20_base_transfer",
            btt_and_shares_transfers_are_measured_beside_a_cw20_base_transfer,
        ),
        (
            "a_provider_issues_an_invoice_for_the_dapp_to_pay",
            a_provider_issues_an_invoice_for_the_dapp_to_pay,
        ),
    ];
    let mut passed = 1;
    for (name, step) in steps {
        let t = Instant::now();
        let txs = live.chain.txs.len();
        match step(&mut live) {
            Ok(()) => {
                passed += 1;
                println!(
                    "test live::{name} ... ok ({} tx, {:.1} s)",
                    live.chain.txs.len() - txs,
                    t.elapsed().as_secs_f64()
                );
            }
            Err(e) => {
                println!("test live::{name} ... FAILED\n{e:?}");
                write_gas(&live);
                std::process::exit(1);
            }
        }
    }
    write_gas(&live);
    println!(
        "\nlive test result: ok. {passed} passed; 0 failed; {} transactions after the deployment; {:.1} s",
        live.chain.txs.len(),
        started.elapsed().as_secs_f64()
    );
}

/// `out/live-gas.json`: every transaction of the run (the deployment's first) with its SDK gas
/// and fee; `out/live-gas.md`: the same as the tables `scripts/gas-report.sh` includes.
fn write_gas(live: &Live) {
    let all: Vec<_> = live.deploy_txs.iter().chain(&live.chain.txs).collect();
    let path = manifest_path().with_file_name("live-gas.json");
    if let Err(e) = btt_deploy::manifest::write_json(&path, &all) {
        eprintln!("could not write {}: {e}", path.display());
    }
    let md = manifest_path().with_file_name("live-gas.md");
    if let Err(e) = std::fs::write(&md, gas_tables(live)) {
        eprintln!("could not write {}: {e}", md.display());
    }
}

/// The SDK gas tables: transfers side by side, then every kind of transaction.
fn gas_tables(live: &Live) -> String {
    let price = &live.chain.gas_price_text;
    let mut out = format!(
        "SDK gas as wasmd v0.61.14 reports it (`gas_used`), on the local chain of \
         `scripts/live-test.sh`; the fee is the gas limit cw-orch asked for (simulation × 1.3) \
         times {price}.\n\n\
         | transfer of one token | SDK gas used | fee (ustake) |\n|---|---:|---:|\n"
    );
    for name in ["cw20-base", "btt-token", "rwa-shares"] {
        if let Some(t) = live
            .chain
            .txs
            .iter()
            .find(|t| t.what == format!("{name} transfer"))
        {
            out.push_str(&format!("| {name} | {} | {} |\n", t.gas_used, t.fee));
        }
    }
    out.push_str(
        "\n| transaction | count | SDK gas used (min – max) | fee (ustake, max) |\n|---|---:|---:|---:|\n",
    );
    let mut kinds: Vec<(String, Vec<&btt_deploy::daemon::TxGas>)> = vec![];
    for t in live.deploy_txs.iter().chain(&live.chain.txs) {
        // The deployment's steps name their contract; group the ones that repeat per contract.
        let kind = if t.what.starts_with("store ") && !t.what.contains("reference") {
            "store code (deployment)".to_string()
        } else if t.what.starts_with("making the DAO wasm admin") {
            "MsgUpdateAdmin to the DAO (deployment)".to_string()
        } else if t.what.starts_with("offering ownership") {
            "offer ownership to the DAO (deployment)".to_string()
        } else if t.what.starts_with("the DAO accepting") {
            "the DAO accepts ownership (deployment)".to_string()
        } else if t.what.starts_with("appointing the guardian") {
            "appoint the circuit guardian (deployment)".to_string()
        } else {
            t.what.clone()
        };
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, list)) => list.push(t),
            None => kinds.push((kind, vec![t])),
        }
    }
    for (kind, list) in kinds {
        let min = list.iter().map(|t| t.gas_used).min().unwrap_or(0);
        let max = list.iter().map(|t| t.gas_used).max().unwrap_or(0);
        let fee = list.iter().map(|t| t.fee).max().unwrap_or(0);
        let range = if min == max {
            min.to_string()
        } else {
            format!("{min} – {max}")
        };
        out.push_str(&format!("| {kind} | {} | {range} | {fee} |\n", list.len()));
    }
    out
}
