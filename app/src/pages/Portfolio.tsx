// Portfolio: BTT balance, vesting schedules with what is claimable and a Claim button, points
// (converted to BTT or redeemed at a partner), income claimable from asset vaults, and mining
// rewards of the user's compute nodes (claimable from closed epochs, and capacity rewards still
// locked; the Compute page shows when each lock ends).

import { Action, Amount, Head, Section, Show } from "../components";
import { needsWallet, useApp } from "../context";
import { allPages, assetSymbol, composers, PAGE, queries } from "../lib/clients";
import { useLoad } from "../lib/hooks";
import { SpendPoints } from "./SpendPoints";

export function Portfolio() {
  const ctx = useApp();
  const address = ctx.conn?.address;
  const q = queries(ctx.reader, ctx.contracts);
  const state = useLoad(async () => {
    if (!address) return undefined;
    const [balance, schedules, points, pointsConfig, vaults, nodes] = await Promise.all([
      q.token.balance({ address }),
      allPages(
        (s) =>
          q.vesting
            .schedulesByBeneficiary({ beneficiary: address, limit: PAGE, startAfter: s })
            .then((r) => r.schedules),
        (r) => r.schedule.id,
      ),
      q.points.balance({ patient: address }),
      q.points.config(),
      allPages(
        (s) => q.vaults.vaults({ limit: PAGE, startAfter: s }).then((r) => r.vaults),
        (v) => v.id,
      ),
      allPages(
        (s) => q.escrow.nodes({ limit: PAGE, startAfter: s }).then((r) => r.nodes),
        (n) => n.id,
      ),
    ]);
    const income = await Promise.all(
      vaults.map(async (v) => ({
        vault: v,
        claimable: await q.vaults.claimable({ address, vaultId: v.id }),
      })),
    );
    const mine = nodes.filter((n) => n.operator === address);
    const mining = await Promise.all(
      mine.map(async (n) => ({ node: n, pending: await q.depin.pending({ nodeId: n.id }) })),
    );
    return { balance, schedules, points, rules: pointsConfig.rules, income, mining };
  }, [address, ctx.refreshKey]);

  if (!address) {
    return (
      <Section title="Portfolio">
        <p className="muted">Connect Keplr to see your BTT, vesting, points, income and rewards.</p>
      </Section>
    );
  }
  const send = composers(address, ctx.contracts);

  return (
    <Show state={state}>
      {(d) =>
        d && (
          <>
            <Section title="BTT balance" testId="balance">
              <p className="big">
                <Amount raw={d.balance.balance} />
              </p>
            </Section>
            <Section title="Vesting" testId="vesting">
              {d.schedules.length === 0 ? (
                <p className="muted">No vesting schedules for this account.</p>
              ) : (
                <table>
                  <Head columns={["Schedule", "Total", "Vested", "Claimed", "Claimable", ""]} />
                  <tbody>
                    {d.schedules.map(({ schedule, status }) => (
                      <tr key={schedule.id} data-testid={`schedule-${schedule.id}`}>
                        <td>
                          #{schedule.id} {schedule.category}
                        </td>
                        <td>
                          <Amount raw={status.total} />
                        </td>
                        <td>
                          <Amount raw={status.vested} />
                        </td>
                        <td>
                          <Amount raw={status.claimed} />
                        </td>
                        <td>
                          <Amount raw={status.claimable} />
                        </td>
                        <td>
                          <Action
                            label="Claim"
                            testId={`claim-${schedule.id}`}
                            disabledReason={
                              needsWallet(ctx) ?? (status.claimable === "0" ? "Nothing to claim yet." : undefined)
                            }
                            onClick={() =>
                              ctx.send({
                                label: `claim vesting #${schedule.id}`,
                                msgs: [send.vesting.claim({ scheduleId: schedule.id })],
                                expects: [
                                  {
                                    contract: ctx.contracts.token,
                                    query: { balance: { address } },
                                    path: "balance",
                                    change: `+${status.claimable}`,
                                  },
                                ],
                              })
                            }
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
            <Section title="Points" testId="points">
              <p className="big">{d.points.points.toLocaleString("en-US")} points</p>
              {d.points.next_expiry_period != null && (
                <p className="muted">The oldest expire after period {d.points.next_expiry_period}.</p>
              )}
              <SpendPoints ctx={ctx} points={d.points.points} rules={d.rules} />
            </Section>
            <Section title="Income from asset vaults" testId="income">
              {d.income.length === 0 ? (
                <p className="muted">No asset vaults yet.</p>
              ) : (
                <table>
                  <tbody>
                    {d.income.map(({ vault, claimable }) => (
                      <tr key={vault.id} data-testid={`income-${vault.id}`}>
                        <td>
                          Vault #{vault.id} ({vault.token_id})
                        </td>
                        <td>
                          <Amount raw={claimable} symbol={assetSymbol(vault.asset)} />
                        </td>
                        <td>
                          <Action
                            label="Claim income"
                            testId={`claim-income-${vault.id}`}
                            disabledReason={needsWallet(ctx) ?? (claimable === "0" ? "No income to claim." : undefined)}
                            onClick={() =>
                              ctx.send({
                                label: `claim income of vault #${vault.id}`,
                                msgs: [send.vaults.claimIncome({ vaultId: vault.id })],
                                expects: [
                                  {
                                    contract: ctx.contracts.vaults,
                                    query: { claimable: { address, vault_id: vault.id } },
                                    path: "",
                                    change: `-${claimable}`,
                                  },
                                ],
                              })
                            }
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
            <Section title="Mining rewards" testId="mining">
              {d.mining.length === 0 ? (
                <p className="muted">You operate no compute nodes.</p>
              ) : (
                <ul>
                  {d.mining.map(({ node, pending }) => (
                    <li key={node.id} data-testid={`mining-${node.id}`}>
                      Node #{node.id}: <Amount raw={pending.amount} /> claimable, <Amount raw={pending.locked} /> locked{" "}
                      <Action
                        label="Claim"
                        testId={`claim-mining-${node.id}`}
                        disabledReason={
                          needsWallet(ctx) ?? (pending.amount === "0" ? "Nothing unlocked to claim yet." : undefined)
                        }
                        onClick={() =>
                          ctx.send({
                            label: `claim mining rewards of node #${node.id}`,
                            // The pending figure covers 30 epochs, as one claim of 30 does.
                            msgs: [send.depin.claim({ nodeId: node.id, limit: 30 })],
                            expects: [
                              {
                                contract: ctx.contracts.token,
                                query: { balance: { address } },
                                path: "balance",
                                change: `+${pending.amount}`,
                              },
                              {
                                contract: ctx.contracts.depin,
                                query: { pending: { node_id: node.id } },
                                path: "amount",
                                change: "=0",
                              },
                            ],
                          })
                        }
                      />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )
      }
    </Show>
  );
}
