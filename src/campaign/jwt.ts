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

import { hasCampaignContext, type TextRange } from "./session-tokens.js";

/** A match inside the text given: `text.slice(start, end) === match.text` (UTF-16 offsets). */
export interface TextMatch extends TextRange {
  text: string;
}

/** Adobe's end-of-life dates for Service Account (JWT) credentials (domain.md, "the dates"). */
export const JWT_NO_NEW_CREDENTIALS_SINCE = "June 3 2024";
/** The day Adobe converted or ended every Service Account (JWT) credential: since then the JWT exchange fails. */
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

// AEM as a Cloud Service's JWT service credentials request this metascope (`ent_aem_cloud_api`).
const AEM_METASCOPE = /\bent_aem_cloud_api\b/i;
const CAMPAIGN_METASCOPE = /\bent_campaign_sdk\b/i;

/**
 * Whether a text's JWT code belongs to AEM, not Campaign: it asks for AEM's metascope
 * (`ent_aem_cloud_api`, the AEM as a Cloud Service service credentials) and shows nothing of
 * Campaign (no `ent_campaign_sdk`, no Campaign context as `hasCampaignContext` defines it).
 */
export function isAemJwtOnly(text: string): boolean {
  return AEM_METASCOPE.test(text) && !CAMPAIGN_METASCOPE.test(text) && !hasCampaignContext(text);
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

// --- nlserver IMS setup options (domain D) ---------------------------------------------------

/**
 * `-setimsjwtauth` (Service Account (JWT) setup) or `-setimsauth` (the pre-7.4.1 IMS setup), as
 * found in a command-line text. Offsets are into the text given.
 */
export interface ImsAuthOption extends TextRange {
  option: "setimsjwtauth" | "setimsauth";
  /** End of the option name and its colons (`-setimsjwtauth::`): the argument starts here. */
  nameEnd: number;
  /**
   * The argument split at its top-level `/`: at most five parts (org, client, technical account,
   * secret, key); the fifth runs to the end, since a base64 key may itself contain `/`. Empty when
   * the option has no argument. A `/` inside `$( … )`, `${ … }`, `$(VAR)` or backticks does not split.
   */
  segments: TextRange[];
  /** The argument holds a quote character: it is part of a command written inside a string. */
  quoted: boolean;
}

/** The most parts `-setimsjwtauth:` takes: Org/Client/TechAccount/Secret/Base64Key. */
const MAX_IMS_AUTH_SEGMENTS = 5;

// The option name must not continue a longer one (`-setimsjwtauthx`, `x-setimsauth`).
const IMS_AUTH_OPTION_PATTERN = /(?<![\w-])-(setimsjwtauth|setimsauth)(?![\w-])(:{0,2})/gi;
const WHITESPACE = /\s/;

/**
 * Every `-setimsjwtauth` / `-setimsauth` option in a text (a command-line word, or a command
 * written inside a string: `bash -c "nlserver config -setimsjwtauth:…"`), with its argument
 * split into segments. The argument ends at the end of the text or at whitespace outside
 * quotes and expansions (`$(base64 -w0 /path/to/private.key)` stays one segment).
 */
export function findImsAuthOptions(text: string): ImsAuthOption[] {
  const options: ImsAuthOption[] = [];
  for (const match of text.matchAll(IMS_AUTH_OPTION_PATTERN)) {
    const option = match[1]!.toLowerCase() as ImsAuthOption["option"];
    const nameEnd = match.index + match[0].length;
    const hasArgument = match[2]!.length > 0;
    const { end, slashes, quoted } = hasArgument ? scanArgument(text, nameEnd) : { end: nameEnd, slashes: [], quoted: false };
    const segments: TextRange[] = [];
    if (hasArgument) {
      let start = nameEnd;
      for (const slash of slashes) {
        segments.push({ start, end: slash });
        start = slash + 1;
      }
      segments.push({ start, end });
    }
    options.push({ option, start: match.index, end, nameEnd, segments, quoted });
  }
  return options;
}

/** Where an option's argument ends, and its first four top-level `/` (the fifth part keeps the rest). */
function scanArgument(text: string, from: number): { end: number; slashes: number[]; quoted: boolean } {
  const slashes: number[] = [];
  let depth = 0;
  let backtick = false;
  let quote: string | null = null;
  let quoted = false;
  let index = from;
  for (; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"' || char === "'") {
      quoted = true;
      if (quote === null) quote = char;
      else if (quote === char) quote = null;
    } else if (char === "`") {
      backtick = !backtick;
    } else if (char === "$" && (text[index + 1] === "(" || text[index + 1] === "{")) {
      depth++;
      index++;
    } else if (depth > 0 && (char === "(" || char === "{")) {
      depth++;
    } else if (depth > 0 && (char === ")" || char === "}")) {
      depth--;
    } else if (depth === 0 && !backtick && quote === null && WHITESPACE.test(char)) {
      break;
    } else if (char === "/" && depth === 0 && !backtick && slashes.length < MAX_IMS_AUTH_SEGMENTS - 1) {
      slashes.push(index);
    }
  }
  return { end: index, slashes, quoted };
}

/** One replacement in a text: `text.slice(start, end)` becomes `text`. */
export interface TextEdit extends TextRange {
  text: string;
}

/** The OAuth Server-to-Server option of nlserver (Campaign 7.4.1+) that replaces `-setimsjwtauth`. */
export const SET_IMS_OAUTH_OPTION = "-setimsoauth:";

/**
 * The edits that turn `-setimsjwtauth:{1,2}A/B/C/D[/E]` into `-setimsoauth:A/B/C/D`, in the
 * offsets of `findImsAuthOptions`' text, or undefined when the option has no such rewrite
 * (`-setimsauth`, no argument, fewer than three parts, an empty part, a quoted argument).
 * With three parts (`Org/Client/Tech`: no client secret) the result needs a secret: pass the
 * text that stands for it (`clientSecret`, e.g. an environment reference); without it there is
 * no rewrite. `needsSecret` tells which case it was.
 */
export function setImsOAuthEdits(option: ImsAuthOption, clientSecret?: string): { edits: TextEdit[]; needsSecret: boolean } | undefined {
  const { segments } = option;
  if (option.option !== "setimsjwtauth" || option.quoted || segments.length < 3) return undefined;
  const kept = segments.slice(0, 4);
  if (kept.some((segment) => segment.end === segment.start)) return undefined;
  const edits: TextEdit[] = [{ start: option.start, end: option.nameEnd, text: SET_IMS_OAUTH_OPTION }];
  const needsSecret = segments.length === 3;
  if (needsSecret) {
    if (clientSecret === undefined) return undefined;
    edits.push({ start: option.end, end: option.end, text: `/${clientSecret}` });
  } else if (segments.length === MAX_IMS_AUTH_SEGMENTS) {
    // Drop `/E`, the base64 private key: OAuth has none.
    edits.push({ start: segments[3]!.end, end: option.end, text: "" });
  }
  return { edits, needsSecret };
}

// --- JWT exchange form parameters ------------------------------------------------------------

// `name=` of a form parameter: at the start, after `&`, `?` or a line break (REST Client bodies
// split long forms over lines).
const FORM_PARAMETER_PATTERN = /(?<=^|[&?\s])(jwt_token|client_id)=/gim;

/**
 * The `jwt_token` parameter names of an `/ims/exchange/jwt` form body
 * (`client_id=…&client_secret=…&jwt_token=…`): only when the same text also has `client_id=`,
 * so a `jwt_token` of some other service's form is not taken for Adobe's exchange.
 */
export function findJwtTokenParams(text: string): TextMatch[] {
  const tokens: TextMatch[] = [];
  let hasClientId = false;
  for (const match of text.matchAll(FORM_PARAMETER_PATTERN)) {
    const name = match[1]!;
    if (name.toLowerCase() === "client_id") hasClientId = true;
    else tokens.push({ start: match.index, end: match.index + name.length, text: name });
  }
  return hasClientId ? tokens : [];
}

// --- package specs (npm install lines, package.json aliases) ---------------------------------

// `@adobe/jwt-auth`, `@adobe/jwt-auth@^2.0.0`, `npm:@adobe/jwt-auth@2`, `jwt@npm:@adobe/jwt-auth`.
const JWT_PACKAGE_SPEC_PATTERN = /^(?:(?:[\w.-]+@)?npm:)?(@adobe\/(?:jwt-auth|aio-lib-ims-jwt))(?:@\S*)?$/di;

/** The JWT package a package spec installs, with its position in the spec; undefined for any other spec. */
export function jwtPackageSpec(spec: string): (TextMatch & { package: JwtPackage }) | undefined {
  const match = JWT_PACKAGE_SPEC_PATTERN.exec(spec);
  const [start, end] = match?.indices?.[1] ?? [];
  if (match === null || start === undefined || end === undefined) return undefined;
  return { start, end, text: match[1]!, package: match[1]!.toLowerCase() as JwtPackage };
}

/** Package managers and the subcommands that add a package. */
// A Map, not an object: a command named `constructor` must not find a prototype member.
const INSTALL_SUBCOMMANDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["npm", new Set(["install", "i", "add", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall"])],
  ["yarn", new Set(["add"])],
  ["pnpm", new Set(["add", "install", "i"])],
  ["bun", new Set(["add", "a", "install", "i"])],
]);
const EXECUTABLE_SUFFIX = /\.(?:cmd|exe|ps1)$/i;
const BACKSLASHES = /\\/g;

/**
 * In a command's words, the index of the first package argument of `npm install`, `yarn add`,
 * `pnpm add`, `bun add` (after `sudo`, `env`, a path to the tool, options before the
 * subcommand), or -1 when the command installs nothing.
 */
export function packageInstallArgumentsStart(words: readonly string[]): number {
  for (let index = 0; index < words.length; index++) {
    const path = words[index]!.replace(BACKSLASHES, "/");
    const base = path.slice(path.lastIndexOf("/") + 1).replace(EXECUTABLE_SUFFIX, "").toLowerCase();
    const subcommands = INSTALL_SUBCOMMANDS.get(base);
    if (subcommands === undefined) continue;
    for (let next = index + 1; next < words.length; next++) {
      const word = words[next]!;
      if (subcommands.has(word.toLowerCase())) return next + 1;
      // `yarn global add`; options (`--prefix x`, `-g`) may come before the subcommand.
      if (!word.startsWith("-") && word !== "global" && !words[next - 1]!.startsWith("-")) return -1;
    }
    return -1;
  }
  return -1;
}
