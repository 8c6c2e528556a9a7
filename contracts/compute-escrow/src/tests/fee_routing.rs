//! The protocol part of a job through the fee router: the DAO may give stakers a share of the
//! 30% (never of the nodes' 70%), every change is checked, and only the owner may make one.

use btt_types::bps::Bps;
use btt_types::compute::{ExecuteMsg, QueryMsg};
use btt_types::fee_router::{
    FeeRoute, FeeRouteError, FeeRoutingUpdate, FeeShares, FeeStream, RoutedTotal,
};
use btt_types::staking::{QueryMsg as StakingQuery, TotalsResponse};
use cosmwasm_std::{coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{Suite, MIN_BOND, NATIVE};
use crate::ContractError;

fn shares(d: u16, f: u16, r: u16, s: u16) -> FeeShares {
    FeeShares {
        development_fund: Bps(d),
        foundation: Bps(f),
        reserve: Bps(r),
        stakers: Bps(s),
        burn: Bps(0),
    }
}

fn update(s: FeeShares) -> ExecuteMsg {
    ExecuteMsg::UpdateFeeRouting(FeeRoutingUpdate {
        payees: None,
        routes: vec![FeeRoute {
            stream: FeeStream::Compute,
            shares: s,
        }],
    })
}

fn staked_rewards(suite: &Suite, denom: &str) -> Uint128 {
    let t: TotalsResponse = suite
        .app
        .wrap()
        .query_wasm_smart(suite.staking.addr(), &StakingQuery::Totals {})
        .unwrap();
    t.rewards
        .iter()
        .find(|r| r.denom == denom)
        .map_or(Uint128::zero(), |r| r.deposited)
}

#[test]
fn the_dao_routes_part_of_the_protocol_30_percent_to_stakers_and_the_nodes_keep_70() {
    let mut suite = Suite::new();
    suite
        .execute("owner", &update(shares(1_500, 1_000, 250, 250)))
        .unwrap();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let id = suite.submitted_job("clinic", &[(n1, 1_000)]);
    let price = suite.job(id).price;
    let before = [suite.balance("op1"), suite.balance("reserve")];
    suite.accept("clinic", id).unwrap();
    assert_eq!(suite.balance("op1") - before[0], Bps(7_000).of(price));
    assert_eq!(suite.balance("reserve") - before[1], Bps(250).of(price));
    assert_eq!(staked_rewards(&suite, "btt"), Bps(250).of(price));
    let routed: Vec<RoutedTotal> = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.escrow, &QueryMsg::FeesRouted {})
        .unwrap();
    assert_eq!(routed.len(), 1);
    assert_eq!(routed[0].stream, "compute");
    assert_eq!(routed[0].routed.stakers, Bps(250).of(price));
    assert_eq!(
        routed[0].routed.total().unwrap() + Bps(7_000).of(price),
        price
    );
}

#[test]
fn a_native_job_pays_stakers_in_its_denom() {
    let mut suite = Suite::new();
    suite
        .execute("owner", &update(shares(1_500, 1_000, 250, 250)))
        .unwrap();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let spec = suite.spec(btt_types::compute::Urgency::Urgent);
    let price = Uint128::new(2_250_000);
    suite
        .execute_with_funds(
            "clinic",
            &ExecuteMsg::PostJob { spec },
            &coins(price.u128(), NATIVE),
        )
        .unwrap();
    suite.assign_accepted("clinic", 1, &[(n1, 1_000)]);
    suite.submit("op1", 1).unwrap();
    suite.accept("clinic", 1).unwrap();
    assert_eq!(staked_rewards(&suite, NATIVE), Bps(250).of(price));
}

#[test]
fn routing_changes_are_checked_owner_only_and_take_no_funds() {
    let mut suite = Suite::new();
    // the shares must make the protocol part (30%), never eat into the nodes' 70%
    assert_eq!(
        suite
            .execute("owner", &update(shares(1_500, 1_000, 500, 100)))
            .unwrap_err(),
        ContractError::FeeRoute(FeeRouteError::SharesDontSum {
            stream: FeeStream::Compute,
            total: 3_100,
            whole: 3_000
        })
    );
    assert_eq!(
        suite
            .execute("owner", &update(shares(3_000, 0, 0, 0)))
            .unwrap_err(),
        ContractError::FeeRoute(FeeRouteError::MissingPayee {
            stream: FeeStream::Compute
        })
    );
    assert!(matches!(
        suite
            .execute("mallory", &update(shares(1_500, 1_000, 250, 250)))
            .unwrap_err(),
        ContractError::Ownership(_)
    ));
    assert_eq!(
        suite
            .execute_with_funds(
                "owner",
                &update(shares(1_500, 1_000, 250, 250)),
                &coins(1, NATIVE)
            )
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    let other = ExecuteMsg::UpdateFeeRouting(FeeRoutingUpdate {
        payees: None,
        routes: vec![FeeRoute {
            stream: FeeStream::Trade,
            shares: shares(5_000, 5_000, 0, 0),
        }],
    });
    assert_eq!(
        suite.execute("owner", &other).unwrap_err(),
        ContractError::FeeRoute(FeeRouteError::UnknownStream {
            stream: FeeStream::Trade
        })
    );
}

#[test]
fn a_denom_stakers_cannot_take_is_refused_so_no_payment_can_fail_on_it() {
    let mut suite = Suite::new();
    let update = ExecuteMsg::UpdateConfig(Box::new(btt_types::compute::ConfigUpdate {
        native_rates: Some(vec![btt_types::compute::NativeRate {
            denom: "uatom".into(),
            ubtt_per_unit: cosmwasm_std::Decimal::one(),
        }]),
        ..Default::default()
    }));
    assert_eq!(
        suite.execute("owner", &update).unwrap_err(),
        ContractError::FeeRoute(FeeRouteError::NotAStakingDenom {
            denom: "uatom".into()
        })
    );
}

/// A dispute resolved to pay routes the protocol part like an accepted result, and says so:
/// its `fee_routed` event carries the fee taken and every part, as `FeesRouted` counts them.
#[test]
fn a_resolved_dispute_reports_its_fee_routed_event() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let id = suite.submitted_job("clinic", &[(n1, 1_000)]);
    let price = suite.job(id).price;
    suite.dispute("clinic", id).unwrap();
    let res = suite
        .resolve("arbiter", id, btt_types::compute::Resolution::Pay, vec![])
        .unwrap();
    let event = res
        .events
        .iter()
        .find(|e| e.ty == "wasm-fee_routed")
        .expect("a fee_routed event");
    let attr = |k: &str| {
        event
            .attributes
            .iter()
            .find(|a| a.key == k)
            .map(|a| a.value.parse::<u128>().unwrap())
            .unwrap()
    };
    let routed: Vec<RoutedTotal> = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.escrow, &QueryMsg::FeesRouted {})
        .unwrap();
    assert_eq!(attr("fee"), Bps(3_000).of(price).u128());
    assert_eq!(
        attr("development_fund") + attr("foundation") + attr("reserve"),
        routed[0].routed.total().unwrap().u128()
    );
    assert_eq!(
        routed[0].routed.total().unwrap() + routed[0].held,
        Bps(3_000).of(price)
    );
}
