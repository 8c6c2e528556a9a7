import { describe, expect, it } from "vitest";
import { contractsOf, keplrChainInfo, type Manifest, type NetworkConfig } from "./config";
import { stableJson } from "./stableJson";
import { validateAddress } from "./address";
import { wholeNumber } from "./amount";
import { executeJson } from "./chain";
import { toUtf8 } from "@cosmjs/encoding";
import pion from "../../../deploy/networks/pion-1.json";

const NAMES = [
  "btt-token",
  "btt-vesting",
  "btt-staking",
  "btt-dao",
  "compute-escrow",
  "depin-rewards",
  "incentive-points",
  "payfi",
  "rwa-nft",
  "rwa-fractionalizer",
];

const manifest = (chain_id: string, names = NAMES): Manifest => ({
  chain_id,
  contracts: names.map((name, i) => ({ name, address: `addr${i}`, code_id: i + 1, admin: "dao" })),
});

describe("the network config of the deploy program", () => {
  it("becomes Keplr's chain info", () => {
    const info = keplrChainInfo(pion as NetworkConfig);
    expect(info.chainId).toBe("pion-1");
    expect(info.rpc).toBe(pion.rpc);
    expect(info.rest).toBe(pion.rest);
    expect(info.bip44.coinType).toBe(118);
    expect(info.bech32Config.bech32PrefixAccAddr).toBe("neutron");
    expect(info.bech32Config.bech32PrefixValAddr).toBe("neutronvaloper");
    expect(info.feeCurrencies[0]).toMatchObject({
      coinDenom: "NTRN",
      coinMinimalDenom: "untrn",
      coinDecimals: 6,
      gasPriceStep: { low: 0.0053 },
    });
    expect(info.features).toContain("cosmwasm");
  });

  it("and the manifest give the ten addresses, refusing another chain or a missing contract", () => {
    const net = pion as NetworkConfig;
    const c = contractsOf(manifest("pion-1"), net);
    expect(c.token).toBe("addr0");
    expect(c.vaults).toBe("addr9");
    expect(() => contractsOf(manifest("osmo-test-5"), net)).toThrow("The manifest is of chain osmo-test-5");
    expect(() => contractsOf(manifest("pion-1", NAMES.slice(0, 9)), net)).toThrow(
      "The manifest has no rwa-fractionalizer.",
    );
  });
});

describe("query keys", () => {
  it("sort keys and drop undefined and null like the Rust exporter", () => {
    expect(stableJson({ b: 1, a: { d: undefined, c: null, e: "x" } })).toBe('{"a":{"e":"x"},"b":1}');
    expect(stableJson({ q: [3, { z: 1 }] })).toBe('{"q":[3,{"z":1}]}');
  });
});

describe("form input", () => {
  it("addresses are checked for the network's prefix", () => {
    expect(validateAddress("", "neutron")).toBe("Enter an address.");
    expect(validateAddress("neutron1xyz", "neutron")).toBe("Not a valid address.");
    expect(validateAddress("cosmwasm1qg5ega6dykkxc307y25pecuufrjkxkaggkkxh7nad0vhyhtuhw3sgetes3", "neutron")).toBe(
      "Not a neutron address.",
    );
    expect(validateAddress("cosmwasm1qg5ega6dykkxc307y25pecuufrjkxkaggkkxh7nad0vhyhtuhw3sgetes3", "cosmwasm")).toBe(
      undefined,
    );
  });

  it("whole numbers refuse fractions, signs and too little", () => {
    expect(wholeNumber("12", "units")).toEqual({ ok: true, value: 12 });
    expect(wholeNumber("1.5", "units")).toEqual({ ok: false, error: "Units must be a whole number." });
    expect(wholeNumber("-1", "units")).toEqual({ ok: false, error: "Units must be a whole number." });
    expect(wholeNumber("0", "units")).toEqual({ ok: false, error: "Units must be at least 1." });
    expect(wholeNumber("", "units")).toEqual({ ok: false, error: "Enter units." });
  });
});

describe("captured messages", () => {
  it("decode to JSON and refuse anything but contract executions", () => {
    const msg = {
      typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract",
      value: { sender: "a", contract: "b", msg: toUtf8('{"claim":{"schedule_id":2}}'), funds: [] },
    };
    expect(executeJson([msg])).toEqual([{ sender: "a", contract: "b", msg: { claim: { schedule_id: 2 } }, funds: [] }]);
    expect(() => executeJson([{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: {} }])).toThrow(
      "The app sends only contract executions",
    );
  });
});
