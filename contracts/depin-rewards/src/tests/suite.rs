//! BTT and depin-rewards funded with the 6,300,000 BTT pool; "escrow" is a plain account
//! standing in for compute-escrow; "oracle-a/b/c" are the DAO's oracles.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::compute::EnergyRating;
use btt_types::depin::{
    Attestation, EpochResponse, ExecuteMsg, InstantiateMsg, NodeEpochResponse, PayoutRules,
    PendingResponse, QueryMsg, ReceiveMsg, ScoreMultipliers, StateResponse, EPOCH_SECONDS,
    MINING_POOL,
};
use btt_types::token::{self, TokenContract};
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{coins, Addr, Coin, Decimal, Empty, Uint128};
use cw20::Cw20Coin;
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const NATIVE: &str = "untrn";

fn depin_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

fn token_code() -> Box<dyn Contract<Empty>> {
    use btt_token::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query))
}

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub depin: Addr,
}

btt_testing::harness!(Suite);

impl Suite {
    pub fn new() -> Self {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            router
                .bank
                .init_balance(storage, &api.addr_make("oracle-a"), coins(10, NATIVE))
                .unwrap();
        });
        let owner = app.api().addr_make("owner");
        let token_id = app.store_code(token_code());
        let token = app
            .instantiate_contract(
                token_id,
                owner.clone(),
                &token::InstantiateMsg {
                    name: "BTT".into(),
                    symbol: "BTT".into(),
                    initial_balances: vec![Cw20Coin {
                        address: owner.to_string(),
                        amount: TOTAL_SUPPLY,
                    }],
                    marketing: None,
                },
                &[],
                "btt",
                None,
            )
            .unwrap();
        let depin_id = app.store_code(depin_code());
        let addr = |n: &str| app.api().addr_make(n).to_string();
        let msg = InstantiateMsg {
            token: token.to_string(),
            escrow: Some(addr("escrow")),
            oracles: vec![addr("oracle-a"), addr("oracle-b"), addr("oracle-c")],
            start: app.block_info().time,
            multipliers: ScoreMultipliers::suggested(&["africa-east"]),
            payout: Self::permissive_payout(),
            owner: None,
        };
        let depin = app
            .instantiate_contract(depin_id, owner.clone(), &msg, &[], "depin", None)
            .unwrap();
        let token = TokenContract(token);
        let fund = token
            .send_msg(&depin, MINING_POOL, &ReceiveMsg::Fund {})
            .unwrap();
        app.execute(owner, fund).unwrap();
        Self { app, token, depin }
    }

    /// Payout rules under which the schedule's own tests run: one oracle is enough, and the
    /// carry is released whole (the attack tests set the real rules).
    pub fn permissive_payout() -> PayoutRules {
        PayoutRules {
            min_attestations: 1,
            fee_cap: Bps::FULL,
            max_carry_release: MINING_POOL,
        }
    }

    /// Sets the payout rules (as the DAO).
    pub fn set_payout(&mut self, payout: PayoutRules) {
        self.execute(
            "owner",
            &ExecuteMsg::UpdateConfig(btt_types::depin::ConfigUpdate {
                payout: Some(payout),
                ..btt_types::depin::ConfigUpdate::default()
            }),
        )
        .unwrap();
    }

    pub fn execute_with_funds(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.depin.clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    /// Units whose job paid fees far above any reward (the fee cap never binds).
    pub fn record(
        &mut self,
        node_id: u64,
        operator: &str,
        units: u64,
    ) -> Result<AppResponse, ContractError> {
        self.record_paid(node_id, operator, units, MINING_POOL)
    }

    /// Units whose job paid `fees` ubtt of protocol fees.
    pub fn record_paid(
        &mut self,
        node_id: u64,
        operator: &str,
        units: u64,
        fees: Uint128,
    ) -> Result<AppResponse, ContractError> {
        let operator = self.addr(operator).to_string();
        self.execute(
            "escrow",
            &ExecuteMsg::RecordUnits {
                node_id,
                operator,
                units,
                fees,
            },
        )
    }

    pub fn attest(
        &mut self,
        oracle: &str,
        epoch: u32,
        node_id: u64,
        uptime: u64,
    ) -> Result<AppResponse, ContractError> {
        let attestation = Attestation {
            uptime: Decimal::percent(uptime),
            qos_tier: 0,
            region: "eu-west".into(),
            energy: EnergyRating::C,
        };
        self.execute(
            oracle,
            &ExecuteMsg::Attest {
                epoch,
                node_id,
                attestation,
            },
        )
    }

    pub fn close(&mut self, limit: Option<u32>) -> Result<AppResponse, ContractError> {
        self.execute("anyone", &ExecuteMsg::CloseEpochs { limit })
    }

    pub fn claim(
        &mut self,
        who: &str,
        node_id: u64,
        limit: Option<u32>,
    ) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::Claim { node_id, limit })
    }

    /// Moves to the start of epoch `epoch`.
    pub fn move_to_epoch(&mut self, epoch: u32) {
        let start: StateResponse = self.query(&QueryMsg::State {});
        let now = self.app.block_info().time;
        let config: btt_types::depin::ConfigResponse = self.query(&QueryMsg::Config {});
        let target = config.start.plus_seconds(u64::from(epoch) * EPOCH_SECONDS);
        assert!(target >= now && epoch >= start.current_epoch);
        self.app.update_block(|b| {
            b.time = target;
            b.height += 1;
        });
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> T {
        self.app.wrap().query_wasm_smart(&self.depin, msg).unwrap()
    }

    pub fn epoch(&self, epoch: u32) -> EpochResponse {
        self.query(&QueryMsg::Epoch { epoch })
    }

    pub fn node_epoch(&self, node_id: u64, epoch: u32) -> NodeEpochResponse {
        self.query(&QueryMsg::NodeEpoch { node_id, epoch })
    }

    pub fn pending(&self, node_id: u64) -> Uint128 {
        let res: PendingResponse = self.query(&QueryMsg::Pending { node_id });
        res.amount
    }

    pub fn state(&self) -> StateResponse {
        self.query(&QueryMsg::State {})
    }

    /// The pool's books to the ubtt: what the schedule emitted for the closed epochs is paid,
    /// carried or owed to nodes that have not claimed yet.
    #[track_caller]
    pub fn assert_books(&self) {
        let s = self.state();
        assert_eq!(
            s.scheduled,
            s.paid + s.carry + s.owed,
            "scheduled {} = paid {} + carry {} + owed {}",
            s.scheduled,
            s.paid,
            s.carry,
            s.owed
        );
        let held = self.token.balance(&self.app.wrap(), &self.depin).unwrap();
        assert_eq!(held + s.paid, s.funded);
    }

    /// Sets the score multipliers (as the DAO).
    pub fn set_multipliers(&mut self, multipliers: ScoreMultipliers) -> AppResponse {
        self.execute(
            "owner",
            &ExecuteMsg::UpdateConfig(btt_types::depin::ConfigUpdate {
                multipliers: Some(multipliers),
                ..btt_types::depin::ConfigUpdate::default()
            }),
        )
        .unwrap()
    }

    /// The score rules of `epoch`.
    pub fn score_rules(&self, epoch: u32) -> btt_types::depin::ScoreRulesResponse {
        self.query(&QueryMsg::ScoreRules { epoch })
    }

    /// `who` sends `amount` of BTT to the pool with `Fund`.
    pub fn fund(&mut self, who: &str, amount: Uint128) -> Result<AppResponse, ContractError> {
        let msg = self
            .token
            .send_msg(&self.depin, amount, &ReceiveMsg::Fund {})
            .unwrap();
        self.app
            .execute(self.addr(who), msg)
            .map_err(btt_testing::contract_error)
    }

    pub fn balance(&self, who: &str) -> Uint128 {
        self.token
            .balance(&self.app.wrap(), self.addr(who))
            .unwrap()
    }
}
