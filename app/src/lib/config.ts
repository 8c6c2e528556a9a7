// What the app connects to: a network file of the deploy program (deploy/networks/<name>.json)
// and the deployment manifest it wrote (out/manifest*.json). Both are served to the app as
// /config/network.json and /config/manifest.json (scripts/configure.mjs copies them there).

/** deploy/networks/<name>.json, field for field. */
export interface NetworkConfig {
  name: string;
  description: string;
  chain_id: string;
  bech32_prefix: string;
  rpc: string;
  rest: string;
  grpc: string;
  fee_denom: string;
  fee_symbol: string;
  gas_price: string;
  coin_type: number;
  native_denoms: string[];
}

/** The contracts of a deployment manifest. */
export interface Manifest {
  chain_id: string;
  contracts: { name: string; address: string; code_id: number; admin: string | null }[];
}

/** The ten contracts by role. */
export interface Contracts {
  token: string;
  vesting: string;
  staking: string;
  dao: string;
  escrow: string;
  depin: string;
  points: string;
  payfi: string;
  nft: string;
  vaults: string;
}

const ROLES: Record<string, keyof Contracts> = {
  "btt-token": "token",
  "btt-vesting": "vesting",
  "btt-staking": "staking",
  "btt-dao": "dao",
  "compute-escrow": "escrow",
  "depin-rewards": "depin",
  "incentive-points": "points",
  payfi: "payfi",
  "rwa-nft": "nft",
  "rwa-fractionalizer": "vaults",
};

/** The addresses of the ten contracts; refuses a manifest of another chain or one missing any. */
export function contractsOf(manifest: Manifest, network: NetworkConfig): Contracts {
  if (manifest.chain_id !== network.chain_id) {
    throw new Error(`The manifest is of chain ${manifest.chain_id}, the network is ${network.chain_id}.`);
  }
  const found: Partial<Contracts> = {};
  for (const c of manifest.contracts) {
    const role = ROLES[c.name];
    if (role) found[role] = c.address;
  }
  const missing = Object.entries(ROLES)
    .filter(([, role]) => !found[role])
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new Error(`The manifest has no ${missing.join(", ")}.`);
  }
  return found as Contracts;
}

/** Keplr's description of the network, for `experimentalSuggestChain`. */
export interface KeplrChainInfo {
  chainId: string;
  chainName: string;
  rpc: string;
  rest: string;
  bip44: { coinType: number };
  bech32Config: {
    bech32PrefixAccAddr: string;
    bech32PrefixAccPub: string;
    bech32PrefixValAddr: string;
    bech32PrefixValPub: string;
    bech32PrefixConsAddr: string;
    bech32PrefixConsPub: string;
  };
  currencies: Currency[];
  feeCurrencies: (Currency & { gasPriceStep: { low: number; average: number; high: number } })[];
  stakeCurrency: Currency;
  features: string[];
}

interface Currency {
  coinDenom: string;
  coinMinimalDenom: string;
  coinDecimals: number;
}

/** Keplr's chain info from the same network file the deploy program reads. */
export function keplrChainInfo(n: NetworkConfig): KeplrChainInfo {
  const p = n.bech32_prefix;
  const fee: Currency = { coinDenom: n.fee_symbol, coinMinimalDenom: n.fee_denom, coinDecimals: 6 };
  const price = Number(n.gas_price);
  return {
    chainId: n.chain_id,
    chainName: n.description,
    rpc: n.rpc,
    rest: n.rest,
    bip44: { coinType: n.coin_type },
    bech32Config: {
      bech32PrefixAccAddr: p,
      bech32PrefixAccPub: `${p}pub`,
      bech32PrefixValAddr: `${p}valoper`,
      bech32PrefixValPub: `${p}valoperpub`,
      bech32PrefixConsAddr: `${p}valcons`,
      bech32PrefixConsPub: `${p}valconspub`,
    },
    currencies: [fee],
    feeCurrencies: [{ ...fee, gasPriceStep: { low: price, average: price * 1.5, high: price * 2 } }],
    stakeCurrency: fee,
    features: ["cosmwasm"],
  };
}

/** Loads /config/network.json and /config/manifest.json. */
export async function loadConfig(): Promise<{ network: NetworkConfig; contracts: Contracts }> {
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(path);
    if (!res.ok) {
      throw new Error(`${path} is missing: run \`scripts/app.sh configure NETWORK MANIFEST\` first.`);
    }
    return (await res.json()) as T;
  };
  const network = await get<NetworkConfig>("/config/network.json");
  const manifest = await get<Manifest>("/config/manifest.json");
  return { network, contracts: contractsOf(manifest, network) };
}
