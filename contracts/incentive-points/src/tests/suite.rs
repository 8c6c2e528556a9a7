//! BTT and incentive-points with the 2,520,000 BTT pool, and a stand-in for payfi's rate feed
//! quoting 1 ubtt per uusdc (1 BTT = 1 USDC). Tiers per seat: small (1,000 USDC, 10,000
//! points a window), medium (3,000 USDC, 50,000), large (10,000 USDC, 200,000), so at that
//! rate they cost 1,000 / 3,000 / 10,000 BTT. Insurers pay back 20% of realised savings.
//! Categories:
//! preventive visit (cap 500), treatment adherence (300), healthy lifestyle (200). Periods of
//! 30 days, points live 12 periods; 0.01 BTT a point, at most 1,000 BTT converted a week (100
//! BTT by one patient, 500 BTT of one provider's points);
//! partners pay 500 BTT to register and 100 ubtt a point redeemed; referrers earn 100 BTT once
//! the referred provider has paid 1,000 BTT of subscriptions and 500 BTT more at 10,000.

use btt_testing::{contract_error, Harness};
use btt_types::bps::Bps;
use btt_types::points::{
    BalanceResponse, EngagementResponse, ExecuteMsg, InstantiateMsg, InsurerResponse,
    PointCategory, PointsRules, PoolResponse, ProviderResponse, QueryMsg, ReceiveMsg,
    ReferralMilestone, ReservationsResponse, SubscriptionQuoteResponse, SubscriptionTier,
    COMMUNITY_POOL, FEE_STREAMS,
};
use btt_types::token::TokenContract;
use btt_types::units::btt;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    coin, to_json_binary, Addr, Binary, Coin, Decimal, Deps, DepsMut, Empty, Env, MessageInfo,
    Response, StdError, StdResult, Uint128,
};
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};
use cw_storage_plus::Map;

use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const NATIVE: &str = "untrn";
/// The stable denom the tiers are priced in.
pub const USD: &str = "uusdc";
/// 1 USDC in uusdc.
pub const fn usd(whole: u128) -> Uint128 {
    Uint128::new(whole * 1_000_000)
}
pub const DAY: u64 = 86_400;
pub const PERIOD: u64 = 30 * DAY;
pub const HOLDERS: [&str; 5] = ["clinic", "clinic2", "pharmacy", "gym", "patient"];

fn points_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

/// What the stand-in for payfi is told: the median it quotes for `pay` into BTT (none: no
/// fresh quorum), and the last accepted one (none: the same as the median).
#[cw_serde]
pub struct SetRate {
    pub pay: String,
    pub median: Option<Decimal>,
    #[serde(default)]
    pub last_median: Option<Decimal>,
}

/// The stand-in's medians by pay denom.
const MEDIANS: Map<&str, Decimal> = Map::new("medians");

/// The stand-in's last accepted medians by pay denom, where they differ from the median.
const LAST_MEDIANS: Map<&str, Decimal> = Map::new("last_medians");

fn feed_instantiate(_: DepsMut, _: Env, _: MessageInfo, _: Empty) -> StdResult<Response> {
    Ok(Response::new())
}

/// Sets a median (none removes it).
fn feed_execute(deps: DepsMut, _: Env, _: MessageInfo, msg: SetRate) -> StdResult<Response> {
    match msg.median {
        Some(m) => MEDIANS.save(deps.storage, &msg.pay, &m)?,
        None => MEDIANS.remove(deps.storage, &msg.pay),
    }
    match msg.last_median {
        Some(m) => LAST_MEDIANS.save(deps.storage, &msg.pay, &m)?,
        None => LAST_MEDIANS.remove(deps.storage, &msg.pay),
    }
    Ok(Response::new())
}

/// payfi's `Rate` query: the median of `pay` into "btt"; a stale or missing feed has none.
fn feed_query(deps: Deps, _: Env, msg: btt_types::payfi::QueryMsg) -> StdResult<Binary> {
    match msg {
        btt_types::payfi::QueryMsg::Rate { pay, invoice } => {
            let (median, last) = if invoice == "btt" {
                (
                    MEDIANS.may_load(deps.storage, &pay)?,
                    LAST_MEDIANS.may_load(deps.storage, &pay)?,
                )
            } else {
                (None, None)
            };
            to_json_binary(&btt_types::payfi::RateResponse {
                median,
                last_median: last.or(median),
                rates: vec![],
            })
        }
        _ => Err(StdError::generic_err("the rate feed answers Rate only")),
    }
}

fn feed_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        feed_execute,
        feed_instantiate,
        feed_query,
    ))
}

pub fn rules() -> PointsRules {
    let tier = |name: &str, price: u128, budget: u64| SubscriptionTier {
        name: name.into(),
        price: coin(usd(price).u128(), USD),
        budget,
    };
    let category = |name: &str, cap: u64| PointCategory {
        name: name.into(),
        cap,
    };
    PointsRules {
        tiers: vec![
            tier("small clinic", 1_000, 10_000),
            tier("medium clinic", 3_000, 50_000),
            tier("large clinic", 10_000, 200_000),
        ],
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
        insurer_share: Bps(2_000),
    }
}

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub points: Addr,
    /// The stand-in for payfi: it quotes rates, and "payfi" is its address.
    pub payfi: Addr,
}

impl Harness for Suite {
    fn app(&self) -> &App {
        &self.app
    }

    fn app_mut(&mut self) -> &mut App {
        &mut self.app
    }

    /// "payfi" is the stand-in's contract address; the rest as every suite.
    fn addr(&self, who: &str) -> Addr {
        if who == "payfi" {
            self.payfi.clone()
        } else {
            self.app.api().addr_make(who)
        }
    }
}

impl Suite {
    pub fn new() -> Self {
        Self::with_pool(COMMUNITY_POOL)
    }

    pub fn with_pool(pool: Uint128) -> Self {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            let dollars = coin(usd(1_000_000).u128(), USD);
            for who in [
                "clinic", "patient", "clinic2", "group", "insurer", "insurer2",
            ] {
                let funds = if ["clinic", "patient", "insurer"].contains(&who) {
                    vec![coin(10, NATIVE), dollars.clone()]
                } else {
                    vec![dollars.clone()]
                };
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), funds)
                    .unwrap();
            }
        });
        let owner = app.api().addr_make("owner");
        let feed_id = app.store_code(feed_code());
        let payfi = app
            .instantiate_contract(feed_id, owner.clone(), &Empty {}, &[], "payfi", None)
            .unwrap();
        app.execute_contract(
            owner.clone(),
            payfi.clone(),
            &SetRate {
                pay: USD.into(),
                median: Some(Decimal::one()),
                last_median: None,
            },
            &[],
        )
        .unwrap();
        let token = btt_testing::instantiate_token(&mut app, &owner, "BTT", &HOLDERS, btt(100_000));
        let staking = btt_testing::instantiate_staking(&mut app, &owner, &token, 21 * 86_400);
        let points_id = app.store_code(points_code());
        let msg = InstantiateMsg {
            token: token.to_string(),
            fee_routing: btt_testing::treasury_routing(&app, "dao", &staking, &FEE_STREAMS),
            payfi: Some(payfi.to_string()),
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
        Self {
            app,
            token,
            points,
            payfi,
        }
    }

    /// payfi's feeders move the median of uusdc into BTT to `median` ubtt per uusdc (none: no
    /// fresh quorum).
    pub fn set_rate(&mut self, median: Option<Decimal>) {
        self.set_rates(median, None);
    }

    /// payfi's median of uusdc into BTT moves to `median` while its last accepted median
    /// stays `last` (ubtt per uusdc; none: the same as the median).
    pub fn set_rates(&mut self, median: Option<Decimal>, last: Option<Decimal>) {
        let feed = self.payfi.clone();
        let owner = self.addr("owner");
        self.app
            .execute_contract(
                owner,
                feed,
                &SetRate {
                    pay: USD.into(),
                    median,
                    last_median: last,
                },
                &[],
            )
            .unwrap();
    }

    /// The quote for `seats` seats of `tier` in `denom`.
    pub fn quote(
        &self,
        tier: u32,
        seats: Option<u32>,
        denom: &str,
    ) -> StdResult<SubscriptionQuoteResponse> {
        self.app.wrap().query_wasm_smart(
            &self.points,
            &QueryMsg::SubscriptionQuote {
                tier,
                seats,
                denom: denom.into(),
            },
        )
    }

    /// `who` subscribes `seats` seats of `tier`, sending `amount` BTT.
    pub fn subscribe_seats(
        &mut self,
        who: &str,
        tier: u32,
        seats: Option<u32>,
        amount: Uint128,
    ) -> Result<AppResponse, ContractError> {
        self.send(
            who,
            amount,
            &ReceiveMsg::Subscribe {
                tier,
                referrer: None,
                seats,
            },
        )
    }

    /// `who` subscribes `seats` seats of `tier` paying `funds` natively.
    pub fn subscribe_native(
        &mut self,
        who: &str,
        tier: u32,
        seats: Option<u32>,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let msg = ExecuteMsg::Subscribe {
            tier,
            referrer: None,
            seats,
        };
        self.execute_with_funds(who, &msg, funds)
    }

    /// `who`'s balance of `denom`.
    pub fn native_balance(&self, who: &str, denom: &str) -> Uint128 {
        self.app
            .wrap()
            .query_balance(self.addr(who), denom)
            .unwrap()
            .amount
    }

    /// `who` registers as the insurer `name`.
    pub fn register_insurer(
        &mut self,
        who: &str,
        name: &str,
    ) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::RegisterInsurer { name: name.into() })
    }

    /// The owner (the DAO) pauses the contract.
    pub fn pause(&mut self) {
        let pause = ExecuteMsg::Circuit(btt_types::circuit::CircuitMsg::Pause {
            reason: "test".into(),
        });
        self.execute("owner", &pause).unwrap();
    }

    /// The DAO changes the rules.
    pub fn update_rules(&mut self, rules: PointsRules) -> Result<AppResponse, ContractError> {
        self.execute(
            "owner",
            &ExecuteMsg::UpdateConfig(Box::new(btt_types::points::ConfigUpdate {
                rules: Some(rules),
                ..btt_types::points::ConfigUpdate::default()
            })),
        )
    }

    /// An insurer's record.
    pub fn insurer(&self, who: &str) -> StdResult<InsurerResponse> {
        self.app.wrap().query_wasm_smart(
            &self.points,
            &QueryMsg::Insurer {
                address: self.addr(who).to_string(),
            },
        )
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
        let price = self.quote(tier, None, "btt").unwrap().amount;
        let referrer = referrer.map(|r| self.addr(r).to_string());
        self.send(
            who,
            price,
            &ReceiveMsg::Subscribe {
                tier,
                referrer,
                seats: None,
            },
        )
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

    /// `provider` awards 500 preventive-visit points to fresh patients `{tag}-0`, `{tag}-1`, …
    /// until its budget refuses; returns how many it awarded.
    pub fn award_until_refused(&mut self, provider: &str, tag: &str) -> u64 {
        let mut awarded = 0;
        for i in 0..1_000 {
            match self.award(provider, &format!("{tag}-{i}"), "preventive visit", 500) {
                Ok(_) => awarded += 500,
                Err(ContractError::BudgetExceeded { .. }) => return awarded,
                Err(e) => panic!("unexpected {e:?}"),
            }
        }
        awarded
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
