import { useEffect, useState } from "react";
import { AppContext, type AppCtx } from "./context";
import type { ChainReader, Tx } from "./lib/chain";
import { loadConfig, type Contracts, type NetworkConfig } from "./lib/config";
import { connect, fundsWarning, readOnly, WalletError, type Connection } from "./lib/wallet";
import { Portfolio } from "./pages/Portfolio";
import { Staking } from "./pages/Staking";
import { Governance } from "./pages/Governance";
import { Compute } from "./pages/Compute";
import { Assets } from "./pages/Assets";
import { Payments } from "./pages/Payments";

const PAGES = {
  portfolio: { title: "Portfolio", Page: Portfolio },
  staking: { title: "Staking", Page: Staking },
  governance: { title: "Governance", Page: Governance },
  compute: { title: "Compute", Page: Compute },
  assets: { title: "Assets", Page: Assets },
  payments: { title: "Payments", Page: Payments },
} as const;
type PageName = keyof typeof PAGES;

function pageFromHash(): PageName {
  const name = window.location.hash.replace("#/", "") as PageName;
  return name in PAGES ? name : "portfolio";
}

export function App() {
  const [setup, setSetup] = useState<{ network: NetworkConfig; contracts: Contracts; reader: ChainReader }>();
  const [fatal, setFatal] = useState<string>();
  const [conn, setConn] = useState<Connection>();
  const [walletMessage, setWalletMessage] = useState<string>();
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string }>();
  const [refreshKey, setRefreshKey] = useState(0);
  const [page, setPage] = useState<PageName>(pageFromHash());

  useEffect(() => {
    loadConfig()
      .then(async ({ network, contracts }) => setSetup({ network, contracts, reader: await readOnly(network) }))
      .catch((e: unknown) => setFatal(String((e as Error)?.message ?? e)));
    const onHash = () => setPage(pageFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  // When the user switches accounts in Keplr, connect the new one.
  useEffect(() => {
    if (!conn || !setup) return;
    const onSwitch = () => {
      connect(setup.network).then(
        (c) => {
          setConn(c);
          setWalletMessage(fundsWarning(c, setup.network));
        },
        (e: unknown) => setWalletMessage(e instanceof WalletError ? e.message : String(e)),
      );
    };
    window.addEventListener("keplr_keystorechange", onSwitch);
    return () => window.removeEventListener("keplr_keystorechange", onSwitch);
  }, [conn, setup]);

  if (fatal)
    return (
      <main className="fatal" role="alert">
        {fatal}
      </main>
    );
  if (!setup) return <main className="muted">Loading the network…</main>;

  const onConnect = async () => {
    setWalletMessage(undefined);
    try {
      const c = await connect(setup.network);
      setConn(c);
      setWalletMessage(fundsWarning(c, setup.network));
    } catch (e) {
      setWalletMessage(e instanceof WalletError ? e.message : String(e));
    }
  };

  const ctx: AppCtx = {
    ...setup,
    reader: conn?.reader ?? setup.reader,
    conn,
    refreshKey,
    send: async (tx: Tx) => {
      if (!conn) throw new Error("Connect Keplr first.");
      setStatus(undefined);
      try {
        const hash = await conn.writer.send(tx);
        setStatus({ kind: "ok", text: `${tx.label}: sent (${hash}).` });
        setRefreshKey((k) => k + 1);
      } catch (e) {
        setStatus({ kind: "error", text: `${tx.label}: ${String((e as Error)?.message ?? e)}` });
      }
    },
  };
  const { Page } = PAGES[page];

  return (
    <AppContext.Provider value={ctx}>
      <header>
        <h1>
          BTT <span className="muted">· {setup.network.description}</span>
        </h1>
        <nav>
          {(Object.keys(PAGES) as PageName[]).map((name) => (
            <a key={name} href={`#/${name}`} className={name === page ? "active" : ""}>
              {PAGES[name].title}
            </a>
          ))}
        </nav>
        <div className="wallet">
          {conn ? (
            <span data-testid="account">{conn.address}</span>
          ) : (
            <button type="button" onClick={onConnect} data-testid="connect">
              Connect Keplr
            </button>
          )}
        </div>
      </header>
      {walletMessage && (
        <p className="warning" role="alert" data-testid="wallet-message">
          {walletMessage}
        </p>
      )}
      {status && (
        <p className={status.kind === "ok" ? "success" : "error"} role="status" data-testid="tx-status">
          {status.text}
        </p>
      )}
      <main>
        <Page />
      </main>
    </AppContext.Provider>
  );
}
