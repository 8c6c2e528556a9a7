//! A chain with BTT, btt-staking and btt-dao. Alice, Bob, Carol and Dave hold 1,000,000 BTT
//! each; the DAO treasury holds 100,000 BTT; the DAO is wasm admin of staking.

use btt_testing::{contract_error, instantiate_token_code, token_code, Harness};
use btt_types::dao::{
    self, DaoContract, ExecuteMsg, InstantiateMsg, ProposalResponse, QueryMsg, Status,
    TallyResponse, TreasuryResponse, VoteOption, VotingRules,
};
use btt_types::staking::{self, LockTier, StakingContract};
use btt_types::token::TokenContract;
use btt_types::units::btt;
use cosmwasm_std::{coins, Addr, Coin, CosmosMsg, Decimal, Empty, Timestamp, Uint128, WasmMsg};
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query, reply};
use crate::ContractError;

pub const NATIVE: &str = "untrn";
pub const DAY: u64 = 86_400;
pub const VOTING_PERIOD: u64 = 7 * DAY;
pub const TIMELOCK: u64 = 2 * DAY;
pub const UNBONDING: u64 = 21 * DAY;
pub const SUNSET: u64 = 365 * DAY;
pub const DEPOSIT: Uint128 = btt(1_000);
pub const TREASURY: Uint128 = btt(100_000);
const HOLDERS: [&str; 4] = ["alice", "bob", "carol", "dave"];

pub fn dao_code() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(execute, instantiate, query)
            .with_reply(reply)
            .with_migrate(migrate),
    )
}

pub fn staking_code() -> Box<dyn Contract<Empty>> {
    use btt_staking::contract as s;
    Box::new(ContractWrapper::new(s::execute, s::instantiate, s::query).with_migrate(s::migrate))
}

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub staking: StakingContract,
    pub dao: DaoContract,
    pub dao_code_id: u64,
    pub token_code_id: u64,
    /// Block time at instantiate.
    pub start: Timestamp,
}

btt_testing::harness!(Suite);

impl Suite {
    pub fn new() -> Self {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            for who in ["alice", "foundation", "owner"] {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), coins(1_000, NATIVE))
                    .unwrap();
            }
        });
        let owner = app.api().addr_make("owner");
        let token_code_id = app.store_code(token_code());
        let staking_code_id = app.store_code(staking_code());
        let dao_code_id = app.store_code(dao_code());
        let token = instantiate_token(&mut app, token_code_id, "BTT");
        let staking = app
            .instantiate_contract(
                staking_code_id,
                owner.clone(),
                &staking::InstantiateMsg {
                    token: token.to_string(),
                    lock_tiers: vec![
                        LockTier {
                            name: "none".into(),
                            lock_seconds: 0,
                            multiplier: Decimal::one(),
                        },
                        LockTier {
                            name: "12 months".into(),
                            lock_seconds: 365 * DAY,
                            multiplier: Decimal::percent(150),
                        },
                    ],
                    unbonding_seconds: UNBONDING,
                    fee_tiers: vec![],
                    tier_age_seconds: 86_400,
                    reward_denoms: vec![NATIVE.into()],
                    reward_period_seconds: 7 * 86_400,
                    min_reward_power: cosmwasm_std::Uint128::one(),
                    owner: None,
                    dao: None,
                },
                &[],
                "staking",
                Some(owner.to_string()),
            )
            .unwrap();
        let start = app.block_info().time;
        let msg = instantiate_msg(
            &token,
            &staking,
            Some((
                app.api().addr_make("foundation"),
                start.plus_seconds(SUNSET),
            )),
        );
        let dao = app
            .instantiate_contract(
                dao_code_id,
                owner.clone(),
                &msg,
                &[],
                "dao",
                Some(owner.to_string()),
            )
            .unwrap();
        // The DAO is wasm admin of staking and of itself.
        for contract in [&staking, &dao] {
            app.execute(
                owner.clone(),
                WasmMsg::UpdateAdmin {
                    contract_addr: contract.to_string(),
                    admin: dao.to_string(),
                }
                .into(),
            )
            .unwrap();
        }
        let token = TokenContract(token);
        app.execute(owner.clone(), token.transfer_msg(&dao, TREASURY).unwrap())
            .unwrap();
        Self {
            app,
            token,
            staking: StakingContract(staking),
            dao: DaoContract(dao),
            dao_code_id,
            token_code_id,
            start,
        }
    }

    pub fn stake(&mut self, who: &str, amount: Uint128) {
        let msg = self.staking.stake_msg(&self.token, amount, 0).unwrap();
        self.app.execute(self.addr(who), msg).unwrap();
    }

    pub fn unbond_all(&mut self, who: &str) {
        let msg = self
            .staking
            .call(&staking::ExecuteMsg::Unbond {
                stake_id: 1,
                amount: None,
            })
            .unwrap();
        self.app.execute(self.addr(who), msg).unwrap();
    }

    /// Proposes with the right deposit; returns the new id.
    pub fn propose(&mut self, who: &str, msgs: Vec<CosmosMsg>) -> Result<u64, ContractError> {
        self.propose_with(who, DEPOSIT, "A proposal", msgs)
    }

    pub fn propose_with(
        &mut self,
        who: &str,
        deposit: Uint128,
        title: &str,
        msgs: Vec<CosmosMsg>,
    ) -> Result<u64, ContractError> {
        let msg = self
            .dao
            .propose_msg(&self.token, deposit, title, "Why it matters", msgs)
            .unwrap();
        let res = self
            .app
            .execute(self.addr(who), msg)
            .map_err(contract_error::<ContractError>)?;
        let id = res
            .events
            .iter()
            .flat_map(|e| &e.attributes)
            .find(|a| a.key == "proposal_id")
            .map(|a| a.value.parse().unwrap())
            .unwrap();
        Ok(id)
    }

    pub fn execute_with_funds(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.dao.addr().clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    pub fn vote(
        &mut self,
        who: &str,
        proposal_id: u64,
        vote: VoteOption,
    ) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::Vote { proposal_id, vote })
    }

    pub fn close(&mut self, proposal_id: u64) -> Result<AppResponse, ContractError> {
        self.execute("anyone", &ExecuteMsg::Close { proposal_id })
    }

    pub fn execute_proposal(&mut self, proposal_id: u64) -> Result<AppResponse, ContractError> {
        self.execute("anyone", &ExecuteMsg::Execute { proposal_id })
    }

    pub fn next_block(&mut self) {
        self.advance(5);
    }

    /// Votes end and the timelock passes.
    pub fn past_timelock(&mut self) {
        self.advance(VOTING_PERIOD + TIMELOCK);
    }

    pub fn proposal(&self, proposal_id: u64) -> ProposalResponse {
        self.dao.proposal(&self.app.wrap(), proposal_id).unwrap()
    }

    pub fn status(&self, proposal_id: u64) -> Status {
        self.proposal(proposal_id).status
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> T {
        self.app
            .wrap()
            .query_wasm_smart(self.dao.addr(), msg)
            .unwrap()
    }

    pub fn tally(&self, proposal_id: u64) -> TallyResponse {
        self.query(&QueryMsg::Tally { proposal_id })
    }

    /// `who` sends `amount` of BTT into the treasury's `fund` (the `Deposit` hook).
    pub fn deposit_btt(
        &mut self,
        who: &str,
        fund: btt_types::dao::Fund,
        amount: Uint128,
    ) -> Result<AppResponse, ContractError> {
        let msg = self
            .token
            .send_msg(
                self.dao.addr(),
                amount,
                &btt_types::dao::ReceiveMsg::Deposit { fund },
            )
            .unwrap();
        self.app
            .execute(self.addr(who), msg)
            .map_err(btt_testing::contract_error)
    }

    pub fn treasury(&self) -> TreasuryResponse {
        self.query(&QueryMsg::Treasury {
            denoms: vec![NATIVE.into()],
        })
    }

    pub fn balance(&self, who: &str) -> Uint128 {
        self.token
            .balance(&self.app.wrap(), self.addr(who))
            .unwrap()
    }

    /// `who`'s voting power now, as btt-staking reports it.
    pub fn staking_power(&self, who: &str) -> Uint128 {
        let res: staking::PowerResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                self.staking.addr(),
                &staking::QueryMsg::VotingPower {
                    address: self.addr(who).to_string(),
                    height: None,
                },
            )
            .unwrap();
        res.power
    }

    /// A message from the DAO to the DAO.
    pub fn to_dao(&self, msg: &ExecuteMsg) -> CosmosMsg {
        self.dao.call(msg).unwrap()
    }

    /// A BTT transfer from the treasury.
    pub fn pay(&self, to: &str, amount: Uint128) -> CosmosMsg {
        self.token.transfer_msg(self.addr(to), amount).unwrap()
    }

    /// Alice stakes 400, Bob 300, Carol 200 (Dave nothing), then a block passes.
    pub fn with_stakers(mut self) -> Self {
        self.stake("alice", btt(400));
        self.stake("bob", btt(300));
        self.stake("carol", btt(200));
        self.next_block();
        self
    }

    /// A proposal by Alice that passes with Alice's and Bob's Yes, voting over.
    pub fn passed(&mut self, msgs: Vec<CosmosMsg>) -> u64 {
        let id = self.propose("alice", msgs).unwrap();
        self.vote("alice", id, VoteOption::Yes).unwrap();
        self.vote("bob", id, VoteOption::Yes).unwrap();
        self.advance(VOTING_PERIOD);
        assert_eq!(self.status(id), Status::Passed);
        id
    }
}

pub fn instantiate_msg(
    token: &Addr,
    staking: &Addr,
    guardian: Option<(Addr, Timestamp)>,
) -> InstantiateMsg {
    InstantiateMsg {
        token: token.to_string(),
        staking: staking.to_string(),
        voting_period_seconds: VOTING_PERIOD,
        timelock_seconds: TIMELOCK,
        deposit: DEPOSIT,
        rules: VotingRules::default(),
        guardian: guardian.as_ref().map(|g| g.0.to_string()),
        guardian_sunset: guardian.map(|g| g.1),
    }
}

fn instantiate_token(app: &mut App, code_id: u64, symbol: &str) -> Addr {
    let owner = app.api().addr_make("owner");
    instantiate_token_code(app, code_id, &owner, symbol, &HOLDERS, btt(1_000_000))
}

pub use dao::VoteOption::{Abstain, No, NoWithVeto, Yes};
