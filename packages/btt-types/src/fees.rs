//! Protocol fees of the RWA contracts: fee bands, the split to the DAO's fee recipients and the
//! high-value burn.
//!
//! A fee is cut in two steps. If it is paid in BTT and the transaction it belongs to is worth at
//! least `BurnRule::threshold` ubtt, `BurnRule::share` of it is burned with cw20 `Burn`. The rest
//! is split between the recipients by their shares (Σ = 100%); rounding dust goes to the first.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Api, CosmosMsg, StdError, StdResult, Uint128};

use crate::asset::Asset;
use crate::bps::{Bps, BPS_DENOMINATOR};
use crate::token::TokenContract;

/// Most fee recipients a contract may have.
pub const MAX_RECIPIENTS: usize = 8;

/// A fee recipient as given in messages.
#[cw_serde]
pub struct FeeRecipientMsg {
    /// Label, e.g. "development fund".
    pub label: String,
    /// Who receives it.
    pub address: String,
    /// Its share of every fee after the burn; all shares sum to 100%.
    pub share: Bps,
}

/// A validated fee recipient.
#[cw_serde]
pub struct FeeRecipient {
    /// Label, e.g. "development fund".
    pub label: String,
    /// Who receives it.
    pub address: Addr,
    /// Its share of every fee after the burn.
    pub share: Bps,
}

/// The high-value burn (DAO config).
#[cw_serde]
pub struct BurnRule {
    /// A BTT-denominated transaction worth at least this many ubtt burns part of its fee.
    pub threshold: Uint128,
    /// The part of the fee burned (at most 100%).
    pub share: Bps,
}

/// How one fee is cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeCut {
    /// ubtt to burn (zero unless the fee is in BTT and the transaction is high-value).
    pub burn: Uint128,
    /// What each recipient receives, in recipient order; Σ + burn = the fee.
    pub paid: Vec<(Addr, Uint128)>,
}

/// A fee outside its band.
#[derive(thiserror::Error, Debug, PartialEq)]
#[error("{name} must be between {min} and {max}, not {got}")]
pub struct FeeOutOfBand {
    /// Which fee.
    pub name: String,
    /// Lowest allowed.
    pub min: Bps,
    /// Highest allowed.
    pub max: Bps,
    /// What was given.
    pub got: Bps,
}

/// Checks `min ≤ got ≤ max`.
pub fn in_band(name: &str, got: Bps, min: Bps, max: Bps) -> Result<(), FeeOutOfBand> {
    if got < min || got > max {
        return Err(FeeOutOfBand {
            name: name.into(),
            min,
            max,
            got,
        });
    }
    Ok(())
}

/// Validates the recipients: 1..=8 of them, every address valid, shares summing to 100%.
pub fn validate_recipients(
    api: &dyn Api,
    msgs: &[FeeRecipientMsg],
) -> StdResult<Vec<FeeRecipient>> {
    if msgs.is_empty() || msgs.len() > MAX_RECIPIENTS {
        return Err(StdError::generic_err("1 to 8 fee recipients"));
    }
    let total: u32 = msgs.iter().map(|r| u32::from(r.share.0)).sum();
    if total != u32::from(BPS_DENOMINATOR) {
        return Err(StdError::generic_err(
            "fee recipient shares must sum to 100%",
        ));
    }
    msgs.iter()
        .map(|r| {
            Ok(FeeRecipient {
                label: r.label.clone(),
                address: api.addr_validate(&r.address)?,
                share: r.share,
            })
        })
        .collect()
}

/// Cuts `fee`: burns `rule.share` of it when it is in BTT and `value` reaches the threshold, and
/// splits the rest by recipient share, dust to the first recipient.
pub fn cut_fee(
    fee: Uint128,
    value: Uint128,
    in_btt: bool,
    rule: &BurnRule,
    recipients: &[FeeRecipient],
) -> FeeCut {
    let burn = if in_btt && value >= rule.threshold {
        rule.share.of(fee)
    } else {
        Uint128::zero()
    };
    let rest = fee - burn;
    let mut paid: Vec<(Addr, Uint128)> = recipients
        .iter()
        .map(|r| (r.address.clone(), r.share.of(rest)))
        .collect();
    let handed: Uint128 = paid.iter().map(|(_, a)| *a).sum();
    if let Some(first) = paid.first_mut() {
        first.1 += rest - handed;
    }
    FeeCut { burn, paid }
}

/// Cuts `fee`, received in `asset`, for a transaction worth `value`, and returns the messages
/// that carry it out — a cw20 `Burn` on `token` (the BTT cw20) of the burned part, then a
/// transfer to each recipient — with the amount burned. The fee is BTT when `asset` is `token`.
pub fn pay_out_fee(
    fee: Uint128,
    value: Uint128,
    asset: &Asset,
    token: &Addr,
    rule: &BurnRule,
    recipients: &[FeeRecipient],
) -> StdResult<(Vec<CosmosMsg>, Uint128)> {
    let in_btt = matches!(asset, Asset::Cw20(a) if a == token);
    let cut = cut_fee(fee, value, in_btt, rule, recipients);
    let mut msgs = vec![];
    if !cut.burn.is_zero() {
        msgs.push(TokenContract(token.clone()).burn_msg(cut.burn)?);
    }
    for (to, amount) in &cut.paid {
        msgs.extend(asset.transfer_msg(to, *amount)?);
    }
    Ok((msgs, cut.burn))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockApi;
    use proptest::prelude::*;

    fn recipients() -> Vec<FeeRecipient> {
        let api = MockApi::default();
        [("dev", 5_000), ("foundation", 3_334), ("reserve", 1_666)]
            .iter()
            .map(|(l, s)| FeeRecipient {
                label: l.to_string(),
                address: api.addr_make(l),
                share: Bps(*s),
            })
            .collect()
    }

    const RULE: BurnRule = BurnRule {
        threshold: Uint128::new(1_000_000_000),
        share: Bps(2_000),
    };

    #[test]
    fn burns_only_high_value_btt_fees() {
        let fee = Uint128::new(10_000_000);
        let low = cut_fee(fee, Uint128::new(999_999_999), true, &RULE, &recipients());
        assert_eq!(low.burn, Uint128::zero());
        let native = cut_fee(
            fee,
            Uint128::new(5_000_000_000),
            false,
            &RULE,
            &recipients(),
        );
        assert_eq!(native.burn, Uint128::zero());
        let high = cut_fee(fee, Uint128::new(1_000_000_000), true, &RULE, &recipients());
        assert_eq!(high.burn, Uint128::new(2_000_000));
        assert_eq!(high.paid[0].1, Uint128::new(4_000_000));
    }

    #[test]
    fn band_check_names_the_fee() {
        assert!(in_band("mint fee", Bps(100), Bps(100), Bps(300)).is_ok());
        let err = in_band("mint fee", Bps(350), Bps(100), Bps(300)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "mint fee must be between 1.00% and 3.00%, not 3.50%"
        );
    }

    #[test]
    fn recipients_must_sum_to_full() {
        let api = MockApi::default();
        let one = |s| FeeRecipientMsg {
            label: "dao".into(),
            address: api.addr_make("dao").to_string(),
            share: Bps(s),
        };
        assert!(validate_recipients(&api, &[one(10_000)]).is_ok());
        assert!(validate_recipients(&api, &[one(9_999)]).is_err());
        assert!(validate_recipients(&api, &[]).is_err());
    }

    #[test]
    fn a_paid_out_btt_fee_burns_then_pays_each_recipient() {
        let token = MockApi::default().addr_make("btt");
        let asset = Asset::Cw20(token.clone());
        let (msgs, burned) = pay_out_fee(
            Uint128::new(10_000_000),
            Uint128::new(1_000_000_000),
            &asset,
            &token,
            &RULE,
            &recipients(),
        )
        .unwrap();
        assert_eq!(burned, Uint128::new(2_000_000));
        assert_eq!(msgs.len(), 4, "one burn and three transfers");
        let native = Asset::Native("uusdc".into());
        let (msgs, burned) = pay_out_fee(
            Uint128::new(10_000_000),
            Uint128::new(1_000_000_000),
            &native,
            &token,
            &RULE,
            &recipients(),
        )
        .unwrap();
        assert_eq!((msgs.len(), burned), (3, Uint128::zero()));
    }

    proptest! {
        #[test]
        fn nothing_is_lost(fee in 0u128..1_000_000_000_000, value in 0u128..10_000_000_000, btt: bool) {
            let cut = cut_fee(Uint128::new(fee), Uint128::new(value), btt, &RULE, &recipients());
            let paid: Uint128 = cut.paid.iter().map(|(_, a)| *a).sum();
            prop_assert_eq!(paid + cut.burn, Uint128::new(fee));
        }
    }
}
