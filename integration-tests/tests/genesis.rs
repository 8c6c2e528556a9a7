//! Genesis of the whole allocation table on cw-multi-test, through btt-deploy's routine.

use btt_deploy::audit::AuditError;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_deploy::genesis::{plan_for, GenesisError, PoolHolders};
use btt_deploy::multitest::{deploy_genesis, local_config};
use btt_economy::governance::{advance, pass_proposal};
use btt_economy::walk::vesting_walk;
use btt_integration_tests::year::{assert_year, sum_of_all_balances};
use btt_types::allocation::{AllocationError, Category, ALLOCATION_TABLE};
use btt_types::points;
use btt_types::units::{btt, MONTH_SECONDS, TOTAL_SUPPLY};
use cosmwasm_std::{Addr, Uint128};
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

    /// China Digital Healthcare Group claims its first month and stakes 20,000 BTT with a
    /// 12-month lock (30,000 power); returns its address.
    fn institution_with_power(&mut self) -> Addr {
        let cdhg = Category::ChinaDigitalHealthcareGroup;
        self.claim(cdhg).unwrap();
        let who = self.beneficiary(cdhg);
        let stake = self
            .deployment
            .staking
            .stake_msg(&self.deployment.token, btt(20_000), 3)
            .unwrap();
        self.app.execute(who.clone(), stake).unwrap();
        advance(&mut self.app, 5);
        who
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

    fn sum_of_all_balances(&self) -> Uint128 {
        sum_of_all_balances(&self.app, &self.deployment)
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
    let who = suite.institution_with_power();
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
fn a_grant_from_the_community_incentives_pool_is_paid_by_proposal() {
    let mut suite = Suite::new();
    suite.at_month(4);
    let who = suite.institution_with_power();
    let grantee = suite.app.api().addr_make("open-source-ehr-team");
    let grant = points::ExecuteMsg::Grant {
        recipient: grantee.to_string(),
        amount: btt(50_000),
        memo: "developer grant: FHIR bridge for the BTT wallet".into(),
    };
    let points_addr = suite.deployment.points.clone();
    // Nobody but the DAO can pay one.
    assert!(suite
        .app
        .execute_contract(who.clone(), points_addr.clone(), &grant, &[])
        .is_err());
    let msg = cosmwasm_std::WasmMsg::Execute {
        contract_addr: points_addr.to_string(),
        msg: cosmwasm_std::to_json_binary(&grant).unwrap(),
        funds: vec![],
    };
    pass_proposal(
        &mut suite.app,
        &suite.deployment,
        &who,
        "Developer grant",
        vec![msg.into()],
        std::slice::from_ref(&who),
    )
    .unwrap();
    assert_eq!(suite.balance(&grantee), btt(50_000));
    let pool: points::PoolResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&points_addr, &points::QueryMsg::Pool {})
        .unwrap();
    assert_eq!(pool.grants, btt(50_000));
    assert_eq!(pool.balance, btt(2_520_000 - 50_000));
}

#[test]
fn the_guardian_can_pause_every_value_taking_contract_and_the_dao_unpauses_by_proposal() {
    use btt_types::circuit::{Circuit, CircuitMsg};
    let mut suite = Suite::new();
    suite.at_month(4);
    let who = suite.institution_with_power();
    let guardian = Addr::unchecked(&suite.config.governance.guardian);
    let d = &suite.deployment;
    let contracts = [
        d.staking.addr().clone(),
        d.escrow.clone(),
        d.points.clone(),
        d.payfi.clone(),
        d.nft.clone(),
        d.vaults.clone(),
    ];
    let circuit = |app: &App, c: &Addr| -> Circuit {
        app.wrap()
            .query_wasm_smart(c, &btt_types::payfi::QueryMsg::Circuit {})
            .unwrap()
    };
    let pause = btt_types::payfi::ExecuteMsg::Circuit(CircuitMsg::Pause {
        reason: "a live bug".into(),
    });
    for c in &contracts {
        assert_eq!(circuit(&suite.app, c).guardian, Some(guardian.clone()));
        let stranger = suite.app.api().addr_make("mallory");
        assert!(suite
            .app
            .execute_contract(stranger, c.clone(), &pause, &[])
            .is_err());
        suite
            .app
            .execute_contract(guardian.clone(), c.clone(), &pause, &[])
            .unwrap();
        assert!(circuit(&suite.app, c).paused.is_some());
    }
    // The DAO lifts a pause by proposal (here payfi's); voting and execution stay open.
    let unpause = cosmwasm_std::WasmMsg::Execute {
        contract_addr: suite.deployment.payfi.to_string(),
        msg: cosmwasm_std::to_json_binary(&btt_types::payfi::ExecuteMsg::Circuit(
            CircuitMsg::Unpause {},
        ))
        .unwrap(),
        funds: vec![],
    };
    pass_proposal(
        &mut suite.app,
        &suite.deployment,
        &who,
        "Unpause PayFi",
        vec![unpause.into()],
        std::slice::from_ref(&who),
    )
    .unwrap();
    assert!(circuit(&suite.app, &suite.deployment.payfi)
        .paused
        .is_none());
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
    let economy =
        btt_economy::report::economy_report(&suite.app, &suite.deployment, &suite.config, &report)
            .unwrap();
    assert_year(&suite.app, &suite.deployment, &report, &economy);
    assert_eq!(suite.sum_of_all_balances(), TOTAL_SUPPLY - economy.burned);

    // The charts.
    let dir = std::env::temp_dir().join("btt-charts-test");
    let charts = btt_economy::report::write_charts(&dir, &report, &economy).unwrap();
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

#[test]
fn the_audit_reads_genesis_back_row_by_row_and_catches_a_moved_row() {
    let mut suite = Suite::new();
    let dao = suite.dao();
    let chain = btt_deploy::multitest::MultiTestChain {
        app: &mut suite.app,
        deployer: suite.deployer.clone(),
    };
    let audit = btt_deploy::audit::read(&chain, &suite.deployment).unwrap();
    audit.check(&dao).unwrap();
    assert_eq!(audit.rows.len(), 11);
    assert!(audit.render(&dao).contains("wasm admin of 10 of 10"));

    // The audit is not a formality: the same deployment read as if another DAO held it fails.
    assert!(matches!(
        audit.check(&suite.deployer),
        Err(AuditError::NotTheDao { contract, .. }) if contract == "btt-token"
    ));
    // And a row that left its holder shows on that row.
    let mut moved = audit.clone();
    moved.rows[7].on_chain -= Uint128::new(1);
    assert_eq!(
        moved.check(&dao),
        Err(AuditError::Row {
            category: Category::MiningRewardPool,
            on_chain: btt(6_300_000) - Uint128::new(1),
            planned: btt(6_300_000),
        })
    );
    // A deployer left holding BTT is caught too.
    let mut kept = audit.clone();
    kept.deployer_balance = Uint128::new(1);
    assert_eq!(
        kept.check(&dao),
        Err(AuditError::DeployerHolds(Uint128::new(1)))
    );
}
