//! Income to share holders: an income-per-share index, settled per holder on every change of
//! their shares. Deposits, transfers and claims each touch a fixed number of records.
//!
//! Each holder keeps its credit as an exact `Decimal256` and is paid whole units on claim; the
//! fraction of a unit left when a holder's shares reach zero stays with the vault. So rounding
//! favours the vault by less than one unit per holder, and a closed vault owes only integers.

use btt_types::fractionalizer::{Vault, VaultStatus};
use cosmwasm_std::{
    ensure, Addr, Decimal256, DepsMut, Env, MessageInfo, OverflowError, Response, StdError,
    StdResult, Storage, Uint128, Uint256,
};

use btt_types::asset::Payment;

use crate::state::{load_vault, require_status, Holder, BY_SHARES, HOLDERS, VAULTS};
use crate::ContractError;

fn decimal(amount: Uint128) -> Decimal256 {
    Decimal256::from_ratio(amount, 1u128)
}

/// Credits the holder with income since it was last settled.
pub fn settle(vault: &mut Vault, holder: &mut Holder) -> Result<(), OverflowError> {
    let earned =
        decimal(holder.shares).checked_mul(vault.income_index.checked_sub(holder.index)?)?;
    holder.pending = holder.pending.checked_add(earned)?;
    vault.income_credited = vault.income_credited.checked_add(earned)?;
    holder.index = vault.income_index;
    Ok(())
}

/// Whole units of a holder's credit.
pub fn whole(pending: Decimal256) -> StdResult<Uint128> {
    pending
        .to_uint_floor()
        .try_into()
        .map_err(|_| StdError::generic_err("income overflow"))
}

/// Changes a holder's shares, keeping the reserve signal weights right.
pub fn set_shares(
    vault: &mut Vault,
    holder: &mut Holder,
    shares: Uint128,
) -> Result<(), OverflowError> {
    if let Some(price) = holder.reserve {
        let price = Uint256::from(price);
        vault.signalled_shares = vault
            .signalled_shares
            .checked_sub(holder.shares)?
            .checked_add(shares)?;
        vault.signal_weight = vault
            .signal_weight
            .checked_sub(Uint256::from(holder.shares).checked_mul(price)?)?
            .checked_add(Uint256::from(shares).checked_mul(price)?)?;
    }
    holder.shares = shares;
    Ok(())
}

/// Loads a holder (a fresh one at the current index if unknown).
pub fn load_holder(storage: &dyn Storage, vault: &Vault, who: &Addr) -> StdResult<Holder> {
    Ok(HOLDERS
        .may_load(storage, (vault.id, who))?
        .unwrap_or_else(|| Holder {
            index: vault.income_index,
            ..Holder::default()
        }))
}

/// Saves a holder, dropping records that hold nothing.
pub fn save_holder(
    storage: &mut dyn Storage,
    vault_id: u64,
    who: &Addr,
    h: &Holder,
) -> StdResult<()> {
    if h.shares.is_zero() && h.pending.is_zero() {
        HOLDERS.remove(storage, (vault_id, who));
        Ok(())
    } else {
        HOLDERS.save(storage, (vault_id, who), h)
    }
}

/// Adds `delta` shares to a holder, settled first.
pub fn add_shares(
    storage: &mut dyn Storage,
    vault: &mut Vault,
    who: &Addr,
    delta: Uint128,
) -> Result<(), ContractError> {
    let mut h = load_holder(storage, vault, who)?;
    settle(vault, &mut h)?;
    let shares = h.shares.checked_add(delta)?;
    set_shares(vault, &mut h, shares)?;
    save_holder(storage, vault.id, who, &h)?;
    Ok(())
}

/// Takes `delta` shares from a holder, settled first. A holder leaving keeps whole units of
/// income only; the fraction stays with the vault, so a closed vault owes exact integers and
/// nothing is stranded.
pub fn remove_shares(
    storage: &mut dyn Storage,
    vault: &mut Vault,
    who: &Addr,
    delta: Uint128,
) -> Result<(), ContractError> {
    let mut h = load_holder(storage, vault, who)?;
    settle(vault, &mut h)?;
    let shares = h.shares.checked_sub(delta)?;
    set_shares(vault, &mut h, shares)?;
    if h.shares.is_zero() {
        h.reserve = None;
        let fraction = h.pending.checked_sub(h.pending.floor())?;
        h.pending = h.pending.checked_sub(fraction)?;
        vault.income_credited = vault.income_credited.checked_sub(fraction)?;
    }
    save_holder(storage, vault.id, who, &h)?;
    Ok(())
}

/// `SharesMoved`: a vault's shares token reports a move; both holders are settled. The vault's
/// own address is never a holder (shares sent to it are burned in the same transaction).
pub fn shares_moved(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    from: String,
    to: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let vault_id = BY_SHARES
        .may_load(deps.storage, &info.sender)?
        .ok_or_else(|| ContractError::WrongHook {
            token: info.sender.to_string(),
        })?;
    let mut vault = load_vault(deps.storage, vault_id)?;
    let me = env.contract.address;
    let from = deps.api.addr_validate(&from)?;
    let to = deps.api.addr_validate(&to)?;
    if from != me {
        remove_shares(deps.storage, &mut vault, &from, amount)?;
    }
    if to != me {
        add_shares(deps.storage, &mut vault, &to, amount)?;
    }
    VAULTS.save(deps.storage, vault_id, &vault)?;
    Ok(Response::new()
        .add_attribute("action", "shares_moved")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("from", from)
        .add_attribute("to", to)
        .add_attribute("amount", amount))
}

/// `DepositIncome`: raises the income index by amount / supply.
pub fn deposit(deps: DepsMut, vault_id: u64, paid: Payment) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let mut vault = load_vault(deps.storage, vault_id)?;
    require_status(
        &vault,
        &[VaultStatus::Active, VaultStatus::Auction],
        "to hold its NFT",
    )?;
    paid.check_asset(&vault.asset)?;
    ensure!(!paid.amount.is_zero(), ContractError::ZeroAmount);
    vault.income_index = vault
        .income_index
        .checked_add(Decimal256::from_ratio(paid.amount, vault.supply))?;
    vault.income_deposited = vault.income_deposited.checked_add(paid.amount)?;
    VAULTS.save(deps.storage, vault_id, &vault)?;
    Ok(Response::new()
        .add_attribute("action", "deposit_income")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("operator", paid.sender)
        .add_attribute("amount", paid.amount))
}

/// Settles `who` and takes their whole units of income out; returns the amount to pay.
pub fn take_income(
    storage: &mut dyn Storage,
    vault: &mut Vault,
    who: &Addr,
) -> Result<Uint128, ContractError> {
    let mut h = load_holder(storage, vault, who)?;
    settle(vault, &mut h)?;
    let payout = whole(h.pending)?;
    h.pending = h.pending.checked_sub(decimal(payout))?;
    vault.income_paid = vault.income_paid.checked_add(payout)?;
    save_holder(storage, vault.id, who, &h)?;
    Ok(payout)
}

/// `ClaimIncome`.
pub fn claim(deps: DepsMut, info: MessageInfo, vault_id: u64) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut vault = load_vault(deps.storage, vault_id)?;
    let payout = take_income(deps.storage, &mut vault, &info.sender)?;
    ensure!(!payout.is_zero(), ContractError::NothingToClaim);
    VAULTS.save(deps.storage, vault_id, &vault)?;
    Ok(Response::new()
        .add_messages(vault.asset.transfer_msg(&info.sender, payout)?)
        .add_attribute("action", "claim_income")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("holder", info.sender)
        .add_attribute("amount", payout))
}

/// What `who` could claim now (a read-only settle).
pub fn claimable(storage: &dyn Storage, vault: &Vault, who: &Addr) -> StdResult<(Holder, Uint128)> {
    let mut v = vault.clone();
    let mut h = load_holder(storage, vault, who)?;
    settle(&mut v, &mut h)?;
    let amount = whole(h.pending)?;
    Ok((h, amount))
}

#[cfg(test)]
mod tests {
    use super::*;
    use btt_types::asset::Asset;
    use btt_types::bps::Bps;
    use cosmwasm_std::Timestamp;
    use proptest::prelude::*;

    fn vault(supply: u128) -> Vault {
        Vault {
            id: 1,
            token_id: "t".into(),
            depositor: Addr::unchecked("d"),
            curator: Addr::unchecked("d"),
            shares_token: Addr::unchecked("s"),
            supply: Uint128::new(supply),
            shares_issued: Uint128::new(supply),
            asset: Asset::Native("uusdc".into()),
            initial_reserve: Uint128::one(),
            management_fee: Bps(100),
            fee_checkpoint: Timestamp::from_seconds(0),
            fee_carry: Decimal256::zero(),
            fee_minted: Uint128::zero(),
            status: VaultStatus::Active,
            income_index: Decimal256::zero(),
            income_deposited: Uint128::zero(),
            income_credited: Decimal256::zero(),
            income_paid: Uint128::zero(),
            signalled_shares: Uint128::zero(),
            signal_weight: Uint256::zero(),
            proceeds_left: Uint128::zero(),
            featured_until: None,
            created: Timestamp::from_seconds(0),
        }
    }

    proptest! {
        /// Any mix of deposits and moves between four holders: every holder is owed its exact
        /// pro-rata income less under one unit, and the vault never owes more than it received.
        #[test]
        fn income_is_pro_rata_to_the_unit(
            steps in proptest::collection::vec((0u8..2, 0usize..4, 0usize..4, 1u128..1_000_000), 1..40)
        ) {
            let supply = 1_000_003u128;
            let mut v = vault(supply);
            let mut holders = vec![Holder::default(); 4];
            holders[0].shares = Uint128::new(supply);
            // exact owed per holder, as a fraction of the supply
            let mut owed = [0u128; 4];
            for (kind, a, b, x) in steps {
                if kind == 0 {
                    v.income_index += Decimal256::from_ratio(x, supply);
                    v.income_deposited += Uint128::new(x);
                    for (i, h) in holders.iter().enumerate() {
                        owed[i] += h.shares.u128() * x;
                    }
                } else if a != b {
                    let amount = x.min(holders[a].shares.u128());
                    for i in [a, b] {
                        settle(&mut v, &mut holders[i]).unwrap();
                    }
                    let (from, to) = (holders[a].shares.u128() - amount, holders[b].shares.u128() + amount);
                    set_shares(&mut v, &mut holders[a], Uint128::new(from)).unwrap();
                    set_shares(&mut v, &mut holders[b], Uint128::new(to)).unwrap();
                }
            }
            let mut paid = 0u128;
            for (i, h) in holders.iter_mut().enumerate() {
                settle(&mut v, h).unwrap();
                let got = whole(h.pending).unwrap().u128();
                let exact = owed[i] / supply;
                prop_assert!(got <= exact && exact - got <= 1, "holder {}: {} of {}", i, got, exact);
                paid += got;
            }
            prop_assert!(paid <= v.income_deposited.u128());
        }
    }
}
