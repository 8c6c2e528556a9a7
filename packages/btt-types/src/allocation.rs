//! The genesis allocation of the 21,000,000 BTT, row by row from the BTT paper (DESIGN.md §3).
//!
//! This table is the one place the allocation is written down. The deploy routine turns it into
//! vesting schedules and pool transfers, and [`check_allocation_table`] proves in code that it
//! adds up to the fixed supply.
//!
//! The paper's own table sums to 89% (18,690,000 BTT) while it fixes the supply at 21,000,000.
//! We follow the table row by row and invent no schedule for the rest: the remaining 2,310,000
//! BTT (11%) are minted with everything else and held by the DAO treasury as an explicitly
//! labelled unallocated reserve that only a governance proposal can release.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{ensure, Uint128};
use serde::Serialize;
use thiserror::Error;

use crate::bps::{Bps, BPS_DENOMINATOR};
use crate::units::{btt, TOTAL_SUPPLY};

/// A row of the allocation table.
#[cw_serde]
#[derive(Copy, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    BitHive,
    ChinaDigitalHealthcareGroup,
    BitWaveProtocolLabs,
    MDao,
    Web3Ventures,
    OtherInstitutionalInvestors,
    TechnicalDevelopmentFoundation,
    MiningRewardPool,
    CommunityIncentives,
    EcosystemDevelopmentFund,
    UnallocatedReserve,
}

/// Who holds a pool from genesis on.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum PoolHolder {
    /// depin-rewards: the 8-year mining emission.
    MiningRewards,
    /// incentive-points: patient rewards, referrals, adoption incentives.
    CommunityIncentives,
    /// btt-dao: released only by governance proposals.
    DaoTreasury,
    /// An account named in the genesis plan's launch grants (the first nodes' bonds, the
    /// oracles' challenge budgets), paid out of the Ecosystem Development Fund's row.
    LaunchGrant,
}

/// How a row's tokens are released.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Release {
    /// Held by btt-vesting: nothing for `delay_months`, then linear over `linear_months`.
    DelayedLinear {
        delay_months: u64,
        linear_months: u64,
    },
    /// Held by btt-vesting in `tranches` equal tranches, the i-th (from 1) due at month
    /// `i × every_months`, each paid only once the DAO approves its milestone.
    Milestones { tranches: u32, every_months: u64 },
    /// Sent whole to a pool holder at genesis.
    Pool(PoolHolder),
}

/// One row of the table.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allocation {
    pub category: Category,
    /// The row's name as the paper writes it.
    pub name: &'static str,
    /// Share of the total supply.
    pub share: Bps,
    /// Amount in whole BTT.
    pub amount_btt: u128,
    pub release: Release,
}

impl Allocation {
    /// The row's amount in ubtt.
    pub const fn amount(&self) -> Uint128 {
        btt(self.amount_btt)
    }
}

const fn row(
    category: Category,
    name: &'static str,
    share_bps: u16,
    amount_btt: u128,
    release: Release,
) -> Allocation {
    Allocation {
        category,
        name,
        share: Bps(share_bps),
        amount_btt,
        release,
    }
}

const INSTITUTION: Release = Release::DelayedLinear {
    delay_months: 3,
    linear_months: 30,
};

/// The allocation table of the BTT paper, plus the unallocated reserve.
pub const ALLOCATION_TABLE: [Allocation; 11] = [
    row(
        Category::BitHive,
        "BitHive (founding institution)",
        1_000,
        2_100_000,
        Release::DelayedLinear {
            delay_months: 6,
            linear_months: 36,
        },
    ),
    row(
        Category::ChinaDigitalHealthcareGroup,
        "China Digital Healthcare Group",
        400,
        840_000,
        INSTITUTION,
    ),
    row(
        Category::BitWaveProtocolLabs,
        "BitWave Protocol Labs",
        300,
        630_000,
        INSTITUTION,
    ),
    row(Category::MDao, "M DAO", 200, 420_000, INSTITUTION),
    row(
        Category::Web3Ventures,
        "Web3 Ventures",
        200,
        420_000,
        INSTITUTION,
    ),
    row(
        Category::OtherInstitutionalInvestors,
        "Other Institutional Investors",
        200,
        420_000,
        INSTITUTION,
    ),
    row(
        Category::TechnicalDevelopmentFoundation,
        "Technical Development Foundation",
        1_700,
        3_570_000,
        Release::Milestones {
            tranches: 16,
            every_months: 3,
        },
    ),
    row(
        Category::MiningRewardPool,
        "Mining Reward Pool",
        3_000,
        6_300_000,
        Release::Pool(PoolHolder::MiningRewards),
    ),
    row(
        Category::CommunityIncentives,
        "Community Incentives",
        1_200,
        2_520_000,
        Release::Pool(PoolHolder::CommunityIncentives),
    ),
    row(
        Category::EcosystemDevelopmentFund,
        "Ecosystem Development Fund",
        700,
        1_470_000,
        Release::Pool(PoolHolder::DaoTreasury),
    ),
    row(
        Category::UnallocatedReserve,
        "Unallocated reserve (DAO treasury)",
        1_100,
        2_310_000,
        Release::Pool(PoolHolder::DaoTreasury),
    ),
];

/// Why an allocation table does not describe the fixed supply.
#[derive(Error, Debug, PartialEq)]
pub enum AllocationError {
    #[error("allocation rows add up to {sum} ubtt, not the supply of {supply} ubtt")]
    SumIsNotSupply { sum: Uint128, supply: Uint128 },
    #[error("allocation shares add up to {sum} bps, not 10000")]
    SharesAreNotWhole { sum: u32 },
    #[error("{name}: {amount} ubtt is not {share} of the supply")]
    AmountIsNotShare {
        name: String,
        amount: Uint128,
        share: Bps,
    },
    #[error("{name}: {amount} ubtt does not split into {tranches} equal tranches")]
    UnevenTranches {
        name: String,
        amount: Uint128,
        tranches: u32,
    },
    #[error("{name}: a release period is zero")]
    ZeroPeriod { name: String },
    #[error("{category:?} appears more than once")]
    DuplicateCategory { category: Category },
}

/// Checks that `table` splits exactly the fixed supply: each row is its share of the supply, the
/// shares make 100%, the amounts make 21,000,000 BTT, tranches are equal, periods non-zero.
pub fn check_allocation_table(table: &[Allocation]) -> Result<(), AllocationError> {
    let mut sum = Uint128::zero();
    let mut shares: u32 = 0;
    for (i, a) in table.iter().enumerate() {
        if let Some(dup) = table[..i].iter().find(|b| b.category == a.category) {
            return Err(AllocationError::DuplicateCategory {
                category: dup.category,
            });
        }
        ensure!(
            a.share.of(TOTAL_SUPPLY) == a.amount(),
            AllocationError::AmountIsNotShare {
                name: a.name.to_string(),
                amount: a.amount(),
                share: a.share,
            }
        );
        match a.release {
            Release::DelayedLinear {
                linear_months: 0, ..
            } => {
                return Err(AllocationError::ZeroPeriod {
                    name: a.name.to_string(),
                })
            }
            Release::Milestones {
                tranches,
                every_months,
            } => {
                if tranches == 0 || every_months == 0 {
                    return Err(AllocationError::ZeroPeriod {
                        name: a.name.to_string(),
                    });
                }
                ensure!(
                    a.amount().u128() % u128::from(tranches) == 0,
                    AllocationError::UnevenTranches {
                        name: a.name.to_string(),
                        amount: a.amount(),
                        tranches,
                    }
                );
            }
            _ => {}
        }
        sum += a.amount();
        shares += u32::from(a.share.0);
    }
    ensure!(
        shares == u32::from(BPS_DENOMINATOR),
        AllocationError::SharesAreNotWhole { sum: shares }
    );
    ensure!(
        sum == TOTAL_SUPPLY,
        AllocationError::SumIsNotSupply {
            sum,
            supply: TOTAL_SUPPLY,
        }
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_adds_up_to_the_fixed_supply() {
        check_allocation_table(&ALLOCATION_TABLE).unwrap();
    }

    #[test]
    fn the_paper_rows_are_89_percent_and_the_reserve_the_other_11() {
        let paper: Uint128 = ALLOCATION_TABLE
            .iter()
            .filter(|a| a.category != Category::UnallocatedReserve)
            .map(|a| a.amount())
            .sum();
        assert_eq!(paper, btt(18_690_000));
    }

    #[test]
    fn the_foundation_releases_16_quarterly_tranches_of_223_125_btt() {
        let tdf = ALLOCATION_TABLE
            .iter()
            .find(|a| a.category == Category::TechnicalDevelopmentFoundation)
            .unwrap();
        let Release::Milestones {
            tranches,
            every_months,
        } = tdf.release
        else {
            panic!("foundation is not milestones")
        };
        assert_eq!((tranches, every_months), (16, 3));
        assert_eq!(tdf.amount().u128() / 16, btt(223_125).u128());
    }

    #[test]
    fn a_table_that_misses_a_row_is_refused() {
        let err = check_allocation_table(&ALLOCATION_TABLE[..10]).unwrap_err();
        assert_eq!(err, AllocationError::SharesAreNotWhole { sum: 8_900 });
    }

    #[test]
    fn a_row_whose_amount_is_not_its_share_is_refused() {
        let mut table = ALLOCATION_TABLE;
        table[1].amount_btt += 1;
        assert!(matches!(
            check_allocation_table(&table),
            Err(AllocationError::AmountIsNotShare { .. })
        ));
    }

    #[test]
    fn a_duplicate_row_is_refused() {
        let mut table = ALLOCATION_TABLE;
        table[2].category = Category::BitHive;
        assert_eq!(
            check_allocation_table(&table),
            Err(AllocationError::DuplicateCategory {
                category: Category::BitHive
            })
        );
    }

    #[test]
    fn uneven_tranches_are_refused() {
        let mut table = ALLOCATION_TABLE;
        table[6].release = Release::Milestones {
            tranches: 11,
            every_months: 3,
        };
        assert!(matches!(
            check_allocation_table(&table),
            Err(AllocationError::UnevenTranches { .. })
        ));
    }
}
