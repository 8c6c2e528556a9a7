//! A chain with BTT and btt-staking; every actor starts with 1,000,000 BTT.

use btt_testing::{contract_error, instantiate_token_code, token_code, Harness};
#[allow(unused_imports)]
pub use btt_types::staking::SUGGESTED_MIN_REWARD_POWER;
use btt_types::staking::{
    ConfigResponse, ExecuteMsg, FeeTier, InstantiateMsg, LockTier, PowerResponse, QueryMsg,
    StakerResponse, StakesResponse, StakingContract, TierResponse, TotalsResponse,
    UnbondingsResponse,
};
use btt_types::token::TokenContract;
use btt_types::units::btt;
use cosmwasm_std::{Addr, Coin, Empty, Uint128};
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const NATIVE: &str = "untrn";
pub const DAY: u64 = 86_400;
/// Unbonding period of the suite: 21 days.
pub const UNBONDING: u64 = 21 * DAY;
pub const ACTORS: [&str; 6] = ["alice", "bob", "carol", "dave", "erin", "owner"];

pub fn staking_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

/// A fee tier counts stake held for a week.
pub const TIER_AGE: u64 = 7 * 86_400;
/// Reward deposits stream over a week.
pub const REWARD_PERIOD: u64 = 7 * 86_400;

/// The suite's minimum reward power: 1 ubtt, so a stream pays out in full whenever anyone
/// stakes (the attack tests use the genesis value, [`SUGGESTED_MIN_REWARD_POWER`]).
pub const NO_MIN_REWARD_POWER: Uint128 = Uint128::one();

pub fn instantiate_msg(token: &Addr) -> InstantiateMsg {
    InstantiateMsg {
        token: token.to_string(),
        lock_tiers: LockTier::suggested(),
        unbonding_seconds: UNBONDING,
        fee_tiers: FeeTier::suggested(),
        tier_age_seconds: TIER_AGE,
        reward_denoms: vec![NATIVE.into()],
        reward_period_seconds: REWARD_PERIOD,
        min_reward_power: NO_MIN_REWARD_POWER,
        owner: None,
        dao: None,
    }
}

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub staking: StakingContract,
    pub token_code_id: u64,
    pub staking_code_id: u64,
}

btt_testing::harness!(Suite);

impl Suite {
    pub fn new() -> Self {
        Self::with_min_reward_power(NO_MIN_REWARD_POWER)
    }

    /// The suite with `min_reward_power` (e.g. the genesis value).
    pub fn with_min_reward_power(min_reward_power: Uint128) -> Self {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            for who in ACTORS {
                router
                    .bank
                    .init_balance(
                        storage,
                        &api.addr_make(who),
                        vec![
                            cosmwasm_std::coin(1_000, "uatom"),
                            cosmwasm_std::coin(1_000, NATIVE),
                        ],
                    )
                    .unwrap();
            }
        });
        let owner = app.api().addr_make("owner");
        let token_code_id = app.store_code(token_code());
        let staking_code_id = app.store_code(staking_code());
        let token = instantiate_token(&mut app, token_code_id, "BTT");
        let staking = app
            .instantiate_contract(
                staking_code_id,
                owner.clone(),
                &InstantiateMsg {
                    min_reward_power,
                    ..instantiate_msg(&token)
                },
                &[],
                "staking",
                Some(owner.to_string()),
            )
            .unwrap();
        Self {
            app,
            token: TokenContract(token),
            staking: StakingContract(staking),
            token_code_id,
            staking_code_id,
        }
    }

    /// A second cw20 with BTT's code and the same holders.
    pub fn fake_token(&mut self) -> TokenContract {
        let code = self.token_code_id;
        TokenContract(instantiate_token(&mut self.app, code, "FAKE"))
    }

    pub fn stake(
        &mut self,
        who: &str,
        amount: Uint128,
        tier: u32,
    ) -> Result<AppResponse, ContractError> {
        let msg = self.staking.stake_msg(&self.token, amount, tier).unwrap();
        self.app
            .execute(self.addr(who), msg)
            .map_err(contract_error)
    }

    pub fn stake_with(
        &mut self,
        token: &TokenContract,
        who: &str,
        amount: Uint128,
    ) -> Result<AppResponse, ContractError> {
        let msg = self.staking.stake_msg(token, amount, 0).unwrap();
        self.app
            .execute(self.addr(who), msg)
            .map_err(contract_error)
    }

    pub fn distribute(&mut self, who: &str, amount: Uint128) -> Result<AppResponse, ContractError> {
        let msg = self.staking.distribute_msg(&self.token, amount).unwrap();
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
        let contract = self.staking.addr().clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    pub fn unbond(
        &mut self,
        who: &str,
        stake_id: u64,
        amount: Option<Uint128>,
    ) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::Unbond { stake_id, amount })
    }

    pub fn claim_unbonded(
        &mut self,
        who: &str,
        limit: Option<u32>,
    ) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::ClaimUnbonded { limit })
    }

    pub fn claim_rewards(&mut self, who: &str) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::ClaimRewards {})
    }

    /// Moves time forward by `seconds` and the height by one block.
    pub fn height(&self) -> u64 {
        self.app.block_info().height
    }

    pub fn balance(&self, who: &str) -> Uint128 {
        self.token
            .balance(&self.app.wrap(), self.addr(who))
            .unwrap()
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> T {
        self.app
            .wrap()
            .query_wasm_smart(self.staking.addr(), msg)
            .unwrap()
    }

    /// `who` adds native `amount` of `denom` to the rewards.
    pub fn distribute_native(
        &mut self,
        who: &str,
        funds: &[cosmwasm_std::Coin],
    ) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, &ExecuteMsg::DistributeRewards {}, funds)
    }

    /// What `who` could claim now in `denom` ("btt" or a native denom).
    pub fn rewards_in(&self, who: &str, denom: &str) -> Uint128 {
        self.staker(who)
            .rewards
            .into_iter()
            .find(|r| r.denom == denom)
            .map_or(Uint128::zero(), |r| r.amount)
    }

    /// What `who` could claim now in BTT.
    pub fn btt_rewards(&self, who: &str) -> Uint128 {
        self.rewards_in(who, "btt")
    }

    pub fn staker(&self, who: &str) -> StakerResponse {
        self.query(&QueryMsg::Staker {
            address: self.addr(who).to_string(),
        })
    }

    pub fn power(&self, who: &str, height: Option<u64>) -> Uint128 {
        let res: PowerResponse = self.query(&QueryMsg::VotingPower {
            address: self.addr(who).to_string(),
            height,
        });
        res.power
    }

    pub fn total_power(&self, height: Option<u64>) -> Uint128 {
        let res: PowerResponse = self.query(&QueryMsg::TotalPower { height });
        res.power
    }

    pub fn stakes(&self, who: &str) -> StakesResponse {
        self.query(&QueryMsg::Stakes {
            address: self.addr(who).to_string(),
            start_after: None,
            limit: None,
        })
    }

    pub fn unbondings(&self, who: &str, limit: Option<u32>) -> UnbondingsResponse {
        self.query(&QueryMsg::Unbondings {
            address: self.addr(who).to_string(),
            start_after: None,
            limit,
        })
    }

    pub fn tier(&self, who: &str) -> TierResponse {
        self.staking.tier(&self.app.wrap(), self.addr(who)).unwrap()
    }

    pub fn totals(&self) -> TotalsResponse {
        self.query(&QueryMsg::Totals {})
    }

    pub fn config(&self) -> ConfigResponse {
        self.query(&QueryMsg::Config {})
    }

    /// The BTT stream's waiting rewards, ubtt.
    pub fn btt_waiting(&self) -> Uint128 {
        self.totals().rewards[0].waiting
    }

    /// Pauses staking (as the owner).
    pub fn pause(&mut self) {
        self.execute(
            "owner",
            &ExecuteMsg::Circuit(btt_types::circuit::CircuitMsg::Pause {
                reason: "staking bug".into(),
            }),
        )
        .unwrap();
    }

    /// Unpauses staking (as the owner).
    pub fn unpause(&mut self) {
        self.execute(
            "owner",
            &ExecuteMsg::Circuit(btt_types::circuit::CircuitMsg::Unpause {}),
        )
        .unwrap();
    }
}

fn instantiate_token(app: &mut App, code_id: u64, symbol: &str) -> Addr {
    let owner = app.api().addr_make("owner");
    instantiate_token_code(app, code_id, &owner, symbol, &ACTORS[..5], btt(1_000_000))
}
