use btt_testing::Harness;
use btt_types::units::{btt, MONTH_SECONDS};
use cosmwasm_std::Uint128;

use super::suite::{linear, Suite, SuiteBuilder};

/// 40 schedules: alice has the odd ids, bob the even ones.
fn forty_schedules() -> Suite {
    let mut suite = SuiteBuilder::new().build();
    for _ in 0..2 {
        let schedules = (0..20)
            .map(|i| {
                let who = if i % 2 == 0 { "alice" } else { "bob" };
                suite.new_schedule(who, 1, linear(suite.start, 0, 12))
            })
            .collect();
        suite.fund("owner", btt(20), schedules).unwrap();
    }
    suite
}

#[test]
fn schedules_are_paged_by_id_with_a_clamped_limit() {
    let suite = forty_schedules();
    let ids = |res: btt_types::vesting::SchedulesResponse| {
        res.schedules
            .iter()
            .map(|s| s.schedule.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(suite.schedules(None, None)),
        (1..=10).collect::<Vec<_>>()
    );
    assert_eq!(ids(suite.schedules(None, Some(1_000))).len(), 30);
    assert_eq!(
        ids(suite.schedules(Some(35), Some(1_000))),
        vec![36, 37, 38, 39, 40]
    );
    assert_eq!(ids(suite.schedules(Some(40), None)), Vec::<u64>::new());
}

#[test]
fn a_beneficiarys_schedules_are_paged_by_id() {
    let suite = forty_schedules();
    let page = suite.schedules_of("bob", Some(30), Some(3));
    let ids: Vec<u64> = page.schedules.iter().map(|s| s.schedule.id).collect();
    assert_eq!(ids, vec![32, 34, 36]);
    assert!(page
        .schedules
        .iter()
        .all(|s| s.schedule.beneficiary == suite.addr("bob")));
    assert!(suite.schedules_of("carol", None, None).schedules.is_empty());
}

#[test]
fn status_answers_at_any_time_and_always_adds_up() {
    let mut suite = SuiteBuilder::new()
        .with_schedule("alice", 1_200, |start| linear(start, 0, 12))
        .build();
    suite.at_month(6, 0);
    suite.claim("alice", 1).unwrap();
    let month = |m: u64| Some(suite.start.plus_seconds(m * MONTH_SECONDS));
    // Before the claim was made: vested 300, yet 600 already claimed.
    let past = suite.status(1, month(3));
    assert_eq!(past.vested, btt(300));
    assert_eq!(past.claimed, btt(600));
    assert_eq!(past.claimable, Uint128::zero());
    assert_eq!(past.locked, btt(600));
    let future = suite.status(1, month(9));
    assert_eq!(
        (future.vested, future.claimable, future.locked),
        (btt(900), btt(300), btt(300))
    );
    for s in [past, future, suite.status(1, None)] {
        assert_eq!(s.locked + s.claimable + s.claimed, s.total);
    }
    let totals = suite.totals();
    assert_eq!(
        (totals.allocated, totals.claimed, totals.outstanding),
        (btt(1_200), btt(600), btt(600))
    );
}

#[test]
fn config_names_the_token() {
    let suite = SuiteBuilder::new().build();
    let config: btt_types::vesting::ConfigResponse = suite
        .query(&btt_types::vesting::QueryMsg::Config {})
        .unwrap();
    assert_eq!(config.token, suite.token);
}

#[test]
fn instantiate_refuses_native_funds() {
    use cw_multi_test::Executor;
    let mut suite = SuiteBuilder::new().build();
    let code = suite.app.store_code(super::suite::vesting_code());
    let owner = suite.addr("owner");
    let err = suite
        .app
        .instantiate_contract(
            code,
            owner,
            &btt_types::vesting::InstantiateMsg {
                token: suite.token.to_string(),
                owner: None,
            },
            &cosmwasm_std::coins(1, super::suite::NATIVE),
            "vesting",
            None,
        )
        .unwrap_err();
    assert_eq!(
        err.downcast::<crate::ContractError>().unwrap(),
        crate::ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
}
