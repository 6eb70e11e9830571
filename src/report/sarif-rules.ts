/**
 * What GitHub code scanning reads from a SARIF rule beyond its id and level: how often its
 * findings are right (`precision`), how much a finding matters (`security-severity`, 0.0–10.0:
 * GitHub shows 9.0+ as critical, 7.0+ high, 4.0+ medium, below that low) and its CWE tags.
 *
 * - Hard-coded credentials are critical: a value in the repository is a value in its history.
 * - Native login/password, session and security tokens are the legacy logons Adobe's IMS
 *   migration removes (credentials in requests, no central revocation): high.
 * - Service Account (JWT) credentials stop working (March 2026) and hold private keys: high.
 * - Security zone settings that weaken authentication are high; the missing lock of native
 *   authentication after the migration is medium.
 * - `prefer-ims-bearer-token` already runs on IMS tokens, through an exchange: low.
 *
 * Precision: rules that match exact API calls, XML elements and attributes are "very-high";
 * those that also recognise values and call shapes are "high"; the lock check, which only sees
 * the configuration files in the scan, is "medium".
 */
import type { RuleName } from "../campaign/keywords.js";
import type { CredentialKind } from "../campaign/credential-kinds.js";

export type SarifPrecision = "very-high" | "high" | "medium" | "low";

export interface SarifRuleTraits {
  precision: SarifPrecision;
  /** GitHub's `security-severity`, a number from 0.0 to 10.0 written as a string. */
  securitySeverity: string;
  /** CWE numbers, tagged `external/cwe/cwe-N` as GitHub expects. */
  cwe: readonly number[];
}

export const SARIF_RULE_TRAITS: Readonly<Record<RuleName, SarifRuleTraits>> = {
  "no-hardcoded-campaign-secret": { precision: "high", securitySeverity: "9.1", cwe: [798, 259] },
  "no-password-logon": { precision: "very-high", securitySeverity: "7.5", cwe: [1390, 522, 477] },
  "no-session-token": { precision: "high", securitySeverity: "7.0", cwe: [522, 477] },
  "no-jwt-service-account": { precision: "high", securitySeverity: "7.0", cwe: [477] },
  "no-insecure-security-zone": { precision: "very-high", securitySeverity: "7.3", cwe: [1390, 319] },
  "require-native-auth-lock": { precision: "medium", securitySeverity: "5.0", cwe: [1390] },
  "prefer-ims-bearer-token": { precision: "very-high", securitySeverity: "3.0", cwe: [477] },
};

/** For a rule the table does not know (another plugin version's results, merged). */
const FALLBACK: SarifRuleTraits = { precision: "medium", securitySeverity: "5.0", cwe: [] };

export const sarifRuleTraits = (name: string): SarifRuleTraits =>
  Object.hasOwn(SARIF_RULE_TRAITS, name) ? SARIF_RULE_TRAITS[name as RuleName] : FALLBACK;

/** The rule's tags: GitHub shows at most 10, so the list stays short. */
export const sarifRuleTags = (kind: CredentialKind, traits: SarifRuleTraits): string[] => [
  "security",
  "adobe-campaign",
  kind,
  ...traits.cwe.map((cwe) => `external/cwe/cwe-${cwe}`),
];
