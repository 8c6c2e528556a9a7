//! incentive-points and payfi as optimized wasm in cosmwasm-vm: subscribe, award, redeem, pay
//! and settle, with gas; and award, pay and settle measured with 10 and with 10,000 patients
//! and invoices already on the contracts.

use btt_deploy::genesis::{suggested_points_rules, PaymentParams};
use btt_integration_tests::artifacts::read_artifact;
use btt_integration_tests::fixtures::{deploy_btt, deploy_staking, genesis_routing};
use btt_integration_tests::vm::{print_gas, Cw20OnChain, TxReport, WasmChain};
use btt_types::payfi::{self, Denom};
use btt_types::points::{self, COMMUNITY_POOL};
use btt_types::units::btt;
use cosmwasm_std::{Addr, Uint128};
use cw20::Cw20Coin;

struct Care {
    chain: WasmChain,
    token: Cw20OnChain,
    points: Addr,
    payfi: Addr,
    clinic: Addr,
    settlement: u64,
}

impl Care {
    fn new(patients: usize) -> Self {
        let mut chain = WasmChain::new();
        let deployer = chain.addr("deployer");
        let clinic = chain.addr("clinic");
        let accounts: Vec<Addr> = (0..patients)
            .map(|i| chain.addr(&format!("patient{i}")))
            .collect();
        let mut balances: Vec<Cw20Coin> = accounts
            .iter()
            .map(|a| Cw20Coin {
                address: a.to_string(),
                amount: btt(10),
            })
            .collect();
        for who in ["clinic", "pharmacy", "probe"] {
            balances.push(Cw20Coin {
                address: chain.addr(who).to_string(),
                amount: btt(100_000),
            });
        }
        let token = deploy_btt(&mut chain, &deployer, balances).unwrap();
        let staking = deploy_staking(&mut chain, &deployer, &token).unwrap();
        let (points, _) = chain
            .instantiate(
                &read_artifact("incentive_points").unwrap(),
                "incentive-points",
                &deployer,
                &points::InstantiateMsg {
                    token: token.to_string(),
                    fee_routing: genesis_routing(&chain, &staking, &points::FEE_STREAMS),
                    payfi: Some(chain.addr("payfi").to_string()),
                    rules: suggested_points_rules(),
                    owner: None,
                },
            )
            .unwrap();
        // Two feeders quote 1 BTT = 5 USDC (0.2 ubtt per uusdc): tiers are priced in USDC and
        // BTT pays them at payfi's median.
        let feeders = vec![
            chain.addr("feeder-1").to_string(),
            chain.addr("feeder-2").to_string(),
        ];
        let p = PaymentParams::suggested(feeders.clone());
        let (payfi, _) = chain
            .instantiate(
                &read_artifact("payfi").unwrap(),
                "payfi",
                &deployer,
                &payfi::InstantiateMsg {
                    token: token.to_string(),
                    staking: staking.to_string(),
                    points: Some(points.to_string()),
                    fee_routing: genesis_routing(&chain, &staking, &payfi::FEE_STREAMS),
                    feeders: feeders.clone(),
                    fees: p.fees,
                    settlement_seconds: p.settlement_seconds,
                    fast_settlement: p.fast_settlement.clone(),
                    min_feeders: p.min_feeders,
                    max_rate_move: p.max_rate_move,
                    max_rate_age_seconds: p.max_rate_age_seconds,
                    native_denoms: p.native_denoms,
                    owner: None,
                },
            )
            .unwrap();
        for feeder in &feeders {
            let rate = payfi::ExecuteMsg::SetRate {
                pay: "uusdc".into(),
                invoice: "btt".into(),
                rate: cosmwasm_std::Decimal::percent(20),
            };
            chain
                .execute(&Addr::unchecked(feeder), &payfi, &rate)
                .unwrap();
        }
        let rate_source = points::ExecuteMsg::UpdateConfig(Box::new(points::ConfigUpdate {
            payfi: Some(payfi.to_string()),
            ..points::ConfigUpdate::default()
        }));
        chain.execute(&deployer, &points, &rate_source).unwrap();
        let token = Cw20OnChain(token);
        token
            .send(
                &mut chain,
                &deployer,
                &points,
                COMMUNITY_POOL,
                &points::ReceiveMsg::FundPool {},
            )
            .unwrap();
        let mut care = Self {
            chain,
            token,
            points,
            payfi,
            clinic,
            settlement: p.settlement_seconds,
        };
        care.subscribe().unwrap();
        for patient in &accounts {
            care.award(patient, 10).unwrap();
            let id = care.invoice(btt(1)).unwrap();
            care.pay(patient, id, btt(1)).unwrap();
        }
        care.chain.advance(care.settlement);
        while care.settle(Some(30)).is_ok() {}
        care
    }

    /// The clinic renews the large tier in BTT at the feeders' fresh rate.
    fn subscribe(&mut self) -> anyhow::Result<TxReport> {
        let (clinic, points) = (self.clinic.clone(), self.points.clone());
        for feeder in ["feeder-1", "feeder-2"] {
            let rate = payfi::ExecuteMsg::SetRate {
                pay: "uusdc".into(),
                invoice: "btt".into(),
                rate: cosmwasm_std::Decimal::percent(20),
            };
            let feeder = self.chain.addr(feeder);
            self.chain.execute(&feeder, &self.payfi, &rate)?;
        }
        let quote: points::SubscriptionQuoteResponse = self.chain.query(
            &points,
            &points::QueryMsg::SubscriptionQuote {
                tier: 2,
                seats: None,
                denom: "btt".into(),
            },
        )?;
        self.token.send(
            &mut self.chain,
            &clinic,
            &points,
            quote.amount,
            &points::ReceiveMsg::Subscribe {
                tier: 2,
                referrer: None,
                seats: None,
            },
        )
    }

    fn award(&mut self, patient: &Addr, amount: u64) -> anyhow::Result<TxReport> {
        let msg = points::ExecuteMsg::Award {
            patient: patient.to_string(),
            category: "preventive visit".into(),
            points: amount,
        };
        let (clinic, points) = (self.clinic.clone(), self.points.clone());
        self.chain.execute(&clinic, &points, &msg)
    }

    fn invoice(&mut self, amount: Uint128) -> anyhow::Result<u64> {
        let msg = payfi::ExecuteMsg::IssueInvoice(btt_types::payfi::NewInvoice {
            payer: None,
            denom: Denom::Btt,
            amount,
            due: self.chain.block_time().plus_seconds(86_400),
            memo_hash: String::new(),
            points: None,
            analytics: false,
        });
        let (clinic, payfi) = (self.clinic.clone(), self.payfi.clone());
        self.chain.execute(&clinic, &payfi, &msg)?;
        let totals: payfi::TotalsResponse =
            self.chain.query(&self.payfi, &payfi::QueryMsg::Totals {})?;
        Ok(totals.invoices)
    }

    fn pay(&mut self, payer: &Addr, invoice_id: u64, amount: Uint128) -> anyhow::Result<TxReport> {
        let payfi = self.payfi.clone();
        self.token.send(
            &mut self.chain,
            payer,
            &payfi,
            amount,
            &payfi::ReceiveMsg::Pay { invoice_id, amount },
        )
    }

    fn settle(&mut self, limit: Option<u32>) -> anyhow::Result<TxReport> {
        let (clinic, payfi) = (self.clinic.clone(), self.payfi.clone());
        self.chain
            .execute(&clinic, &payfi, &payfi::ExecuteMsg::Settle { limit })
    }

    /// Award, pay and settle one probe invoice; returns their gas.
    fn probe(&mut self) -> [u64; 3] {
        let probe = self.chain.addr("probe");
        let award = self.award(&probe, 100).unwrap().total_gas();
        let id = self.invoice(btt(50)).unwrap();
        let pay = self.pay(&probe, id, btt(50)).unwrap().total_gas();
        self.chain.advance(self.settlement);
        let settle = self.settle(Some(1)).unwrap().total_gas();
        [award, pay, settle]
    }
}

#[test]
fn subscribe_award_redeem_pay_and_settle_run_as_real_wasm() {
    let mut care = Care::new(0);
    print_gas("subscribe", &care.subscribe().unwrap());
    let probe = care.chain.addr("probe");
    print_gas("award", &care.award(&probe, 500).unwrap());
    let (pharmacy, points) = (care.chain.addr("pharmacy"), care.points.clone());
    let fee = suggested_points_rules().partner_fee;
    care.token
        .send(
            &mut care.chain,
            &pharmacy,
            &points,
            fee,
            &points::ReceiveMsg::RegisterPartner {
                name: "Pharmacy".into(),
            },
        )
        .unwrap();
    care.token
        .send(
            &mut care.chain,
            &pharmacy,
            &points,
            btt(1),
            &points::ReceiveMsg::FundPartner {},
        )
        .unwrap();
    let redeem = points::ExecuteMsg::Redeem {
        partner: pharmacy.to_string(),
        points: 200,
    };
    print_gas(
        "redeem",
        &care.chain.execute(&probe, &points, &redeem).unwrap(),
    );
    let before = care
        .token
        .balance(&care.chain, &care.clinic.clone())
        .unwrap();
    let id = care.invoice(btt(100)).unwrap();
    print_gas("pay", &care.pay(&probe, id, btt(100)).unwrap());
    care.chain.advance(care.settlement);
    print_gas("settle", &care.settle(None).unwrap());
    let after = care
        .token
        .balance(&care.chain, &care.clinic.clone())
        .unwrap();
    assert_eq!(
        after - before,
        btt(100) - Uint128::new(800_000),
        "100 BTT less 0.8%"
    );
}

#[test]
fn award_pay_and_settle_cost_the_same_with_10_and_10_000_patients_and_invoices() {
    let mut measured = vec![];
    for patients in [10, 10_000] {
        let mut care = Care::new(patients);
        let gas = care.probe();
        println!(
            "gas with {patients:>6} patients and invoices: award {}, pay {}, settle {}",
            gas[0], gas[1], gas[2]
        );
        measured.push(gas);
    }
    for (i, step) in ["award", "pay", "settle"].iter().enumerate() {
        let (few, many) = (measured[0][i] as f64, measured[1][i] as f64);
        let change = (many - few) / few * 100.0;
        println!("{step}: {few} → {many} gas ({change:+.2}%)");
        assert!(
            change.abs() <= 10.0,
            "{step} gas moved {change:.2}% with 10,000 patients and invoices"
        );
    }
}
