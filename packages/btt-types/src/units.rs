//! Units of account shared by every contract.

use cosmwasm_std::Uint128;

/// BTT has 6 decimals.
pub const BTT_DECIMALS: u8 = 6;
/// 1 BTT = 1,000,000 ubtt.
pub const UBTT_PER_BTT: u128 = 1_000_000;
/// The fixed supply: 21,000,000 BTT, minted once at genesis.
pub const TOTAL_SUPPLY_BTT: u128 = 21_000_000;
/// The fixed supply in ubtt.
pub const TOTAL_SUPPLY: Uint128 = Uint128::new(TOTAL_SUPPLY_BTT * UBTT_PER_BTT);
/// A month is 1/12 of a Gregorian year: 365.2425 days / 12 = 2,629,746 seconds.
pub const MONTH_SECONDS: u64 = 2_629_746;

/// Whole BTT to ubtt, at compile time where possible.
pub const fn btt(whole: u128) -> Uint128 {
    Uint128::new(whole * UBTT_PER_BTT)
}

// `is_multiple_of` is newer than Rust 1.81, the toolchain of cosmwasm/optimizer 0.16.
#[allow(clippy::manual_is_multiple_of)]
/// Formats ubtt as BTT with six decimals and thousands separators, e.g. `1,050,000.000000`.
pub fn format_btt(amount: Uint128) -> String {
    let whole = amount.u128() / UBTT_PER_BTT;
    let frac = amount.u128() % UBTT_PER_BTT;
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{grouped}.{frac:06}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_supply_is_21_million_btt_in_ubtt() {
        assert_eq!(TOTAL_SUPPLY, Uint128::new(21_000_000_000_000));
        assert_eq!(btt(1), Uint128::new(1_000_000));
    }

    #[test]
    fn a_month_is_a_twelfth_of_a_gregorian_year() {
        assert_eq!(MONTH_SECONDS * 12, 31_556_952);
    }

    #[test]
    fn formats_btt_with_grouping_and_six_decimals() {
        assert_eq!(format_btt(Uint128::zero()), "0.000000");
        assert_eq!(format_btt(Uint128::new(1)), "0.000001");
        assert_eq!(format_btt(btt(1_050_000)), "1,050,000.000000");
        assert_eq!(format_btt(Uint128::new(123_456_789)), "123.456789");
        assert_eq!(format_btt(TOTAL_SUPPLY), "21,000,000.000000");
    }
}
