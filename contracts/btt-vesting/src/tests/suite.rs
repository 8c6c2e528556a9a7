//! A chain with BTT and btt-vesting, the owner holding the whole supply.

use btt_testing::{contract_error, token_code, Harness};
use btt_types::token::{self, TokenContract};
use btt_types::units::{btt, MONTH_SECONDS, TOTAL_SUPPLY};
use btt_types::vesting::{
    CurveSpec, ExecuteMsg, InstantiateMsg, NewSchedule, QueryMsg, ReceiveMsg, ScheduleResponse,
    SchedulesResponse, TotalsResponse, TrancheSpec, VestingStatus,
};
use cosmwasm_std::{coins, to_json_binary, Addr, Coin, Empty, Timestamp, Uint128};
use cw20::{Cw20Coin, Cw20ReceiveMsg};
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const NATIVE: &str = "untrn";

pub fn vesting_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

/// A delay + linear curve starting at `start`, in months.
pub fn linear(start: Timestamp, delay_months: u64, linear_months: u64) -> CurveSpec {
    CurveSpec::DelayedLinear {
        start,
        delay_seconds: delay_months * MONTH_SECONDS,
        linear_seconds: linear_months * MONTH_SECONDS,
    }
}

/// `count` tranches of `each` whole BTT, one every `every_months` from `start`.
pub fn quarterly(start: Timestamp, count: u64, each: u128, every_months: u64) -> CurveSpec {
    CurveSpec::Milestones {
        tranches: (1..=count)
            .map(|i| TrancheSpec {
                amount: btt(each),
                not_before: start.plus_seconds(i * every_months * MONTH_SECONDS),
            })
            .collect(),
    }
}

/// Builds a schedule's curve from the genesis time.
type CurveAt = Box<dyn Fn(Timestamp) -> CurveSpec>;

#[derive(Default)]
pub struct SuiteBuilder {
    schedules: Vec<(&'static str, u128, CurveAt)>,
}

impl SuiteBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// A schedule of `amount` whole BTT for `who`, its curve built from the genesis time.
    pub fn with_schedule(
        mut self,
        who: &'static str,
        amount: u128,
        curve: impl Fn(Timestamp) -> CurveSpec + 'static,
    ) -> Self {
        self.schedules.push((who, amount, Box::new(curve)));
        self
    }

    pub fn build(self) -> Suite {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            for who in ["owner", "alice", "bob", "mallory"] {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), coins(1_000, NATIVE))
                    .unwrap();
            }
        });
        let owner = app.api().addr_make("owner");
        let token_id = app.store_code(token_code());
        let vesting_id = app.store_code(vesting_code());
        let token = instantiate_btt(&mut app, token_id, &owner, "BTT");
        let vesting = app
            .instantiate_contract(
                vesting_id,
                owner.clone(),
                &InstantiateMsg {
                    token: token.to_string(),
                    owner: None,
                },
                &[],
                "vesting",
                Some(owner.to_string()),
            )
            .unwrap();
        let start = app.block_info().time;
        let mut suite = Suite {
            app,
            token,
            vesting,
            token_code_id: token_id,
            start,
        };
        if !self.schedules.is_empty() {
            let schedules: Vec<NewSchedule> = self
                .schedules
                .iter()
                .map(|(who, amount, curve)| suite.new_schedule(who, *amount, curve(start)))
                .collect();
            let total = schedules.iter().map(|s| s.amount).sum();
            suite.fund("owner", total, schedules).unwrap();
        }
        suite
    }
}

fn instantiate_btt(app: &mut App, code_id: u64, owner: &Addr, symbol: &str) -> Addr {
    let msg = token::InstantiateMsg {
        name: format!("{symbol} token"),
        symbol: symbol.into(),
        initial_balances: vec![Cw20Coin {
            address: owner.to_string(),
            amount: TOTAL_SUPPLY,
        }],
        marketing: None,
    };
    app.instantiate_contract(code_id, owner.clone(), &msg, &[], symbol, None)
        .unwrap()
}

pub struct Suite {
    pub app: App,
    pub token: Addr,
    pub vesting: Addr,
    pub token_code_id: u64,
    /// Block time at genesis; schedules in the builder start here.
    pub start: Timestamp,
}

btt_testing::harness!(Suite);

impl Suite {
    pub fn new_schedule(&self, who: &str, amount: u128, curve: CurveSpec) -> NewSchedule {
        NewSchedule {
            beneficiary: self.addr(who).to_string(),
            category: format!("{who}'s allocation"),
            amount: btt(amount),
            curve,
        }
    }

    /// `who` sends `amount` BTT to vesting with a CreateSchedules hook.
    pub fn fund(
        &mut self,
        who: &str,
        amount: Uint128,
        schedules: Vec<NewSchedule>,
    ) -> Result<AppResponse, ContractError> {
        let token = self.token.clone();
        self.fund_with_token(who, &token, amount, schedules)
    }

    pub fn fund_with_token(
        &mut self,
        who: &str,
        token: &Addr,
        amount: Uint128,
        schedules: Vec<NewSchedule>,
    ) -> Result<AppResponse, ContractError> {
        let msg = TokenContract(token.clone())
            .send_msg(
                &self.vesting,
                amount,
                &ReceiveMsg::CreateSchedules { schedules },
            )
            .unwrap();
        let sender = self.addr(who);
        self.app.execute(sender, msg).map_err(contract_error)
    }

    /// A second cw20 with the same code (its own 21M supply held by the owner).
    pub fn other_token(&mut self) -> Addr {
        let owner = self.addr("owner");
        instantiate_btt(&mut self.app, self.token_code_id, &owner, "FAKE")
    }

    pub fn execute_with_funds(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.vesting.clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    /// Calls `Receive` directly, as if `who` were a cw20 contract.
    pub fn fake_receive(
        &mut self,
        who: &str,
        funder: &str,
        amount: Uint128,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let msg = ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: self.addr(funder).to_string(),
            amount,
            msg: to_json_binary(&ReceiveMsg::CreateSchedules {
                schedules: vec![self.new_schedule("alice", 1, linear(self.start, 0, 1))],
            })
            .unwrap(),
        });
        self.execute_with_funds(who, &msg, funds)
    }

    pub fn claim(&mut self, who: &str, schedule_id: u64) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::Claim { schedule_id })
    }

    pub fn approve(
        &mut self,
        who: &str,
        schedule_id: u64,
        tranche: u32,
    ) -> Result<AppResponse, ContractError> {
        self.execute(
            who,
            &ExecuteMsg::ApproveTranche {
                schedule_id,
                tranche,
            },
        )
    }

    /// Moves the chain to `months` (and `seconds`) after genesis.
    pub fn at_month(&mut self, months: u64, seconds: u64) {
        let time = self.start.plus_seconds(months * MONTH_SECONDS + seconds);
        assert!(time >= self.app.block_info().time, "time runs forward only");
        self.app.update_block(|block| {
            block.time = time;
            block.height += 1;
        });
    }

    pub fn balance(&self, who: &str) -> Uint128 {
        self.balance_of(&self.addr(who))
    }

    pub fn balance_of(&self, addr: &Addr) -> Uint128 {
        TokenContract(self.token.clone())
            .balance(&self.app.wrap(), addr)
            .unwrap()
    }

    pub fn schedule(&self, schedule_id: u64) -> ScheduleResponse {
        self.query(&QueryMsg::Schedule { schedule_id }).unwrap()
    }

    pub fn status(&self, schedule_id: u64, at: Option<Timestamp>) -> VestingStatus {
        self.query(&QueryMsg::Status { schedule_id, at }).unwrap()
    }

    pub fn schedules(&self, start_after: Option<u64>, limit: Option<u32>) -> SchedulesResponse {
        self.query(&QueryMsg::Schedules { start_after, limit })
            .unwrap()
    }

    pub fn schedules_of(
        &self,
        who: &str,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> SchedulesResponse {
        self.query(&QueryMsg::SchedulesByBeneficiary {
            beneficiary: self.addr(who).to_string(),
            start_after,
            limit,
        })
        .unwrap()
    }

    pub fn totals(&self) -> TotalsResponse {
        self.query(&QueryMsg::Totals {}).unwrap()
    }

    pub fn query<T: serde::de::DeserializeOwned>(
        &self,
        msg: &QueryMsg,
    ) -> cosmwasm_std::StdResult<T> {
        self.app.wrap().query_wasm_smart(&self.vesting, msg)
    }
}
