//! Asset tokenization on the embedded chain: the deployment of rwa-nft and rwa-fractionalizer,
//! and the main job's MRI scenario — a clinic tokenizes an MRI machine, has it revalued,
//! fractionalizes it into 1,000,000 shares paid in USDC, features the vault, sells 40% to two
//! patients, deposits lease income that everyone claims; a buyout auction (outbid, extended)
//! completes and every holder redeems. Fees, burns and the new BTT supply are reported.

use anyhow::Context;
use btt_deploy::chain::EconomyChain;
use btt_types::allocation::Category;
use btt_types::asset::Asset;
use btt_types::fee_router::RoutedTotal;
use btt_types::fractionalizer::{self as vaults, NftHook, VaultResponse};
use btt_types::rwa_nft::{self, Complexity, Document, MintAsset};
use btt_types::token::TokenContract;
use btt_types::units::{btt, format_btt, TOTAL_SUPPLY};
use cosmwasm_std::{coins, to_json_binary, Addr, Uint128};
use cw20::Cw20ExecuteMsg;
use serde::Serialize;

use crate::governance::advance;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_deploy::multitest::{BUYERS, PATIENTS};

const USDC: &str = "uusdc";

/// What the MRI scenario did.
#[derive(Debug, Clone, Serialize)]
pub struct RwaReport {
    /// Appraised value at mint and after revaluation, ubtt.
    pub appraised: Uint128,
    pub revalued: Uint128,
    /// Mint, revaluation and premium fees paid in BTT, ubtt (burned part included).
    pub btt_fees: Uint128,
    /// Share-trade fees paid in USDC, uusdc.
    pub trade_fees: Uint128,
    /// (patient, shares bought, uusdc paid incl. fee).
    pub purchases: Vec<(String, Uint128, Uint128)>,
    /// Lease income deposited, uusdc, and what each holder claimed.
    pub income: Uint128,
    pub claims: Vec<(String, Uint128)>,
    /// Management-fee shares minted to the clinic (the curator) and the protocol.
    pub fee_shares: Uint128,
    /// Reserve price when the first bid came, and the bids (bidder, uusdc).
    pub reserve_price: Uint128,
    pub bids: Vec<(String, Uint128)>,
    /// The winner, who now owns the NFT.
    pub winner: String,
    /// (holder, shares redeemed, uusdc received).
    pub redemptions: Vec<(String, Uint128, Uint128)>,
    /// Fees received by each recipient over the scenario: (recipient, denom, amount).
    pub fees_to: Vec<(String, String, Uint128)>,
    /// ubtt burned by the scenario, and the BTT total supply after it.
    pub burned: Uint128,
    pub total_supply: Uint128,
    /// What the vault holds at the end (USDC), and shares left.
    pub vault_usdc_left: Uint128,
    pub shares_left: Uint128,
    /// The DAO's management-fee shares, left for a proposal to redeem.
    pub dao_fee_shares: Uint128,
}

fn usdc<C: EconomyChain>(app: &C, who: &Addr) -> anyhow::Result<Uint128> {
    Ok(app.wrap().query_balance(who, USDC)?.amount)
}

/// `owner` sends its NFT `token_id` to the fractionalizer for 1,000,000 shares priced in USDC
/// with `reserve_price`; returns the new vault's id.
pub fn fractionalize<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    owner: &Addr,
    token_id: &str,
    symbol: &str,
    reserve_price: Uint128,
) -> anyhow::Result<u64> {
    let hook = NftHook::Fractionalize {
        shares: Uint128::new(1_000_000),
        symbol: symbol.into(),
        denom: USDC.into(),
        reserve_price,
        curator: None,
    };
    app.execute_contract(
        owner.clone(),
        deployment.nft.clone(),
        &rwa_nft::ExecuteMsg::SendNft {
            contract: deployment.vaults.to_string(),
            token_id: token_id.into(),
            msg: to_json_binary(&hook)?,
        },
        &[],
    )?;
    let totals: vaults::FractionalizerTotalsResponse = app
        .wrap()
        .query_wasm_smart(&deployment.vaults, &vaults::QueryMsg::Totals {})?;
    Ok(totals.vaults)
}

/// Runs the scenario at the current block (the clinic, CDHG, already holds BTT).
pub fn mri_scenario<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
) -> anyhow::Result<RwaReport> {
    let token = &deployment.token;
    let (nft, vaults_addr) = (deployment.nft.clone(), deployment.vaults.clone());
    let clinic = Addr::unchecked(&config.beneficiaries[&Category::ChinaDigitalHealthcareGroup]);
    let appraiser = Addr::unchecked(&config.rwa.appraisers[0]);
    let supply_before = token.token_info(&app.wrap())?.total_supply;
    let dao = deployment.dao.addr().clone();
    let foundation =
        Addr::unchecked(&config.beneficiaries[&Category::TechnicalDevelopmentFoundation]);
    let holdings = |app: &C| -> anyhow::Result<[Uint128; 4]> {
        Ok([
            token.balance(&app.wrap(), &dao)?,
            usdc(app, &dao)?,
            token.balance(&app.wrap(), &foundation)?,
            usdc(app, &foundation)?,
        ])
    };
    let held_before = holdings(app)?;

    // Mint: a 3T MRI scanner appraised at 60,000 BTT, simple appraisal (1% = 600 BTT).
    let appraised = btt(60_000);
    let mint = rwa_nft::ReceiveMsg::Mint(rwa_nft::MintMsg {
        token_id: "mri-0001".into(),
        owner: clinic.to_string(),
        token_uri: Some("https://clinic.example/assets/mri-0001".into()),
        asset: MintAsset {
            class: "equipment".into(),
            description: "Siemens 3T MRI scanner, imaging wing, installed 2025".into(),
            value: appraised,
            denom: "btt".into(),
            appraiser: "Guangdong Medical Equipment Appraisals".into(),
            complexity: Complexity::Simple,
            documents: vec![Document {
                sha256: "9f2c".repeat(16),
                uri: "ipfs://bafybeigdyrmri0001registration".into(),
            }],
            jurisdiction: "CN-44".into(),
            regulatory_id: "NMPA-2025-MRI-0001".into(),
        },
    });
    let fee = appraised.mul_ceil(config.rwa.nft_fees.simple.to_decimal());
    app.execute(clinic.clone(), token.send_msg(&nft, fee, &mint)?)
        .context("minting the MRI NFT")?;
    // Revaluation: the appraiser proposes 64,000 BTT, the clinic accepts (0.25% = 160 BTT).
    let revalued = btt(64_000);
    app.execute_contract(
        appraiser,
        nft.clone(),
        &rwa_nft::ExecuteMsg::Appraise {
            token_id: "mri-0001".into(),
            value: revalued,
            report_sha256: "41b7".repeat(16),
        },
        &[],
    )?;
    let reval_fee = revalued.mul_ceil(config.rwa.nft_fees.revaluation.to_decimal());
    let accept = rwa_nft::ReceiveMsg::AcceptRevaluation {
        token_id: "mri-0001".into(),
    };
    app.execute(clinic.clone(), token.send_msg(&nft, reval_fee, &accept)?)?;

    // Fractionalize into 1,000,000 shares paid in USDC; reserve 320,000 USDC (1 BTT = 5 USDC).
    let vault_id = fractionalize(
        app,
        deployment,
        &clinic,
        "mri-0001",
        "MRI",
        Uint128::new(320_000_000_000),
    )
    .context("fractionalizing the MRI")?;
    let vault = |app: &C| -> anyhow::Result<VaultResponse> {
        Ok(app
            .wrap()
            .query_wasm_smart(&vaults_addr, &vaults::QueryMsg::Vault { vault_id })?)
    };
    let shares = vault(app)?.vault.shares_token;
    // Premium listing for 30 days.
    let premium = config.rwa.vault_fees.premium;
    app.execute(
        clinic.clone(),
        token.send_msg(
            &vaults_addr,
            premium,
            &vaults::ReceiveMsg::Feature { vault_id },
        )?,
    )?;
    let btt_fees = fee + reval_fee + premium;

    // Sell 40% to two patients at 0.32 USDC a share.
    app.execute_contract(
        clinic.clone(),
        shares.clone(),
        &Cw20ExecuteMsg::IncreaseAllowance {
            spender: vaults_addr.to_string(),
            amount: Uint128::new(400_000),
            expires: None,
        },
        &[],
    )?;
    app.execute_contract(
        clinic.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::List {
            vault_id,
            shares: Uint128::new(400_000),
            price_per_share: Uint128::new(320_000),
        },
        &[],
    )?;
    let listing_id = 1;
    let mut purchases = vec![];
    let mut trade_fees = Uint128::zero();
    for patient in PATIENTS {
        let who = app.addr_make(patient);
        let q: vaults::QuoteResponse = app.wrap().query_wasm_smart(
            &vaults_addr,
            &vaults::QueryMsg::Quote {
                listing_id,
                shares: Uint128::new(200_000),
                buyer: who.to_string(),
            },
        )?;
        app.execute_contract(
            who,
            vaults_addr.clone(),
            &vaults::ExecuteMsg::Buy {
                listing_id,
                shares: Uint128::new(200_000),
            },
            &coins(q.total.u128(), USDC),
        )
        .with_context(|| format!("{patient} buying shares"))?;
        trade_fees += q.fee;
        purchases.push((patient.to_string(), Uint128::new(200_000), q.total));
    }

    // A month of lease income: 12,000 USDC from the clinic, the asset's operator.
    advance(app, 30 * 86_400);
    let income = Uint128::new(12_000_000_000);
    app.execute_contract(
        clinic.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::DepositIncome { vault_id },
        &coins(income.u128(), USDC),
    )?;
    let mut claims = vec![];
    let holders: Vec<(String, Addr)> = std::iter::once(("clinic".to_string(), clinic.clone()))
        .chain(PATIENTS.iter().map(|p| (p.to_string(), app.addr_make(p))))
        .collect();
    for (name, who) in &holders {
        let before = usdc(app, who)?;
        app.execute_contract(
            who.clone(),
            vaults_addr.clone(),
            &vaults::ExecuteMsg::ClaimIncome { vault_id },
            &[],
        )?;
        claims.push((name.clone(), usdc(app, who)? - before));
    }
    let supply_before_fee = vault(app)?.vault.supply;
    app.execute_contract(
        clinic.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::CollectFees { vault_id },
        &[],
    )?;
    let fee_shares = vault(app)?.vault.supply - supply_before_fee;

    // Buyout: one patient signals a higher reserve; the hospital bids it, an imaging company
    // outbids near the end (extending the auction); the hospital is refunded.
    let alice = app.addr_make(PATIENTS[0]);
    app.execute_contract(
        alice,
        vaults_addr.clone(),
        &vaults::ExecuteMsg::SignalReserve {
            vault_id,
            price: Some(Uint128::new(400_000_000_000)),
        },
        &[],
    )?;
    let reserve_price = vault(app)?.reserve_price;
    let hospital = app.addr_make(BUYERS[0]);
    let imaging = app.addr_make(BUYERS[1]);
    let outbid =
        reserve_price + reserve_price.mul_ceil(config.rwa.buyout.min_increment.to_decimal());
    let bid = |app: &mut C, who: &Addr, amount: Uint128| -> anyhow::Result<()> {
        app.execute_contract(
            who.clone(),
            vaults_addr.clone(),
            &vaults::ExecuteMsg::Bid { vault_id },
            &coins(amount.u128(), USDC),
        )?;
        Ok(())
    };
    let hospital_before = usdc(app, &hospital)?;
    bid(app, &hospital, reserve_price)?;
    advance(app, config.rwa.buyout.duration - 300);
    bid(app, &imaging, outbid)?;
    anyhow::ensure!(
        usdc(app, &hospital)? == hospital_before,
        "the outbid hospital was not refunded"
    );
    advance(app, config.rwa.buyout.extension);
    app.execute_contract(
        imaging.clone(),
        vaults_addr.clone(),
        &vaults::ExecuteMsg::SettleAuction { vault_id },
        &[],
    )?;
    let owner: cw721::msg::OwnerOfResponse = app.wrap().query_wasm_smart(
        &nft,
        &rwa_nft::QueryMsg::OwnerOf {
            token_id: "mri-0001".into(),
            include_expired: None,
        },
    )?;

    // Every holder redeems their shares for their part of the proceeds: the clinic, the
    // patients and the foundation (its part of the management fee). The DAO's fee shares stay
    // until a proposal redeems them.
    let mut redemptions = vec![];
    let redeemers = holders.iter().cloned().chain(std::iter::once((
        "foundation".to_string(),
        foundation.clone(),
    )));
    for (name, who) in redeemers {
        let who = &who;
        let held = TokenContract(shares.clone()).balance(&app.wrap(), who)?;
        let before = usdc(app, who)?;
        app.execute_contract(
            who.clone(),
            shares.clone(),
            &Cw20ExecuteMsg::Send {
                contract: vaults_addr.to_string(),
                amount: held,
                msg: to_json_binary(&vaults::ReceiveMsg::Redeem {})?,
            },
            &[],
        )
        .with_context(|| format!("{name} redeeming"))?;
        redemptions.push((name, held, usdc(app, who)? - before));
    }
    let end = vault(app)?;
    let dao_fee_shares = TokenContract(shares.clone()).balance(&app.wrap(), &dao)?;
    let held_after = holdings(app)?;
    let mut stakers = [Uint128::zero(); 2];
    for contract in [&nft, &vaults_addr] {
        let routed: Vec<RoutedTotal> = app
            .wrap()
            .query_wasm_smart(contract, &vaults::QueryMsg::FeesRouted {})?;
        for r in routed {
            match &r.asset {
                Asset::Cw20(a) if a == token.addr() => stakers[0] += r.routed.stakers,
                Asset::Native(d) if d == USDC => stakers[1] += r.routed.stakers,
                _ => {}
            }
        }
    }
    let fees_to = [
        ("btt-dao (development fund + reserve)", "BTT", 0),
        ("btt-dao (development fund + reserve)", "USDC", 1),
        ("foundation", "BTT", 2),
        ("foundation", "USDC", 3),
    ]
    .into_iter()
    .map(|(who, denom, i)| {
        (
            who.to_string(),
            denom.to_string(),
            held_after[i] - held_before[i],
        )
    })
    .chain(
        [("BTT", stakers[0]), ("USDC", stakers[1])]
            .map(|(denom, amount)| ("btt-staking (stakers)".into(), denom.into(), amount)),
    )
    .collect();
    let total_supply = token.token_info(&app.wrap())?.total_supply;
    Ok(RwaReport {
        appraised,
        revalued,
        btt_fees,
        trade_fees,
        purchases,
        income,
        claims,
        fee_shares,
        reserve_price,
        bids: vec![
            (BUYERS[0].to_string(), reserve_price),
            (BUYERS[1].to_string(), outbid),
        ],
        winner: if owner.owner == imaging.as_str() {
            BUYERS[1].to_string()
        } else {
            owner.owner
        },
        redemptions,
        fees_to,
        burned: supply_before - total_supply,
        total_supply,
        vault_usdc_left: usdc(app, &vaults_addr)?,
        shares_left: end.vault.supply,
        dao_fee_shares,
    })
}

fn usd(amount: Uint128) -> String {
    format!("{} USDC", format_btt(amount))
}

/// The scenario as the main job prints it.
pub fn render(r: &RwaReport) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line("\nAsset tokenization (month 8): an MRI machine".into());
    line(format!(
        "  minted at {} BTT, revalued to {} BTT; mint + revaluation + premium fees {} BTT",
        format_btt(r.appraised),
        format_btt(r.revalued),
        format_btt(r.btt_fees)
    ));
    line("  fractionalized into 1,000,000 shares; 40% sold to two patients at 0.32 USDC:".into());
    for (who, shares, paid) in &r.purchases {
        line(format!(
            "    {who:<16} {shares:>8} shares for {}",
            usd(*paid)
        ));
    }
    line(format!("  trade fees {}", usd(r.trade_fees)));
    line(format!("  lease income {} claimed:", usd(r.income)));
    for (who, amount) in &r.claims {
        line(format!("    {who:<16} {}", usd(*amount)));
    }
    line(format!(
        "  management fee: {} shares minted (1% a year), 80% to the clinic, 20% to the protocol",
        r.fee_shares
    ));
    line(format!("  buyout: reserve {}", usd(r.reserve_price)));
    for (who, amount) in &r.bids {
        line(format!("    bid {who:<18} {}", usd(*amount)));
    }
    line(format!("  {} won the auction and owns the NFT", r.winner));
    for (who, shares, got) in &r.redemptions {
        line(format!(
            "    {who:<16} redeemed {shares:>8} shares for {}",
            usd(*got)
        ));
    }
    line(format!(
        "  burned {} BTT; BTT total supply now {} ({} burned since genesis)",
        format_btt(r.burned),
        format_btt(r.total_supply),
        format_btt(TOTAL_SUPPLY - r.total_supply)
    ));
    line(format!(
        "  vault left with {} and {} shares: the DAO's management-fee shares ({}), redeemable by proposal",
        usd(r.vault_usdc_left),
        r.shares_left,
        r.dao_fee_shares
    ));
    out
}
