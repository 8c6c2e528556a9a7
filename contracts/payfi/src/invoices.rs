//! Issuing and cancelling invoices.

use btt_types::asset::{asset_named, BTT_DENOM};
use btt_types::math::Checked;
use btt_types::payfi::{Denom, Invoice, InvoiceStatus, NewInvoice};
use cosmwasm_std::{ensure, DepsMut, Env, MessageInfo, Response, Uint128};

use crate::state::{BY_PAYER, BY_PROVIDER, CONFIG, COUNTERS, INVOICES};
use crate::ContractError;

/// `IssueInvoice`: a provider bills a payer (or anyone) in BTT or an accepted native denom.
pub fn issue(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    invoice: NewInvoice,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let NewInvoice {
        payer,
        denom,
        amount,
        due,
        memo_hash,
        points,
        analytics,
    } = invoice;
    let denom = match denom {
        Denom::Btt => BTT_DENOM.to_string(),
        Denom::Native(d) => d,
    };
    let asset = asset_named(&denom, &config.token, &config.native_denoms)?;
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    ensure!(due > env.block.time, ContractError::DueInPast { due });
    ensure!(memo_hash.len() <= 64, ContractError::MemoTooLong);
    if let Some(p) = &points {
        if p.points == 0 || p.category.is_empty() || config.points.is_none() {
            return Err(ContractError::InvalidPoints);
        }
        ensure!(payer.is_some(), ContractError::PointsNeedPayer);
    }
    let payer = payer.map(|p| deps.api.addr_validate(&p)).transpose()?;
    let mut counters = COUNTERS.load(deps.storage)?;
    counters.invoices = counters.invoices.add_checked(1)?;
    COUNTERS.save(deps.storage, &counters)?;
    let invoice = Invoice {
        id: counters.invoices,
        provider: info.sender,
        payer,
        asset,
        amount,
        paid: Uint128::zero(),
        due,
        memo_hash,
        points,
        points_awarded: None,
        points_reserved: None,
        pending_payments: 0,
        analytics,
        status: InvoiceStatus::Open,
    };
    INVOICES.save(deps.storage, invoice.id, &invoice)?;
    BY_PROVIDER.save(deps.storage, (&invoice.provider, invoice.id), &())?;
    if let Some(p) = &invoice.payer {
        BY_PAYER.save(deps.storage, (p, invoice.id), &())?;
    }
    Ok(Response::new()
        .add_attribute("action", "issue_invoice")
        .add_attribute("invoice_id", invoice.id.to_string())
        .add_attribute("provider", &invoice.provider)
        .add_attribute("amount", amount)
        .add_attribute("denom", invoice.asset.denom()))
}

/// `CancelInvoice`: the provider, while nothing is paid.
pub fn cancel(
    deps: DepsMut,
    info: MessageInfo,
    invoice_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut invoice = INVOICES
        .may_load(deps.storage, invoice_id)?
        .ok_or(ContractError::InvoiceNotFound { invoice_id })?;
    ensure!(invoice.provider == info.sender, ContractError::NotProvider);
    ensure!(
        invoice.status == InvoiceStatus::Open,
        ContractError::InvoiceNotOpen {
            invoice_id,
            status: invoice.status,
        }
    );
    ensure!(
        invoice.paid.is_zero(),
        ContractError::AlreadyPaid { invoice_id }
    );
    invoice.status = InvoiceStatus::Cancelled;
    INVOICES.save(deps.storage, invoice_id, &invoice)?;
    Ok(Response::new()
        .add_attribute("action", "cancel_invoice")
        .add_attribute("invoice_id", invoice_id.to_string()))
}
