mod instantiate;
mod migrate;
mod suite;
mod supply;
mod transfers;
