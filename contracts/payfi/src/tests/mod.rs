mod attacks;
mod flows;
mod invariants;
mod suite;
