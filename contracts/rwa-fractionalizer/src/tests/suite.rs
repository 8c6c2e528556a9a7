//! BTT, btt-staking, rwa-nft, rwa-shares and the fractionalizer on cw-multi-test. "clinic" is
//! the approved issuer; "alice", "bob", "carol" hold BTT and uusdc. Trade fees 1.0 / 0.8 / 0.6 /
//! 0.5% by staking priority, management 1% a year, premium 100 BTT for 30 days; signals 0.5–3×
//! the initial reserve; auctions run 3 days, extend by 15 minutes, increments 5%. Fees are routed
//! 40 / 20 / 10 / 10% to devfund, foundation, reserve and stakers, and 20% burned when the fee is
//! BTT and the transaction worth ≥ 10,000 BTT (the reserve's otherwise); a fifth of the
//! management fee goes to the protocol, 50 / 30 / 20%.

use btt_testing::{contract_error, Harness};
use btt_types::bps::Bps;
use btt_types::fractionalizer::{
    Auction, BuyoutParams, ExecuteMsg, HolderResponse, InstantiateMsg, NftHook, QueryMsg,
    ReceiveMsg, VaultFees, VaultResponse, FEE_STREAMS,
};
use btt_types::rwa_nft::{self as nft_msg, Complexity, MintAsset, NftFees};
use btt_types::staking::StakingContract;
use btt_types::token::TokenContract;
use btt_types::units::btt;
use cosmwasm_std::{coins, to_json_binary, Addr, Decimal, Empty, Timestamp, Uint128};
use cw20::{Cw20ExecuteMsg, Cw20QueryMsg, TokenInfoResponse};
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query, reply};
use crate::ContractError;

pub const USDC: &str = "uusdc";
pub const DAY: u64 = 86_400;
pub const HOLDERS: [&str; 5] = ["clinic", "alice", "bob", "carol", "dave"];
fn fractionalizer_code() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(execute, instantiate, query)
            .with_reply(reply)
            .with_migrate(migrate),
    )
}

fn shares_code() -> Box<dyn Contract<Empty>> {
    use rwa_shares::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
}

fn nft_code() -> Box<dyn Contract<Empty>> {
    use ::rwa_nft::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
}

pub fn fees() -> VaultFees {
    VaultFees {
        trade_by_priority: vec![Bps(100), Bps(80), Bps(60), Bps(50)],
        management: Bps(100),
        management_protocol: Bps(2_000),
        premium: btt(100),
        premium_seconds: 30 * DAY,
    }
}

pub fn buyout() -> BuyoutParams {
    BuyoutParams {
        min_factor: Decimal::percent(50),
        max_factor: Decimal::percent(300),
        duration: 3 * DAY,
        extension: 900,
        min_increment: Bps(500),
        // 5% of the MRI's 1,000,000 BTT appraisal: 50,000 BTT, the lowest signal of its
        // 100,000 BTT reserve, so the share-weighted rules decide (attacks.rs sets 80%).
        appraisal_floor: Decimal::percent(5),
    }
}

/// Builds a `Suite`; tweak the fractionalizer's config before `build`.
pub struct SuiteBuilder {
    pub fees: VaultFees,
    pub buyout: BuyoutParams,
    pub burn_threshold: Uint128,
}

impl Default for SuiteBuilder {
    fn default() -> Self {
        SuiteBuilder {
            fees: fees(),
            buyout: buyout(),
            burn_threshold: btt(10_000),
        }
    }
}

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub staking: StakingContract,
    pub nft: Addr,
    pub vaults: Addr,
    pub shares_code_id: u64,
}

impl Harness for Suite {
    fn app(&self) -> &App {
        &self.app
    }

    fn app_mut(&mut self) -> &mut App {
        &mut self.app
    }

    fn advance(&mut self, seconds: u64) {
        self.app_mut().update_block(|b| {
            b.time = b.time.plus_seconds(seconds);
            b.height += seconds / 5 + 1;
        });
    }
}

impl SuiteBuilder {
    pub fn instantiate_msg(&self, suite: &Suite) -> InstantiateMsg {
        InstantiateMsg {
            owner: None,
            nft: suite.nft.to_string(),
            token: suite.token.0.to_string(),
            staking: suite.staking.0.to_string(),
            shares_code_id: suite.shares_code_id,
            native_denoms: vec![USDC.into()],
            fees: self.fees.clone(),
            fee_routing: btt_testing::routing_for(
                &suite.app,
                &suite.staking.0,
                &FEE_STREAMS,
                btt_testing::rwa_fee_shares(),
            ),
            burn_threshold: self.burn_threshold,
            buyout: self.buyout.clone(),
        }
    }

    pub fn build(self) -> Suite {
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
        let staking = btt_testing::instantiate_staking(&mut app, &owner, &token, 21 * DAY);
        let nft_id = app.store_code(nft_code());
        let nft = instantiate_nft(&mut app, nft_id, &owner, &token, &staking);
        let shares_code_id = app.store_code(shares_code());
        let mut suite = Suite {
            app,
            token: TokenContract(token),
            staking: StakingContract(staking),
            nft,
            vaults: owner.clone(),
            shares_code_id,
        };
        let code = suite.app.store_code(fractionalizer_code());
        let msg = self.instantiate_msg(&suite);
        suite.vaults = suite
            .app
            .instantiate_contract(
                code,
                owner.clone(),
                &msg,
                &[],
                "vaults",
                Some(owner.to_string()),
            )
            .unwrap();
        suite
    }
}

/// An rwa-nft with "clinic" as issuer and "appraiser" appointed.
pub fn instantiate_nft(
    app: &mut App,
    code: u64,
    owner: &Addr,
    token: &Addr,
    staking: &Addr,
) -> Addr {
    let api = *app.api();
    let msg = nft_msg::InstantiateMsg {
        name: "BTT medical assets".into(),
        symbol: "BTTRWA".into(),
        owner: None,
        token: token.to_string(),
        issuers: vec![api.addr_make("clinic").to_string()],
        appraisers: vec![api.addr_make("appraiser").to_string()],
        native_denoms: vec![USDC.into()],
        fees: NftFees::suggested(),
        fee_routing: btt_testing::routing_for(
            app,
            staking,
            &nft_msg::FEE_STREAMS,
            btt_testing::rwa_fee_shares(),
        ),
        burn_threshold: btt(10_000),
    };
    app.instantiate_contract(code, owner.clone(), &msg, &[], "rwa-nft", None)
        .unwrap()
}

pub fn mri(value: Uint128, denom: &str) -> MintAsset {
    MintAsset {
        class: "equipment".into(),
        description: "3T MRI scanner, installed 2025".into(),
        value,
        denom: denom.into(),
        appraiser: "Acme Appraisals".into(),
        complexity: Complexity::Simple,
        documents: vec![],
        jurisdiction: "CN-44".into(),
        regulatory_id: "NMPA-2025-0001".into(),
    }
}

impl Suite {
    pub fn now(&self) -> Timestamp {
        self.app.block_info().time
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    pub fn execute_with_funds(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[cosmwasm_std::Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.vaults.clone();
        self.execute_on(who, &contract, msg, funds)
    }

    /// BTT sent to the fractionalizer with a hook.
    pub fn send_btt(
        &mut self,
        who: &str,
        amount: Uint128,
        hook: &ReceiveMsg,
    ) -> Result<AppResponse, ContractError> {
        let msg = Cw20ExecuteMsg::Send {
            contract: self.vaults.to_string(),
            amount,
            msg: to_json_binary(hook).unwrap(),
        };
        let (sender, token) = (self.addr(who), self.token.0.clone());
        self.app
            .execute_contract(sender, token, &msg, &[])
            .map_err(contract_error)
    }

    /// The clinic mints an asset appraised at `value` BTT, paying the 1% fee in BTT.
    pub fn mint(&mut self, token_id: &str, value: Uint128) {
        let fee = value.mul_ceil(Decimal::percent(1));
        let hook = nft_msg::ReceiveMsg::Mint(nft_msg::MintMsg {
            token_id: token_id.into(),
            owner: self.addr("clinic").to_string(),
            token_uri: None,
            asset: mri(value, "btt"),
        });
        let msg = Cw20ExecuteMsg::Send {
            contract: self.nft.to_string(),
            amount: fee,
            msg: to_json_binary(&hook).unwrap(),
        };
        let (sender, token) = (self.addr("clinic"), self.token.0.clone());
        self.app.execute_contract(sender, token, &msg, &[]).unwrap();
    }

    /// `owner` sends NFT `token_id` to `to` with the fractionalize hook.
    pub fn send_nft(
        &mut self,
        nft: &Addr,
        owner: &str,
        token_id: &str,
        hook: &NftHook,
    ) -> Result<AppResponse, ContractError> {
        let msg = nft_msg::ExecuteMsg::SendNft {
            contract: self.vaults.to_string(),
            token_id: token_id.into(),
            msg: to_json_binary(hook).unwrap(),
        };
        let sender = self.addr(owner);
        self.app
            .execute_contract(sender, nft.clone(), &msg, &[])
            .map_err(contract_error)
    }

    pub fn hook(shares: u128, denom: &str, reserve: Uint128) -> NftHook {
        NftHook::Fractionalize {
            shares: Uint128::new(shares),
            symbol: "MRI".into(),
            denom: denom.into(),
            reserve_price: reserve,
            curator: None,
        }
    }

    /// Mints an MRI NFT and fractionalizes it into `shares` for the clinic, paid in BTT, with an
    /// initial reserve of 100,000 BTT. Returns the vault id.
    pub fn vault(&mut self, token_id: &str, shares: u128) -> u64 {
        self.mint(token_id, btt(1_000_000));
        let nft = self.nft.clone();
        self.send_nft(
            &nft,
            "clinic",
            token_id,
            &Self::hook(shares, "btt", btt(100_000)),
        )
        .unwrap();
        self.query_totals_vaults()
    }

    fn query_totals_vaults(&self) -> u64 {
        let t: btt_types::fractionalizer::FractionalizerTotalsResponse = self
            .app
            .wrap()
            .query_wasm_smart(&self.vaults, &QueryMsg::Totals {})
            .unwrap();
        t.vaults
    }

    /// The reserve price view of a vault.
    pub fn reserve(&self, vault_id: u64) -> btt_types::fractionalizer::ReserveResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.vaults, &QueryMsg::ReservePrice { vault_id })
            .unwrap()
    }

    pub fn query_vault(&self, vault_id: u64) -> VaultResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.vaults, &QueryMsg::Vault { vault_id })
            .unwrap()
    }

    pub fn shares_token(&self, vault_id: u64) -> Addr {
        self.query_vault(vault_id).vault.shares_token
    }

    /// A cw20 message on a vault's shares token.
    pub fn shares(
        &mut self,
        vault_id: u64,
        who: &str,
        msg: &Cw20ExecuteMsg,
    ) -> anyhow::Result<AppResponse> {
        let token = self.shares_token(vault_id);
        let sender = self.addr(who);
        self.app.execute_contract(sender, token, msg, &[])
    }

    pub fn transfer_shares(&mut self, vault_id: u64, from: &str, to: &str, amount: u128) {
        let recipient = self.addr(to).to_string();
        self.shares(
            vault_id,
            from,
            &Cw20ExecuteMsg::Transfer {
                recipient,
                amount: Uint128::new(amount),
            },
        )
        .unwrap();
    }

    /// Shares sent back to the vault with a hook (`Redeem` or `RedeemNft`).
    pub fn send_shares(
        &mut self,
        vault_id: u64,
        who: &str,
        amount: u128,
        hook: &ReceiveMsg,
    ) -> Result<AppResponse, ContractError> {
        let msg = Cw20ExecuteMsg::Send {
            contract: self.vaults.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(hook).unwrap(),
        };
        self.shares(vault_id, who, &msg).map_err(contract_error)
    }

    pub fn approve_shares(&mut self, vault_id: u64, who: &str, amount: u128) {
        let spender = self.vaults.to_string();
        self.shares(
            vault_id,
            who,
            &Cw20ExecuteMsg::IncreaseAllowance {
                spender,
                amount: Uint128::new(amount),
                expires: None,
            },
        )
        .unwrap();
    }

    pub fn list(
        &mut self,
        who: &str,
        vault_id: u64,
        shares: u128,
        price: Uint128,
    ) -> Result<u64, ContractError> {
        let res = self.execute(
            who,
            &ExecuteMsg::List {
                vault_id,
                shares: Uint128::new(shares),
                price_per_share: price,
            },
        )?;
        let id = res
            .events
            .iter()
            .flat_map(|e| e.attributes.iter())
            .find(|a| a.key == "listing_id")
            .map(|a| a.value.parse().unwrap())
            .unwrap();
        Ok(id)
    }

    pub fn quote(
        &self,
        listing_id: u64,
        shares: u128,
        buyer: &str,
    ) -> btt_types::fractionalizer::QuoteResponse {
        self.app
            .wrap()
            .query_wasm_smart(
                &self.vaults,
                &QueryMsg::Quote {
                    listing_id,
                    shares: Uint128::new(shares),
                    buyer: self.addr(buyer).to_string(),
                },
            )
            .unwrap()
    }

    /// Buys with BTT, paying exactly the quote.
    pub fn buy(
        &mut self,
        who: &str,
        listing_id: u64,
        shares: u128,
    ) -> Result<AppResponse, ContractError> {
        let total = self.quote(listing_id, shares, who).total;
        self.send_btt(
            who,
            total,
            &ReceiveMsg::Buy {
                listing_id,
                shares: Uint128::new(shares),
            },
        )
    }

    pub fn deposit(
        &mut self,
        who: &str,
        vault_id: u64,
        amount: u128,
    ) -> Result<AppResponse, ContractError> {
        self.send_btt(
            who,
            Uint128::new(amount),
            &ReceiveMsg::DepositIncome { vault_id },
        )
    }

    pub fn claim(&mut self, who: &str, vault_id: u64) -> Result<AppResponse, ContractError> {
        self.execute(who, &ExecuteMsg::ClaimIncome { vault_id })
    }

    pub fn bid(
        &mut self,
        who: &str,
        vault_id: u64,
        amount: Uint128,
    ) -> Result<AppResponse, ContractError> {
        self.send_btt(who, amount, &ReceiveMsg::Bid { vault_id })
    }

    pub fn holder(&self, vault_id: u64, who: &str) -> HolderResponse {
        self.app
            .wrap()
            .query_wasm_smart(
                &self.vaults,
                &QueryMsg::Holder {
                    vault_id,
                    address: self.addr(who).to_string(),
                },
            )
            .unwrap()
    }

    pub fn claimable(&self, vault_id: u64, who: &str) -> u128 {
        self.holder(vault_id, who).claimable.u128()
    }

    pub fn auction(&self, vault_id: u64) -> Option<Auction> {
        self.app
            .wrap()
            .query_wasm_smart(&self.vaults, &QueryMsg::Auction { vault_id })
            .unwrap()
    }

    pub fn btt_of(&self, who: &Addr) -> Uint128 {
        self.token.balance(&self.app.wrap(), who).unwrap()
    }

    pub fn btt_balance(&self, who: &str) -> Uint128 {
        self.btt_of(&self.addr(who))
    }

    pub fn share_balance(&self, vault_id: u64, who: &Addr) -> Uint128 {
        TokenContract(self.shares_token(vault_id))
            .balance(&self.app.wrap(), who)
            .unwrap()
    }

    pub fn shares_supply(&self, vault_id: u64) -> Uint128 {
        let info: TokenInfoResponse = self
            .app
            .wrap()
            .query_wasm_smart(self.shares_token(vault_id), &Cw20QueryMsg::TokenInfo {})
            .unwrap();
        info.total_supply
    }

    pub fn btt_supply(&self) -> Uint128 {
        self.token
            .token_info(&self.app.wrap())
            .unwrap()
            .total_supply
    }

    pub fn nft_owner(&self, token_id: &str) -> String {
        let res: cw721::msg::OwnerOfResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.nft,
                &nft_msg::QueryMsg::OwnerOf {
                    token_id: token_id.into(),
                    include_expired: None,
                },
            )
            .unwrap();
        res.owner
    }

    /// Stakes `amount` BTT for `who` with no lock (raises their fee tier).
    /// `who` stakes `amount`, and the stake ages until its fee tier counts.
    pub fn stake(&mut self, who: &str, amount: Uint128) {
        let msg = self.staking.stake_msg(&self.token, amount, 0).unwrap();
        let sender = self.addr(who);
        self.app.execute(sender, msg).unwrap();
        self.advance(btt_testing::TEST_TIER_AGE_SECONDS);
    }
}
