//! The chain's storage for fuzzing: an ordered map that counts its writes and can be
//! snapshotted and restored, so every sequence starts from the same deployed economy and a
//! refused message is seen to have written nothing.

use std::collections::BTreeMap;
use std::ops::Bound;

use cosmwasm_std::{Order, Record, Storage};

/// The embedded chain the fuzzer drives.
pub type FuzzApp = btt_deploy::chain::AppOn<SnapshotStorage>;

/// Every key and value of the chain.
pub type Snapshot = BTreeMap<Vec<u8>, Vec<u8>>;

/// [`Storage`] over a [`Snapshot`], with a count of every write that reached it.
#[derive(Default)]
pub struct SnapshotStorage {
    data: Snapshot,
    writes: u64,
}

impl SnapshotStorage {
    /// Writes that reached the storage so far (a transaction that failed reaches none).
    pub fn writes(&self) -> u64 {
        self.writes
    }

    /// A copy of every key and value.
    pub fn snapshot(&self) -> Snapshot {
        self.data.clone()
    }

    /// Replaces everything with `snapshot`.
    pub fn restore(&mut self, snapshot: &Snapshot) {
        self.data.clone_from(snapshot);
        self.writes += 1;
    }
}

impl Storage for SnapshotStorage {
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        self.data.get(key).cloned()
    }

    fn range<'a>(
        &'a self,
        start: Option<&[u8]>,
        end: Option<&[u8]>,
        order: Order,
    ) -> Box<dyn Iterator<Item = Record> + 'a> {
        if let (Some(s), Some(e)) = (start, end) {
            if s >= e {
                return Box::new(std::iter::empty());
            }
        }
        let lower = start.map_or(Bound::Unbounded, |s| Bound::Included(s.to_vec()));
        let upper = end.map_or(Bound::Unbounded, |e| Bound::Excluded(e.to_vec()));
        let iter = self
            .data
            .range((lower, upper))
            .map(|(k, v)| (k.clone(), v.clone()));
        match order {
            Order::Ascending => Box::new(iter),
            Order::Descending => Box::new(iter.rev()),
        }
    }

    fn set(&mut self, key: &[u8], value: &[u8]) {
        self.writes += 1;
        self.data.insert(key.to_vec(), value.to_vec());
    }

    fn remove(&mut self, key: &[u8]) {
        self.writes += 1;
        self.data.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_half_open_in_both_orders_and_an_empty_range_is_empty() {
        let mut s = SnapshotStorage::default();
        for k in [b"a", b"b", b"c"] {
            s.set(k, b"v");
        }
        let keys = |it: Box<dyn Iterator<Item = Record> + '_>| -> Vec<Vec<u8>> {
            it.map(|(k, _)| k).collect()
        };
        assert_eq!(
            keys(s.range(Some(b"a"), Some(b"c"), Order::Ascending)),
            vec![b"a".to_vec(), b"b".to_vec()]
        );
        assert_eq!(
            keys(s.range(Some(b"b"), None, Order::Descending)),
            vec![b"c".to_vec(), b"b".to_vec()]
        );
        assert!(keys(s.range(Some(b"c"), Some(b"a"), Order::Ascending)).is_empty());
    }

    #[test]
    fn a_restore_brings_back_every_key_and_counts_writes() {
        let mut s = SnapshotStorage::default();
        s.set(b"a", b"1");
        let snap = s.snapshot();
        s.set(b"b", b"2");
        s.remove(b"a");
        assert_eq!(s.writes(), 3);
        s.restore(&snap);
        assert_eq!(s.get(b"a"), Some(b"1".to_vec()));
        assert_eq!(s.get(b"b"), None);
    }
}
