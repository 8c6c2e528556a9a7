//! Checked arithmetic on plain integer counters (`u32`, `u64`, ...), failing with cosmwasm's
//! `OverflowError` exactly as `Uint128`'s checked methods do, so every contract's
//! `Overflow(#[from] OverflowError)` error carries both.

use cosmwasm_std::{OverflowError, OverflowOperation};

/// `checked_add` / `checked_sub` / `checked_mul` with an `OverflowError` instead of `None`.
pub trait Checked: Sized {
    /// `self + rhs`, or an error on overflow.
    fn add_checked(self, rhs: Self) -> Result<Self, OverflowError>;
    /// `self - rhs`, or an error below zero.
    fn sub_checked(self, rhs: Self) -> Result<Self, OverflowError>;
    /// `self × rhs`, or an error on overflow.
    fn mul_checked(self, rhs: Self) -> Result<Self, OverflowError>;
}

macro_rules! checked {
    ($($t:ty),*) => {$(
        impl Checked for $t {
            fn add_checked(self, rhs: Self) -> Result<Self, OverflowError> {
                self.checked_add(rhs).ok_or(OverflowError::new(OverflowOperation::Add))
            }
            fn sub_checked(self, rhs: Self) -> Result<Self, OverflowError> {
                self.checked_sub(rhs).ok_or(OverflowError::new(OverflowOperation::Sub))
            }
            fn mul_checked(self, rhs: Self) -> Result<Self, OverflowError> {
                self.checked_mul(rhs).ok_or(OverflowError::new(OverflowOperation::Mul))
            }
        }
    )*};
}

checked!(u8, u16, u32, u64, u128, usize);

/// The sum of `items`, or an error on overflow (where `Iterator::sum` would panic).
pub fn checked_sum<T: Checked + Default>(
    items: impl IntoIterator<Item = T>,
) -> Result<T, OverflowError> {
    items
        .into_iter()
        .try_fold(T::default(), |total, x| total.add_checked(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_and_underflow_are_errors_not_wraps() {
        assert_eq!(1u64.add_checked(2), Ok(3));
        assert_eq!(
            u64::MAX.add_checked(1),
            Err(OverflowError::new(OverflowOperation::Add))
        );
        assert_eq!(
            0u32.sub_checked(1),
            Err(OverflowError::new(OverflowOperation::Sub))
        );
        assert_eq!(
            u32::MAX.mul_checked(2),
            Err(OverflowError::new(OverflowOperation::Mul))
        );
        assert_eq!(checked_sum([1u64, 2, 3]), Ok(6));
        assert!(checked_sum([u64::MAX, 1]).is_err());
    }
}
