/**
 * Adobe IMS Service Account (JWT) credentials: the shapes they leave in code and config.
 *
 * Pure functions on strings and key lists, shared by every language of `no-jwt-service-account`
 * (JS/TS string literals, XML text, .http request lines, shell commands, JSON config): each
 * language extracts its text, calls a matcher here and maps the returned offsets to positions.
 *
 * Sources: adobe/jwt-auth (README), adobe/aio-lib-ims (README: "JWT Configuration"),
 * adobe/aio-lib-ims-jwt (`src/ims-jwt.js`), adobe/aio-lib-core-auth (README), domain.md C.
 */

import type { TextRange } from "./session-tokens.js";

/** A match inside the text given: `text.slice(start, end) === match.text` (UTF-16 offsets). */
export interface TextMatch extends TextRange {
  text: string;
}

/** Adobe's end-of-life dates for Service Account (JWT) credentials (domain.md, "the dates"). */
export const JWT_NO_NEW_CREDENTIALS_SINCE = "June 3 2024";
/** The latest date Adobe gives: JWT stops when the certificate expires or on this day, whichever is earlier. */
export const JWT_END_OF_LIFE = "March 1 2026";

/** The OAuth Server-to-Server token endpoint that replaces `/ims/exchange/jwt`. */
export const OAUTH_TOKEN_ENDPOINT = "https://ims-na1.adobelogin.com/ims/token/v3";
/** The library whose `generateAccessToken({ clientId, clientSecret, orgId, scopes })` replaces `@adobe/jwt-auth`. */
export const OAUTH_AUTH_PACKAGE = "@adobe/aio-lib-core-auth";

export const JWT_AUTH_PACKAGE = "@adobe/jwt-auth";
export const AIO_LIB_IMS_JWT_PACKAGE = "@adobe/aio-lib-ims-jwt";
/** Packages that exist only to mint JWT-exchanged IMS tokens. */
export const JWT_PACKAGES = [JWT_AUTH_PACKAGE, AIO_LIB_IMS_JWT_PACKAGE] as const;
export type JwtPackage = (typeof JWT_PACKAGES)[number];

/**
 * aio-lib-ims and its predecessor: not legacy themselves (they take OAuth contexts too), but the
 * home of JWT contexts and of the low-level `exchangeJwtToken`.
 */
export const AIO_LIB_IMS_PACKAGES = ["@adobe/aio-lib-ims", "@adobe/aio-lib-core-ims"] as const;

/** The package a module specifier resolves into (`pkg` or a deep `pkg/...`), if it is one of `packages`. */
function packageOf<P extends string>(specifier: string, packages: readonly P[]): P | undefined {
  return packages.find((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/** The JWT package a module specifier imports (`@adobe/jwt-auth`, `@adobe/jwt-auth/index.js`, ...). */
export function jwtPackageOf(specifier: string): JwtPackage | undefined {
  return packageOf(specifier, JWT_PACKAGES);
}

/** Whether a module specifier imports aio-lib-ims (not `@adobe/aio-lib-ims-jwt`, which is a JWT package). */
export function isAioLibImsSpecifier(specifier: string): boolean {
  return packageOf(specifier, AIO_LIB_IMS_PACKAGES) !== undefined;
}

// A host right before the path: with a scheme (`https://`, protocol-relative `//`) or bare
// (`ims-na1.adobelogin.com`); a bare host must not continue a longer name (`x.adobelogin.com`
// inside `https://${region}.adobelogin.com` is not a host), so the path is matched alone there.
const HOST = String.raw`(?:(?:https?:)?\/\/[a-z0-9.-]+(?::\d+)?|(?<![\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)`;

// `/ims/exchange/jwt`, `/ims/exchange/jwt/`, `/ims/exchange/v1/jwt`, after any host or none;
// `(?![\w-])` keeps `/ims/exchange/jwtx` out. Case-insensitive like the keyword gate.
const JWT_EXCHANGE_PATTERN = new RegExp(String.raw`${HOST}?\/ims\/exchange\/(?:v1\/)?jwt\/?(?![\w-])`, "gi");

// The Campaign metascope, as a full claim URL (`https://ims-na1.adobelogin.com/s/ent_campaign_sdk`),
// a host-less `/s/ent_campaign_sdk`, or the bare name used in `meta_scopes` / `metaScopes` lists.
const CAMPAIGN_METASCOPE_PATTERN = new RegExp(String.raw`(?:${HOST}?\/s\/)?\bent_campaign_sdk\b`, "gi");

const JWT_PACKAGE_PATTERN = /@adobe\/(?:jwt-auth|aio-lib-ims-jwt)(?![\w-])/gi;

function allMatches(pattern: RegExp, text: string): TextMatch[] {
  const matches: TextMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    matches.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return matches;
}

/**
 * Every JWT exchange endpoint in a text: the URL with its scheme and host when they are there
 * (`https://ims-na1.adobelogin.com/ims/exchange/jwt`), else the path alone (`${IMS}/ims/exchange/jwt`).
 * A query string or fragment is not part of the match.
 */
export function findJwtExchangeEndpoints(text: string): TextMatch[] {
  return allMatches(JWT_EXCHANGE_PATTERN, text);
}

/** Every `ent_campaign_sdk` metascope in a text (full claim URL, `/s/` path, or bare name). */
export function findCampaignMetascopes(text: string): TextMatch[] {
  return allMatches(CAMPAIGN_METASCOPE_PATTERN, text);
}

/**
 * Every JWT package name in a text (package.json dependencies, `npm install` lines, lock files).
 * For a module specifier in code use `jwtPackageOf`, which also knows deep imports.
 */
export function findJwtPackageNames(text: string): TextMatch[] {
  return allMatches(JWT_PACKAGE_PATTERN, text);
}

/**
 * Keys that only a JWT configuration has: aio-lib-ims contexts (`meta_scopes`) and the
 * `@adobe/jwt-auth` / `@adobe/fetch` config (`metaScopes`). `private_key` / `privateKey` travel with
 * them but are not decisive on their own (Google service-account keys have `private_key` too).
 */
export const JWT_CONTEXT_KEYS = ["meta_scopes", "metaScopes"] as const;
export type JwtContextKey = (typeof JWT_CONTEXT_KEYS)[number];

/** Keys of the OAuth Server-to-Server context that replaces a JWT context (aio-lib-ims, aio-lib-core-auth). */
export const OAUTH_CONTEXT_KEYS = ["client_secrets", "technical_account_email", "scopes"] as const;

export type ImsContextClass =
  /** A JWT configuration; `key` is the decisive key to report. */
  | { kind: "jwt"; key: JwtContextKey }
  /** An OAuth Server-to-Server configuration: the target, never reported. */
  | { kind: "oauth"; key: (typeof OAUTH_CONTEXT_KEYS)[number] };

/**
 * Classifies the keys of one configuration object (JS object literal, JSON object, `.aio` context).
 * A metascope list makes it JWT whatever else it holds; otherwise an OAuth key makes it OAuth;
 * otherwise it is neither (undefined).
 */
export function classifyImsContext(keys: Iterable<string>): ImsContextClass | undefined {
  const present = new Set(keys);
  const jwtKey = JWT_CONTEXT_KEYS.find((key) => present.has(key));
  if (jwtKey !== undefined) return { kind: "jwt", key: jwtKey };
  const oauthKey = OAUTH_CONTEXT_KEYS.find((key) => present.has(key));
  return oauthKey === undefined ? undefined : { kind: "oauth", key: oauthKey };
}
