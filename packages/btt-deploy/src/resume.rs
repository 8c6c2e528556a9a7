//! A deployment that can stop midway and go on: every transaction the routine sends is written to
//! a journal (`out/deploy-<network>.journal.json`) as soon as the chain includes it. Run again,
//! the routine replays the journal's steps without sending them (their answers come from the
//! journal, checked against the chain) and sends only the rest. A finished journal refuses a
//! second deployment, so running twice never leaves a half-deployed second suite.

use std::path::{Path, PathBuf};

use anyhow::Context;
use cosmwasm_std::{Addr, CosmosMsg};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::chain::DeployChain;

/// Why a journal cannot be gone on from. Every case sends nothing.
#[derive(Error, Debug, PartialEq)]
pub enum ResumeError {
    #[error(
        "{network} already has a BTT suite (journal {path}, {steps} transactions). Nothing was \
         sent. To deploy a second suite, move the journal and its manifest away first."
    )]
    AlreadyDeployed {
        network: String,
        path: String,
        steps: usize,
    },
    #[error("the journal {path} is of chain {journal}, not {chain}")]
    OtherChain {
        path: String,
        journal: String,
        chain: String,
    },
    #[error("the journal {path} was signed by {journal}, not {signer}")]
    OtherSigner {
        path: String,
        journal: String,
        signer: String,
    },
    #[error(
        "the journal {path} records {what}, which this chain does not have (was it reset?). \
         Delete the journal to start over."
    )]
    NotOnChain { path: String, what: String },
    #[error("code {code_id} hashes to {on_chain} on chain, the journal says {recorded}")]
    OtherCode {
        code_id: u64,
        on_chain: String,
        recorded: String,
    },
    #[error(
        "step {step} of the journal {path} is \"{recorded}\", but the deployment now does \
         \"{doing}\": the routine or its plan changed. Delete the journal to start over."
    )]
    RoutineChanged {
        step: usize,
        path: String,
        recorded: String,
        doing: String,
    },
}

/// One transaction of the deployment routine, with what the chain answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// A code upload.
    Store {
        /// The contract whose code it is.
        contract: String,
        /// The code id the chain assigned.
        code_id: u64,
        /// The SHA-256 the chain reported, where it reports one.
        checksum: Option<String>,
    },
    /// An instantiation.
    Instantiate {
        /// Its label.
        label: String,
        /// The new contract's address.
        address: String,
    },
    /// Any other message of the deployer.
    Execute {
        /// What it was for.
        what: String,
    },
}

impl Step {
    /// The step in a sentence.
    pub fn describe(&self) -> String {
        match self {
            Step::Store {
                contract, code_id, ..
            } => format!("stored {contract} as code {code_id}"),
            Step::Instantiate { label, address } => format!("instantiated {label} at {address}"),
            Step::Execute { what } => what.clone(),
        }
    }
}

/// The record of one deployment to one network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    /// The network's name (`deploy/networks/<name>.json`).
    pub network: String,
    /// Its chain id.
    pub chain_id: String,
    /// Who signs.
    pub deployer: String,
    /// The genesis start (seconds): a resumed deployment keeps the first run's clock.
    pub start: u64,
    /// Every transaction included so far, in order.
    pub steps: Vec<Step>,
    /// Whether the routine ran to its end.
    pub complete: bool,
}

impl Journal {
    /// Where the journal of `network` lives beside the manifest `manifest`.
    pub fn path_beside(manifest: &Path, network: &str) -> PathBuf {
        manifest
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join(format!("deploy-{network}.journal.json"))
    }

    /// The journal at `path`, if there is one.
    pub fn load(path: &Path) -> anyhow::Result<Option<Journal>> {
        if !path.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(path)?;
        let journal =
            serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))?;
        Ok(Some(journal))
    }

    /// Writes the journal to `path` (through a temporary file, so a crash leaves the old one).
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_string_pretty(self)? + "\n")?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    }

    /// What the journal says was done, one line a step.
    pub fn summary(&self) -> String {
        let stored = self
            .steps
            .iter()
            .filter(|s| matches!(s, Step::Store { .. }))
            .count();
        let instances = self
            .steps
            .iter()
            .filter(|s| matches!(s, Step::Instantiate { .. }))
            .count();
        let mut out = format!(
            "{} transactions included: {stored} codes stored, {instances} contracts instantiated, \
             {} other messages\n",
            self.steps.len(),
            self.steps.len() - stored - instances
        );
        for (i, step) in self.steps.iter().enumerate() {
            out.push_str(&format!("  {:>3}. {}\n", i + 1, step.describe()));
        }
        out
    }
}

/// `inner` with a journal: steps already in it are answered from it, new ones are sent and
/// written down.
pub struct Resumable<C> {
    inner: C,
    journal: Journal,
    path: PathBuf,
    next: usize,
    replayed: usize,
}

impl<C: DeployChain> Resumable<C> {
    /// Goes on from `journal` (a new one for a first run) on `inner`, writing to `path`.
    /// Refuses a finished journal, and one whose chain, signer or codes are not `inner`'s.
    pub fn new(inner: C, journal: Journal, path: PathBuf) -> anyhow::Result<Self> {
        let shown = path.display().to_string();
        if journal.complete {
            return Err(ResumeError::AlreadyDeployed {
                network: journal.network,
                path: shown,
                steps: journal.steps.len(),
            }
            .into());
        }
        let chain = inner.chain_id();
        if journal.chain_id != chain {
            let journal = journal.chain_id;
            return Err(ResumeError::OtherChain {
                path: shown,
                journal,
                chain,
            }
            .into());
        }
        let signer = inner.deployer().to_string();
        if journal.deployer != signer {
            let journal = journal.deployer;
            return Err(ResumeError::OtherSigner {
                path: shown,
                journal,
                signer,
            }
            .into());
        }
        // Every recorded code and contract must be on this chain, as recorded.
        for step in &journal.steps {
            let missing = || ResumeError::NotOnChain {
                path: shown.clone(),
                what: step.describe(),
            };
            match step {
                Step::Store {
                    code_id, checksum, ..
                } => {
                    let on_chain = inner.code_checksum(*code_id).map_err(|_| missing())?;
                    if let (Some(recorded), Some(on_chain)) = (checksum, on_chain) {
                        if recorded != &on_chain {
                            let (code_id, recorded) = (*code_id, recorded.clone());
                            return Err(ResumeError::OtherCode {
                                code_id,
                                on_chain,
                                recorded,
                            }
                            .into());
                        }
                    }
                }
                Step::Instantiate { address, .. } => {
                    inner
                        .contract_admin(&Addr::unchecked(address))
                        .map_err(|_| missing())?;
                }
                Step::Execute { .. } => {}
            }
        }
        Ok(Self {
            inner,
            journal,
            path,
            next: 0,
            replayed: 0,
        })
    }

    /// The chain underneath.
    pub fn inner(&self) -> &C {
        &self.inner
    }

    /// The journal so far.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// How many steps were answered from the journal instead of sent.
    pub fn replayed(&self) -> usize {
        self.replayed
    }

    /// Marks the deployment finished and writes the journal.
    pub fn finish(&mut self) -> anyhow::Result<()> {
        self.journal.complete = true;
        self.journal.save(&self.path)
    }

    /// The recorded step `next`, if the journal has it; an error if the routine now does
    /// something else there.
    fn recorded(&mut self, doing: &Step) -> anyhow::Result<Option<Step>> {
        let Some(step) = self.journal.steps.get(self.next).cloned() else {
            return Ok(None);
        };
        let same = match (&step, doing) {
            (Step::Store { contract: a, .. }, Step::Store { contract: b, .. }) => a == b,
            (Step::Instantiate { label: a, .. }, Step::Instantiate { label: b, .. }) => a == b,
            (Step::Execute { what: a }, Step::Execute { what: b }) => a == b,
            _ => false,
        };
        if !same {
            return Err(ResumeError::RoutineChanged {
                step: self.next + 1,
                path: self.path.display().to_string(),
                recorded: step.describe(),
                doing: doing.describe(),
            }
            .into());
        }
        self.next += 1;
        self.replayed += 1;
        Ok(Some(step))
    }

    /// Records a step the chain included.
    fn record(&mut self, step: Step) -> anyhow::Result<()> {
        self.journal.steps.push(step);
        self.next += 1;
        self.journal.save(&self.path)
    }
}

impl<C: DeployChain> DeployChain for Resumable<C> {
    fn chain_id(&self) -> String {
        self.inner.chain_id()
    }

    fn deployer(&self) -> Addr {
        self.inner.deployer()
    }

    fn store(&mut self, contract: &str) -> anyhow::Result<(u64, Option<String>)> {
        let doing = Step::Store {
            contract: contract.into(),
            code_id: 0,
            checksum: None,
        };
        if let Some(Step::Store {
            code_id, checksum, ..
        }) = self.recorded(&doing)?
        {
            return Ok((code_id, checksum));
        }
        let (code_id, checksum) = self.inner.store(contract)?;
        self.record(Step::Store {
            contract: contract.into(),
            code_id,
            checksum: checksum.clone(),
        })?;
        Ok((code_id, checksum))
    }

    fn instantiate(
        &mut self,
        code_id: u64,
        label: &str,
        msg: serde_json::Value,
        admin: Option<String>,
    ) -> anyhow::Result<Addr> {
        let doing = Step::Instantiate {
            label: label.into(),
            address: String::new(),
        };
        if let Some(Step::Instantiate { address, .. }) = self.recorded(&doing)? {
            return Ok(Addr::unchecked(address));
        }
        let address = self.inner.instantiate(code_id, label, msg, admin)?;
        self.record(Step::Instantiate {
            label: label.into(),
            address: address.to_string(),
        })?;
        Ok(address)
    }

    fn execute(&mut self, msg: CosmosMsg, what: &str) -> anyhow::Result<()> {
        let doing = Step::Execute { what: what.into() };
        if self.recorded(&doing)?.is_some() {
            return Ok(());
        }
        self.inner.execute(msg, what)?;
        self.record(doing)
    }

    fn query(
        &self,
        contract: &Addr,
        msg: serde_json::Value,
    ) -> anyhow::Result<Option<serde_json::Value>> {
        self.inner.query(contract, msg)
    }

    fn contract_admin(&self, contract: &Addr) -> anyhow::Result<Option<Option<String>>> {
        self.inner.contract_admin(contract)
    }

    fn code_checksum(&self, code_id: u64) -> anyhow::Result<Option<String>> {
        self.inner.code_checksum(code_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::multitest::{local_app, local_config, MultiTestChain};
    use cw_multi_test::App;

    /// The embedded chain signed by `deployer`.
    fn on<'a>(app: &'a mut App, deployer: &Addr) -> MultiTestChain<'a> {
        MultiTestChain {
            app,
            deployer: deployer.clone(),
        }
    }

    /// The journal refusal inside `err`.
    fn refusal(err: &anyhow::Error) -> &ResumeError {
        err.downcast_ref::<ResumeError>()
            .unwrap_or_else(|| panic!("not a ResumeError: {err:#}"))
    }

    /// `inner` failing at its `fail_at`-th transaction (0-based), as a node that went away.
    struct FailAt<C> {
        inner: C,
        fail_at: usize,
        sent: usize,
    }

    impl<C: DeployChain> FailAt<C> {
        fn tick(&mut self) -> anyhow::Result<()> {
            self.sent += 1;
            anyhow::ensure!(self.sent - 1 != self.fail_at, "the node went away");
            Ok(())
        }
    }

    impl<C: DeployChain> DeployChain for FailAt<C> {
        fn chain_id(&self) -> String {
            self.inner.chain_id()
        }
        fn deployer(&self) -> Addr {
            self.inner.deployer()
        }
        fn store(&mut self, contract: &str) -> anyhow::Result<(u64, Option<String>)> {
            self.tick()?;
            self.inner.store(contract)
        }
        fn instantiate(
            &mut self,
            code_id: u64,
            label: &str,
            msg: serde_json::Value,
            admin: Option<String>,
        ) -> anyhow::Result<Addr> {
            self.tick()?;
            self.inner.instantiate(code_id, label, msg, admin)
        }
        fn execute(&mut self, msg: CosmosMsg, what: &str) -> anyhow::Result<()> {
            self.tick()?;
            self.inner.execute(msg, what)
        }
        fn query(
            &self,
            contract: &Addr,
            msg: serde_json::Value,
        ) -> anyhow::Result<Option<serde_json::Value>> {
            self.inner.query(contract, msg)
        }
        fn contract_admin(&self, contract: &Addr) -> anyhow::Result<Option<Option<String>>> {
            self.inner.contract_admin(contract)
        }
        fn code_checksum(&self, code_id: u64) -> anyhow::Result<Option<String>> {
            self.inner.code_checksum(code_id)
        }
    }

    fn journal_path(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("btt-resume-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Journal::path_beside(&dir.join("manifest-t.json"), "t")
    }

    fn new_journal(chain: &impl DeployChain) -> Journal {
        Journal {
            network: "t".into(),
            chain_id: chain.chain_id(),
            deployer: chain.deployer().to_string(),
            start: 0,
            steps: vec![],
            complete: false,
        }
    }

    #[test]
    fn a_deployment_stopped_midway_goes_on_and_sends_each_transaction_once() {
        // The same deployment in one go, for comparison.
        let mut clean_app = local_app();
        let deployer = clean_app.api().addr_make("deployer");
        let config = local_config(&clean_app, clean_app.block_info().time);
        let clean = crate::multitest::deploy_genesis(&mut clean_app, &deployer, &config).unwrap();

        let mut app = local_app();
        let path = journal_path("midway");
        let failing = FailAt {
            inner: on(&mut app, &deployer),
            fail_at: 30,
            sent: 0,
        };
        let journal = new_journal(&failing);
        let mut chain = Resumable::new(failing, journal, path.clone()).unwrap();
        let err = crate::deploy::deploy(&mut chain, &config).unwrap_err();
        assert!(format!("{err:#}").contains("the node went away"), "{err:#}");
        let stopped = Journal::load(&path).unwrap().unwrap();
        assert_eq!(stopped.steps.len(), 30);
        assert!(!stopped.complete);
        assert!(stopped.summary().contains("11 codes stored"));

        let mut chain = Resumable::new(on(&mut app, &deployer), stopped, path.clone()).unwrap();
        let resumed = crate::deploy::deploy(&mut chain, &config).unwrap();
        assert_eq!(chain.replayed(), 30);
        chain.finish().unwrap();
        let total = chain.journal().steps.len();
        assert_eq!(total, 62);
        // Nothing was sent twice: the same codes and addresses as the clean run.
        assert_eq!(resumed.contracts(), clean.contracts());
        assert_eq!(resumed.code_ids, clean.code_ids);
        assert!(app.wrap().query_wasm_code_info(12).is_err());
        let audit = crate::audit::read(&on(&mut app, &deployer), &resumed).unwrap();
        audit.check(resumed.dao.addr()).unwrap();
    }

    #[test]
    fn a_finished_journal_refuses_a_second_deployment() {
        let mut app = local_app();
        let deployer = app.api().addr_make("deployer");
        let config = local_config(&app, app.block_info().time);
        let path = journal_path("twice");
        let journal = new_journal(&on(&mut app, &deployer));
        let mut chain = Resumable::new(on(&mut app, &deployer), journal, path.clone()).unwrap();
        crate::deploy::deploy(&mut chain, &config).unwrap();
        chain.finish().unwrap();

        let finished = Journal::load(&path).unwrap().unwrap();
        let err = Resumable::new(on(&mut app, &deployer), finished, path)
            .err()
            .unwrap();
        assert!(matches!(
            refusal(&err),
            ResumeError::AlreadyDeployed { steps: 62, .. }
        ));
        assert!(app.wrap().query_wasm_code_info(12).is_err(), "nothing sent");
    }

    #[test]
    fn a_journal_of_another_chain_signer_or_routine_is_refused() {
        let mut app = local_app();
        let deployer = app.api().addr_make("deployer");
        let path = journal_path("other");
        let fresh = new_journal(&on(&mut app, &deployer));
        let resume = |app: &mut App, journal: Journal| {
            Resumable::new(on(app, &deployer), journal, path.clone())
                .err()
                .unwrap()
        };

        let mut other_chain = fresh.clone();
        other_chain.chain_id = "elsewhere-1".into();
        let err = resume(&mut app, other_chain);
        assert!(
            matches!(refusal(&err), ResumeError::OtherChain { journal, .. } if journal == "elsewhere-1")
        );

        let mut other_signer = fresh.clone();
        other_signer.deployer = "someone".into();
        let err = resume(&mut app, other_signer);
        assert!(
            matches!(refusal(&err), ResumeError::OtherSigner { journal, .. } if journal == "someone")
        );

        // Journals of a chain that was reset: their code, or their contract, is not there.
        let mut no_code = fresh.clone();
        no_code.steps.push(Step::Store {
            contract: "btt-token".into(),
            code_id: 1,
            checksum: None,
        });
        let err = resume(&mut app, no_code);
        assert!(
            matches!(refusal(&err), ResumeError::NotOnChain { what, .. } if what == "stored btt-token as code 1")
        );
        let mut no_contract = fresh.clone();
        no_contract.steps.push(Step::Instantiate {
            label: "btt-token".into(),
            address: app.api().addr_make("gone").to_string(),
        });
        let err = resume(&mut app, no_contract);
        assert!(matches!(refusal(&err), ResumeError::NotOnChain { .. }));

        // A journal whose steps the routine no longer makes.
        let config = local_config(&app, app.block_info().time);
        let mut changed = fresh;
        changed.steps.push(Step::Execute {
            what: "something else".into(),
        });
        let mut chain = Resumable::new(on(&mut app, &deployer), changed, path.clone()).unwrap();
        let err = crate::deploy::deploy(&mut chain, &config).unwrap_err();
        assert!(matches!(
            refusal(&err),
            ResumeError::RoutineChanged { step: 1, recorded, .. } if recorded == "something else"
        ));
    }
}
