/**
 * Campaign session and security token transport (domain B), found with exact `[start, end)`
 * offsets. Two layers, shared by no-session-token and no-hardcoded-campaign-secret:
 *
 * 1. Plain text (no AST): a JS rule runs them on the text of a string literal, the languages on
 *    their own node texts, the scanner on anything. Offsets are UTF-16 code unit indexes into the
 *    text given (what `String.prototype.slice` and ESLint ranges use); callers add the text's own
 *    start offset.
 * 2. Per language (XML, HTTP request files, shell, Postman collections): every token transport of
 *    a document as a `TokenTransport` with file offsets, the literal value it carries (for the
 *    secret rule) and, for a `<sessiontoken>`, the range whose removal empties it (for the fix).
 */
import type { JSONSourceCode } from "@eslint/json";
import type { HttpDocument, HttpHeader, HttpRequest } from "../languages/http/index.js";
import type { ShellCommand, ShellDocument, ShellWord } from "../languages/shell/index.js";
import { shellWordSourceRange } from "../languages/shell/word.js";
import type { XmlAttribute, XmlDocumentChild, XmlElement, XmlText } from "../languages/xml/index.js";
import { LineIndex } from "../languages/text/line-index.js";
import { toSourceRange } from "../languages/xml/references.js";
import { envSecretSlot } from "./secrets.js";
import { pipelines, runsHttpClient } from "./shell-commands.js";
import { isForeignPrefix, jsonStringOffsets, mayBeCampaignParameterNamespace, textNamespaceBindings } from "./soap-actions.js";

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
// Group 1: the qualified name; group 2: `/` of a self-closing tag. An attribute never holds `<` outside quotes, so a start tag without `>` is given up at the next `<`.
const SESSION_TOKEN_START_TAG = /<((?:[A-Za-z_][\w.-]*:)?(?:__)?sessiontoken)(?=[\s/>])(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*?)?(\/?)>/gi;
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
 * not returned either (nothing to empty); nor is a prefixed element whose prefix the text binds
 * only to other vendors' namespaces (`<lx:sessiontoken>` with `xmlns:lx="http://…"`).
 */
export function findSessionTokenElements(text: string): SessionTokenElement[] {
  return scanSessionTokenTags(text).elements;
}

/** A `<sessiontoken>` start tag whose end tag is not in the same text (code appends the rest later). */
export interface OpenSessionTokenTag {
  /** The qualified element name as written. */
  name: string;
  nameRange: TextRange;
  /** Where the content starts (just after `>`); the content runs to the end of the text. */
  contentStart: number;
}

/**
 * The first `<sessiontoken>` / `<__sessiontoken>` start tag (not self-closing) with no end tag after
 * it in the text, as a list of at most one: an envelope built across statements
 * (`env += "<sessiontoken>"; env += token;`). Another vendor's prefix is left out.
 */
export function findOpenSessionTokenTags(text: string): OpenSessionTokenTag[] {
  return scanSessionTokenTags(text).open;
}

/**
 * One pass over the `<sessiontoken>` start tags of a text: the elements that hold a value (see
 * `findSessionTokenElements`) and the first start tag left open (see `findOpenSessionTokenTags`).
 */
export function scanSessionTokenTags(text: string): { elements: SessionTokenElement[]; open: OpenSessionTokenTag[] } {
  const elements: SessionTokenElement[] = [];
  const open: OpenSessionTokenTag[] = [];
  // Lower-cased once, and per name the offset after which no end tag exists: a text with many
  // unclosed start tags costs one scan per name, not one per tag.
  let lower: string | undefined;
  const noEndTagAfter = new Map<string, number>();
  // Another vendor's `<lx:sessiontoken>` (lx bound to its own namespace in the text) is not Campaign's.
  let bindings: Map<string, Set<string>> | undefined;
  SESSION_TOKEN_START_TAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SESSION_TOKEN_START_TAG.exec(text)) !== null) {
    const name = match[1] ?? "";
    if (match[2] === "/") continue;
    if (isForeignPrefix((bindings ??= textNamespaceBindings(text)), name)) continue;
    const nameRange = { start: match.index + 1, end: match.index + 1 + name.length };
    const valueStart = match.index + match[0].length;
    const key = name.toLowerCase();
    if (valueStart >= (noEndTagAfter.get(key) ?? Infinity)) continue;
    lower ??= asciiLowerCase(text);
    const close = findEndTag(text, lower, key, valueStart);
    if (close === undefined) {
      noEndTagAfter.set(key, Math.min(valueStart, noEndTagAfter.get(key) ?? Infinity));
      if (open.length === 0) open.push({ name, nameRange, contentStart: valueStart });
      continue;
    }
    const value = text.slice(valueStart, close.start);
    if (value.trim() === "") continue;
    elements.push({ name, element: { start: match.index, end: close.end }, nameRange, valueRange: { start: valueStart, end: close.start }, value });
    SESSION_TOKEN_START_TAG.lastIndex = close.end;
  }
  return { elements, open };
}

// Node SOAP client libraries: a file that loads one calls SOAP services.
const SOAP_CLIENT_IMPORT = /(?:\brequire\s*\(\s*|\bfrom\s*|\bimport\s*\(\s*)(["'])(?:soap|strong-soap|soap-as-promised|easy-soap-request|soap-request)\1/;

/** Whether a JS/TS source loads a Node SOAP client library (`require("soap")`, `import … from "strong-soap"`). */
export function usesSoapClient(text: string): boolean {
  return SOAP_CLIENT_IMPORT.test(text);
}

const ASCII_UPPER = /[A-Z]+/g;
// Lower-cases A-Z only, so offsets stay aligned (`toLowerCase` lengthens some non-ASCII characters).
const asciiLowerCase = (text: string): string => text.replace(ASCII_UPPER, (run) => run.toLowerCase());

/** The `</name>` end tag after `from` (same name, any case, optional spaces before `>`); `lower` is `text` lower-cased. */
function findEndTag(text: string, lower: string, lowerName: string, from: number): TextRange | undefined {
  const needle = `</${lowerName}`;
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
    // Go on after the value: a value is read once, however many names a hostile text repeats in it.
    SESSION_TOKEN_PARAM.lastIndex = Math.max(SESSION_TOKEN_PARAM.lastIndex, valueEnd);
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
    TOKEN_HEADER_LINE.lastIndex = Math.max(TOKEN_HEADER_LINE.lastIndex, valueEnd);
  }
  return found;
}

// A header entry of a PowerShell hashtable (`@{ "X-Security-Token" = "…" }`): the name, quoted
// or not, then `=` and a quoted or bare value.
const TOKEN_HEADER_ENTRY = /(?<![\w-])(["']?)(x-(?:security|session)-token)\1[ \t]*=[ \t]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s;}]*))/dgi;

/**
 * Every `X-Security-Token = value` / `X-Session-Token = value` entry of a PowerShell hashtable
 * (`-Headers @{ "X-Security-Token" = $token }`); the value without its quotes.
 */
export function findTokenHeaderEntries(text: string): TokenHeaderLine[] {
  const found: TokenHeaderLine[] = [];
  for (const match of text.matchAll(TOKEN_HEADER_ENTRY)) {
    const name = match[2]!;
    const kind = classifyTokenHeader(name);
    const [nameStart, nameEnd] = match.indices![2]!;
    const [valueStart, valueEnd] = match.indices![3] ?? match.indices![4] ?? match.indices![5]!;
    if (kind === undefined) continue;
    found.push({ kind, name, nameRange: { start: nameStart, end: nameEnd }, valueRange: { start: valueStart, end: valueEnd }, value: text.slice(valueStart, valueEnd) });
  }
  return found;
}

// `x.addTokens(`: the method name of a call on any receiver (server-side `HttpSoapConnection`).
const ADD_TOKENS_CALL = /(?<![\w$])addTokens\s*\(/g;

/**
 * `cnx.addTokens(session, security)` calls in JavaScript text (a workflow script): the range of
 * `addTokens` in calls with two or more arguments (`tokenizer.addTokens([...])` of other libraries
 * takes one). Arguments are counted at the top level, outside strings and brackets.
 */
export function findAddTokensCalls(text: string): TextRange[] {
  const found: TextRange[] = [];
  const matches = [...text.matchAll(ADD_TOKENS_CALL)];
  for (const [index, match] of matches.entries()) {
    // A method call: `.` before the name, spaces allowed (`cnx . addTokens(`).
    let before = match.index - 1;
    while (before >= 0 && WHITESPACE.test(text[before]!)) before--;
    if (text[before] !== ".") continue;
    // The arguments are read up to the next `addTokens(` at most, so unclosed calls repeated in a
    // hostile text cost one pass in all (a call nested in another's arguments is not counted).
    const limit = matches[index + 1]?.index ?? text.length;
    if (topLevelArguments(text, match.index + match[0].length, limit) >= 2) found.push({ start: match.index, end: match.index + "addTokens".length });
  }
  return found;
}

/** The number of top-level arguments of a call whose `(` ends just before `from` (0 for `()`), read up to `limit`. */
function topLevelArguments(text: string, from: number, limit: number): number {
  let depth = 0;
  let quote: string | null = null;
  let commas = 0;
  let content = false;
  for (let index = from; index < limit; index++) {
    const char = text[index]!;
    if (quote !== null) {
      if (char === "\\") index++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'" || char === "`") {
      quote = char;
      content = true;
    } else if (char === "(" || char === "[" || char === "{") {
      depth++;
      content = true;
    } else if (char === ")" || char === "]" || char === "}") {
      if (depth === 0) return content ? commas + 1 : 0;
      depth--;
    } else if (char === "," && depth === 0) commas++;
    else if (!WHITESPACE.test(char)) content = true;
  }
  return content ? commas + 1 : 0;
}

// What makes a file Campaign code, for patterns (like an `X-Security-Token` header) that other
// products use too: the SDK, the SOAP router, Campaign SOAP namespaces and actions, the session
// cookie or element, server-side SOAP classes.
const CAMPAIGN_CONTEXT =
  /acc-js-sdk|accSDK|soaprouter\.jsp|\/nl\/jsp\/|urn:(?:xtk|nms):|\b(?:xtk|nms):[A-Za-z]+[#/][A-Za-z]+|__sessiontoken|<(?:[A-Za-z_][\w.-]*:)?sessiontoken[\s/>]|\bHttpSoapConnection\b|\bSoapService\b|\bHttpClientRequest\b|\bNL\.ExecutionInstance\b/i;

/**
 * Whether a text belongs to Campaign: it mentions the SDK (`@adobe/acc-js-sdk`, `accSDK`), the SOAP
 * router (`soaprouter.jsp`, `/nl/jsp/`), a Campaign SOAP namespace (`urn:xtk:…`, `urn:nms:…`) or
 * action (`xtk:session#Logon`, `nms:rtEvent#PushEvent`, `xtk:session/Logon`), the session cookie
 * (`__sessiontoken`), a `<sessiontoken>` element, or server-side `HttpSoapConnection` /
 * `SoapService` / `HttpClientRequest` / `NL.ExecutionInstance` (Campaign's JavaScript API).
 */
export function hasCampaignContext(text: string): boolean {
  return CAMPAIGN_CONTEXT.test(text);
}

// ---------------------------------------------------------------------------------------------
// Layer 2: token transports per language, with file offsets.

/** What carries a token. */
export type TokenTransportKind =
  /** A non-empty `<sessiontoken>` / `<__sessiontoken>` element. */
  | "element"
  /** An `X-Security-Token` / `X-Session-Token` header: a header line, a SOAP header element, a header entry or name. */
  | "header"
  /** `__sessiontoken=…` in a cookie. */
  | "cookie"
  /** `__sessiontoken=…` in a URL query or form body. */
  | "url"
  /** `__sessiontoken` set by name: a form field, a query parameter entry. */
  | "parameter"
  /** Configuration: `ACC_SESSIONTOKEN=…`, `ACC_SECURITY_TOKEN=…`. */
  | "setting"
  /** Server-side JavaScript `cnx.addTokens(session, security)` (no value of its own). */
  | "addTokens";

/** A literal value and its source range (file offsets, surrounding whitespace excluded). */
export interface TransportValue {
  text: string;
  start: number;
  end: number;
}

/** One token transport in a document. Offsets are file offsets. */
export interface TokenTransport {
  kind: TokenTransportKind;
  token: TokenHeaderKind;
  /** The element, header, cookie or variable name as written. */
  name: string;
  /** Where a finding points: an element's value, otherwise the name. */
  start: number;
  end: number;
  /**
   * The value when it is written as a literal; undefined when it is built by code around it (a
   * `' + token + '` in a script, a shell word with an expansion) or there is none.
   */
  value?: TransportValue;
  /** For an element: the source range whose removal empties it, when removing it is a safe edit. */
  empty?: [number, number];
}

/** A transport found in plain text (offsets into that text). */
export interface TextTransport {
  kind: "element" | "header" | "cookie" | "url";
  token: TokenHeaderKind;
  name: string;
  /** Where a finding points: an element's trimmed value, otherwise the name. */
  report: TextRange;
  /** The value, trimmed (may be empty). */
  valueRange: TextRange;
  /** For an element: its whole content, what emptying it removes. */
  content?: TextRange;
}

/** `[start, end)` of `text.slice(range)` without surrounding whitespace (an empty range at `start` when blank). */
export function trimRange(text: string, { start, end }: TextRange): TextRange {
  let from = start;
  let to = end;
  while (from < to && WHITESPACE.test(text[from] ?? "")) from++;
  while (to > from && WHITESPACE.test(text[to - 1] ?? "")) to--;
  return { start: from, end: to };
}

/**
 * Every transport in a text, in source order: non-empty `<sessiontoken>` elements, `__sessiontoken=`
 * cookies and URL parameters, and (with `headerLines`) `X-Security-Token:` / `X-Session-Token:`
 * header lines (with `headerEntries` too, PowerShell hashtable entries `"X-Security-Token" = …`).
 */
export function findTokenTransportsInText(text: string, { headerLines, headerEntries = false }: { headerLines: boolean; headerEntries?: boolean }): TextTransport[] {
  const found: TextTransport[] = [];
  for (const element of findSessionTokenElements(text)) {
    const value = trimRange(text, element.valueRange);
    found.push({ kind: "element", token: "session-token", name: element.name, report: value, valueRange: value, content: element.valueRange });
  }
  for (const param of findSessionTokenParams(text)) {
    found.push({
      kind: param.context === "query" ? "url" : "cookie",
      token: "session-token",
      name: text.slice(param.nameRange.start, param.nameRange.end),
      report: param.nameRange,
      valueRange: param.valueRange,
    });
  }
  if (headerLines) {
    for (const line of [...findTokenHeaderLines(text), ...(headerEntries ? findTokenHeaderEntries(text) : [])]) {
      found.push({ kind: "header", token: line.kind, name: line.name, report: line.nameRange, valueRange: line.valueRange });
    }
  }
  return found.sort((a, b) => a.report.start - b.report.start);
}

// Text that code builds around a value (`'<sessiontoken>' + token + '</sessiontoken>'` in a
// workflow script): quotes or a line break inside the value mean it is not a literal, and cutting
// it out could unbalance the code's quotes.
const CODE_AROUND_VALUE = /["'`\r\n]/;

/**
 * Transports of a text whose offsets `map` turns into file ranges (a decoded XML value, a JSON
 * string, a shell word). With `code`, a value that holds quotes or line breaks is code around the
 * value: it is neither a literal nor safe to cut out. `safeRemoval` says whether a file range may
 * be removed without breaking what surrounds it.
 */
function mapTextTransports(
  text: string,
  map: (start: number, end: number) => [number, number],
  options: {
    headerLines: boolean;
    headerEntries?: boolean;
    code: boolean;
    literal?: (value: string) => boolean;
    safeRemoval?: (range: [number, number]) => boolean;
  },
): TokenTransport[] {
  return findTokenTransportsInText(text, options).map((transport) => {
    const [start, end] = map(transport.report.start, transport.report.end);
    const valueText = text.slice(transport.valueRange.start, transport.valueRange.end);
    const contentText = transport.content === undefined ? valueText : text.slice(transport.content.start, transport.content.end);
    const isLiteral = !(options.code && CODE_AROUND_VALUE.test(contentText)) && (options.literal?.(valueText) ?? true);
    const found: TokenTransport = { kind: transport.kind, token: transport.token, name: transport.name, start, end };
    if (isLiteral) {
      const [valueStart, valueEnd] = map(transport.valueRange.start, transport.valueRange.end);
      found.value = { text: valueText, start: valueStart, end: valueEnd };
    }
    if (transport.content !== undefined && !(options.code && CODE_AROUND_VALUE.test(contentText))) {
      const empty = map(transport.content.start, transport.content.end);
      if (options.safeRemoval?.(empty) ?? true) found.empty = empty;
    }
    return found;
  });
}

const bySourceStart = (a: TokenTransport, b: TokenTransport): number => a.start - b.start;

// --- XML ------------------------------------------------------------------------------------

const SESSION_TOKEN_LOCAL_NAME = /^(?:__)?sessiontoken$/i;

/**
 * Whether an element is a Campaign `<sessiontoken>` or `<__sessiontoken>` parameter: that local
 * name, in no namespace, a SOAP envelope's or a Campaign one (`urn:xtk:…`, `urn:nms:…`); another
 * vendor's `<lx:sessiontoken>` is not.
 */
export const isSessionTokenElement = (element: XmlElement): boolean =>
  SESSION_TOKEN_LOCAL_NAME.test(element.localName) && mayBeCampaignParameterNamespace(element.namespaceURI);

/** Whether an element has content other than whitespace and comments. */
function hasContent(element: XmlElement): boolean {
  return element.children.some(
    (child) => child.type === "XmlElement" || child.type === "XmlProcessingInstruction" || (child.type === "XmlText" && child.value.trim() !== ""),
  );
}

/**
 * An element's value when its content is one text (or CDATA) node between whitespace, trimmed and
 * mapped to the source; undefined for mixed or element content.
 */
export function xmlElementTextValue(element: XmlElement): TransportValue | undefined {
  let value: TransportValue | undefined;
  for (const child of element.children) {
    if (child.type === "XmlComment") continue;
    if (child.type !== "XmlText") return undefined;
    if (child.value.trim() === "") continue;
    if (value !== undefined) return undefined;
    const { start, end } = trimRange(child.value, { start: 0, end: child.value.length });
    const [from, to] = toSourceRange(child, start, end);
    value = { text: child.value.slice(start, end), start: from, end: to };
  }
  return value;
}

const decodedTransports = (node: XmlText | XmlAttribute, headerLines: boolean): TokenTransport[] =>
  mapTextTransports(node.value, (start, end) => toSourceRange(node, start, end), { headerLines, code: true });

/** A whole value that is a token header name (`<header name="X-Security-Token" …/>`), trimmed. */
function headerNameTransport(node: XmlText | XmlAttribute, value?: TransportValue): TokenTransport | undefined {
  const token = classifyTokenHeader(node.value);
  if (token === undefined) return undefined;
  const { start, end } = trimRange(node.value, { start: 0, end: node.value.length });
  const [from, to] = toSourceRange(node, start, end);
  return { kind: "header", token, name: node.value.slice(start, end), start: from, end: to, ...(value === undefined ? {} : { value }) };
}

/** A transport of an XML document; a SOAP header element (`<X-Security-Token>`) comes with its element. */
export interface XmlTokenTransport extends TokenTransport {
  element?: XmlElement;
}

/**
 * Token transports in XML nodes (an XML file, or the XML body of an `.http` request), in source
 * order, with file offsets:
 * - a non-empty `<sessiontoken>` / `<__sessiontoken>` (any prefix, Body or Header): pointed at its
 *   trimmed content, `empty` its whole content when the end tag is there; an empty, self-closing or
 *   whitespace-only one is Adobe's after-state and is not returned;
 * - with `campaignContext`: SOAP header elements `<X-Security-Token>` / `<X-Session-Token>` (on the
 *   name); attribute values or texts that are exactly such a header name (WSO2's
 *   `<header name="X-Security-Token" value="…"/>`, the `value` attribute being its value); header
 *   lines in text;
 * - `__sessiontoken=` in attribute values and text (a SOAP header `<Cookie>`, a URL);
 * - in text and CDATA (workflow JavaScript, escaped or raw) and attribute values, decoded: the
 *   same patterns, mapped back to the exact source characters; a value with quotes or line breaks
 *   there is code, not a literal, and is not emptied; with `campaignContext`, server-side
 *   `cnx.addTokens(session, security)` calls in text.
 */
export function findTokenTransportsInXml(nodes: readonly XmlDocumentChild[], { campaignContext }: { campaignContext: boolean }): XmlTokenTransport[] {
  const found: XmlTokenTransport[] = [];
  // Iterative: hostile documents nest 100k levels deep.
  const stack: XmlDocumentChild[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "XmlText") {
      found.push(...decodedTransports(node, campaignContext));
      const header = campaignContext ? headerNameTransport(node) : undefined;
      if (header !== undefined) found.push(header);
      // Workflow JavaScript: the connection sends the tokens of a native logon.
      for (const call of campaignContext ? findAddTokensCalls(node.value) : []) {
        const [start, end] = toSourceRange(node, call.start, call.end);
        found.push({ kind: "addTokens", token: "session-token", name: "addTokens", start, end });
      }
      continue;
    }
    if (node.type !== "XmlElement") continue;
    if (isSessionTokenElement(node)) {
      if (node.selfClosing || node.contentRange === null || !hasContent(node)) continue;
      const [contentStart, contentEnd] = node.contentRange;
      const content = node.children.filter((child) => child.type !== "XmlComment" && (child.type !== "XmlText" || child.value.trim() !== ""));
      // A loop, not Math.min(...): an element may have more children than a call has arguments.
      const start = content.reduce((least, child) => Math.min(least, contentStartOf(child)), Infinity);
      const end = content.reduce((most, child) => Math.max(most, contentEndOf(child)), -Infinity);
      const value = xmlElementTextValue(node);
      found.push({
        kind: "element",
        token: "session-token",
        name: node.name,
        start: value?.start ?? start,
        end: value?.end ?? end,
        ...(value === undefined ? {} : { value }),
        ...(node.endTagRange === null ? {} : { empty: [contentStart, contentEnd] as [number, number] }),
      });
      continue;
    }
    const headerToken = campaignContext ? classifyTokenHeader(node.localName) : undefined;
    if (headerToken !== undefined) {
      const value = xmlElementTextValue(node);
      found.push({
        kind: "header",
        token: headerToken,
        name: node.name,
        start: node.nameRange[0],
        end: node.nameRange[1],
        ...(value === undefined ? {} : { value }),
        element: node,
      });
      continue;
    }
    // The first two `value` attributes, found once: a lookup inside the loop over the same
    // attributes would be quadratic in their number (40,000 attributes on one element).
    const valueAttributes = campaignContext ? firstValueAttributes(node.attributes) : [];
    for (const attribute of node.attributes) {
      found.push(...decodedTransports(attribute, campaignContext));
      if (!campaignContext) continue;
      const valueAttribute = valueAttributes[0] === attribute ? valueAttributes[1] : valueAttributes[0];
      const header = headerNameTransport(attribute, valueAttribute === undefined ? undefined : attributeValue(valueAttribute));
      if (header !== undefined) found.push(header);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found.sort(bySourceStart);
}

/** The first two attributes named `value` (any prefix), in order. */
function firstValueAttributes(attributes: readonly XmlAttribute[]): XmlAttribute[] {
  const found: XmlAttribute[] = [];
  for (const attribute of attributes) {
    if (attribute.localName !== "value") continue;
    found.push(attribute);
    if (found.length === 2) break;
  }
  return found;
}

/** An attribute's decoded value, trimmed, with its source range. */
function attributeValue(attribute: XmlAttribute): TransportValue {
  const { start, end } = trimRange(attribute.value, { start: 0, end: attribute.value.length });
  const [from, to] = toSourceRange(attribute, start, end);
  return { text: attribute.value.slice(start, end), start: from, end: to };
}

// Where a content child starts and ends in the source (a text node without its surrounding whitespace).
function contentStartOf(child: XmlElement["children"][number]): number {
  if (child.type !== "XmlText" || child.cdata) return child.range[0];
  return toSourceRange(child, trimRange(child.value, { start: 0, end: child.value.length }).start, 0)[0];
}
function contentEndOf(child: XmlElement["children"][number]): number {
  if (child.type !== "XmlText" || child.cdata) return child.range[1];
  const { end } = trimRange(child.value, { start: 0, end: child.value.length });
  return toSourceRange(child, end, end)[0];
}

// --- .http / .rest request files ----------------------------------------------------------

const FORM_CONTENT_TYPE = /x-www-form-urlencoded/i;

/** A transport of an `.http` file, with the request and header it belongs to. */
export interface HttpTokenTransport extends XmlTokenTransport {
  /** The request it belongs to (`null` for a file variable). */
  request: HttpRequest | null;
  /** The header line it is in, if any. */
  header?: HttpHeader;
}

const shiftedTransports = (text: string, base: number, options: { headerLines: boolean; code: boolean }): TokenTransport[] =>
  mapTextTransports(text, (start, end) => [base + start, base + end], options);

/**
 * Token transports in an `.http` file, in source order:
 * - headers named `X-Security-Token` / `X-Session-Token` (with `campaignContext`), on the name;
 * - `__sessiontoken=` in a header value (a `Cookie` header: `cookie`; a URL in a header: `url`),
 *   in the URL (source text, continuation lines included) and in file variables;
 * - the body: an XML body as XML (`findTokenTransportsInXml`), another body as text (in a
 *   `application/x-www-form-urlencoded` body, `__sessiontoken=` is a `parameter`);
 * - JetBrains `{% … %}` scripts, as code (no literal values, nothing emptied).
 */
export function findTokenTransportsInHttp(document: HttpDocument, text: string, { campaignContext }: { campaignContext: boolean }): HttpTokenTransport[] {
  const found: HttpTokenTransport[] = [];
  for (const variable of document.variables) {
    for (const transport of shiftedTransports(variable.value, variable.valueRange[0], { headerLines: campaignContext, code: false })) {
      found.push({ ...transport, request: null });
    }
  }
  for (const request of document.requests) {
    for (const header of request.headers) {
      const token = campaignContext ? classifyTokenHeader(header.name) : undefined;
      if (token !== undefined) {
        const value = { text: header.value, start: header.valueRange[0], end: header.valueRange[1] };
        found.push({ kind: "header", token, name: header.name, start: header.nameRange[0], end: header.nameRange[1], value, request, header });
        continue;
      }
      for (const transport of shiftedTransports(header.value, header.valueRange[0], { headerLines: false, code: false })) {
        const kind = transport.kind === "url" || header.name.trim().toLowerCase() !== "cookie" ? transport.kind : "cookie";
        found.push({ ...transport, kind, request, header });
      }
    }
    const [urlStart, urlEnd] = request.urlRange;
    for (const transport of shiftedTransports(text.slice(urlStart, urlEnd), urlStart, { headerLines: false, code: false })) {
      found.push({ ...transport, kind: transport.kind === "element" ? "element" : "url", request });
    }
    const body = request.body;
    if (body?.xml) {
      for (const transport of findTokenTransportsInXml(body.xml.children, { campaignContext })) found.push({ ...transport, request });
    } else if (body) {
      // A form body (`__sessiontoken=…&…`) sets the parameter by name; it is neither a cookie nor a URL.
      const form = FORM_CONTENT_TYPE.test(body.contentType ?? "");
      for (const transport of shiftedTransports(body.text, body.range[0], { headerLines: campaignContext, code: false })) {
        found.push({ ...transport, kind: form && transport.kind !== "element" && transport.kind !== "header" ? "parameter" : transport.kind, request });
      }
    }
    for (const script of request.scripts) {
      for (const transport of shiftedTransports(script.code, script.codeRange[0], { headerLines: campaignContext, code: true })) {
        const { empty: _empty, ...rest } = transport;
        found.push({ ...rest, request });
      }
    }
  }
  return found.sort(bySourceStart);
}

/** Whether a request already sends an `Authorization` header. */
export const hasAuthorizationHeader = (request: HttpRequest): boolean =>
  request.headers.some((header) => header.name.trim().toLowerCase() === "authorization");

// --- shell-like files ---------------------------------------------------------------------

// A Campaign endpoint named in a command's words: the SOAP router, JSSP and web app paths, the
// hosted instances' domain.
const CAMPAIGN_URL = /soaprouter\.jsp|schemawsdl\.jsp|\/nl\/jsp\/|\/nl\/webForms\/|\.campaign\.adobe\.com|\.neolane\.net/i;

/** A `login:password` credential written in an HTTP client's basic-auth option, offsets into `word.value`. */
export interface BasicAuthCredential {
  word: ShellWord;
  /** The option as written (`-u`, `--user`, `--http-password`). */
  option: string;
  valueStart: number;
  valueEnd: number;
  value: string;
}

/**
 * HTTP basic-auth credentials sent to a Campaign endpoint (a word of the command names the SOAP
 * router, a JSSP or web app path, or a hosted `*.campaign.adobe.com` instance): curl's `-u` /
 * `--user` `login:password` (the password part; `-uLOGIN:PW` and `--user=` too), wget's
 * `--password` / `--http-password`. Values built from variables are the caller's to skip.
 */
export function findBasicAuthCredentials(command: ShellCommand): BasicAuthCredential[] {
  if (!runsHttpClient(command) || !command.words.some((word) => CAMPAIGN_URL.test(word.value))) return [];
  const found: BasicAuthCredential[] = [];
  const words = command.words;
  const userPassword = (word: ShellWord, option: string, from: number): void => {
    const colon = word.value.indexOf(":", from);
    if (colon === -1 || colon + 1 >= word.value.length) return;
    found.push({ word, option, valueStart: colon + 1, valueEnd: word.value.length, value: word.value.slice(colon + 1) });
  };
  const password = (word: ShellWord, option: string, from: number): void => {
    if (from < word.value.length) found.push({ word, option, valueStart: from, valueEnd: word.value.length, value: word.value.slice(from) });
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const value = word.value;
    const next = words[index + 1];
    if (value === "-u" || value === "--user") {
      if (next !== undefined) userPassword(next, value, 0);
    } else if (value.startsWith("--user=")) userPassword(word, "--user", 7);
    else if (/^-u[^-]/u.test(value)) userPassword(word, "-u", 2);
    else if (value === "--password" || value === "--http-password") {
      if (next !== undefined) password(next, value, 0);
    } else if (value.startsWith("--password=") || value.startsWith("--http-password=")) password(word, value.slice(0, value.indexOf("=")), value.indexOf("=") + 1);
  }
  return found;
}

const ESCAPED_PAIR = /\\[\s\S]/g;
const QUOTE = /["'`]/;

/** Whether removing `range` of a shell file leaves its quoting intact: no quote character (escaped ones aside) inside. */
export const isSafeShellRemoval = (text: string, [start, end]: [number, number]): boolean => !QUOTE.test(text.slice(start, end).replace(ESCAPED_PAIR, ""));

// An expansion in a word's value: the value is built at run time, not written literally.
const EXPANSION_MARK = /[$`%]/;

function wordTransports(word: ShellWord, text: string, headerLines: boolean): TokenTransport[] {
  return mapTextTransports(word.value, (start, end) => shellWordSourceRange(word, start, end), {
    headerLines,
    headerEntries: true,
    code: false,
    literal: (value) => !(word.hasExpansion && EXPANSION_MARK.test(value)),
    safeRemoval: (range) => isSafeShellRemoval(text, range),
  });
}

/**
 * Token transports in a shell-like document, in source order:
 * - in commands that run an HTTP client (`curl`, `wget`, HTTPie, `Invoke-RestMethod` …) and in
 *   their here-documents and here-strings: `-H 'X-Security-Token: …'` / `X-Session-Token` header
 *   words and PowerShell `-Headers @{ "X-Security-Token" = … }` (with `campaignContext`), `__sessiontoken=` cookies (`-b`, `--cookie`, `-H 'Cookie: …'`)
 *   and URLs, `--data` bodies with a non-empty `<sessiontoken>` (`empty` is the exact source range
 *   of its content inside the word, when cutting it keeps the quoting intact);
 * - in assignment values and in the here-documents of other commands (`cat > body.xml <<EOF`): the
 *   same patterns;
 * - `ACC_SESSIONTOKEN=…` / `ACC_SECURITY_TOKEN=…` settings with a value (`.env`, `export`,
 *   Dockerfile `ENV`/`ARG`, Makefile, batch `set`, PowerShell `$env:`), on the name.
 * Arguments of other commands (`grep`, `echo`) and comments are not transports.
 */
export function findTokenTransportsInShell(document: ShellDocument, text: string, { campaignContext }: { campaignContext: boolean }): TokenTransport[] {
  const found: TokenTransport[] = [];
  const heredocs = (command: ShellCommand): TokenTransport[] =>
    command.redirects.flatMap((redirect) => {
      if (redirect.heredoc !== null) return shiftedTransports(redirect.heredoc.body, redirect.heredoc.bodyRange[0], { headerLines: campaignContext, code: false });
      return redirect.operator === "<<<" && redirect.target !== null ? wordTransports(redirect.target, text, campaignContext) : [];
    });
  // Each pipeline: a command and the ones its `|` terminators feed.
  for (const pipeline of pipelines(document.commands)) {
    const client = pipeline.some(runsHttpClient);
    for (const command of pipeline) {
      for (const assignment of command.assignments) {
        const slot = envSecretSlot(assignment.name, assignment.path);
        const value = assignment.value;
        if ((slot === "session-token" || slot === "security-token") && value !== null && value.value.trim() !== "") {
          const trimmed = trimRange(value.value, { start: 0, end: value.value.length });
          const [from, to] = shellWordSourceRange(value, trimmed.start, trimmed.end);
          const literal = !value.hasExpansion;
          found.push({
            kind: "setting",
            token: slot,
            name: assignment.name,
            start: assignment.nameRange[0],
            end: assignment.nameRange[1],
            ...(literal ? { value: { text: value.value.slice(trimmed.start, trimmed.end), start: from, end: to } } : {}),
          });
        } else if (value !== null) {
          found.push(...wordTransports(value, text, campaignContext));
        }
      }
      if (client) for (const word of command.words) found.push(...wordTransports(word, text, campaignContext));
      found.push(...heredocs(command));
    }
  }
  return found.sort(bySourceStart);
}


// --- Postman collections (JSON) -----------------------------------------------------------

/** The root of @eslint/json's Momoa AST. */
export type JsonDocument = JSONSourceCode["ast"];
/** A JSON value node of @eslint/json's Momoa AST. */
export type JsonValue = JsonDocument["body"];

/** The `[start, end)` source range of a JSON node. */
export const jsonRange = (node: { range?: [number, number] | undefined; loc: { start: { offset: number }; end: { offset: number } } }): [number, number] =>
  node.range ?? [node.loc.start.offset, node.loc.end.offset];

/** The member `name` of an object value. */
export const jsonMember = (object: JsonValue | undefined, name: string): JsonValue | undefined =>
  object?.type === "Object" ? object.members.find((m) => (m.name.type === "String" ? m.name.value : m.name.name) === name)?.value : undefined;

/** The elements of an array value (none for anything else). */
export const jsonElements = (value: JsonValue | undefined): JsonValue[] => (value?.type === "Array" ? value.elements.map((element) => element.value) : []);

const isTrue = (value: JsonValue | undefined): boolean => value?.type === "Boolean" && value.value;

/** The value of a JSON string with every index mapped to the source (`map(start, end)` gives file offsets). */
export function jsonStringText(text: string, node: JsonValue | undefined): { value: string; map: (start: number, end: number) => [number, number] } | undefined {
  if (node?.type !== "String") return undefined;
  const [start, end] = jsonRange(node);
  const offsets = jsonStringOffsets(text.slice(start, end), start);
  return { value: node.value, map: (start, end) => [offsets[start]!, offsets[end]!] };
}

/** A Postman request with what a fix that adds `Authorization` needs. */
export interface PostmanRequest {
  node: JsonValue;
  /** The `header` array (v2), if the request has one. */
  headers: JsonValue | undefined;
  /** The request sends Authorization: an `Authorization` header, or its own or inherited `auth` (not `noauth`). */
  hasAuthorization: boolean;
}

/** A header entry `{ "key": …, "value": … }` of a Postman request. */
export interface PostmanHeaderEntry {
  entry: JsonValue;
  key: JsonValue;
  value: JsonValue | undefined;
  /** The `header` array holding it. */
  array: JsonValue;
}

/** A transport of a Postman collection, with the request and header entry it belongs to. */
export interface PostmanTokenTransport extends TokenTransport {
  request?: PostmanRequest;
  header?: PostmanHeaderEntry;
}

/**
 * The fields of a Postman auth method's settings by name: v2.1 writes an array of
 * `{ key, value }` entries, v2.0 an object (`"basic": { "username": …, "password": … }`).
 */
export function postmanAuthFields(settings: JsonValue | undefined): Map<string, JsonValue> {
  const fields = new Map<string, JsonValue>();
  if (settings?.type === "Array") {
    for (const entry of jsonElements(settings)) {
      const key = jsonMember(entry, "key");
      const value = jsonMember(entry, "value");
      if (key?.type === "String" && value !== undefined && !fields.has(key.value)) fields.set(key.value, value);
    }
  } else if (settings?.type === "Object") {
    for (const member of settings.members) if (member.name.type === "String" && !fields.has(member.name.value)) fields.set(member.name.value, member.value);
  }
  return fields;
}

const authOf = (owner: JsonValue | undefined): boolean | undefined => {
  const auth = jsonMember(owner, "auth");
  if (auth === undefined || auth.type === "Null") return undefined;
  const type = jsonMember(auth, "type");
  return !(type?.type === "String" && type.value === "noauth");
};

/**
 * Token transports in a Postman collection (v2.x items nested in folders, v1 `requests`), in source
 * order, with file offsets (decoded string offsets mapped back through the JSON escapes, so an
 * emptied `<sessiontoken>` keeps the JSON valid):
 * - enabled `header[]` entries named `X-Security-Token` / `X-Session-Token` (with
 *   `campaignContext`), on the key's text; `__sessiontoken=` in header values (`Cookie`), v1
 *   `headers` text;
 * - `__sessiontoken=` in the URL (a string, `url.raw`), `url.query[]` and `body.urlencoded[]`
 *   entries keyed `__sessiontoken`;
 * - the raw body (`body.raw`, v1 `rawModeData`) as text: `<sessiontoken>` elements (emptied),
 *   cookies, URLs, header lines;
 * - collection, folder and request variables, as text; `event[].script.exec` lines, as code.
 */
export function findTokenTransportsInPostman(document: JsonDocument, text: string, { campaignContext }: { campaignContext: boolean }): PostmanTokenTransport[] {
  const found: PostmanTokenTransport[] = [];
  const search = (node: JsonValue | undefined, options: { headerLines: boolean; code: boolean }): TokenTransport[] => {
    const string = jsonStringText(text, node);
    return string === undefined ? [] : mapTextTransports(string.value, string.map, options);
  };
  const stringValue = (node: JsonValue | undefined): TransportValue | undefined => {
    const string = jsonStringText(text, node);
    if (string === undefined) return undefined;
    const { start, end } = trimRange(string.value, { start: 0, end: string.value.length });
    const [from, to] = string.map(start, end);
    return { text: string.value.slice(start, end), start: from, end: to };
  };
  const keyOf = (entry: JsonValue): string | undefined => {
    const key = jsonMember(entry, "key");
    return key?.type === "String" ? key.value : undefined;
  };
  const enabled = (entries: JsonValue[]): JsonValue[] => entries.filter((entry) => !isTrue(jsonMember(entry, "disabled")));
  const parameterEntries = (entries: JsonValue[], kind: TokenTransportKind): void => {
    for (const entry of enabled(entries)) {
      if (keyOf(entry)?.toLowerCase() !== SESSION_TOKEN_PARAMETER) continue;
      const key = stringValue(jsonMember(entry, "key"))!;
      const value = stringValue(jsonMember(entry, "value"));
      found.push({ kind, token: "session-token", name: key.text, start: key.start, end: key.end, ...(value === undefined ? {} : { value }) });
    }
  };
  const variablesAndEvents = (owner: JsonValue | undefined): void => {
    for (const variable of enabled(jsonElements(jsonMember(owner, "variable")))) found.push(...search(jsonMember(variable, "value"), { headerLines: campaignContext, code: false }));
    for (const event of jsonElements(jsonMember(owner, "event"))) {
      const exec = jsonMember(jsonMember(event, "script"), "exec");
      for (const line of exec?.type === "Array" ? jsonElements(exec) : [exec]) {
        for (const { empty: _empty, ...transport } of search(line, { headerLines: campaignContext, code: true })) found.push(transport);
      }
    }
  };
  // `auth: { type: "apikey", apikey: [{ key: "key", value: "X-Security-Token" }, { key: "value", value: "…" }] }`
  // (v2.1; v2.0 writes `apikey: { key, value }`): the token header Postman adds to the request.
  const apiKeyAuth = (owner: JsonValue | undefined): void => {
    if (!campaignContext) return;
    const auth = jsonMember(owner, "auth");
    const type = jsonMember(auth, "type");
    if (type?.type !== "String" || type.value !== "apikey") return;
    const fields = postmanAuthFields(jsonMember(auth, "apikey"));
    const keyNode = fields.get("key");
    const key = stringValue(keyNode);
    const token = key === undefined ? undefined : classifyTokenHeader(key.text);
    if (key === undefined || token === undefined) return;
    const inHeader = stringValue(fields.get("in"));
    if (inHeader !== undefined && inHeader.text !== "header") return;
    const value = stringValue(fields.get("value"));
    found.push({ kind: "header", token, name: key.text, start: key.start, end: key.end, ...(value === undefined ? {} : { value }) });
  };
  const request = (node: JsonValue | undefined, inherited: boolean): void => {
    apiKeyAuth(node);
    if (node?.type === "String") {
      found.push(...search(node, { headerLines: false, code: false }).map((transport) => ({ ...transport, kind: "url" as const })));
      return;
    }
    if (node?.type !== "Object") return;
    const headers = jsonMember(node, "header");
    const entries = enabled(jsonElements(headers));
    const info: PostmanRequest = {
      node,
      headers: headers?.type === "Array" ? headers : undefined,
      hasAuthorization: (authOf(node) ?? inherited) || jsonElements(headers).some((entry) => keyOf(entry)?.trim().toLowerCase() === "authorization"),
    };
    for (const entry of entries) {
      const keyNode = jsonMember(entry, "key");
      const name = keyOf(entry);
      if (keyNode === undefined || name === undefined) continue;
      const valueNode = jsonMember(entry, "value");
      const header: PostmanHeaderEntry = { entry, key: keyNode, value: valueNode, array: headers! };
      const token = campaignContext ? classifyTokenHeader(name) : undefined;
      if (token !== undefined) {
        const key = stringValue(keyNode)!;
        const value = stringValue(valueNode);
        found.push({ kind: "header", token, name: key.text, start: key.start, end: key.end, ...(value === undefined ? {} : { value }), request: info, header });
        continue;
      }
      const isCookie = name.trim().toLowerCase() === "cookie";
      for (const transport of search(valueNode, { headerLines: false, code: false })) {
        found.push({ ...transport, kind: transport.kind === "url" || !isCookie ? transport.kind : "cookie", request: info, header });
      }
    }
    if (headers?.type === "String") found.push(...search(headers, { headerLines: campaignContext, code: false }).map((transport) => ({ ...transport, request: info })));
    const url = jsonMember(node, "url");
    for (const transport of [...search(url, { headerLines: false, code: false }), ...search(jsonMember(url, "raw"), { headerLines: false, code: false })]) {
      found.push({ ...transport, kind: "url", request: info });
    }
    if (jsonMember(url, "raw") === undefined) parameterEntries(jsonElements(jsonMember(url, "query")), "url");
    const body = jsonMember(node, "body");
    for (const transport of search(jsonMember(body, "raw"), { headerLines: campaignContext, code: false })) found.push({ ...transport, request: info });
    parameterEntries(jsonElements(jsonMember(body, "urlencoded")), "parameter");
    parameterEntries(jsonElements(jsonMember(body, "formdata")), "parameter");
  };

  const root = document.body;
  variablesAndEvents(root);
  apiKeyAuth(root);
  // v2: items nested in folders (iterative: exported collections can nest deeply); `auth` is inherited.
  const items: { item: JsonValue; inherited: boolean }[] = jsonElements(jsonMember(root, "item")).map((item) => ({ item, inherited: authOf(root) ?? false }));
  while (items.length > 0) {
    const { item, inherited } = items.pop()!;
    if (item.type !== "Object") continue;
    const itemAuth = jsonMember(item, "request") === undefined ? (authOf(item) ?? inherited) : inherited;
    request(jsonMember(item, "request"), inherited);
    variablesAndEvents(item);
    apiKeyAuth(item);
    items.push(...jsonElements(jsonMember(item, "item")).map((child) => ({ item: child, inherited: itemAuth })));
  }
  // v1: flat `requests`, `headers` as text, `rawModeData` as the body.
  for (const entry of jsonElements(jsonMember(root, "requests"))) {
    const info: PostmanRequest = { node: entry, headers: undefined, hasAuthorization: true };
    for (const key of ["headers", "url", "rawModeData"] as const) {
      for (const transport of search(jsonMember(entry, key), { headerLines: campaignContext && key !== "url", code: false })) {
        found.push({ ...transport, kind: key === "url" ? "url" : transport.kind, request: info });
      }
    }
    variablesAndEvents(entry);
  }
  return found.sort(bySourceStart);
}

// ---------------------------------------------------------------------------------------------
// Locations

// One line index per file, shared by the rules. Not `sourceCode.getLocFromIndex()`: on the last
// line of a file plugin-kit rescans the rest of the text on every call, so a minified one-line file
// with many findings would cost O(size × findings). The XML, HTTP, shell and JSON languages all
// break lines at `\r\n`, `\r` and `\n`, which is what `LineIndex` does.
const lineIndexes = new WeakMap<object, LineIndex>();

function lineIndexOf(sourceCode: { readonly text: string }): LineIndex {
  let lines = lineIndexes.get(sourceCode);
  if (lines === undefined) lineIndexes.set(sourceCode, (lines = new LineIndex(sourceCode.text)));
  return lines;
}

/** The `loc` (1-based line and column) of a file range, for `context.report({ loc })` in the text languages. */
export function locOf(sourceCode: { readonly text: string }, start: number, end: number): { start: { line: number; column: number }; end: { line: number; column: number } } {
  return lineIndexOf(sourceCode).loc(start, end);
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(sourceCode: { readonly text: string }, offset: number): number {
  const lines = lineIndexOf(sourceCode);
  return lines.lineStarts[lines.lineIndexOf(offset)]!;
}

/** The file's first line break (`\n` when it has none). */
export function firstLineBreak(sourceCode: { readonly text: string }): string {
  const { lineStarts } = lineIndexOf(sourceCode);
  const second = lineStarts[1];
  return second === undefined ? "\n" : sourceCode.text[second - 2] === "\r" && sourceCode.text[second - 1] === "\n" ? "\r\n" : sourceCode.text[second - 1]!;
}

