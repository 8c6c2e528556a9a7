//! What must hold after the main job's year, on whichever chain it ran: the embedded
//! cw-multi-test chain (`tests/genesis.rs`) or the optimized artifacts (`tests/wasm_year.rs`).

use btt_deploy::chain::EconomyChain;
use btt_deploy::deployment::Deployment;
use btt_economy::report::EconomyReport;
use btt_economy::walk::{WalkReport, REPORT_MONTHS};
use btt_types::units::{btt, TOTAL_SUPPLY};
use cosmwasm_std::Uint128;

/// Σ of every balance on the token, paging through all accounts (the living economy's check).
pub fn sum_of_all_balances(chain: &impl EconomyChain, deployment: &Deployment) -> Uint128 {
    btt_economy::living::checks::sum_of_all_balances(chain, deployment).unwrap()
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
    // What the vault still holds is the DAO's part of the management fee: its shares and
    // their part of the proceeds, for a proposal to redeem.
    assert_eq!(rwa.shares_left, rwa.dao_fee_shares);
    assert!(!rwa.dao_fee_shares.is_zero());
    let dao_part = rwa.redemptions[0]
        .2
        .multiply_ratio(rwa.dao_fee_shares, rwa.redemptions[0].1);
    assert!(
        rwa.vault_usdc_left >= dao_part && rwa.vault_usdc_left - dao_part <= Uint128::one(),
        "the rest is the DAO's part of the proceeds, to the uusdc of rounding"
    );
    let proceeds: Uint128 = rwa.redemptions.iter().map(|(_, _, got)| *got).sum();
    let income: Uint128 = rwa.claims.iter().map(|(_, got)| *got).sum();
    assert_eq!(
        income, rwa.income,
        "12,000 USDC over 1,000,000 shares divides exactly"
    );
    assert_eq!(
        proceeds + rwa.vault_usdc_left,
        rwa.bids[1].1,
        "holders redeem the winning bid to the unit, the DAO's part waiting"
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
    // payfi or the vaults, and no USDC in the vaults beyond the DAO's unredeemed part.
    let q = chain.wrap();
    let escrow: btt_types::compute::TotalsResponse = q
        .query_wasm_smart(&deployment.escrow, &btt_types::compute::QueryMsg::Totals {})
        .unwrap();
    assert_eq!(escrow.escrow_btt, Uint128::zero());
    let payfi: btt_types::payfi::TotalsResponse = q
        .query_wasm_smart(&deployment.payfi, &btt_types::payfi::QueryMsg::Totals {})
        .unwrap();
    assert_eq!(payfi.pending, 0);
    for (held_by, usdc) in [
        (&deployment.payfi, Uint128::zero()),
        (&deployment.vaults, rwa.vault_usdc_left),
    ] {
        assert_eq!(
            deployment.token.balance(&q, held_by).unwrap(),
            Uint128::zero()
        );
        assert_eq!(q.query_balance(held_by, "uusdc").unwrap().amount, usdc);
    }

    // The closing report.
    assert_eq!(economy.burned, burned);
    assert_eq!(economy.total_supply + economy.burned, TOTAL_SUPPLY);
    let burned_lines: Uint128 = economy
        .fees
        .iter()
        .filter(|f| f.recipient == "burned")
        .map(|f| f.amount)
        .sum();
    assert_eq!(
        burned_lines, burned,
        "every burn is a routed fee's burn share"
    );
    // Everything routed to stakers reached btt-staking's streams, to the ubtt.
    let to_stakers = |denom: &str| -> Uint128 {
        economy
            .fees
            .iter()
            .filter(|f| f.recipient.starts_with("stakers") && f.denom == denom)
            .map(|f| f.amount)
            .sum()
    };
    let streams: btt_types::staking::TotalsResponse = chain
        .wrap()
        .query_wasm_smart(
            deployment.staking.addr(),
            &btt_types::staking::QueryMsg::Totals {},
        )
        .unwrap();
    let deposited = |denom: &str| {
        streams
            .rewards
            .iter()
            .find(|r| r.denom == denom)
            .map_or(Uint128::zero(), |r| r.deposited)
    };
    assert!(!to_stakers("BTT").is_zero() && !to_stakers("USDC").is_zero());
    // The treasury's labelled funds: genesis's two untouched, and the development fund's and
    // reserve's shares of every fee stream arrived labelled, to the ubtt.
    let labelled = |fund: btt_types::dao::Fund, denom: &str| {
        economy
            .treasury_funds
            .iter()
            .find(|f| f.fund == fund && f.denom == denom)
            .map_or(Uint128::zero(), |f| f.amount)
    };
    use btt_types::dao::Fund;
    assert_eq!(labelled(Fund::EcosystemDevelopment, "btt"), btt(1_470_000));
    assert_eq!(labelled(Fund::UnallocatedReserve, "btt"), btt(2_310_000));
    let routed_to = |who: &str, denom: &str| -> Uint128 {
        economy
            .fees
            .iter()
            .filter(|f| f.recipient.starts_with(who) && f.denom == denom)
            .map(|f| f.amount)
            .sum()
    };
    assert_eq!(
        labelled(Fund::DevelopmentFees, "btt"),
        routed_to("development fund", "BTT")
    );
    assert_eq!(
        labelled(Fund::OperationalReserve, "uusdc"),
        routed_to("reserve", "USDC")
    );
    assert!(!labelled(Fund::DevelopmentFees, "uusdc").is_zero());
    assert_eq!(deposited("btt"), to_stakers("BTT"));
    assert_eq!(deposited("uusdc"), to_stakers("USDC"));
    // The scenario's accepted job: 15 + 10 + 5% of its price, dust to the nodes; the compute
    // stream's total also holds the disputed job's paid part.
    let first_job: Uint128 = compute.split.iter().take(3).map(|(_, a)| *a).sum();
    let thirty = compute.price.multiply_ratio(30u128, 100u128);
    assert!(
        first_job <= thirty && thirty - first_job < Uint128::new(3),
        "15 + 10 + 5% of the price, dust to the nodes"
    );
    let compute_fees: Uint128 = economy
        .fees
        .iter()
        .filter(|f| f.stream == "compute")
        .map(|f| f.amount)
        .sum();
    assert!(compute_fees >= first_job);
    assert_eq!(report.unlock_curve.len(), 49);
    let m48: Uint128 = report.unlock_curve[48]
        .unlocked
        .iter()
        .map(|(_, a)| *a)
        .sum();
    assert_eq!(m48, btt(8_400_000));
}
