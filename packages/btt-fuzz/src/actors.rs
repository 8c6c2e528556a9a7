//! Everyone the fuzzer signs for, by the part they play.

use cosmwasm_std::Addr;

/// Someone who signs messages.
#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub addr: Addr,
}

/// Everyone the fuzzer can sign for, by the part they play.
#[derive(Debug, Clone, Default)]
pub struct Actors {
    pub clinics: Vec<Actor>,
    pub nodes: Vec<Actor>,
    pub institutions: Vec<Actor>,
    pub investors: Vec<Actor>,
    /// Patients new to the fuzzer: their points are modelled from zero by the ledger.
    pub patients: Vec<Actor>,
    pub issuer: Vec<Actor>,
    pub appraiser: Vec<Actor>,
    pub oracles: Vec<Actor>,
    pub arbiter: Vec<Actor>,
    pub guardian: Vec<Actor>,
    pub feeder: Vec<Actor>,
    pub partner: Vec<Actor>,
    pub insurer: Vec<Actor>,
    /// Nobody in particular, and the attacker.
    pub strangers: Vec<Actor>,
}

impl Actors {
    /// Everyone, each once.
    pub fn all(&self) -> Vec<&Actor> {
        let mut all: Vec<&Actor> = [
            &self.clinics,
            &self.nodes,
            &self.institutions,
            &self.investors,
            &self.patients,
            &self.issuer,
            &self.appraiser,
            &self.oracles,
            &self.arbiter,
            &self.guardian,
            &self.feeder,
            &self.partner,
            &self.insurer,
            &self.strangers,
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut seen = std::collections::BTreeSet::new();
        all.retain(|a| seen.insert(a.addr.clone()));
        all
    }

    /// The name of `addr`, if it is an actor.
    pub fn name_of(&self, addr: &Addr) -> Option<String> {
        self.all()
            .into_iter()
            .find(|a| a.addr == *addr)
            .map(|a| a.name.clone())
    }
}
