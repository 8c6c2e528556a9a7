mod attest;
mod claims;
mod suite;
mod attacks;
