/**
 * The kinds of legacy Campaign credential the plugin inventories: each rule declares its kind in
 * `meta.docs.kind`; configs, the scanner's grading and every report group findings by it.
 */
export type CredentialKind =
  | "native-login"
  | "session-token"
  | "security-token"
  | "jwt"
  | "insecure-config"
  | "hardcoded-secret";
