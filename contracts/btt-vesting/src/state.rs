use btt_types::vesting::Schedule;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint128};
use cw_storage_plus::{Item, Map};

/// The BTT token, the only cw20 this contract accepts.
pub const TOKEN: Item<Addr> = Item::new("token");

/// Every schedule, by id (ids start at 1 and never repeat).
pub const SCHEDULES: Map<u64, Schedule> = Map::new("schedules");

/// Index of schedule ids by beneficiary, for the by-beneficiary query.
pub const BY_BENEFICIARY: Map<(&Addr, u64), ()> = Map::new("by_beneficiary");

/// Running totals over all schedules, kept in step by funding and claims.
pub const TOTALS: Item<Totals> = Item::new("totals");

#[cw_serde]
#[derive(Default)]
pub struct Totals {
    /// The id of the last schedule created (0 before the first).
    pub last_id: u64,
    /// Σ totals of all schedules.
    pub allocated: Uint128,
    /// Σ paid out.
    pub claimed: Uint128,
}
