//! What arrived with a message: BTT through a cw20 hook, or one native coin.

use btt_types::asset::Asset;
use cosmwasm_std::{Addr, MessageInfo, Storage, Uint128};

use crate::state::{Config, CONFIG};
use crate::ContractError;

/// A payment to the vault.
pub struct Payment {
    /// Who paid.
    pub sender: Addr,
    /// In what.
    pub asset: Asset,
    /// How much.
    pub amount: Uint128,
}

impl Payment {
    /// BTT received through the cw20 hook.
    pub fn btt(config: &Config, sender: Addr, amount: Uint128) -> Payment {
        Payment {
            sender,
            asset: Asset::Cw20(config.token.clone()),
            amount,
        }
    }

    /// Exactly one native coin of an accepted denom.
    pub fn native(storage: &dyn Storage, info: &MessageInfo) -> Result<Payment, ContractError> {
        let coin = cw_utils::one_coin(info)?;
        let config = CONFIG.load(storage)?;
        let asset = native_asset(&config, &coin.denom)?;
        Ok(Payment {
            sender: info.sender.clone(),
            asset,
            amount: coin.amount,
        })
    }

    /// Checks the payment is in `asset`.
    pub fn check_asset(&self, vault_id: u64, asset: &Asset) -> Result<(), ContractError> {
        if &self.asset != asset {
            return Err(ContractError::WrongAsset {
                vault_id,
                expected: asset.to_string(),
                got: self.asset.to_string(),
            });
        }
        Ok(())
    }

    /// Checks the payment is exactly `expected`.
    pub fn check_amount(&self, expected: Uint128) -> Result<(), ContractError> {
        if self.amount != expected {
            return Err(ContractError::WrongAmount {
                expected,
                got: self.amount,
            });
        }
        Ok(())
    }
}

/// The asset of an accepted native denom.
pub fn native_asset(config: &Config, denom: &str) -> Result<Asset, ContractError> {
    if config.native_denoms.iter().any(|d| d == denom) {
        Ok(Asset::Native(denom.into()))
    } else {
        Err(ContractError::UnknownDenom {
            denom: denom.into(),
        })
    }
}

/// The asset of "btt" or an accepted native denom.
pub fn asset_of(config: &Config, denom: &str) -> Result<Asset, ContractError> {
    if denom == "btt" {
        Ok(Asset::Cw20(config.token.clone()))
    } else {
        native_asset(config, denom)
    }
}
