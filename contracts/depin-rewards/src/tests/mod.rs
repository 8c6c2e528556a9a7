mod attacks;
mod attest;
mod capacity;
mod claims;
mod pools;
mod suite;
