//! Fee rewards: a reward-per-power index. Every deposit raises the index by amount / total
//! power; every staker's earnings are power × (index − the index at its last settlement),
//! settled before each change of its power. Constant work per deposit, stake, unbond and claim.
//! Fractions of a ubtt stay in the staker's pending rewards, so at most one ubtt a staker is
//! left undistributed.

use btt_types::token::TokenContract;
use cosmwasm_std::{
    Addr, Decimal256, DepsMut, MessageInfo, Response, StdError, StdResult, Storage, Uint128,
    Uint256,
};

use crate::state::{Staker, Totals, CONFIG, POWER, STAKERS, TOTALS, TOTAL_POWER};
use crate::ContractError;

fn power_decimal(power: Uint128) -> StdResult<Decimal256> {
    Decimal256::from_atomics(power, 0).map_err(|e| StdError::generic_err(e.to_string()))
}

/// Brings `staker`'s pending rewards up to the current index, for its current `power`.
pub fn settle(staker: &mut Staker, power: Uint128, index: Decimal256) -> StdResult<()> {
    let earned = power_decimal(power)?.checked_mul(index - staker.reward_index)?;
    staker.pending_rewards = staker.pending_rewards.checked_add(earned)?;
    staker.reward_index = index;
    Ok(())
}

/// Spreads `amount` (plus anything waiting) over `total_power`; holds it while power is zero.
pub fn distribute(totals: &mut Totals, amount: Uint128, total_power: Uint128) -> StdResult<()> {
    totals.rewards_waiting = totals.rewards_waiting.checked_add(amount)?;
    if total_power.is_zero() || totals.rewards_waiting.is_zero() {
        return Ok(());
    }
    let increment = Decimal256::checked_from_ratio(totals.rewards_waiting, total_power)
        .map_err(|e| StdError::generic_err(e.to_string()))?;
    totals.reward_index = totals.reward_index.checked_add(increment)?;
    totals.rewards_waiting = Uint128::zero();
    Ok(())
}

/// The `DistributeRewards` hook: `amount` BTT from `from` joins the rewards.
pub fn deposit(
    storage: &mut dyn Storage,
    from: Addr,
    amount: Uint128,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let mut totals = TOTALS.load(storage)?;
    let total_power = TOTAL_POWER.may_load(storage)?.unwrap_or_default();
    totals.rewards_deposited = totals.rewards_deposited.checked_add(amount)?;
    distribute(&mut totals, amount, total_power)?;
    TOTALS.save(storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "distribute_rewards")
        .add_attribute("from", from)
        .add_attribute("amount", amount)
        .add_attribute("reward_index", totals.reward_index.to_string()))
}

/// Rewards `staker` could claim now (whole ubtt).
pub fn claimable(staker: &Staker, power: Uint128, index: Decimal256) -> StdResult<Uint128> {
    let mut view = staker.clone();
    settle(&mut view, power, index)?;
    whole(view.pending_rewards)
}

fn whole(amount: Decimal256) -> StdResult<Uint128> {
    let floor: Uint256 = amount.to_uint_floor();
    Uint128::try_from(floor).map_err(|e| StdError::generic_err(e.to_string()))
}

/// `ClaimRewards`: settles the caller and pays the whole ubtt of its pending rewards.
pub fn claim(deps: DepsMut, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut staker = STAKERS
        .may_load(deps.storage, &info.sender)?
        .unwrap_or_default();
    let power = POWER
        .may_load(deps.storage, &info.sender)?
        .unwrap_or_default();
    let mut totals = TOTALS.load(deps.storage)?;
    settle(&mut staker, power, totals.reward_index)?;
    let amount = whole(staker.pending_rewards)?;
    if amount.is_zero() {
        return Err(ContractError::NoRewards);
    }
    staker.pending_rewards = staker.pending_rewards.checked_sub(power_decimal(amount)?)?;
    STAKERS.save(deps.storage, &info.sender, &staker)?;
    totals.rewards_claimed = totals.rewards_claimed.checked_add(amount)?;
    TOTALS.save(deps.storage, &totals)?;
    let token = TokenContract(CONFIG.load(deps.storage)?.token);
    Ok(Response::new()
        .add_message(token.transfer_msg(&info.sender, amount)?)
        .add_attribute("action", "claim_rewards")
        .add_attribute("staker", info.sender)
        .add_attribute("amount", amount))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewards_wait_for_power_then_go_to_the_first_stakers() {
        let mut totals = Totals::default();
        distribute(&mut totals, Uint128::new(100), Uint128::zero()).unwrap();
        assert_eq!(totals.rewards_waiting, Uint128::new(100));
        assert_eq!(totals.reward_index, Decimal256::zero());
        distribute(&mut totals, Uint128::zero(), Uint128::new(50)).unwrap();
        assert_eq!(totals.rewards_waiting, Uint128::zero());
        assert_eq!(totals.reward_index, Decimal256::from_ratio(2u128, 1u128));
    }

    #[test]
    fn a_staker_earns_power_times_the_index_increase_and_keeps_fractions() {
        let mut staker = Staker::default();
        settle(
            &mut staker,
            Uint128::new(3),
            Decimal256::from_ratio(1u128, 3u128),
        )
        .unwrap();
        assert_eq!(
            whole(staker.pending_rewards).unwrap(),
            Uint128::zero(),
            "0.999… floors to 0"
        );
        settle(
            &mut staker,
            Uint128::new(3),
            Decimal256::from_ratio(2u128, 3u128),
        )
        .unwrap();
        assert_eq!(whole(staker.pending_rewards).unwrap(), Uint128::one());
    }
}
