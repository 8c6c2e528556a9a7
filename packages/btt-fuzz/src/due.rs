//! Operations whose funds or amounts only the chain can tell at the moment they run: a fee
//! that exists once an earlier step of a story has run, a quote that moves with the buyer's
//! staking tier, every share a holder has, a stake made a step before. Each is priced from the
//! suite's own queries when it runs, so a story pays exactly what is due and gets past the
//! step a random draw almost never gets past.

use btt_types::asset::Asset;
use btt_types::{fractionalizer as vaults, rwa_nft, staking};
use cosmwasm_std::{coin, to_json_binary, Addr, CosmosMsg, Uint128, WasmMsg};
use serde::Serialize;

use crate::suite::Suite;

/// What the chain is asked for, priced when it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    /// Buy `shares` of listing `listing_id` at the vault's quote for the buyer (in BTT by a
    /// cw20 send, or in the listing's native denom).
    Buy { listing_id: u64, shares: Uint128 },
    /// Accept the pending revaluation of `token_id`, paying its fee in the appraisal's denom.
    Revaluation { token_id: String },
    /// Feature vault `vault_id` for one premium period, paying the premium fee in BTT.
    Feature { vault_id: u64 },
    /// Send every share of vault `vault_id` the sender holds back to it to take the NFT out.
    RedeemNft { vault_id: u64 },
    /// Unbond `percent`% of the sender's newest stake.
    UnbondNewest { percent: u8 },
}

/// A priced message: the name its outcome is counted under, and the message.
pub type Priced = (String, CosmosMsg);

impl Due {
    /// The name outcomes are counted under when pricing fails.
    pub fn name(&self) -> &'static str {
        match self {
            Due::Buy { .. } => "rwa-fractionalizer.buy (at the quote)",
            Due::Revaluation { .. } => "rwa-nft.accept_revaluation (at the fee)",
            Due::Feature { .. } => "rwa-fractionalizer.receive:feature (at the fee)",
            Due::RedeemNft { .. } => "rwa-shares.redeem_nft (every share)",
            Due::UnbondNewest { .. } => "btt-staking.unbond (newest stake)",
        }
    }

    /// What it does, in words.
    pub fn describe(&self) -> String {
        match self {
            Due::Buy { listing_id, shares } => {
                format!("buys {shares} shares of listing {listing_id} at the quote")
            }
            Due::Revaluation { token_id } => {
                format!("accepts the revaluation of {token_id} at its fee")
            }
            Due::Feature { vault_id } => format!("features vault {vault_id} at the premium fee"),
            Due::RedeemNft { vault_id } => {
                format!("sends every share of vault {vault_id} back for its NFT")
            }
            Due::UnbondNewest { percent } => format!("unbonds {percent}% of the newest stake"),
        }
    }

    /// The message `sender` sends, priced now; or why it cannot be priced (counted as a
    /// refusal: there is nothing to send).
    pub fn price(&self, suite: &Suite, sender: &Addr) -> Result<Priced, String> {
        let d = &suite.deployment;
        let q = suite.app.wrap();
        let btt = d.token.addr().clone();
        match self {
            Due::Buy { listing_id, shares } => {
                let quote: vaults::QuoteResponse = q
                    .query_wasm_smart(
                        &d.vaults,
                        &vaults::QueryMsg::Quote {
                            listing_id: *listing_id,
                            shares: *shares,
                            buyer: sender.to_string(),
                        },
                    )
                    .map_err(|_| "no quote".to_string())?;
                let hook = vaults::ReceiveMsg::Buy {
                    listing_id: *listing_id,
                    shares: *shares,
                };
                let buy = vaults::ExecuteMsg::Buy {
                    listing_id: *listing_id,
                    shares: *shares,
                };
                Ok(match quote.asset {
                    Asset::Native(denom) => (
                        "rwa-fractionalizer.buy (at the quote)".into(),
                        execute(&d.vaults, &buy, vec![coin(quote.total.u128(), denom)]),
                    ),
                    Asset::Cw20(token) => (
                        "rwa-fractionalizer.receive:buy (at the quote)".into(),
                        cw20_send(&token, &d.vaults, quote.total, &hook),
                    ),
                })
            }
            Due::Revaluation { token_id } => {
                let pending: Option<rwa_nft::RevaluationResponse> = q
                    .query_wasm_smart(
                        &d.nft,
                        &rwa_nft::QueryMsg::PendingRevaluation {
                            token_id: token_id.clone(),
                        },
                    )
                    .map_err(|_| format!("no asset {token_id}"))?;
                let r = pending.ok_or_else(|| format!("no revaluation of {token_id} pending"))?;
                let accept = rwa_nft::ExecuteMsg::AcceptRevaluation {
                    token_id: token_id.clone(),
                };
                Ok(if r.denom == "btt" {
                    (
                        "rwa-nft.receive:accept_revaluation (at the fee)".into(),
                        cw20_send(
                            &btt,
                            &d.nft,
                            r.fee,
                            &rwa_nft::ReceiveMsg::AcceptRevaluation {
                                token_id: token_id.clone(),
                            },
                        ),
                    )
                } else {
                    (
                        "rwa-nft.accept_revaluation (at the fee)".into(),
                        execute(&d.nft, &accept, vec![coin(r.fee.u128(), r.denom)]),
                    )
                })
            }
            Due::Feature { vault_id } => {
                let config: vaults::ConfigResponse = q
                    .query_wasm_smart(&d.vaults, &vaults::QueryMsg::Config {})
                    .map_err(|e| e.to_string())?;
                Ok((
                    self.name().into(),
                    cw20_send(
                        &btt,
                        &d.vaults,
                        config.fees.premium,
                        &vaults::ReceiveMsg::Feature {
                            vault_id: *vault_id,
                        },
                    ),
                ))
            }
            Due::RedeemNft { vault_id } => {
                let v: vaults::VaultResponse = q
                    .query_wasm_smart(
                        &d.vaults,
                        &vaults::QueryMsg::Vault {
                            vault_id: *vault_id,
                        },
                    )
                    .map_err(|_| format!("no vault {vault_id}"))?;
                let held: cw20::BalanceResponse = q
                    .query_wasm_smart(
                        &v.vault.shares_token,
                        &cw20::Cw20QueryMsg::Balance {
                            address: sender.to_string(),
                        },
                    )
                    .map_err(|e| e.to_string())?;
                Ok((
                    self.name().into(),
                    cw20_send(
                        &v.vault.shares_token,
                        &d.vaults,
                        held.balance,
                        &vaults::ReceiveMsg::RedeemNft {},
                    ),
                ))
            }
            Due::UnbondNewest { percent } => {
                let newest = newest_stake(suite, sender)?;
                let amount = newest
                    .amount
                    .multiply_ratio(u128::from(*percent), 100u128)
                    .max(Uint128::one());
                Ok((
                    self.name().into(),
                    execute(
                        d.staking.addr(),
                        &staking::ExecuteMsg::Unbond {
                            stake_id: newest.id,
                            amount: Some(amount),
                        },
                        vec![],
                    ),
                ))
            }
        }
    }
}

/// The staker's stake with the highest id, paging through the `Stakes` query.
fn newest_stake(suite: &Suite, staker: &Addr) -> Result<staking::Stake, String> {
    let q = suite.app.wrap();
    let mut start_after = None;
    let mut newest = None;
    loop {
        let page: staking::StakesResponse = q
            .query_wasm_smart(
                suite.deployment.staking.addr(),
                &staking::QueryMsg::Stakes {
                    address: staker.to_string(),
                    start_after,
                    limit: Some(30),
                },
            )
            .map_err(|e| e.to_string())?;
        let Some(last) = page.stakes.last().cloned() else {
            break;
        };
        if start_after.is_some_and(|after| last.id <= after) {
            return Err(format!(
                "the Stakes query did not page past stake {}",
                last.id
            ));
        }
        start_after = Some(last.id);
        newest = Some(last);
    }
    newest.ok_or_else(|| "no stake".to_string())
}

fn execute(contract: &Addr, msg: &impl Serialize, funds: Vec<cosmwasm_std::Coin>) -> CosmosMsg {
    WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: to_json_binary(msg).unwrap_or_default(),
        funds,
    }
    .into()
}

fn cw20_send(token: &Addr, to: &Addr, amount: Uint128, hook: &impl Serialize) -> CosmosMsg {
    let send = cw20::Cw20ExecuteMsg::Send {
        contract: to.to_string(),
        amount,
        msg: to_json_binary(hook).unwrap_or_default(),
    };
    execute(token, &send, vec![])
}
