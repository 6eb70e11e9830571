/**
 * The shared keyword table. A rule only registers visitors for a file whose text contains at
 * least one of its keywords (matched case-insensitively), and the scanner parses a file only
 * when its text contains at least one keyword of any enabled rule (gitleaks-style prefilter).
 *
 * Soundness contract: every pattern a rule reports must contain one of that rule's keywords
 * verbatim (ignoring case) somewhere in the file. A test runs every rule on every fixture with
 * and without the gate and expects identical findings.
 */

import { ByteKeywordMatcher } from "./byte-keyword-matcher.js";

export const RULE_KEYWORDS = {
  "no-password-logon": [
    "acc-js-sdk",
    "accSDK",
    "logon",
    // SDK calls found by name or by use, whatever the import (`X.ConnectionParameters.…`).
    "ConnectionParameters",
    "ofUserAndPassword",
    "ofUserAndServiceToken",
    "ofExternalAccount",
  ],
  "no-session-token": [
    "acc-js-sdk",
    "accSDK",
    "ConnectionParameters",
    "sessiontoken",
    "session-token",
    "securitytoken",
    "security-token",
    "addTokens",
    // Session and security tokens in configuration (`ACC_SESSION_TOKEN=…` in .env, Dockerfile ENV).
    "ACC_SESSION_TOKEN",
    "ACC_SECURITY_TOKEN",
    // Settings named in other conventions (`MC_SESSION_TOKEN`, `campaign.session.token`).
    "session_token",
    "security_token",
    "session.token",
    "security.token",
  ],
  "prefer-ims-bearer-token": [
    "acc-js-sdk",
    "accSDK",
    "BearerTokenLogon",
    "ConnectionParameters",
    "ofBearerToken",
    // logon()-based refresh of an ofImsBearerToken connection.
    "ofImsBearerToken",
  ],
  "no-jwt-service-account": [
    "jwt-auth",
    "aio-lib-ims",
    "aio-lib-core-ims",
    "exchange/jwt",
    "exchange/v1/jwt",
    "ent_campaign_sdk",
    "setimsjwtauth",
    // nlserver's pre-7.4.1 IMS setup (`-setimsauth:`), reported as info.
    "setimsauth",
    "authIMSTAPrivateKey",
    "authPrivateKey",
    "appName",
    "authGatewayEndpoint",
    "meta_scopes",
    "metaScopes",
    // The JWT exchange form parameter, for requests whose URL is a variable.
    "jwt_token",
  ],
  "no-insecure-security-zone": ["securityZone"],
  "require-native-auth-lock": ["serverConf"],
  "no-hardcoded-campaign-secret": [
    "acc-js-sdk",
    "accSDK",
    "ConnectionParameters",
    "ofUserAndPassword",
    "ofUserAndServiceToken",
    "ofBearerToken",
    "logon",
    "sessiontoken",
    "session-token",
    "security-token",
    "securitytoken",
    "jwt-auth",
    "aio-lib-ims",
    "exchange/jwt",
    "exchange/v1/jwt",
    "setimsjwtauth",
    "setimsoauth",
    "authIMSTA",
    // Triggers' legacy pipelined private key; nlserver passwords (domain D).
    "authPrivateKey",
    "internalpassword",
    "trackingpassword",
    "setdblogin",
    // `@password = …` style definitions in SOAP request files.
    "soaprouter",
    "ACC_",
    // Campaign settings in other naming conventions (`NEOLANE_PWD`, `MC_SESSIONTOKEN`,
    // `campaign_password`, `campaignPassword`, `campaign.password`).
    "neolane",
    "mc_pass",
    "mc_pwd",
    "campaign_pass",
    "campaign_pwd",
    "campaignpass",
    "campaign.pass",
    "campaign_session",
    "campaign_secret",
    "campaign_client_secret",
    // Settings in any convention: a `campaign:` key above a bare `password:` (YAML, Helm values),
    // `campaign.tech.password`, `CAMPAIGN_TECH_PASSWORD`, `mc.password`, `MC_SESSION_TOKEN`.
    "campaign:",
    "campaign.",
    "campaign_",
    "mc.pass",
    "mc-pass",
    "session_token",
    "security_token",
    "session.token",
    "security.token",
    // OAuth Server-to-Server credential code (client secrets in token requests).
    "aio-lib-core-auth",
    "adobelogin",
    "ims/token",
  ],
} as const satisfies Record<string, readonly string[]>;

export type RuleName = keyof typeof RULE_KEYWORDS;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Every keyword of every rule, lower-cased and de-duplicated. */
export const ALL_KEYWORDS: readonly string[] = [
  ...new Set(Object.values(RULE_KEYWORDS).flat().map((keyword) => keyword.toLowerCase())),
].sort();

// One alternation compiled once at load time, longest first.
const KEYWORD_PATTERN = new RegExp(
  [...ALL_KEYWORDS].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"),
  "gi",
);

// A hit on a long keyword also means every keyword it contains is present ("authimstaprivatekey"
// contains "authimsta"); the alternation reports only the longest one at a position.
const CONTAINED_KEYWORDS = new Map<string, string[]>(
  ALL_KEYWORDS.map((outer) => [outer, ALL_KEYWORDS.filter((inner) => outer.includes(inner))]),
);

/** The set of keywords (lower-cased) present in a text. */
export function findKeywords(text: string): Set<string> {
  const found = new Set<string>();
  KEYWORD_PATTERN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = KEYWORD_PATTERN.exec(text)) !== null) {
    for (const keyword of CONTAINED_KEYWORDS.get(match[0].toLowerCase()) ?? []) found.add(keyword);
    if (found.size === ALL_KEYWORDS.length) break;
    // Resume one character after the hit's start so overlapping keywords are found too.
    KEYWORD_PATTERN.lastIndex = match.index + 1;
  }
  return found;
}

/** True when the text contains at least one keyword of any rule: the scanner's prefilter. */
export function containsAnyKeyword(text: string): boolean {
  KEYWORD_PATTERN.lastIndex = 0;
  return KEYWORD_PATTERN.test(text);
}

const KEYWORD_BYTES = new ByteKeywordMatcher(ALL_KEYWORDS);

/**
 * `containsAnyKeyword` on UTF-8 bytes before they are decoded (the same answer as on the decoded
 * text): the prefilter then decodes only the files it lets through.
 */
export function containsAnyKeywordInUtf8(bytes: Uint8Array): boolean {
  return KEYWORD_BYTES.test(bytes);
}

// Keyword sets are computed once per file (per SourceCode object) and shared by its rules.
const keywordsBySource = new WeakMap<object, Set<string>>();

/** Whether the source text contains one of `rule`'s keywords. */
export function hasRuleKeyword(rule: RuleName, sourceCode: { readonly text: string }): boolean {
  let found = keywordsBySource.get(sourceCode);
  if (found === undefined) {
    found = findKeywords(sourceCode.text);
    keywordsBySource.set(sourceCode, found);
  }
  return RULE_KEYWORDS[rule].some((keyword) => found.has(keyword.toLowerCase()));
}
