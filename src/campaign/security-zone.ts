/**
 * serverConf.xml security zones: the elements that carry zone settings and the settings that
 * weaken authentication when "true" (with the message id no-insecure-security-zone reports each
 * under). Shared by that rule and by the document hosts, which wrap a bare attribute excerpt
 * (`allowUserPassword="true"` alone in a runbook) in the element it belongs to.
 */

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
