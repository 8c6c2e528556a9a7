//! The median that oracle quorums combine by (depin-rewards' attestations, payfi's feeder
//! rates).

use cosmwasm_std::Decimal;

/// The median of `values`: the middle one, or for an even count the mean of the two middle
/// ones rounded down (never above either); `None` when empty or on overflow.
pub fn median(mut values: Vec<Decimal>) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    values.sort();
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        return Some(values[mid]);
    }
    values[mid - 1]
        .checked_add(values[mid])
        .ok()?
        .checked_div(Decimal::from_ratio(2u128, 1u128))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_middle_value_or_the_mean_of_the_two_middle_ones() {
        assert_eq!(median(vec![]), None);
        assert_eq!(
            median(vec![
                Decimal::percent(90),
                Decimal::percent(10),
                Decimal::percent(50)
            ]),
            Some(Decimal::percent(50))
        );
        assert_eq!(
            median(vec![Decimal::percent(40), Decimal::percent(60)]),
            Some(Decimal::percent(50))
        );
        assert_eq!(median(vec![Decimal::MAX, Decimal::MAX]), None, "overflow");
    }
}
