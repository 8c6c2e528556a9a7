mod flows;
mod invariants;
mod suite;
