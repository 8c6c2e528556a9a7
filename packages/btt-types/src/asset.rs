//! What a payment is made in (the BTT cw20 or a native denom) and what arrived with a message
//! ([`Payment`]): the one way every contract takes payment.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    coins, ensure, Addr, Api, BankMsg, CosmosMsg, MessageInfo, StdError, StdResult, Uint128,
};
use cw20::Cw20ReceiveMsg;
use cw_utils::PaymentError;
use thiserror::Error;

use crate::token::{hook_sender, TokenContract, UnknownToken};

/// A payment asset.
#[cw_serde]
#[derive(Eq, PartialOrd, Ord)]
pub enum Asset {
    /// A cw20 token (BTT) by contract address.
    Cw20(Addr),
    /// A native denom, e.g. "untrn".
    Native(String),
}

impl Asset {
    /// The asset of a denom name: "btt" is the BTT cw20 `token`, anything else a native denom.
    pub fn named(denom: &str, token: &Addr) -> Asset {
        if denom == BTT_DENOM {
            Asset::Cw20(token.clone())
        } else {
            Asset::Native(denom.into())
        }
    }

    /// The asset's name where a denom is asked for: "btt" for the cw20, else the native denom.
    pub fn denom(&self) -> String {
        match self {
            Asset::Cw20(_) => BTT_DENOM.into(),
            Asset::Native(d) => d.clone(),
        }
    }

    /// A message paying `amount` of this asset to `recipient`, or `None` for a zero amount.
    pub fn transfer_msg(&self, recipient: &Addr, amount: Uint128) -> StdResult<Option<CosmosMsg>> {
        if amount.is_zero() {
            return Ok(None);
        }
        Ok(Some(match self {
            Asset::Cw20(token) => TokenContract(token.clone()).transfer_msg(recipient, amount)?,
            Asset::Native(denom) => BankMsg::Send {
                to_address: recipient.to_string(),
                amount: coins(amount.u128(), denom),
            }
            .into(),
        }))
    }
}

/// True for a real native denom: not empty, and not "btt" (the name messages use for the BTT
/// cw20).
pub fn is_native_denom(denom: &str) -> bool {
    !denom.is_empty() && denom != BTT_DENOM
}

/// True when every entry is a real native denom ([`is_native_denom`]).
pub fn are_native_denoms(denoms: &[String]) -> bool {
    denoms.iter().all(|d| is_native_denom(d))
}

impl std::fmt::Display for Asset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Asset::Cw20(a) => write!(f, "cw20:{a}"),
            Asset::Native(d) => write!(f, "{d}"),
        }
    }
}

/// The name messages and metadata use for the BTT cw20 where a denom is asked for.
pub const BTT_DENOM: &str = "btt";

/// What a payment did not match.
#[derive(Error, Debug, PartialEq)]
pub enum PaidError {
    /// The denom is neither "btt" nor one the contract accepts.
    #[error("{denom} is not accepted here")]
    UnknownDenom {
        /// The denom paid or named.
        denom: String,
    },
    /// Paid in another asset than the one due.
    #[error("paid in {got}, but {expected} is due")]
    WrongAsset {
        /// The asset due.
        expected: String,
        /// The asset paid.
        got: String,
    },
    /// Paid another amount than exactly the one due.
    #[error("paid {got}, but exactly {expected} is due")]
    WrongAmount {
        /// The amount due.
        expected: Uint128,
        /// The amount paid.
        got: Uint128,
    },
}

/// What arrived with a message: BTT through a cw20 hook, or exactly one native coin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    /// Who paid: the cw20 sender of a hook, or the message's sender.
    pub sender: Addr,
    /// The asset paid in.
    pub asset: Asset,
    /// The amount paid.
    pub amount: Uint128,
}

impl Payment {
    /// The BTT of a `Receive(Cw20ReceiveMsg)`, after the hook's guard ([`hook_sender`]): no native
    /// funds, the caller is `token`, the cw20 sender a valid address.
    pub fn from_hook<E>(
        api: &dyn Api,
        info: &MessageInfo,
        token: &Addr,
        wrapper: &Cw20ReceiveMsg,
    ) -> Result<Payment, E>
    where
        E: From<UnknownToken> + From<StdError> + From<PaymentError>,
    {
        Ok(Payment {
            sender: hook_sender::<E>(api, info, token, wrapper)?,
            asset: Asset::Cw20(token.clone()),
            amount: wrapper.amount,
        })
    }

    /// Exactly one native coin attached to the message, in any denom.
    pub fn one_coin(info: &MessageInfo) -> Result<Payment, PaymentError> {
        let coin = cw_utils::one_coin(info)?;
        Ok(Payment {
            sender: info.sender.clone(),
            asset: Asset::Native(coin.denom),
            amount: coin.amount,
        })
    }

    /// Exactly one native coin attached to the message, in one of the `accepted` denoms.
    pub fn native<E>(info: &MessageInfo, accepted: &[String]) -> Result<Payment, E>
    where
        E: From<PaymentError> + From<PaidError>,
    {
        let paid = Payment::one_coin(info)?;
        let denom = paid.denom();
        ensure!(accepted.contains(&denom), PaidError::UnknownDenom { denom });
        Ok(paid)
    }

    /// The denom paid: "btt" for the cw20, else the native denom.
    pub fn denom(&self) -> String {
        self.asset.denom()
    }

    /// Checks the payment is in `expected`.
    pub fn check_asset(&self, expected: &Asset) -> Result<(), PaidError> {
        ensure!(
            &self.asset == expected,
            PaidError::WrongAsset {
                expected: expected.to_string(),
                got: self.asset.to_string(),
            }
        );
        Ok(())
    }

    /// Checks the payment is exactly `expected`, in any asset.
    pub fn check_amount(&self, expected: Uint128) -> Result<(), PaidError> {
        ensure!(
            self.amount == expected,
            PaidError::WrongAmount {
                expected,
                got: self.amount,
            }
        );
        Ok(())
    }

    /// Checks the payment is exactly `amount` of `asset`.
    pub fn check(&self, asset: &Asset, amount: Uint128) -> Result<(), PaidError> {
        self.check_asset(asset)?;
        self.check_amount(amount)
    }
}

/// The asset a message names by denom: "btt" for the BTT cw20 `token`, or one of the `accepted`
/// native denoms.
pub fn asset_named(denom: &str, token: &Addr, accepted: &[String]) -> Result<Asset, PaidError> {
    if denom != BTT_DENOM && !accepted.iter().any(|d| d == denom) {
        return Err(PaidError::UnknownDenom {
            denom: denom.into(),
        });
    }
    Ok(Asset::named(denom, token))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{message_info, MockApi};
    use cosmwasm_std::{coin, coins};

    fn info(funds: &[cosmwasm_std::Coin]) -> MessageInfo {
        message_info(&MockApi::default().addr_make("payer"), funds)
    }

    #[test]
    fn a_native_payment_is_exactly_one_coin_of_an_accepted_denom() {
        let accepted = vec!["uusdc".to_string()];
        let paid = Payment::native::<PaymentFailure>(&info(&coins(5, "uusdc")), &accepted).unwrap();
        assert_eq!(paid.asset, Asset::Native("uusdc".into()));
        assert_eq!(paid.amount, Uint128::new(5));
        assert_eq!(paid.denom(), "uusdc");
        assert_eq!(
            Payment::native::<PaymentFailure>(&info(&coins(5, "uatom")), &accepted),
            Err(PaymentFailure::Paid(PaidError::UnknownDenom {
                denom: "uatom".into()
            }))
        );
        assert_eq!(
            Payment::native::<PaymentFailure>(&info(&[]), &accepted),
            Err(PaymentFailure::Funds(PaymentError::NoFunds {}))
        );
        assert_eq!(
            Payment::native::<PaymentFailure>(
                &info(&[coin(5, "uusdc"), coin(1, "untrn")]),
                &accepted
            ),
            Err(PaymentFailure::Funds(PaymentError::MultipleDenoms {}))
        );
    }

    #[test]
    fn a_payment_matches_only_its_exact_asset_and_amount() {
        let token = MockApi::default().addr_make("token");
        let paid = Payment {
            sender: MockApi::default().addr_make("payer"),
            asset: Asset::Cw20(token.clone()),
            amount: Uint128::new(100),
        };
        assert_eq!(paid.denom(), BTT_DENOM);
        assert_eq!(
            paid.check(&Asset::Cw20(token.clone()), Uint128::new(100)),
            Ok(())
        );
        assert_eq!(
            paid.check(&Asset::Cw20(token.clone()), Uint128::new(99)),
            Err(PaidError::WrongAmount {
                expected: Uint128::new(99),
                got: Uint128::new(100)
            })
        );
        assert_eq!(
            paid.check_asset(&Asset::Native("uusdc".into())),
            Err(PaidError::WrongAsset {
                expected: "uusdc".into(),
                got: format!("cw20:{token}")
            })
        );
        // A fake cw20 is another asset, whatever it is called.
        let fake = MockApi::default().addr_make("fake-btt");
        assert!(paid.check_asset(&Asset::Cw20(fake)).is_err());
    }

    #[test]
    fn a_named_asset_is_btt_or_an_accepted_native_denom() {
        let token = MockApi::default().addr_make("token");
        let accepted = vec!["uusdc".to_string()];
        assert_eq!(
            asset_named("btt", &token, &accepted),
            Ok(Asset::Cw20(token.clone()))
        );
        assert_eq!(
            asset_named("uusdc", &token, &accepted),
            Ok(Asset::Native("uusdc".into()))
        );
        assert_eq!(
            asset_named("uatom", &token, &accepted),
            Err(PaidError::UnknownDenom {
                denom: "uatom".into()
            })
        );
        assert!(!is_native_denom("btt") && !is_native_denom("") && is_native_denom("uusdc"));
    }

    /// A contract error with the two payment failures, as every contract has.
    #[derive(Debug, PartialEq)]
    enum PaymentFailure {
        Funds(PaymentError),
        Paid(PaidError),
    }

    impl From<PaymentError> for PaymentFailure {
        fn from(e: PaymentError) -> Self {
            PaymentFailure::Funds(e)
        }
    }

    impl From<PaidError> for PaymentFailure {
        fn from(e: PaidError) -> Self {
            PaymentFailure::Paid(e)
        }
    }
}
