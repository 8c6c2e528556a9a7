mod attacks;
mod circuit;
mod fee_routing;
mod flows;
mod invariants;
mod migration;
mod priority;
mod suite;
