//! Patients and their clinics, every week: clinics keep their subscription on their tier and
//! award points; they invoice their patients, who pay in USDC at the oracle rate or in BTT
//! bought from the desk; a few payments are refunded inside the window; every payment settles
//! after it. Every month patients redeem points at the partner pharmacy and convert some to
//! BTT, and the insurer reads their engagement.

use btt_deploy::chain::{wasm_attr, EconomyChain};
use btt_types::payfi::{self, Denom, InvoicePoints};
use btt_types::points::{self, ProviderResponse};
use cosmwasm_std::{coins, Addr, Decimal, Uint128};
use rand::Rng;

use super::assumptions::Stream;
use super::world::{World, USDC};

const CATEGORIES: [&str; 3] = [
    "preventive visit",
    "treatment adherence",
    "healthy lifestyle",
];

/// The partner pharmacy registers and prepays redemptions, once the desk can sell it BTT.
pub fn register_partner<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<bool> {
    let fee = w.config.points.partner_fee;
    let prepaid = Uint128::new(2_000_000_000);
    let partner = w.partner.clone();
    if !w.ensure_btt(app, &partner, fee + prepaid)? {
        return Ok(false);
    }
    let points_addr = w.deployment.points.clone();
    let token = w.deployment.token.clone();
    let register = points::ReceiveMsg::RegisterPartner {
        name: "Riverside Pharmacy".into(),
    };
    let msg = token.send_msg(&points_addr, fee, &register)?;
    if w.send(app, &partner, msg).is_none() {
        return Ok(false);
    }
    let msg = token.send_msg(&points_addr, prepaid, &points::ReceiveMsg::FundPartner {})?;
    w.send(app, &partner, msg);
    w.ledger.gross(
        Stream::Incentives,
        (fee + prepaid) * Uint128::new(w.usdc_per_btt()),
    );
    Ok(true)
}

/// The feeders post USDC → BTT at the stated price (one uusdc buys 1/price ubtt): payments and
/// subscriptions convert at their median.
pub fn post_rates<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let payfi_addr = w.deployment.payfi.clone();
    let set_rate = payfi::ExecuteMsg::SetRate {
        pay: USDC.into(),
        invoice: "btt".into(),
        rate: Decimal::from_ratio(1u128, w.usdc_per_btt()),
    };
    for feeder in w.config.payments.feeders.clone() {
        w.exec(app, &Addr::unchecked(feeder), &payfi_addr, &set_rate, &[])?;
    }
    Ok(())
}

/// Every clinic whose subscription ends within a week renews it on its tier, priced in USDC:
/// a group for the network's other clinics of its size (its seats this month). Sampled
/// clinics pay one time in three in BTT at the feeders' rate, the rest in USDC.
pub fn renew_subscriptions<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let points_addr = w.deployment.points.clone();
    let horizon = app.block_info().time.plus_seconds(7 * 86_400);
    for ci in 0..w.clinics.len() {
        let clinic = w.clinics[ci].clone();
        let provider: Option<ProviderResponse> = app
            .wrap()
            .query_wasm_smart(
                &points_addr,
                &points::QueryMsg::Provider {
                    address: clinic.addr.to_string(),
                },
            )
            .ok();
        if let Some(p) = &provider {
            w.clinics[ci].subscribed_until = p.provider.active_until.seconds();
            if p.provider.active_until > horizon {
                continue;
            }
        }
        let tier = w.assumptions.clinics[clinic.size].tier;
        let seats = if clinic.group {
            (super::market::represented(w, ci).round() as u32).clamp(1, 10_000)
        } else {
            1
        };
        // A clinic's first subscription names the clinic that referred it (the sampled one
        // before it); the referrer earns BTT as the referred clinic pays its fees in BTT.
        let referrer = (clinic.subscribed_until == 0
            && ci > 0
            && !clinic.group
            && w.clinics[ci - 1].subscribed_until > 0)
            .then(|| w.clinics[ci - 1].addr.to_string());
        let in_btt = !clinic.group && w.rng.gen_range(0..3) == 0;
        let quote: Option<points::SubscriptionQuoteResponse> = app
            .wrap()
            .query_wasm_smart(
                &points_addr,
                &points::QueryMsg::SubscriptionQuote {
                    tier,
                    seats: Some(seats),
                    denom: if in_btt { "btt".into() } else { USDC.into() },
                },
            )
            .ok();
        let Some(quote) = quote else {
            w.ledger.subscriptions_unquoted += 1;
            continue;
        };
        let sent = if in_btt {
            if !w.ensure_btt(app, &clinic.addr, quote.amount)? {
                continue;
            }
            let msg = w.deployment.token.send_msg(
                &points_addr,
                quote.amount,
                &points::ReceiveMsg::Subscribe {
                    tier,
                    referrer,
                    seats: Some(seats),
                },
            )?;
            w.send(app, &clinic.addr, msg)
        } else {
            let msg = points::ExecuteMsg::Subscribe {
                tier,
                referrer,
                seats: Some(seats),
            };
            w.exec(
                app,
                &clinic.addr,
                &points_addr,
                &msg,
                &coins(quote.amount.u128(), USDC),
            )?
        };
        if sent.is_some() {
            let uusdc = if in_btt {
                quote.amount * Uint128::new(w.usdc_per_btt())
            } else {
                quote.amount
            };
            w.ledger.gross(Stream::Incentives, uusdc);
            w.ledger.subscriptions += 1;
            w.ledger.seats_paid += u64::from(seats);
            let provider: ProviderResponse = app.wrap().query_wasm_smart(
                &points_addr,
                &points::QueryMsg::Provider {
                    address: clinic.addr.to_string(),
                },
            )?;
            w.clinics[ci].subscribed_until = provider.provider.active_until.seconds();
        }
    }
    Ok(())
}

/// The week's points and invoices: each sampled patient pays one visit at its true size
/// (300-3,000 RMB); each group's patients pay the rest of the network's PayFi volume of their
/// clinics, in USDC.
pub fn week<C: EconomyChain>(app: &mut C, w: &mut World, month: f64) -> anyhow::Result<()> {
    let points_addr = w.deployment.points.clone();
    let payfi_addr = w.deployment.payfi.clone();
    let token = w.deployment.token.clone();

    // The network's week of payments, less what the sampled patients pay, is the groups',
    // shared by their clinics' demand weights.
    let weekly_rmb = w.assumptions.weekly_rmb(Stream::Payfi, month);
    let (low, high) = w.assumptions.payment_rmb;
    let sampled_patients: usize = w
        .clinics
        .iter()
        .filter(|c| !c.group)
        .map(|c| c.patients.len())
        .sum();
    let sampled_rmb = sampled_patients as f64 * (low + high) as f64 / 2.0;
    let group_weights: f64 = (0..w.clinics.len())
        .filter(|&ci| w.clinics[ci].group)
        .map(|ci| {
            f64::from(w.assumptions.clinics[w.clinics[ci].size].demand_weight)
                * super::market::represented(w, ci)
        })
        .sum();
    let mut refunds = vec![];
    for ci in 0..w.clinics.len() {
        let clinic = w.clinics[ci].clone();
        let subscribed = clinic.subscribed_until > app.block_info().time.seconds();
        let group_rmb = if clinic.group && group_weights > 0.0 {
            (weekly_rmb - sampled_rmb).max(0.0)
                * f64::from(w.assumptions.clinics[clinic.size].demand_weight)
                * super::market::represented(w, ci)
                / group_weights
                / clinic.patients.len().max(1) as f64
        } else {
            0.0
        };
        for patient in &clinic.patients {
            let category = CATEGORIES[w.rng.gen_range(0..CATEGORIES.len())];
            let award = points::ExecuteMsg::Award {
                patient: patient.to_string(),
                category: category.into(),
                points: w.rng.gen_range(20..=120),
            };
            if !subscribed {
                // Only a subscriber awards points.
            } else if let Some(res) = w.exec(app, &clinic.addr, &points_addr, &award, &[])? {
                if let Ok(p) = wasm_attr(&res, "points") {
                    w.ledger.points_awarded += p.parse::<u64>().unwrap_or(0);
                }
            }
            let (denom, amount) = if clinic.group {
                let uusdc = w.assumptions.rmb_to_uusdc(group_rmb);
                (
                    Denom::Native(USDC.into()),
                    Uint128::new(uusdc - uusdc % 1_000_000),
                )
            } else {
                let rmb = w.rng.gen_range(low..=high) as f64;
                // (Whole BTT keep invoices readable.)
                let ubtt = w.assumptions.rmb_to_ubtt(rmb);
                (Denom::Btt, Uint128::new(ubtt - ubtt % 1_000_000))
            };
            if amount.is_zero() {
                continue;
            }
            let issue = payfi::ExecuteMsg::IssueInvoice(payfi::NewInvoice {
                payer: Some(patient.to_string()),
                denom: denom.clone(),
                amount,
                due: app.block_info().time.plus_seconds(30 * 86_400),
                memo_hash: format!("{:064x}", w.txs),
                // Points are reserved from the clinic's budget when the invoice is paid, so
                // only a subscriber's invoice carries them (the draw is made either way).
                points: (w.rng.gen_bool(0.5) && subscribed).then(|| InvoicePoints {
                    category: "treatment adherence".into(),
                    points: 40,
                }),
                analytics: w.rng.gen_bool(0.3),
            });
            let Some(res) = w.exec(app, &clinic.addr, &payfi_addr, &issue, &[])? else {
                continue;
            };
            let invoice_id: u64 = wasm_attr(&res, "invoice_id")?.parse()?;
            let (res, in_usdc, uusdc) = if clinic.group {
                // A group's patients pay their USDC invoice directly (the provider bears the
                // fees).
                let pay = payfi::ExecuteMsg::Pay { invoice_id, amount };
                let res = w.exec(app, patient, &payfi_addr, &pay, &coins(amount.u128(), USDC))?;
                (res, true, amount)
            } else {
                // A patient who would pay in BTT but cannot buy it from the desk pays in USDC.
                let mut in_usdc = w.rng.gen_range(0..100) < w.assumptions.usdc_paid_per_100;
                if !in_usdc && !w.ensure_btt(app, patient, amount)? {
                    in_usdc = true;
                }
                let res = if in_usdc {
                    // At most the price plus 2% for the conversion and fees; the rest comes back.
                    let max = amount.u128() * w.usdc_per_btt() * 102 / 100;
                    let pay = payfi::ExecuteMsg::Pay { invoice_id, amount };
                    w.exec(app, patient, &payfi_addr, &pay, &coins(max, USDC))?
                } else {
                    let msg = token.send_msg(
                        &payfi_addr,
                        amount,
                        &payfi::ReceiveMsg::Pay { invoice_id, amount },
                    )?;
                    w.send(app, patient, msg)
                };
                (res, in_usdc, amount * Uint128::new(w.usdc_per_btt()))
            };
            let Some(res) = res else { continue };
            w.ledger.payments += 1;
            w.ledger.payments_in_usdc += u64::from(in_usdc);
            w.ledger.gross(Stream::Payfi, uusdc);
            if !clinic.group && w.rng.gen_range(0..100) < w.assumptions.refunded_per_100 {
                let payment_id: u64 = wasm_attr(&res, "payment_id")?.parse()?;
                refunds.push((clinic.addr.clone(), payment_id));
            }
        }
    }
    for (clinic, payment_id) in refunds {
        let refund = payfi::ExecuteMsg::Refund {
            payment_id,
            amount: None,
        };
        if w.exec(app, &clinic, &payfi_addr, &refund, &[])?.is_some() {
            w.ledger.payments_refunded += 1;
        }
    }
    Ok(())
}

/// The insurer registers once, then every month pays back its share of the savings it
/// realised on engaged patients' premium discounts: the insurance part of the paper's
/// incentive volume, in USDC, routed as the insurance fee.
pub fn insurer_month<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    month: f64,
) -> anyhow::Result<()> {
    let points_addr = w.deployment.points.clone();
    let insurer = w.insurer.clone();
    if !w.insurer_registered {
        let register = points::ExecuteMsg::RegisterInsurer {
            name: "Pacific Health Mutual".into(),
        };
        w.insurer_registered = w
            .exec(app, &insurer, &points_addr, &register, &[])?
            .is_some();
        if !w.insurer_registered {
            return Ok(());
        }
    }
    let share = w.config.points.insurer_share;
    if share.0 == 0 {
        return Ok(());
    }
    let paid_rmb = w.assumptions.million_rmb(Stream::Incentives, month)
        * 1e6
        * f64::from(w.assumptions.insurance_pct)
        / 100.0;
    let savings = Uint128::new(
        w.assumptions
            .rmb_to_uusdc(paid_rmb * 10_000.0 / f64::from(share.0)),
    );
    let due = savings.mul_ceil(share.to_decimal());
    let pay = points::ExecuteMsg::PaySavingsShare {
        savings,
        memo: Some(format!("premium discounts of month {month:.0}")),
    };
    if w.exec(app, &insurer, &points_addr, &pay, &coins(due.u128(), USDC))?
        .is_some()
    {
        w.ledger.insurer_paid_uusdc += due;
        w.ledger.insurer_savings_uusdc += savings;
        w.ledger.gross(Stream::Incentives, due);
    }
    Ok(())
}

/// Anyone settles every payment whose window is over, page by page.
pub fn settle_all<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let payfi_addr = w.deployment.payfi.clone();
    for _ in 0..1_000 {
        let totals: payfi::TotalsResponse = app
            .wrap()
            .query_wasm_smart(&payfi_addr, &payfi::QueryMsg::Totals {})?;
        if totals.pending == 0 {
            return Ok(());
        }
        let settler = w.desk.clone();
        let msg = payfi::ExecuteMsg::Settle { limit: Some(30) };
        if w.exec(app, &settler, &payfi_addr, &msg, &[])?.is_none() {
            return Ok(());
        }
    }
    Ok(())
}

/// The month's redemptions, conversions and the insurer's reads.
pub fn month<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let points_addr = w.deployment.points.clone();
    // Each patient with the clinic that awards its points (the provider its conversions count
    // against).
    let patients: Vec<(Addr, Addr)> = w
        .clinics
        .iter()
        .flat_map(|c| c.patients.iter().map(|p| (p.clone(), c.addr.clone())))
        .collect();
    let period: points::PoolResponse = app
        .wrap()
        .query_wasm_smart(&points_addr, &points::QueryMsg::Pool {})?;
    let mut engagement_points = 0u64;
    for (patient, clinic) in &patients {
        let balance: points::BalanceResponse = app.wrap().query_wasm_smart(
            &points_addr,
            &points::QueryMsg::Balance {
                patient: patient.to_string(),
            },
        )?;
        let redeem = balance.points * 3 / 10;
        // Only at a partner that has registered (it buys its fee from the desk).
        if redeem > 0 && w.partner_registered {
            let msg = points::ExecuteMsg::Redeem {
                partner: w.partner.to_string(),
                points: redeem,
            };
            if w.exec(app, patient, &points_addr, &msg, &[])?.is_some() {
                w.ledger.points_redeemed += redeem;
            }
        }
        let convert = balance.points * 3 / 10;
        if convert > 0 {
            let msg = points::ExecuteMsg::Convert {
                points: convert,
                provider: Some(clinic.to_string()),
            };
            if w.exec(app, patient, &points_addr, &msg, &[])?.is_some() {
                w.ledger.points_converted += convert;
            }
        }
        let engagement: points::EngagementResponse = app.wrap().query_wasm_smart(
            &points_addr,
            &points::QueryMsg::Engagement {
                patient: patient.to_string(),
                from_period: period.period.saturating_sub(11),
                to_period: period.period,
            },
        )?;
        w.ledger.engagement_reads += 1;
        engagement_points += engagement.categories.iter().map(|c| c.points).sum::<u64>();
    }
    w.ledger.engagement_points = engagement_points;
    Ok(())
}
