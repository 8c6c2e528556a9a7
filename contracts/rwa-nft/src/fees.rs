//! Fee payment checks and the fee split of the NFT contract.

use btt_types::asset::Asset;
use btt_types::fees::cut_fee;
use btt_types::token::TokenContract;
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
    let in_btt = paid.denom == BTT;
    let cut = cut_fee(paid.amount, value, in_btt, &config.burn, &config.recipients);
    let asset = if in_btt {
        Asset::Cw20(config.token.clone())
    } else {
        Asset::Native(paid.denom.clone())
    };
    let mut msgs = vec![];
    if !cut.burn.is_zero() {
        msgs.push(TokenContract(config.token.clone()).burn_msg(cut.burn)?);
        TOTALS.update(storage, |mut t| -> StdResult<_> {
            t.burned += cut.burn;
            Ok(t)
        })?;
    }
    for (to, amount) in &cut.paid {
        msgs.extend(asset.transfer_msg(to, *amount)?);
    }
    FEES.update(storage, &paid.denom, |f| -> StdResult<_> {
        Ok(f.unwrap_or_default() + paid.amount)
    })?;
    Ok((msgs, cut.burn))
}
