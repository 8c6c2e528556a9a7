//! `btt-economy`: the BTT economy on an embedded chain.
//!
//! Today it deploys the token, vesting, staking and the DAO on cw-multi-test (genesis of the
//! whole allocation table, the DAO owning and administering every contract), walks 48 months
//! (claims, stakes with locks, foundation tranches approved by proposal), and prints the
//! governance it ran and the unlocked and circulating BTT per category. Later issues grow it into the whole-economy year and a
//! testnet deploy (`btt-economy deploy --network ...`).
//!
//! Usage: `btt-economy [vesting] [--json FILE]`

use std::path::PathBuf;

use anyhow::{bail, Context};
use btt_deploy::multitest::{deploy_genesis, local_config};
use btt_deploy::walk::{render, vesting_walk};
use btt_types::allocation::{PoolHolder, ALLOCATION_TABLE};
use btt_types::units::format_btt;

fn main() -> anyhow::Result<()> {
    let mut json: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "vesting" => {}
            "--json" => json = Some(args.next().context("--json needs a file")?.into()),
            "-h" | "--help" => {
                println!("usage: btt-economy [vesting] [--json FILE]");
                return Ok(());
            }
            other => bail!("unknown argument {other:?} (try --help)"),
        }
    }

    let mut app = btt_deploy::multitest::local_app();
    let deployer = app.api().addr_make("deployer");
    let start = app.block_info().time;
    let config = local_config(&app, start);
    let deployment = deploy_genesis(&mut app, &deployer, &config)?;

    println!("BTT genesis on an embedded cw-multi-test chain (the DAO owns and administers all)");
    for (name, addr) in deployment.contracts() {
        println!("  {name:<12} {addr}");
    }
    println!("\nAllocation (21,000,000 BTT minted once, deployer left with 0):");
    for row in ALLOCATION_TABLE.iter() {
        let holder = match row.release {
            btt_types::allocation::Release::Pool(PoolHolder::MiningRewards) => "depin-rewards",
            btt_types::allocation::Release::Pool(PoolHolder::CommunityIncentives) => {
                "community pool holder"
            }
            btt_types::allocation::Release::Pool(PoolHolder::DaoTreasury) => "btt-dao treasury",
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

    let report = vesting_walk(&mut app, &deployment, &config)?;
    println!(
        "\nGovernance: institutions stake half of each claim with their lock tier; the DAO approves\n\
         each foundation tranche by proposal (deposit, vote at the start height, timelock, execute)."
    );
    for g in &report.governance {
        println!(
            "  month {:>2}  proposal #{:<2} {:<58} yes {:>12} of {:>12} power",
            g.month,
            g.proposal_id,
            g.title,
            format_btt(g.yes_power),
            format_btt(g.total_power)
        );
    }
    if let Some(compute) = &report.compute {
        print!("{}", btt_deploy::compute::render(compute));
    }
    if let Some(care) = &report.care {
        print!("{}", btt_deploy::care::render(care));
    }
    if let Some(rwa) = &report.rwa {
        print!("{}", btt_deploy::rwa::render(rwa));
    }
    print!("{}", render(&report.snapshots));
    if let Some(path) = json {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, serde_json::to_string_pretty(&report)?)?;
        println!("\nwrote {}", path.display());
    }
    Ok(())
}
