//! Refunds inside the window, settlement after it.

use btt_types::pagination::clamp_limit;
use btt_types::payfi::{InvoiceStatus, PaymentStatus};
use btt_types::points::{self, PointsContract};
use cosmwasm_std::{DepsMut, Env, MessageInfo, Order, Response, StdResult, Uint128};
use cw_storage_plus::Bound;

use crate::rates::key;
use crate::state::{Volume, ANALYTICS, CONFIG, COUNTERS, INVOICES, PAYMENTS, PENDING};
use crate::ContractError;

/// `Refund`: the provider returns `amount` (all that is left when omitted) of a pending payment
/// inside its window; a full refund also returns the conversion fee. If the invoice is no longer
/// paid, its points are clawed back.
pub fn refund(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    payment_id: u64,
    amount: Option<Uint128>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut payment = PAYMENTS
        .may_load(deps.storage, payment_id)?
        .ok_or(ContractError::PaymentNotFound { payment_id })?;
    let mut invoice = INVOICES.load(deps.storage, payment.invoice_id)?;
    if invoice.provider != info.sender {
        return Err(ContractError::NotProvider);
    }
    if payment.status != PaymentStatus::Pending {
        return Err(ContractError::PaymentNotPending {
            payment_id,
            status: payment.status,
        });
    }
    if env.block.time >= payment.settles_at {
        return Err(ContractError::WindowClosed {
            payment_id,
            settles_at: payment.settles_at,
        });
    }
    let left = payment.principal - payment.refunded;
    let amount = amount.unwrap_or(left);
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    if amount > left {
        return Err(ContractError::RefundTooLarge { left });
    }
    // The invoice part refunded, exact in total: Σ of the steps telescopes to invoice_amount.
    let before = payment
        .invoice_amount
        .multiply_ratio(payment.refunded, payment.principal);
    payment.refunded += amount;
    let after = payment
        .invoice_amount
        .multiply_ratio(payment.refunded, payment.principal);
    invoice.paid -= after - before;
    let mut back = amount;
    if payment.refunded == payment.principal {
        back += payment.conversion_fee;
        payment.status = PaymentStatus::Refunded;
        PENDING.remove(deps.storage, (payment.settles_at.seconds(), payment_id));
        COUNTERS.update(deps.storage, |mut c| -> StdResult<_> {
            c.pending -= 1;
            Ok(c)
        })?;
    }
    let mut res = Response::new()
        .add_attribute("action", "refund")
        .add_attribute("payment_id", payment_id.to_string())
        .add_attribute("amount", back);
    if invoice.paid < invoice.amount && invoice.status == InvoiceStatus::Paid {
        invoice.status = InvoiceStatus::Open;
        if let (Some((patient, awarded_at)), Some(p), Some(contract)) = (
            invoice.points_awarded.take(),
            &invoice.points,
            &config.points,
        ) {
            res = res.add_message(PointsContract(contract.clone()).call(
                &points::ExecuteMsg::Clawback {
                    patient: patient.to_string(),
                    provider: invoice.provider.to_string(),
                    category: p.category.clone(),
                    points: p.points,
                    awarded_at,
                },
            )?);
        }
    }
    PAYMENTS.save(deps.storage, payment_id, &payment)?;
    INVOICES.save(deps.storage, invoice.id, &invoice)?;
    Ok(res.add_messages(payment.asset.transfer_msg(&payment.payer, back)?))
}

/// `Settle`: pays out up to `limit` payments whose window has passed, soonest first.
pub fn settle(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let due: Vec<(u64, u64)> = PENDING
        .keys(
            deps.storage,
            None,
            Some(Bound::inclusive((env.block.time.seconds(), u64::MAX))),
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .collect::<StdResult<_>>()?;
    if due.is_empty() {
        return Err(ContractError::NothingToSettle);
    }
    let mut res = Response::new()
        .add_attribute("action", "settle")
        .add_attribute("payments", due.len().to_string());
    for (at, id) in &due {
        PENDING.remove(deps.storage, (*at, *id));
        let mut payment = PAYMENTS.load(deps.storage, *id)?;
        let invoice = INVOICES.load(deps.storage, payment.invoice_id)?;
        let net = payment.principal - payment.refunded;
        let service = payment.fee.of(net);
        res = res
            .add_messages(
                payment
                    .asset
                    .transfer_msg(&invoice.provider, net - service)?,
            )
            .add_messages(
                payment
                    .asset
                    .transfer_msg(&config.treasury, service + payment.conversion_fee)?,
            );
        if invoice.analytics {
            ANALYTICS.update(
                deps.storage,
                (&invoice.provider, &key(&payment.asset)),
                |v| -> StdResult<_> {
                    let mut v: Volume = v.unwrap_or_default();
                    v.volume += net;
                    v.count += 1;
                    Ok(v)
                },
            )?;
        }
        payment.status = PaymentStatus::Settled;
        PAYMENTS.save(deps.storage, *id, &payment)?;
    }
    COUNTERS.update(deps.storage, |mut c| -> StdResult<_> {
        c.pending -= due.len() as u64;
        Ok(c)
    })?;
    Ok(res)
}
