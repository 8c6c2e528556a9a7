mod attacks;
mod config;
mod execution;
mod guardian;
mod proposals;
mod suite;
mod treasury;
mod voting;
