/**
 * The operator login and Campaign endpoint a finding names literally, for the inventory
 * ("which operators and instances still use native logons"). Read from the finding's own source
 * first, then from its line; an endpoint may also come from the file when the file names exactly
 * one SOAP router (an `.http` request line above a Logon body). Nothing is guessed from variables.
 */
import { isPlaceholder, maskSecret, secretShape, splitLoginPassword } from "../campaign/secrets.js";

const LOGIN = /^[A-Za-z0-9_.@\\-]{1,64}$/;

// Each pattern captures a login in group `login`, or a `login/password` token in group `pair`.
const OPERATOR_PATTERNS: readonly RegExp[] = [
  // SDK: ofUserAndPassword(endpoint, "login", …), ofUserAndServiceToken(endpoint, "login", …)
  /\bof(?:UserAndPassword|UserAndServiceToken)\s*\(\s*(?:[^,()]|\([^()]*\))+,\s*(["'`])(?<login>[^"'`]+)\1/,
  // Pre-1.0 SDK: sdk.init(endpoint, "login", "password")
  /\binit\s*\(\s*(?:[^,()]|\([^()]*\))+,\s*(["'`])(?<login>[^"'`]+)\1\s*,/,
  // new Credentials("UserPassword", "login/password")
  /\bCredentials\s*\(\s*["']UserPassword["']\s*,\s*["'](?<pair>[^"']+)["']/,
  // Server-side JS and Node soap clients: session.Logon("", "login", "password", …)
  /\bLogon\s*\(\s*["'][^"']*["']\s*,\s*(["'])(?<login>[^"']+)\1/,
  // SOAP bodies: <urn:strLogin>login</urn:strLogin>, <login>…</login>
  /<(?:[\w.-]+:)?(?:strLogin|login)\s*>\s*(?<login>[^<\s]+)\s*<\//,
  // Objects and forms: strLogin: "login", strLogin=login
  /\bstrLogin["']?\s*[:=]\s*["']?(?<login>[^"'\s&,;}]+)/,
  // Environment: ACC_USER=login, ACC_LOGIN: login
  /\bACC_(?:USER|USERNAME|LOGIN)\s*[=:]\s*["']?(?<login>[^\s"'#]+)/,
  // curl -u login:password
  /(?:^|\s)(?:-u|--user)(?:\s+|=)["']?(?<login>[^\s:"']+):(?=[^\s"'])/,
  // login/password used as a session token
  /(?:<(?:[\w.-]+:)?_{0,2}sessiontoken\s*>|__sessiontoken=|X-Session-Token:\s*|ofSessionToken\s*\(\s*(?:[^,()]|\([^()]*\))+,\s*["'])(?<pair>[^<\s"'&;]+)/i,
];

const URL_PATTERN = /\bhttps?:\/\/[^\s"'`<>)]+/gi;
// Hosts that are never a Campaign instance: IMS, XML namespaces.
const NOT_CAMPAIGN_HOSTS = /(?:^|\.)(?:adobelogin\.com|w3\.org|xmlsoap\.org|xml\.org|schemas\.microsoft\.com)$/i;
const SOAP_ROUTER = /\/nl\/jsp\/soaprouter\.jsp/i;

/** A login worth listing: a real name, masked if it has the shape of a secret. */
function asOperator(candidate: string): string | undefined {
  const login = candidate.trim();
  if (login === "" || isPlaceholder(login) || !LOGIN.test(login)) return undefined;
  const shape = secretShape(login);
  return shape === undefined ? login : maskSecret(login, shape);
}

/** The operator login named in `text`, if any. */
export function findOperator(text: string): string | undefined {
  for (const pattern of OPERATOR_PATTERNS) {
    const groups = pattern.exec(text)?.groups;
    if (groups === undefined) continue;
    const candidate = groups.login ?? splitLoginPassword(groups.pair ?? "")?.login;
    const operator = candidate === undefined ? undefined : asOperator(candidate);
    if (operator !== undefined) return operator;
  }
  return undefined;
}

/** Origins (`https://host[:port]`) of the URLs in `text` that may be Campaign instances, in order. */
function campaignOrigins(text: string, soapRouterOnly: boolean): string[] {
  const origins: string[] = [];
  for (const [url] of text.matchAll(URL_PATTERN)) {
    if (soapRouterOnly && !SOAP_ROUTER.test(url)) continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    // Interpolated hosts (`https://${host}`) name no instance.
    if (parsed.hostname === "" || /[${}%]/.test(parsed.hostname) || NOT_CAMPAIGN_HOSTS.test(parsed.hostname)) continue;
    origins.push(parsed.origin);
  }
  return origins;
}

/** The Campaign endpoint named in `text`, if any. */
export function findEndpoint(text: string): string | undefined {
  return campaignOrigins(text, false)[0];
}

/** The endpoint of a file that names exactly one SOAP router, if it does. */
export function findFileEndpoint(fileText: string): string | undefined {
  const origins = new Set(campaignOrigins(fileText, true));
  return origins.size === 1 ? [...origins][0] : undefined;
}
