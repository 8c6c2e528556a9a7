//! Paying invoices: in their denom, or converted at a fresh oracle rate.

use btt_types::asset::{PaidError, Payment};
use btt_types::bps::Bps;
use btt_types::math::Checked;
use btt_types::payfi::{self, InvoiceStatus, PaymentStatus, ReceiveMsg};
use btt_types::points::{self, PointsContract};
use btt_types::staking::StakingContract;
use cosmwasm_std::{
    ensure, from_json, Addr, CosmosMsg, Deps, DepsMut, Env, MessageInfo, Response, StdError,
    Uint128,
};
use cw20::Cw20ReceiveMsg;

use crate::rates::fresh_rate;
use crate::state::{Config, BY_PAYER, CONFIG, COUNTERS, INVOICES, PAYMENTS, PENDING};
use crate::ContractError;

/// The staking priority levels of payer and provider.
fn levels(
    deps: Deps,
    config: &Config,
    payer: &Addr,
    provider: &Addr,
) -> Result<(u8, u8), ContractError> {
    let staking = StakingContract(config.staking.clone());
    let level = |who: &Addr| -> Result<u8, ContractError> {
        Ok(staking.tier(&deps.querier, who)?.priority)
    };
    Ok((level(payer)?, level(provider)?))
}

/// The settlement window of a provider at `level`: the fast one from its priority on.
fn settlement_window(config: &Config, level: u8) -> u64 {
    match &config.fast_settlement {
        Some(f) if level >= f.min_priority => f.seconds,
        _ => config.settlement_seconds,
    }
}

/// The service fee: the better staking tier of payer and provider, plus analytics.
fn service_fee(config: &Config, (payer, provider): (u8, u8), analytics: bool) -> Bps {
    let best = payer.max(provider) as usize;
    let fee = Bps::by_level(&config.fees.by_priority, best);
    let extra = if analytics {
        config.fees.analytics
    } else {
        Bps::ZERO
    };
    Bps(fee.0.saturating_add(extra.0))
}

/// `Receive`: BTT sent with `Send` pays an invoice.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let paid = Payment::from_hook::<ContractError>(deps.api, &info, &token, &wrapper)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Pay { invoice_id, amount } => pay(deps, env, paid, invoice_id, amount),
    }
}

/// `Pay` with exactly one native coin of an accepted denom.
pub fn pay_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    invoice_id: u64,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let paid = Payment::native::<ContractError>(&info, &config.native_denoms)?;
    pay(deps, env, paid, invoice_id, amount)
}

/// Pays `amount` of the invoice with what `paid` brought: in the invoice's asset exactly, or
/// converted at a fresh rate with any change returned.
pub fn pay(
    deps: DepsMut,
    env: Env,
    paid: Payment,
    invoice_id: u64,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let Payment {
        sender: payer,
        asset,
        amount: paid,
    } = paid;
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let mut invoice = INVOICES
        .may_load(deps.storage, invoice_id)?
        .ok_or(ContractError::InvoiceNotFound { invoice_id })?;
    ensure!(
        invoice.status == InvoiceStatus::Open,
        ContractError::InvoiceNotOpen {
            invoice_id,
            status: invoice.status,
        }
    );
    ensure!(
        invoice.payer.as_ref().is_none_or(|p| p == payer),
        ContractError::NotInvoicePayer
    );
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    let open = invoice.amount.checked_sub(invoice.paid)?;
    ensure!(amount <= open, ContractError::Overpay { open, amount });
    let (principal, conversion_fee) = if asset == invoice.asset {
        ensure!(
            paid == amount,
            PaidError::WrongAmount {
                expected: amount,
                got: paid,
            }
        );
        (amount, Uint128::zero())
    } else {
        let rate = fresh_rate(
            deps.storage,
            &config,
            &asset,
            &invoice.asset,
            env.block.time,
        )?;
        let principal = amount
            .checked_div_ceil(rate)
            .map_err(|e| StdError::generic_err(e.to_string()))?;
        (principal, config.fees.conversion.of_ceil(principal))
    };
    let spend = principal.checked_add(conversion_fee)?;
    ensure!(
        spend <= paid,
        ContractError::MaxSpendExceeded { spend, max: paid }
    );
    let levels = levels(deps.as_ref(), &config, &payer, &invoice.provider)?;
    let fee = service_fee(&config, levels, invoice.analytics);

    let mut counters = COUNTERS.load(deps.storage)?;
    counters.payments = counters.payments.add_checked(1)?;
    counters.pending = counters.pending.add_checked(1)?;
    COUNTERS.save(deps.storage, &counters)?;
    let settles_at = env
        .block
        .time
        .plus_seconds(settlement_window(&config, levels.1));
    let payment = payfi::Payment {
        id: counters.payments,
        invoice_id,
        payer: payer.clone(),
        asset: asset.clone(),
        principal,
        conversion_fee,
        invoice_amount: amount,
        refunded: Uint128::zero(),
        fee,
        settles_at,
        status: PaymentStatus::Pending,
    };
    PAYMENTS.save(deps.storage, payment.id, &payment)?;
    PENDING.save(deps.storage, (settles_at.seconds(), payment.id), &())?;
    BY_PAYER.save(deps.storage, (&payer, invoice_id), &())?;

    invoice.paid = invoice.paid.checked_add(amount)?;
    invoice.pending_payments = invoice.pending_payments.saturating_add(1);
    if invoice.paid == invoice.amount {
        invoice.status = InvoiceStatus::Paid;
    }
    let reserve = reserve_points(&config, &mut invoice)?;
    let mut res = Response::new()
        .add_attribute("action", "pay")
        .add_attribute("invoice_id", invoice_id.to_string())
        .add_attribute("payment_id", payment.id.to_string())
        .add_attribute("paid", asset.denom())
        .add_attribute("principal", principal)
        .add_attribute("conversion_fee", conversion_fee)
        .add_attribute("fee_bps", fee.0.to_string());
    INVOICES.save(deps.storage, invoice_id, &invoice)?;
    if let Some(msg) = reserve {
        res = res
            .add_message(msg)
            .add_attribute("points_reserved", "true");
    }
    let change = paid.checked_sub(spend)?;
    if let Some(msg) = asset.transfer_msg(&payer, change)? {
        res = res.add_message(msg).add_attribute("change", change);
    }
    Ok(res)
}

/// The reservation of a fully paid invoice's points with incentive-points: sent with the
/// payment, so a provider whose budget (or a patient whose cap) cannot hold them, or a paused
/// incentive-points, refuses the payment up front instead of dropping the points later.
fn reserve_points(
    config: &Config,
    invoice: &mut payfi::Invoice,
) -> Result<Option<CosmosMsg>, ContractError> {
    let (Some(p), Some(contract), Some(patient)) =
        (&invoice.points, &config.points, &invoice.payer)
    else {
        return Ok(None);
    };
    if invoice.status != InvoiceStatus::Paid
        || invoice.points_reserved.is_some()
        || invoice.points_awarded.is_some()
    {
        return Ok(None);
    }
    let msg = PointsContract(contract.clone()).call(&points::ExecuteMsg::ReservePoints {
        invoice_id: invoice.id,
        provider: invoice.provider.to_string(),
        patient: patient.to_string(),
        category: p.category.clone(),
        points: p.points,
    })?;
    invoice.points_reserved = Some(contract.clone());
    Ok(Some(msg))
}
