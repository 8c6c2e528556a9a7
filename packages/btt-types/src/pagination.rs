//! The pagination rule of every list query: `start_after` + `limit`, default 10, at most 30.

/// Items returned when a query gives no limit.
pub const DEFAULT_LIMIT: u32 = 10;
/// The most items one page may hold, whatever the caller asks for.
pub const MAX_LIMIT: u32 = 30;

use cosmwasm_std::StdResult;

/// One page of the values of a `(key, value)` range: at most `clamp_limit(limit)` of them.
pub fn page<K, V>(
    range: impl Iterator<Item = StdResult<(K, V)>>,
    limit: Option<u32>,
) -> StdResult<Vec<V>> {
    range
        .take(clamp_limit(limit))
        .map(|item| item.map(|(_, v)| v))
        .collect()
}

/// The caller's limit, defaulted and clamped to `1..=MAX_LIMIT`.
pub fn clamp_limit(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_defaulted_and_clamped() {
        assert_eq!(clamp_limit(None), 10);
        assert_eq!(clamp_limit(Some(0)), 1);
        assert_eq!(clamp_limit(Some(7)), 7);
        assert_eq!(clamp_limit(Some(10_000)), 30);
    }
}
