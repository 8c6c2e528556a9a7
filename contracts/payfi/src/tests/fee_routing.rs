//! The tier and conversion fees of a settled payment through the fee router: each stream by
//! its own shares, the stakers' part streamed by btt-staking, and only the owner may change it.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::fee_router::{
    FeeRoute, FeeRouteError, FeeRoutingUpdate, FeeShares, FeeStream, RoutedTotal,
};
use btt_types::payfi::{Denom, ExecuteMsg, QueryMsg, FEE_STREAMS};
use btt_types::staking::{QueryMsg as StakingQuery, TotalsResponse};
use btt_types::units::btt;
use cosmwasm_std::{coins, Decimal, Uint128};
use cw_multi_test::Executor;

use super::suite::{Suite, HOUR, USDC};
use crate::ContractError;

fn with_stakers() -> FeeRoutingUpdate {
    FeeRoutingUpdate {
        payees: None,
        routes: FEE_STREAMS
            .streams
            .iter()
            .map(|&stream| FeeRoute {
                stream,
                shares: FeeShares {
                    development_fund: Bps(4_000),
                    foundation: Bps(2_500),
                    reserve: Bps(1_000),
                    stakers: Bps(2_500),
                    burn: Bps(0),
                },
            })
            .collect(),
    }
}

#[test]
fn a_converted_payment_routes_its_tier_and_conversion_fees_to_every_payee() {
    let mut suite = Suite::new();
    suite
        .execute("owner", &ExecuteMsg::UpdateFeeRouting(with_stakers()))
        .unwrap();
    let id = suite
        .invoice(
            Denom::Native(USDC.into()),
            Uint128::new(1_000_000_000),
            None,
            None,
        )
        .unwrap();
    suite
        .set_rate("btt", USDC, Decimal::from_ratio(2u128, 1u128))
        .unwrap();
    suite
        .pay_btt("patient", id, Uint128::new(1_000_000_000), btt(600))
        .unwrap();
    let dao = suite.btt("dao");
    suite.advance(HOUR);
    suite.settle().unwrap();
    // 500 BTT at 0.8% = 4 BTT tier fee, 3.75 BTT conversion fee: 75% of each to "dao" (the
    // development fund, foundation and reserve in this suite), 25% to stakers
    let fees = btt(4) + Uint128::new(3_750_000);
    assert_eq!(
        suite.btt("dao") - dao,
        fees - Bps(2_500).of(btt(4)) - Bps(2_500).of(Uint128::new(3_750_000))
    );
    let staking: TotalsResponse = suite
        .app
        .wrap()
        .query_wasm_smart(suite.staking.addr(), &StakingQuery::Totals {})
        .unwrap();
    assert_eq!(staking.rewards[0].deposited, Uint128::new(1_937_500));
    let routed: Vec<RoutedTotal> = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.payfi, &QueryMsg::FeesRouted {})
        .unwrap();
    let of = |stream: &str| {
        routed
            .iter()
            .find(|r| r.stream == stream)
            .map(|r| r.routed.total().unwrap())
    };
    assert_eq!(of("payment_tier"), Some(btt(4)));
    assert_eq!(of("conversion"), Some(Uint128::new(3_750_000)));
    assert_eq!(of("analytics"), None, "no analytics asked for");
}

#[test]
fn only_the_owner_changes_the_routing_and_every_stream_sums_to_100_percent() {
    let mut suite = Suite::new();
    assert!(matches!(
        suite
            .execute("clinic", &ExecuteMsg::UpdateFeeRouting(with_stakers()))
            .unwrap_err(),
        ContractError::Ownership(_)
    ));
    let mut bad = with_stakers();
    bad.routes[1].shares.stakers = Bps(2_400);
    assert_eq!(
        suite
            .execute("owner", &ExecuteMsg::UpdateFeeRouting(bad))
            .unwrap_err(),
        ContractError::FeeRoute(FeeRouteError::SharesDontSum {
            stream: FeeStream::Analytics,
            total: 9_900,
            whole: 10_000
        })
    );
    assert!(matches!(
        suite
            .execute_with_funds(
                "clinic",
                &ExecuteMsg::UpdateFeeRouting(with_stakers()),
                &coins(1, USDC)
            )
            .unwrap_err(),
        ContractError::Payment(_)
    ));
}

#[test]
fn a_party_on_both_sides_that_is_the_only_staker_gets_back_less_than_the_fee_it_pays() {
    let mut suite = Suite::new();
    suite
        .execute("owner", &ExecuteMsg::UpdateFeeRouting(with_stakers()))
        .unwrap();
    // one party runs the clinic and the patient; the patient holds all the power, pays the
    // clinic's BTT invoice and waits out the stream
    suite.stake("patient", btt(10_000));
    suite.advance(86_400);
    let id = suite.invoice(Denom::Btt, btt(1_000), None, None).unwrap();
    let party = |s: &Suite| s.btt("patient") + s.btt("clinic");
    let before = party(&suite);
    let payment = suite
        .pay_btt("patient", id, btt(1_000), btt(1_000))
        .unwrap();
    let fee = suite.payment(payment).fee.of_ceil(btt(1_000));
    suite.advance(HOUR);
    suite.settle().unwrap();
    suite.advance(7 * 86_400);
    suite
        .app
        .execute_contract(
            suite.addr("patient"),
            suite.staking.addr().clone(),
            &btt_types::staking::ExecuteMsg::ClaimRewards {},
            &[],
        )
        .unwrap();
    // the fee (0.6% at its staking tier) left the party; at most the stakers' 25% came back
    let lost = before - party(&suite);
    assert_eq!(fee, btt(6));
    assert!(lost >= fee - Bps(2_500).of(fee), "{lost}");
    assert!(lost <= fee);
}
