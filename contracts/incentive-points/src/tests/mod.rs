mod awards;
mod spending;
mod suite;
