//! Fee routing of the test suites: shares, payees and routes like genesis's, in test addresses.

use btt_types::bps::Bps;
use btt_types::fee_router::{
    FeePayeesMsg, FeeRoute, FeeRoutingMsg, FeeShares, FeeStream, StreamSet,
};
use cosmwasm_std::Addr;
use cw_multi_test::App;

/// The native denoms btt-staking streams in test suites, so fee routers may pay stakers in them.
pub const TEST_REWARD_DENOMS: [&str; 2] = ["untrn", "uusdc"];

/// Test shares of every fee stream that is not compute: development fund 40%, foundation 25%,
/// reserve 10%, stakers 25%, no burn.
pub fn test_fee_shares() -> FeeShares {
    FeeShares {
        development_fund: Bps(4_000),
        foundation: Bps(2_500),
        reserve: Bps(1_000),
        stakers: Bps(2_500),
        burn: Bps(0),
    }
}

/// Test shares of the RWA streams (not management): development fund 40%, foundation 20%,
/// reserve 10%, stakers 10%, burn 20% (of high-value BTT fees; the reserve's otherwise).
pub fn rwa_fee_shares() -> FeeShares {
    FeeShares {
        development_fund: Bps(4_000),
        foundation: Bps(2_000),
        reserve: Bps(1_000),
        stakers: Bps(1_000),
        burn: Bps(2_000),
    }
}

/// Test shares of the management fee (in vault shares: no stakers, no burn): development fund
/// 50%, foundation 30%, reserve 20%.
pub fn management_fee_shares() -> FeeShares {
    FeeShares {
        development_fund: Bps(5_000),
        foundation: Bps(3_000),
        reserve: Bps(2_000),
        stakers: Bps(0),
        burn: Bps(0),
    }
}

/// The routing of every stream in `set`: the management stream with
/// [`management_fee_shares`], the others with `shares`.
pub fn routing_for(app: &App, staking: &Addr, set: &StreamSet, shares: FeeShares) -> FeeRoutingMsg {
    FeeRoutingMsg {
        payees: fee_payees(app, staking),
        routes: set
            .streams
            .iter()
            .map(|&stream| FeeRoute {
                stream,
                shares: if stream == FeeStream::Management {
                    management_fee_shares()
                } else {
                    shares
                },
            })
            .collect(),
    }
}

/// A routing of every stream in `set` that pays all of it to one `treasury` account (as the
/// development fund 40%, foundation 25% and reserve 35%), for suites that count one treasury;
/// `staking` is named but given no share.
pub fn treasury_routing(
    app: &App,
    treasury: &str,
    staking: &Addr,
    set: &StreamSet,
) -> FeeRoutingMsg {
    let treasury = app.api().addr_make(treasury).to_string();
    FeeRoutingMsg {
        payees: FeePayeesMsg {
            development_fund: treasury.clone(),
            foundation: treasury.clone(),
            reserve: treasury,
            staking: staking.to_string(),
            treasury: false,
        },
        routes: set
            .streams
            .iter()
            .map(|&stream| FeeRoute {
                stream,
                shares: FeeShares {
                    development_fund: Bps(4_000),
                    foundation: Bps(2_500),
                    reserve: Bps(3_500),
                    stakers: Bps(0),
                    burn: Bps(0),
                },
            })
            .collect(),
    }
}

/// The test payees: the "devfund", "foundation" and "reserve" addresses and `staking`.
pub fn fee_payees(app: &App, staking: &Addr) -> FeePayeesMsg {
    let addr = |n: &str| app.api().addr_make(n).to_string();
    FeePayeesMsg {
        development_fund: addr("devfund"),
        foundation: addr("foundation"),
        reserve: addr("reserve"),
        staking: staking.to_string(),
        treasury: false,
    }
}

/// A routing of `streams`, each with `shares`, to the test payees.
pub fn fee_routing(
    app: &App,
    staking: &Addr,
    streams: &[FeeStream],
    shares: FeeShares,
) -> FeeRoutingMsg {
    FeeRoutingMsg {
        payees: fee_payees(app, staking),
        routes: streams
            .iter()
            .map(|&stream| FeeRoute { stream, shares })
            .collect(),
    }
}
