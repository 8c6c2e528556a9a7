//! The labelled funds of the treasury: the Ecosystem Development Fund and the unallocated
//! reserve from genesis, the development fund's and the operational reserve's fee inflows
//! (labelled deposits from the fee router), deposits held for proposals and deposits kept from
//! vetoed ones. A spend names its fund and cannot overdraw it; after every proposal the treasury
//! must still cover every fund, so no raw message of a proposal can spend labelled money either.
//! What the balances hold beyond the funds is unlabelled, and a proposal may spend it freely.

use btt_types::asset::Payment;
use btt_types::dao::{Fund, FundBalance};
use btt_types::staking::{StakingContract, BTT_REWARDS};
use btt_types::token::TokenContract;
use cosmwasm_std::{
    coins, ensure, Addr, BankMsg, Deps, DepsMut, Env, MessageInfo, Order, Response, StdResult,
    Storage, Uint128,
};
use cw_storage_plus::Map;

use crate::config::assert_self;
use crate::state::{CONFIG, DEPOSITS_HELD};
use crate::ContractError;

/// Every labelled fund but the held deposits (kept in `DEPOSITS_HELD`), by fund and denom.
pub const FUNDS: Map<(&str, &str), Uint128> = Map::new("funds");

/// Adds `amount` of `denom` to `fund`.
pub fn credit(
    storage: &mut dyn Storage,
    fund: Fund,
    denom: &str,
    amount: Uint128,
) -> Result<(), ContractError> {
    FUNDS.update(
        storage,
        (fund.key(), denom),
        |v| -> Result<_, ContractError> { Ok(v.unwrap_or_default().checked_add(amount)?) },
    )?;
    Ok(())
}

fn deposited(fund: Fund, denom: &str, amount: Uint128, from: &Addr) -> Response {
    Response::new()
        .add_attribute("action", "deposit")
        .add_attribute("fund", fund.key())
        .add_attribute("denom", denom)
        .add_attribute("amount", amount)
        .add_attribute("from", from)
}

/// The `Deposit` hook: BTT into a depositable fund.
pub fn deposit_btt(
    storage: &mut dyn Storage,
    from: &Addr,
    fund: Fund,
    amount: Uint128,
) -> Result<Response, ContractError> {
    check_depositable(fund, amount)?;
    credit(storage, fund, BTT_REWARDS, amount)?;
    Ok(deposited(fund, BTT_REWARDS, amount, from))
}

fn check_depositable(fund: Fund, amount: Uint128) -> Result<(), ContractError> {
    ensure!(fund.depositable(), ContractError::NotDepositable { fund });
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    Ok(())
}

/// `Deposit` with one native coin of a denom btt-staking streams (the denoms fees are paid
/// in; a bounded list, so no one can fill the treasury's books with dust denoms).
pub fn deposit_native(
    deps: DepsMut,
    info: MessageInfo,
    fund: Fund,
) -> Result<Response, ContractError> {
    let paid = Payment::one_coin(&info)?;
    let denom = paid.denom();
    check_depositable(fund, paid.amount)?;
    let staking = StakingContract(CONFIG.load(deps.storage)?.staking);
    if !staking
        .config(&deps.querier)?
        .reward_denoms
        .contains(&denom)
    {
        return Err(ContractError::UnknownDenom { denom });
    }
    credit(deps.storage, fund, &denom, paid.amount)?;
    Ok(deposited(fund, &denom, paid.amount, &paid.sender))
}

/// `Spend` (the DAO itself, by proposal): pays from a fund, never beyond it.
pub fn spend(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    fund: Fund,
    recipient: String,
    denom: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    assert_self(&env, &info)?;
    cw_utils::nonpayable(&info)?;
    let recipient = deps.api.addr_validate(&recipient)?;
    ensure!(
        fund != Fund::DepositsHeld,
        ContractError::NotSpendable { fund }
    );
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    let balance = FUNDS
        .may_load(deps.storage, (fund.key(), &denom))?
        .unwrap_or_default();
    let left = balance
        .checked_sub(amount)
        .map_err(|_| ContractError::FundOverdrawn {
            fund,
            denom: denom.clone(),
            balance,
            amount,
        })?;
    FUNDS.save(deps.storage, (fund.key(), &denom), &left)?;
    let msg = if denom == BTT_REWARDS {
        TokenContract(CONFIG.load(deps.storage)?.token).transfer_msg(&recipient, amount)?
    } else {
        BankMsg::Send {
            to_address: recipient.to_string(),
            amount: coins(amount.u128(), &denom),
        }
        .into()
    };
    Ok(Response::new()
        .add_message(msg)
        .add_attribute("action", "spend")
        .add_attribute("fund", fund.key())
        .add_attribute("denom", denom)
        .add_attribute("amount", amount)
        .add_attribute("recipient", recipient)
        .add_attribute("left", left))
}

/// Every fund by denom, held deposits included: at most six funds in BTT and the few denoms
/// btt-staking streams.
pub fn funds(storage: &dyn Storage) -> StdResult<Vec<FundBalance>> {
    let mut out = vec![FundBalance {
        fund: Fund::DepositsHeld,
        denom: BTT_REWARDS.into(),
        amount: DEPOSITS_HELD.load(storage)?,
    }];
    for item in FUNDS.range(storage, None, None, Order::Ascending) {
        let ((fund, denom), amount) = item?;
        let fund = Fund::ALL
            .into_iter()
            .find(|f| f.key() == fund)
            .ok_or_else(|| cosmwasm_std::StdError::generic_err(format!("unknown fund {fund}")))?;
        out.push(FundBalance {
            fund,
            denom,
            amount,
        });
    }
    out.sort_by(|a, b| {
        (a.denom != BTT_REWARDS, &a.denom, a.fund).cmp(&(b.denom != BTT_REWARDS, &b.denom, b.fund))
    });
    Ok(out)
}

/// `AssertDepositsCovered` (the DAO itself): fails when a proposal left the treasury short of
/// any labelled fund, in BTT or any native denom.
pub fn assert_covered(
    deps: Deps,
    env: &Env,
    info: &MessageInfo,
) -> Result<Response, ContractError> {
    assert_self(env, info)?;
    let token = TokenContract(CONFIG.load(deps.storage)?.token);
    let mut owed: Vec<(String, Uint128)> = vec![];
    for f in funds(deps.storage)? {
        match owed.iter_mut().find(|(d, _)| *d == f.denom) {
            Some((_, total)) => *total = total.checked_add(f.amount)?,
            None => owed.push((f.denom, f.amount)),
        }
    }
    for (denom, held) in owed {
        let balance = if denom == BTT_REWARDS {
            token.balance(&deps.querier, &env.contract.address)?
        } else {
            deps.querier
                .query_balance(&env.contract.address, &denom)?
                .amount
        };
        ensure!(
            balance >= held,
            ContractError::FundsNotCovered {
                denom,
                balance,
                held,
            }
        );
    }
    Ok(Response::new().add_attribute("action", "assert_funds_covered"))
}
