//! Asset tokenization, every month: the registered issuer mints providers' assets at their
//! true size (a scanner of millions of RMB) as the paper's tokenization volume accumulates; two of every three are fractionalized into a vault of
//! 1,000,000 shares priced in USDC, 40% listed and bought by investors; vaults pay lease income
//! monthly, holders claim it quarterly, investors trade shares, the vault's management fee is
//! collected; assets kept whole are revalued by the appraiser on their anniversary; and one
//! now and then the oldest vault still trading is bought out at auction and its holders redeem.

use btt_deploy::chain::{wasm_attr, EconomyChain};
use btt_types::fractionalizer::{self as vaults, NftHook, VaultResponse};
use btt_types::rwa_nft::{self, Complexity, Document, MintAsset};
use btt_types::token::TokenContract;
use cosmwasm_std::{coins, to_json_binary, Addr, Uint128};
use cw20::Cw20ExecuteMsg;
use rand::Rng;

use super::assumptions::Stream;
use super::world::{World, USDC};

/// Shares of every vault.
const SHARES: u128 = 1_000_000;

/// One tokenized asset.
#[derive(Debug, Clone)]
pub struct Held {
    pub token_id: String,
    pub owner: Addr,
    /// Appraised, ubtt.
    pub value: Uint128,
    pub minted_month: u64,
    /// Its vault, if fractionalized, and the shares token.
    pub vault: Option<(u64, Addr)>,
    pub bought_out: bool,
}

/// The month's tokenization; `assets` is the run's list of them.
pub fn month<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    month: u64,
    assets: &mut Vec<Held>,
) -> anyhow::Result<()> {
    mint_due(app, w, month, assets)?;
    income_and_fees(app, w, month, assets)?;
    trade(app, w, assets)?;
    revalue(app, w, month, assets)?;
    if w.assumptions.buyout_months.contains(&month) {
        buyout(app, w, assets)?;
    }
    Ok(())
}

fn providers(w: &World) -> Vec<Addr> {
    w.clinics
        .iter()
        .filter(|c| w.assumptions.clinics[c.size].name == "large")
        .map(|c| c.addr.clone())
        .collect()
}

/// The paper's tokenization volume, at true size: the month's assets are minted while the
/// volume through this month covers the next asset of the catalogue (a 8M RMB MRI scanner
/// waits for two months of 4M RMB).
fn mint_due<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    month: u64,
    assets: &mut Vec<Held>,
) -> anyhow::Result<()> {
    let volume: f64 = (1..=month)
        .map(|m| w.assumptions.million_rmb(Stream::Tokenization, m as f64) * 1e6)
        .sum();
    // A few a month at most: more waits for the next month.
    for _ in 0..8 {
        let kind = w.assumptions.assets[assets.len() % w.assumptions.assets.len()].clone();
        if (w.ledger.tokenized_rmb + u128::from(kind.rmb)) as f64 > volume {
            break;
        }
        if !mint_one(app, w, month, assets, &kind)? {
            break;
        }
    }
    Ok(())
}

/// Mints one asset of `kind` for a large provider; false if it could not.
fn mint_one<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    month: u64,
    assets: &mut Vec<Held>,
    kind: &super::assumptions::AssetKind,
) -> anyhow::Result<bool> {
    let value = Uint128::new(w.assumptions.rmb_to_ubtt(kind.rmb as f64));
    let providers = providers(w);
    if value.is_zero() || providers.is_empty() {
        return Ok(false);
    }
    let owner = providers[assets.len() % providers.len()].clone();
    let issuer = Addr::unchecked(&w.config.rwa.issuers[0]);
    let (complexity, fee_rate) = match w.rng.gen_range(0..3) {
        0 => (Complexity::Simple, w.config.rwa.nft_fees.simple),
        1 => (Complexity::Standard, w.config.rwa.nft_fees.standard),
        _ => (Complexity::Complex, w.config.rwa.nft_fees.complex),
    };
    let fee = value.mul_ceil(fee_rate.to_decimal());
    if !w.ensure_btt(app, &issuer, fee)? {
        return Ok(false);
    }
    let token_id = format!("asset-{:04}", assets.len() + 1);
    let class = kind.class;
    let mint = rwa_nft::ReceiveMsg::Mint(rwa_nft::MintMsg {
        token_id: token_id.clone(),
        owner: owner.to_string(),
        token_uri: Some(format!("https://provider.example/assets/{token_id}")),
        asset: MintAsset {
            class: class.into(),
            description: format!("{} of a provider, tokenized in month {month}", kind.what),
            value,
            denom: "btt".into(),
            appraiser: "DAO-approved appraiser".into(),
            complexity,
            documents: vec![Document {
                sha256: format!("{:064x}", assets.len() + 1),
                uri: format!("ipfs://bafy-{token_id}-registration"),
            }],
            jurisdiction: "CN-44".into(),
            regulatory_id: format!("NMPA-{month:03}-{token_id}"),
        },
    });
    let msg = w.deployment.token.send_msg(&w.deployment.nft, fee, &mint)?;
    if w.send(app, &issuer, msg).is_none() {
        return Ok(false);
    }
    w.ledger.assets += 1;
    w.ledger.tokenized_rmb += u128::from(kind.rmb);
    if month <= 6 {
        w.ledger.tokenized_first_six_months_rmb += u128::from(kind.rmb);
    }
    w.ledger
        .gross(Stream::Tokenization, value * Uint128::new(w.usdc_per_btt()));
    let mut held = Held {
        token_id: token_id.clone(),
        owner: owner.clone(),
        value,
        minted_month: month,
        vault: None,
        bought_out: false,
    };
    // Two of every three are fractionalized.
    if assets.len() % 3 != 2 {
        let value_usdc = value.u128() * w.usdc_per_btt();
        let hook = NftHook::Fractionalize {
            shares: Uint128::new(SHARES),
            symbol: ticker(assets.len()),
            denom: USDC.into(),
            reserve_price: Uint128::new(value_usdc * 3 / 2),
            curator: None,
        };
        let send = rwa_nft::ExecuteMsg::SendNft {
            contract: w.deployment.vaults.to_string(),
            token_id: token_id.clone(),
            msg: to_json_binary(&hook)?,
        };
        let nft = w.deployment.nft.clone();
        if w.exec(app, &owner, &nft, &send, &[])?.is_some() {
            let totals: vaults::FractionalizerTotalsResponse = app
                .wrap()
                .query_wasm_smart(&w.deployment.vaults, &vaults::QueryMsg::Totals {})?;
            let vault_id = totals.vaults;
            let v: VaultResponse = app
                .wrap()
                .query_wasm_smart(&w.deployment.vaults, &vaults::QueryMsg::Vault { vault_id })?;
            held.vault = Some((vault_id, v.vault.shares_token.clone()));
            // 40% listed at the appraisal, bought by the investors.
            let price_per_share = Uint128::new(value_usdc / SHARES);
            sell_shares(
                app,
                w,
                &owner,
                vault_id,
                &v.vault.shares_token,
                400_000,
                price_per_share,
            )?;
        }
    }
    assets.push(held);
    Ok(true)
}

/// `seller` lists `shares` of the vault at `price_per_share`; investors buy them in equal parts.
fn sell_shares<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    seller: &Addr,
    vault_id: u64,
    shares_token: &Addr,
    shares: u128,
    price_per_share: Uint128,
) -> anyhow::Result<()> {
    let vaults_addr = w.deployment.vaults.clone();
    let allow = Cw20ExecuteMsg::IncreaseAllowance {
        spender: vaults_addr.to_string(),
        amount: Uint128::new(shares),
        expires: None,
    };
    w.exec(app, seller, shares_token, &allow, &[])?;
    let list = vaults::ExecuteMsg::List {
        vault_id,
        shares: Uint128::new(shares),
        price_per_share,
    };
    let Some(res) = w.exec(app, seller, &vaults_addr, &list, &[])? else {
        return Ok(());
    };
    let listing_id: u64 = wasm_attr(&res, "listing_id")?.parse()?;
    let buyers: Vec<Addr> = w
        .investors
        .iter()
        .filter(|i| *i != seller)
        .cloned()
        .collect();
    let part = shares / buyers.len().max(1) as u128;
    for buyer in buyers {
        let q: vaults::QuoteResponse = match app.wrap().query_wasm_smart(
            &vaults_addr,
            &vaults::QueryMsg::Quote {
                listing_id,
                shares: Uint128::new(part),
                buyer: buyer.to_string(),
            },
        ) {
            Ok(q) => q,
            Err(_) => continue,
        };
        let buy = vaults::ExecuteMsg::Buy {
            listing_id,
            shares: Uint128::new(part),
        };
        if w.exec(
            app,
            &buyer,
            &vaults_addr,
            &buy,
            &coins(q.total.u128(), USDC),
        )?
        .is_some()
        {
            w.ledger.share_trades += 1;
            w.ledger.gross(Stream::Tokenization, q.total);
        }
    }
    // Whatever was not bought is taken off the market.
    let cancel = vaults::ExecuteMsg::CancelListing { listing_id };
    let listing: Result<vaults::Listing, _> = app
        .wrap()
        .query_wasm_smart(&vaults_addr, &vaults::QueryMsg::Listing { listing_id });
    if listing.is_ok_and(|l| !l.shares.is_zero()) {
        w.exec(app, seller, &vaults_addr, &cancel, &[])?;
    }
    Ok(())
}

/// Lease income into every live vault; holders claim it every quarter; the management fee is
/// collected.
fn income_and_fees<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    month: u64,
    assets: &[Held],
) -> anyhow::Result<()> {
    let vaults_addr = w.deployment.vaults.clone();
    let desk = w.desk.clone();
    for a in assets.iter().filter(|a| !a.bought_out) {
        let Some((vault_id, _)) = &a.vault else {
            continue;
        };
        if a.minted_month == month {
            continue;
        }
        let income =
            a.value.u128() * w.usdc_per_btt() * u128::from(w.assumptions.income_bps_per_month)
                / 10_000;
        let deposit = vaults::ExecuteMsg::DepositIncome {
            vault_id: *vault_id,
        };
        if w.exec(app, &a.owner, &vaults_addr, &deposit, &coins(income, USDC))?
            .is_some()
        {
            w.ledger.income_uusdc += Uint128::new(income);
        }
        let collect = vaults::ExecuteMsg::CollectFees {
            vault_id: *vault_id,
        };
        w.exec(app, &desk, &vaults_addr, &collect, &[])?;
        if month.is_multiple_of(3) {
            let holders: Vec<Addr> = std::iter::once(a.owner.clone())
                .chain(w.investors.iter().cloned())
                .collect();
            for holder in holders {
                let claim = vaults::ExecuteMsg::ClaimIncome {
                    vault_id: *vault_id,
                };
                w.exec(app, &holder, &vaults_addr, &claim, &[])?;
            }
        }
    }
    Ok(())
}

/// One investor sells a tenth of its shares of a random vault to the others.
fn trade<C: EconomyChain>(app: &mut C, w: &mut World, assets: &[Held]) -> anyhow::Result<()> {
    let live: Vec<&Held> = assets
        .iter()
        .filter(|a| a.vault.is_some() && !a.bought_out)
        .collect();
    if live.is_empty() || w.investors.is_empty() {
        return Ok(());
    }
    let a = live[w.rng.gen_range(0..live.len())];
    let Some((vault_id, shares_token)) = a.vault.clone() else {
        return Ok(());
    };
    let seller = w.investors[w.rng.gen_range(0..w.investors.len())].clone();
    let held = TokenContract(shares_token.clone()).balance(&app.wrap(), &seller)?;
    let sell = held.u128() / 10;
    if sell < w.investors.len() as u128 {
        return Ok(());
    }
    let price = Uint128::new(a.value.u128() * w.usdc_per_btt() / SHARES);
    sell_shares(app, w, &seller, vault_id, &shares_token, sell, price)
}

/// Assets kept whole are revalued on each anniversary: the appraiser proposes 3% more and the
/// owner accepts, paying the revaluation fee.
fn revalue<C: EconomyChain>(
    app: &mut C,
    w: &mut World,
    month: u64,
    assets: &mut [Held],
) -> anyhow::Result<()> {
    let nft = w.deployment.nft.clone();
    let appraiser = Addr::unchecked(&w.config.rwa.appraisers[0]);
    for a in assets.iter_mut() {
        if a.vault.is_some()
            || month == a.minted_month
            || !(month - a.minted_month).is_multiple_of(12)
        {
            continue;
        }
        let value = a.value.multiply_ratio(103u128, 100u128);
        let appraise = rwa_nft::ExecuteMsg::Appraise {
            token_id: a.token_id.clone(),
            value,
            report_sha256: format!("{:064x}", month),
        };
        if w.exec(app, &appraiser, &nft, &appraise, &[])?.is_none() {
            continue;
        }
        let fee = value.mul_ceil(w.config.rwa.nft_fees.revaluation.to_decimal());
        if !w.ensure_btt(app, &a.owner, fee)? {
            continue;
        }
        let accept = rwa_nft::ReceiveMsg::AcceptRevaluation {
            token_id: a.token_id.clone(),
        };
        let msg = w.deployment.token.send_msg(&nft, fee, &accept)?;
        if w.send(app, &a.owner, msg).is_some() {
            a.value = value;
        }
    }
    Ok(())
}

/// The oldest vault still trading is bought out: a hospital bids the reserve, the auction runs
/// out, the winner settles, and every holder redeems its shares for its part of the proceeds.
fn buyout<C: EconomyChain>(app: &mut C, w: &mut World, assets: &mut [Held]) -> anyhow::Result<()> {
    let Some(a) = assets
        .iter_mut()
        .find(|a| a.vault.is_some() && !a.bought_out)
    else {
        return Ok(());
    };
    let Some((vault_id, shares_token)) = a.vault.clone() else {
        return Ok(());
    };
    let vaults_addr = w.deployment.vaults.clone();
    let v: VaultResponse = app
        .wrap()
        .query_wasm_smart(&vaults_addr, &vaults::QueryMsg::Vault { vault_id })?;
    let bidder = w.buyers[0].clone();
    let bid = vaults::ExecuteMsg::Bid { vault_id };
    if w.exec(
        app,
        &bidder,
        &vaults_addr,
        &bid,
        &coins(v.reserve_price.u128(), USDC),
    )?
    .is_none()
    {
        return Ok(());
    }
    let wait = w.config.rwa.buyout.duration + w.config.rwa.buyout.extension + 1;
    crate::governance::advance(app, wait);
    let settle = vaults::ExecuteMsg::SettleAuction { vault_id };
    if w.exec(app, &bidder, &vaults_addr, &settle, &[])?.is_none() {
        return Ok(());
    }
    a.bought_out = true;
    w.ledger.buyouts += 1;
    let holders: Vec<Addr> = std::iter::once(a.owner.clone())
        .chain(w.investors.iter().cloned())
        .chain(std::iter::once(Addr::unchecked(
            &w.config.beneficiaries
                [&btt_types::allocation::Category::TechnicalDevelopmentFoundation],
        )))
        .collect();
    for holder in holders {
        let held = TokenContract(shares_token.clone()).balance(&app.wrap(), &holder)?;
        if held.is_zero() {
            continue;
        }
        let redeem = Cw20ExecuteMsg::Send {
            contract: vaults_addr.to_string(),
            amount: held,
            msg: to_json_binary(&vaults::ReceiveMsg::Redeem {})?,
        };
        w.exec(app, &holder, &shares_token, &redeem, &[])?;
    }
    Ok(())
}

/// A share ticker of letters only ("RWAA", "RWAB", … "RWABA"): tickers take no digits.
fn ticker(index: usize) -> String {
    let mut letters = vec![];
    let mut i = index;
    loop {
        letters.push((b'A' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            break;
        }
    }
    format!("RWA{}", letters.iter().rev().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::ticker;

    #[test]
    fn share_tickers_are_letters_only_and_distinct() {
        assert_eq!(ticker(0), "RWAA");
        assert_eq!(ticker(25), "RWAZ");
        assert_eq!(ticker(26), "RWABA");
        let all: std::collections::BTreeSet<String> = (0..1_000).map(ticker).collect();
        assert_eq!(all.len(), 1_000);
        assert!(all
            .iter()
            .all(|t| t.chars().all(|c| c.is_ascii_uppercase())));
    }
}
