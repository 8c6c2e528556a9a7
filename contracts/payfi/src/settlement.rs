//! Refunds inside the window, settlement after it. An invoice's points are reserved with
//! incentive-points when it is fully paid, released if a refund reopens it, and delivered when
//! its last payment settles: a refundable payment earns nothing yet, so a refund never has
//! points to claw back, and what was paid for is never dropped.

use btt_types::pagination::clamp_limit;
use btt_types::payfi::{Invoice, InvoiceStatus, PaymentStatus};
use btt_types::points::{self, PointsContract};
use cosmwasm_std::{
    ensure, DepsMut, Env, MessageInfo, Order, Reply, Response, StdResult, SubMsg, SubMsgResult,
    Timestamp, Uint128,
};
use cw_storage_plus::Bound;

use crate::fees;
use crate::state::{
    Config, Volume, ANALYTICS, CONFIG, COUNTERS, INVOICES, LEGACY_INVOICES, PAYMENTS, PENDING,
};
use crate::ContractError;

/// `Refund`: the provider returns `amount` (all that is left when omitted) of a pending payment
/// inside its window; a full refund also returns the conversion fee. The invoice is open again
/// for the part refunded.
pub fn refund(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    payment_id: u64,
    amount: Option<Uint128>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut payment = PAYMENTS
        .may_load(deps.storage, payment_id)?
        .ok_or(ContractError::PaymentNotFound { payment_id })?;
    let mut invoice = INVOICES.load(deps.storage, payment.invoice_id)?;
    ensure!(invoice.provider == info.sender, ContractError::NotProvider);
    ensure!(
        payment.status == PaymentStatus::Pending,
        ContractError::PaymentNotPending {
            payment_id,
            status: payment.status,
        }
    );
    ensure!(
        env.block.time < payment.settles_at,
        ContractError::WindowClosed {
            payment_id,
            settles_at: payment.settles_at,
        }
    );
    let left = payment.principal.checked_sub(payment.refunded)?;
    let amount = amount.unwrap_or(left);
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    ensure!(amount <= left, ContractError::RefundTooLarge { left });
    // The invoice part refunded, exact in total: Σ of the steps telescopes to invoice_amount.
    let before = payment
        .invoice_amount
        .multiply_ratio(payment.refunded, payment.principal);
    payment.refunded = payment.refunded.checked_add(amount)?;
    let after = payment
        .invoice_amount
        .multiply_ratio(payment.refunded, payment.principal);
    invoice.paid = invoice.paid.checked_sub(after.checked_sub(before)?)?;
    let mut back = amount;
    if payment.refunded == payment.principal {
        back = back.checked_add(payment.conversion_fee)?;
        invoice.pending_payments = invoice.pending_payments.saturating_sub(1);
        payment.status = PaymentStatus::Refunded;
        PENDING.remove(deps.storage, (payment.settles_at.seconds(), payment_id));
        COUNTERS.update(deps.storage, |mut c| -> StdResult<_> {
            c.pending = c.pending.saturating_sub(1);
            Ok(c)
        })?;
    }
    let res = Response::new()
        .add_attribute("action", "refund")
        .add_attribute("payment_id", payment_id.to_string())
        .add_attribute("amount", back);
    let mut res = res;
    if invoice.paid < invoice.amount && invoice.status == InvoiceStatus::Paid {
        invoice.status = InvoiceStatus::Open;
        // Reopened: its points go back to the provider's budget until it is paid again.
        if let Some(contract) = invoice.points_reserved.take() {
            res = res.add_message(PointsContract(contract).call(
                &points::ExecuteMsg::ReleasePoints {
                    invoice_id: invoice.id,
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
    ensure!(!due.is_empty(), ContractError::NothingToSettle);
    let legacy = LEGACY_INVOICES.may_load(deps.storage)?.unwrap_or(0);
    let mut res = Response::new()
        .add_attribute("action", "settle")
        .add_attribute("payments", due.len().to_string());
    for (at, id) in &due {
        PENDING.remove(deps.storage, (*at, *id));
        let mut payment = PAYMENTS.load(deps.storage, *id)?;
        let mut invoice = INVOICES.load(deps.storage, payment.invoice_id)?;
        let net = payment.principal.checked_sub(payment.refunded)?;
        let parts = fees::service_parts(&config, &payment, invoice.analytics, net)?;
        let service = parts.0.checked_add(parts.1)?;
        res = res.add_messages(
            payment
                .asset
                .transfer_msg(&invoice.provider, net.checked_sub(service)?)?,
        );
        res = fees::route_settlement(deps.storage, &config, &payment, parts, res)?;
        invoice.pending_payments = invoice.pending_payments.saturating_sub(1);
        if let Some(award) = award_points(&config, legacy, &mut invoice, env.block.time)? {
            res = res.add_submessage(award);
        }
        INVOICES.save(deps.storage, invoice.id, &invoice)?;
        if invoice.analytics {
            ANALYTICS.update(
                deps.storage,
                (&invoice.provider, &payment.asset.denom()),
                |v| -> StdResult<_> {
                    let mut v: Volume = v.unwrap_or_default();
                    v.volume = v.volume.checked_add(net)?;
                    v.count = v.count.saturating_add(1);
                    Ok(v)
                },
            )?;
        }
        payment.status = PaymentStatus::Settled;
        PAYMENTS.save(deps.storage, *id, &payment)?;
    }
    COUNTERS.update(deps.storage, |mut c| -> StdResult<_> {
        c.pending = c.pending.saturating_sub(due.len() as u64);
        Ok(c)
    })?;
    Ok(res)
}

/// The award of a paid invoice's points to its named payer, once no payment of it can be
/// refunded any more; at most once. Points reserved when it was paid are settled by
/// incentive-points whatever happened since (the provider's budget spent, its subscription
/// ended, a pause: then they wait pending there), so the message cannot fail for those reasons
/// and goes without a reply. Only an invoice issued before reservations (id ≤ `legacy`) is
/// awarded from the budget now, and a failure is recorded by the reply.
fn award_points(
    config: &Config,
    legacy: u64,
    invoice: &mut Invoice,
    now: Timestamp,
) -> Result<Option<SubMsg>, ContractError> {
    let (Some(p), Some(patient)) = (&invoice.points, &invoice.payer) else {
        return Ok(None);
    };
    if invoice.status != InvoiceStatus::Paid
        || invoice.pending_payments > 0
        || invoice.points_awarded.is_some()
    {
        return Ok(None);
    }
    if let Some(contract) = &invoice.points_reserved {
        let settle = PointsContract(contract.clone()).call(&points::ExecuteMsg::SettlePoints {
            invoice_id: invoice.id,
        })?;
        invoice.points_awarded = Some((patient.clone(), now));
        return Ok(Some(SubMsg::new(settle)));
    }
    let Some(contract) = config.points.as_ref().filter(|_| invoice.id <= legacy) else {
        return Ok(None);
    };
    let award = PointsContract(contract.clone()).call(&points::ExecuteMsg::AwardFor {
        provider: invoice.provider.to_string(),
        patient: patient.to_string(),
        category: p.category.clone(),
        points: p.points,
    })?;
    invoice.points_awarded = Some((patient.clone(), now));
    Ok(Some(SubMsg::reply_on_error(award, invoice.id)))
}

/// The award of an invoice's points failed: the invoice records none.
pub fn award_failed(deps: DepsMut, reply: Reply) -> Result<Response, ContractError> {
    let SubMsgResult::Err(error) = reply.result else {
        return Ok(Response::new());
    };
    let invoice_id = reply.id;
    let mut invoice = INVOICES.load(deps.storage, invoice_id)?;
    invoice.points_awarded = None;
    INVOICES.save(deps.storage, invoice_id, &invoice)?;
    Ok(Response::new()
        .add_attribute("action", "points_not_awarded")
        .add_attribute("invoice_id", invoice_id.to_string())
        .add_attribute("error", error))
}
