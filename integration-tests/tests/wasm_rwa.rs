//! rwa-nft, rwa-shares and rwa-fractionalizer as optimized wasm in cosmwasm-vm: mint,
//! fractionalize (the vault instantiates its shares token by submessage and reply), list and buy
//! shares, transfer shares, deposit and claim income, bid — with gas; and share transfer and
//! income claim measured with 10 and with 10,000 holders already in the vault.

use btt_integration_tests::artifacts::read_artifact;
use btt_integration_tests::fixtures::{
    deploy_btt, deploy_rwa_nft, deploy_staking, rwa_fee_routing, RWA_BURN_THRESHOLD,
};
use btt_integration_tests::vm::{print_gas, Cw20OnChain, TxReport, WasmChain};
use btt_types::bps::Bps;
use btt_types::fractionalizer::{self as vaults, BuyoutParams, NftHook, VaultFees};
use btt_types::rwa_nft::{self, Complexity, MintAsset};
use btt_types::units::btt;
use cosmwasm_std::{to_json_binary, Addr, Decimal, Uint128};
use cw20::{Cw20Coin, Cw20ExecuteMsg};

struct Rwa {
    chain: WasmChain,
    token: Cw20OnChain,
    nft: Addr,
    vaults: Addr,
    shares: Cw20OnChain,
    clinic: Addr,
}

impl Rwa {
    /// Deploys the three RWA contracts, mints an MRI NFT (gas of the mint is returned) and
    /// fractionalizes it into 1,000,000 shares; then gives one share each to `holders` accounts.
    fn new(holders: usize) -> (Self, TxReport, TxReport) {
        let mut chain = WasmChain::new();
        let deployer = chain.addr("deployer");
        let clinic = chain.addr("clinic");
        let balances = ["clinic", "patient", "bidder", "bidder2"]
            .iter()
            .map(|w| Cw20Coin {
                address: chain.addr(w).to_string(),
                amount: btt(1_000_000),
            })
            .collect();
        let token = deploy_btt(&mut chain, &deployer, balances).unwrap();
        let staking = deploy_staking(&mut chain, &deployer, &token).unwrap();
        let nft = deploy_rwa_nft(&mut chain, &deployer, &token, &clinic).unwrap();
        let shares_code_id = chain.store_code(&read_artifact("rwa_shares").unwrap());
        let msg = vaults::InstantiateMsg {
            owner: None,
            nft: nft.to_string(),
            token: token.to_string(),
            staking: staking.to_string(),
            shares_code_id,
            native_denoms: vec![],
            fees: VaultFees {
                trade_by_priority: vec![Bps(100), Bps(80), Bps(60), Bps(50)],
                management: Bps(100),
                management_protocol: Bps(0),
                premium: btt(100),
                premium_seconds: 30 * 86_400,
            },
            fee_routing: rwa_fee_routing(&chain, &vaults::FEE_STREAMS),
            burn_threshold: RWA_BURN_THRESHOLD,
            buyout: BuyoutParams {
                min_factor: Decimal::percent(50),
                max_factor: Decimal::percent(300),
                duration: 3 * 86_400,
                extension: 900,
                min_increment: Bps(500),
                appraisal_floor: Decimal::percent(80),
            },
        };
        let vaults_addr = chain
            .instantiate(
                &read_artifact("rwa_fractionalizer").unwrap(),
                "rwa-fractionalizer",
                &deployer,
                &msg,
            )
            .unwrap()
            .0;
        let token = Cw20OnChain(token);
        let mint = rwa_nft::ReceiveMsg::Mint(rwa_nft::MintMsg {
            token_id: "mri-1".into(),
            owner: clinic.to_string(),
            token_uri: None,
            asset: MintAsset {
                class: "equipment".into(),
                description: "3T MRI scanner".into(),
                value: btt(500_000),
                denom: "btt".into(),
                appraiser: "Acme Appraisals".into(),
                complexity: Complexity::Simple,
                documents: vec![],
                jurisdiction: "CN-44".into(),
                regulatory_id: "NMPA-2025-0001".into(),
            },
        });
        let mint_gas = token
            .send(&mut chain, &clinic, &nft, btt(5_000), &mint)
            .unwrap();
        let hook = NftHook::Fractionalize {
            shares: Uint128::new(1_000_000),
            symbol: "MRI".into(),
            denom: "btt".into(),
            reserve_price: btt(500_000),
            curator: None,
        };
        let send_nft = rwa_nft::ExecuteMsg::SendNft {
            contract: vaults_addr.to_string(),
            token_id: "mri-1".into(),
            msg: to_json_binary(&hook).unwrap(),
        };
        let fractionalize_gas = chain.execute(&clinic, &nft, &send_nft).unwrap();
        let v: vaults::VaultResponse = chain
            .query(&vaults_addr, &vaults::QueryMsg::Vault { vault_id: 1 })
            .unwrap();
        let mut rwa = Rwa {
            chain,
            token,
            nft,
            vaults: vaults_addr,
            shares: Cw20OnChain(v.vault.shares_token),
            clinic,
        };
        for i in 0..holders {
            let who = rwa.chain.addr(&format!("holder{i}"));
            rwa.transfer(&rwa.clinic.clone(), &who, 1).unwrap();
        }
        (rwa, mint_gas, fractionalize_gas)
    }

    fn transfer(&mut self, from: &Addr, to: &Addr, amount: u128) -> anyhow::Result<TxReport> {
        let msg = Cw20ExecuteMsg::Transfer {
            recipient: to.to_string(),
            amount: Uint128::new(amount),
        };
        let shares = self.shares.0.clone();
        self.chain.execute(from, &shares, &msg)
    }

    fn deposit(&mut self, amount: Uint128) -> anyhow::Result<TxReport> {
        let (clinic, vaults) = (self.clinic.clone(), self.vaults.clone());
        let hook = vaults::ReceiveMsg::DepositIncome { vault_id: 1 };
        self.token
            .send(&mut self.chain, &clinic, &vaults, amount, &hook)
    }

    fn claim(&mut self, who: &Addr) -> anyhow::Result<TxReport> {
        let vaults = self.vaults.clone();
        self.chain.execute(
            who,
            &vaults,
            &vaults::ExecuteMsg::ClaimIncome { vault_id: 1 },
        )
    }

    fn holder(&mut self, who: &Addr) -> vaults::HolderResponse {
        let vaults = self.vaults.clone();
        let q = vaults::QueryMsg::Holder {
            vault_id: 1,
            address: who.to_string(),
        };
        self.chain.query(&vaults, &q).unwrap()
    }

    /// Transfer 10 shares to a probe account, deposit income, claim it: the gas of transfer
    /// and claim.
    fn probe(&mut self) -> [u64; 2] {
        let probe = self.chain.addr("probe");
        let clinic = self.clinic.clone();
        let transfer = self.transfer(&clinic, &probe, 10).unwrap().total_gas();
        self.deposit(btt(1_000)).unwrap();
        let claim = self.claim(&probe).unwrap().total_gas();
        [transfer, claim]
    }
}

#[test]
fn mint_fractionalize_trade_earn_and_bid_run_as_real_wasm() {
    let (mut rwa, mint, fractionalize) = Rwa::new(0);
    print_gas("mint", &mint);
    print_gas("fractionalize", &fractionalize);
    let (clinic, patient) = (rwa.clinic.clone(), rwa.chain.addr("patient"));
    let vaults_addr = rwa.vaults.clone();
    assert_eq!(
        rwa.shares.balance(&rwa.chain, &clinic).unwrap(),
        Uint128::new(1_000_000)
    );

    // list 400,000 shares at 0.5 BTT and sell them to a patient
    let allowance = Cw20ExecuteMsg::IncreaseAllowance {
        spender: vaults_addr.to_string(),
        amount: Uint128::new(400_000),
        expires: None,
    };
    let shares = rwa.shares.0.clone();
    rwa.chain.execute(&clinic, &shares, &allowance).unwrap();
    let list = vaults::ExecuteMsg::List {
        vault_id: 1,
        shares: Uint128::new(400_000),
        price_per_share: btt(1) / Uint128::new(2),
    };
    print_gas(
        "list",
        &rwa.chain.execute(&clinic, &vaults_addr, &list).unwrap(),
    );
    let buy = vaults::ReceiveMsg::Buy {
        listing_id: 1,
        shares: Uint128::new(400_000),
    };
    // 200,000 BTT + 1% fee
    let report = rwa
        .token
        .send(&mut rwa.chain, &patient, &vaults_addr, btt(202_000), &buy)
        .unwrap();
    print_gas("buy shares", &report);
    assert_eq!(rwa.holder(&patient).shares, Uint128::new(400_000));
    assert_eq!(
        rwa.shares.balance(&rwa.chain, &patient).unwrap(),
        Uint128::new(400_000)
    );

    print_gas(
        "transfer shares",
        &rwa.transfer(&patient, &clinic, 100_000).unwrap(),
    );
    print_gas("deposit income", &rwa.deposit(btt(10_000)).unwrap());
    let report = rwa.claim(&patient).unwrap();
    print_gas("claim income", &report);
    assert_eq!(
        rwa.token.balance(&rwa.chain, &patient).unwrap(),
        btt(800_000) - btt(2_000) + btt(3_000)
    );

    let bid = vaults::ReceiveMsg::Bid { vault_id: 1 };
    let bidder = rwa.chain.addr("bidder");
    print_gas(
        "bid",
        &rwa.token
            .send(&mut rwa.chain, &bidder, &vaults_addr, btt(500_000), &bid)
            .unwrap(),
    );
    let bidder2 = rwa.chain.addr("bidder2");
    print_gas(
        "outbid",
        &rwa.token
            .send(&mut rwa.chain, &bidder2, &vaults_addr, btt(525_000), &bid)
            .unwrap(),
    );
    assert_eq!(
        rwa.token.balance(&rwa.chain, &bidder).unwrap(),
        btt(1_000_000)
    );
    let nft = rwa.nft.clone();
    let owner: cw721::msg::OwnerOfResponse = rwa
        .chain
        .query(
            &nft,
            &rwa_nft::QueryMsg::OwnerOf {
                token_id: "mri-1".into(),
                include_expired: None,
            },
        )
        .unwrap();
    assert_eq!(owner.owner, vaults_addr.to_string());
}

#[test]
fn share_transfer_and_income_claim_cost_the_same_with_10_and_10_000_holders() {
    let mut measured = vec![];
    for holders in [10, 10_000] {
        let (mut rwa, _, _) = Rwa::new(holders);
        let gas = rwa.probe();
        println!(
            "gas with {holders:>6} holders: transfer {}, claim {}",
            gas[0], gas[1]
        );
        measured.push(gas);
    }
    for (i, step) in ["share transfer", "income claim"].iter().enumerate() {
        let (few, many) = (measured[0][i] as f64, measured[1][i] as f64);
        let change = (many - few) / few * 100.0;
        println!("{step}: {few} → {many} gas ({change:+.2}%)");
        assert!(
            change.abs() <= 10.0,
            "{step} gas moved {change:.2}% with 10,000 holders"
        );
    }
}
