mod claims;
mod funding;
mod invariants;
mod milestones;
mod ownership;
mod queries;
mod suite;
