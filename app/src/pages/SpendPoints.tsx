// The Portfolio's points actions for a patient: convert points to BTT at the conversion rate
// (naming the provider that awarded them: each provider's points convert within its own weekly
// cap), and redeem points at a partner (whose prepaid balance pays the redemption fee). Both check in
// the page what the contract would refuse before anything is signed.

import { useState } from "react";
import { Amount } from "../components";
import type { AppCtx } from "../context";
import { needsWallet } from "../context";
import { validateAddress } from "../lib/address";
import { mulFloor, wholeNumber } from "../lib/amount";
import { composers, queries } from "../lib/clients";
import type { PointsRules } from "../generated/IncentivePoints.types";

export function SpendPoints({ ctx, points, rules }: { ctx: AppCtx; points: number; rules: PointsRules }) {
  const address = ctx.conn?.address;
  const [convertText, setConvertText] = useState("");
  const [provider, setProvider] = useState("");
  const [convertError, setConvertError] = useState<string>();
  const [partner, setPartner] = useState("");
  const [redeemText, setRedeemText] = useState("");
  const [redeemError, setRedeemError] = useState<string>();
  const none = points === 0 ? "You have no points." : undefined;
  const reason = needsWallet(ctx) ?? none;

  const count = (text: string): { ok: true; value: number } | { ok: false; error: string } => {
    const n = wholeNumber(text, "a number of points");
    if (!n.ok) return n;
    if (n.value > points) return { ok: false, error: `You have ${points.toLocaleString("en-US")} points.` };
    return n;
  };
  const preview = (() => {
    const n = count(convertText);
    return n.ok ? mulFloor(BigInt(n.value), rules.conversion_rate) : undefined;
  })();

  const convert = async () => {
    setConvertError(undefined);
    if (!address) return;
    const n = count(convertText);
    if (!n.ok) return setConvertError(n.error);
    const from = provider.trim();
    const bad = validateAddress(from, ctx.network.bech32_prefix);
    if (bad) return setConvertError(bad);
    const btt = mulFloor(BigInt(n.value), rules.conversion_rate);
    if (btt === 0n) return setConvertError("Too few points to make any BTT.");
    // Each provider's points convert within its own weekly cap: name the one they came from.
    const held = Number(
      await queries(ctx.reader, ctx.contracts).points.convertibleFrom({ patient: address, provider: from }),
    );
    if (held < n.value) {
      return setConvertError(`You hold ${held.toLocaleString("en-US")} points from that provider.`);
    }
    ctx.send({
      label: `convert ${n.value.toLocaleString("en-US")} points to BTT`,
      msgs: [composers(address, ctx.contracts).points.convert({ points: n.value, provider: from })],
      expects: [
        {
          contract: ctx.contracts.points,
          query: { balance: { patient: address } },
          path: "points",
          change: `-${n.value}`,
        },
        { contract: ctx.contracts.token, query: { balance: { address } }, path: "balance", change: `+${btt}` },
      ],
    });
  };

  const redeem = async () => {
    setRedeemError(undefined);
    if (!address) return;
    const who = partner.trim();
    const bad = validateAddress(who, ctx.network.bech32_prefix);
    if (bad) return setRedeemError(bad);
    const n = count(redeemText);
    if (!n.ok) return setRedeemError(n.error);
    let found;
    try {
      found = await queries(ctx.reader, ctx.contracts).points.partner({ address: who });
    } catch {
      return setRedeemError("That address is not a partner.");
    }
    const fee = BigInt(rules.redemption_fee_per_point) * BigInt(n.value);
    if (BigInt(found.prepaid) < fee) {
      return setRedeemError(`${found.name} has too little prepaid to pay the fee of this redemption.`);
    }
    ctx.send({
      label: `redeem ${n.value.toLocaleString("en-US")} points at ${found.name}`,
      msgs: [composers(address, ctx.contracts).points.redeem({ partner: who, points: n.value })],
      expects: [
        {
          contract: ctx.contracts.points,
          query: { balance: { patient: address } },
          path: "points",
          change: `-${n.value}`,
        },
        {
          contract: ctx.contracts.points,
          query: { partner: { address: who } },
          path: "points_redeemed",
          change: `+${n.value}`,
        },
      ],
    });
  };

  return (
    <div className="spend-points">
      <div className="row" data-testid="convert">
        <label className="field">
          <span>Points to convert</span>
          <input value={convertText} onChange={(e) => setConvertText(e.target.value)} data-testid="convert-points" />
        </label>
        <label className="field">
          <span>Awarded by (provider address)</span>
          <input value={provider} onChange={(e) => setProvider(e.target.value)} data-testid="convert-provider" />
        </label>
        {preview !== undefined && (
          <span className="muted" data-testid="convert-preview">
            makes <Amount raw={preview} />
          </span>
        )}
        <button type="button" onClick={convert} disabled={!!reason} title={reason} data-testid="convert-submit">
          Convert
        </button>
        {convertError && (
          <span className="error" role="alert" data-testid="convert-error">
            {convertError}
          </span>
        )}
      </div>
      <div className="row" data-testid="redeem">
        <label className="field">
          <span>Partner</span>
          <input value={partner} onChange={(e) => setPartner(e.target.value)} data-testid="redeem-partner" />
        </label>
        <label className="field">
          <span>Points to redeem</span>
          <input value={redeemText} onChange={(e) => setRedeemText(e.target.value)} data-testid="redeem-points" />
        </label>
        <button type="button" onClick={redeem} disabled={!!reason} title={reason} data-testid="redeem-submit">
          Redeem
        </button>
        {redeemError && (
          <span className="error" role="alert" data-testid="redeem-error">
            {redeemError}
          </span>
        )}
      </div>
      {reason && <p className="muted">{reason}</p>}
    </div>
  );
}
