//! Contracts deployed from the artifacts the same way in every real-wasm test.

use btt_types::staking::{self, FeeTier, LockTier};
use btt_types::token;
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{Addr, Uint128};
use cw20::Cw20Coin;

use crate::artifacts::read_artifact;
use crate::vm::WasmChain;

/// 21 days: the suggested unbonding period.
pub const UNBONDING_SECONDS: u64 = 21 * 86_400;

/// BTT from its artifact: `balances`, and the rest of the 21,000,000 BTT to `deployer`.
pub fn deploy_btt(
    chain: &mut WasmChain,
    deployer: &Addr,
    mut balances: Vec<Cw20Coin>,
) -> anyhow::Result<Addr> {
    let given: Uint128 = balances.iter().map(|c| c.amount).sum();
    balances.push(Cw20Coin {
        address: deployer.to_string(),
        amount: TOTAL_SUPPLY.checked_sub(given)?,
    });
    let msg = token::InstantiateMsg {
        name: "BTT Healthcare Token".into(),
        symbol: "BTT".into(),
        initial_balances: balances,
        marketing: None,
    };
    Ok(chain
        .instantiate(&read_artifact("btt_token")?, "btt-token", deployer, &msg)?
        .0)
}

/// btt-staking from its artifact with the suggested lock and fee tiers.
pub fn deploy_staking(
    chain: &mut WasmChain,
    deployer: &Addr,
    token: &Addr,
) -> anyhow::Result<Addr> {
    let msg = staking::InstantiateMsg {
        token: token.to_string(),
        lock_tiers: LockTier::suggested(),
        unbonding_seconds: UNBONDING_SECONDS,
        fee_tiers: FeeTier::suggested(),
        tier_age_seconds: 86_400,
        reward_denoms: vec!["uusdc".into()],
        reward_period_seconds: 7 * 86_400,
        // No minimum in effect: these tests stake small amounts and expect the whole stream.
        min_reward_power: Uint128::one(),
        owner: None,
        dao: None,
    };
    Ok(chain
        .instantiate(
            &read_artifact("btt_staking")?,
            "btt-staking",
            deployer,
            &msg,
        )?
        .0)
}

/// The genesis shares of the streams in `set`, paying the development fund, foundation and
/// reserve to the "dao" account and stakers through `staking`.
pub fn genesis_routing(
    chain: &WasmChain,
    staking: &Addr,
    set: &btt_types::fee_router::StreamSet,
) -> btt_types::fee_router::FeeRoutingMsg {
    let dao = chain.addr("dao").to_string();
    btt_types::fee_router::FeeRoutingMsg {
        payees: btt_types::fee_router::FeePayeesMsg {
            development_fund: dao.clone(),
            foundation: dao.clone(),
            reserve: dao,
            staking: staking.to_string(),
            treasury: false,
        },
        routes: btt_deploy::genesis::suggested_fee_routes()
            .into_iter()
            .filter(|r| set.streams.contains(&r.stream))
            .collect(),
    }
}

/// The burn threshold of the real-wasm RWA tests: 10,000 BTT.
pub const RWA_BURN_THRESHOLD: cosmwasm_std::Uint128 = btt_types::units::btt(10_000);

/// The fee routing of the real-wasm RWA tests: every payee is the "dao" account, and a BTT fee
/// of a transaction worth at least [`RWA_BURN_THRESHOLD`] burns 20% (the management fee, paid
/// in shares, burns nothing). Stakers get no share, so no staking contract is needed.
pub fn rwa_fee_routing(
    chain: &WasmChain,
    set: &btt_types::fee_router::StreamSet,
) -> btt_types::fee_router::FeeRoutingMsg {
    use btt_types::bps::Bps;
    use btt_types::fee_router::{FeePayeesMsg, FeeRoute, FeeRoutingMsg, FeeShares, FeeStream};
    let dao = chain.addr("dao").to_string();
    FeeRoutingMsg {
        payees: FeePayeesMsg {
            development_fund: dao.clone(),
            foundation: dao.clone(),
            reserve: dao.clone(),
            staking: dao,
            treasury: false,
        },
        routes: set
            .streams
            .iter()
            .map(|&stream| {
                let burn = if stream == FeeStream::Management {
                    0
                } else {
                    2_000
                };
                FeeRoute {
                    stream,
                    shares: FeeShares {
                        development_fund: Bps(6_000),
                        foundation: Bps(2_000),
                        reserve: Bps(2_000 - burn),
                        stakers: Bps(0),
                        burn: Bps(burn),
                    },
                }
            })
            .collect(),
    }
}

/// rwa-nft from its artifact: `issuer` may mint, fees go to one DAO address, suggested fees.
pub fn deploy_rwa_nft(
    chain: &mut WasmChain,
    deployer: &Addr,
    token: &Addr,
    issuer: &Addr,
) -> anyhow::Result<Addr> {
    let msg = btt_types::rwa_nft::InstantiateMsg {
        name: "BTT medical assets".into(),
        symbol: "BTTRWA".into(),
        owner: None,
        token: token.to_string(),
        issuers: vec![issuer.to_string()],
        appraisers: vec![],
        native_denoms: vec![],
        fees: btt_types::rwa_nft::NftFees::suggested(),
        fee_routing: rwa_fee_routing(chain, &btt_types::rwa_nft::FEE_STREAMS),
        burn_threshold: RWA_BURN_THRESHOLD,
    };
    Ok(chain
        .instantiate(&read_artifact("rwa_nft")?, "rwa-nft", deployer, &msg)?
        .0)
}
