mod attacks;
mod disputes;
mod invariants;
mod lifecycle;
mod nodes;
mod posting;
mod suite;
