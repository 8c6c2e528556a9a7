mod attest;
mod claims;
mod suite;
