//! Genesis of the whole allocation table on cw-multi-test, through btt-deploy's routine.

use btt_deploy::genesis::GenesisConfig;
use btt_deploy::genesis::{plan_for, GenesisError, PoolHolders};
use btt_deploy::governance::{advance, pass_proposal};
use btt_deploy::multitest::{deploy_genesis, local_config, Deployment};
use btt_deploy::walk::{vesting_walk, REPORT_MONTHS};
use btt_types::allocation::{AllocationError, Category, ALLOCATION_TABLE};
use btt_types::units::{btt, MONTH_SECONDS, TOTAL_SUPPLY};
use cosmwasm_std::{Addr, Uint128};
use cw20::{AllAccountsResponse, Cw20QueryMsg};
use cw_multi_test::{App, Executor};

fn holders() -> PoolHolders {
    PoolHolders {
        mining: "depin".into(),
        community: "community".into(),
        dao: "dao".into(),
    }
}

struct Suite {
    app: App,
    deployer: Addr,
    config: GenesisConfig,
    deployment: Deployment,
}

impl Suite {
    fn new() -> Self {
        let mut app = btt_deploy::multitest::local_app();
        let deployer = app.api().addr_make("deployer");
        let start = app.block_info().time;
        let config = local_config(&app, start);
        let deployment = deploy_genesis(&mut app, &deployer, &config).unwrap();
        Self {
            app,
            deployer,
            config,
            deployment,
        }
    }

    fn dao(&self) -> Addr {
        self.deployment.dao.addr().clone()
    }

    fn beneficiary(&self, category: Category) -> Addr {
        Addr::unchecked(&self.config.beneficiaries[&category])
    }

    fn at_month(&mut self, month: u64) {
        let time = self.config.start.plus_seconds(month * MONTH_SECONDS);
        self.app.update_block(|b| {
            b.height += 1;
            b.time = time;
        });
    }

    fn vested(&self, category: Category) -> Uint128 {
        let id = self.deployment.schedule_ids[&category];
        self.deployment
            .vesting
            .schedule(&self.app.wrap(), id)
            .unwrap()
            .status
            .vested
    }

    fn claim(&mut self, category: Category) -> anyhow::Result<()> {
        let id = self.deployment.schedule_ids[&category];
        let msg = self.deployment.vesting.claim_msg(id).unwrap();
        self.app
            .execute(self.beneficiary(category), msg)
            .map(|_| ())
    }

    fn balance(&self, who: &Addr) -> Uint128 {
        self.deployment
            .token
            .balance(&self.app.wrap(), who)
            .unwrap()
    }

    fn total_supply(&self) -> Uint128 {
        self.deployment
            .token
            .token_info(&self.app.wrap())
            .unwrap()
            .total_supply
    }

    /// Σ of every balance on the token, paging through all accounts.
    fn sum_of_all_balances(&self) -> Uint128 {
        let mut sum = Uint128::zero();
        let mut start_after = None;
        loop {
            let page: AllAccountsResponse = self
                .app
                .wrap()
                .query_wasm_smart(
                    self.deployment.token.addr(),
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
                sum += self.balance(&Addr::unchecked(account));
            }
            start_after = page.accounts.last().cloned();
        }
    }
}

#[test]
fn genesis_mints_21_million_and_leaves_the_deployer_with_nothing() {
    let suite = Suite::new();
    assert_eq!(suite.total_supply(), TOTAL_SUPPLY);
    assert_eq!(suite.balance(&suite.deployer), Uint128::zero());
    assert_eq!(suite.sum_of_all_balances(), TOTAL_SUPPLY);
    assert_eq!(
        suite.balance(suite.deployment.vesting.addr()),
        btt(8_400_000)
    );
    assert_eq!(suite.balance(&suite.deployment.depin), btt(6_300_000));
    assert_eq!(suite.balance(&suite.deployment.points), btt(2_520_000));
    assert_eq!(suite.balance(&suite.dao()), btt(1_470_000 + 2_310_000));
    assert_eq!(suite.deployment.schedule_ids.len(), 7);
    let treasury = suite
        .app
        .wrap()
        .query_wasm_smart::<btt_types::dao::TreasuryResponse>(
            suite.deployment.dao.addr(),
            &btt_types::dao::QueryMsg::Treasury { denoms: vec![] },
        );
    assert_eq!(treasury.unwrap().btt, btt(3_780_000));
}

#[test]
fn every_linear_category_vests_exactly_on_the_months_of_the_table() {
    let mut suite = Suite::new();
    // (category, month, whole BTT vested)
    let expectations = [
        (Category::BitHive, 6, 0),
        (Category::BitHive, 24, 1_050_000),
        (Category::BitHive, 42, 2_100_000),
        (Category::ChinaDigitalHealthcareGroup, 3, 0),
        (Category::ChinaDigitalHealthcareGroup, 18, 420_000),
        (Category::ChinaDigitalHealthcareGroup, 33, 840_000),
        (Category::BitWaveProtocolLabs, 3, 0),
        (Category::BitWaveProtocolLabs, 18, 315_000),
        (Category::BitWaveProtocolLabs, 33, 630_000),
        (Category::MDao, 18, 210_000),
        (Category::MDao, 33, 420_000),
        (Category::Web3Ventures, 18, 210_000),
        (Category::Web3Ventures, 33, 420_000),
        (Category::OtherInstitutionalInvestors, 18, 210_000),
        (Category::OtherInstitutionalInvestors, 33, 420_000),
    ];
    let mut months: Vec<u64> = expectations.iter().map(|e| e.1).collect();
    months.sort();
    months.dedup();
    for month in months {
        suite.at_month(month);
        for (category, _, amount) in expectations.iter().filter(|e| e.1 == month) {
            assert_eq!(
                suite.vested(*category),
                btt(*amount),
                "{category:?} at month {month}"
            );
        }
    }
}

#[test]
fn the_foundation_is_paid_only_for_milestones_the_dao_approves_by_proposal() {
    let mut suite = Suite::new();
    let tdf = Category::TechnicalDevelopmentFoundation;
    suite.at_month(4);
    assert_eq!(
        suite.vested(tdf),
        Uint128::zero(),
        "nothing without approval"
    );
    assert!(suite.claim(tdf).is_err());

    // The deployer handed ownership to the DAO: it can no longer approve.
    let id = suite.deployment.schedule_ids[&tdf];
    let approve = suite.deployment.vesting.approve_tranche_msg(id, 0).unwrap();
    assert!(suite
        .app
        .execute(suite.deployer.clone(), approve.clone())
        .is_err());

    // An institution claims, stakes with a 12-month lock, and proposes the approval.
    let cdhg = Category::ChinaDigitalHealthcareGroup;
    suite.claim(cdhg).unwrap();
    let who = suite.beneficiary(cdhg);
    let stake = suite
        .deployment
        .staking
        .stake_msg(&suite.deployment.token, btt(20_000), 3)
        .unwrap();
    suite.app.execute(who.clone(), stake).unwrap();
    advance(&mut suite.app, 5);
    let passed = pass_proposal(
        &mut suite.app,
        &suite.deployment,
        &who,
        "Approve tranche 1",
        vec![approve],
        std::slice::from_ref(&who),
    )
    .unwrap();
    assert_eq!(passed.yes_power, btt(30_000), "20,000 staked × 1.5");
    suite.claim(tdf).unwrap();
    assert_eq!(suite.balance(&suite.beneficiary(tdf)), btt(223_125));
    assert!(suite.claim(tdf).is_err(), "a second claim pays nothing new");
}

#[test]
fn the_dao_owns_and_administers_every_contract_after_genesis() {
    let suite = Suite::new();
    let dao = suite.dao();
    for (name, addr) in suite.deployment.contracts() {
        let info = suite.app.wrap().query_wasm_contract_info(addr).unwrap();
        assert_eq!(info.admin, Some(dao.clone()), "{name} admin");
    }
    for contract in [
        suite.deployment.vesting.addr(),
        suite.deployment.staking.addr(),
        &suite.deployment.nft,
        &suite.deployment.vaults,
    ] {
        let ownership: cw_ownable::Ownership<Addr> = suite
            .app
            .wrap()
            .query_wasm_smart(contract, &btt_types::vesting::QueryMsg::Ownership {})
            .unwrap();
        assert_eq!(ownership.owner, Some(dao.clone()));
    }
    let staking = suite.deployment.staking.config(&suite.app.wrap()).unwrap();
    assert_eq!(staking.dao, Some(dao));
}

#[test]
fn burning_lowers_the_supply_by_exactly_what_is_burned() {
    let mut suite = Suite::new();
    let dao = suite.dao();
    let msg = suite
        .deployment
        .token
        .burn_msg(Uint128::new(1_234_567_891))
        .unwrap();
    suite.app.execute(dao, msg).unwrap();
    assert_eq!(
        suite.total_supply(),
        TOTAL_SUPPLY - Uint128::new(1_234_567_891)
    );
    assert_eq!(suite.sum_of_all_balances(), suite.total_supply());
}

#[test]
fn the_48_month_walk_releases_all_8_4_million_vested_btt() {
    let mut suite = Suite::new();
    let report = vesting_walk(&mut suite.app, &suite.deployment, &suite.config).unwrap();
    let snapshots = report.snapshots.clone();
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
    let proceeds: Uint128 = rwa
        .redemptions
        .iter()
        .map(|(_, _, got)| *got)
        .sum::<Uint128>();
    let income: Uint128 = rwa.claims.iter().map(|(_, got)| *got).sum::<Uint128>();
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
        (care.awarded, care.clawed_back, care.points_left),
        (1_000, 200, 100)
    );
    assert_eq!(last.rewarded, care.converted_btt);
    let compute = report.compute.as_ref().unwrap();
    assert_eq!(compute.jobs.len(), 3);
    let expired = &compute.jobs[2];
    assert_eq!(
        expired.refunded, expired.price,
        "an expired job refunds its whole escrow"
    );
    let split: Uint128 = compute.split.iter().map(|(_, a)| *a).sum();
    assert_eq!(
        split, compute.price,
        "the job's split adds up to its escrow"
    );
    let mined: Uint128 = compute.mining.iter().map(|(_, a)| *a).sum();
    assert_eq!(mined, last.mined);
    assert!(
        compute.epoch_reward - mined < Uint128::new(2),
        "at most a ubtt a node of dust"
    );
    for s in &snapshots {
        let held = s.in_vesting + s.mining_pool + s.community_pool + s.dao_treasury;
        assert_eq!(held + s.circulating, s.total_supply, "month {}", s.month);
    }
    let month_12: Uint128 = snapshots[3].lines.iter().map(|l| l.circulating).sum();
    assert_eq!(
        month_12,
        btt(350_000 + 252_000 + 189_000 + 3 * 126_000 + 892_500)
    );
    assert_eq!(suite.sum_of_all_balances(), TOTAL_SUPPLY - burned);

    // Nothing is stranded where nothing should be: no job escrow, no payment held.
    let escrow: btt_types::compute::TotalsResponse = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.deployment.escrow,
            &btt_types::compute::QueryMsg::Totals {},
        )
        .unwrap();
    assert_eq!(escrow.escrow_btt, Uint128::zero());
    let payfi: btt_types::payfi::TotalsResponse = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.deployment.payfi,
            &btt_types::payfi::QueryMsg::Totals {},
        )
        .unwrap();
    assert_eq!(payfi.pending, 0);
    let payfi_btt = suite
        .deployment
        .token
        .balance(&suite.app.wrap(), &suite.deployment.payfi)
        .unwrap();
    assert_eq!(payfi_btt, Uint128::zero());
    let vaults_btt = suite
        .deployment
        .token
        .balance(&suite.app.wrap(), &suite.deployment.vaults)
        .unwrap();
    assert_eq!(vaults_btt, Uint128::zero());

    // The closing report and its charts.
    let economy =
        btt_deploy::report::economy_report(&suite.app, &suite.deployment, &suite.config, &report)
            .unwrap();
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
    let dir = std::env::temp_dir().join("btt-charts-test");
    let charts = btt_deploy::report::write_charts(&dir, &report, &economy).unwrap();
    assert_eq!(charts.len(), 3);
    let unlock = std::fs::read_to_string(dir.join("unlock.svg")).unwrap();
    assert!(unlock.starts_with("<svg") && unlock.contains("Technical Development Foundation"));
}

#[test]
fn a_plan_without_every_beneficiary_is_refused() {
    let app = App::default();
    let mut config = local_config(&app, app.block_info().time);
    config.beneficiaries.remove(&Category::MDao);
    assert_eq!(
        plan_for(&ALLOCATION_TABLE, &config, &holders()).unwrap_err(),
        GenesisError::MissingBeneficiary(Category::MDao)
    );
}

#[test]
fn a_plan_from_a_table_that_does_not_add_up_is_refused() {
    let app = App::default();
    let config = local_config(&app, app.block_info().time);
    // The paper's own rows, without the unallocated reserve: 89%.
    let err = plan_for(&ALLOCATION_TABLE[..10], &config, &holders()).unwrap_err();
    assert_eq!(
        err,
        GenesisError::Allocation(AllocationError::SharesAreNotWhole { sum: 8_900 })
    );
}
