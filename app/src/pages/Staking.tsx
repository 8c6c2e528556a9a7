// Staking: stake BTT with a lock tier (its multiplier shown), unbond stakes whose lock has
// ended, claim matured unbondings and rewards; the fee tier the stake earns.

import { useState } from "react";
import { Action, Amount, Head, AmountInput, Section, Show, useAmountField } from "../components";
import { needsWallet, useApp } from "../context";
import { formatAmount, formatBps, formatMultiplier } from "../lib/amount";
import { allPages, composers, date, duration, hook, PAGE, queries, seconds } from "../lib/clients";
import { useLoad } from "../lib/hooks";

/** "BTT" for BTT rewards, the denom without its "u" otherwise (uusdc → USDC). */
const rewardSymbol = (denom: string) =>
  denom === "btt" ? "BTT" : denom.startsWith("u") ? denom.slice(1).toUpperCase() : denom;

export function Staking() {
  const ctx = useApp();
  const address = ctx.conn?.address;
  const q = queries(ctx.reader, ctx.contracts);
  const state = useLoad(async () => {
    const config = await q.staking.config();
    if (!address) return { config };
    const [staker, stakes, unbondings, tier, balance, block] = await Promise.all([
      q.staking.staker({ address }),
      allPages(
        (s) => q.staking.stakes({ address, limit: PAGE, startAfter: s }).then((r) => r.stakes),
        (x) => x.id,
      ),
      allPages(
        (s) => q.staking.unbondings({ address, limit: PAGE, startAfter: s }).then((r) => r.unbondings),
        (u) => u.id,
      ),
      q.staking.tier({ address }),
      q.token.balance({ address }),
      ctx.reader.block(),
    ]);
    return { config, mine: { staker, stakes, unbondings, tier, balance: balance.balance, now: block.time } };
  }, [address, ctx.refreshKey]);
  const [tierIndex, setTierIndex] = useState(0);
  const balance = state.data?.mine?.balance;
  const amount = useAmountField({
    max: balance === undefined ? undefined : BigInt(balance),
    maxLabel: "your balance",
  });

  return (
    <Show state={state}>
      {({ config, mine }) => {
        const tiers = config.lock_tiers;
        const chosen = tiers[tierIndex];
        const send = address ? composers(address, ctx.contracts) : undefined;
        const stake = () => {
          amount.touch();
          if (!amount.parsed.ok || !send || !address) return;
          const raw = amount.parsed.raw.toString();
          ctx.send({
            label: `stake ${formatAmount(raw)} BTT with the ${chosen.name} lock`,
            msgs: [
              send.token.send({
                contract: ctx.contracts.staking,
                amount: raw,
                msg: hook({ stake: { tier: tierIndex } }),
              }),
            ],
            expects: [
              { contract: ctx.contracts.staking, query: { staker: { address } }, path: "staked", change: `+${raw}` },
            ],
          });
        };
        const matured = mine ? mine.unbondings.filter((u) => seconds(u.claimable_at) <= mine.now) : [];
        const maturedSum = matured.reduce((s, u) => s + BigInt(u.amount), 0n);
        return (
          <>
            <Section title="Stake BTT" testId="stake">
              <p className="muted">
                Power = stake × the lock's multiplier. Unbonding takes {duration(config.unbonding_seconds)} after a lock
                ends.
              </p>
              <table>
                <Head columns={["", "Lock", "Duration", "Multiplier"]} />
                <tbody>
                  {tiers.map((t, i) => (
                    <tr key={t.name}>
                      <td>
                        <input
                          type="radio"
                          name="tier"
                          checked={i === tierIndex}
                          onChange={() => setTierIndex(i)}
                          data-testid={`tier-${i}`}
                        />
                      </td>
                      <td>{t.name}</td>
                      <td>{t.lock_seconds === 0 ? "none" : duration(t.lock_seconds)}</td>
                      <td>{formatMultiplier(t.multiplier)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {mine && (
                <p className="muted">
                  You hold <Amount raw={mine.balance} />.
                </p>
              )}
              <div className="row">
                <AmountInput label="Amount to stake" field={amount} testId="stake-amount" />
                <Action
                  label={`Stake with ${chosen.name} (${formatMultiplier(chosen.multiplier)})`}
                  testId="stake-submit"
                  disabledReason={needsWallet(ctx) ?? (mine && mine.balance === "0" ? "You hold no BTT." : undefined)}
                  onClick={stake}
                />
              </div>
            </Section>
            {mine && (
              <>
                <Section title="Your stake" testId="your-stake">
                  <p>
                    Staked <Amount raw={mine.staker.staked} />, power <Amount raw={mine.staker.power} />, unbonding{" "}
                    <Amount raw={mine.staker.unbonding} />.
                  </p>
                  <p data-testid="fee-tier">
                    Fee tier: {formatBps(mine.tier.discount)} discount, priority {mine.tier.priority}.
                  </p>
                  <table>
                    <Head columns={["Stake", "Amount", "Lock", "Unlocks", ""]} />
                    <tbody>
                      {mine.stakes.map((s) => {
                        const unlocks = seconds(s.unlocks_at);
                        const locked = unlocks > mine.now;
                        return (
                          <tr key={s.id} data-testid={`stake-${s.id}`}>
                            <td>#{s.id}</td>
                            <td>
                              <Amount raw={s.amount} />
                            </td>
                            <td>
                              {s.tier} ({formatMultiplier(s.multiplier)})
                            </td>
                            <td>{date(unlocks)}</td>
                            <td>
                              <Action
                                label="Unbond"
                                testId={`unbond-${s.id}`}
                                disabledReason={
                                  needsWallet(ctx) ??
                                  (locked ? `Locked for ${duration(unlocks - mine.now)} more.` : undefined)
                                }
                                onClick={() =>
                                  send &&
                                  ctx.send({
                                    label: `unbond stake #${s.id}`,
                                    msgs: [send.staking.unbond({ stakeId: s.id })],
                                    expects: [
                                      {
                                        contract: ctx.contracts.staking,
                                        query: { staker: { address } },
                                        path: "unbonding",
                                        change: `+${s.amount}`,
                                      },
                                    ],
                                  })
                                }
                              />
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </Section>
                <Section title="Unbonding and rewards" testId="claims">
                  <ul>
                    {mine.unbondings.map((u) => (
                      <li key={u.id}>
                        <Amount raw={u.amount} /> claimable {date(seconds(u.claimable_at))}
                      </li>
                    ))}
                  </ul>
                  <div className="row">
                    <Action
                      label="Claim unbonded"
                      testId="claim-unbonded"
                      disabledReason={
                        needsWallet(ctx) ?? (matured.length === 0 ? "Nothing has finished unbonding." : undefined)
                      }
                      onClick={() =>
                        send &&
                        ctx.send({
                          label: "claim unbonded",
                          msgs: [send.staking.claimUnbonded({ limit: PAGE })],
                          expects: [
                            {
                              contract: ctx.contracts.token,
                              query: { balance: { address } },
                              path: "balance",
                              change: `+${maturedSum}`,
                            },
                          ],
                        })
                      }
                    />
                    <Action
                      label={`Claim rewards`}
                      testId="claim-rewards"
                      disabledReason={
                        needsWallet(ctx) ??
                        (mine.staker.rewards.every((r) => r.amount === "0") ? "No rewards yet." : undefined)
                      }
                      onClick={() =>
                        send &&
                        ctx.send({
                          label: "claim staking rewards",
                          msgs: [send.staking.claimRewards()],
                          expects: [
                            {
                              contract: ctx.contracts.token,
                              query: { balance: { address } },
                              path: "balance",
                              change: `+${mine.staker.rewards.find((r) => r.denom === "btt")?.amount ?? "0"}`,
                            },
                          ],
                        })
                      }
                    />
                  </div>
                  <p className="muted" data-testid="staking-rewards">
                    Rewards, streamed over {Math.round(config.reward_period_seconds / 86_400)} days:{" "}
                    {mine.staker.rewards.map((r, i) => (
                      <span key={r.denom}>
                        {i > 0 && ", "}
                        <Amount raw={r.amount} symbol={rewardSymbol(r.denom)} />
                      </span>
                    ))}
                  </p>
                </Section>
              </>
            )}
            <Section title="Fee tiers" testId="fee-tiers">
              <table>
                <Head columns={["Minimum stake", "Discount", "Priority"]} />
                <tbody>
                  {config.fee_tiers.map((t) => (
                    <tr key={t.priority}>
                      <td>
                        <Amount raw={t.min_stake} />
                      </td>
                      <td>{formatBps(t.discount)}</td>
                      <td>{t.priority}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
          </>
        );
      }}
    </Show>
  );
}
