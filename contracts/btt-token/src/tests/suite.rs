//! A one-token chain: BTT instantiated with the whole supply split between two holders.

use btt_testing::{contract_error, Harness};
use btt_types::token::{
    ExecuteMsg, InstantiateMarketingInfo, InstantiateMsg, MigrateMsg, QueryMsg,
};
use btt_types::units::{btt, TOTAL_SUPPLY};
use cosmwasm_std::{coins, Addr, Coin, Empty, Uint128};
use cw20::{BalanceResponse, Cw20Coin, MarketingInfoResponse, MinterResponse, TokenInfoResponse};
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const NATIVE: &str = "untrn";

pub fn token_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

pub struct SuiteBuilder {
    balances: Vec<(&'static str, Uint128)>,
    funds: Vec<Coin>,
}

impl SuiteBuilder {
    /// Alice holds 20,000,000 BTT and Bob 1,000,000 BTT.
    pub fn new() -> Self {
        Self {
            balances: vec![("alice", btt(20_000_000)), ("bob", btt(1_000_000))],
            funds: vec![],
        }
    }

    /// Replaces the initial balances.
    pub fn with_balances(mut self, balances: &[(&'static str, Uint128)]) -> Self {
        self.balances = balances.to_vec();
        self
    }

    /// Attaches native funds to the instantiate.
    pub fn with_instantiate_funds(mut self, funds: Vec<Coin>) -> Self {
        self.funds = funds;
        self
    }

    pub fn try_build(self) -> Result<Suite, ContractError> {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            for who in ["alice", "bob", "admin"] {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), coins(1_000, NATIVE))
                    .unwrap();
            }
        });
        let admin = app.api().addr_make("admin");
        let code_id = app.store_code(token_code());
        let initial_balances = self
            .balances
            .iter()
            .map(|(who, amount)| Cw20Coin {
                address: app.api().addr_make(who).to_string(),
                amount: *amount,
            })
            .collect();
        let msg = InstantiateMsg {
            name: "BTT Healthcare Token".into(),
            symbol: "BTT".into(),
            initial_balances,
            marketing: Some(InstantiateMarketingInfo {
                project: Some("BTT healthcare economy".into()),
                description: Some("Fixed-supply token of the BTT economy".into()),
                marketing: Some(admin.to_string()),
                logo: None,
            }),
        };
        let token = app
            .instantiate_contract(
                code_id,
                admin.clone(),
                &msg,
                &self.funds,
                "btt",
                Some(admin.to_string()),
            )
            .map_err(contract_error::<ContractError>)?;
        Ok(Suite { app, token, admin })
    }

    pub fn build(self) -> Suite {
        self.try_build().unwrap()
    }
}

pub struct Suite {
    pub app: App,
    pub token: Addr,
    pub admin: Addr,
}

btt_testing::harness!(Suite);

impl Suite {
    pub fn execute_with_funds(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.token.clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    pub fn transfer(
        &mut self,
        from: &str,
        to: &str,
        amount: Uint128,
    ) -> Result<AppResponse, ContractError> {
        let recipient = self.addr(to).to_string();
        self.execute(from, &ExecuteMsg::Transfer { recipient, amount })
    }

    /// `owner` lets `spender` move `amount` more of its BTT.
    pub fn approve(
        &mut self,
        owner: &str,
        spender: &str,
        amount: Uint128,
    ) -> Result<AppResponse, ContractError> {
        let spender = self.addr(spender).to_string();
        self.execute(
            owner,
            &ExecuteMsg::IncreaseAllowance {
                spender,
                amount,
                expires: None,
            },
        )
    }

    /// `spender` moves `amount` of `owner`'s BTT to `recipient`.
    pub fn transfer_from(
        &mut self,
        spender: &str,
        owner: &str,
        recipient: &str,
        amount: Uint128,
    ) -> Result<AppResponse, ContractError> {
        let owner = self.addr(owner).to_string();
        let recipient = self.addr(recipient).to_string();
        self.execute(
            spender,
            &ExecuteMsg::TransferFrom {
                owner,
                recipient,
                amount,
            },
        )
    }

    pub fn burn(&mut self, who: &str, amount: Uint128) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::Burn { amount })
    }

    pub fn migrate(&mut self, new_code_id: u64) -> Result<AppResponse, ContractError> {
        let admin = self.admin.clone();
        self.app
            .migrate_contract(admin, self.token.clone(), &MigrateMsg {}, new_code_id)
            .map_err(contract_error)
    }

    pub fn balance(&self, who: &str) -> Uint128 {
        let res: BalanceResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.token,
                &QueryMsg::Balance {
                    address: self.addr(who).to_string(),
                },
            )
            .unwrap();
        res.balance
    }

    pub fn token_info(&self) -> TokenInfoResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.token, &QueryMsg::TokenInfo {})
            .unwrap()
    }

    pub fn total_supply(&self) -> Uint128 {
        self.token_info().total_supply
    }

    pub fn minter(&self) -> Option<MinterResponse> {
        self.app
            .wrap()
            .query_wasm_smart(&self.token, &QueryMsg::Minter {})
            .unwrap()
    }

    pub fn marketing(&self) -> MarketingInfoResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.token, &QueryMsg::MarketingInfo {})
            .unwrap()
    }

    pub fn assert_supply(&self, expected: Uint128) {
        assert_eq!(self.total_supply(), expected);
    }

    pub fn assert_full_supply(&self) {
        self.assert_supply(TOTAL_SUPPLY);
    }
}
