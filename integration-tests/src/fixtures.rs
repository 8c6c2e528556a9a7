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
