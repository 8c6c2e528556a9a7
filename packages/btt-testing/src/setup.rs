//! BTT and btt-staking on cw-multi-test, set up the same way in every suite.

use btt_types::staking::{self, FeeTier, LockTier};
use btt_types::token;
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{Addr, Empty, Uint128};
use cw20::Cw20Coin;
use cw_multi_test::{App, Contract, ContractWrapper, Executor};

use crate::fees::TEST_REWARD_DENOMS;

/// btt-token as a multi-test contract.
pub fn token_code() -> Box<dyn Contract<Empty>> {
    use btt_token::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
}

/// btt-staking as a multi-test contract.
pub fn staking_code() -> Box<dyn Contract<Empty>> {
    use btt_staking::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
}

/// Instantiates a BTT-like token `symbol` from a new code: each of `holders` gets `each`, `owner`
/// the rest of the 21,000,000 BTT. Returns its address.
pub fn instantiate_token(
    app: &mut App,
    owner: &Addr,
    symbol: &str,
    holders: &[&str],
    each: Uint128,
) -> Addr {
    let code_id = app.store_code(token_code());
    instantiate_token_code(app, code_id, owner, symbol, holders, each)
}

/// As [`instantiate_token`], from the stored token code `code_id` (a suite that makes several
/// tokens, e.g. a fake one, stores the code once).
pub fn instantiate_token_code(
    app: &mut App,
    code_id: u64,
    owner: &Addr,
    symbol: &str,
    holders: &[&str],
    each: Uint128,
) -> Addr {
    let mut balances: Vec<Cw20Coin> = holders
        .iter()
        .map(|who| Cw20Coin {
            address: app.api().addr_make(who).to_string(),
            amount: each,
        })
        .collect();
    let given = each
        .checked_mul(Uint128::new(holders.len() as u128))
        .expect("test balances fit");
    balances.push(Cw20Coin {
        address: owner.to_string(),
        amount: TOTAL_SUPPLY.checked_sub(given).expect("within the supply"),
    });
    let msg = token::InstantiateMsg {
        name: format!("{symbol} token"),
        symbol: symbol.into(),
        initial_balances: balances,
        marketing: None,
    };
    app.instantiate_contract(code_id, owner.clone(), &msg, &[], symbol, None)
        .expect("instantiating the token")
}

/// The age of the stake a fee tier counts in test suites: one day, so a suite stakes and
/// advances a day before a discount applies (the attack tests show a stake held for a moment
/// earns none).
pub const TEST_TIER_AGE_SECONDS: u64 = 86_400;

/// Instantiates btt-staking for `token` with the suggested lock and fee tiers and
/// `unbonding_seconds`, owned by `owner` (wasm admin too). Returns its address.
pub fn instantiate_staking(
    app: &mut App,
    owner: &Addr,
    token: &Addr,
    unbonding_seconds: u64,
) -> Addr {
    let code_id = app.store_code(staking_code());
    let msg = staking::InstantiateMsg {
        token: token.to_string(),
        lock_tiers: LockTier::suggested(),
        unbonding_seconds,
        fee_tiers: FeeTier::suggested(),
        tier_age_seconds: TEST_TIER_AGE_SECONDS,
        reward_denoms: TEST_REWARD_DENOMS.iter().map(|d| d.to_string()).collect(),
        reward_period_seconds: 7 * 86_400,
        // No minimum in effect: the suites of other contracts stake small amounts and expect
        // the whole stream (btt-staking's own attack tests use the genesis value).
        min_reward_power: cosmwasm_std::Uint128::one(),
        owner: None,
        dao: None,
    };
    app.instantiate_contract(
        code_id,
        owner.clone(),
        &msg,
        &[],
        "staking",
        Some(owner.to_string()),
    )
    .expect("instantiating btt-staking")
}
