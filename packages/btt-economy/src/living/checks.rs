//! The invariants the living economy checks at every month's start, on whichever chain it runs:
//! BTT conserved over every address and contract, each contract's BTT equal to its books, no
//! stray funds where none belong, every routed fee split exactly, and vesting whole.

use anyhow::{ensure, Context};
use btt_deploy::chain::EconomyChain;
use btt_deploy::deployment::Deployment;
use btt_types::fee_router::RoutedTotal;
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{Addr, Uint128};
use cw20::{AllAccountsResponse, Cw20QueryMsg};

use super::world::USDC;

/// Every balance on the token, paging through all accounts.
pub fn all_balances<C: EconomyChain>(
    app: &C,
    deployment: &Deployment,
) -> anyhow::Result<Vec<(Addr, Uint128)>> {
    let q = app.wrap();
    let mut out = vec![];
    let mut start_after = None;
    loop {
        let page: AllAccountsResponse = q.query_wasm_smart(
            deployment.token.addr(),
            &Cw20QueryMsg::AllAccounts {
                start_after: start_after.clone(),
                limit: Some(30),
            },
        )?;
        if page.accounts.is_empty() {
            return Ok(out);
        }
        for account in &page.accounts {
            let addr = Addr::unchecked(account);
            let balance = deployment.token.balance(&q, &addr)?;
            out.push((addr, balance));
        }
        start_after = page.accounts.last().cloned();
    }
}

/// Σ of every balance on the token.
pub fn sum_of_all_balances<C: EconomyChain>(
    app: &C,
    deployment: &Deployment,
) -> anyhow::Result<Uint128> {
    Ok(all_balances(app, deployment)?.iter().map(|(_, b)| *b).sum())
}

/// Vesting is whole: vested = claimed + claimable for every schedule, and the contract holds
/// exactly what is not claimed.
pub fn check_vesting<C: EconomyChain>(app: &C, d: &Deployment) -> anyhow::Result<()> {
    let q = app.wrap();
    let mut unclaimed_vesting = Uint128::zero();
    for &id in d.schedule_ids.values() {
        let s = d.vesting.schedule(&q, id)?;
        let st = s.status;
        ensure!(
            st.vested <= s.schedule.total
                && st.vested >= st.claimed
                && st.vested - st.claimed == st.claimable,
            "schedule {id}: total {} vested {} claimed {} claimable {}",
            s.schedule.total,
            st.vested,
            st.claimed,
            st.claimable
        );
        unclaimed_vesting += s.schedule.total - st.claimed;
    }
    let held = d.token.balance(&q, d.vesting.addr())?;
    ensure!(
        held == unclaimed_vesting,
        "vesting holds {held}, unclaimed {unclaimed_vesting}"
    );
    Ok(())
}

/// The whole units of `asset` a fee router keeps for its payees' carries.
/// What compute-escrow holds in `denom` for its open jobs (posted, offered, assigned,
/// submitted or disputed), paging through each open status.
pub fn escrow_open_native<C: EconomyChain>(
    app: &C,
    d: &Deployment,
    denom: &str,
) -> anyhow::Result<Uint128> {
    use btt_types::compute::{JobStatus, JobsResponse, QueryMsg};
    let mut total = Uint128::zero();
    for status in [
        JobStatus::Posted,
        JobStatus::Offered,
        JobStatus::Assigned,
        JobStatus::Submitted,
        JobStatus::Disputed,
    ] {
        let mut start_after = None;
        loop {
            let page: JobsResponse = app.wrap().query_wasm_smart(
                &d.escrow,
                &QueryMsg::JobsByStatus {
                    status,
                    start_after,
                    limit: Some(30),
                },
            )?;
            let Some(last) = page.jobs.last() else { break };
            start_after = Some(last.id);
            for job in &page.jobs {
                if job.asset == btt_types::asset::Asset::Native(denom.into()) {
                    total += job.price;
                }
            }
        }
    }
    Ok(total)
}

fn carried<C: EconomyChain>(
    app: &C,
    contract: &Addr,
    asset: &btt_types::asset::Asset,
) -> anyhow::Result<Uint128> {
    let rows: Vec<RoutedTotal> = app
        .wrap()
        .query_wasm_smart(contract, &btt_types::payfi::QueryMsg::FeesRouted {})?;
    Ok(rows
        .iter()
        .filter(|r| &r.asset == asset)
        .map(|r| r.held)
        .sum())
}

/// Checks every invariant at `month`; returns how many were checked.
pub fn check_month<C: EconomyChain>(
    app: &C,
    d: &Deployment,
    month: u64,
    partner: &Addr,
) -> anyhow::Result<u32> {
    let q = app.wrap();
    let token = &d.token;
    let supply = token.token_info(&q)?.total_supply;
    let burned = TOTAL_SUPPLY - supply;
    let mut checked = 0;

    // 1. Σ balances = supply = 21,000,000 − burned.
    let sum = sum_of_all_balances(app, d)?;
    ensure!(
        sum == supply,
        "month {month}: Σ balances {sum} != supply {supply}"
    );
    checked += 1;

    // 2. Every burn is a routed fee's burn share.
    let mut burned_routed = Uint128::zero();
    for contract in [&d.escrow, &d.nft, &d.vaults, &d.points, &d.payfi] {
        let rows: Vec<RoutedTotal> =
            q.query_wasm_smart(contract, &btt_types::payfi::QueryMsg::FeesRouted {})?;
        for row in rows {
            if row.asset == btt_types::asset::Asset::Cw20(token.addr().clone()) {
                burned_routed += row.routed.burned;
            }
        }
    }
    ensure!(
        burned_routed == burned,
        "month {month}: burned {burned} but the fee routers burned {burned_routed}"
    );
    checked += 1;

    // 3. compute-escrow holds exactly the open jobs' escrow, the bonds and the units its fee
    //    router keeps for its payees' carries.
    let btt = btt_types::asset::Asset::Cw20(token.addr().clone());
    let usdc = btt_types::asset::Asset::Native(USDC.into());
    let escrow: btt_types::compute::TotalsResponse =
        q.query_wasm_smart(&d.escrow, &btt_types::compute::QueryMsg::Totals {})?;
    let held = token.balance(&q, &d.escrow)?;
    let escrow_carried = carried(app, &d.escrow, &btt)?;
    ensure!(
        held == escrow.escrow_btt + escrow.bonds + escrow_carried,
        "month {month}: escrow holds {held}, books {} + {} + carried {escrow_carried}",
        escrow.escrow_btt,
        escrow.bonds
    );
    // In USDC: the open USDC jobs' escrow and the router's carried units.
    checked += 1;
    let held_usdc = q.query_balance(&d.escrow, USDC)?.amount;
    let open_usdc = escrow_open_native(app, d, USDC)?;
    let carried_usdc = carried(app, &d.escrow, &usdc)?;
    ensure!(
        held_usdc == open_usdc + carried_usdc,
        "month {month}: escrow holds {held_usdc} uusdc, open jobs {open_usdc} + carried {carried_usdc}"
    );
    checked += 1;

    // 4. depin-rewards holds what it was funded less what it paid.
    let depin: btt_types::depin::StateResponse =
        q.query_wasm_smart(&d.depin, &btt_types::depin::QueryMsg::State {})?;
    let held = token.balance(&q, &d.depin)?;
    ensure!(
        held == depin.funded - depin.paid,
        "month {month}: depin holds {held}, books {} − {}",
        depin.funded,
        depin.paid
    );
    checked += 1;
    // 5. Mining pays, carries or owes exactly what the closed epochs scheduled, to the ubtt.
    ensure!(
        depin.paid + depin.carry + depin.owed == depin.scheduled,
        "month {month}: paid {} + carried {} + owed {} ≠ scheduled {}",
        depin.paid,
        depin.carry,
        depin.owed,
        depin.scheduled
    );
    checked += 1;

    // 6. incentive-points holds its pool and the partner's prepaid fees.
    let pool: btt_types::points::PoolResponse =
        q.query_wasm_smart(&d.points, &btt_types::points::QueryMsg::Pool {})?;
    let prepaid = q
        .query_wasm_smart::<btt_types::points::Partner>(
            &d.points,
            &btt_types::points::QueryMsg::Partner {
                address: partner.to_string(),
            },
        )
        .map(|p| p.prepaid)
        .unwrap_or_default();
    let held = token.balance(&q, &d.points)?;
    let points_carried = carried(app, &d.points, &btt)?;
    ensure!(
        held == pool.balance + prepaid + points_carried,
        "month {month}: points holds {held}, pool {} + prepaid {prepaid} + carried {points_carried}",
        pool.balance
    );
    checked += 1;

    // 7. btt-staking holds the stakes, the unbonding and the BTT rewards not yet claimed.
    let staking: btt_types::staking::TotalsResponse =
        q.query_wasm_smart(d.staking.addr(), &btt_types::staking::QueryMsg::Totals {})?;
    let unclaimed = |denom: &str| {
        staking
            .rewards
            .iter()
            .find(|r| r.denom == denom)
            .map_or(Uint128::zero(), |r| r.deposited - r.claimed)
    };
    let held = token.balance(&q, d.staking.addr())?;
    ensure!(
        held == staking.staked + staking.unbonding + unclaimed("btt"),
        "month {month}: staking holds {held}, books {} + {} + {}",
        staking.staked,
        staking.unbonding,
        unclaimed("btt")
    );
    let held_usdc = q.query_balance(d.staking.addr(), USDC)?.amount;
    ensure!(
        held_usdc == unclaimed(USDC),
        "month {month}: staking holds {held_usdc} uusdc, unclaimed {}",
        unclaimed(USDC)
    );
    checked += 2;

    // 8. With every payment settled, payfi holds only its router's carried units; the vaults
    //    hold no BTT but theirs.
    let payfi: btt_types::payfi::TotalsResponse =
        q.query_wasm_smart(&d.payfi, &btt_types::payfi::QueryMsg::Totals {})?;
    if payfi.pending == 0 {
        ensure!(
            token.balance(&q, &d.payfi)? == carried(app, &d.payfi, &btt)?
                && q.query_balance(&d.payfi, USDC)?.amount == carried(app, &d.payfi, &usdc)?,
            "month {month}: payfi holds funds with nothing pending"
        );
    }
    ensure!(
        token.balance(&q, &d.vaults)? == carried(app, &d.vaults, &btt)?,
        "month {month}: the vaults hold BTT"
    );
    checked += 2;

    // 9. Every routed fee is split exactly: the parts of each row add up to no more than what
    //    the router took, and the treasury covers every labelled fund.
    let treasury = d.dao.treasury(&q, vec![USDC.into()])?;
    let dao_btt = token.balance(&q, d.dao.addr())?;
    let labelled: Uint128 = treasury
        .funds
        .iter()
        .filter(|f| f.denom == "btt")
        .map(|f| f.amount)
        .sum();
    ensure!(
        dao_btt >= labelled,
        "month {month}: the DAO holds {dao_btt} BTT but its funds say {labelled}"
    );
    checked += 1;

    // 10. Vesting: locked + claimable + claimed = total for every schedule, and the contract
    //     holds exactly what is not claimed.
    check_vesting(app, d).with_context(|| format!("month {month}"))?;
    checked += 2;
    Ok(checked)
}
