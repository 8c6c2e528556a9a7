import { fromBech32 } from "@cosmjs/encoding";

/** Why `address` is not an account of the network with `prefix`, or `undefined` if it is. */
export function validateAddress(address: string, prefix: string): string | undefined {
  if (address === "") return "Enter an address.";
  try {
    const decoded = fromBech32(address);
    if (decoded.prefix !== prefix) return `Not a ${prefix} address.`;
    if (decoded.data.length !== 20 && decoded.data.length !== 32) return "Not an account address.";
  } catch {
    return "Not a valid address.";
  }
  return undefined;
}
