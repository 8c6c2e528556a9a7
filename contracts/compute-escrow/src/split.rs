//! The payout of a completed job: 70% to the nodes by units, the protocol part (15/10/5% to the
//! development fund, foundation and reserve at genesis) through the fee router
//! ([`btt_types::fee_router`]). Fee parts are rounded down; the contributors' part is what
//! remains, so it takes the rounding dust; among nodes each gets its units' share rounded down and
//! the remainder goes to the node that supplied the most units. The parts always add up to the
//! price exactly.

use btt_types::fee_router::{cut, FeeShares, Payable, Routed};
use cosmwasm_std::{StdResult, Uint128};

/// One node's cut.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeCut {
    pub node_id: u64,
    pub amount: Uint128,
}

/// A whole payout.
#[derive(Debug, Clone, PartialEq)]
pub struct Payout {
    pub fees: Routed,
    pub nodes: Vec<NodeCut>,
}

impl Payout {
    /// Σ of every part.
    pub fn total(&self) -> StdResult<Uint128> {
        Ok(self
            .fees
            .total()?
            .checked_add(self.nodes.iter().map(|n| n.amount).sum::<Uint128>())?)
    }
}

/// Splits `contributors` between the nodes (`(node_id, units)`, at least one, units > 0) by
/// units, the remainder to the node with the most units.
pub fn node_cuts(contributors: Uint128, nodes: &[(u64, u64)]) -> Vec<NodeCut> {
    let total_units: u128 = nodes.iter().map(|(_, u)| u128::from(*u)).sum();
    let mut cuts: Vec<NodeCut> = nodes
        .iter()
        .map(|(node_id, units)| NodeCut {
            node_id: *node_id,
            amount: contributors.multiply_ratio(u128::from(*units), total_units.max(1)),
        })
        .collect();
    // Each cut is at most `contributors` × its units / all units, so the sum fits.
    let paid = cuts
        .iter()
        .fold(Uint128::zero(), |s, c| s.saturating_add(c.amount));
    let largest = nodes
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, units))| (*units, std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    if let Some(i) = largest {
        // Each cut is rounded down, so they sum to at most `contributors`.
        cuts[i].amount = cuts[i]
            .amount
            .saturating_add(contributors.saturating_sub(paid));
    }
    cuts
}

/// Splits `amount` by the protocol `shares` (of the price) and between the nodes.
pub fn split(
    amount: Uint128,
    shares: &FeeShares,
    payable: Payable,
    nodes: &[(u64, u64)],
) -> StdResult<Payout> {
    let fees = cut(amount, shares, payable);
    let contributors = amount.checked_sub(fees.total()?)?;
    Ok(Payout {
        fees,
        nodes: node_cuts(contributors, nodes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use btt_types::bps::Bps;

    const BTT: Payable = Payable {
        burn: true,
        stake: true,
    };

    fn fees() -> FeeShares {
        FeeShares {
            development_fund: Bps(1_500),
            foundation: Bps(1_000),
            reserve: Bps(500),
            stakers: Bps(0),
            burn: Bps(0),
        }
    }

    fn split(amount: Uint128, shares: &FeeShares, nodes: &[(u64, u64)]) -> Payout {
        super::split(amount, shares, BTT, nodes).unwrap()
    }

    #[test]
    fn awkward_prices_split_to_the_ubtt_for_one_two_and_three_nodes() {
        let node_sets: [&[(u64, u64)]; 3] =
            [&[(1, 10)], &[(1, 10), (2, 10)], &[(1, 3), (2, 3), (3, 1)]];
        for price in [1u128, 7, 999_999, 1_000_000, 123_456_789_012] {
            for nodes in node_sets {
                let payout = split(Uint128::new(price), &fees(), nodes);
                assert_eq!(
                    payout.total().unwrap(),
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
        let f = payout.fees;
        assert_eq!(
            [f.development_fund, f.foundation, f.reserve].map(|a| a.u128()),
            [149_999, 99_999, 49_999]
        );
        assert_eq!(
            payout.nodes[0].amount,
            Uint128::new(700_002),
            "699,999.3 + 2.7 of dust"
        );
        let tiny = split(Uint128::new(7), &fees(), &[(1, 1), (2, 1)]);
        assert_eq!(tiny.fees.total().unwrap(), Uint128::new(1));
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
        let payout = split(
            Uint128::new(1_000),
            &FeeShares::default(),
            &[(7, 1), (8, 2)],
        );
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
