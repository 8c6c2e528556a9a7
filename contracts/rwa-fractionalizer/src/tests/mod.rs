mod attacks;
mod buyout;
mod circuit;
mod guards;
mod income;
mod market;
mod migration;
mod suite;
