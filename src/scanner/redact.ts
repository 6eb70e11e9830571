/**
 * Masking of source text before any of it leaves the scanner (evidence, code frames, fingerprint
 * input). The rule is "mask unless known safe": every literal value is masked unless it is a
 * placeholder, a URL (whose credentials and query values are masked), a boolean, a SOAP method or
 * namespace name, a module name in an import, or the value of a key known to hold no secret.
 * Values with an unmistakable secret shape are masked with `maskSecret` (`p8e-****`, `mc/****`),
 * everything else with the fixed `****`, so no output reveals a secret's length.
 */
import { sessionMethodOf } from "../campaign/soap-actions.js";
import { classifySecret, isPlaceholder, MASK, maskSecret, secretShape, splitLoginPassword } from "../campaign/secrets.js";

/** A masked span: where it was in the original text and where its mask is in the output. */
export interface MaskedSpan {
  start: number;
  end: number;
  outputStart: number;
  outputEnd: number;
  secrets: string[];
}

export interface Redaction {
  text: string;
  /** The raw values that were masked (to scrub them from messages; never printed). */
  secrets: string[];
  /** The masked spans, in order. */
  spans: MaskedSpan[];
  /** Offset in the masked text of an offset in the original text. */
  mapOffset(offset: number): number;
}

interface Span {
  start: number;
  end: number;
  replacement: string;
  /** Raw values this span masks. */
  secrets: string[];
}

// Keys whose values are secrets (in `key=value`, `key: value`, `"key": "value"`, attributes).
const SECRET_KEY = /pass|pwd|secret|token|private|credential|cookie|auth(?!type)|api[-_]?key|signature|session|bearer/i;
// Keys whose values hold no secret and say what the evidence is about.
const SAFE_KEYS = new Set(
  [
    "name", "type", "authtype", "instance", "version", "encoding", "content-type", "soapaction", "action",
    "host", "accept", "user-agent", "content-length", "method", "href", "src", "run", "script", "uses",
    "image", "id", "class", "import", "xmlns", "namespace", "grant_type", "scope", "scopes", "disableapi",
    "nonimsoperatormgmtinclientconsolerestricted", "shell", "working-directory", "if", "env", "charset",
  ].map((key) => key.toLowerCase()),
);
// Values that are never secrets, whatever their key.
const SAFE_VALUE = new RegExp(
  [
    "^(?:true|false|null|undefined|yes|no|on|off)$",
    // SOAP methods and namespaces: xtk:session#Logon, urn:xtk:session, nms:rtEvent#PushEvent
    "^(?:urn:)?[a-z]+:[a-z][A-Za-z]*(?:[#/][A-Za-z]+)?$",
    "^(?:application|text|multipart)/[a-z0-9.+-]+(?:;\\s*charset=[\\w-]+)?$",
    // SDK credential type names: new sdk.Credentials("UserPassword", …)
    "^(?:UserPassword|SessionToken|SessionAndSecurityToken|ImsServiceToken|BearerToken|ImsBearerToken|SecurityToken|AnonymousUser)$",
  ].join("|"),
  "i",
);
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>]+/gi;
// Query parameters whose values say which SOAP call is made.
const SAFE_QUERY_KEYS = new Set(["soapaction", "soapAction".toLowerCase()]);
// Shapes worth masking wherever they stand, quoted or not.
const BARE_SECRET_PATTERNS: readonly RegExp[] = [
  // A PEM key: header, then its base64 body (raw or with `\n` escapes), then the footer if any.
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[A-Za-z0-9+/=\s]|\\n)*(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----)?/g,
  /___[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
  /\bp8e-[A-Za-z0-9_-]{8,}/g,
  /LS0tLS1CRUdJTi[A-Za-z0-9+/=]*/g,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  /(?<![\w@])@[A-Za-z0-9+/]{20,}={0,2}/g,
  /(?<![\w=])==[A-Za-z0-9+/=_.-]{8,}/g,
];
// Any long run of key-like characters (key bodies, tokens, hashes); masked when it mixes letters
// and digits. Checked in code rather than with lookaheads, which are quadratic on long runs.
const LONG_RUN = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{32,}/g;
const isKeyLike = (run: string): boolean => /\d/.test(run) && /[A-Za-z]/.test(run);
const QUOTED = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;
// `<tag …>text<` on one line: element text (the key is the tag's local name). One line only, so
// TypeScript generics (`Promise<string> {…}`) cannot swallow whole blocks of code.
const XML_TEXT = /<(?:[\w.-]+:)?([\w.-]+)(?:\s[^<>\n]*)?>([^<>\n]+)(?=<)/g;
// `key=value` without quotes (shell, .env, .properties, form bodies, cookies).
const ASSIGNMENT = /(?<![\w.=!<>-])([A-Za-z_][\w.-]*)=(?!=)([^\s"'`&;<>|)(,]+)/g;
// `key: value` lines (HTTP headers, YAML); the key is checked before masking.
// The value ends at its last non-blank character, found greedily: a lazy value before `[ \t]*$`
// would rescan a run of blanks once per character (quadratic on a long run of spaces).
const KEY_COLON_LINE = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w.-]*)[ \t]*:[ \t]+((?:[^\n]*[^ \t\n])?)[ \t]*$/gm;
// nlserver options with values: `-setimsjwtauth:Org/Client/…`, `-instance:prod`.
const NLSERVER_OPTION = /(?<![\w-])-([A-Za-z]+):(:?)([^\s"'`]+)/g;
// curl credentials: `-u user:password`, `--user user:password`, `--user=user:password`, and
// `-u TOKEN:` (an API token as the login, empty password).
const CURL_USER = /(?<![\w-])(?:-u|--user)(?:[ \t]+|=)([^\s:"']+):([^\s"']*)/g;
// A credential-shaped assignment at the start of a line, in every line-oriented language:
// `KEY = v`, `KEY:v`, `KEY v` (.properties, Dockerfile `ENV KEY value`), `:=`, `?=`, `+=`
// (Makefile), `@password = v` (.http variables), `$env:KEY = v` (PowerShell). The value is the
// rest of the line (trimmed in code: no lazy quantifier before `$`, which is quadratic on spaces).
const LINE_ASSIGNMENT =
  /^([ \t]*(?:(?:ENV|ARG|export|set|setx|readonly|declare|local)[ \t]+)?)((?:\$env:|@)?[A-Za-z_][\w.-]*)([ \t]*(?::=|\?=|\+=|=|:)[ \t]*|[ \t]+)([^\n]*)/gm;
// Element text of an element whose name says it holds a secret, across lines and with `>` inside
// (`<password>\n  value\n</password>`, `<sessiontoken>a>b</sessiontoken>`): text up to the next `<`.
const SECRET_ELEMENT = /<(?:[\w.-]+:)?([\w.-]+)(?:[ \t\r\n][^<>]*)?>([^<]+)/g;
const QUOTED_HEADER = /^([A-Za-z][\w-]*):[ \t]*(\S.*)$/;
const NEXT_ASSIGNMENT = /\s[A-Za-z_][\w.-]*=/;
const CDATA_OPEN = "<![CDATA[";
const CDATA_CLOSE = "]]>";
// Text just before a quoted value that names its key: `key=`, `key: `, `"key": `, `key = `.
const KEY_BEFORE = /(?:["']?([A-Za-z_][\w.:-]*)["']?\s*(?::|=)\s*|(require|import)\s*\(\s*|(from|import)\s+)$/;

// Template interpolations (`${x}`, `{{x}}`, `<%= x %>`, `#{x}`, `$(…)`): not secrets themselves.
// The body never crosses another opening (`{`, `(`, `<%`): a run of openers without a closer
// (`{{{{…`, `$($($(…`) is then linear, not one scan to the end of the text per opener. A nested
// interpolation is matched innermost; the text around it is masked.
const INTERPOLATION = /\$\{[^{}]*\}|\{\{[^{}]*\}\}|<%(?:(?!<%)[\s\S])*?%>|#\{[^{}]*\}|\$\([^()]*\)/g;

// `${NAME:-default}` and the other default forms, split into the head and the default.
const SHELL_DEFAULT_PARTS = /^(\$\{[A-Za-z_]\w*:?[-=])([^{}]*)\}$/;
// Keys that say nothing about their value (`value:` of a Kubernetes `env` or Azure `variables`
// entry, whose name is on another line): the value is masked unless it is known safe.
const OPAQUE_KEYS = new Set(["value", "default", "defaultvalue"]);

/** A literal value: kept, or masked. `key` is what the code calls it, when it says. */
export function maskLiteral(value: string, key?: string): { text: string; masked: boolean } {
  const keep = { text: value, masked: false };
  const trimmed = value.trim();
  // Punctuation between placeholders (`<Org>/<Client>`) holds nothing.
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return keep;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    const text = sanitizeUrl(value);
    return { text, masked: text !== value };
  }
  // A header in a string (`-H "SOAPAction: xtk:session#Logon"`): the name stays, the value is judged by it.
  const header = QUOTED_HEADER.exec(value);
  if (header !== null && key === undefined) {
    const inner = maskLiteral(header[2]!, header[1]);
    return { text: `${header[1]}:${value.slice(header[1]!.length + 1, value.length - header[2]!.length)}${inner.text}`, masked: inner.masked };
  }
  if (value.search(INTERPOLATION) >= 0) return maskTemplate(value);
  if (isPlaceholder(value)) return keep;
  const shape = secretShape(value);
  if (shape !== undefined) return { text: maskSecret(value, shape), masked: true };
  const normalizedKey = key?.toLowerCase().replace(/^.*:/, "");
  if (normalizedKey !== undefined && !SECRET_KEY.test(normalizedKey)) {
    if (SAFE_KEYS.has(normalizedKey) || normalizedKey.startsWith("xmlns") || /^allow|^disable|only$/.test(normalizedKey)) {
      // The key says nothing secret is here, but the value may still hold a command with one.
      const nested = redact(value);
      return { text: nested.text, masked: nested.secrets.length > 0 };
    }
  }
  if (SAFE_VALUE.test(trimmed) || sessionMethodOf(trimmed) !== undefined) return keep;
  // A `login/password` session token keeps its login: `mc/****`; a password or any other value
  // with a `/` is no pair (its first half would be printed as a "login").
  const pairKey = normalizedKey !== undefined && (/session|token/.test(normalizedKey) && !/pass|pwd|secret/.test(normalizedKey));
  if (pairKey && classifySecret(value, "login-password") === "login-password" && splitLoginPassword(value) !== undefined) {
    return { text: maskSecret(value, "login-password"), masked: true };
  }
  return { text: MASK, masked: true };
}

/** A value with interpolations: they stay, every literal piece with a letter or digit is masked. */
function maskTemplate(value: string): { text: string; masked: boolean } {
  let text = "";
  let masked = false;
  let cursor = 0;
  const maskChunk = (chunk: string): string => {
    if (!/[A-Za-z0-9]/.test(chunk) || /^\s*(?:Bearer|Basic)\s*$/i.test(chunk)) return chunk;
    const inner = chunk.trim();
    const result = maskLiteral(inner);
    if (!result.masked) return chunk;
    masked = true;
    return chunk.replace(inner, result.text);
  };
  for (const match of value.matchAll(INTERPOLATION)) {
    // `${NAME:-default}`: the default is a literal (often the secret itself), masked like one.
    const withDefault = SHELL_DEFAULT_PARTS.exec(match[0]);
    let kept = match[0];
    if (withDefault !== null && /[A-Za-z0-9]/.test(withDefault[2]!) && !isPlaceholder(withDefault[2]!)) {
      kept = `${withDefault[1]}${MASK}}`;
      masked = true;
    }
    text += maskChunk(value.slice(cursor, match.index)) + kept;
    cursor = match.index + match[0].length;
  }
  text += maskChunk(value.slice(cursor));
  return { text, masked };
}

/** A URL with its password and query values masked (`soapAction` kept). */
export function sanitizeUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/@?#\s]*)@/i, (_, scheme: string, userinfo: string) => {
      const colon = userinfo.indexOf(":");
      return colon < 0 ? `${scheme}${userinfo}@` : `${scheme}${userinfo.slice(0, colon)}:${MASK}@`;
    })
    .replace(/([?&;])([^=&;#]+)=([^&;#]*)/g, (whole, separator: string, name: string, value: string) =>
      SAFE_QUERY_KEYS.has(name.toLowerCase()) || value === "" || isPlaceholder(value) ? whole : `${separator}${name}=${MASK}`,
    )
    .replace(/#.+$/, (fragment) => (isPlaceholder(fragment.slice(1)) ? fragment : `#${MASK}`));
}

function keyBefore(text: string, start: number): string | undefined {
  const match = KEY_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
  if (match === null) return undefined;
  return match[1] ?? (match[2] !== undefined || match[3] !== undefined ? "import" : undefined);
}

function literalSpan(start: number, end: number, value: string, key: string | undefined, prefix = "", suffix = ""): Span | undefined {
  const { text, masked } = maskLiteral(value, key);
  if (!masked) return undefined;
  return { start, end, replacement: `${prefix}${text}${suffix}`, secrets: [value] };
}

// matchAll works on a copy of the pattern, so nested redactions cannot disturb an outer loop.
const matches = (pattern: RegExp, text: string): IterableIterator<RegExpExecArray> => text.matchAll(pattern);

/** Quoted text that is itself structured (markup, a form body, JSON) is masked inside, not whole. */
const isStructured = (value: string): boolean =>
  /<[\w:!?/][^<>]*>/.test(value) || /(?<![\w.-])[\w.-]+=[^=&\s]*&[\w.-]+=/.test(value) || /(?<!\$)[{[]\s*["']?\w+["']?\s*:/.test(value);

function collectSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of BARE_SECRET_PATTERNS) {
    for (const match of matches(pattern, text)) {
      const value = match[0];
      const replacement = bareMask(value);
      if (replacement !== undefined) spans.push({ start: match.index, end: match.index + value.length, replacement, secrets: [value] });
    }
  }
  for (const match of matches(LONG_RUN, text)) {
    // `NAME=value…` read as one run: the name stays, the assignment detectors mask the value.
    const name = /^[A-Za-z_][\w.-]*=(?!=)/.exec(match[0])?.[0].length ?? 0;
    const run = match[0].slice(name);
    if (!isKeyLike(run)) continue;
    spans.push({ start: match.index + name, end: match.index + match[0].length, replacement: MASK, secrets: [run] });
  }
  for (const match of matches(QUOTED, text)) {
    const quote = match[0][0]!;
    const inner = match[0].slice(1, -1);
    const start = match.index;
    const end = start + match[0].length;
    // An object or JSON key (`{ "password": …`): a name, not a value.
    if (quote !== "`" && /^\s*:/.test(text.slice(end, end + 20)) && /(?:^|[{,])\s*$/.test(text.slice(Math.max(0, start - 40), start))) {
      if (secretShape(inner) === undefined) {
        spans.push({ start, end, replacement: match[0], secrets: [] });
        continue;
      }
    }
    if ((isStructured(inner) || inner.includes("\n")) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(inner)) {
      // Masked piece by piece (not as one span), so offsets inside it still map line by line.
      for (const span of collectSpans(inner)) spans.push({ ...span, start: span.start + start + 1, end: span.end + start + 1 });
      continue;
    }
    const span = literalSpan(start, end, inner, keyBefore(text, start), quote, quote);
    // A kept literal still claims its text, so no other detector masks inside it.
    spans.push(span ?? { start, end, replacement: match[0], secrets: [] });
  }
  for (const match of matches(URL_PATTERN, text)) {
    const sanitized = sanitizeUrl(match[0]);
    spans.push({ start: match.index, end: match.index + match[0].length, replacement: sanitized, secrets: sanitized === match[0] ? [] : [match[0]] });
  }
  for (const match of matches(XML_TEXT, text)) {
    const value = match[2]!;
    if (value.trim() === "") continue;
    const start = match.index + match[0].length - value.length;
    const leading = value.length - value.trimStart().length;
    const trimmed = value.trim();
    const span = literalSpan(start + leading, start + leading + trimmed.length, trimmed, match[1]);
    if (span !== undefined) spans.push(span);
  }
  for (const match of matches(ASSIGNMENT, text)) {
    const value = match[2]!;
    const start = match.index + match[0].length - value.length;
    // `x=require(…)`, `module.exports=sdk.ofUserAndPassword(…)` in minified code: a call, not a value.
    if (text[start + value.length] === "(") continue;
    const span = literalSpan(start, start + value.length, value, match[1]);
    if (span !== undefined) spans.push(span);
  }
  for (const match of matches(KEY_COLON_LINE, text)) {
    const key = match[2]!;
    const value = match[3]!;
    if (value === "" || /^["'`]/.test(value) || !(SECRET_KEY.test(key) || /-/.test(key) || OPAQUE_KEYS.has(key.toLowerCase()))) continue;
    const start = match.index + match[0].lastIndexOf(value);
    // `Authorization: Bearer <token>` keeps its scheme.
    const scheme = /^(Bearer|Basic|Digest)\s+/i.exec(value)?.[0] ?? "";
    const secret = value.slice(scheme.length);
    if (secret.search(INTERPOLATION) >= 0) {
      // Interpolations stay; literal pieces and `${NAME:-default}` defaults are masked.
      const template = maskTemplate(secret);
      if (template.masked) spans.push({ start: start + scheme.length, end: start + value.length, replacement: template.text, secrets: [secret] });
      continue;
    }
    if (secret === "" || isPlaceholder(secret)) continue;
    const shape = secretShape(secret);
    const masked = SAFE_KEYS.has(key.toLowerCase()) ? undefined : shape ? maskSecret(secret, shape) : MASK;
    if (masked !== undefined) spans.push({ start: start + scheme.length, end: start + value.length, replacement: masked, secrets: [secret] });
  }
  for (const match of matches(NLSERVER_OPTION, text)) {
    const option = match[1]!;
    const value = match[3]!;
    if (SAFE_KEYS.has(option.toLowerCase())) continue;
    const start = match.index + match[0].length - value.length;
    const segments = value.split("/");
    const masked = segments.map((segment) => maskLiteral(segment, option));
    if (masked.some((segment) => segment.masked)) {
      spans.push({
        start,
        end: start + value.length,
        replacement: masked.map((segment) => segment.text).join("/"),
        secrets: segments.filter((_, index) => masked[index]!.masked),
      });
    }
  }
  for (const match of matches(CURL_USER, text)) {
    const password = match[2]!;
    if (password === "") {
      // `-u TOKEN:`: the login is the credential.
      const token = match[1]!;
      if (isPlaceholder(token)) continue;
      const start = match.index + match[0].length - token.length - 1;
      spans.push({ start, end: start + token.length, replacement: MASK, secrets: [token] });
      continue;
    }
    if (isPlaceholder(password)) continue;
    const start = match.index + match[0].length - password.length;
    spans.push({ start, end: start + password.length, replacement: MASK, secrets: [password] });
  }
  for (const match of matches(LINE_ASSIGNMENT, text)) {
    const key = match[2]!.replace(/^\$env:|^@/i, "");
    const raw = match[4]!;
    // The value ends at the end of the line, or before the next assignment (`A=x B=y`: B stays a name).
    const next = NEXT_ASSIGNMENT.exec(raw);
    const value = (next === null ? raw : raw.slice(0, next.index)).trimEnd();
    // `key: value` lines are KEY_COLON_LINE's (headers, YAML).
    if (value === "" || !SECRET_KEY.test(key) || /^["'`(<]/.test(value) || /^[ \t]*:[ \t]/.test(match[3]!)) continue;
    // `Authorization = Bearer <token>` keeps its scheme.
    const scheme = /^(?:Bearer|Basic|Digest)\s+/i.exec(value)?.[0] ?? "";
    const start = match.index + match[0].length - raw.length + scheme.length;
    const span = literalSpan(start, start + value.length - scheme.length, value.slice(scheme.length), key);
    if (span !== undefined) spans.push(span);
  }
  for (const match of matches(SECRET_ELEMENT, text)) {
    const content = match[2]!;
    const trimmed = content.trim();
    if (trimmed === "" || !SECRET_KEY.test(match[1]!)) continue;
    const start = match.index + match[0].length - content.length + (content.length - content.trimStart().length);
    const span = literalSpan(start, start + trimmed.length, trimmed, match[1]);
    if (span !== undefined) spans.push(span);
  }
  spans.push(...cdataSpans(text));
  return spans;
}

/** CDATA sections inside an element whose name says it holds a secret: the content, masked. */
function cdataSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open = text.indexOf(CDATA_OPEN);
  while (open >= 0) {
    const start = open + CDATA_OPEN.length;
    const close = text.indexOf(CDATA_CLOSE, start);
    if (close < 0) break;
    const tag = /<(?:[\w.-]+:)?([\w.-]+)(?:\s[^<>]*)?>\s*$/.exec(text.slice(Math.max(0, open - 200), open))?.[1];
    const content = text.slice(start, close);
    if (tag !== undefined && SECRET_KEY.test(tag) && content.trim() !== "" && !isPlaceholder(content.trim())) {
      spans.push({ start, end: close, replacement: MASK, secrets: [content] });
    }
    open = text.indexOf(CDATA_OPEN, close + CDATA_CLOSE.length);
  }
  return spans;
}

// A PEM header alone (a masked key's label, `-----BEGIN PRIVATE KEY-----****`) reveals nothing.
const PEM_HEADER_ONLY = /^-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\s*$/;

/** The mask for a value found by shape alone (undefined when there is nothing to mask). */
function bareMask(value: string): string | undefined {
  if (PEM_HEADER_ONLY.test(value)) return undefined;
  const shape = secretShape(value);
  return shape ? maskSecret(value, shape) : MASK;
}

/** Non-overlapping spans: earliest first, and the longest of those starting at the same place. */
function resolve(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  let end = -1;
  for (const span of spans) {
    if (span.start < end) continue;
    kept.push(span);
    end = span.end;
  }
  return kept;
}

/** A credential value a rule reported: its range, and the mask the rule showed for it. */
export interface KnownValue {
  start: number;
  end: number;
  mask?: string;
}

/** The mask of a value a rule reported without its own mask: its shape's mask, or `****`. */
function maskKnown(value: string): string {
  const trimmed = value.trim();
  const shape = secretShape(trimmed);
  return shape === undefined ? MASK : maskSecret(trimmed, shape);
}

// A comment on a shown line (after white space, or the whole line): `//`, `#`, `<!--`, `/*`.
const COMMENT = /(?:^|\s)(?:\/\/|#|<!--|\/\*)/;

/**
 * A shown line (masked evidence, a diff line) with the comment after `from` elided: comments are
 * text the scanner has not classified (an old password "for reference" is a classic).
 */
export function elideComment(line: string, from = 0): string {
  const cut = commentStart(line, from);
  return cut === undefined ? line : `${line.slice(0, cut)}…`;
}

/** Where the comment after `from` on `line` starts, if there is one. */
export function commentStart(line: string, from = 0): number | undefined {
  const comment = COMMENT.exec(line.slice(from));
  return comment === null ? undefined : from + comment.index + (/^\s/.test(comment[0]) ? 1 : 0);
}

/**
 * The fallback's spans with those overlapping a known range left out (the known range masks that
 * value exactly), merged with the known spans; both lists sorted and without overlaps.
 */
function withKnown(known: Span[], fallback: Span[]): Span[] {
  if (known.length === 0) return fallback;
  const merged: Span[] = [];
  let next = 0;
  for (const span of fallback) {
    while (next < known.length && known[next]!.end <= span.start) merged.push(known[next++]!);
    if (next < known.length && known[next]!.start < span.end) continue;
    merged.push(span);
  }
  while (next < known.length) merged.push(known[next++]!);
  return merged;
}

/**
 * The text with every value that may be a secret masked. `known` are the ranges the rules
 * reported as credential values (campaign/credential-ranges.ts): masked exactly, before and over
 * anything the fallback below would guess around them.
 */
export function redact(text: string, known: readonly KnownValue[] = []): Redaction {
  const exact = resolve(
    known
      .filter(({ start, end }) => start >= 0 && end > start && end <= text.length)
      .map(({ start, end, mask }) => ({ start, end, replacement: mask ?? maskKnown(text.slice(start, end)), secrets: [text.slice(start, end)] })),
  );
  const spans = withKnown(exact, resolve(collectSpans(text)));
  let output = "";
  let cursor = 0;
  const shifts: MaskedSpan[] = [];
  for (const span of spans) {
    output += text.slice(cursor, span.start);
    const outputStart = output.length;
    output += span.replacement;
    shifts.push({ start: span.start, end: span.end, outputStart, outputEnd: output.length, secrets: span.secrets });
    cursor = span.end;
  }
  output += text.slice(cursor);
  return {
    text: output,
    secrets: shifts.flatMap((span) => span.secrets).filter((secret) => secret.trim() !== ""),
    spans: shifts,
    mapOffset(offset: number): number {
      // The last span starting at or before `offset`.
      let low = 0;
      let high = shifts.length - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (shifts[middle]!.start <= offset) {
          found = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      if (found < 0) return offset;
      const span = shifts[found]!;
      // Inside a span: the same distance into its replacement, at most its end.
      if (offset < span.end) return Math.min(span.outputStart + (offset - span.start), span.outputEnd);
      return offset + span.outputEnd - span.end;
    },
  };
}

/** The raw values masked between two offsets of the original text. */
export function secretsBetween(redaction: Redaction, start: number, end: number): string[] {
  return redaction.spans
    .filter((span) => span.start < end && span.end > start)
    .flatMap((span) => span.secrets)
    .filter((secret) => secret.trim() !== "");
}

/**
 * A message (or any text built from the scanned file) with known secret shapes masked, and every
 * raw value in `secrets` masked where it stands as a whole token. Rules already mask values with
 * `maskSecret`; this is the net under them. The values are searched as plain strings, never as a
 * regex built from them (a 32 K literal once made "Regular expression too large").
 */
const WORD_CHARACTER = /\w/;

/**
 * `text` with every occurrence of `secret` that is not part of a longer word (`\w` on neither side)
 * replaced by the mask, left to right. Searched with indexOf, never a regex built from the secret:
 * a 32 K value would be "Regular expression too large".
 */
function maskWholeOccurrences(text: string, secret: string): string {
  let output = "";
  let copied = 0;
  for (let at = text.indexOf(secret); at >= 0; ) {
    const end = at + secret.length;
    if (!WORD_CHARACTER.test(text[at - 1] ?? "") && !WORD_CHARACTER.test(text[end] ?? "")) {
      output += text.slice(copied, at) + MASK;
      copied = end;
      at = text.indexOf(secret, end);
    } else {
      at = text.indexOf(secret, at + 1);
    }
  }
  return copied === 0 ? text : output + text.slice(copied);
}

export function scrubText(message: string, secrets: readonly string[] = []): string {
  let output = message;
  for (const secret of [...new Set(secrets)].filter((value) => value.length >= 3).sort((a, b) => b.length - a.length)) {
    output = maskWholeOccurrences(output, secret);
  }
  for (const pattern of BARE_SECRET_PATTERNS) {
    output = output.replace(pattern, (value) => bareMask(value) ?? value);
  }
  return output.replace(LONG_RUN, (run) => (isKeyLike(run) ? MASK : run));
}
