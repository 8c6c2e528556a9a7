//! The operation alphabet: every user-facing execute message of the eleven contracts (and each
//! cw20 hook they take), drawn with random actors and arguments from pools that include the
//! wrong roles and strangers; zero, one ubtt and huge amounts; wrong denoms, two coins and
//! funds where none belong; a fake cw20 that calls itself BTT; ids that exist and ids that do
//! not; and time jumps from a second to months. Governance runs whole proposals as well as
//! single votes.

mod care;
mod compute;
mod draws;
mod governance;
mod rwa;
mod token;

use std::sync::LazyLock;

use btt_types::depin::EPOCH_SECONDS;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::ledger::Ledger;
use crate::op::Op;
use crate::suite::Suite;

/// Which group of actors a message's rightful sender comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Role {
    Clinic,
    Node,
    Institution,
    Investor,
    Patient,
    Issuer,
    Appraiser,
    Oracle,
    Arbiter,
    Guardian,
    Feeder,
    Partner,
    Anyone,
}

/// What a generator draws from: the suite, the ledger's ids, the clock and the random stream.
pub struct Gen<'a> {
    pub rng: &'a mut ChaCha8Rng,
    pub suite: &'a Suite,
    pub ledger: &'a Ledger,
}

/// Every message the alphabet draws, as `contract.message` (hooks as
/// `contract.receive:hook`), with its generator.
pub type Draw = fn(&mut Gen) -> Op;

/// Stories and time.
const STORIES_AND_TIME: &[(&str, Draw)] = &[
    // stories: whole lifecycles, step by step
    ("story.job", |g| g.job_story()),
    ("story.payment", |g| g.payment_story()),
    ("story.listing", |g| g.listing_story()),
    // time
    ("wait", |g| {
        let seconds = g.one(&[
            1u64,
            60,
            3_600,
            86_400,
            3 * 86_400,
            EPOCH_SECONDS,
            30 * 86_400,
            90 * 86_400,
            200 * 86_400,
        ]);
        Op::Wait { seconds }
    }),
];

/// The alphabet, uniform over its entries, in one fixed order (a seed draws the same sequence
/// whatever the layout of the files).
static ALPHABET: LazyLock<Vec<(&'static str, Draw)>> = LazyLock::new(|| {
    [
        token::BTT_TOKEN,
        governance::VESTING,
        governance::STAKING,
        governance::DAO,
        compute::ESCROW,
        compute::DEPIN,
        care::POINTS,
        care::PAYFI,
        rwa::NFT,
        rwa::VAULTS,
        token::SHARES,
        STORIES_AND_TIME,
    ]
    .concat()
});

/// Every entry of the alphabet: `contract.message` (hooks as `contract.receive:hook`) and its
/// generator.
pub fn alphabet() -> &'static [(&'static str, Draw)] {
    &ALPHABET
}

/// Draws one operation.
pub fn draw(g: &mut Gen) -> Op {
    let (_, f) = ALPHABET[g.rng.gen_range(0..ALPHABET.len())];
    f(g)
}
