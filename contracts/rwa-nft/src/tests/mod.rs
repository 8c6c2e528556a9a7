mod circuit;
mod migration;
mod mint;
mod revalue;
mod suite;
