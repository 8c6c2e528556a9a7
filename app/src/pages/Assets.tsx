// Assets: tokenized medical assets in vaults, their share listings, buying shares at the quoted
// price (cost + the fee by staking tier), your holding and income, and bidding in a buyout.

import { useState } from "react";
import { Action, Amount, AmountInput, Section, Show, useAmountField } from "../components";
import { needsWallet, useApp, type AppCtx } from "../context";
import { formatAmount, formatBps, wholeNumber } from "../lib/amount";
import { allPages, assetSymbol, composers, date, hook, PAGE, queries, seconds } from "../lib/clients";
import { useLoad } from "../lib/hooks";
import type {
  Auction,
  HolderResponse,
  Listing,
  QuoteResponse,
  ReserveResponse,
  Vault,
} from "../generated/RwaFractionalizer.types";

interface VaultView {
  vault: Vault;
  listings: Listing[];
  reserve: ReserveResponse;
  auction: Auction | null;
  holder?: HolderResponse;
  /** What the connected account holds of the vault's asset. */
  funds?: bigint;
}

export function Assets() {
  const ctx = useApp();
  const address = ctx.conn?.address;
  const q = queries(ctx.reader, ctx.contracts);
  const state = useLoad(async () => {
    const [vaults, block] = await Promise.all([
      allPages(
        (s) => q.vaults.vaults({ limit: PAGE, startAfter: s }).then((r) => r.vaults),
        (v) => v.id,
      ),
      ctx.reader.block(),
    ]);
    const live = vaults.filter((v) => v.status === "active" || v.status === "auction");
    const views: VaultView[] = await Promise.all(
      live.map(async (vault) => {
        const [listings, reserve, auction] = await Promise.all([
          allPages(
            (s) => q.vaults.listings({ vaultId: vault.id, limit: PAGE, startAfter: s }).then((r) => r.listings),
            (l) => l.id,
          ),
          q.vaults.reservePrice({ vaultId: vault.id }),
          q.vaults.auction({ vaultId: vault.id }),
        ]);
        const view: VaultView = { vault, listings, reserve, auction };
        if (address) {
          view.holder = await q.vaults.holder({ address, vaultId: vault.id });
          view.funds =
            "native" in vault.asset
              ? await ctx.reader.balance(address, vault.asset.native)
              : BigInt((await q.token.balance({ address })).balance);
        }
        return view;
      }),
    );
    return { views, closed: vaults.length - live.length, now: block.time };
  }, [address, ctx.refreshKey]);

  return (
    <Show state={state}>
      {(d) => (
        <>
          {d.views.length === 0 && (
            <Section title="Asset vaults">
              <p className="muted">No asset is for sale or in a buyout now.</p>
            </Section>
          )}
          {d.views.map((v) => (
            <VaultCard key={v.vault.id} ctx={ctx} view={v} now={d.now} />
          ))}
          {d.closed > 0 && <p className="muted">{d.closed} vault(s) sold or closed.</p>}
        </>
      )}
    </Show>
  );
}

function VaultCard({ ctx, view, now }: { ctx: AppCtx; view: VaultView; now: number }) {
  const { vault, listings, reserve, auction, holder, funds } = view;
  const symbol = assetSymbol(vault.asset);
  return (
    <Section title={`Vault #${vault.id}: ${vault.token_id}`} testId={`vault-${vault.id}`}>
      <p>
        {Number(vault.supply).toLocaleString("en-US")} shares, priced in {symbol}. Status{" "}
        <span className="pill">{vault.status}</span>. Reserve price{" "}
        <Amount raw={reserve.reserve_price} symbol={symbol} />.
      </p>
      {holder && (
        <div className="row" data-testid={`holding-${vault.id}`}>
          <span>
            You hold {Number(holder.shares).toLocaleString("en-US")} shares (
            {Number(holder.listed).toLocaleString("en-US")} listed), income claimable{" "}
            <Amount raw={holder.claimable} symbol={symbol} />.
          </span>
          <Action
            label="Claim income"
            testId={`assets-claim-income-${vault.id}`}
            disabledReason={needsWallet(ctx) ?? (holder.claimable === "0" ? "No income to claim." : undefined)}
            onClick={() =>
              ctx.conn &&
              ctx.send({
                label: `claim income of vault #${vault.id}`,
                msgs: [composers(ctx.conn.address, ctx.contracts).vaults.claimIncome({ vaultId: vault.id })],
                expects: [
                  {
                    contract: ctx.contracts.vaults,
                    query: { claimable: { address: ctx.conn.address, vault_id: vault.id } },
                    path: "",
                    change: `-${holder.claimable}`,
                  },
                ],
              })
            }
          />
        </div>
      )}
      <h3>Listings</h3>
      {listings.length === 0 ? (
        <p className="muted">No shares listed.</p>
      ) : (
        listings.map((l) => <BuyListing key={l.id} ctx={ctx} vault={vault} listing={l} funds={funds} symbol={symbol} />)
      )}
      <Bid ctx={ctx} vault={vault} reserve={reserve} auction={auction} funds={funds} symbol={symbol} now={now} />
    </Section>
  );
}

function BuyListing(props: { ctx: AppCtx; vault: Vault; listing: Listing; funds?: bigint; symbol: string }) {
  const { ctx, vault, listing, funds, symbol } = props;
  const address = ctx.conn?.address;
  const [shares, setShares] = useState("");
  const [error, setError] = useState<string>();
  const [quote, setQuote] = useState<{ shares: string; answer: QuoteResponse }>();
  const own = listing.seller === address;
  const getQuote = async () => {
    setError(undefined);
    setQuote(undefined);
    if (!address) return;
    const n = wholeNumber(shares, "a number of shares");
    if (!n.ok) return setError(n.error);
    if (BigInt(n.value) > BigInt(listing.shares)) {
      return setError(`Only ${Number(listing.shares).toLocaleString("en-US")} shares are listed.`);
    }
    try {
      const answer = await queries(ctx.reader, ctx.contracts).vaults.quote({
        buyer: address,
        listingId: listing.id,
        shares: String(n.value),
      });
      if (funds !== undefined && BigInt(answer.total) > funds) {
        return setError(`That costs ${formatAmount(answer.total)} ${symbol}; you hold ${formatAmount(funds)}.`);
      }
      setQuote({ shares: String(n.value), answer });
    } catch (e) {
      setError(String((e as Error)?.message ?? e));
    }
  };
  let reason = needsWallet(ctx);
  if (!reason && own) reason = "This is your own listing.";
  if (!reason && !quote) reason = "Get a quote first.";
  const buy = () => {
    if (!quote || !address) return;
    const send = composers(address, ctx.contracts);
    const msg =
      "native" in vault.asset
        ? send.vaults.buy({ listingId: listing.id, shares: quote.shares }, [
            { denom: vault.asset.native, amount: quote.answer.total },
          ])
        : send.token.send({
            contract: ctx.contracts.vaults,
            amount: quote.answer.total,
            msg: hook({ buy: { listing_id: listing.id, shares: quote.shares } }),
          });
    ctx.send({
      label: `buy ${Number(quote.shares).toLocaleString("en-US")} shares of vault #${vault.id}`,
      msgs: [msg],
      expects: [
        {
          contract: ctx.contracts.vaults,
          query: { holder: { address, vault_id: vault.id } },
          path: "shares",
          change: `+${quote.shares}`,
        },
      ],
    });
  };
  return (
    <div className="row" data-testid={`listing-${listing.id}`}>
      <span>
        #{listing.id}: {Number(listing.shares).toLocaleString("en-US")} shares at{" "}
        <Amount raw={listing.price_per_share} symbol={symbol} /> each
      </span>
      <label className="field">
        <span>Shares</span>
        <input
          value={shares}
          onChange={(e) => setShares(e.target.value)}
          size={10}
          data-testid={`buy-shares-${listing.id}`}
        />
        {error && (
          <span className="error" role="alert" data-testid={`buy-error-${listing.id}`}>
            {error}
          </span>
        )}
      </label>
      <button type="button" onClick={getQuote} disabled={!address || own} data-testid={`buy-quote-${listing.id}`}>
        Get quote
      </button>
      {quote && (
        <span data-testid={`buy-total-${listing.id}`}>
          Total <Amount raw={quote.answer.total} symbol={symbol} /> (fee {formatBps(quote.answer.fee_rate)})
        </span>
      )}
      <Action label="Buy" testId={`buy-${listing.id}`} disabledReason={reason} onClick={buy} />
    </div>
  );
}

function Bid(props: {
  ctx: AppCtx;
  vault: Vault;
  reserve: ReserveResponse;
  auction: Auction | null;
  funds?: bigint;
  symbol: string;
  now: number;
}) {
  const { ctx, vault, reserve, auction, funds, symbol, now } = props;
  const address = ctx.conn?.address;
  const amount = useAmountField({ max: funds, maxLabel: `your ${symbol}` });
  const [error, setError] = useState<string>();
  const ended = auction ? seconds(auction.end) <= now : false;
  let reason = needsWallet(ctx);
  if (!reason && ended) reason = "The auction has ended; it can be settled.";
  if (!reason && auction?.bidder === address) reason = "You hold the highest bid.";
  const bid = () => {
    setError(undefined);
    amount.touch();
    if (!amount.parsed.ok || !address) return;
    if (amount.parsed.raw < BigInt(reserve.min_bid)) {
      return setError(`The lowest bid now is ${formatAmount(reserve.min_bid)} ${symbol}.`);
    }
    const raw = amount.parsed.raw.toString();
    const send = composers(address, ctx.contracts);
    const msg =
      "native" in vault.asset
        ? send.vaults.bid({ vaultId: vault.id }, [{ denom: vault.asset.native, amount: raw }])
        : send.token.send({ contract: ctx.contracts.vaults, amount: raw, msg: hook({ bid: { vault_id: vault.id } }) });
    ctx.send({
      label: `bid ${formatAmount(raw)} ${symbol} on vault #${vault.id}`,
      msgs: [msg],
      expects: [
        { contract: ctx.contracts.vaults, query: { auction: { vault_id: vault.id } }, path: "bid", change: `=${raw}` },
      ],
    });
  };
  return (
    <div data-testid={`buyout-${vault.id}`}>
      <h3>Buyout</h3>
      <p className="muted">
        {auction
          ? `Highest bid ${formatAmount(auction.bid)} ${symbol} (${auction.bids} bids); ends ${date(seconds(auction.end))}.`
          : `No auction yet: a bid at the reserve price starts one.`}{" "}
        Lowest bid now: <Amount raw={reserve.min_bid} symbol={symbol} />.
      </p>
      <div className="row">
        <AmountInput label="Your bid" field={amount} symbol={symbol} testId={`bid-amount-${vault.id}`} />
        <Action label="Bid" testId={`bid-${vault.id}`} disabledReason={reason} onClick={bid} />
      </div>
      {error && (
        <p className="error" role="alert" data-testid={`bid-error-${vault.id}`}>
          {error}
        </p>
      )}
    </div>
  );
}
