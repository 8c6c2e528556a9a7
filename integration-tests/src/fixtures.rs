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
        reward_denoms: vec![],
        reward_period_seconds: 7 * 86_400,
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

/// The fee rule of the real-wasm RWA tests: 20% of a BTT fee burned at 10,000 BTT and above.
pub fn rwa_burn_rule() -> btt_types::fees::BurnRule {
    btt_types::fees::BurnRule {
        threshold: btt_types::units::btt(10_000),
        share: btt_types::bps::Bps(2_000),
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
        recipients: vec![btt_types::fees::FeeRecipientMsg {
            label: "dao treasury".into(),
            address: chain.addr("dao").to_string(),
            share: btt_types::bps::Bps(10_000),
        }],
        burn: rwa_burn_rule(),
    };
    Ok(chain
        .instantiate(&read_artifact("rwa_nft")?, "rwa-nft", deployer, &msg)?
        .0)
}
