//! BTT (and the fake BTT) and the vaults' shares tokens: every cw20 message.

use cosmwasm_std::{to_json_binary, Addr};
use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::{json, Value};

use super::{Draw, Gen, Role};
use crate::op::Op;

/// The entries of btt-token (and the fake BTT, one time in ten).
pub(super) const BTT_TOKEN: &[(&str, Draw)] = &[
    ("btt-token.transfer", |g| g.token_msg("transfer")),
    ("btt-token.burn", |g| g.token_msg("burn")),
    ("btt-token.send", |g| g.token_msg("send")),
    ("btt-token.increase_allowance", |g| {
        g.token_msg("increase_allowance")
    }),
    ("btt-token.decrease_allowance", |g| {
        g.token_msg("decrease_allowance")
    }),
    ("btt-token.transfer_from", |g| g.token_msg("transfer_from")),
    ("btt-token.send_from", |g| g.token_msg("send_from")),
    ("btt-token.burn_from", |g| g.token_msg("burn_from")),
    ("btt-token.update_marketing", |g| {
        g.token_msg("update_marketing")
    }),
    ("btt-token.upload_logo", |g| g.token_msg("upload_logo")),
];

/// The entries of rwa-shares (one per vault).
pub(super) const SHARES: &[(&str, Draw)] = &[
    ("rwa-shares.transfer", |g| g.shares_msg("transfer")),
    ("rwa-shares.burn", |g| g.shares_msg("burn")),
    ("rwa-shares.increase_allowance", |g| {
        g.shares_msg("increase_allowance")
    }),
    ("rwa-shares.transfer_from", |g| {
        g.shares_msg("transfer_from")
    }),
    ("rwa-shares.decrease_allowance", |g| {
        g.shares_msg("decrease_allowance")
    }),
    ("rwa-shares.send_from", |g| g.shares_msg("send_from")),
    ("rwa-shares.burn_from", |g| g.shares_msg("burn_from")),
    ("rwa-shares.mint", |g| g.shares_msg("mint")),
    ("rwa-shares.update_minter", |g| {
        g.shares_msg("update_minter")
    }),
    ("rwa-shares.update_marketing", |g| {
        g.shares_msg("update_marketing")
    }),
    ("rwa-shares.upload_logo", |g| g.shares_msg("upload_logo")),
    ("rwa-shares.send:redeem", |g| g.shares_msg("redeem")),
    ("rwa-shares.send:redeem_nft", |g| g.shares_msg("redeem_nft")),
];

impl Gen<'_> {
    /// For a `*_from` message, seven times in ten the owner and spender of an allowance someone
    /// granted on `token`, when there is one; otherwise `owner` and `sender` as drawn.
    fn granted_or(
        &mut self,
        token: &Addr,
        kind: &str,
        owner: String,
        sender: Addr,
    ) -> (String, Addr) {
        let granted: Vec<(Addr, Addr)> = self
            .ledger
            .allowances
            .iter()
            .filter(|(t, _, _)| t == token)
            .map(|(_, o, s)| (o.clone(), s.clone()))
            .collect();
        match (kind.ends_with("_from"), granted.choose(self.rng)) {
            (true, Some((o, s))) if self.rng.gen_bool(0.7) => (o.to_string(), s.clone()),
            _ => (owner, sender),
        }
    }

    pub(super) fn token_msg(&mut self, kind: &str) -> Op {
        let (token, via) = self.btt_or_fake();
        let mut sender = self.anyone().addr;
        if via == "fake-btt" {
            sender = self.suite.actors.strangers[2].addr.clone();
        }
        let amount = self.amount();
        let other = self.anyone().addr.to_string();
        let owner = self.anyone().addr.to_string();
        let contract = self.contract().to_string();
        // The *_from messages mostly spend an allowance someone granted on this token.
        let (owner, sender) = self.granted_or(&token, kind, owner, sender);
        let msg = match kind {
            "transfer" => json!({"transfer": {"recipient": other, "amount": amount}}),
            "burn" => json!({"burn": {"amount": amount}}),
            "send" => {
                json!({"send": {"contract": contract, "amount": amount, "msg": to_json_binary(&json!({"unknown_hook": {}})).unwrap_or_default()}})
            }
            // A real hook of one contract of the suite, sent to any of them: the right one takes
            // it, every other one refuses it.
            "send (a real hook)" => {
                let hook = match self.rng.gen_range(0..4) {
                    0 => json!({"stake": {"tier": 0}}),
                    1 => json!({"fund": {}}),
                    2 => json!({"fund_pool": {}}),
                    _ => json!({"distribute_rewards": {}}),
                };
                json!({"send": {"contract": contract, "amount": amount, "msg": to_json_binary(&hook).unwrap_or_default()}})
            }
            "increase_allowance" => {
                json!({"increase_allowance": {"spender": other, "amount": amount, "expires": null}})
            }
            "decrease_allowance" => {
                json!({"decrease_allowance": {"spender": other, "amount": amount, "expires": null}})
            }
            "transfer_from" => {
                json!({"transfer_from": {"owner": owner, "recipient": other, "amount": amount}})
            }
            "send_from" => {
                json!({"send_from": {"owner": owner, "contract": contract, "amount": amount, "msg": to_json_binary(&json!({"fund": {}})).unwrap_or_default()}})
            }
            "burn_from" => json!({"burn_from": {"owner": owner, "amount": amount}}),
            "update_marketing" => {
                json!({"update_marketing": {"project": "https://fake.example", "description": "BTT", "marketing": null}})
            }
            _ => json!({"upload_logo": {"url": "https://fake.example/logo.png"}}),
        };
        let suffix = if via == "fake-btt" { " (fake BTT)" } else { "" };
        Op::Exec {
            name: format!("btt-token.{kind}{suffix}"),
            sender,
            contract: token,
            msg,
            funds: self.stray_funds(),
        }
    }

    /// A vault's shares token, from the chain; for a vault that does not exist, BTT itself
    /// (`None`: the message goes to BTT, which must refuse what it does not know).
    pub(super) fn shares_token(&mut self) -> Option<Addr> {
        let vault_id = self.id("vault_id");
        self.suite
            .app
            .wrap()
            .query_wasm_smart::<btt_types::fractionalizer::VaultResponse>(
                &self.suite.deployment.vaults,
                &btt_types::fractionalizer::QueryMsg::Vault { vault_id },
            )
            .map(|v| v.vault.shares_token)
            .ok()
    }

    pub(super) fn shares_msg(&mut self, kind: &str) -> Op {
        let (token, suffix) = match self.shares_token() {
            Some(t) => (t, ""),
            None => (self.suite.deployment.token.addr().clone(), " (to BTT)"),
        };
        let sender = self.pick(Role::Investor).addr;
        let amount = self.share_amount();
        let other = self.anyone().addr.to_string();
        let owner = self.anyone().addr.to_string();
        let vaults = self.suite.deployment.vaults.to_string();
        let hook = |h: Value| to_json_binary(&h).unwrap_or_default();
        // The *_from messages mostly spend an allowance someone granted on this token.
        let (owner, sender) = self.granted_or(&token, kind, owner, sender);
        let msg = match kind {
            "transfer" => json!({"transfer": {"recipient": other, "amount": amount}}),
            "burn" => json!({"burn": {"amount": amount}}),
            "increase_allowance" => {
                json!({"increase_allowance": {"spender": other, "amount": amount, "expires": null}})
            }
            "transfer_from" => {
                json!({"transfer_from": {"owner": owner, "recipient": other, "amount": amount}})
            }
            "redeem" => {
                json!({"send": {"contract": vaults, "amount": amount, "msg": hook(json!({"redeem": {}}))}})
            }
            "redeem_nft" => {
                json!({"send": {"contract": vaults, "amount": amount, "msg": hook(json!({"redeem_nft": {}}))}})
            }
            "decrease_allowance" => {
                json!({"decrease_allowance": {"spender": other, "amount": amount, "expires": null}})
            }
            "send_from" => {
                json!({"send_from": {"owner": owner, "contract": vaults, "amount": amount, "msg": hook(json!({"redeem": {}}))}})
            }
            "burn_from" => json!({"burn_from": {"owner": owner, "amount": amount}}),
            "mint" => json!({"mint": {"recipient": other, "amount": amount}}),
            "update_minter" => json!({"update_minter": {"new_minter": other}}),
            "update_marketing" => {
                json!({"update_marketing": {"project": null, "description": "shares", "marketing": null}})
            }
            _ => json!({"upload_logo": {"url": "https://fake.example/logo.png"}}),
        };
        Op::Exec {
            name: format!("rwa-shares.{kind}{suffix}"),
            sender,
            contract: token,
            msg,
            funds: self.stray_funds(),
        }
    }
}
