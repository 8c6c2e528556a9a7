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

/// Entries appended after the first 144: stories that take value through the steps a random
/// draw seldom gets past (an exact fee, every share, a wait of the right length), and real
/// hooks sent to any contract.
const APPENDED: &[(&str, Draw)] = &[
    ("story.asset", |g| g.asset_story()),
    ("story.points", |g| g.points_story()),
    ("story.node", |g| g.node_story()),
    ("story.stake", |g| g.stake_story()),
    ("btt-token.send (a real hook)", |g| {
        g.token_msg("send (a real hook)")
    }),
    ("story.curator_redeem", |g| g.curator_story()),
    // issue 28: offers lapse; failed jobs pay nobody on them
    ("compute-escrow.lapse_offer", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Anyone,
            "compute-escrow",
            serde_json::json!({"lapse_offer": {"job_id": job}}),
        )
    }),
    ("story.failed_two_node_job", |g| g.failed_two_node_story()),
];

/// The size of the first alphabet, which the first regression seeds were drawn from.
pub const FIRST_ALPHABET: usize = 144;

/// The alphabet, uniform over its entries, in one fixed order (a seed draws the same sequence
/// whatever the layout of the files). Entries are only ever appended: the first `n` of them
/// draw, from a seed, what the alphabet of `n` entries drew.
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
        APPENDED,
        care::POINTS_RESERVATIONS,
        compute::CHALLENGES,
    ]
    .concat()
});

/// Every entry of the alphabet: `contract.message` (hooks as `contract.receive:hook`) and its
/// generator.
pub fn alphabet() -> &'static [(&'static str, Draw)] {
    &ALPHABET
}

/// Draws one operation from the first `entries` entries of the alphabet.
pub fn draw(g: &mut Gen, entries: usize) -> Op {
    let n = entries.clamp(1, ALPHABET.len());
    let (_, f) = ALPHABET[g.rng.gen_range(0..n)];
    f(g)
}
