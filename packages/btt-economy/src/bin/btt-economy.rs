//! `btt-economy`: the BTT economy.
//!
//! By default it deploys the whole suite on an embedded cw-multi-test chain with the one
//! deployment routine (genesis of the whole allocation table, the DAO owning and administering
//! every contract), writes the deployment manifest, walks 48 months (claims, stakes with locks,
//! foundation tranches approved by proposal, the compute marketplace, patient care, an MRI
//! tokenized and bought out) and prints what happened.
//!
//! With `--network NAME --dry-run` it runs the same routine against `deploy/networks/NAME.json`
//! and prints every transaction it would sign (uploads with the artifacts' checksums,
//! instantiations, wiring, genesis, hand-over), sending nothing.
//!
//! With `--network NAME` alone (built with the `daemon` feature, `scripts/deploy.sh NAME`) it
//! broadcasts the same routine with cw-orch's Daemon, signed by `BTT_DEPLOY_MNEMONIC`.
//!
//! Usage: `btt-economy --help`.

use std::path::PathBuf;

use btt_deploy::dryrun::{artifact_checksums, DryRunChain};
use btt_deploy::manifest::manifest;
use btt_deploy::multitest::deploy_genesis;
use btt_deploy::networks::network_config;
use btt_economy::living::summary::summary;
use btt_economy::living::{run, RunParams};
use btt_types::allocation::{PoolHolder, ALLOCATION_TABLE};
use btt_types::units::format_btt;
use clap::{CommandFactory, FromArgMatches, Parser};
use cosmwasm_std::{Addr, Timestamp};
use indicatif::{ProgressBar, ProgressStyle};
use std::time::Instant;

/// Deploys the BTT suite and runs the economy: on an embedded cw-multi-test chain by default,
/// or on a network of deploy/networks/.
#[derive(Parser, Debug)]
#[command(name = "btt-economy")]
struct Cli {
    /// Also write the run's report as JSON to FILE (it always goes to out/report.json).
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Months the economy runs from genesis.
    #[arg(long, default_value_t = 48, value_parser = clap::value_parser!(u64).range(1..=96))]
    months: u64,
    /// Seed of every random choice of the actors.
    #[arg(long, default_value_t = 2025)]
    seed: u64,
    /// Multiplies the population and the sampled demand of the paper's volumes.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
    scale: u32,
    /// Where the deployment manifest goes (default out/manifest.json, or
    /// out/manifest-NAME.json for a network); the report and charts go beside it.
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
    /// Deploy to deploy/networks/NAME.json instead of the embedded chain (broadcasting needs
    /// the `daemon` feature: scripts/deploy.sh NAME).
    #[arg(long, value_name = "NAME")]
    network: Option<String>,
    /// With --network: print every transaction the deployment would sign, and send nothing.
    #[arg(long, requires = "network")]
    dry_run: bool,
    /// With --dry-run: the deployer address to plan with (default a placeholder).
    #[arg(long, value_name = "ADDR", requires = "dry_run")]
    deployer: Option<String>,
    /// Write the dApp's embedded-chain snapshot to FILE, and stop.
    #[arg(long, value_name = "FILE", conflicts_with = "network")]
    app_snapshot: Option<PathBuf>,
}

impl Cli {
    /// The arguments, with the known networks listed under --help.
    fn parse_with_networks() -> Cli {
        let networks = format!("networks: {}", btt_deploy::networks::known().join(", "));
        let matches = Cli::command().after_help(networks).get_matches();
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }
}

use btt_deploy::manifest::write_json;

/// `--network NAME --dry-run`: the deployment routine on a network, printed, nothing sent.
fn dry_run(
    name: &str,
    deployer: Option<String>,
    manifest_path: Option<PathBuf>,
) -> anyhow::Result<()> {
    let network = btt_deploy::networks::load(name)?;
    let api = btt_deploy::networks::placeholder_api(&network);
    let deployer = match deployer {
        Some(d) => Addr::unchecked(d),
        None => api.addr_make("deployer"),
    };
    // Role addresses are placeholders of the network's prefix; a real deployment names them.
    let start = Timestamp::from_seconds(1_767_225_600);
    let config = network_config(
        &network,
        &|role: &str| api.addr_make(role).to_string(),
        start,
    );
    let mut chain = DryRunChain::new(network, deployer);
    let deployment = btt_deploy::deploy::deploy(&mut chain, &config)?;
    print!("{}", chain.render());
    if let Some(path) = manifest_path {
        write_json(
            &path,
            &manifest(&deployment, &config, &artifact_checksums()),
        )?;
        println!("wrote the planned manifest to {}", path.display());
    }
    Ok(())
}

/// `--network NAME`: the deployment routine broadcast by cw-orch's Daemon, signed with the
/// mnemonic in `BTT_DEPLOY_MNEMONIC` (the test deployer on `local`), going on from an
/// unfinished journal; the audit read back from the chain is printed.
#[cfg(feature = "daemon")]
fn broadcast(name: &str, manifest_path: Option<PathBuf>) -> anyhow::Result<()> {
    let network = btt_deploy::networks::load(name)?;
    let path = manifest_path.unwrap_or_else(|| format!("out/manifest-{name}.json").into());
    let done = btt_deploy::daemon::deploy_to(&network, &path)?;
    print!("{}", done.audit.render(done.deployment.dao.addr()));
    println!(
        "deployed to {name} ({} transactions sent by this run); manifest {}",
        done.sent,
        path.display()
    );
    Ok(())
}

#[cfg(not(feature = "daemon"))]
fn broadcast(name: &str, _manifest: Option<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!(
        "broadcasting needs the `daemon` feature: run `scripts/deploy.sh {name}` \
         (or `--network {name} --dry-run` to print every transaction)"
    )
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse_with_networks();
    if let Some(path) = &cli.app_snapshot {
        return app_snapshot(path);
    }
    match cli.network.clone() {
        Some(name) if cli.dry_run => dry_run(&name, cli.deployer.clone(), cli.manifest.clone()),
        Some(name) => broadcast(&name, cli.manifest.clone()),
        None => embedded(&cli),
    }
}

/// `--app-snapshot FILE`: the state the dApp's browser tests replay.
fn app_snapshot(path: &std::path::Path) -> anyhow::Result<()> {
    let state = btt_economy::app_state::app_state()?;
    write_json(path, &btt_economy::app_snapshot::app_snapshot(&state)?)?;
    println!(
        "wrote the dApp's embedded-chain snapshot to {}",
        path.display()
    );
    Ok(())
}

/// The main job: genesis on the embedded chain, the living economy, the report.
fn embedded(cli: &Cli) -> anyhow::Result<()> {
    let manifest_path = cli
        .manifest
        .clone()
        .unwrap_or_else(|| "out/manifest.json".into());

    let mut app = btt_deploy::multitest::local_app();
    let deployer = app.api().addr_make("deployer");
    let start = app.block_info().time;
    let config = btt_economy::living::genesis_config(&app, start, cli.scale);
    let deployment = deploy_genesis(&mut app, &deployer, &config)?;
    write_json(
        &manifest_path,
        &manifest(&deployment, &config, &artifact_checksums()),
    )?;

    println!("BTT genesis on an embedded cw-multi-test chain (the DAO owns and administers all)");
    for (name, addr) in deployment.contracts() {
        println!("  {name:<18} {addr}");
    }
    println!("  manifest: {}", manifest_path.display());
    println!("\nAllocation (21,000,000 BTT minted once, deployer left with 0):");
    for row in ALLOCATION_TABLE.iter() {
        let holder = match row.release {
            btt_types::allocation::Release::Pool(PoolHolder::MiningRewards) => "depin-rewards",
            btt_types::allocation::Release::Pool(PoolHolder::CommunityIncentives) => {
                "community pool holder"
            }
            btt_types::allocation::Release::Pool(
                PoolHolder::DaoTreasury | PoolHolder::LaunchGrant,
            ) => "btt-dao treasury",
            _ => "btt-vesting",
        };
        println!(
            "  {:<34} {:>6} {:>22} BTT  -> {holder}",
            row.name,
            row.share.to_string(),
            format_btt(row.amount())
        );
    }
    println!(
        "\nNote: the paper's allocation table sums to 89% (18,690,000 BTT) while it fixes the supply\n\
         at 21,000,000. The remaining 2,310,000 BTT are minted with the rest and held by the DAO\n\
         treasury as an unallocated reserve that only a governance proposal can release."
    );

    let params = RunParams {
        months: cli.months,
        seed: cli.seed,
        scale: cli.scale,
    };
    let bar = ProgressBar::new(params.months * 100);
    bar.set_style(ProgressStyle::with_template(
        "{bar:40} month {msg} [{elapsed_precise}]",
    )?);
    let started = Instant::now();
    let report = run(&mut app, &deployment, &config, params, &mut |p| {
        bar.set_position((p.month * 100.0) as u64);
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{:.1}/{}  {} txs  {:.0} tx/s",
            p.month,
            p.months,
            p.txs,
            p.txs as f64 / secs
        ));
    })?;
    bar.finish_and_clear();
    let elapsed = started.elapsed().as_secs_f64();
    print!("{}", summary(&report));
    let out_dir = manifest_path
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_else(|| "out".into());
    write_json(&out_dir.join("report.json"), &report)?;
    let html = out_dir.join("report.html");
    std::fs::write(&html, btt_economy::living::html::render(&report))?;
    println!(
        "\nwrote {} and {}",
        out_dir.join("report.json").display(),
        html.display()
    );
    if let Some(path) = &cli.json {
        write_json(path, &report)?;
        println!("wrote {}", path.display());
    }
    println!(
        "{} transactions in {:.1} s: {:.0} tx/s",
        report.transactions,
        elapsed,
        report.transactions as f64 / elapsed
    );
    Ok(())
}
