mod attacks;
mod awards;
mod circuit;
mod migration;
mod reservations;
mod spending;
mod suite;
