/**
 * The Adobe migration step that resolves each credential kind (domain.md, "Why it matters" and
 * sections A–F), in the order a migration usually runs.
 */
import type { CredentialKind } from "../campaign/credential-kinds.js";

export type MigrationStepId = "technical-account" | "oauth-server-to-server" | "bearer-header" | "rotate-secret" | "lock-native-auth";

/**
 * The step for credentials themselves: a history scan (--history) lists every finding of its kinds
 * that was ever committed under "rotate these", removed since or not.
 */
export const ROTATE_STEP: MigrationStepId = "rotate-secret";

export interface MigrationStep {
  id: MigrationStepId;
  title: string;
  action: string;
  kinds: readonly CredentialKind[];
}

export const MIGRATION_STEPS: readonly MigrationStep[] = [
  {
    id: "technical-account",
    title: "Replace native logons with IMS technical accounts",
    action:
      "Create an OAuth Server-to-Server credential (technical account) for each integration in the Adobe Developer Console, " +
      "add it to the Campaign product profiles it needs, and log on with its access token: ofImsBearerToken in the SDK, " +
      "an Authorization: Bearer header in SOAP calls. Campaign v8 does not allow native login/password; on v7, migrate on " +
      "7.4.1 (recommended) or 7.3.5+.",
    kinds: ["native-login"],
  },
  {
    id: "oauth-server-to-server",
    title: "Move Service Account (JWT) credentials to OAuth Server-to-Server",
    action:
      "Add an OAuth Server-to-Server credential to the same Developer Console project, request tokens from " +
      "https://ims-na1.adobelogin.com/ims/token/v3 (grant_type=client_credentials), and on the instance run " +
      "nlserver config -setimsoauth (v7.4.1+). JWT credentials stop working when their certificate expires or on " +
      "March 1, 2026, whichever is earlier.",
    kinds: ["jwt"],
  },
  {
    id: "bearer-header",
    title: "Send IMS bearer tokens instead of session and security tokens",
    action:
      "Send the IMS access token in an Authorization: Bearer header, leave <sessiontoken> empty (Adobe's documented " +
      "after-state), remove X-Security-Token / X-Session-Token headers and __sessiontoken cookies, and replace " +
      "ofBearerToken with ofImsBearerToken on Campaign v8.5+.",
    kinds: ["session-token", "security-token"],
  },
  {
    id: "rotate-secret",
    title: "Rotate and remove hard-coded credentials",
    action:
      "Every value found is in the repository's history: rotate it (change the operator password, regenerate the client " +
      "secret or private key), delete it from the code, and load credentials from a secret store or the environment.",
    kinds: ["hardcoded-secret"],
  },
  {
    id: "lock-native-auth",
    title: "Turn off insecure security zone settings after the migration",
    action:
      "Once every integration uses IMS, set allowUserPassword, allowEmptyPassword, sessionTokenOnly and allowHTTP to " +
      "false in serverConf.xml, and lock native authentication with the imsConfig block (nonIMSAuthnAPI " +
      'disableAPI="true", v7.4.1+).',
    kinds: ["insecure-config"],
  },
];

/** Kinds in report order, with their labels. */
export const KIND_LABELS: Readonly<Record<CredentialKind, string>> = {
  "native-login": "Native login/password",
  "session-token": "Session token",
  "security-token": "Security token",
  jwt: "Service Account (JWT)",
  "hardcoded-secret": "Hard-coded secret",
  "insecure-config": "Insecure configuration",
};

export const KIND_ORDER = Object.keys(KIND_LABELS) as CredentialKind[];

export function stepForKind(kind: CredentialKind): MigrationStep {
  return MIGRATION_STEPS.find((step) => step.kinds.includes(kind)) ?? MIGRATION_STEPS[0]!;
}
