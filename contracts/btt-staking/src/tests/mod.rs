mod attacks;
mod circuit;
mod config;
mod rewards;
mod rewards_property;
mod staking;
mod suite;
mod tiers;
