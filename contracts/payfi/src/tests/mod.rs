mod attacks;
mod flows;
mod invariants;
mod priority;
mod suite;
