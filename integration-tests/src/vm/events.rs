//! The events wasmd emits for contract calls and bank sends.

use cosmwasm_std::{Addr, Binary, Coin, Event, Response};

/// The events and data a call (with everything it dispatched) produced.
#[derive(Debug, Default)]
pub(super) struct Outcome {
    pub(super) events: Vec<Event>,
    pub(super) data: Option<Binary>,
}

/// The events wasmd emits for one call of `contract`: the `kind` event (`execute`,
/// `instantiate`, `reply`), a `wasm` event with the response's attributes and a `wasm-<type>`
/// event per custom event, each led by `_contract_address`.
pub(super) fn call_events(
    kind: &str,
    contract: &Addr,
    extra: &[(&str, String)],
    response: &Response,
) -> Vec<Event> {
    let mut first = Event::new(kind).add_attribute("_contract_address", contract.as_str());
    for (key, value) in extra {
        first = first.add_attribute(*key, value.clone());
    }
    let mut events = vec![first];
    if !response.attributes.is_empty() {
        events.push(
            Event::new("wasm")
                .add_attribute("_contract_address", contract.as_str())
                .add_attributes(response.attributes.clone()),
        );
    }
    events.extend(response.events.iter().map(|e| {
        Event::new(format!("wasm-{}", e.ty))
            .add_attribute("_contract_address", contract.as_str())
            .add_attributes(e.attributes.clone())
    }));
    events
}

pub(super) fn transfer_event(from: &str, to: &str, coins: &[Coin]) -> Event {
    let amount: Vec<String> = coins.iter().map(|c| c.to_string()).collect();
    Event::new("transfer")
        .add_attribute("recipient", to)
        .add_attribute("sender", from)
        .add_attribute("amount", amount.join(","))
}
