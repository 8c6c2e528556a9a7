mod attacks;
mod disputes;
mod fee_routing;
mod invariants;
mod lifecycle;
mod nodes;
mod posting;
mod suite;
