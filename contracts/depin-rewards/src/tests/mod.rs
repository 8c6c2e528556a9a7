mod attacks;
mod attest;
mod claims;
mod suite;
