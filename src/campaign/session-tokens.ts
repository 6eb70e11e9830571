/**
 * Campaign session and security token transport (domain B), found in plain text with exact
 * `[start, end)` offsets. Pure string functions: a JS rule runs them on the text of a string
 * literal, the XML/HTTP/shell languages on their own node texts, the scanner on anything.
 *
 * Offsets are UTF-16 code unit indexes into the text given (what `String.prototype.slice` and
 * ESLint ranges use); callers add the text's own start offset.
 */

/** The name of Campaign's session cookie and URL parameter. */
export const SESSION_TOKEN_PARAMETER = "__sessiontoken";

/** A `[start, end)` range in the text given. */
export interface TextRange {
  start: number;
  end: number;
}

/** A non-empty `<sessiontoken>VALUE</sessiontoken>` element (any prefix, also `__sessiontoken`). */
export interface SessionTokenElement {
  /** The qualified element name as written: `sessiontoken`, `urn:sessiontoken`, `__sessiontoken`. */
  name: string;
  /** The whole element, from `<` of the start tag to `>` of the end tag. */
  element: TextRange;
  /** The element name in the start tag (what a report points at). */
  nameRange: TextRange;
  /** The content between the tags: the range the fix empties. */
  valueRange: TextRange;
  /** The content as written (not trimmed, entities not decoded). */
  value: string;
}

/** A `__sessiontoken=VALUE` parameter in a cookie string or a URL. */
export interface SessionTokenParam {
  /** `query` after `?` or `&` (a URL or form body), `cookie` otherwise (a Cookie header value). */
  context: "query" | "cookie";
  /** The `__sessiontoken` name. */
  nameRange: TextRange;
  /** The value after `=`, up to the next separator; empty when the value is appended later (`"__sessiontoken=" + t`). */
  valueRange: TextRange;
  value: string;
}

/** The kind of token an HTTP header carries. */
export type TokenHeaderKind = "security-token" | "session-token";

/** A `X-Security-Token:` / `X-Session-Token:` header line in raw text (curl `-H`, raw HTTP). */
export interface TokenHeaderLine {
  kind: TokenHeaderKind;
  /** The header name as written. */
  name: string;
  nameRange: TextRange;
  /** The value after `:`, trimmed, up to the end of the line or a closing quote. */
  valueRange: TextRange;
  value: string;
}

// Start tags of `sessiontoken` / `__sessiontoken` with an optional prefix, attributes allowed.
// Group 1: the qualified name; group 2: `/` of a self-closing tag.
const SESSION_TOKEN_START_TAG = /<((?:[A-Za-z_][\w.-]*:)?(?:__)?sessiontoken)(?=[\s/>])(?:\s(?:[^>"']|"[^"]*"|'[^']*')*?)?(\/?)>/gi;
// `__sessiontoken=` not preceded by a name character (so `x__sessiontoken=` is another parameter).
const SESSION_TOKEN_PARAM = /(?<![\w-])__sessiontoken=/gi;
// A parameter value ends at a separator, a quote, whitespace or markup.
const PARAM_VALUE_END = /[;&#\s"'`<>,]/;
// A header line: the name at a word start, then optional spaces and `:`.
const TOKEN_HEADER_LINE = /(?<![\w-])(x-(?:security|session)-token)[ \t]*:[ \t]*/gi;
const HEADER_VALUE_END = /[\r\n"'`]/;
const WHITESPACE = /\s/;

/**
 * Every `<sessiontoken>` element that holds a value. Self-closing elements, `<x></x>` and
 * whitespace-only content are Adobe's after-state and are not returned; an unclosed start tag is
 * not returned either (nothing to empty).
 */
export function findSessionTokenElements(text: string): SessionTokenElement[] {
  const found: SessionTokenElement[] = [];
  SESSION_TOKEN_START_TAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SESSION_TOKEN_START_TAG.exec(text)) !== null) {
    const name = match[1] ?? "";
    if (match[2] === "/") continue;
    const valueStart = match.index + match[0].length;
    const close = findEndTag(text, name, valueStart);
    if (close === undefined) continue;
    const value = text.slice(valueStart, close.start);
    if (value.trim() === "") continue;
    found.push({
      name,
      element: { start: match.index, end: close.end },
      nameRange: { start: match.index + 1, end: match.index + 1 + name.length },
      valueRange: { start: valueStart, end: close.start },
      value,
    });
    SESSION_TOKEN_START_TAG.lastIndex = close.end;
  }
  return found;
}

/** The `</name>` end tag after `from` (same name, any case, optional spaces before `>`). */
function findEndTag(text: string, name: string, from: number): TextRange | undefined {
  const lower = text.toLowerCase();
  const needle = `</${name.toLowerCase()}`;
  let index = lower.indexOf(needle, from);
  while (index !== -1) {
    let end = index + needle.length;
    while (end < text.length && WHITESPACE.test(text[end] ?? "")) end++;
    if (text[end] === ">") return { start: index, end: end + 1 };
    index = lower.indexOf(needle, index + 1);
  }
  return undefined;
}

/**
 * Every `__sessiontoken=` parameter: in a URL (`?__sessiontoken=…`, `&__sessiontoken=…`) or a
 * cookie string (`__sessiontoken=…; other=…`). Returned with an empty value too, since
 * `"__sessiontoken=" + token` still sends a session token.
 */
export function findSessionTokenParams(text: string): SessionTokenParam[] {
  const found: SessionTokenParam[] = [];
  SESSION_TOKEN_PARAM.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SESSION_TOKEN_PARAM.exec(text)) !== null) {
    const nameStart = match.index;
    const valueStart = nameStart + match[0].length;
    let valueEnd = valueStart;
    while (valueEnd < text.length && !PARAM_VALUE_END.test(text[valueEnd] ?? "")) valueEnd++;
    const before = text[nameStart - 1];
    found.push({
      context: before === "?" || before === "&" ? "query" : "cookie",
      nameRange: { start: nameStart, end: nameStart + "__sessiontoken".length },
      valueRange: { start: valueStart, end: valueEnd },
      value: text.slice(valueStart, valueEnd),
    });
  }
  return found;
}

/**
 * The token an HTTP header name carries: `X-Security-Token` → `security-token`, `X-Session-Token`
 * → `session-token`, in any case and with surrounding spaces. Anything else (including
 * `X-Amz-Security-Token` and `Cookie`) is undefined.
 */
export function classifyTokenHeader(name: string): TokenHeaderKind | undefined {
  switch (name.trim().toLowerCase()) {
    case "x-security-token":
      return "security-token";
    case "x-session-token":
      return "session-token";
    default:
      return undefined;
  }
}

/** Every `X-Security-Token: value` / `X-Session-Token: value` header line in raw text. */
export function findTokenHeaderLines(text: string): TokenHeaderLine[] {
  const found: TokenHeaderLine[] = [];
  TOKEN_HEADER_LINE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN_HEADER_LINE.exec(text)) !== null) {
    const name = match[1] ?? "";
    const kind = classifyTokenHeader(name);
    if (kind === undefined) continue;
    const valueStart = match.index + match[0].length;
    let valueEnd = valueStart;
    while (valueEnd < text.length && !HEADER_VALUE_END.test(text[valueEnd] ?? "")) valueEnd++;
    while (valueEnd > valueStart && WHITESPACE.test(text[valueEnd - 1] ?? "")) valueEnd--;
    found.push({
      kind,
      name,
      nameRange: { start: match.index, end: match.index + name.length },
      valueRange: { start: valueStart, end: valueEnd },
      value: text.slice(valueStart, valueEnd),
    });
  }
  return found;
}

// What makes a file Campaign code, for patterns (like an `X-Security-Token` header) that other
// products use too: the SDK, the SOAP router, Campaign SOAP namespaces and actions, the session
// cookie or element, server-side SOAP classes.
const CAMPAIGN_CONTEXT =
  /acc-js-sdk|accSDK|soaprouter\.jsp|\/nl\/jsp\/|urn:(?:xtk|nms):|\b(?:xtk|nms):[A-Za-z]+[#/][A-Za-z]+|__sessiontoken|<(?:[A-Za-z_][\w.-]*:)?sessiontoken[\s/>]|\bHttpSoapConnection\b|\bSoapService\b/i;

/**
 * Whether a text belongs to Campaign: it mentions the SDK (`@adobe/acc-js-sdk`, `accSDK`), the SOAP
 * router (`soaprouter.jsp`, `/nl/jsp/`), a Campaign SOAP namespace (`urn:xtk:…`, `urn:nms:…`) or
 * action (`xtk:session#Logon`, `nms:rtEvent#PushEvent`, `xtk:session/Logon`), the session cookie
 * (`__sessiontoken`), a `<sessiontoken>` element, or server-side `HttpSoapConnection` /
 * `SoapService`.
 */
export function hasCampaignContext(text: string): boolean {
  return CAMPAIGN_CONTEXT.test(text);
}
