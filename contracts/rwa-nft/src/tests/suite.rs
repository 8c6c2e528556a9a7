//! BTT, btt-staking and rwa-nft on cw-multi-test. "clinic" is the approved issuer, "appraiser"
//! appointed; fees 1/2/3% to mint and 0.25% to revalue, routed 40 / 20 / 10 / 10% to devfund,
//! foundation, reserve and stakers, and 20% burned when the fee is BTT and the asset is worth
//! ≥ 10,000 BTT (the reserve's otherwise).

use btt_testing::{contract_error, Harness};
use btt_types::rwa_nft::{
    AssetResponse, Complexity, Document, ExecuteMsg, InstantiateMsg, MintAsset, MintMsg, NftFees,
    QueryMsg, ReceiveMsg, FEE_STREAMS,
};
use btt_types::token::TokenContract;
use btt_types::units::btt;
use cosmwasm_std::{coins, to_json_binary, Addr, Coin, Empty, Uint128};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const USDC: &str = "uusdc";
pub const HOLDERS: [&str; 4] = ["clinic", "hospital", "patient", "appraiser"];

fn nft_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

pub struct SuiteBuilder {
    pub fees: NftFees,
}

impl Default for SuiteBuilder {
    fn default() -> Self {
        SuiteBuilder {
            fees: NftFees::suggested(),
        }
    }
}

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub nft: Addr,
}

btt_testing::harness!(Suite);

impl SuiteBuilder {
    pub fn instantiate_msg(&self, app: &App, token: &Addr, staking: &Addr) -> InstantiateMsg {
        let api = app.api();
        InstantiateMsg {
            name: "BTT medical assets".into(),
            symbol: "BTTRWA".into(),
            owner: None,
            token: token.to_string(),
            issuers: vec![api.addr_make("clinic").to_string()],
            appraisers: vec![api.addr_make("appraiser").to_string()],
            native_denoms: vec![USDC.into()],
            fees: self.fees.clone(),
            fee_routing: btt_testing::routing_for(
                app,
                staking,
                &FEE_STREAMS,
                btt_testing::rwa_fee_shares(),
            ),
            burn_threshold: btt(10_000),
        }
    }

    pub fn build(self) -> Result<Suite, ContractError> {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            for who in HOLDERS {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), coins(1_000_000_000_000, USDC))
                    .unwrap();
            }
        });
        let owner = app.api().addr_make("owner");
        let token =
            btt_testing::instantiate_token(&mut app, &owner, "BTT", &HOLDERS, btt(1_000_000));
        let staking = btt_testing::instantiate_staking(&mut app, &owner, &token, 21 * 86_400);
        let code = app.store_code(nft_code());
        let msg = self.instantiate_msg(&app, &token, &staking);
        let nft = app
            .instantiate_contract(
                code,
                owner.clone(),
                &msg,
                &[],
                "rwa-nft",
                Some(owner.to_string()),
            )
            .map_err(contract_error::<ContractError>)?;
        Ok(Suite {
            app,
            token: TokenContract(token),
            nft,
        })
    }
}

pub fn asset(value: Uint128, denom: &str, complexity: Complexity) -> MintAsset {
    MintAsset {
        class: "equipment".into(),
        description: "3T MRI scanner".into(),
        value,
        denom: denom.into(),
        appraiser: "Acme Appraisals".into(),
        complexity,
        documents: vec![Document {
            sha256: "ab".repeat(32),
            uri: "ipfs://bafy-mri-manual".into(),
        }],
        jurisdiction: "CN-44".into(),
        regulatory_id: "NMPA-2025-0001".into(),
    }
}

impl Suite {
    pub fn execute(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.nft.clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn send_btt(
        &mut self,
        who: &str,
        amount: Uint128,
        hook: &ReceiveMsg,
    ) -> Result<AppResponse, ContractError> {
        let msg = Cw20ExecuteMsg::Send {
            contract: self.nft.to_string(),
            amount,
            msg: to_json_binary(hook).unwrap(),
        };
        let (sender, token) = (self.addr(who), self.token.0.clone());
        self.app
            .execute_contract(sender, token, &msg, &[])
            .map_err(contract_error)
    }

    /// `issuer` mints `token_id` to itself, paying `fee` in BTT.
    pub fn mint_btt(
        &mut self,
        issuer: &str,
        token_id: &str,
        asset: MintAsset,
        fee: Uint128,
    ) -> Result<AppResponse, ContractError> {
        let hook = ReceiveMsg::Mint(MintMsg {
            token_id: token_id.into(),
            owner: self.addr(issuer).to_string(),
            token_uri: None,
            asset,
        });
        self.send_btt(issuer, fee, &hook)
    }

    pub fn mint_native(
        &mut self,
        issuer: &str,
        token_id: &str,
        asset: MintAsset,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let msg = ExecuteMsg::Mint(MintMsg {
            token_id: token_id.into(),
            owner: self.addr(issuer).to_string(),
            token_uri: Some("https://clinic.example/assets/mri".into()),
            asset,
        });
        self.execute(issuer, &msg, funds)
    }

    pub fn asset(&self, token_id: &str) -> AssetResponse {
        self.app
            .wrap()
            .query_wasm_smart(
                &self.nft,
                &QueryMsg::Asset {
                    token_id: token_id.into(),
                },
            )
            .unwrap()
    }

    pub fn btt_balance(&self, who: &str) -> Uint128 {
        self.token
            .balance(&self.app.wrap(), self.addr(who))
            .unwrap()
    }

    pub fn usdc_balance(&self, who: &str) -> Uint128 {
        self.app
            .wrap()
            .query_balance(self.addr(who), USDC)
            .unwrap()
            .amount
    }

    pub fn btt_supply(&self) -> Uint128 {
        self.token
            .token_info(&self.app.wrap())
            .unwrap()
            .total_supply
    }
}
