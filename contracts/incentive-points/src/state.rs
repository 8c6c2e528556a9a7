use btt_types::fee_router::FeeRouting;
use btt_types::points::{Insurer, Partner, PointsRules, Provider};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{ensure, Addr, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    /// Where the subscription, partner and redemption fees go.
    pub fee_routing: FeeRouting,
    pub payfi: Option<Addr>,
    pub rules: PointsRules,
    /// Start of period 0 and conversion epoch 0.
    pub start: Timestamp,
}

/// The contract's config, set at instantiate and changed by `UpdateConfig`.
pub const CONFIG: Item<Config> = Item::new("config");

/// Providers by address.
pub const PROVIDERS: Map<&Addr, Provider> = Map::new("providers");

/// The value side of a provider's run: what its windows' payments were worth in ubtt.
#[cw_serde]
pub struct RunValue {
    /// ubtt value of the least valuable payment of the current run's windows.
    pub value: Uint128,
    /// The same for the queued tier or seat change, from the window it starts with.
    pub queued: Option<QueuedValue>,
}

/// The value of the payments of a queued tier or seat change.
#[cw_serde]
pub struct QueuedValue {
    /// When its first window starts ([`btt_types::points::QueuedTier::starts_at`]).
    pub starts_at: Timestamp,
    /// ubtt value of the least valuable payment of its windows.
    pub value: Uint128,
}

impl RunValue {
    /// The value of the window starting at `window_start`: the queued change's once it has
    /// started.
    pub fn as_of(&self, window_start: Timestamp) -> Uint128 {
        match &self.queued {
            Some(q) if window_start >= q.starts_at => q.value,
            _ => self.value,
        }
    }

    /// The same record with a started queued change made the run's value.
    pub fn resolved(self, window_start: Timestamp) -> Self {
        RunValue {
            value: self.as_of(window_start),
            queued: self.queued.filter(|q| window_start < q.starts_at),
        }
    }
}

/// The value of each provider's run, by address (none for providers that last paid before
/// budgets were re-valued when used: their points budget alone applies). Kept apart from
/// [`PROVIDERS`] so the provider record the queries return keeps its shape.
pub const RUN_VALUES: Map<&Addr, RunValue> = Map::new("run_values");

/// A patient's points by the period they were awarded in: the buckets that expire together.
pub const BUCKETS: Map<(&Addr, u64), u64> = Map::new("buckets");

/// Points a patient earned, by patient, period and category: caps and engagement.
pub const EARNED: Map<(&Addr, u64, &str), u64> = Map::new("earned");

/// Insurers by address.
pub const INSURERS: Map<&Addr, Insurer> = Map::new("insurers");

/// Partners by address.
pub const PARTNERS: Map<&Addr, Partner> = Map::new("partners");

/// ubtt converted, by conversion epoch.
pub const EPOCH_CONVERTED: Map<u64, Uint128> = Map::new("epoch_converted");

/// The Community Incentives pool.
#[cw_serde]
#[derive(Default)]
pub struct Pool {
    pub funded: Uint128,
    pub converted: Uint128,
    pub referrals: Uint128,
    /// Paid as DAO grants.
    #[serde(default)]
    pub grants: Uint128,
}

impl Pool {
    /// ubtt left.
    pub fn balance(&self) -> Result<Uint128, cosmwasm_std::OverflowError> {
        self.funded
            .checked_sub(self.converted)?
            .checked_sub(self.referrals)?
            .checked_sub(self.grants)
    }

    /// Fails with `PoolExhausted` when the pool holds less than `amount`: it never pays more.
    pub fn ensure_covers(&self, amount: Uint128) -> Result<(), crate::ContractError> {
        let balance = self.balance()?;
        ensure!(
            amount <= balance,
            crate::ContractError::PoolExhausted { amount, balance }
        );
        Ok(())
    }
}

/// The pool.
pub const POOL: Item<Pool> = Item::new("pool");

/// Reservations of payfi invoices' points, by invoice id: reserved when paid, removed when
/// delivered or released.
pub const RESERVATIONS: Map<u64, btt_types::points::Reservation> = Map::new("reservations");

/// Settled reservations a pause kept from their patients, by invoice id.
pub const PENDING_AWARDS: Map<u64, ()> = Map::new("pending_awards");

/// Points reserved for a patient, by patient, period and category: they count toward the
/// category cap until delivered (then `EARNED` holds them).
pub const RESERVED: Map<(&Addr, u64, &str), u64> = Map::new("reserved_earned");

/// Points a patient received from a provider and has not converted yet, by patient and
/// provider: what the provider's conversion cap applies to.
pub const FROM_PROVIDER: Map<(&Addr, &Addr), u64> = Map::new("from_provider");

/// Σ of a patient's `FROM_PROVIDER`: the rest of its balance (points from before providers
/// were tracked) converts without a provider.
pub const ATTRIBUTED: Map<&Addr, u64> = Map::new("attributed");

/// ubtt converted in one conversion epoch.
#[cw_serde]
#[derive(Default)]
pub struct EpochAmount {
    pub epoch: u64,
    pub amount: Uint128,
}

impl EpochAmount {
    /// What was converted in `epoch` (nothing when the record is of an earlier one).
    pub fn in_epoch(&self, epoch: u64) -> Uint128 {
        if self.epoch == epoch {
            self.amount
        } else {
            Uint128::zero()
        }
    }
}

/// ubtt each patient converted in its latest conversion epoch.
pub const PATIENT_CONVERTED: Map<&Addr, EpochAmount> = Map::new("patient_converted");

/// ubtt converted of the points of each provider in its latest conversion epoch.
pub const PROVIDER_CONVERTED: Map<&Addr, EpochAmount> = Map::new("provider_converted");
