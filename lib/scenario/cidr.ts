// CIDR blocks (`10.0.0.0/16`, `2600:1f18::/40`): parsing and containment, for
// the schema, the NetworkPolicy ipBlocks, load-balancer source ranges and the
// check ("do the ranges cover where the clients are"). Addresses become
// bigints so IPv4 and IPv6 share one code path.
import { isIPv4, isIPv6 } from "./names";
import { rememberByText } from "./remember";

export interface Cidr {
  family: 4 | 6;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
}

function ipv4ToBigInt(ip: string): bigint {
  return ip.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6ToBigInt(ip: string): bigint {
  let text = ip;
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two groups.
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = ipv4ToBigInt(tail);
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = rest === undefined || rest === "" ? [] : rest.split(":");
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [
    ...headGroups,
    ...Array<string>(rest === undefined ? 0 : missing).fill("0"),
    ...tailGroups,
  ];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** An address as a /32 or /128 block, or null. */
export function parseIp(ip: string): Cidr | null {
  if (isIPv4(ip)) return { family: 4, network: ipv4ToBigInt(ip), prefix: 32 };
  if (isIPv6(ip)) return { family: 6, network: ipv6ToBigInt(ip), prefix: 128 };
  return null;
}

const bits = (family: 4 | 6) => (family === 4 ? 32 : 128);

function mask(family: 4 | 6, prefix: number): bigint {
  const width = BigInt(bits(family));
  return ((1n << width) - 1n) ^ ((1n << (width - BigInt(prefix))) - 1n);
}

/** `a.b.c.d/n` or `x::/n` (a bare address counts as a host block), or null. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf("/");
  const ip = parseIp(slash === -1 ? text : text.slice(0, slash));
  if (ip === null) return null;
  if (slash === -1) return ip;
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > bits(ip.family)) return null;
  return { family: ip.family, network: ip.network & mask(ip.family, prefix), prefix };
}

/**
 * A CIDR as Kubernetes and the clouds accept it: prefix given, host bits
 * clear (`10.0.0.0/16`, not `10.0.0.1/16`, which NetworkPolicy's ipBlock rejects).
 */
export const isCidr = rememberByText(function isCidrBlock(text: string): boolean {
  const slash = text.indexOf("/");
  const parsed = parseCidr(text);
  if (slash === -1 || parsed === null) return false;
  return parseIp(text.slice(0, slash))?.network === parsed.network;
});

/** True when every address of `inner` lies in `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  return (inner.network & mask(outer.family, outer.prefix)) === outer.network;
}

/** True when the two blocks share any address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

export function formatCidr(c: Cidr): string {
  if (c.family === 4) {
    const octets = [24n, 16n, 8n, 0n].map((shift) => String((c.network >> shift) & 0xffn));
    return `${octets.join(".")}/${c.prefix}`;
  }
  const groups = Array.from({ length: 8 }, (_, i) =>
    ((c.network >> BigInt((7 - i) * 16)) & 0xffffn).toString(16),
  );
  return `${groups.join(":")}/${c.prefix}`;
}
