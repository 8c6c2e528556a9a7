mod flows;
mod invariants;
mod suite;
mod attacks;
