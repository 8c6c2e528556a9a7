mod buyout;
mod guards;
mod income;
mod market;
mod suite;
