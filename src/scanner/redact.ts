/**
 * Masking of source text before any of it leaves the scanner (evidence, code frames, fingerprint
 * input). The rule is "mask unless known safe": every literal value is masked unless it is a
 * placeholder, a URL (whose credentials and query values are masked), a boolean, a SOAP method or
 * namespace name, a module name in an import, or the value of a key known to hold no secret.
 * Values with an unmistakable secret shape are masked with `maskSecret` (`p8e-****`, `mc/****`),
 * everything else with the fixed `****`, so no output reveals a secret's length.
 */
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
// curl credentials: `-u user:password`, `--user user:password`.
const CURL_USER = /(?<![\w-])(?:-u|--user)[ \t]+([^\s:"']+):([^\s"']+)/g;
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
  if (SAFE_VALUE.test(trimmed)) return keep;
  // A `login/password` session token keeps its login: `mc/****`.
  if (classifySecret(value, "login-password") === "login-password" && splitLoginPassword(value) !== undefined) {
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
const isStructured = (value: string): boolean => /<[\w:!?/]/.test(value) || /\w=[^=]/.test(value) || /[{[]\s*["']?\w+["']?\s*:/.test(value);

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
    if (!isKeyLike(match[0])) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, replacement: MASK, secrets: [match[0]] });
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
    if (isPlaceholder(password)) continue;
    const start = match.index + match[0].length - password.length;
    spans.push({ start, end: start + password.length, replacement: MASK, secrets: [password] });
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

/** The text with every value that may be a secret masked. */
export function redact(text: string): Redaction {
  const spans = resolve(collectSpans(text));
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
 * `maskSecret`; this is the net under them.
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
