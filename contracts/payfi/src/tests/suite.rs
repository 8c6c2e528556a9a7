//! BTT, btt-staking, incentive-points and payfi. "clinic" is a subscribed provider; patients
//! hold BTT and native uusdc; "oracle", "feeder-2" and "feeder-3" feed rates (a quorum of 2, a
//! 5% band). Fees 0.8 / 0.7 / 0.6 / 0.5% by staking
//! priority, analytics 0.25%, conversion 0.75%; a 1-hour window; rates live 10 minutes.

use btt_testing::{contract_error, Harness};
use btt_types::bps::Bps;
use btt_types::payfi::{
    Denom, ExecuteMsg, FastSettlement, InstantiateMsg, Invoice, InvoicePoints, PayfiFees, Payment,
    QueryMsg, ReceiveMsg,
};
use btt_types::points;
use btt_types::staking::StakingContract;
use btt_types::token::TokenContract;
use btt_types::units::btt;
use cosmwasm_std::{coins, Addr, Coin, Decimal, Empty, StdResult, Timestamp, Uint128};
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query, reply};
use crate::ContractError;

pub const USDC: &str = "uusdc";
pub const HOUR: u64 = 3_600;
pub const HOLDERS: [&str; 4] = ["clinic", "patient", "patient2", "insurer"];
/// The appointed feeders; 2 fresh rates make the quorum, a median moves 5% without one.
pub const FEEDERS: [&str; 3] = ["oracle", "feeder-2", "feeder-3"];

fn payfi_code() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(execute, instantiate, query)
            .with_reply(reply)
            .with_migrate(migrate),
    )
}

fn points_code() -> Box<dyn Contract<Empty>> {
    use incentive_points::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query))
}

pub fn fees() -> PayfiFees {
    PayfiFees {
        by_priority: vec![Bps(80), Bps(70), Bps(60), Bps(50)],
        analytics: Bps(25),
        conversion: Bps(75),
    }
}

/// The settlement window of providers staking at priority 2 (10,000 BTT) or more.
pub const FAST: u64 = 600;

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub staking: StakingContract,
    pub points: Addr,
    pub payfi: Addr,
}

btt_testing::harness!(Suite);

impl Suite {
    pub fn new() -> Self {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            for who in HOLDERS {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), coins(1_000_000_000_000, USDC))
                    .unwrap();
            }
        });
        let owner = app.api().addr_make("owner");
        let api = *app.api();
        let addr = |n: &str| api.addr_make(n).to_string();
        let token =
            btt_testing::instantiate_token(&mut app, &owner, "BTT", &HOLDERS, btt(1_000_000));
        let staking = btt_testing::instantiate_staking(&mut app, &owner, &token, 21 * 86_400);
        let points_id = app.store_code(points_code());
        let points = app
            .instantiate_contract(
                points_id,
                owner.clone(),
                &points::InstantiateMsg {
                    token: token.to_string(),
                    fee_routing: btt_testing::treasury_routing(
                        &app,
                        "dao",
                        &staking,
                        &points::FEE_STREAMS,
                    ),
                    payfi: None,
                    rules: incentive_rules(),
                    owner: None,
                },
                &[],
                "points",
                None,
            )
            .unwrap();
        let payfi_id = app.store_code(payfi_code());
        let payfi = app
            .instantiate_contract(
                payfi_id,
                owner.clone(),
                &InstantiateMsg {
                    token: token.to_string(),
                    staking: staking.to_string(),
                    points: Some(points.to_string()),
                    fee_routing: btt_testing::treasury_routing(
                        &app,
                        "dao",
                        &staking,
                        &btt_types::payfi::FEE_STREAMS,
                    ),
                    feeders: FEEDERS.iter().map(|f| addr(f)).collect(),
                    fees: fees(),
                    settlement_seconds: HOUR,
                    fast_settlement: Some(FastSettlement {
                        min_priority: 2,
                        seconds: FAST,
                    }),
                    max_rate_age_seconds: 600,
                    min_feeders: 2,
                    max_rate_move: Bps(500),
                    native_denoms: vec![USDC.into()],
                    owner: None,
                },
                &[],
                "payfi",
                None,
            )
            .unwrap();
        app.execute_contract(
            owner.clone(),
            points.clone(),
            &points::ExecuteMsg::UpdateConfig(Box::new(points::ConfigUpdate {
                payfi: Some(payfi.to_string()),
                ..points::ConfigUpdate::default()
            })),
            &[],
        )
        .unwrap();
        let token = TokenContract(token);
        // The clinic subscribes in BTT at the feeders' rate (5 USDC a BTT: one uusdc buys 0.2
        // ubtt), 5,000 USDC = 1,000 BTT; the rates are stale after ten minutes.
        for f in FEEDERS {
            app.execute_contract(
                app.api().addr_make(f),
                payfi.clone(),
                &ExecuteMsg::SetRate {
                    pay: USDC.into(),
                    invoice: "btt".into(),
                    rate: Decimal::percent(20),
                },
                &[],
            )
            .unwrap();
        }
        let sub = token
            .send_msg(
                &points,
                btt(1_000),
                &points::ReceiveMsg::Subscribe {
                    tier: 0,
                    referrer: None,
                    seats: None,
                },
            )
            .unwrap();
        app.execute(app.api().addr_make("clinic"), sub).unwrap();
        app.update_block(|b| b.time = b.time.plus_seconds(601));
        Self {
            app,
            token,
            staking: StakingContract(staking),
            points,
            payfi,
        }
    }

    pub fn now(&self) -> Timestamp {
        self.app.block_info().time
    }

    pub fn execute_with_funds(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.payfi.clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    /// The clinic invoices `amount` in `denom`, optionally to `payer`, with optional points.
    pub fn invoice(
        &mut self,
        denom: Denom,
        amount: Uint128,
        payer: Option<&str>,
        points: Option<u64>,
    ) -> Result<u64, ContractError> {
        let msg = ExecuteMsg::IssueInvoice(btt_types::payfi::NewInvoice {
            payer: payer.map(|p| self.addr(p).to_string()),
            denom,
            amount,
            due: self.now().plus_seconds(30 * 86_400),
            memo_hash: "9f".repeat(32),
            points: points.map(|p| InvoicePoints {
                category: "preventive visit".into(),
                points: p,
            }),
            analytics: false,
        });
        let res = self.execute("clinic", &msg)?;
        Ok(attr(&res, "invoice_id").parse().unwrap())
    }

    /// `who` pays `amount` of the invoice, sending `sent` BTT.
    pub fn pay_btt(
        &mut self,
        who: &str,
        invoice_id: u64,
        amount: Uint128,
        sent: Uint128,
    ) -> Result<u64, ContractError> {
        let msg = self
            .token
            .send_msg(&self.payfi, sent, &ReceiveMsg::Pay { invoice_id, amount })
            .unwrap();
        let res = self
            .app
            .execute(self.addr(who), msg)
            .map_err(contract_error::<ContractError>)?;
        Ok(attr(&res, "payment_id").parse().unwrap())
    }

    /// `who` pays `amount` of the invoice, sending `sent` uusdc.
    pub fn pay_usdc(
        &mut self,
        who: &str,
        invoice_id: u64,
        amount: Uint128,
        sent: u128,
    ) -> Result<u64, ContractError> {
        let res = self.execute_with_funds(
            who,
            &ExecuteMsg::Pay { invoice_id, amount },
            &coins(sent, USDC),
        )?;
        Ok(attr(&res, "payment_id").parse().unwrap())
    }

    pub fn refund(
        &mut self,
        who: &str,
        payment_id: u64,
        amount: Option<Uint128>,
    ) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::Refund { payment_id, amount })
    }

    pub fn settle(&mut self) -> Result<AppResponse, ContractError> {
        self.execute("anyone", &ExecuteMsg::Settle { limit: None })
    }

    /// Every feeder posts `rate`.
    pub fn set_rate(
        &mut self,
        pay: &str,
        invoice: &str,
        rate: Decimal,
    ) -> Result<AppResponse, ContractError> {
        let mut last = None;
        for f in FEEDERS {
            last = Some(self.set_rate_by(f, pay, invoice, rate)?);
        }
        Ok(last.unwrap())
    }

    /// `feeder` posts `rate`.
    pub fn set_rate_by(
        &mut self,
        feeder: &str,
        pay: &str,
        invoice: &str,
        rate: Decimal,
    ) -> Result<AppResponse, ContractError> {
        self.execute(
            feeder,
            &ExecuteMsg::SetRate {
                pay: pay.into(),
                invoice: invoice.into(),
                rate,
            },
        )
    }

    /// `who` stakes `amount` BTT without a lock (its fee tier counts once the stake has aged).
    pub fn stake(&mut self, who: &str, amount: Uint128) {
        let stake = self.staking.stake_msg(&self.token, amount, 0).unwrap();
        self.app.execute(self.addr(who), stake).unwrap();
    }

    pub fn btt(&self, who: &str) -> Uint128 {
        self.token
            .balance(&self.app.wrap(), self.addr(who))
            .unwrap()
    }

    pub fn usdc(&self, who: &str) -> Uint128 {
        self.app
            .wrap()
            .query_balance(self.addr(who), USDC)
            .unwrap()
            .amount
    }

    pub fn held_btt(&self) -> Uint128 {
        self.token.balance(&self.app.wrap(), &self.payfi).unwrap()
    }

    pub fn held_usdc(&self) -> Uint128 {
        self.app
            .wrap()
            .query_balance(&self.payfi, USDC)
            .unwrap()
            .amount
    }

    pub fn invoice_of(&self, invoice_id: u64) -> Invoice {
        self.app
            .wrap()
            .query_wasm_smart(&self.payfi, &QueryMsg::Invoice { invoice_id })
            .unwrap()
    }

    pub fn payment(&self, payment_id: u64) -> Payment {
        self.app
            .wrap()
            .query_wasm_smart(&self.payfi, &QueryMsg::Payment { payment_id })
            .unwrap()
    }

    /// One page of `PendingSettlements`, as payment ids.
    pub fn pending_page(&self, start_after: Option<u64>, limit: u32) -> StdResult<Vec<u64>> {
        let page: btt_types::payfi::PaymentsResponse = self.app.wrap().query_wasm_smart(
            &self.payfi,
            &QueryMsg::PendingSettlements {
                start_after,
                limit: Some(limit),
            },
        )?;
        Ok(page.payments.iter().map(|p| p.id).collect())
    }

    /// `who` runs `msg` on incentive-points.
    pub fn points_exec(
        &mut self,
        who: &str,
        msg: &points::ExecuteMsg,
    ) -> Result<AppResponse, incentive_points::ContractError> {
        let contract = self.points.clone();
        self.app
            .execute_contract(self.addr(who), contract, msg, &[])
            .map_err(points_error)
    }

    /// The clinic awards `points` preventive-visit points to `patient` from its budget.
    pub fn award(
        &mut self,
        patient: &str,
        points: u64,
    ) -> Result<AppResponse, incentive_points::ContractError> {
        let patient = self.addr(patient).to_string();
        self.points_exec(
            "clinic",
            &points::ExecuteMsg::Award {
                patient,
                category: "preventive visit".into(),
                points,
            },
        )
    }

    /// Points the clinic may still award this window.
    pub fn budget_left(&self) -> u64 {
        let p: points::ProviderResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.points,
                &points::QueryMsg::Provider {
                    address: self.addr("clinic").to_string(),
                },
            )
            .unwrap();
        p.budget_left
    }

    /// Awards a pause keeps pending in incentive-points.
    pub fn pending_awards(&self) -> Vec<points::Reservation> {
        let res: points::ReservationsResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.points,
                &points::QueryMsg::PendingAwards {
                    start_after: None,
                    limit: None,
                },
            )
            .unwrap();
        res.reservations
    }

    /// The reservation of an invoice's points, if any.
    pub fn reservation(&self, invoice_id: u64) -> Option<points::Reservation> {
        self.app
            .wrap()
            .query_wasm_smart(&self.points, &points::QueryMsg::Reservation { invoice_id })
            .unwrap()
    }

    /// `who` pays `amount` of the invoice with as much BTT; the error of incentive-points when
    /// it refuses the reservation.
    pub fn pay_btt_points_err(
        &mut self,
        who: &str,
        invoice_id: u64,
        amount: Uint128,
    ) -> incentive_points::ContractError {
        let msg = self
            .token
            .send_msg(&self.payfi, amount, &ReceiveMsg::Pay { invoice_id, amount })
            .unwrap();
        points_error(self.app.execute(self.addr(who), msg).unwrap_err())
    }

    pub fn points_of(&self, patient: &str) -> u64 {
        let res: points::BalanceResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.points,
                &points::QueryMsg::Balance {
                    patient: self.addr(patient).to_string(),
                },
            )
            .unwrap();
        res.points
    }
}

/// One tier, one category with a 1,000-point cap.
pub fn incentive_rules() -> points::PointsRules {
    points::PointsRules {
        tiers: vec![points::SubscriptionTier {
            name: "small clinic".into(),
            price: cosmwasm_std::coin(5_000_000_000, USDC),
            budget: 50_000,
        }],
        categories: vec![points::PointCategory {
            name: "preventive visit".into(),
            cap: 1_000,
        }],
        period_seconds: 30 * 86_400,
        expiry_periods: 12,
        conversion_rate: Decimal::from_ratio(10_000u128, 1u128),
        conversion_epoch_seconds: 7 * 86_400,
        conversion_epoch_cap: btt(1_000),
        patient_epoch_cap: btt(100),
        provider_epoch_cap: btt(500),
        partner_fee: btt(500),
        redemption_fee_per_point: Uint128::new(100),
        milestones: vec![],
        insurer_share: Bps(2_000),
    }
}

/// The incentive-points error in `e` (through the contexts of the calls that carried it).
pub fn points_error(e: anyhow::Error) -> incentive_points::ContractError {
    contract_error::<incentive_points::ContractError>(e)
}

/// The first value of attribute `key`.
pub fn attr(res: &AppResponse, key: &str) -> String {
    res.events
        .iter()
        .flat_map(|e| &e.attributes)
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
        .unwrap_or_else(|| panic!("no attribute {key}"))
}
