//! Spending points (redemption at partners, conversion to BTT) and partners.

use btt_types::asset::Payment;
use btt_types::fee_router::FeeStream;
use btt_types::ownership::assert_owner_no_funds;
use btt_types::points::{Partner, PROVIDER_CAP_DIVISOR};
use btt_types::token::TokenContract;
use cosmwasm_std::{ensure, Addr, DepsMut, Env, MessageInfo, Response, Uint128};

use crate::fees;
use crate::ledger;
use crate::providers::last_paid;
use crate::rules::{epoch, oldest_live, period};
use crate::state::{
    EpochAmount, ATTRIBUTED, CONFIG, EPOCH_CONVERTED, FROM_PROVIDER, PARTNERS, PATIENT_CONVERTED,
    POOL, PROVIDERS, PROVIDER_CONVERTED,
};
use crate::ContractError;
use btt_types::math::Checked;

/// `Redeem`: the patient spends points at an active partner; the partner's prepaid balance pays
/// the redemption fee to the treasury.
pub fn redeem(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    partner: String,
    points: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure!(points != 0, ContractError::ZeroPoints);
    let config = CONFIG.load(deps.storage)?;
    let partner_addr = deps.api.addr_validate(&partner)?;
    let mut p = PARTNERS
        .may_load(deps.storage, &partner_addr)?
        .ok_or(ContractError::UnknownPartner { partner })?;
    let fee = config
        .rules
        .redemption_fee_per_point
        .checked_mul(Uint128::from(points))?;
    ensure!(
        p.prepaid >= fee,
        ContractError::PartnerBalanceTooLow {
            prepaid: p.prepaid,
            fee,
        }
    );
    let oldest = oldest_live(&config, period(&config, env.block.time));
    ledger::debit(deps.storage, &info.sender, oldest, points)?;
    p.prepaid = p.prepaid.checked_sub(fee)?;
    p.points_redeemed = p.points_redeemed.saturating_add(points);
    PARTNERS.save(deps.storage, &partner_addr, &p)?;
    let mut res = Response::new()
        .add_attribute("action", "redeem")
        .add_attribute("patient", &info.sender)
        .add_attribute("partner", partner_addr)
        .add_attribute("points", points.to_string())
        .add_attribute("fee", fee);
    if !fee.is_zero() {
        let routed = fees::route_btt(deps.storage, &config, FeeStream::Redemption, fee)?;
        res = res.add_messages(routed.msgs).add_event(routed.event);
    }
    Ok(res)
}

/// `Convert`: points to BTT from the pool at the conversion rate, within the global epoch cap,
/// the patient's epoch cap and, for points of a provider, that provider's epoch cap:
/// `min(provider_epoch_cap × seats, conversion_epoch_cap / 4)`. Each cap is one record
/// (constant work): a provider's points count against its cap whoever holds them, so neither
/// one provider's awards nor its sybil patients, whatever seats it pays for, take more than a
/// quarter of the global cap: it takes at least four providers to exhaust a week.
pub fn convert(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    points: u64,
    provider: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure!(points != 0, ContractError::ZeroPoints);
    let config = CONFIG.load(deps.storage)?;
    let patient = info.sender;
    let amount = Uint128::from(points).mul_floor(config.rules.conversion_rate);
    ensure!(!amount.is_zero(), ContractError::ConversionTooSmall);
    let e = epoch(&config, env.block.time);
    let converted = EPOCH_CONVERTED
        .may_load(deps.storage, e)?
        .unwrap_or_default();
    let left = config.rules.conversion_epoch_cap.saturating_sub(converted);
    ensure!(
        amount <= left,
        ContractError::EpochCapExceeded { amount, left }
    );
    let mine = PATIENT_CONVERTED
        .may_load(deps.storage, &patient)?
        .unwrap_or_default()
        .in_epoch(e);
    let left = config.rules.patient_epoch_cap.saturating_sub(mine);
    ensure!(
        amount <= left,
        ContractError::PatientCapExceeded { amount, left }
    );
    let oldest = oldest_live(&config, period(&config, env.block.time));
    let attributed = ATTRIBUTED.may_load(deps.storage, &patient)?.unwrap_or(0);
    let mut res = Response::new();
    match provider {
        Some(provider) => {
            let provider = deps.api.addr_validate(&provider)?;
            let available = FROM_PROVIDER
                .may_load(deps.storage, (&patient, &provider))?
                .unwrap_or(0);
            ensure!(
                points <= available,
                ContractError::NotFromSource {
                    available,
                    requested: points,
                }
            );
            // A clinic group's cap is one clinic's × the seats of its current window, or of
            // its last paid one once it expired (a change it queued and never paid a window
            // of does not count), and never more than a quarter of the global cap.
            let seats = PROVIDERS
                .may_load(deps.storage, &provider)?
                .map_or(1, |p| last_paid(p, env.block.time).seats);
            let cap = provider_cap(&config.rules, seats)?;
            charge_provider_cap(deps.storage, &provider, provider.as_str(), e, amount, cap)?;
            let rest = available.sub_checked(points)?;
            if rest == 0 {
                FROM_PROVIDER.remove(deps.storage, (&patient, &provider));
            } else {
                FROM_PROVIDER.save(deps.storage, (&patient, &provider), &rest)?;
            }
            ATTRIBUTED.save(deps.storage, &patient, &attributed.saturating_sub(points))?;
            res = res.add_attribute("provider", provider);
        }
        None => {
            // Only points from before providers were tracked: the balance beyond what is
            // attributed to providers.
            let available =
                ledger::balance(deps.storage, &patient, oldest)?.saturating_sub(attributed);
            ensure!(
                points <= available,
                ContractError::NotFromSource {
                    available,
                    requested: points,
                }
            );
            // Untracked points of every patient share one provider's cap (kept under the
            // contract's own address), so a stockpile awarded before the upgrade cannot fill
            // the global cap either.
            charge_provider_cap(
                deps.storage,
                &env.contract.address,
                "points awarded before providers were tracked",
                e,
                amount,
                provider_cap(&config.rules, 1)?,
            )?;
        }
    }
    let mut pool = POOL.load(deps.storage)?;
    pool.ensure_covers(amount)?;
    ledger::debit(deps.storage, &patient, oldest, points)?;
    pool.converted = pool.converted.checked_add(amount)?;
    POOL.save(deps.storage, &pool)?;
    EPOCH_CONVERTED.save(deps.storage, e, &converted.checked_add(amount)?)?;
    PATIENT_CONVERTED.save(
        deps.storage,
        &patient,
        &EpochAmount {
            epoch: e,
            amount: mine.checked_add(amount)?,
        },
    )?;
    Ok(res
        .add_message(TokenContract(config.token).transfer_msg(&patient, amount)?)
        .add_attribute("action", "convert")
        .add_attribute("patient", &patient)
        .add_attribute("points", points.to_string())
        .add_attribute("amount", amount))
}

/// The weekly cap of a provider paying `seats` seats: `min(provider_epoch_cap × seats,
/// conversion_epoch_cap / 4)`.
pub fn provider_cap(
    rules: &btt_types::points::PointsRules,
    seats: u32,
) -> Result<Uint128, ContractError> {
    let per_seats = rules.provider_epoch_cap.checked_mul(Uint128::from(seats))?;
    let quarter = rules
        .conversion_epoch_cap
        .checked_div(Uint128::new(PROVIDER_CAP_DIVISOR))
        .unwrap_or_default();
    Ok(per_seats.min(quarter))
}

/// Counts `amount` against the provider cap of `key` for epoch `e`, refusing what the cap
/// cannot hold.
fn charge_provider_cap(
    storage: &mut dyn cosmwasm_std::Storage,
    key: &Addr,
    name: &str,
    e: u64,
    amount: Uint128,
    cap: Uint128,
) -> Result<(), ContractError> {
    let theirs = PROVIDER_CONVERTED
        .may_load(storage, key)?
        .unwrap_or_default()
        .in_epoch(e);
    let left = cap.saturating_sub(theirs);
    ensure!(
        amount <= left,
        ContractError::ProviderCapExceeded {
            provider: name.to_string(),
            amount,
            left,
        }
    );
    PROVIDER_CONVERTED.save(
        storage,
        key,
        &EpochAmount {
            epoch: e,
            amount: theirs.checked_add(amount)?,
        },
    )?;
    Ok(())
}

fn add_partner(deps: DepsMut, partner: &Addr, name: String) -> Result<(), ContractError> {
    if name.is_empty() || name.len() > 64 {
        return Err(ContractError::InvalidPartnerName);
    }
    if PARTNERS.has(deps.storage, partner) {
        return Err(ContractError::PartnerExists {
            partner: partner.to_string(),
        });
    }
    PARTNERS.save(
        deps.storage,
        partner,
        &Partner {
            name,
            prepaid: Uint128::zero(),
            points_redeemed: 0,
        },
    )?;
    Ok(())
}

/// The `RegisterPartner` hook: exactly the partner fee, routed as the partner stream.
pub fn register_partner(
    mut deps: DepsMut,
    paid: Payment,
    name: String,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    paid.check_amount(config.rules.partner_fee)?;
    let (partner, paid) = (paid.sender, paid.amount);
    add_partner(deps.branch(), &partner, name)?;
    let routed = fees::route_btt(deps.storage, &config, FeeStream::Partner, paid)?;
    Ok(Response::new()
        .add_messages(routed.msgs)
        .add_event(routed.event)
        .add_attribute("action", "register_partner")
        .add_attribute("partner", partner))
}

/// `ApprovePartner`: the owner registers a partner without a fee.
pub fn approve_partner(
    deps: DepsMut,
    info: MessageInfo,
    partner: String,
    name: String,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let partner = deps.api.addr_validate(&partner)?;
    add_partner(deps, &partner, name)?;
    Ok(Response::new()
        .add_attribute("action", "approve_partner")
        .add_attribute("partner", partner))
}

/// `RemovePartner`: the owner removes a partner; its prepaid balance goes back to it.
pub fn remove_partner(
    deps: DepsMut,
    info: MessageInfo,
    partner: String,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let addr = deps.api.addr_validate(&partner)?;
    let p = PARTNERS
        .may_load(deps.storage, &addr)?
        .ok_or(ContractError::UnknownPartner { partner })?;
    PARTNERS.remove(deps.storage, &addr);
    let mut res = Response::new()
        .add_attribute("action", "remove_partner")
        .add_attribute("partner", &addr);
    if !p.prepaid.is_zero() {
        let token = TokenContract(CONFIG.load(deps.storage)?.token);
        res = res
            .add_message(token.transfer_msg(&addr, p.prepaid)?)
            .add_attribute("refund", p.prepaid);
    }
    Ok(res)
}

/// The `FundPartner` hook: new value, so refused while paused (a partner's prepaid balance
/// stays redeemable and returnable).
pub fn fund_partner(
    deps: DepsMut,
    partner: Addr,
    amount: Uint128,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let mut p = PARTNERS.may_load(deps.storage, &partner)?.ok_or_else(|| {
        ContractError::UnknownPartner {
            partner: partner.to_string(),
        }
    })?;
    p.prepaid = p.prepaid.checked_add(amount)?;
    PARTNERS.save(deps.storage, &partner, &p)?;
    Ok(Response::new()
        .add_attribute("action", "fund_partner")
        .add_attribute("partner", partner)
        .add_attribute("amount", amount))
}

/// Longest grant memo, bytes.
const MAX_MEMO: usize = 256;

/// `Grant`: the owner pays `amount` from the pool to `recipient`.
pub fn grant(
    deps: DepsMut,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
    memo: String,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let recipient = deps.api.addr_validate(&recipient)?;
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    ensure!(
        !memo.is_empty() && memo.len() <= MAX_MEMO,
        ContractError::InvalidMemo { max: MAX_MEMO }
    );
    let mut pool = POOL.load(deps.storage)?;
    pool.ensure_covers(amount)?;
    pool.grants = pool.grants.checked_add(amount)?;
    POOL.save(deps.storage, &pool)?;
    let token = TokenContract(CONFIG.load(deps.storage)?.token);
    Ok(Response::new()
        .add_message(token.transfer_msg(&recipient, amount)?)
        .add_attribute("action", "grant")
        .add_attribute("recipient", recipient)
        .add_attribute("amount", amount)
        .add_attribute("memo", memo))
}

/// `FundPool`: BTT for the Community Incentives pool (conversions, referrals, grants). New
/// value, so refused while paused like every entry.
pub fn fund_pool(deps: DepsMut, amount: Uint128) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let mut pool = POOL.load(deps.storage)?;
    pool.funded = pool.funded.checked_add(amount)?;
    POOL.save(deps.storage, &pool)?;
    Ok(Response::new()
        .add_attribute("action", "fund_pool")
        .add_attribute("amount", amount))
}
