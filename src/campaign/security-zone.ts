/**
 * serverConf.xml security zones: the elements that carry zone settings and the settings that
 * weaken authentication when "true" (with the message id no-insecure-security-zone reports each
 * under). Shared by that rule and by the document hosts, which wrap a bare attribute excerpt
 * (`allowUserPassword="true"` alone in a runbook) in the element it belongs to.
 */
import { BlockList, isIP } from "node:net";

/** The attributes, by risk; no-insecure-security-zone's messages explain each one. */
export const INSECURE_ZONE_ATTRIBUTES = {
  allowUserPassword: "userPassword",
  allowEmptyPassword: "emptyPassword",
  allowSQLInjection: "sqlInjection",
  sessionTokenOnly: "sessionTokenOnly",
  allowHTTP: "allowHttp",
} as const;

export type InsecureZoneAttribute = keyof typeof INSECURE_ZONE_ATTRIBUTES;

/** Security zone settings sit on <securityZone> and on the <subNetwork> elements inside it. */
export const ZONE_ELEMENTS = new Set(["securityZone", "subNetwork"]);

export const isInsecureZoneAttribute = (name: string): name is InsecureZoneAttribute => Object.hasOwn(INSECURE_ZONE_ATTRIBUTES, name);

/**
 * Settings Adobe's stock serverConf.xml turns on for its private `lan` zone: on a zone whose
 * addresses are all private or loopback they are the stock defaults, not an exposure, so
 * no-insecure-security-zone does not report them there. `allowUserPassword` is reported anywhere.
 */
export const PRIVATE_ZONE_DEFAULTS: ReadonlySet<InsecureZoneAttribute> = new Set(["allowHTTP", "sessionTokenOnly", "allowEmptyPassword"]);

// Private and loopback address blocks: RFC 1918, 127/8, IPv6 loopback and unique local (RFC 4193).
const PRIVATE_BLOCKS: ReadonlyArray<{ list: BlockList; prefix: number }> = (
  [
    ["10.0.0.0", 8, "ipv4"],
    ["172.16.0.0", 12, "ipv4"],
    ["192.168.0.0", 16, "ipv4"],
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
    ["fc00::", 7, "ipv6"],
  ] as const
).map(([address, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(address, prefix, family);
  return { list, prefix };
});

/** A dotted IPv4 netmask (`255.255.0.0`) as a prefix length, or undefined when it is not one. */
function netmaskPrefix(mask: string): number | undefined {
  if (isIP(mask) !== 4) return undefined;
  const bits = mask.split(".").map((part) => Number(part).toString(2).padStart(8, "0")).join("");
  return /^1*0*$/.test(bits) ? bits.indexOf("0") === -1 ? 32 : bits.indexOf("0") : undefined;
}

/**
 * Whether a `<subNetwork mask>` (`192.168.0.0/16`, `10.1.2.3`, `::1/128`, `10.0.0.0/255.0.0.0`)
 * lies wholly inside a private or loopback block. `*`, public ranges and anything unreadable are not.
 * Addresses are read by Node's `net` module (isIP, BlockList); only the `/prefix` split is ours.
 */
export function isPrivateMask(mask: string): boolean {
  const [address = "", length, extra] = mask.trim().split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  const full = family === 4 ? 32 : 128;
  const prefix = length === undefined ? full : /^\d{1,3}$/.test(length) ? Number(length) : netmaskPrefix(length);
  if (prefix === undefined || prefix > full) return false;
  const type = family === 4 ? "ipv4" : "ipv6";
  // The subnet is inside a block when its address is and its prefix is at least the block's.
  return PRIVATE_BLOCKS.some((block) => prefix >= block.prefix && block.list.check(address, type));
}

/**
 * The `mask`s of the addresses a zone element covers: a `<subNetwork>`'s own, or those of the
 * `<subNetwork>` children of a `<securityZone>` (nested zones are zones of their own).
 */
export function zoneMasks(element: { localName: string; attributes: ReadonlyArray<{ name: string; value: string }>; children: ReadonlyArray<unknown> }): string[] {
  const maskOf = (node: { attributes: ReadonlyArray<{ name: string; value: string }> }): string[] =>
    node.attributes.filter((attribute) => attribute.name === "mask").map((attribute) => attribute.value);
  if (element.localName === "subNetwork") return maskOf(element);
  return element.children.flatMap((child) => {
    const node = child as { type?: string; localName?: string; attributes?: ReadonlyArray<{ name: string; value: string }> };
    return node.type === "XmlElement" && node.localName === "subNetwork" && node.attributes !== undefined ? maskOf({ attributes: node.attributes }) : [];
  });
}

/** A mask a document writes as a placeholder (`a.b.c.d/xx`, `<your network>`): no digit, no `*`, no `:`. */
const isPlaceholderMask = (mask: string): boolean => !/[\d*:]/.test(mask);

/**
 * Whether a zone element covers addresses, all of them private or loopback. Placeholder masks
 * (`a.b.c.d/xx` in a document) say nothing either way and are left out; a zone with no real mask
 * is not private.
 */
export function isPrivateZone(element: Parameters<typeof zoneMasks>[0]): boolean {
  const masks = zoneMasks(element).filter((mask) => !isPlaceholderMask(mask));
  return masks.length > 0 && masks.every(isPrivateMask);
}
