mod attacks;
mod awards;
mod migration;
mod spending;
mod suite;
