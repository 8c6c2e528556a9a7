//! Fee payment checks and the routing of the NFT contract's mint and revaluation fees.

use btt_types::asset::Asset;
use btt_types::fee_router::{FeeAsset, FeeRoutingUpdate, FeeStream, RoutedFee};
use btt_types::rwa_nft::FEE_STREAMS;
use cosmwasm_std::{DepsMut, MessageInfo, Response, StdResult, Storage, Uint128};

use crate::state::{Config, CONFIG, FEES, TOTALS};
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

/// Routes a received fee of `stream` through the fee router: a BTT fee of an asset worth at
/// least the burn threshold burns its burn share. Records the fee and the burn.
pub fn distribute(
    storage: &mut dyn Storage,
    config: &Config,
    stream: FeeStream,
    paid: &Paid,
    value: Uint128,
) -> StdResult<RoutedFee> {
    let asset = if paid.denom == BTT {
        Asset::Cw20(config.token.clone())
    } else {
        Asset::Native(paid.denom.clone())
    };
    let fee = FeeAsset {
        asset: &asset,
        token: &config.token,
        burnable: value >= config.burn_threshold,
    };
    let routed = config
        .fee_routing
        .route(storage, stream, &fee, paid.amount)?;
    if !routed.routed.burned.is_zero() {
        TOTALS.update(storage, |mut t| -> StdResult<_> {
            t.burned = t.burned.checked_add(routed.routed.burned)?;
            Ok(t)
        })?;
    }
    FEES.update(storage, &paid.denom, |f| -> StdResult<_> {
        Ok(f.unwrap_or_default().checked_add(paid.amount)?)
    })?;
    Ok(routed)
}

/// `UpdateFeeRouting`: the owner (the DAO) changes payees or stream shares.
pub fn update_routing(
    deps: DepsMut,
    info: MessageInfo,
    update: FeeRoutingUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut c = CONFIG.load(deps.storage)?;
    c.fee_routing = c
        .fee_routing
        .apply(deps.as_ref(), &FEE_STREAMS, &update, &c.native_denoms)?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_fee_routing"))
}
