//! Fee bands: the paper's allowed range of every fee rate, checked at instantiation and on
//! every config change. Where fees go is [`crate::fee_router`].

use crate::bps::Bps;

/// A fee outside its band.
#[derive(thiserror::Error, Debug, PartialEq)]
#[error("{name} must be between {min} and {max}, not {got}")]
pub struct FeeOutOfBand {
    /// The fee's name in the band table.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_check_names_the_fee() {
        assert!(in_band("mint fee", Bps(100), Bps(100), Bps(300)).is_ok());
        let err = in_band("mint fee", Bps(350), Bps(100), Bps(300)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "mint fee must be between 1.00% and 3.00%, not 3.50%"
        );
    }
}
