//! rwa-nft and rwa-fractionalizer, and shares listed and bought.

use btt_economy::living::world::USDC;
use cosmwasm_std::{to_json_binary, Uint128};
use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::{json, Value};

use super::{Draw, Gen, Role};
use crate::due::Due;
use crate::op::Op;
use crate::suite::WRONG_DENOM;

/// The entries of rwa-nft.
pub(super) const NFT: &[(&str, Draw)] = &[
    ("rwa-nft.mint", |g| {
        let m = g.mint();
        let funds = g.usdc_funds(1_000_000);
        g.exec_with(Role::Issuer, "rwa-nft", json!({"mint": m}), funds)
    }),
    ("rwa-nft.receive:mint", |g| {
        let m = g.mint();
        let amount = g.amount();
        g.send(Role::Issuer, "rwa-nft", amount, json!({"mint": m}))
    }),
    ("rwa-nft.appraise", |g| {
        let (id, value) = (g.token_id(), g.amount());
        g.exec(
            Role::Appraiser,
            "rwa-nft",
            json!({"appraise": {"token_id": id, "value": value, "report_sha256": "ef".repeat(32)}}),
        )
    }),
    ("rwa-nft.accept_revaluation", |g| {
        let id = g.token_id();
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"accept_revaluation": {"token_id": id}}),
        )
    }),
    ("rwa-nft.receive:accept_revaluation", |g| {
        let (id, amount) = (g.token_id(), g.amount());
        g.send(
            Role::Clinic,
            "rwa-nft",
            amount,
            json!({"accept_revaluation": {"token_id": id}}),
        )
    }),
    ("rwa-nft.transfer_nft", |g| {
        let (to, id) = (g.anyone().addr.to_string(), g.token_id());
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"transfer_nft": {"recipient": to, "token_id": id}}),
        )
    }),
    ("rwa-nft.send_nft", |g| {
        let id = g.token_id();
        let shares = g.amount();
        let hook = json!({"fractionalize": {"shares": shares, "symbol": "FUZZ", "denom": g.one(&[USDC, WRONG_DENOM, "btt"]), "reserve_price": g.amount(), "curator": null}});
        let vaults = g.suite.deployment.vaults.to_string();
        let msg = to_json_binary(&hook).unwrap_or_default();
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"send_nft": {"contract": vaults, "token_id": id, "msg": msg}}),
        )
    }),
    ("rwa-nft.approve", |g| {
        let (to, id) = (g.anyone().addr.to_string(), g.token_id());
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"approve": {"spender": to, "token_id": id, "expires": null}}),
        )
    }),
    ("rwa-nft.revoke", |g| {
        let (to, id) = (g.anyone().addr.to_string(), g.token_id());
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"revoke": {"spender": to, "token_id": id}}),
        )
    }),
    ("rwa-nft.approve_all", |g| {
        let to = g.anyone().addr.to_string();
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"approve_all": {"operator": to, "expires": null}}),
        )
    }),
    ("rwa-nft.revoke_all", |g| {
        let to = g.anyone().addr.to_string();
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"revoke_all": {"operator": to}}),
        )
    }),
    ("rwa-nft.burn", |g| {
        let id = g.token_id();
        g.exec(Role::Clinic, "rwa-nft", json!({"burn": {"token_id": id}}))
    }),
    ("rwa-nft.update_config", |g| {
        g.exec(Role::Anyone, "rwa-nft", json!({"update_config": {}}))
    }),
    ("rwa-nft.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "rwa-nft",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("rwa-nft.circuit", |g| g.circuit("rwa-nft")),
    ("rwa-nft.update_ownership", |g| g.ownership("rwa-nft")),
];

/// The entries of rwa-fractionalizer.
pub(super) const VAULTS: &[(&str, Draw)] = &[
    ("rwa-fractionalizer.shares_moved", |g| {
        let (from, to, amount) = (
            g.anyone().addr.to_string(),
            g.anyone().addr.to_string(),
            g.amount(),
        );
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"shares_moved": {"from": from, "to": to, "amount": amount}}),
        )
    }),
    ("rwa-fractionalizer.list", |g| {
        let (vault, shares, price) = (
            g.id("vault_id"),
            g.share_amount(),
            g.rng.gen_range(0..1_000_000u128),
        );
        g.exec(Role::Investor, "rwa-fractionalizer", json!({"list": {"vault_id": vault, "shares": shares, "price_per_share": price.to_string()}}))
    }),
    ("rwa-fractionalizer.cancel_listing", |g| {
        let id = g.id("listing_id");
        g.exec(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"cancel_listing": {"listing_id": id}}),
        )
    }),
    ("rwa-fractionalizer.buy", |g| {
        let (id, shares) = (g.id("listing_id"), g.share_amount());
        let usual = g.rng.gen_range(1..100_000_000_000u128);
        let funds = g.usdc_funds(usual);
        g.exec_with(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"buy": {"listing_id": id, "shares": shares}}),
            funds,
        )
    }),
    ("rwa-fractionalizer.receive:buy", |g| {
        let (id, shares, amount) = (g.id("listing_id"), g.share_amount(), g.amount());
        g.send(
            Role::Investor,
            "rwa-fractionalizer",
            amount,
            json!({"buy": {"listing_id": id, "shares": shares}}),
        )
    }),
    ("rwa-fractionalizer.deposit_income", |g| {
        let id = g.id("vault_id");
        let usual = g.rng.gen_range(1..10_000_000_000u128);
        let funds = g.usdc_funds(usual);
        g.exec_with(
            Role::Clinic,
            "rwa-fractionalizer",
            json!({"deposit_income": {"vault_id": id}}),
            funds,
        )
    }),
    ("rwa-fractionalizer.receive:deposit_income", |g| {
        let (id, amount) = (g.id("vault_id"), g.amount());
        g.send(
            Role::Clinic,
            "rwa-fractionalizer",
            amount,
            json!({"deposit_income": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.claim_income", |g| {
        let id = g.id("vault_id");
        g.exec(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"claim_income": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.collect_fees", |g| {
        let id = g.id("vault_id");
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"collect_fees": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.signal_reserve", |g| {
        let id = g.id("vault_id");
        let price = g.maybe_amount();
        g.exec(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"signal_reserve": {"vault_id": id, "price": price}}),
        )
    }),
    ("rwa-fractionalizer.bid", |g| {
        let id = g.id("vault_id");
        let usual = g.rng.gen_range(1..2_000_000_000_000u128);
        let funds = g.usdc_funds(usual);
        g.exec_with(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"bid": {"vault_id": id}}),
            funds,
        )
    }),
    ("rwa-fractionalizer.receive:bid", |g| {
        let (id, amount) = (g.id("vault_id"), g.amount());
        g.send(
            Role::Investor,
            "rwa-fractionalizer",
            amount,
            json!({"bid": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.settle_auction", |g| {
        let id = g.id("vault_id");
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"settle_auction": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.receive:feature", |g| {
        let (id, amount) = (g.id("vault_id"), g.amount());
        g.send(
            Role::Clinic,
            "rwa-fractionalizer",
            amount,
            json!({"feature": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.update_config", |g| {
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"update_config": {}}),
        )
    }),
    ("rwa-fractionalizer.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("rwa-fractionalizer.circuit", |g| {
        g.circuit("rwa-fractionalizer")
    }),
    ("rwa-fractionalizer.update_ownership", |g| {
        g.ownership("rwa-fractionalizer")
    }),
];

impl Gen<'_> {
    /// A holder of a trading vault's shares lists some; an investor buys them, or the seller
    /// cancels; holders claim their income.
    pub(super) fn listing_story(&mut self) -> Op {
        let vault_id = self.id("vault_id");
        let q = self.suite.app.wrap();
        let Ok(v) = q.query_wasm_smart::<btt_types::fractionalizer::VaultResponse>(
            &self.suite.deployment.vaults,
            &btt_types::fractionalizer::QueryMsg::Vault { vault_id },
        ) else {
            return Op::Wait { seconds: 1 };
        };
        let mut holders = vec![];
        for a in self.suite.actors.all() {
            let held: cw20::BalanceResponse = q
                .query_wasm_smart(
                    &v.vault.shares_token,
                    &cw20::Cw20QueryMsg::Balance {
                        address: a.addr.to_string(),
                    },
                )
                .unwrap_or(cw20::BalanceResponse {
                    balance: Uint128::zero(),
                });
            if !held.balance.is_zero() {
                holders.push((a.addr.clone(), held.balance));
            }
        }
        let Some((seller, held)) = holders.choose(self.rng).cloned() else {
            return Op::Wait { seconds: 1 };
        };
        let shares = held.multiply_ratio(self.rng.gen_range(1..=10u128), 10u128);
        let price = Uint128::new(self.rng.gen_range(1..5_000u128));
        let listing_id = self.ledger.top_id("listing_id") + 1;
        // The vault takes listed shares by an allowance on the seller's shares.
        let mut ops = vec![
            Op::Exec {
                name: "rwa-shares.increase_allowance (story)".into(),
                sender: seller.clone(),
                contract: v.vault.shares_token.clone(),
                msg: json!({"increase_allowance": {"spender": self.suite.deployment.vaults.to_string(), "amount": shares, "expires": null}}),
                funds: vec![],
            },
            self.exec_as(
                &seller,
                "rwa-fractionalizer",
                json!({"list": {"vault_id": vault_id, "shares": shares, "price_per_share": price}}),
                vec![],
            ),
        ];
        if self.rng.gen_bool(0.2) {
            ops.push(self.exec_as(
                &seller,
                "rwa-fractionalizer",
                json!({"cancel_listing": {"listing_id": listing_id}}),
                vec![],
            ));
        } else {
            let buyer = self.pick(Role::Investor).addr;
            let take = shares.multiply_ratio(self.rng.gen_range(1..=4u128), 4u128);
            ops.push(Op::Due {
                sender: buyer,
                due: Due::Buy {
                    listing_id,
                    shares: take,
                },
            });
        }
        ops.push(self.exec_as(
            &seller,
            "rwa-fractionalizer",
            json!({"claim_income": {"vault_id": vault_id}}),
            vec![],
        ));
        Op::Chain {
            story: "shares listed and bought".into(),
            ops,
        }
    }

    /// The issuer mints an asset for a clinic at the exact mint fee (in BTT or USDC); the
    /// appraiser revalues it and the clinic accepts at the revaluation fee; the clinic
    /// fractionalizes it and features the vault at the premium fee; half the time it then takes
    /// the NFT back out with every share, otherwise the vault stays open to the rest of the
    /// sequence.
    pub(super) fn asset_story(&mut self) -> Op {
        let suite = self.suite;
        let (Some(issuer), Some(clinic)) = (
            suite.actors.issuer.first().map(|a| a.addr.clone()),
            suite
                .actors
                .clinics
                .choose(self.rng)
                .map(|a| a.addr.clone()),
        ) else {
            return Op::Wait { seconds: 1 };
        };
        let token_id = format!("fz-asset-{}", self.rng.gen_range(0..1_000_000_000u64));
        let denom = self.one(&["btt", USDC]);
        let value = Uint128::new(self.rng.gen_range(1_000..100_000u128) * 1_000_000);
        let complexity = self.one(&["simple", "standard", "complex"]);
        let d = &suite.deployment;
        let (nft, vaults) = (d.nft.clone(), d.vaults.clone());
        let fee: Uint128 = suite
            .app
            .wrap()
            .query_wasm_smart(
                &nft,
                &json!({"mint_fee": {"value": value, "complexity": complexity}}),
            )
            .unwrap_or_default();
        let mint = json!({
            "token_id": token_id,
            "owner": clinic.to_string(),
            "token_uri": null,
            "asset": {
                "class": self.one(&["equipment", "property", "intellectual_property", "service_rights"]),
                "description": "an asset of the fuzzer's story",
                "value": value,
                "denom": denom,
                "appraiser": "DAO-approved appraiser",
                "complexity": complexity,
                "documents": [{"sha256": "34".repeat(32), "uri": "ipfs://deed"}],
                "jurisdiction": "CN-44",
                "regulatory_id": format!("NMPA-{token_id}"),
            }
        });
        let mut ops = vec![if denom == "btt" {
            Op::Send {
                name: "rwa-nft.receive:mint (at the fee)".into(),
                sender: issuer,
                token: d.token.addr().clone(),
                contract: nft,
                amount: fee,
                hook: json!({"mint": mint}),
            }
        } else {
            Op::Exec {
                name: "rwa-nft.mint (at the fee)".into(),
                sender: issuer,
                contract: nft,
                msg: json!({"mint": mint}),
                funds: vec![cosmwasm_std::coin(fee.u128(), USDC)],
            }
        }];
        let revalued = value.multiply_ratio(self.rng.gen_range(5..=15u128), 10u128);
        if let Some(appraiser) = suite.actors.appraiser.first().map(|a| a.addr.clone()) {
            ops.push(self.exec_as(
                &appraiser,
                "rwa-nft",
                json!({"appraise": {"token_id": token_id, "value": revalued, "report_sha256": "56".repeat(32)}}),
                vec![],
            ));
        }
        ops.push(Op::Due {
            sender: clinic.clone(),
            due: Due::Revaluation {
                token_id: token_id.clone(),
            },
        });
        let shares = Uint128::new(self.rng.gen_range(1..=1_000_000u128));
        let hook = json!({"fractionalize": {"shares": shares, "symbol": "FZ-ASSET", "denom": denom, "reserve_price": revalued, "curator": null}});
        let msg = to_json_binary(&hook).unwrap_or_default();
        ops.push(self.exec_as(
            &clinic,
            "rwa-nft",
            json!({"send_nft": {"contract": vaults.to_string(), "token_id": token_id, "msg": msg}}),
            vec![],
        ));
        let vault_id = self.ledger.top_id("vault_id") + 1;
        ops.push(Op::Due {
            sender: clinic.clone(),
            due: Due::Feature { vault_id },
        });
        if self.rng.gen_bool(0.5) {
            ops.push(Op::Due {
                sender: clinic,
                due: Due::RedeemNft { vault_id },
            });
        }
        Op::Chain {
            story: "an asset minted, revalued, fractionalized and redeemed".into(),
            ops,
        }
    }

    /// The curator of a fresh vault holds every share, waits (a day to over a year), collects
    /// the management fee or not, and sends every share back for the NFT. The fee accrues first
    /// (issue 28, item 7): once the protocol is owed a whole fee share the redeem is refused,
    /// and the vault's shares supply stays its token's either way.
    pub(super) fn curator_story(&mut self) -> Op {
        let Op::Chain { mut ops, .. } = self.asset_story() else {
            return Op::Wait { seconds: 1 };
        };
        if matches!(
            ops.last(),
            Some(Op::Due {
                due: Due::RedeemNft { .. },
                ..
            })
        ) {
            ops.pop();
        }
        let Some((clinic, vault_id)) = ops.iter().find_map(|o| match o {
            Op::Due {
                sender,
                due: Due::Feature { vault_id },
            } => Some((sender.clone(), *vault_id)),
            _ => None,
        }) else {
            return Op::Wait { seconds: 1 };
        };
        let day = 86_400;
        let seconds = self.one(&[day, 30 * day, 200 * day, 400 * day]);
        ops.push(Op::Wait { seconds });
        if self.rng.gen_bool(0.5) {
            ops.push(self.exec_as(
                &clinic,
                "rwa-fractionalizer",
                json!({"collect_fees": {"vault_id": vault_id}}),
                vec![],
            ));
        }
        ops.push(Op::Due {
            sender: clinic,
            due: Due::RedeemNft { vault_id },
        });
        Op::Chain {
            story: "the curator waits with every share, then redeems the NFT".into(),
            ops,
        }
    }

    pub(super) fn token_id(&mut self) -> String {
        let ids: Vec<&String> = self.ledger.token_ids.iter().collect();
        if self.rng.gen_bool(0.1) || ids.is_empty() {
            return "no-such-asset".into();
        }
        ids.choose(self.rng)
            .map(|s| s.to_string())
            .unwrap_or_default()
    }

    pub(super) fn mint(&mut self) -> Value {
        let n = self.rng.gen_range(0..1_000u32);
        json!({
            "token_id": format!("fz-{n}"),
            "owner": self.pick(Role::Clinic).addr.to_string(),
            "token_uri": null,
            "asset": {
                "class": self.one(&["equipment", "property", "intellectual_property", "service_rights", "spaceship"]),
                "description": "an asset of the fuzzer",
                "value": self.amount(),
                "denom": self.one(&["btt", USDC]),
                "appraiser": "DAO-approved appraiser",
                "complexity": self.one(&["simple", "standard", "complex"]),
                "documents": [{"sha256": "12".repeat(32), "uri": "ipfs://doc"}],
                "jurisdiction": "CN-44",
                "regulatory_id": format!("NMPA-FZ-{n}"),
            }
        })
    }
}
