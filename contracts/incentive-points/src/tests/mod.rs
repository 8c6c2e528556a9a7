mod awards;
mod spending;
mod suite;
mod attacks;
