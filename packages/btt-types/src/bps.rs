//! Basis points: 1 bps = 0.01%, 10,000 bps = 100%.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Decimal, Uint128};

/// 100% in basis points.
pub const BPS_DENOMINATOR: u16 = 10_000;

/// A share in basis points (0..=10,000). Serialised as a plain integer.
#[cw_serde]
#[derive(Copy, Default, Eq, PartialOrd, Ord)]
#[serde(transparent)]
pub struct Bps(pub u16);

impl Bps {
    /// 0%.
    pub const ZERO: Bps = Bps(0);
    /// 100%.
    pub const FULL: Bps = Bps(BPS_DENOMINATOR);

    /// True when the value is at most 100%.
    pub const fn is_valid(self) -> bool {
        self.0 <= BPS_DENOMINATOR
    }

    /// `amount × self / 10,000`, rounded down. Never overflows: the product is taken in 256 bits.
    pub fn of(self, amount: Uint128) -> Uint128 {
        amount.multiply_ratio(self.0, BPS_DENOMINATOR)
    }

    /// `amount × self / 10,000`, rounded up: fees round in the protocol's favour, so splitting
    /// one payment into many never lowers the fee.
    pub fn of_ceil(self, amount: Uint128) -> Uint128 {
        amount.mul_ceil(self.to_decimal())
    }

    /// True when `lo <= self <= hi`.
    pub fn within(self, lo: Bps, hi: Bps) -> bool {
        lo <= self && self <= hi
    }

    /// The rate of `level` in a table of rates by staking priority level: the last rate applies
    /// to every level above the table, and an empty table charges nothing.
    pub fn by_level(table: &[Bps], level: usize) -> Bps {
        table
            .get(level)
            .or(table.last())
            .copied()
            .unwrap_or(Bps::ZERO)
    }

    /// The same share as a `Decimal` (e.g. 250 bps = 0.025).
    pub fn to_decimal(self) -> Decimal {
        Decimal::from_ratio(self.0, BPS_DENOMINATOR)
    }
}

impl std::fmt::Display for Bps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{:02}%", self.0 / 100, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_a_share_rounding_down() {
        assert_eq!(Bps(1_500).of(Uint128::new(1_000)), Uint128::new(150));
        assert_eq!(Bps(1).of(Uint128::new(9_999)), Uint128::zero());
        assert_eq!(Bps::FULL.of(Uint128::MAX), Uint128::MAX);
    }

    #[test]
    fn a_fee_rounds_up_so_splitting_never_lowers_it() {
        assert_eq!(Bps(50).of_ceil(Uint128::new(124)), Uint128::one());
        assert_eq!(Bps(50).of_ceil(Uint128::new(200)), Uint128::one());
        assert_eq!(Bps(50).of_ceil(Uint128::new(201)), Uint128::new(2));
        assert_eq!(Bps(50).of_ceil(Uint128::zero()), Uint128::zero());
        let whole = Bps(50).of_ceil(Uint128::new(124_000));
        let pieces = Bps(50).of_ceil(Uint128::new(124)) * Uint128::new(1_000);
        assert!(pieces >= whole);
        assert!(Bps(60).within(Bps(50), Bps(80)));
        assert!(!Bps(49).within(Bps(50), Bps(80)));
    }

    #[test]
    fn rates_by_level_repeat_the_last() {
        let table = [Bps(100), Bps(80), Bps(50)];
        assert_eq!(Bps::by_level(&table, 0), Bps(100));
        assert_eq!(Bps::by_level(&table, 2), Bps(50));
        assert_eq!(Bps::by_level(&table, 7), Bps(50));
        assert_eq!(Bps::by_level(&[], 1), Bps::ZERO);
    }

    #[test]
    fn validity_and_display() {
        assert!(Bps::FULL.is_valid());
        assert!(!Bps(10_001).is_valid());
        assert_eq!(Bps(1_100).to_string(), "11.00%");
        assert_eq!(Bps(75).to_string(), "0.75%");
        assert_eq!(Bps(50).to_decimal(), Decimal::permille(5));
    }
}
