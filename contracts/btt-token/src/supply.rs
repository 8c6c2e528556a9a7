//! The fixed-supply rule of instantiate.

use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{ensure, Uint128};
use cw20::Cw20Coin;

use crate::ContractError;

/// The initial balances must be non-zero and add up to exactly the fixed supply.
pub fn check_initial_balances(balances: &[Cw20Coin]) -> Result<(), ContractError> {
    let mut total = Uint128::zero();
    for coin in balances {
        ensure!(
            !coin.amount.is_zero(),
            ContractError::ZeroInitialBalance {
                address: coin.address.clone(),
            }
        );
        // Saturating is enough: anything at the ceiling is far above the supply and refused below.
        total = total.saturating_add(coin.amount);
    }
    ensure!(
        total == TOTAL_SUPPLY,
        ContractError::WrongSupply {
            expected: TOTAL_SUPPLY,
            got: total,
        }
    );
    Ok(())
}
