/**
 * Campaign SOAP logon matching on plain text: no AST, no language. Every function takes a string
 * and returns exact `[start, end)` offsets into it, so the XML, HTTP and shell languages and the
 * TS/JS string-literal visitors all share one definition of "this text calls xtk:session#Logon".
 *
 * Two shapes (domain B):
 * - the SOAP action naming the method: `xtk:session#Logon`, `xtk:session/Logon` (WSO2's Action
 *   header), URL-encoded `xtk%3Asession%23Logon` (`soaprouter.jsp?soapAction=...`), any case;
 * - the envelope's method element: `<urn:Logon>` whose prefix is bound to `urn:xtk:session`
 *   (or `<Logon xmlns="urn:xtk:session">`). Parameters are positional and their element names
 *   vary, so the method element and its namespace are what identify the call.
 */

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
