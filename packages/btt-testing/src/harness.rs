//! The harness every suite shares: a cw-multi-test `App`, actors by name, time, and execution
//! that returns the contract's own error enum, so tests assert on variants.

use std::fmt::{Debug, Display};

use cosmwasm_std::{Addr, Coin};
use cw_multi_test::{App, AppResponse, Executor};
use serde::Serialize;

/// The contract error `E` inside a multi-test failure. Panics (failing the test) when the
/// failure is something else, e.g. a host error that no contract raised.
pub fn contract_error<E>(e: anyhow::Error) -> E
where
    E: Display + Debug + Send + Sync + 'static,
{
    match e.downcast::<E>() {
        Ok(err) => err,
        Err(other) => panic!("not a contract error of this contract: {other:?}"),
    }
}

/// A suite: anything that owns an `App`. Implement [`Harness::app`] and [`Harness::app_mut`];
/// the rest comes with it.
pub trait Harness {
    /// The chain.
    fn app(&self) -> &App;
    /// The chain, to change.
    fn app_mut(&mut self) -> &mut App;

    /// The address of the actor `who` (the same name gives the same address in every suite).
    fn addr(&self, who: &str) -> Addr {
        self.app().api().addr_make(who)
    }

    /// Moves the chain on by `seconds` and one block.
    fn advance(&mut self, seconds: u64) {
        self.app_mut().update_block(|b| {
            b.time = b.time.plus_seconds(seconds);
            b.height += 1;
        });
    }

    /// `who` executes `msg` on `contract` with `funds`; a failure is the contract's error `E`.
    fn execute_on<E, M>(
        &mut self,
        who: &str,
        contract: &Addr,
        msg: &M,
        funds: &[Coin],
    ) -> Result<AppResponse, E>
    where
        E: Display + Debug + Send + Sync + 'static,
        M: Serialize + Debug,
    {
        let sender = self.addr(who);
        self.app_mut()
            .execute_contract(sender, contract.clone(), msg, funds)
            .map_err(contract_error)
    }
}

/// `impl Harness for $suite` over its `app: App` field (a suite with its own `advance` writes
/// the impl by hand).
#[macro_export]
macro_rules! harness {
    ($suite:ty) => {
        impl $crate::Harness for $suite {
            fn app(&self) -> &cw_multi_test::App {
                &self.app
            }

            fn app_mut(&mut self) -> &mut cw_multi_test::App {
                &mut self.app
            }
        }
    };
}
