//! What must hold after the main job's year, on whichever chain it ran: the embedded
//! cw-multi-test chain (`tests/genesis.rs`) or the optimized artifacts (`tests/wasm_year.rs`).

use btt_deploy::chain::EconomyChain;
use btt_deploy::multitest::Deployment;
use btt_deploy::report::EconomyReport;
use btt_deploy::walk::{WalkReport, REPORT_MONTHS};
use btt_types::units::{btt, TOTAL_SUPPLY};
use cosmwasm_std::{Addr, Uint128};
use cw20::{AllAccountsResponse, Cw20QueryMsg};

/// Σ of every balance on the token, paging through all accounts.
pub fn sum_of_all_balances(chain: &impl EconomyChain, deployment: &Deployment) -> Uint128 {
    let q = chain.wrap();
    let mut sum = Uint128::zero();
    let mut start_after = None;
    loop {
        let page: AllAccountsResponse = q
            .query_wasm_smart(
                deployment.token.addr(),
                &Cw20QueryMsg::AllAccounts {
                    start_after: start_after.clone(),
                    limit: Some(30),
                },
            )
            .unwrap();
        if page.accounts.is_empty() {
            return sum;
        }
        for account in &page.accounts {
            sum += deployment
                .token
                .balance(&q, Addr::unchecked(account))
                .unwrap();
        }
        start_after = page.accounts.last().cloned();
    }
}

/// The year's invariants: BTT conserved at every snapshot and over every address, every fee
/// split exact, nothing stranded in a contract that should be empty, and the report's figures.
pub fn assert_year(
    chain: &impl EconomyChain,
    deployment: &Deployment,
    report: &WalkReport,
    economy: &EconomyReport,
) {
    let snapshots = &report.snapshots;
    assert_eq!(
        report.governance.len(),
        17,
        "one proposal a tranche, and the PayFi fee"
    );
    let fee_vote = report
        .governance
        .iter()
        .find(|g| g.tranches.is_empty())
        .unwrap();
    assert_eq!(fee_vote.month, 9);
    assert_eq!(
        report
            .governance
            .iter()
            .flat_map(|g| g.tranches.clone())
            .count(),
        16
    );
    assert_eq!(
        snapshots.iter().map(|s| s.month).collect::<Vec<_>>(),
        REPORT_MONTHS
    );
    let last = snapshots.last().unwrap();
    assert_eq!(last.in_vesting, Uint128::zero());
    let claimed: Uint128 = last.lines.iter().map(|l| l.circulating).sum();
    assert_eq!(claimed, btt(8_400_000));
    // Mining added to circulation; job fees went to the DAO treasury; RWA fees burned some.
    let rwa = report.rwa.as_ref().unwrap();
    let burned = TOTAL_SUPPLY - last.total_supply;
    assert_eq!(burned, rwa.burned, "only the RWA fees burned");
    assert_eq!(
        burned,
        btt(120 + 32),
        "20% of the 600 BTT mint and 160 BTT revaluation fees"
    );
    let into_treasury = last.dao_treasury - btt(3_780_000);
    assert_eq!(
        last.circulating + into_treasury + burned,
        claimed + last.mined + last.rewarded
    );
    assert_eq!(
        (rwa.vault_usdc_left, rwa.shares_left),
        (Uint128::zero(), Uint128::zero())
    );
    let proceeds: Uint128 = rwa.redemptions.iter().map(|(_, _, got)| *got).sum();
    let income: Uint128 = rwa.claims.iter().map(|(_, got)| *got).sum();
    assert_eq!(
        income, rwa.income,
        "12,000 USDC over 1,000,000 shares divides exactly"
    );
    assert_eq!(
        proceeds, rwa.bids[1].1,
        "holders redeem the winning bid to the unit"
    );
    let care = report.care.as_ref().unwrap();
    assert_eq!(
        (care.awarded, care.refunded_invoice_points, care.points_left),
        (950, 0, 250),
        "a refunded payment earns no points; a settled invoice earns its 150"
    );
    assert_eq!(last.rewarded, care.converted_btt);
    let compute = report.compute.as_ref().unwrap();
    assert_eq!(compute.jobs.len(), 3);
    let cancelled = &compute.jobs[2];
    assert_eq!(
        cancelled.refunded, cancelled.price,
        "a cancelled job refunds its whole escrow"
    );
    let split: Uint128 = compute.split.iter().map(|(_, a)| *a).sum();
    assert_eq!(
        split, compute.price,
        "the job's split adds up to its escrow"
    );
    let mined: Uint128 = compute.mining.iter().map(|(_, a)| *a).sum();
    assert_eq!(mined, last.mined);
    let protocol_part = compute.price - compute.price.multiply_ratio(7u128, 10u128);
    assert!(
        mined <= protocol_part,
        "the nodes mine at most the protocol fees their job paid"
    );
    let accounted = compute.mined_so_far + compute.carried;
    assert!(
        accounted <= compute.emission_so_far
            && compute.emission_so_far - accounted < Uint128::new(2),
        "emission not mined is carried, never lost (at most a ubtt a node of dust)"
    );
    for s in snapshots {
        let held = s.in_vesting + s.mining_pool + s.community_pool + s.dao_treasury;
        assert_eq!(held + s.circulating, s.total_supply, "month {}", s.month);
    }
    let month_12: Uint128 = snapshots[3].lines.iter().map(|l| l.circulating).sum();
    assert_eq!(
        month_12,
        btt(350_000 + 252_000 + 189_000 + 3 * 126_000 + 892_500)
    );
    assert_eq!(
        sum_of_all_balances(chain, deployment),
        TOTAL_SUPPLY - burned
    );

    // Nothing is stranded where nothing should be: no job escrow, no payment held, no BTT in
    // payfi or the vaults.
    let q = chain.wrap();
    let escrow: btt_types::compute::TotalsResponse = q
        .query_wasm_smart(&deployment.escrow, &btt_types::compute::QueryMsg::Totals {})
        .unwrap();
    assert_eq!(escrow.escrow_btt, Uint128::zero());
    let payfi: btt_types::payfi::TotalsResponse = q
        .query_wasm_smart(&deployment.payfi, &btt_types::payfi::QueryMsg::Totals {})
        .unwrap();
    assert_eq!(payfi.pending, 0);
    for held_by in [&deployment.payfi, &deployment.vaults] {
        assert_eq!(
            deployment.token.balance(&q, held_by).unwrap(),
            Uint128::zero()
        );
        assert_eq!(
            q.query_balance(held_by, "uusdc").unwrap().amount,
            Uint128::zero()
        );
    }

    // The closing report.
    assert_eq!(economy.burned, burned);
    assert_eq!(economy.total_supply + economy.burned, TOTAL_SUPPLY);
    let burn_line = economy
        .fees
        .iter()
        .find(|f| f.recipient == "burned")
        .unwrap();
    assert_eq!(burn_line.amount, burned);
    let compute_fees: Uint128 = economy
        .fees
        .iter()
        .filter(|f| f.stream.starts_with("compute"))
        .map(|f| f.amount)
        .sum();
    let thirty = compute.price.multiply_ratio(30u128, 100u128);
    assert!(
        compute_fees <= thirty && thirty - compute_fees < Uint128::new(3),
        "15 + 10 + 5% of the price, dust to the nodes"
    );
    assert_eq!(report.unlock_curve.len(), 49);
    let m48: Uint128 = report.unlock_curve[48]
        .unlocked
        .iter()
        .map(|(_, a)| *a)
        .sum();
    assert_eq!(m48, btt(8_400_000));
}
