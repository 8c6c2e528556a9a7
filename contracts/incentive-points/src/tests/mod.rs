mod attacks;
mod awards;
mod spending;
mod suite;
