//! The one deployment routine on the optimized artifacts: all ten contracts (and the shares
//! code) stored in cosmwasm-vm, instantiated, wired, genesis run and everything handed to the
//! DAO — the same `btt_deploy::deploy::deploy` the main job runs on cw-multi-test.

use btt_deploy::chain::EconomyChain;
use btt_integration_tests::deploy::deploy_suite;
use btt_integration_tests::vm::WasmChain;
use btt_integration_tests::year::sum_of_all_balances;
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{Addr, Uint128};

#[test]
fn the_deployment_routine_runs_on_the_optimized_artifacts() {
    let mut chain = WasmChain::new();
    let (deployment, _) = deploy_suite(&mut chain).unwrap();
    let deployer = chain.addr("deployer");
    let dao = deployment.dao.addr().clone();
    for (name, addr) in deployment.contracts() {
        assert_eq!(chain.admin_of(addr), Some(dao.clone()), "{name} admin");
    }
    for (name, addr) in deployment.contracts() {
        if matches!(name, "btt-token" | "btt-dao") {
            continue;
        }
        let ownership: cw_ownable::Ownership<Addr> = chain
            .query(addr, &btt_types::vesting::QueryMsg::Ownership {})
            .unwrap();
        assert_eq!(ownership.owner, Some(dao.clone()), "{name} owner");
    }
    // 21,000,000 BTT, all of it where genesis put it; the deployer keeps nothing.
    let q = EconomyChain::wrap(&chain);
    assert_eq!(
        deployment.token.balance(&q, &deployer).unwrap(),
        Uint128::zero()
    );
    assert_eq!(sum_of_all_balances(&chain, &deployment), TOTAL_SUPPLY);
    let vested: Uint128 = deployment
        .plan
        .schedules
        .iter()
        .map(|s| s.schedule.amount)
        .sum();
    assert_eq!(
        deployment
            .token
            .balance(&q, deployment.vesting.addr())
            .unwrap(),
        vested
    );
}
