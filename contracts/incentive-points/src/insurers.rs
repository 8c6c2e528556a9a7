//! Insurers: an insurer registers (permissionless, once), reads patients' engagement to grant
//! premium discounts off chain, and pays back the DAO-set share of the savings it realised,
//! `ceil(savings × insurer_share)`, routed as the insurance fee. Paying gives the insurer
//! nothing on chain beyond its record: no points, no rewards, no discount.

use btt_types::asset::Payment;
use btt_types::fee_router::FeeStream;
use btt_types::pagination::clamp_limit;
use btt_types::points::{
    Insurer, InsurerResponse, InsurerTotal, InsurersResponse, MAX_INSURER_NAME, MAX_SAVINGS_MEMO,
};
use cosmwasm_std::Uint128;
use cosmwasm_std::{ensure, Deps, DepsMut, Env, MessageInfo, Order, Response, StdResult};
use cw_storage_plus::Bound;

use crate::fees;
use crate::state::{CONFIG, INSURERS};
use crate::ContractError;

/// `RegisterInsurer`: anyone, once per address, while not paused. No funds.
pub fn register(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    name: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    btt_types::circuit::ensure_open(deps.storage)?;
    ensure!(
        !name.is_empty() && name.len() <= MAX_INSURER_NAME,
        ContractError::InvalidInsurerName {
            max: MAX_INSURER_NAME
        }
    );
    let insurer = info.sender;
    ensure!(
        !INSURERS.has(deps.storage, &insurer),
        ContractError::InsurerExists {
            insurer: insurer.to_string(),
        }
    );
    INSURERS.save(
        deps.storage,
        &insurer,
        &Insurer {
            name: name.clone(),
            registered_at: env.block.time,
            totals: vec![],
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "register_insurer")
        .add_attribute("insurer", insurer)
        .add_attribute("name", name))
}

/// One native coin in a denom a savings share may be paid in: one the tiers are priced in
/// (btt-staking streams it).
pub fn native_payment(deps: &DepsMut, info: &MessageInfo) -> Result<Payment, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Payment::native::<ContractError>(info, &fees::native_denoms(&config.rules))
}

/// `PaySavingsShare`: a registered insurer, while not paused, pays exactly
/// `ceil(savings × insurer_share)` in the asset `savings` is stated in.
pub fn pay_savings_share(
    deps: DepsMut,
    paid: Payment,
    savings: Uint128,
    memo: Option<String>,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    ensure!(!savings.is_zero(), ContractError::ZeroAmount);
    if let Some(m) = &memo {
        ensure!(
            !m.is_empty() && m.len() <= MAX_SAVINGS_MEMO,
            ContractError::InvalidMemo {
                max: MAX_SAVINGS_MEMO
            }
        );
    }
    let config = CONFIG.load(deps.storage)?;
    let insurer_addr = paid.sender.clone();
    let mut insurer = INSURERS
        .may_load(deps.storage, &insurer_addr)?
        .ok_or_else(|| ContractError::NotInsurer {
            insurer: insurer_addr.to_string(),
        })?;
    let share = config.rules.insurer_share;
    let due = share.of_ceil(savings);
    paid.check_amount(due).map_err(ContractError::from)?;
    match insurer.totals.iter_mut().find(|t| t.asset == paid.asset) {
        Some(t) => {
            t.savings = t.savings.checked_add(savings)?;
            t.paid = t.paid.checked_add(due)?;
        }
        None => insurer.totals.push(InsurerTotal {
            asset: paid.asset.clone(),
            savings,
            paid: due,
        }),
    }
    INSURERS.save(deps.storage, &insurer_addr, &insurer)?;
    let fee = fees::route(
        deps.storage,
        &config,
        FeeStream::Insurance,
        &paid.asset,
        due,
    )?;
    Ok(Response::new()
        .add_messages(fee.msgs)
        .add_event(fee.event)
        .add_attribute("action", "pay_savings_share")
        .add_attribute("insurer", insurer_addr)
        .add_attribute("savings", savings)
        .add_attribute("share_bps", share.0.to_string())
        .add_attribute("paid", due)
        .add_attribute("denom", paid.asset.denom())
        .add_attribute("memo", memo.unwrap_or_default()))
}

pub fn insurer(deps: Deps, address: String) -> StdResult<InsurerResponse> {
    let address = deps.api.addr_validate(&address)?;
    let insurer = INSURERS.load(deps.storage, &address)?;
    Ok(InsurerResponse { address, insurer })
}

pub fn insurers(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<InsurersResponse> {
    let start = start_after
        .map(|a| deps.api.addr_validate(&a))
        .transpose()?;
    let insurers = INSURERS
        .range(
            deps.storage,
            start.as_ref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .map(|r| r.map(|(address, insurer)| InsurerResponse { address, insurer }))
        .collect::<StdResult<_>>()?;
    Ok(InsurersResponse { insurers })
}
