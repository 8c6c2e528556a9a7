//! The fixed-supply rule of instantiate.

use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::Uint128;
use cw20::Cw20Coin;

use crate::ContractError;

/// The initial balances must be non-zero and add up to exactly the fixed supply.
pub fn check_initial_balances(balances: &[Cw20Coin]) -> Result<(), ContractError> {
    let mut total = Uint128::zero();
    for coin in balances {
        if coin.amount.is_zero() {
            return Err(ContractError::ZeroInitialBalance {
                address: coin.address.clone(),
            });
        }
        // Saturating is enough: anything at the ceiling is far above the supply and refused below.
        total = total.saturating_add(coin.amount);
    }
    if total != TOTAL_SUPPLY {
        return Err(ContractError::WrongSupply {
            expected: TOTAL_SUPPLY,
            got: total,
        });
    }
    Ok(())
}
