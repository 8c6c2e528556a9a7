mod mint;
mod revalue;
mod suite;
