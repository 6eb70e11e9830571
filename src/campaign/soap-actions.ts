/**
 * Campaign SOAP session-method matching: which text, request or command calls `xtk:session#Logon`
 * or `xtk:session#BearerTokenLogon`, with exact source offsets.
 *
 * Two layers, shared by `no-password-logon` and `prefer-ims-bearer-token` in every language:
 *
 * 1. Plain text (no AST): every function takes a string and returns `[start, end)` offsets into
 *    it, so the TS/JS string-literal visitors and the language visitors share one definition of
 *    "this text calls xtk:session#Logon". Three shapes (domain B):
 *    - the SOAP action naming the method: `xtk:session#Logon`, `xtk:session/Logon` (WSO2's Action
 *      header), URL-encoded `xtk%3Asession%23Logon` (`soaprouter.jsp?soapAction=...`), any case;
 *    - the envelope's method element: `<urn:Logon>` whose prefix is bound to `urn:xtk:session`
 *      (or `<Logon xmlns="urn:xtk:session">`). Parameters are positional and their element names
 *      vary, so the method element and its namespace are what identify the call;
 *    - in code (Campaign server-side JavaScript): `xtk.session.Logon(...)` and `s.Logon(...)` on a
 *      `s = new SoapService(cnx, "urn:xtk:session")` of the same text.
 * 2. Per language (XML, HTTP request files, shell, Postman collections): where a document's
 *    requests name a session method, as absolute source ranges. One request (an HTTP request, a
 *    curl pipeline, a Postman request, a SOAP envelope) is one call, so it gives one finding: the
 *    first place, in source order, that names the method (in practice the SOAPAction header).
 */
import type { JSONSourceCode } from "@eslint/json";
import type { HttpDocument, HttpRequest } from "../languages/http/index.js";
import type { ShellCommand, ShellDocument, ShellWord } from "../languages/shell/index.js";
import { parseShell } from "../languages/shell/parser.js";
import { shellWordSourceRange } from "../languages/shell/word.js";
import type { XmlAttribute, XmlDocumentChild, XmlElement, XmlText } from "../languages/xml/index.js";
import { LineIndex } from "../languages/text/line-index.js";
import { toSourceRange } from "../languages/xml/references.js";
import type { RuleVisitors } from "../create-rule.js";
import { HTTP_CLIENT_SUBSTITUTION, pipelines, runsHttpClient } from "./shell-commands.js";

/** The `xtk:session` methods this module recognises. */
export type SessionMethod = "Logon" | "BearerTokenLogon";

export const XTK_SESSION_NAMESPACE = "urn:xtk:session";

export interface SoapActionMatch {
  /** Offset of the action's first character (`x` of `xtk`). */
  start: number;
  /** Offset just past the method name. */
  end: number;
  method: SessionMethod;
  /** How the separators are written. */
  spelling: "hash" | "slash" | "url-encoded";
}

export interface SessionMethodElement {
  /** Offset of the element's qualified name (just after `<`). */
  start: number;
  /** Offset just past the qualified name. */
  end: number;
  method: SessionMethod;
  /** The namespace prefix (`urn`), or `undefined` for a default-namespace element. */
  prefix: string | undefined;
}

// `xtk` not glued to a preceding word (`urn:xtk:...` is fine); the method not followed by more of
// a name, so `Logoff`, `LogonWithToken` and `GetUserInfo` never match.
const SOAP_ACTION = /(?<![\p{L}\p{N}_])xtk(:|%3a)session(#|\/|%23|%2f)(BearerTokenLogon|Logon)(?![\p{L}\p{N}_])/giu;

/** Every `xtk:session#Logon` / `#BearerTokenLogon` SOAP action in `text`, in order. */
export function findSoapActions(text: string): SoapActionMatch[] {
  const found: SoapActionMatch[] = [];
  SOAP_ACTION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SOAP_ACTION.exec(text)) !== null) {
    const [whole, colon = "", separator = "", name = ""] = match;
    const method: SessionMethod = name.toLowerCase() === "logon" ? "Logon" : "BearerTokenLogon";
    const encoded = colon.startsWith("%") || separator.startsWith("%");
    const spelling = encoded ? "url-encoded" : separator === "/" ? "slash" : "hash";
    found.push({ start: match.index, end: match.index + whole.length, method, spelling });
  }
  return found;
}

/** Whether a schema or namespace value names `xtk:session` (`xtk:session` or `urn:xtk:session`). */
export function isXtkSessionSchema(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === "xtk:session" || trimmed === XTK_SESSION_NAMESPACE;
}

/** The session method a method name or SOAP action value names (`"Logon"`, `"xtk:session#Logon"`). */
export function sessionMethodOf(value: string): SessionMethod | undefined {
  const trimmed = value.trim();
  if (trimmed === "Logon" || trimmed === "BearerTokenLogon") return trimmed;
  const [action] = findSoapActions(trimmed);
  return action !== undefined && action.start === 0 && action.end === trimmed.length ? action.method : undefined;
}

// Markup tokens: comments, CDATA, processing instructions and doctype are skipped whole; tags are
// start tags (with attributes) or end tags. `[^<>]` keeps a malformed template from swallowing the
// next tag.
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[?!][^<>]*>?|<(\/?)([\p{L}_][\p{L}\p{N}_.-]*(?::[\p{L}_][\p{L}\p{N}_.-]*)?)([^<>]*?)(\/?)>/gu;
const XMLNS_ATTRIBUTE = /(?:^|\s)xmlns(?::([\p{L}_][\p{L}\p{N}_.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

interface OpenElement {
  name: string;
  /** Namespace bindings declared on this element: prefix (`""` for default) → URI. */
  bindings: Map<string, string>;
}

// Campaign's own SOAP namespaces: `urn:xtk:<schema>`, `urn:nms:<schema>`, and a custom schema's
// `urn:<namespace>:<schema>` (`urn:cus:recipient`): three parts, simple names, no dots or slashes
// (so `urn:partner.soap.sforce.com` and `http://…` URIs are other vendors').
const CAMPAIGN_NAMESPACE = /^urn:[A-Za-z][A-Za-z0-9]*:[A-Za-z_][\w]*$/;

/**
 * Whether an XML namespace URI is one of Campaign's SOAP namespaces (`urn:xtk:session`,
 * `urn:nms:rtEvent`, `urn:cus:recipient`, …). The SOAP envelope namespaces are not.
 */
export function isCampaignNamespace(uri: string): boolean {
  return CAMPAIGN_NAMESPACE.test(uri.trim());
}

/**
 * Whether a `sessiontoken` element bound to `uri` may be Campaign's: no namespace (a SOAP body
 * template, an unbound prefix), a SOAP envelope namespace (an unqualified parameter that inherits
 * the envelope's default) or a Campaign namespace. Another vendor's `<lx:sessiontoken>` is not.
 */
export function mayBeCampaignParameterNamespace(uri: string | null | undefined): boolean {
  return uri === null || uri === undefined || uri.trim() === "" || SOAP_ENVELOPE_NAMESPACES.has(uri.trim()) || isCampaignNamespace(uri);
}

// A binding written by code that builds XML: an object key (`"@_xmlns:lx": "http://…"`, xmlbuilder's
// `"@xmlns:lx"`) or a builder call (`.att("xmlns:lx", "http://…")`): the name in quotes, then `:` or
// `,` and the URI in quotes.
const XMLNS_IN_CODE = /(["'`])[@$_]*xmlns(?::([\p{L}_][\p{L}\p{N}_.-]*))?\1\s*[:,]\s*(["'`])([^"'`\r\n]*)\3/gu;

/**
 * Every namespace binding in a text whose markup is not parsed (a template, a code string, a whole
 * source file): `xmlns` / `xmlns:p` attributes, and in code the keys and builder arguments that
 * write them. Prefix (`""` for default) → URIs.
 */
export function textNamespaceBindings(text: string): Map<string, Set<string>> {
  const bindings = new Map<string, Set<string>>();
  if (!text.includes("xmlns")) return bindings;
  const add = (prefix: string, uri: string): void => {
    let uris = bindings.get(prefix);
    if (uris === undefined) bindings.set(prefix, (uris = new Set()));
    uris.add(uri.trim());
  };
  for (const match of text.matchAll(XMLNS_ATTRIBUTE)) add(match[1] ?? "", match[2] ?? match[3] ?? "");
  for (const match of text.matchAll(XMLNS_IN_CODE)) add(match[2] ?? "", match[4] ?? "");
  return bindings;
}

/**
 * Whether the prefix of a qualified name (`lx:sessiontoken`; the default namespace for an
 * unprefixed one) is bound in `bindings` only to namespaces that are not Campaign's. An unbound
 * prefix (a fragment) is not foreign.
 */
export function isForeignPrefix(bindings: ReadonlyMap<string, ReadonlySet<string>>, qualifiedName: string): boolean {
  const colon = qualifiedName.indexOf(":");
  const uris = bindings.get(colon < 0 ? "" : qualifiedName.slice(0, colon));
  return uris !== undefined && uris.size > 0 && [...uris].every((uri) => !mayBeCampaignParameterNamespace(uri));
}

function xmlnsBindings(attributes: string): Map<string, string> {
  const bindings = new Map<string, string>();
  XMLNS_ATTRIBUTE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = XMLNS_ATTRIBUTE.exec(attributes)) !== null) {
    bindings.set(match[1] ?? "", (match[2] ?? match[3] ?? "").trim());
  }
  return bindings;
}

/**
 * Every `Logon` / `BearerTokenLogon` element bound to `urn:xtk:session`, in order.
 *
 * The namespace is resolved in scope (the element's own and its ancestors' `xmlns` attributes).
 * Templates are often fragments or not well-formed, so when a prefix has no binding in scope, a
 * binding of that prefix anywhere in the text counts, as long as every such binding names
 * `urn:xtk:session`. An unbound prefix or another namespace never matches.
 */
export function findSessionMethodElements(text: string): SessionMethodElement[] {
  type Tag = { start: number; name: string; closing: boolean; selfClosing: boolean; bindings: Map<string, string> };
  const tags: Tag[] = [];
  const documentBindings = new Map<string, Set<string>>();
  MARKUP.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = MARKUP.exec(text)) !== null) {
    const [, slash, name, attributes = "", selfClosing] = match;
    if (name === undefined) continue;
    const bindings = slash === "/" ? new Map<string, string>() : xmlnsBindings(attributes);
    for (const [prefix, uri] of bindings) {
      let uris = documentBindings.get(prefix);
      if (uris === undefined) documentBindings.set(prefix, (uris = new Set()));
      uris.add(uri);
    }
    tags.push({ start: match.index + 1 + (slash?.length ?? 0), name, closing: slash === "/", selfClosing: selfClosing === "/", bindings });
  }

  const found: SessionMethodElement[] = [];
  const stack: OpenElement[] = [];
  for (const tag of tags) {
    if (tag.closing) {
      // Pop to the matching start tag; a stray end tag (malformed template) is ignored.
      const index = stack.findLastIndex((open) => open.name === tag.name);
      if (index >= 0) stack.length = index;
      continue;
    }
    const open: OpenElement = { name: tag.name, bindings: tag.bindings };
    const colon = tag.name.indexOf(":");
    const prefix = colon < 0 ? undefined : tag.name.slice(0, colon);
    const local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    if (local === "Logon" || local === "BearerTokenLogon") {
      const key = prefix ?? "";
      let uri: string | undefined;
      for (const element of [open, ...stack.toReversed()]) {
        uri = element.bindings.get(key);
        if (uri !== undefined) break;
      }
      const inScope = uri !== undefined;
      const anywhere = documentBindings.get(key);
      const bound = inScope ? uri === XTK_SESSION_NAMESPACE : anywhere !== undefined && [...anywhere].every((u) => u === XTK_SESSION_NAMESPACE);
      if (bound) found.push({ start: tag.start, end: tag.start + tag.name.length, method: local, prefix });
    }
    if (!tag.selfClosing) stack.push(open);
  }
  return found;
}

// A Campaign build number as users write it: `8.5`, `8.6.1`, `7.4.1`, `7.3.3.IMS`, optional `v`.
const CAMPAIGN_VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?(\.ims)?$/i;

/**
 * Whether a Campaign version accepts an IMS access token directly (`Authorization: Bearer` on the
 * SOAP router, the SDK's `ofImsBearerToken`) instead of `xtk:session#BearerTokenLogon`:
 * Campaign v8.5 and later, and the IMS-ready Campaign Classic v7 builds (7.3.5 and later,
 * 7.3.2.IMS, 7.3.3.IMS). An unparsable version is not assumed to support it.
 */
export function supportsDirectImsBearer(version: string): boolean {
  const match = CAMPAIGN_VERSION.exec(version.trim());
  if (match === null) return false;
  const [major, minor, patch] = [match[1], match[2], match[3]].map((part) => Number(part ?? 0)) as [number, number, number];
  if (major >= 9) return true;
  if (major === 8) return minor >= 5;
  if (major !== 7) return false;
  if (match[5] !== undefined) return minor === 3 && patch >= 2;
  return minor > 3 || (minor === 3 && patch >= 5);
}

// ---------------------------------------------------------------------------------------------
// Server-side JavaScript calls (workflow scripts, JetBrains and Postman scripts) and the combined
// text search

/** How a text names a session method call. */
export type SessionCallKind =
  /** A SOAP action: `xtk:session#Logon`, `xtk:session/Logon`, `xtk%3Asession%23Logon`. */
  | "action"
  /** The envelope's method element bound to `urn:xtk:session`. */
  | "envelope"
  /** Campaign server-side JS: `xtk.session.Logon(...)`. */
  | "api-call"
  /** Campaign server-side JS: `s.Logon(...)` on `s = new SoapService(cnx, "urn:xtk:session")`. */
  | "soap-service-call";

/** A session method call found in a text; `start`/`end` are offsets into the searched text or the file. */
export interface SessionCallFinding {
  start: number;
  end: number;
  method: SessionMethod;
  kind: SessionCallKind;
}

// `xtk.session.Logon(`: the JS API's static method (not `foo.xtk.session`).
const XTK_SESSION_API_CALL = /(?<![\p{L}\p{N}_$.])xtk\s*\.\s*session\s*\.\s*(BearerTokenLogon|Logon)\s*\(/dgu;
// `name = new SoapService(cnx, "urn:xtk:session")`.
const SOAP_SERVICE_BINDING = /(?<![\p{L}\p{N}_$.])([\p{L}_$][\p{L}\p{N}_$]*)\s*=\s*new\s+SoapService\s*\(\s*[^,()]*,\s*(["'`])(?:urn:)?xtk:session\2/gu;
// `name.Logon(`: a call on a plain identifier (its binding is checked against the SoapService ones).
const MEMBER_CALL = /(?<![\p{L}\p{N}_$.])([\p{L}_$][\p{L}\p{N}_$]*)\s*\.\s*(BearerTokenLogon|Logon)\s*\(/dgu;
const SOAP_SERVICE = /SoapService/;

/** `xtk.session.Logon(...)` and SoapService `s.Logon(...)` calls in server-side JS, offsets on the method name. */
export function findSessionMethodCalls(text: string): SessionCallFinding[] {
  const found: SessionCallFinding[] = [];
  let match: RegExpExecArray | null;
  XTK_SESSION_API_CALL.lastIndex = 0;
  while ((match = XTK_SESSION_API_CALL.exec(text)) !== null) {
    const [start, end] = match.indices![1]!;
    found.push({ start, end, method: match[1] as SessionMethod, kind: "api-call" });
  }
  if (SOAP_SERVICE.test(text)) {
    const services = new Set<string>();
    SOAP_SERVICE_BINDING.lastIndex = 0;
    while ((match = SOAP_SERVICE_BINDING.exec(text)) !== null) services.add(match[1]!);
    MEMBER_CALL.lastIndex = 0;
    while (services.size > 0 && (match = MEMBER_CALL.exec(text)) !== null) {
      if (!services.has(match[1]!)) continue;
      const [start, end] = match.indices![2]!;
      found.push({ start, end, method: match[2] as SessionMethod, kind: "soap-service-call" });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// Cheap pre-checks: every shape names the method (SOAP actions in any case).
const METHOD_MENTION: Readonly<Record<SessionMethod, RegExp>> = { Logon: /logon/i, BearerTokenLogon: /bearertokenlogon/i };

/**
 * Every call of `method` that `text` names, in source order: SOAP actions and envelope elements,
 * plus `xtk.session` / SoapService calls when the text is code (`code: true`). Offsets into `text`.
 */
export function findSessionCalls(text: string, method: SessionMethod, { code = false }: { code?: boolean } = {}): SessionCallFinding[] {
  if (!METHOD_MENTION[method].test(text)) return [];
  const found: SessionCallFinding[] = [];
  for (const action of findSoapActions(text)) {
    if (action.method === method) found.push({ start: action.start, end: action.end, method, kind: "action" });
  }
  for (const element of findSessionMethodElements(text)) {
    if (element.method === method) found.push({ start: element.start, end: element.end, method, kind: "envelope" });
  }
  if (code) for (const call of findSessionMethodCalls(text)) if (call.method === method) found.push(call);
  return found.sort((a, b) => a.start - b.start);
}

/** Appends without spreading: a hostile text can hold more findings than a call has arguments. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The findings with `map` applied to their offsets (text offsets → file offsets). */
const shifted = (findings: SessionCallFinding[], map: (offset: number) => number): SessionCallFinding[] =>
  findings.map((finding) => ({ ...finding, start: map(finding.start), end: map(finding.end) }));

/** The first finding in source order, if any. */
const first = (findings: readonly SessionCallFinding[]): SessionCallFinding | undefined =>
  findings.reduce<SessionCallFinding | undefined>((best, finding) => (best === undefined || finding.start < best.start ? finding : best), undefined);

const bySource = (a: SessionCallFinding, b: SessionCallFinding): number => a.start - b.start;

// ---------------------------------------------------------------------------------------------
// XML documents (and XML bodies of .http requests)

const SOAP_ENVELOPE_NAMESPACES: ReadonlySet<string> = new Set([
  "http://schemas.xmlsoap.org/soap/envelope/",
  "http://www.w3.org/2003/05/soap-envelope",
]);
// WSDL's SOAP bindings: `<soap:operation soapAction="xtk:session#Logon"/>` declares the action.
const WSDL_SOAP_BINDING_NAMESPACES: ReadonlySet<string> = new Set([
  "http://schemas.xmlsoap.org/wsdl/soap/",
  "http://schemas.xmlsoap.org/wsdl/soap12/",
  "http://www.w3.org/ns/wsdl/soap",
]);

/** A SOAP `Envelope` (templates often leave its prefix unbound: the local name is enough then). */
const isEnvelope = (element: XmlElement): boolean =>
  element.localName === "Envelope" && (element.namespaceURI === null || SOAP_ENVELOPE_NAMESPACES.has(element.namespaceURI));

/**
 * A WSDL binding's action declaration: `<soap:operation soapAction="…"/>` (WSDL 1.1, SOAP 1.1 and
 * 1.2) or `<operation wsoap:action="…"/>` (WSDL 2.0). It describes the service; it calls nothing.
 */
const isWsdlActionDeclaration = (element: XmlElement, attribute: XmlAttribute): boolean =>
  element.localName === "operation" &&
  ((attribute.localName === "soapAction" && attribute.namespaceURI === null && WSDL_SOAP_BINDING_NAMESPACES.has(element.namespaceURI ?? "")) ||
    (attribute.localName === "action" && WSDL_SOAP_BINDING_NAMESPACES.has(attribute.namespaceURI ?? "")));

const decodedFindings = (node: XmlAttribute | XmlText, method: SessionMethod): SessionCallFinding[] =>
  findSessionCalls(node.value, method, { code: true }).map((finding) => {
    const [start, end] = toSourceRange(node, finding.start, finding.end);
    return { ...finding, start, end };
  });

/**
 * Calls of `method` in XML nodes, in source order, with file offsets:
 * - a `Logon` / `BearerTokenLogon` element whose namespace resolves to `urn:xtk:session` (on its
 *   qualified name);
 * - SOAP actions in attribute values (WSO2's `<header name="Action" value="xtk:session/Logon"/>`),
 *   except a WSDL binding's declaration of the operation;
 * - in text and CDATA (workflow JavaScript, escaped or raw) and in attribute values, decoded:
 *   envelope strings, SOAP actions, `xtk.session.Logon(...)` and SoapService calls, mapped back
 *   to the exact source characters (`&lt;` and `&amp;` shift them).
 * A SOAP envelope is one call: of its findings only the first is kept. Outside envelopes (scripts,
 * configuration) each finding stands alone, as in TS/JS code.
 */
export function findSessionCallsInXml(nodes: readonly XmlDocumentChild[], method: SessionMethod): SessionCallFinding[] {
  const byEnvelope = new Map<XmlElement, SessionCallFinding>();
  const alone: SessionCallFinding[] = [];
  const add = (findings: readonly SessionCallFinding[], envelope: XmlElement | null): void => {
    if (findings.length === 0) return;
    if (envelope === null) {
      append(alone, findings);
      return;
    }
    const earliest = first([...findings, ...(byEnvelope.has(envelope) ? [byEnvelope.get(envelope)!] : [])]);
    if (earliest !== undefined) byEnvelope.set(envelope, earliest);
  };
  // Iterative: hostile documents nest 100k levels deep.
  const stack: { node: XmlDocumentChild; envelope: XmlElement | null }[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, envelope: null });
  while (stack.length > 0) {
    const { node, envelope: outer } = stack.pop()!;
    if (node.type === "XmlText") {
      add(decodedFindings(node, method), outer);
      continue;
    }
    if (node.type !== "XmlElement") continue;
    const envelope = outer ?? (isEnvelope(node) ? node : null);
    if (node.localName === method && node.namespaceURI === XTK_SESSION_NAMESPACE) {
      add([{ start: node.nameRange[0], end: node.nameRange[1], method, kind: "envelope" }], envelope);
    }
    for (const attribute of node.attributes) {
      if (!isWsdlActionDeclaration(node, attribute)) add(decodedFindings(attribute, method), envelope);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, envelope });
  }
  return [...alone, ...byEnvelope.values()].sort(bySource);
}

// ---------------------------------------------------------------------------------------------
// .http / .rest request files

/**
 * The request's call of `method`, if any: one finding per request (a request is one call), the
 * first in source order among the URL (`soapAction=xtk%3Asession%23Logon`), the header values
 * (`SOAPAction: xtk:session#Logon`, any header name and case, quoted or not) and the body (an XML
 * body's envelope, actions or scripts; a non-XML body searched as text).
 */
export function findSessionCallInHttpRequest(request: HttpRequest, text: string, method: SessionMethod): SessionCallFinding | undefined {
  const found: SessionCallFinding[] = [];
  const [urlStart, urlEnd] = request.urlRange;
  // The source slice, not the joined `url`: continuation lines keep their offsets.
  for (const action of findSoapActions(text.slice(urlStart, urlEnd))) {
    if (action.method === method) found.push({ start: urlStart + action.start, end: urlStart + action.end, method, kind: "action" });
  }
  for (const header of request.headers) {
    const base = header.valueRange[0];
    append(found, shifted(findSessionCalls(header.value, method), (offset) => base + offset));
  }
  const body = request.body;
  if (body?.xml) append(found, findSessionCallsInXml(body.xml.children, method));
  else if (body) append(found, shifted(findSessionCalls(body.text, method), (offset) => body.range[0] + offset));
  return first(found);
}

/**
 * Calls of `method` in an `.http` file, in source order: one per request (see
 * `findSessionCallInHttpRequest`), one per file variable whose value names the call
 * (`@action = xtk:session#Logon`), and every call in JetBrains `{% … %}` scripts.
 */
export function findSessionCallsInHttp(document: HttpDocument, text: string, method: SessionMethod): SessionCallFinding[] {
  const found: SessionCallFinding[] = [];
  for (const variable of document.variables) {
    const call = first(findSessionCalls(variable.value, method));
    if (call !== undefined) append(found, shifted([call], (offset) => variable.valueRange[0] + offset));
  }
  for (const request of document.requests) {
    const call = findSessionCallInHttpRequest(request, text, method);
    if (call !== undefined) found.push(call);
    for (const script of request.scripts) {
      append(found, shifted(findSessionCalls(script.code, method, { code: true }), (offset) => script.codeRange[0] + offset));
    }
  }
  return found.sort(bySource);
}

// ---------------------------------------------------------------------------------------------
// Shell-like files: scripts, Dockerfiles, Makefiles, CI YAML, .env, .properties, batch, PowerShell

const wordFindings = (word: ShellWord, method: SessionMethod): SessionCallFinding[] =>
  findSessionCalls(word.value, method).map((finding) => {
    const [start, end] = shellWordSourceRange(word, finding.start, finding.end);
    return { ...finding, start, end };
  });

const heredocFindings = (command: ShellCommand, method: SessionMethod): SessionCallFinding[][] =>
  command.redirects.flatMap((redirect) => {
    if (redirect.heredoc !== null) {
      const base = redirect.heredoc.bodyRange[0];
      return [shifted(findSessionCalls(redirect.heredoc.body, method), (offset) => base + offset)];
    }
    // A here-string (`<<< '<urn:Logon …>'`) feeds the command like a here-document.
    return redirect.operator === "<<<" && redirect.target !== null ? [wordFindings(redirect.target, method)] : [];
  });

/**
 * Calls of `method` in a shell-like document, in source order. What is searched, and what counts
 * as one call (one finding: its first place in source order):
 * - a pipeline (commands joined by `|`) that runs an HTTP client (`curl`, `wget`, HTTPie, `xh`,
 *   `Invoke-WebRequest` / `Invoke-RestMethod` and their aliases, also behind `sudo`, `env`,
 *   `timeout` …): every argument (`-H 'SOAPAction: …'`, `--header=…`, `-H"…"`, the URL's
 *   `soapAction=` query, `--data*` bodies, PowerShell `-Headers @{ SOAPAction = … }` and `-Body`),
 *   here-documents and here-strings: one call;
 * - an assignment's value (`ACTION=xtk:session#Logon`, `.env` / `.properties` entries, Dockerfile
 *   `ENV`, Makefile variables, batch `set`, PowerShell `$headers = @{ SOAPAction = … }`,
 *   `TOKEN=$(curl …)`): configuration a call uses, one each;
 * - a here-document or here-string of another command (`cat > logon.xml <<EOF`): one each;
 * - an argument holding an HTTP client's command substitution (`echo "$(curl …)"`): one each.
 * Arguments of other commands (`grep 'xtk:session#Logon'`, `echo`) are not calls and stay quiet,
 * like comments.
 */
export function findSessionCallsInShell(document: ShellDocument, method: SessionMethod): SessionCallFinding[] {
  const found: SessionCallFinding[] = [];
  const keepFirst = (findings: readonly SessionCallFinding[]): void => {
    const call = first(findings);
    if (call !== undefined) found.push(call);
  };
  // Each pipeline: a command and the ones its `|` terminators feed.
  for (const pipeline of pipelines(document.commands)) {
    for (const command of pipeline) {
      for (const assignment of command.assignments) if (assignment.value !== null) keepFirst(wordFindings(assignment.value, method));
    }
    if (pipeline.some(runsHttpClient)) {
      keepFirst(
        pipeline.flatMap((command) => [
          ...command.words.flatMap((word) => wordFindings(word, method)),
          ...command.redirects.flatMap((redirect) => (redirect.target !== null && redirect.heredoc === null ? wordFindings(redirect.target, method) : [])),
          ...heredocFindings(command, method).flat(),
        ]),
      );
      continue;
    }
    for (const command of pipeline) {
      for (const findings of heredocFindings(command, method)) keepFirst(findings);
      for (const word of command.words) if (word.hasExpansion && HTTP_CLIENT_SUBSTITUTION.test(word.value)) keepFirst(wordFindings(word, method));
    }
  }
  return found.sort(bySource);
}


// ---------------------------------------------------------------------------------------------
// Postman collections (JSON, through @eslint/json's Momoa AST)

type JsonDocument = JSONSourceCode["ast"];

type JsonValue = JsonDocument["body"];

/**
 * The source offset of each UTF-16 unit of a JSON string's value, plus one for the end: `raw` is
 * the literal as written, quotes included, starting at source offset `base`. An escape (`\"`,
 * `\n`, `\u003C`) is one unit of the value and two or six characters of the source.
 */
export function jsonStringOffsets(raw: string, base: number): number[] {
  const offsets: number[] = [];
  const close = raw.length - 1;
  for (let i = 1; i < close; ) {
    offsets.push(base + i);
    i += raw[i] !== "\\" ? 1 : raw[i + 1] === "u" ? 6 : 2;
  }
  offsets.push(base + close);
  return offsets;
}

const member = (object: JsonValue | undefined, name: string): JsonValue | undefined =>
  object?.type === "Object" ? object.members.find((m) => (m.name.type === "String" ? m.name.value : m.name.name) === name)?.value : undefined;

const elements = (value: JsonValue | undefined): JsonValue[] => (value?.type === "Array" ? value.elements.map((element) => element.value) : []);

const isTrue = (value: JsonValue | undefined): boolean => value?.type === "Boolean" && value.value;

/**
 * Calls of `method` in a JSON document linted by the plugin: a Postman collection (see
 * `findSessionCallsInPostman`), or a `package.json` whose `scripts` run curl and friends (each
 * script is read as a POSIX shell command line, as npm runs it, and searched like a shell file).
 */
export function findSessionCallsInJson(document: JsonDocument, text: string, method: SessionMethod): SessionCallFinding[] {
  if (isPostmanCollection(document)) return findSessionCallsInPostman(document, text, method);
  const scripts = member(document.body, "scripts");
  if (scripts?.type !== "Object") return [];
  const found: SessionCallFinding[] = [];
  for (const { value } of scripts.members) {
    if (value.type !== "String" || !METHOD_MENTION[method].test(value.value)) continue;
    const findings = findSessionCallsInShell(parseShell(value.value, "sh").ast, method);
    if (findings.length === 0) continue;
    const start = value.range?.[0] ?? value.loc.start.offset;
    const end = value.range?.[1] ?? value.loc.end.offset;
    const offsets = jsonStringOffsets(text.slice(start, end), start);
    append(found, shifted(findings, (offset) => offsets[offset]!));
  }
  return found;
}

/** `true` when the document is a Postman collection (v2 `info.schema` / `_postman_id`, or v1 `requests`). */
export function isPostmanCollection(document: JsonDocument): boolean {
  const info = member(document.body, "info");
  const schema = member(info, "schema");
  if (schema?.type === "String" && /getpostman\.com/i.test(schema.value)) return true;
  if (member(info, "_postman_id") !== undefined) return true;
  return member(document.body, "requests")?.type === "Array" && member(document.body, "order") !== undefined;
}

/**
 * Calls of `method` in a Postman collection (v2.x items nested in folders, or v1 `requests`), in
 * source order, with file offsets (decoded string offsets mapped back through the JSON escapes):
 * - one per request, the first in source order among its header values (`header[]` entries that
 *   are not `disabled`; v1's `headers` text), its URL (a string, or `url.raw`, or else the enabled
 *   `url.query[]` values) and its raw body (`body.raw`; v1 `rawModeData`);
 * - one per collection or item variable (`variable[].value`) that names the call;
 * - every call in `event[].script.exec` lines (pre-request and test scripts are code).
 * Names and descriptions are prose and stay quiet.
 */
export function findSessionCallsInPostman(document: JsonDocument, text: string, method: SessionMethod): SessionCallFinding[] {
  const found: SessionCallFinding[] = [];
  const search = (node: JsonValue | undefined, code = false): SessionCallFinding[] => {
    if (node?.type !== "String") return [];
    const findings = findSessionCalls(node.value, method, { code });
    if (findings.length === 0) return [];
    const start = node.range?.[0] ?? node.loc.start.offset;
    const end = node.range?.[1] ?? node.loc.end.offset;
    const offsets = jsonStringOffsets(text.slice(start, end), start);
    return shifted(findings, (offset) => offsets[offset]!);
  };
  const keepFirst = (findings: readonly SessionCallFinding[]): void => {
    const call = first(findings);
    if (call !== undefined) found.push(call);
  };
  const variablesAndEvents = (owner: JsonValue | undefined): void => {
    for (const variable of elements(member(owner, "variable"))) if (!isTrue(member(variable, "disabled"))) keepFirst(search(member(variable, "value")));
    for (const event of elements(member(owner, "event"))) {
      const exec = member(member(event, "script"), "exec");
      for (const line of exec?.type === "Array" ? elements(exec) : [exec]) append(found, search(line, true));
    }
  };
  const request = (node: JsonValue | undefined): void => {
    if (node?.type === "String") return keepFirst(search(node));
    if (node?.type !== "Object") return;
    const url = member(node, "url");
    const raw = member(url, "raw");
    const query = raw === undefined ? elements(member(url, "query")).filter((entry) => !isTrue(member(entry, "disabled"))) : [];
    const headers = member(node, "header");
    keepFirst([
      ...(headers?.type === "String" ? search(headers) : []),
      ...elements(headers).filter((header) => !isTrue(member(header, "disabled"))).flatMap((header) => search(member(header, "value"))),
      ...search(url),
      ...search(raw),
      ...query.flatMap((entry) => search(member(entry, "value"))),
      ...search(member(member(node, "body"), "raw")),
    ]);
  };

  const root = document.body;
  variablesAndEvents(root);
  // v2: items, nested in folders (iterative: exported collections can nest deeply).
  const items: JsonValue[] = [...elements(member(root, "item"))];
  while (items.length > 0) {
    const item = items.pop()!;
    if (item.type !== "Object") continue;
    request(member(item, "request"));
    variablesAndEvents(item);
    append(items, elements(member(item, "item")));
  }
  // v1: flat `requests` with `headers` as text and `rawModeData` as the body.
  for (const entry of elements(member(root, "requests"))) {
    keepFirst([...search(member(entry, "headers")), ...search(member(entry, "url")), ...search(member(entry, "rawModeData"))]);
    variablesAndEvents(entry);
  }
  return found.sort(bySource);
}

// ---------------------------------------------------------------------------------------------
// Reporting

/** What `reportSessionCalls` needs of a rule context (any of the text-based languages). */
export interface SessionCallReportContext<MessageIds extends string> {
  sourceCode: { text: string };
  report(descriptor: { loc: { start: { line: number; column: number }; end: { line: number; column: number } }; messageId: MessageIds }): void;
}

// One line index per file, shared by the rules. Not `sourceCode.getLocFromIndex()`: on the last
// line of a file plugin-kit rescans the rest of the text on every call, so a minified one-line file
// with many findings costs O(size × findings). The XML, HTTP, shell and JSON languages all break
// lines at `\r\n`, `\r` and `\n`, which is what `LineIndex` does.
const lineIndexes = new WeakMap<object, LineIndex>();

/** Reports each finding on its exact source range with the rule's message id for its kind. */
export function reportSessionCalls<MessageIds extends string>(
  context: SessionCallReportContext<MessageIds>,
  findings: readonly SessionCallFinding[],
  messages: Readonly<Record<SessionCallKind, MessageIds>>,
): void {
  if (findings.length === 0) return;
  const { sourceCode } = context;
  let lines = lineIndexes.get(sourceCode);
  if (lines === undefined) lineIndexes.set(sourceCode, (lines = new LineIndex(sourceCode.text)));
  for (const { start, end, kind } of findings) {
    context.report({ loc: lines.loc(start, end), messageId: messages[kind] });
  }
}

/**
 * The xml, http, shell and json visitors of a rule that reports calls of one xtk:session method
 * (`no-password-logon`: Logon, `prefer-ims-bearer-token`: BearerTokenLogon), each kind with its
 * message id. Message only: dropping the call means choosing where the IMS token comes from and
 * sending it on every other request, which no local edit can do.
 */
export function sessionCallVisitors<MessageIds extends string, Options extends unknown[]>(
  method: SessionMethod,
  messages: Readonly<Record<SessionCallKind, MessageIds>>,
): Required<Pick<RuleVisitors<MessageIds, Options>, "xml" | "http" | "shell" | "json">> {
  return {
    xml: (context) => ({
      XmlDocument() {
        reportSessionCalls(context, findSessionCallsInXml(context.sourceCode.ast.children, method), messages);
      },
    }),
    http: (context) => ({
      HttpDocument() {
        reportSessionCalls(context, findSessionCallsInHttp(context.sourceCode.ast, context.sourceCode.text, method), messages);
      },
    }),
    shell: (context) => ({
      ShellDocument() {
        reportSessionCalls(context, findSessionCallsInShell(context.sourceCode.ast, method), messages);
      },
    }),
    json: (context) => ({
      Document() {
        const { ast, text } = context.sourceCode;
        reportSessionCalls(context, findSessionCallsInJson(ast, text, method), messages);
      },
    }),
  };
}
