mod attacks;
mod fee_routing;
mod flows;
mod invariants;
mod priority;
mod suite;
