//! BTT and incentive-points with the 2,520,000 BTT pool. Tiers: small (1,000 BTT, 10,000
//! points a period), medium (3,000 BTT, 50,000), large (10,000 BTT, 200,000). Categories:
//! preventive visit (cap 500), treatment adherence (300), healthy lifestyle (200). Periods of
//! 30 days, points live 12 periods; 0.01 BTT a point, at most 1,000 BTT converted a week (100
//! BTT by one patient, 500 BTT of one provider's points);
//! partners pay 500 BTT to register and 100 ubtt a point redeemed; referrers earn 100 BTT once
//! the referred provider has paid 1,000 BTT of subscriptions and 500 BTT more at 10,000.

use btt_testing::{contract_error, Harness};
use btt_types::points::{
    BalanceResponse, EngagementResponse, ExecuteMsg, InstantiateMsg, PointCategory, PointsRules,
    PoolResponse, ProviderResponse, QueryMsg, ReceiveMsg, ReferralMilestone, ReservationsResponse,
    SubscriptionTier, COMMUNITY_POOL, FEE_STREAMS,
};
use btt_types::token::TokenContract;
use btt_types::units::btt;
use cosmwasm_std::{coins, Addr, Coin, Decimal, Empty, Uint128};
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const NATIVE: &str = "untrn";
pub const DAY: u64 = 86_400;
pub const PERIOD: u64 = 30 * DAY;
pub const HOLDERS: [&str; 5] = ["clinic", "clinic2", "pharmacy", "gym", "patient"];

fn points_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

pub fn rules() -> PointsRules {
    let tier = |name: &str, price: u128, budget: u64| SubscriptionTier {
        name: name.into(),
        price: btt(price),
        native_price: None,
        budget,
    };
    let category = |name: &str, cap: u64| PointCategory {
        name: name.into(),
        cap,
    };
    let mut tiers = vec![
        tier("small clinic", 1_000, 10_000),
        tier("medium clinic", 3_000, 50_000),
        tier("large clinic", 10_000, 200_000),
    ];
    tiers[0].native_price = Some(cosmwasm_std::coin(5, NATIVE));
    PointsRules {
        tiers,
        categories: vec![
            category("preventive visit", 500),
            category("treatment adherence", 300),
            category("healthy lifestyle", 200),
        ],
        period_seconds: PERIOD,
        expiry_periods: 12,
        conversion_rate: Decimal::from_ratio(10_000u128, 1u128),
        conversion_epoch_seconds: 7 * DAY,
        conversion_epoch_cap: btt(1_000),
        patient_epoch_cap: btt(100),
        provider_epoch_cap: btt(500),
        partner_fee: btt(500),
        redemption_fee_per_point: Uint128::new(100),
        milestones: vec![
            ReferralMilestone {
                fees_paid: btt(1_000),
                reward: btt(100),
            },
            ReferralMilestone {
                fees_paid: btt(10_000),
                reward: btt(500),
            },
        ],
    }
}

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub points: Addr,
}

btt_testing::harness!(Suite);

impl Suite {
    pub fn new() -> Self {
        Self::with_pool(COMMUNITY_POOL)
    }

    pub fn with_pool(pool: Uint128) -> Self {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            for who in ["clinic", "patient"] {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), coins(10, NATIVE))
                    .unwrap();
            }
        });
        let owner = app.api().addr_make("owner");
        let token = btt_testing::instantiate_token(&mut app, &owner, "BTT", &HOLDERS, btt(100_000));
        let staking = btt_testing::instantiate_staking(&mut app, &owner, &token, 21 * 86_400);
        let points_id = app.store_code(points_code());
        let msg = InstantiateMsg {
            token: token.to_string(),
            fee_routing: btt_testing::treasury_routing(&app, "dao", &staking, &FEE_STREAMS),
            payfi: Some(app.api().addr_make("payfi").to_string()),
            rules: rules(),
            owner: None,
        };
        let points = app
            .instantiate_contract(points_id, owner.clone(), &msg, &[], "points", None)
            .unwrap();
        let token = TokenContract(token);
        let fund = token
            .send_msg(&points, pool, &ReceiveMsg::FundPool {})
            .unwrap();
        app.execute(owner, fund).unwrap();
        Self { app, token, points }
    }

    pub fn send(
        &mut self,
        who: &str,
        amount: Uint128,
        hook: &ReceiveMsg,
    ) -> Result<AppResponse, ContractError> {
        let msg = self.token.send_msg(&self.points, amount, hook).unwrap();
        self.app
            .execute(self.addr(who), msg)
            .map_err(contract_error)
    }

    pub fn execute_with_funds(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.points.clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    pub fn subscribe(
        &mut self,
        who: &str,
        tier: u32,
        referrer: Option<&str>,
    ) -> Result<AppResponse, ContractError> {
        let price = rules().tiers[tier as usize].price;
        let referrer = referrer.map(|r| self.addr(r).to_string());
        self.send(who, price, &ReceiveMsg::Subscribe { tier, referrer })
    }

    pub fn award(
        &mut self,
        provider: &str,
        patient: &str,
        category: &str,
        points: u64,
    ) -> Result<AppResponse, ContractError> {
        let patient = self.addr(patient).to_string();
        self.execute(
            provider,
            &ExecuteMsg::Award {
                patient,
                category: category.into(),
                points,
            },
        )
    }

    pub fn redeem(
        &mut self,
        patient: &str,
        partner: &str,
        points: u64,
    ) -> Result<AppResponse, ContractError> {
        let partner = self.addr(partner).to_string();
        self.execute(patient, &ExecuteMsg::Redeem { partner, points })
    }

    /// Converts points the patient received from "clinic".
    pub fn convert(&mut self, patient: &str, points: u64) -> Result<AppResponse, ContractError> {
        self.convert_from(patient, Some("clinic"), points)
    }

    /// Converts points the patient received from `provider` (none: from before providers
    /// were tracked).
    pub fn convert_from(
        &mut self,
        patient: &str,
        provider: Option<&str>,
        points: u64,
    ) -> Result<AppResponse, ContractError> {
        let provider = provider.map(|p| self.addr(p).to_string());
        self.execute(patient, &ExecuteMsg::Convert { points, provider })
    }

    /// payfi reserves `points` preventive-visit points of `provider` for `patient` on invoice
    /// `invoice_id`.
    pub fn reserve(
        &mut self,
        invoice_id: u64,
        provider: &str,
        patient: &str,
        points: u64,
    ) -> Result<AppResponse, ContractError> {
        let msg = ExecuteMsg::ReservePoints {
            invoice_id,
            provider: self.addr(provider).to_string(),
            patient: self.addr(patient).to_string(),
            category: "preventive visit".into(),
            points,
        };
        self.execute("payfi", &msg)
    }

    /// payfi settles the points of invoice `invoice_id`.
    pub fn settle_points(&mut self, invoice_id: u64) -> Result<AppResponse, ContractError> {
        self.execute("payfi", &ExecuteMsg::SettlePoints { invoice_id })
    }

    /// One page of pending awards, as invoice ids.
    pub fn pending_ids(&self, start_after: Option<u64>, limit: u32) -> Vec<u64> {
        let res: ReservationsResponse = self.query(&QueryMsg::PendingAwards {
            start_after,
            limit: Some(limit),
        });
        res.reservations.iter().map(|r| r.invoice_id).collect()
    }

    pub fn balance(&self, who: &str) -> Uint128 {
        self.token
            .balance(&self.app.wrap(), self.addr(who))
            .unwrap()
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> T {
        self.app.wrap().query_wasm_smart(&self.points, msg).unwrap()
    }

    pub fn points_of(&self, patient: &str) -> u64 {
        let res: BalanceResponse = self.query(&QueryMsg::Balance {
            patient: self.addr(patient).to_string(),
        });
        res.points
    }

    pub fn provider(&self, who: &str) -> ProviderResponse {
        self.query(&QueryMsg::Provider {
            address: self.addr(who).to_string(),
        })
    }

    pub fn engagement(&self, patient: &str, from: u64, to: u64) -> EngagementResponse {
        self.query(&QueryMsg::Engagement {
            patient: self.addr(patient).to_string(),
            from_period: from,
            to_period: to,
        })
    }

    pub fn pool(&self) -> PoolResponse {
        self.query(&QueryMsg::Pool {})
    }
}
