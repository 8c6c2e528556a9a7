//! Fee payment checks and the fee split of the NFT contract.

use btt_types::asset::Asset;
use btt_types::fees::pay_out_fee;
use cosmwasm_std::{CosmosMsg, StdResult, Storage, Uint128};

use crate::state::{Config, FEES, TOTALS};
use crate::ContractError;

/// The "denom" of BTT in messages and metadata.
pub const BTT: &str = "btt";

/// A fee as it arrived: its denom ("btt" or native) and amount.
pub struct Paid {
    /// "btt" or a native denom.
    pub denom: String,
    /// Amount received.
    pub amount: Uint128,
}

/// Checks that `denom` may be used for appraisals and fees.
pub fn check_denom(config: &Config, denom: &str) -> Result<(), ContractError> {
    if denom == BTT || config.native_denoms.iter().any(|d| d == denom) {
        return Ok(());
    }
    Err(ContractError::UnknownDenom {
        denom: denom.into(),
    })
}

/// Checks the payment is exactly `fee` in `denom`.
pub fn check_paid(paid: &Paid, denom: &str, fee: Uint128) -> Result<(), ContractError> {
    if paid.denom != denom {
        return Err(ContractError::WrongDenom {
            expected: denom.into(),
            got: paid.denom.clone(),
        });
    }
    if paid.amount != fee {
        return Err(ContractError::WrongFee {
            expected: fee,
            got: paid.amount,
        });
    }
    Ok(())
}

/// Splits a received fee: the BTT burn of a high-value transaction, then the recipients.
/// Records the fee and the burn; returns the messages and the burned amount.
pub fn distribute(
    storage: &mut dyn Storage,
    config: &Config,
    paid: &Paid,
    value: Uint128,
) -> StdResult<(Vec<CosmosMsg>, Uint128)> {
    let asset = if paid.denom == BTT {
        Asset::Cw20(config.token.clone())
    } else {
        Asset::Native(paid.denom.clone())
    };
    let (msgs, burned) = pay_out_fee(
        paid.amount,
        value,
        &asset,
        &config.token,
        &config.burn,
        &config.recipients,
    )?;
    if !burned.is_zero() {
        TOTALS.update(storage, |mut t| -> StdResult<_> {
            t.burned += burned;
            Ok(t)
        })?;
    }
    FEES.update(storage, &paid.denom, |f| -> StdResult<_> {
        Ok(f.unwrap_or_default() + paid.amount)
    })?;
    Ok((msgs, burned))
}
