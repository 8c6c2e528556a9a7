//! The payout of a completed job: 70% to the nodes by units, 15/10/5% to the development fund,
//! foundation and reserve (DAO config). Fee shares are rounded down; the contributors' part is
//! what remains, so it takes the rounding dust; among nodes each gets its units' share rounded
//! down and the remainder goes to the node that supplied the most units. The parts always add up
//! to the price exactly.

use btt_types::bps::Bps;
use cosmwasm_std::{Addr, Uint128};

/// One fee recipient's cut.
#[derive(Debug, Clone, PartialEq)]
pub struct FeeCut {
    pub label: String,
    pub recipient: Addr,
    pub amount: Uint128,
}

/// One node's cut.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeCut {
    pub node_id: u64,
    pub amount: Uint128,
}

/// A whole payout.
#[derive(Debug, Clone, PartialEq)]
pub struct Payout {
    pub fees: Vec<FeeCut>,
    pub nodes: Vec<NodeCut>,
}

impl Payout {
    /// Σ of every part.
    pub fn total(&self) -> Uint128 {
        self.fees.iter().map(|f| f.amount).sum::<Uint128>()
            + self.nodes.iter().map(|n| n.amount).sum::<Uint128>()
    }
}

/// Splits `amount` between `fees` (label, recipient, share) and the nodes (`(node_id, units)`,
/// at least one, units > 0).
pub fn split(amount: Uint128, fees: &[(String, Addr, Bps)], nodes: &[(u64, u64)]) -> Payout {
    let fees: Vec<FeeCut> = fees
        .iter()
        .map(|(label, recipient, share)| FeeCut {
            label: label.clone(),
            recipient: recipient.clone(),
            amount: share.of(amount),
        })
        .collect();
    let fee_total: Uint128 = fees.iter().map(|f| f.amount).sum();
    // Fee shares add up to at most 100% and each is rounded down, so this cannot underflow.
    let contributors = amount - fee_total;
    let total_units: u128 = nodes.iter().map(|(_, u)| u128::from(*u)).sum();
    let mut cuts: Vec<NodeCut> = nodes
        .iter()
        .map(|(node_id, units)| NodeCut {
            node_id: *node_id,
            amount: contributors.multiply_ratio(u128::from(*units), total_units.max(1)),
        })
        .collect();
    let paid: Uint128 = cuts.iter().map(|c| c.amount).sum();
    let largest = nodes
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, units))| (*units, std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    if let Some(i) = largest {
        cuts[i].amount += contributors - paid;
    }
    Payout { fees, nodes: cuts }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fees() -> Vec<(String, Addr, Bps)> {
        vec![
            (
                "development fund".into(),
                Addr::unchecked("dev"),
                Bps(1_500),
            ),
            (
                "foundation".into(),
                Addr::unchecked("foundation"),
                Bps(1_000),
            ),
            ("reserve".into(), Addr::unchecked("reserve"), Bps(500)),
        ]
    }

    #[test]
    fn awkward_prices_split_to_the_ubtt_for_one_two_and_three_nodes() {
        let node_sets: [&[(u64, u64)]; 3] =
            [&[(1, 10)], &[(1, 10), (2, 10)], &[(1, 3), (2, 3), (3, 1)]];
        for price in [1u128, 7, 999_999, 1_000_000, 123_456_789_012] {
            for nodes in node_sets {
                let payout = split(Uint128::new(price), &fees(), nodes);
                assert_eq!(
                    payout.total(),
                    Uint128::new(price),
                    "price {price}, {} nodes",
                    nodes.len()
                );
                assert_eq!(payout.nodes.len(), nodes.len());
            }
        }
    }

    #[test]
    fn the_shares_are_70_15_10_5_and_dust_goes_to_contributors() {
        let payout = split(Uint128::new(999_999), &fees(), &[(1, 1)]);
        let fee_amounts: Vec<u128> = payout.fees.iter().map(|f| f.amount.u128()).collect();
        assert_eq!(fee_amounts, vec![149_999, 99_999, 49_999]);
        assert_eq!(
            payout.nodes[0].amount,
            Uint128::new(700_002),
            "699,999.3 + 2.7 of dust"
        );
        let tiny = split(Uint128::new(7), &fees(), &[(1, 1), (2, 1)]);
        assert_eq!(tiny.fees.iter().map(|f| f.amount.u128()).sum::<u128>(), 1);
        assert_eq!(
            tiny.nodes,
            vec![
                NodeCut {
                    node_id: 1,
                    amount: Uint128::new(3)
                },
                NodeCut {
                    node_id: 2,
                    amount: Uint128::new(3)
                }
            ]
        );
    }

    #[test]
    fn nodes_share_by_units_with_the_remainder_to_the_largest() {
        let payout = split(Uint128::new(1_000), &[], &[(7, 1), (8, 2)]);
        assert_eq!(payout.nodes[0].amount, Uint128::new(333));
        assert_eq!(payout.nodes[1].amount, Uint128::new(667));
        let one = split(Uint128::new(1), &fees(), &[(1, 3), (2, 3), (3, 1)]);
        assert_eq!(
            one.nodes
                .iter()
                .map(|n| n.amount.u128())
                .collect::<Vec<_>>(),
            vec![1, 0, 0]
        );
    }
}
