//! The main job's patient-care scenario: a clinic subscribes and awards points, the patient
//! redeems some at a pharmacy and converts the rest to BTT, the clinic invoices the patient, who
//! pays in USDC at the oracle rate; one payment is refunded inside the window (its invoice's
//! points are never awarded), the others settle after it and the second invoice's points are
//! awarded at settlement; an insurer reads the patient's engagement.

use btt_deploy::chain::{wasm_attr, EconomyChain};
use btt_types::allocation::Category;
use btt_types::payfi::{self, Denom, InvoicePoints};
use btt_types::points::{self, EngagementResponse, PoolResponse};
use btt_types::units::format_btt;
use cosmwasm_std::{coins, Addr, Decimal, Uint128};
use serde::Serialize;

use crate::governance::advance;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_deploy::multitest::PATIENTS;

/// What the scenario did.
#[derive(Debug, Clone, Serialize)]
pub struct CareReport {
    /// Points awarded (directly and at settlement), redeemed, converted, earned by the refunded
    /// invoice (none: points wait for settlement), and left.
    pub awarded: u64,
    pub redeemed: u64,
    pub converted: u64,
    pub refunded_invoice_points: u64,
    pub points_left: u64,
    /// ubtt the conversion paid.
    pub converted_btt: Uint128,
    /// Subscription, partner and redemption fees to the treasury, ubtt.
    pub points_fees: Uint128,
    /// (invoice, BTT invoiced, USDC paid incl. conversion fee, outcome).
    pub invoices: Vec<(u64, Uint128, Uint128, String)>,
    /// BTT settled to the clinic and fees to the treasury, ubtt.
    pub settled_to_clinic: Uint128,
    pub payfi_fees: Uint128,
    /// The insurer's view: points by category over the last 12 periods.
    pub engagement: Vec<(String, u64)>,
}

/// Runs the scenario at the current block (the clinic, CDHG, already holds BTT).
pub fn care_scenario<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
) -> anyhow::Result<CareReport> {
    let token = &deployment.token;
    let (points_addr, payfi_addr) = (deployment.points.clone(), deployment.payfi.clone());
    let clinic = Addr::unchecked(&config.beneficiaries[&Category::ChinaDigitalHealthcareGroup]);
    let pharmacy = app.addr_make("pharmacy");
    let alice = app.addr_make(PATIENTS[0]);
    let feeders: Vec<Addr> = config
        .payments
        .feeders
        .iter()
        .map(Addr::unchecked)
        .collect();
    let dao = deployment.dao.addr().clone();
    let treasury_before = token.balance(&app.wrap(), &dao)?;

    // The feeders post USDC → BTT: 1 BTT = 5 USDC, so one uusdc buys 0.2 ubtt.
    for feeder in &feeders {
        app.execute_contract(
            feeder.clone(),
            payfi_addr.clone(),
            &payfi::ExecuteMsg::SetRate {
                pay: "uusdc".into(),
                invoice: "btt".into(),
                rate: Decimal::percent(20),
            },
            &[],
        )?;
    }
    // The clinic subscribes (small tier, priced in USDC) in BTT at the feeders' rate and
    // awards a preventive visit.
    let price = points_addr_quote(app, &points_addr)?;
    app.execute(
        clinic.clone(),
        token.send_msg(
            &points_addr,
            price,
            &points::ReceiveMsg::Subscribe {
                tier: 0,
                referrer: None,
                seats: None,
            },
        )?,
    )?;
    let award = |patient: &Addr, points: u64| points::ExecuteMsg::Award {
        patient: patient.to_string(),
        category: "preventive visit".into(),
        points,
    };
    app.execute_contract(
        clinic.clone(),
        points_addr.clone(),
        &award(&alice, 800),
        &[],
    )?;

    // A pharmacy becomes a partner (the clinic sells it the BTT it needs); the patient redeems
    // 300 points there and converts 400 to BTT.
    app.execute(
        clinic.clone(),
        token.transfer_msg(
            &pharmacy,
            config.points.partner_fee + Uint128::new(1_000_000),
        )?,
    )?;
    let register = points::ReceiveMsg::RegisterPartner {
        name: "Riverside Pharmacy".into(),
    };
    app.execute(
        pharmacy.clone(),
        token.send_msg(&points_addr, config.points.partner_fee, &register)?,
    )?;
    app.execute(
        pharmacy.clone(),
        token.send_msg(
            &points_addr,
            Uint128::new(1_000_000),
            &points::ReceiveMsg::FundPartner {},
        )?,
    )?;
    app.execute_contract(
        alice.clone(),
        points_addr.clone(),
        &points::ExecuteMsg::Redeem {
            partner: pharmacy.to_string(),
            points: 300,
        },
        &[],
    )?;
    let before = token.balance(&app.wrap(), &alice)?;
    app.execute_contract(
        alice.clone(),
        points_addr.clone(),
        &points::ExecuteMsg::Convert {
            points: 400,
            provider: Some(clinic.to_string()),
        },
        &[],
    )?;
    let converted_btt = token.balance(&app.wrap(), &alice)? - before;
    let points_fees = token.balance(&app.wrap(), &dao)? - treasury_before;

    // Three invoices, the first carrying 200 preventive-visit points and the second 150 for
    // treatment adherence (points are reserved against the patient's caps when paid, so the
    // first invoice's 200 fill this month's preventive-visit cap until it is refunded); the
    // patient pays all three in USDC.
    let mut invoices = vec![];
    for (amount, points, category) in [
        (120u128, Some(200u64), "preventive visit"),
        (80, Some(150), "treatment adherence"),
        (45, None, ""),
    ] {
        let amount = Uint128::new(amount * 1_000_000);
        let issue = payfi::ExecuteMsg::IssueInvoice(btt_types::payfi::NewInvoice {
            payer: Some(alice.to_string()),
            denom: Denom::Btt,
            amount,
            due: app.block_info().time.plus_seconds(30 * 86_400),
            memo_hash: "c0ffee".repeat(8),
            points: points.map(|p| InvoicePoints {
                category: category.into(),
                points: p,
            }),
            analytics: true,
        });
        let res = app.execute_contract(clinic.clone(), payfi_addr.clone(), &issue, &[])?;
        let invoice_id: u64 = wasm_attr(&res, "invoice_id")?.parse()?;
        let usdc_before = app.wrap().query_balance(&alice, "uusdc")?.amount;
        let res = app.execute_contract(
            alice.clone(),
            payfi_addr.clone(),
            &payfi::ExecuteMsg::Pay { invoice_id, amount },
            &coins(amount.u128() * 6, "uusdc"),
        )?;
        let paid = usdc_before - app.wrap().query_balance(&alice, "uusdc")?.amount;
        let payment_id: u64 = wasm_attr(&res, "payment_id")?.parse()?;
        invoices.push((invoice_id, payment_id, amount, paid));
    }
    let points_before_refund = balance(app, &points_addr, &alice)?;
    // The clinic refunds the first payment inside the window: its invoice never earned points.
    app.execute_contract(
        clinic.clone(),
        payfi_addr.clone(),
        &payfi::ExecuteMsg::Refund {
            payment_id: invoices[0].1,
            amount: None,
        },
        &[],
    )?;
    let refunded_invoice_points = points_before_refund - balance(app, &points_addr, &alice)?;
    advance(app, config.payments.settlement_seconds);
    let usdc_clinic = app.wrap().query_balance(&clinic, "uusdc")?.amount;
    let usdc_dao = app.wrap().query_balance(&dao, "uusdc")?.amount;
    app.execute_contract(
        clinic.clone(),
        payfi_addr.clone(),
        &payfi::ExecuteMsg::Settle { limit: None },
        &[],
    )?;
    let settled_to_clinic = app.wrap().query_balance(&clinic, "uusdc")?.amount - usdc_clinic;
    // The second invoice's 150 points came with its settlement.
    let points_left = balance(app, &points_addr, &alice)?;
    let awarded = 800 + 150;
    let payfi_fees = app.wrap().query_balance(&dao, "uusdc")?.amount - usdc_dao;

    let period: PoolResponse = app
        .wrap()
        .query_wasm_smart(&points_addr, &points::QueryMsg::Pool {})?;
    let engagement: EngagementResponse = app.wrap().query_wasm_smart(
        &points_addr,
        &points::QueryMsg::Engagement {
            patient: alice.to_string(),
            from_period: period.period.saturating_sub(11),
            to_period: period.period,
        },
    )?;
    Ok(CareReport {
        awarded,
        redeemed: 300,
        converted: 400,
        refunded_invoice_points,
        points_left,
        converted_btt,
        points_fees,
        invoices: invoices
            .iter()
            .enumerate()
            .map(|(i, (id, _, amount, paid))| {
                let outcome = if i == 0 {
                    "refunded in the window"
                } else {
                    "settled after the window"
                };
                (*id, *amount, *paid, outcome.to_string())
            })
            .collect(),
        settled_to_clinic,
        payfi_fees,
        engagement: engagement
            .categories
            .into_iter()
            .map(|c| (c.category, c.points))
            .collect(),
    })
}

fn balance<C: EconomyChain>(app: &C, points: &Addr, patient: &Addr) -> anyhow::Result<u64> {
    let res: points::BalanceResponse = app.wrap().query_wasm_smart(
        points,
        &points::QueryMsg::Balance {
            patient: patient.to_string(),
        },
    )?;
    Ok(res.points)
}

/// The scenario as text.
pub fn render(r: &CareReport) -> String {
    let mut out = format!(
        "\nPatient care (month 7): a clinic subscribes and awards points; a patient pays in USDC\n  \
         points: {} awarded (150 of them when an invoice settled), {} redeemed at a pharmacy, {} converted to {} BTT, {} earned by the refunded invoice, {} left\n  \
         subscription and partner fees to the DAO: {} BTT\n",
        r.awarded,
        r.redeemed,
        r.converted,
        format_btt(r.converted_btt),
        r.refunded_invoice_points,
        r.points_left,
        format_btt(r.points_fees)
    );
    for (id, amount, paid, outcome) in &r.invoices {
        out.push_str(&format!(
            "  invoice #{id}: {} BTT, paid {} USDC at 1 BTT = 5 USDC (+0.75% conversion), {outcome}\n",
            format_btt(*amount),
            format_btt(*paid)
        ));
    }
    out.push_str(&format!(
        "  settled to the clinic {} USDC, fees to the DAO {} USDC (tier fee + 0.25% analytics + 0.75% conversion)\n",
        format_btt(r.settled_to_clinic),
        format_btt(r.payfi_fees)
    ));
    let engagement: Vec<String> = r
        .engagement
        .iter()
        .map(|(c, p)| format!("{c} {p}"))
        .collect();
    out.push_str(&format!(
        "  insurer's view of the patient's last 12 months: {}\n",
        engagement.join(", ")
    ));
    out
}

/// What the small tier costs in BTT now, at the feeders' rate.
fn points_addr_quote<C: EconomyChain>(app: &C, points_addr: &Addr) -> anyhow::Result<Uint128> {
    let quote: points::SubscriptionQuoteResponse = app.wrap().query_wasm_smart(
        points_addr,
        &points::QueryMsg::SubscriptionQuote {
            tier: 0,
            seats: None,
            denom: "btt".into(),
        },
    )?;
    Ok(quote.amount)
}
