//! Queries on the chain: wasm smart queries answered by the queried contract's instance (its
//! gas charged to the caller), bank balances from the bank.

use cosmwasm_std::{
    to_json_binary, AllBalanceResponse, BalanceResponse, BankQuery, Binary, Coin, ContractResult,
    Empty, QuerierResult, QueryRequest, SystemError, SystemResult, WasmQuery,
};
use cosmwasm_vm::{call_query, BackendResult, GasInfo, Querier};

use super::{put_back, take, used, Shared};

fn system_err(err: SystemError) -> (QuerierResult, u64) {
    (SystemResult::Err(err), 0)
}

/// Answers a query from the chain: wasm smart queries from the contracts' instances (with the
/// gas the queried contract spent), bank balances from the bank.
fn answer(shared: &Shared, request: &[u8]) -> (QuerierResult, u64) {
    let request: QueryRequest<Empty> = match serde_json::from_slice(request) {
        Ok(r) => r,
        Err(e) => {
            return system_err(SystemError::InvalidRequest {
                error: e.to_string(),
                request: request.into(),
            })
        }
    };
    let bank_answer = |answer: cosmwasm_std::StdResult<Binary>| match answer {
        Ok(bin) => (SystemResult::Ok(ContractResult::Ok(bin)), 0),
        Err(e) => (SystemResult::Ok(ContractResult::Err(e.to_string())), 0),
    };
    match request {
        QueryRequest::Wasm(WasmQuery::Smart { contract_addr, msg }) => {
            let Ok((_, mut instance, env)) = take(shared, &contract_addr) else {
                return system_err(SystemError::NoSuchContract {
                    addr: contract_addr,
                });
            };
            let before = used(&mut instance);
            let result = call_query(&mut instance, &env, msg.as_slice());
            let gas = used(&mut instance) - before;
            put_back(shared, &contract_addr, instance);
            match result {
                Ok(answer) => (SystemResult::Ok(answer), gas),
                Err(e) => (SystemResult::Ok(ContractResult::Err(e.to_string())), gas),
            }
        }
        QueryRequest::Bank(BankQuery::Balance { address, denom }) => {
            let amount = shared.borrow().balance(&address, &denom);
            bank_answer(to_json_binary(&BalanceResponse::new(Coin::new(
                amount, denom,
            ))))
        }
        #[allow(deprecated)]
        QueryRequest::Bank(BankQuery::AllBalances { address }) => {
            let coins: Vec<Coin> = shared
                .borrow()
                .bank
                .get(&address)
                .map(|coins| {
                    coins
                        .iter()
                        .filter(|(_, a)| !a.is_zero())
                        .map(|(d, a)| Coin::new(*a, d.clone()))
                        .collect()
                })
                .unwrap_or_default();
            bank_answer(to_json_binary(&AllBalanceResponse::new(coins)))
        }
        _ => system_err(SystemError::UnsupportedRequest {
            kind: "only wasm smart and bank balance queries are served".into(),
        }),
    }
}

/// Serves a contract's queries from the chain. The gas the queried contract spends is charged
/// to the caller, as on chain.
#[derive(Clone)]
pub struct ChainQuerier(pub(super) Shared);

impl Querier for ChainQuerier {
    fn query_raw(
        &self,
        request: &[u8],
        _gas_limit: u64,
    ) -> BackendResult<SystemResult<ContractResult<Binary>>> {
        let (result, gas) = answer(&self.0, request);
        (Ok(result), GasInfo::with_externally_used(gas))
    }
}

/// The same queries for the test or the main job, as a `cosmwasm_std::Querier` (behind
/// [`EconomyChain::wrap`](btt_deploy::chain::EconomyChain::wrap)).
pub(super) struct OutsideQuerier(pub(super) Shared);

impl cosmwasm_std::Querier for OutsideQuerier {
    fn raw_query(&self, request: &[u8]) -> QuerierResult {
        answer(&self.0, request).0
    }
}
