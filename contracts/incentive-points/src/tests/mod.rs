mod attacks;
mod awards;
mod circuit;
mod migration;
mod spending;
mod suite;
mod reservations;
