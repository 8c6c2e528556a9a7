//! The main job's vesting walk: 48 months after genesis, month by month, every beneficiary
//! claims what has vested and the DAO approves each foundation tranche as it falls due; at the
//! months of the report the unlocked and circulating BTT of every category are recorded.

use std::collections::BTreeSet;

use anyhow::ensure;
use btt_types::allocation::{Category, Release, ALLOCATION_TABLE};
use btt_types::units::{format_btt, MONTH_SECONDS, UBTT_PER_BTT};
use btt_types::vesting::{self, Curve};
use cosmwasm_std::{Addr, Uint128};
use cw_multi_test::{App, Executor};
use serde::Serialize;

use crate::genesis::GenesisConfig;
use crate::multitest::Deployment;

/// The months the report shows.
pub const REPORT_MONTHS: [u64; 9] = [0, 3, 6, 12, 24, 33, 36, 42, 48];

/// One category at one month.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryLine {
    pub category: Category,
    pub name: &'static str,
    /// Released by its vesting curve (0 for pools: their own contracts release them).
    pub unlocked: Uint128,
    /// In the beneficiary's wallet.
    pub circulating: Uint128,
}

/// The whole supply at one month.
#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    pub month: u64,
    pub lines: Vec<CategoryLine>,
    pub total_supply: Uint128,
    /// Held by btt-vesting: vested but unclaimed, and locked.
    pub in_vesting: Uint128,
    /// Held by the pool holders and the DAO treasury.
    pub in_pools: Uint128,
    /// Everything else: total supply − vesting − pools.
    pub circulating: Uint128,
}

/// Walks 48 months from genesis; returns a snapshot at each of [`REPORT_MONTHS`]. Checks at
/// every snapshot that vesting, pools and wallets add up to the total supply.
pub fn vesting_walk(
    app: &mut App,
    deployment: &Deployment,
    config: &GenesisConfig,
) -> anyhow::Result<Vec<Snapshot>> {
    let dao = Addr::unchecked(&config.dao_treasury);
    let vesting = deployment.vesting.addr().clone();
    app.execute_contract(
        dao.clone(),
        vesting.clone(),
        &vesting::ExecuteMsg::UpdateOwnership(cw_ownable::Action::AcceptOwnership),
        &[],
    )?;

    let mut snapshots = vec![];
    for month in 0..=48 {
        let time = config.start.plus_seconds(month * MONTH_SECONDS);
        if time > app.block_info().time {
            app.update_block(|block| {
                block.height += 1;
                block.time = time;
            });
        }
        for &id in deployment.schedule_ids.values() {
            approve_due_tranches(app, deployment, &dao, id)?;
            let res = deployment.vesting.schedule(&app.wrap(), id)?;
            if !res.status.claimable.is_zero() {
                app.execute(res.schedule.beneficiary, deployment.vesting.claim_msg(id)?)?;
            }
        }
        if REPORT_MONTHS.contains(&month) {
            snapshots.push(snapshot(app, deployment, config, month)?);
        }
    }
    Ok(snapshots)
}

/// The DAO stand-in approves every tranche whose time has come (a milestone delivered on time).
fn approve_due_tranches(
    app: &mut App,
    deployment: &Deployment,
    dao: &Addr,
    id: u64,
) -> anyhow::Result<()> {
    let schedule = deployment.vesting.schedule(&app.wrap(), id)?.schedule;
    if let Curve::Milestones { tranches } = schedule.curve {
        let now = app.block_info().time;
        for (index, tranche) in tranches.iter().enumerate() {
            if tranche.approved_at.is_none() && tranche.not_before <= now {
                app.execute(
                    dao.clone(),
                    deployment.vesting.approve_tranche_msg(id, index as u32)?,
                )?;
            }
        }
    }
    Ok(())
}

fn snapshot(
    app: &App,
    deployment: &Deployment,
    config: &GenesisConfig,
    month: u64,
) -> anyhow::Result<Snapshot> {
    let querier = app.wrap();
    let token = &deployment.token;
    let mut lines = vec![];
    for row in ALLOCATION_TABLE.iter() {
        let (unlocked, circulating) =
            match (row.release, deployment.schedule_ids.get(&row.category)) {
                (Release::Pool(_), _) | (_, None) => (Uint128::zero(), Uint128::zero()),
                (_, Some(&id)) => {
                    let res = deployment.vesting.schedule(&querier, id)?;
                    let wallet = token.balance(&querier, &res.schedule.beneficiary)?;
                    (res.status.vested, wallet)
                }
            };
        lines.push(CategoryLine {
            category: row.category,
            name: row.name,
            unlocked,
            circulating,
        });
    }
    let holders: BTreeSet<&str> = deployment
        .plan
        .pools
        .iter()
        .map(|p| config.pool_holder(p.holder))
        .collect();
    let mut in_pools = Uint128::zero();
    for holder in holders {
        in_pools += token.balance(&querier, holder)?;
    }
    let total_supply = token.token_info(&querier)?.total_supply;
    let in_vesting = token.balance(&querier, deployment.vesting.addr())?;
    let circulating = total_supply - in_vesting - in_pools;
    let in_wallets: Uint128 = lines.iter().map(|l| l.circulating).sum();
    ensure!(
        in_wallets == circulating,
        "month {month}: beneficiaries hold {in_wallets} but {circulating} circulates"
    );
    Ok(Snapshot {
        month,
        lines,
        total_supply,
        in_vesting,
        in_pools,
        circulating,
    })
}

fn whole(amount: Uint128) -> String {
    if amount.u128().is_multiple_of(UBTT_PER_BTT) {
        format_btt(amount).trim_end_matches(".000000").to_string()
    } else {
        format_btt(amount)
    }
}

/// The report: unlocked and circulating BTT per category, and the supply split, by month.
pub fn render(snapshots: &[Snapshot]) -> String {
    let mut out = String::new();
    let header = |out: &mut String, title: &str| {
        out.push_str(&format!("\n{title}\n{:<34}", "category"));
        for s in snapshots {
            out.push_str(&format!("{:>12}", format!("month {}", s.month)));
        }
        out.push('\n');
    };
    let line = |out: &mut String, label: &str, values: Vec<Uint128>| {
        out.push_str(&format!("{label:<34}"));
        for v in values {
            out.push_str(&format!("{:>12}", whole(v)));
        }
        out.push('\n');
    };
    let Some(first) = snapshots.first() else {
        return out;
    };
    for (title, pick) in [
        (
            "Unlocked BTT (vested by the schedule; pools are released by their own contracts)",
            0,
        ),
        ("Circulating BTT (claimed into the beneficiary's wallet)", 1),
    ] {
        header(&mut out, title);
        for (i, l) in first.lines.iter().enumerate() {
            let values = snapshots
                .iter()
                .map(|s| {
                    if pick == 0 {
                        s.lines[i].unlocked
                    } else {
                        s.lines[i].circulating
                    }
                })
                .collect();
            line(&mut out, l.name, values);
        }
    }
    header(&mut out, "Supply");
    line(
        &mut out,
        "Total supply",
        snapshots.iter().map(|s| s.total_supply).collect(),
    );
    line(
        &mut out,
        "Held by btt-vesting",
        snapshots.iter().map(|s| s.in_vesting).collect(),
    );
    line(
        &mut out,
        "Held by pools and the DAO treasury",
        snapshots.iter().map(|s| s.in_pools).collect(),
    );
    line(
        &mut out,
        "Circulating",
        snapshots.iter().map(|s| s.circulating).collect(),
    );
    out
}
