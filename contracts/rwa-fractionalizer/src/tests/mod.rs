mod buyout;
mod guards;
mod income;
mod market;
mod migration;
mod suite;
