/**
 * Secret shapes and masking (domain G). Pure string functions, shared by every language and by the
 * scanner's reports: nothing here knows about ESLint or an AST.
 *
 * Two questions are kept apart:
 * - the *shape* of a value (`secretShape`): what it looks like on its own, e.g. `p8e-…` is an
 *   Adobe client secret wherever it appears;
 * - the *slot* it is used in (`classifySecret(value, slot)`): a literal passed where a password
 *   goes is a password whatever it looks like, unless it is a placeholder (`isPlaceholder`).
 *
 * Placeholder decisions (documented in docs/rules/no-hardcoded-campaign-secret.md):
 * - not secrets: empty or blank values; mask runs (`***`, `xxx`, `XXXX`, `...`, `p8e-xxxxxxxx`);
 *   elided examples (up to six characters and an ellipsis: `ey...`, `eyJ…`);
 *   `<ClientSecret>`, `[secret]`; interpolations `${password}`, `{{token}}`, `{token}`, `$VAR`,
 *   `$(…)`, `%VAR%`, `<%= … %>`, `#{…}`; environment references written as text
 *   (`process.env.X`, `import.meta.env.X`, `env.X`); upper-case names built from placeholder
 *   words (`PASSWORD_HERE`, `SESSION_TOKEN`, `YOUR_CLIENT_SECRET`); explicit instructions
 *   (`changeme`, `your-password`, `replace-me`, `password-here`); `null` / `undefined` / `none`;
 *   a `login/password` pair whose password part is itself a placeholder (`mc/PASSWORD`,
 *   `${user}/${pw}`).
 * - secrets: any other literal in a secret slot, including weak or well-known defaults (`admin`,
 *   `password`, `mc/` with its empty password, `changeit`): they work against a real instance
 *   until someone changes them, which is what a hard-coded credential inventory is for.
 */

/** What a secret value is, by shape or by where it is used. */
export type SecretKind =
  /** A Campaign session token: `___` + a UUID. */
  | "session-token"
  /** A Campaign security token: starts with `@`. */
  | "security-token"
  /** A `login/password` pair used as a session token (`mc/`, `mc/PASSWORD`, `user/pass`). */
  | "login-password"
  /** An Adobe Developer Console client secret (`p8e-…`). */
  | "client-secret"
  /** A base64-encoded PEM private key (`LS0tLS1CRUdJTi…`, i.e. base64 of `-----BEGIN`). */
  | "private-key-base64"
  /** A raw PEM private key (`-----BEGIN … PRIVATE KEY-----`). */
  | "private-key-pem"
  /** A private key in some other encoding, given where a private key goes. */
  | "private-key"
  /** An IMS service token (starts with `==`; passed where the SDK expects a password or service token). */
  | "ims-service-token"
  /** An IMS access (bearer) token literal. */
  | "access-token"
  /** Any other literal where a password goes. */
  | "password";

/** Where a value is used; `any` means "nowhere in particular": only unmistakable shapes count. */
export type SecretSlot =
  | "any"
  | "password"
  | "login-password"
  | "session-token"
  | "security-token"
  | "ims-service-token"
  | "client-secret"
  | "private-key"
  | "access-token";

/** A short human label per kind, for messages and reports. */
export const SECRET_KIND_LABELS: Readonly<Record<SecretKind, string>> = {
  "session-token": "session token",
  "security-token": "security token",
  "login-password": "login/password session token",
  "client-secret": "client secret",
  "private-key-base64": "base64 private key",
  "private-key-pem": "PEM private key",
  "private-key": "private key",
  "ims-service-token": "IMS service token",
  "access-token": "access token",
  password: "password",
};

/** The fixed mask: the same whatever the secret's length, so masking does not reveal the length. */
export const MASK = "****";

// --- shapes ---------------------------------------------------------------------------------

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const SESSION_TOKEN_SHAPE = new RegExp(`^___${UUID}$`, "i");
// Adobe client secrets: `p8e-` then 8+ URL-safe characters (real ones are 32 long).
const CLIENT_SECRET_SHAPE = /^p8e-[A-Za-z0-9_-]{8,}$/;
// base64("-----BEGIN") = "LS0tLS1CRUdJTi"; the rest is the base64 alphabet (line breaks allowed).
const PRIVATE_KEY_BASE64_SHAPE = /^LS0tLS1CRUdJTi[A-Za-z0-9+/=\s\\n]*$/;
// The BEGIN line of a PEM private key (PKCS#8, RSA, EC, ENCRYPTED, OPENSSH…), and its body.
const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----/;
// Whitespace and escaped line breaks (`\\n` as written in a JS or JSON string) inside a key body.
const KEY_BODY_SPACING = /\\n|\s/g;
const PEM_BODY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----([\s\S]*?)(?:-----END|$)/;
// Without a slot, only a long base64 run after `@` is taken for a security token: short `@…`
// strings are npm scopes, XPath attributes (`@name`), decorators, e-mail fragments.
const SECURITY_TOKEN_SHAPE = /^@[A-Za-z0-9+/]{20,}={0,2}$/;
const IMS_SERVICE_TOKEN_SHAPE = /^==[A-Za-z0-9+/=_.-]{8,}$/;
// A Campaign operator login: the part of `login/password` that masking may keep.
const LOGIN = /^[A-Za-z0-9_.@\\-]{1,32}$/;
// A file path given where a key goes (`./private.key`, `/etc/keys/x.pem`): not the key itself.
const KEY_PATH = /^(?:\.{0,2}\/|~\/|[A-Za-z]:[\\/])[^\s]*$|^[^\s]+\.(?:key|pem|p8|p12|pfx)$/;

// --- placeholders ---------------------------------------------------------------------------

// Runs of masking characters: `***`, `xxx`, `XXXX`, `...`, `•••`, `---`, `###`, `???`.
const MASK_RUN = /^(?:[*xX.•#?_-]|\u2026)+$/;
// Interpolations of any template language, anywhere in the value. No alternative crosses another
// opener, so a value made of openers without closers (`{{{{…`, `<%<%…`) is searched in linear time
// (`[^}]*` scanned to the end from every `{{`: 80 KB took 10 s).
const INTERPOLATION = /\$\{[^{}]*\}|\{\{[^{}]*\}\}|<%(?:(?!<%)[\s\S])*?%>|#\{[^{}]*\}|\$\([^()]*\)/;
// Whole-value variable references: `$VAR`, `%VAR%`, `{name}`, `:name`, `@@NAME@@`, and positional
// template or script parameters `$1`, `%1` (SOAP templates filled by a script, batch arguments).
const VARIABLE_REFERENCE = /^(?:\$[A-Za-z_]\w*|%[A-Za-z_]\w*%|\{[A-Za-z_][\w.-]*\}|@@[A-Za-z_]\w*@@|[$%]\d+)$/;
// Bracketed descriptions: `<ClientSecret>`, `<IMS_Technical_Token_Token>`, `[your secret]`.
const BRACKETED = /^(?:<[^<>]+>|\[[^[\]]+\])$/;
// Environment lookups written as text (in docs, config values, generated code).
const ENV_REFERENCE = /^(?:process\.env|import\.meta\.env|env|os\.environ|System\.getenv)(?:\.[A-Za-z_]\w*|\[[^\]]+\]|\([^)]*\))$/;
// Upper-case names made of words, one of which says "I stand for a secret".
const UPPER_NAME = /^[A-Z][A-Z0-9]*(?:[_\- .][A-Z0-9]+)*$/;
const PLACEHOLDER_WORD =
  /(?:^|[_\- .])(?:PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|KEY|HERE|YOUR|MY|REPLACE|CHANGE|CHANGEME|PLACEHOLDER|TODO|TBD|FIXME|EXAMPLE|DUMMY|SAMPLE|FAKE|REDACTED|MASKED|HIDDEN|INSERT|ENTER|VALUE|CREDENTIALS?)(?=$|[_\- .])/;
// Lower- or mixed-case instructions: `your-password`, `password_here`, `replace-me`, `changeme`.
// An elided example: a few characters and an ellipsis (`ey...`, `eyJ…`, `abc12...`).
const ELIDED = /^[^\s.…]{1,6}(?:\.{3,}|\u2026)$/;
const INSTRUCTION =
  /^(?:(?:your|my|enter|insert|replace|put|add)[\s_-].+|.+[\s_-](?:here|goes-here)|change[\s_-]?me|replace[\s_-]?me|placeholder|redacted|todo|tbd|fixme|null|undefined|none|n\/a)$/i;

/**
 * Whether `value` stands for a secret without being one (see the module comment for the list).
 * Surrounding whitespace is ignored.
 */
export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  if (text === "") return true;
  if (MASK_RUN.test(text) || ELIDED.test(text)) return true;
  if (INTERPOLATION.test(text)) return true;
  if (VARIABLE_REFERENCE.test(text) || BRACKETED.test(text) || ENV_REFERENCE.test(text)) return true;
  if (UPPER_NAME.test(text) && PLACEHOLDER_WORD.test(text)) return true;
  if (INSTRUCTION.test(text)) return true;
  return false;
}

// Sample values typed by hand: keyboard runs, counting digits, sample words, and their mixes
// (`asdf1234`, `qwerty`, `test123`, `abc123!`, `foobar`, `example-secret`).
const EXAMPLE_PART = /^(?:asdf(?:gh(?:jkl?)?)?|qwerty?(?:uiop)?|zxcv(?:bn?m?)?|azerty|abc(?:def?)?|xyz|test(?:ing)?|demo|sample|example|dummy|fake|foo|bar|baz|foobar|secret|hello(?:world)?|sesame|opensesame)$/;
const EXAMPLE_DIGITS = /^(?:0?1234?5?6?7?8?9?0?|(\d)\1{2,}|9876?5?4?3?2?1?0?)$/;

/**
 * Whether a literal secret looks like a sample typed for an example rather than a real secret:
 * made only of keyboard runs (`asdf`, `qwerty`), counting digits (`1234`, `000`), sample words
 * (`test`, `demo`, `example`, `foo`), separators and a trailing `!`. Such values are still
 * reported (they may work against an instance) but graded below real-looking ones.
 */
export function isExampleSecret(value: string): boolean {
  const parts = value.trim().toLowerCase().replace(/!+$/, "").split(/[^a-z0-9]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/).filter((part) => part !== "");
  if (parts.length === 0) return false;
  return parts.every((part) => EXAMPLE_PART.test(part) || EXAMPLE_DIGITS.test(part));
}

// A value that names what it stands for: words (`ims_bearer_token`, `password`, `your-secret`),
// one of which is a placeholder word, in any case.
const NAMING_WORDS = /^[A-Za-z][A-Za-z0-9]*(?:[_\- .][A-Za-z0-9]+)*$/;
// An elision anywhere in the value: `@UyAN...`, `eyJhbGciOi…`.
const ELLIPSIS = /\.{3}|\u2026/;

/**
 * Whether a literal secret shown in a documentation code block (a Markdown fence, an HTML `<pre>`)
 * is an example value: it names the credential (`password`, `ims_bearer_token`, `secret`,
 * `your_token`), repeats the login it is shown with (`"admin", "admin"`, `mc/mc`), is a sample
 * typed by hand (`isExampleSecret`), or is elided (`@UyAN...`). Such values are placeholders there
 * (domain §G), so they are not reported; in code they are graded as `isExampleSecret` says.
 * `logins` are the other strings of the same call or pair (the login a password is shown with).
 */
export function isDocumentExampleSecret(value: string, logins: readonly string[] = []): boolean {
  const pair = splitLoginPassword(value);
  // Syntax summaries bracket optional parts: `-setdblogin:account[/password]@server`.
  const text = (pair?.password ?? value).trim().replace(/^[[\]()<>{}]+|[[\]()<>{}]+$/g, "");
  const companions = pair === undefined ? logins : [...logins, pair.login];
  if (text === "" || isExampleSecret(text) || ELLIPSIS.test(text)) return true;
  if (companions.some((login) => login.trim() !== "" && login.trim() === text)) return true;
  const upper = text.toUpperCase();
  return NAMING_WORDS.test(text) && (PLACEHOLDER_WORD.test(upper.replace(/[\s.-]/g, "_")) || INSTRUCTION.test(text));
}

/** Documents whose code blocks are shown, not run: Markdown and HTML pages. */
const DOCUMENT_FILE = /\.(?:md|markdown|mdx|html?)$/i;

/**
 * Whether a file linted by a rule is a code block of a document (a Markdown fence, an HTML `<pre>`
 * or `<code>`): a virtual file inside a `.md` / `.html` page. A page's `<script>` elements run, so
 * they are code (the HTML processor names them `<n>.script.<lang>`, ESLint `<i>_<n>.script.<lang>`).
 */
export function isDocumentSample(context: { readonly filename?: string; readonly physicalFilename?: string }): boolean {
  const { filename = "", physicalFilename = "" } = context;
  return filename !== physicalFilename && DOCUMENT_FILE.test(physicalFilename) && !/(?:^|[\\/])(?:\d+_)?\d+\.script\.\w+$/.test(filename);
}

/** A value made of a type marker and a body that is only mask characters: `p8e-xxxxxxxx`, `___****`. */
function isMaskedBody(body: string): boolean {
  return body === "" || MASK_RUN.test(body) || isPlaceholder(body);
}

/** The `login` and `password` of a `login/password` session token, or undefined. */
export function splitLoginPassword(value: string): { login: string; password: string } | undefined {
  const slash = value.indexOf("/");
  if (slash <= 0) return undefined;
  const login = value.slice(0, slash);
  if (!LOGIN.test(login) && !isPlaceholder(login)) return undefined;
  return { login, password: value.slice(slash + 1) };
}

/** Whether a text holds a PEM private key block (with a body that is not a placeholder). */
function isPemPrivateKey(text: string): boolean {
  const body = PEM_BODY.exec(text)?.[1];
  if (body === undefined) return false;
  // A body of a few characters (`...`, `<key>`) is an example, not a key.
  const compact = body.replace(KEY_BODY_SPACING, "");
  return compact.length >= 16 && !isPlaceholder(compact);
}

/**
 * The unmistakable shape of a value, whatever slot it is in: a session token (`___` + UUID), a
 * client secret (`p8e-…`), a base64 or raw PEM private key, a long `@…` security token or a long
 * `==…` IMS service token. Undefined for anything else (and for masked examples like `p8e-xxxx`).
 */
export function secretShape(value: string): SecretKind | undefined {
  const text = value.trim();
  if (SESSION_TOKEN_SHAPE.test(text)) return "session-token";
  if (CLIENT_SECRET_SHAPE.test(text)) return isMaskedBody(text.slice(4)) ? undefined : "client-secret";
  if (PRIVATE_KEY_BASE64_SHAPE.test(text) && text.length >= 32) return "private-key-base64";
  if (PEM_BEGIN.test(text)) return isPemPrivateKey(text) ? "private-key-pem" : undefined;
  if (SECURITY_TOKEN_SHAPE.test(text)) return "security-token";
  if (IMS_SERVICE_TOKEN_SHAPE.test(text)) return "ims-service-token";
  return undefined;
}

/**
 * What secret `value` is when used in `slot`, or undefined when it is not a secret (a placeholder,
 * an empty value, or, in the `any` slot, something without an unmistakable shape).
 */
export function classifySecret(value: string, slot: SecretSlot = "any"): SecretKind | undefined {
  const text = value.trim();
  if (isPlaceholder(text)) return undefined;
  const shape = secretShape(text);
  // Campaign stores keys and secrets encrypted as `@…` in its configuration: in a key or secret
  // slot that is what the value is, not a security token.
  if ((shape === "security-token" || shape === "ims-service-token") && (slot === "private-key" || slot === "client-secret")) return slot;
  if (shape !== undefined) return shape;
  // A shaped marker with a masked body (`p8e-xxxx`, `@****`, `==…`) is an example in any slot.
  for (const marker of ["p8e-", "___", "@", "=="]) {
    if (text.startsWith(marker) && isMaskedBody(text.slice(marker.length))) return undefined;
  }
  if (PEM_BEGIN.test(text)) return undefined;
  switch (slot) {
    case "any":
      return undefined;
    case "password":
      // The SDK sends a "password" that starts with `==` as an IMS service token.
      return text.startsWith("==") ? "ims-service-token" : "password";
    case "login-password":
    case "session-token": {
      if (text.startsWith("@")) return "security-token";
      const pair = splitLoginPassword(text);
      if (pair !== undefined) return isPlaceholder(pair.password) && pair.password !== "" ? undefined : "login-password";
      return slot === "login-password" ? "password" : "session-token";
    }
    case "security-token":
      return "security-token";
    case "ims-service-token":
      return "ims-service-token";
    case "client-secret":
      return "client-secret";
    case "private-key":
      return KEY_PATH.test(text) ? undefined : "private-key";
    case "access-token":
      return "access-token";
  }
}

/**
 * The value with its secret part replaced by the fixed mask `****`. Only a non-secret type marker
 * is kept, and only when the value really starts with it: `p8e-****`, `LS0t****`, `___****`,
 * `@****`, `==****`, `-----BEGIN RSA PRIVATE KEY-----****`, and for a `login/password` pair the
 * login (`mc/****`). Everything else is `****`. The output length never depends on the secret.
 */
export function maskSecret(value: string, kind: SecretKind): string {
  const text = value.trim();
  switch (kind) {
    case "client-secret":
      return text.startsWith("p8e-") ? `p8e-${MASK}` : MASK;
    case "private-key-base64":
      return text.startsWith("LS0t") ? `LS0t${MASK}` : MASK;
    case "private-key-pem": {
      const begin = PEM_BEGIN.exec(text);
      return begin === null ? MASK : `-----BEGIN ${begin[1] ?? ""}PRIVATE KEY-----${MASK}`;
    }
    case "session-token":
      return text.startsWith("___") ? `___${MASK}` : MASK;
    case "security-token":
      return text.startsWith("@") ? `@${MASK}` : MASK;
    case "ims-service-token":
      return text.startsWith("==") ? `==${MASK}` : MASK;
    case "login-password": {
      const pair = splitLoginPassword(text);
      return pair !== undefined && LOGIN.test(pair.login) ? `${pair.login}/${MASK}` : MASK;
    }
    case "private-key":
    case "access-token":
    case "password":
      return MASK;
  }
}

// --- environment variables and settings -------------------------------------------------------

// Words that make a setting Campaign's. `acc` (the SDK samples' prefix) and `mc` (Message Center)
// also abbreviate other things ("account"), so they count only as a name's first word;
// the product's names count anywhere (`PROD_CAMPAIGN_PASSWORD`).
const CAMPAIGN_PREFIX_WORDS: ReadonlySet<string> = new Set(["acc", "mc", "neolane", "campaign", "adobecampaign", "nlserver"]);
const CAMPAIGN_WORDS: ReadonlySet<string> = new Set(["campaign", "neolane", "adobecampaign"]);
// The secret a name's last words stand for (password, session token …). Access tokens are not in
// the list: an IMS access token is the migrated state's transport, not a legacy credential.
const CAMPAIGN_SECRET_SLOTS: ReadonlyArray<readonly [RegExp, SecretSlot]> = [
  [/(?:^|_)(?:password|passwd|pwd|pass)$/, "password"],
  [/(?:^|_)session_?token$/, "session-token"],
  [/(?:^|_)security_?token$/, "security-token"],
  [/(?:^|_)service_?token$/, "ims-service-token"],
  [/(?:^|_)client_?secrets?$/, "client-secret"],
  [/(?:^|_)private_?key$/, "private-key"],
];

/** The words of a name: split at `_`, `-`, `.`, `:`, `/`, blanks and camelCase humps; lower case. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/** The slot named by the end of `words` and how many words that took, or undefined. */
function trailingSlot(words: readonly string[]): { slot: SecretSlot; length: number } | undefined {
  const joined = words.join("_");
  for (const [pattern, slot] of CAMPAIGN_SECRET_SLOTS) {
    const match = pattern.exec(joined);
    if (match !== null) return { slot, length: match[0].replace(/^_/, "").split("_").length };
  }
  return undefined;
}

function isCampaignQualifier(words: readonly string[]): boolean {
  const rest = words[0] === "adobe" ? words.slice(1) : words;
  return (rest[0] !== undefined && CAMPAIGN_PREFIX_WORDS.has(rest[0])) || rest.some((word) => CAMPAIGN_WORDS.has(word));
}

/**
 * The secret slot a Campaign setting's name stands for, in any naming convention: `ACC_PASSWORD`,
 * `ACC_TECH_PASSWORD`, `MC_SESSIONTOKEN`, `NEOLANE_PWD`, `campaignPassword`, `campaign.password`,
 * `ADOBE_CAMPAIGN_CLIENT_SECRET` → the slot of its last words (password, session token, security
 * token, IMS service token, client secret, private key). The name must say it is Campaign's: its
 * first word is `acc`, `mc`, `neolane` or `campaign` (after an optional `adobe`), or a word is
 * `campaign` / `neolane`. A bare secret word (`password`) is Campaign's when a key above it says
 * so: `path` is the dotted path of keys down to the name (`campaign.api.password` in YAML).
 * Undefined for names that hold no secret (`ACC_URL`, `ACC_USER`, `ACC_PASSWORD_FILE`) and for other
 * products' settings (`DB_PASSWORD`, `MY_ACC_PASSWORD`, `spring.datasource.password`).
 */
export function envSecretSlot(name: string, path?: string): SecretSlot | undefined {
  const words = nameWords(name);
  const tail = trailingSlot(words);
  if (tail === undefined) return undefined;
  const qualifier = words.slice(0, words.length - tail.length);
  if (qualifier.length > 0) return isCampaignQualifier(qualifier) ? tail.slot : undefined;
  if (path === undefined) return undefined;
  // A bare secret word: the keys above it (nearest first, up to three) qualify it.
  const above = path.split(".").slice(0, -1).slice(-3).reverse();
  for (const key of above) if (isCampaignQualifier(nameWords(key))) return tail.slot;
  return undefined;
}

/**
 * Whether a value with expansions is built from variables at run time: it holds `${…}`, `$(…)`,
 * a backtick, `%NAME%`, or `$NAME` with an environment-style name (`$ACC_PASSWORD`, `$HOME`), or
 * is a whole `$name` / `$1`. A `$` that names no such variable (`Pa$$w0rd`, `S3cr$t!`) is part of
 * a literal: people write passwords with `$` in them.
 */
export function builtFromVariables(value: string): boolean {
  return /\$\{|\$\(|`|%[A-Za-z_]\w*%|\$[A-Z_][A-Z0-9_]*(?![a-z])/.test(value) || /^\s*\$(?:[A-Za-z_]\w*|\d+)\s*$/.test(value);
}

// `${NAME:-default}`, `${NAME-default}`, `${NAME:=default}`, `${NAME=default}` with a literal default.
const SHELL_DEFAULT = /\$\{([A-Za-z_]\w*)(:?[-=])([^{}$`]*)\}/g;

/**
 * The hard-coded defaults of shell parameter expansions in a text (`${ACC_PASSWORD:-s3cret}`):
 * a default is what runs whenever the variable is unset, so it is a literal credential. The slot
 * comes from the variable's name (`envSecretSlot`), or from `slot` (the setting that holds the
 * text) when the whole text is one expansion (`ACC_PASSWORD=${PW:-s3cret}`). Quotes around the
 * default are not part of it.
 */
export function findShellDefaults(text: string, slot?: SecretSlot): TextSecret[] {
  const found: TextSecret[] = [];
  for (const match of text.matchAll(SHELL_DEFAULT)) {
    const name = match[1] ?? "";
    const whole = match[0].length === text.trim().length;
    const secretSlot = envSecretSlot(name) ?? (whole ? slot : undefined);
    if (secretSlot === undefined) continue;
    let value = match[3] ?? "";
    let valueStart = match.index + 2 + name.length + (match[2] ?? "").length;
    const quoted = /^(["'])(.*)\1$/s.exec(value);
    if (quoted !== null) {
      value = quoted[2] ?? "";
      valueStart += 1;
    }
    if (value.trim() === "") continue;
    found.push({ slot: secretSlot, name: `\${${name}`, nameStart: match.index, nameEnd: match.index + 2 + name.length, valueStart, valueEnd: valueStart + value.length, value });
  }
  return found;
}

// Campaign's encrypted configuration values: `@` and base64 (what `nlserver config` writes).
const ENCRYPTED_CONFIG_VALUE = /^@[A-Za-z0-9+/]{8,}={0,2}$/;

/**
 * Whether an instance-configuration value is encrypted by Campaign (`@` + base64), as
 * `nlserver config -setimsoauth` writes `authIMSTAClientSecret`: the migrated state, readable
 * only with the instance's key, not a hard-coded secret.
 */
export function isEncryptedConfigValue(value: string): boolean {
  return ENCRYPTED_CONFIG_VALUE.test(value.trim());
}

// --- secrets inside text ----------------------------------------------------------------------

/** A secret value found inside a larger text, with `[start, end)` offsets into that text. */
export interface TextSecret {
  /** What the value is passed as. */
  slot: SecretSlot;
  /** The name that says so, as written: `strPassword`, `urn:password`, `client_secret`. */
  name: string;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  value: string;
}

// A SOAP `xtk:session#Logon` body: `<urn:Logon>` (any prefix) holds positional login/password
// parameters, the password as `strPassword` (Adobe's WSDL) or `password`.
const LOGON_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?Logon[\s/>]/;
// Attributes stop at `<` too, so a start tag without `>` in a hostile text is given up at the next tag.
const LOGON_PASSWORD_ELEMENT = /<((?:[A-Za-z_][\w.-]*:)?(?:strPassword|password))(?:\s[^<>]*?)?>([^<]*)<\/\1\s*>/gi;
// `client_secret=` in a form body or query (the IMS token and JWT exchange endpoints).
const CLIENT_SECRET_PARAM = /(?<![\w-])(client_secret)=([^&#\s"'`<>]*)/gi;

/**
 * The password parameters of a SOAP Logon body in a text (`<urn:strPassword>…</urn:strPassword>`),
 * only when the text holds a `<…:Logon>` element. Empty and placeholder values are returned too:
 * use `classifySecret(value, "password")` to decide.
 */
export function findLogonPasswordElements(text: string): TextSecret[] {
  if (!LOGON_ELEMENT.test(text)) return [];
  const found: TextSecret[] = [];
  for (const match of text.matchAll(LOGON_PASSWORD_ELEMENT)) {
    const name = match[1] ?? "";
    const value = match[2] ?? "";
    const valueStart = match.index + match[0].indexOf(">") + 1;
    found.push({ slot: "password", name, nameStart: match.index + 1, nameEnd: match.index + 1 + name.length, valueStart, valueEnd: valueStart + value.length, value });
  }
  return found;
}

/** Every `client_secret=VALUE` form or query parameter in a text. */
export function findClientSecretParams(text: string): TextSecret[] {
  const found: TextSecret[] = [];
  for (const match of text.matchAll(CLIENT_SECRET_PARAM)) {
    const name = match[1] ?? "";
    const value = match[2] ?? "";
    const valueStart = match.index + name.length + 1;
    found.push({ slot: "client-secret", name, nameStart: match.index, nameEnd: match.index + name.length, valueStart, valueEnd: valueStart + value.length, value });
  }
  return found;
}

/**
 * What marks Adobe IMS credential code: the JWT and OAuth libraries and the IMS host and
 * endpoints. Each marker is also a keyword of no-hardcoded-campaign-secret, so the rule's result
 * does not depend on the keyword gate.
 */
export const IMS_CREDENTIAL_MARKERS = [
  "jwt-auth",
  "aio-lib-ims",
  "aio-lib-core-auth",
  "adobelogin",
  "exchange/jwt",
  "exchange/v1/jwt",
  "ims/token",
] as const;
const IMS_CREDENTIAL_CONTEXT = new RegExp(IMS_CREDENTIAL_MARKERS.map((marker) => marker.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "i");

/**
 * Whether a text deals with Adobe IMS credentials: it names `@adobe/jwt-auth`,
 * `@adobe/aio-lib-ims` (and `-jwt`), `@adobe/aio-lib-core-auth`, the IMS host (`adobelogin.com`),
 * the JWT exchange (`/ims/exchange/jwt`, `/ims/exchange/v1/jwt`) or the token endpoint
 * (`/ims/token/v3`). There, `clientSecret` / `private_key` values are IMS credentials.
 */
export function hasImsCredentialContext(text: string): boolean {
  return IMS_CREDENTIAL_CONTEXT.test(text);
}

/** Object keys whose value is an IMS credential, with the slot it goes in. */
export const IMS_CREDENTIAL_KEYS: ReadonlyMap<string, SecretSlot> = new Map([
  ["clientSecret", "client-secret"],
  ["client_secret", "client-secret"],
  ["client_secrets", "client-secret"],
  ["privateKey", "private-key"],
  ["private_key", "private-key"],
]);

// --- secrets named by a variable ------------------------------------------------------------

// The end of a normalised name (letters and digits only, lower case) and the slot it names.
const NAME_SLOTS: ReadonlyArray<readonly [RegExp, SecretSlot]> = [
  [/sessiontoken$/, "session-token"],
  [/securitytoken$/, "security-token"],
  [/(?:password|passwd|pwd)$/, "password"],
  [/clientsecrets?$/, "client-secret"],
  [/privatekey$/, "private-key"],
  [/servicetoken$/, "ims-service-token"],
  [/(?:accesstoken|bearertoken|imstoken)$/, "access-token"],
];
const NAME_NOISE = /[^a-z0-9]/g;

/**
 * The secret slot a variable or field name stands for, by how it ends: `sessionToken`,
 * `ACC_SESSION_TOKEN` → `session-token`; `password`, `dbPwd` → `password`; `client_secret` →
 * `client-secret`; `privateKey` → `private-key`; `accessToken`, `imsToken` → `access-token`.
 * Undefined for any other name (`login`, `host`, `token`).
 */
export function secretSlotOfName(name: string): SecretSlot | undefined {
  const normalised = name.toLowerCase().replace(NAME_NOISE, "");
  for (const [pattern, slot] of NAME_SLOTS) if (pattern.test(normalised)) return slot;
  return undefined;
}

// --- nlserver command-line secrets (domain D) -----------------------------------------------

// The options of `nlserver config` whose argument holds a secret. The name must not continue a
// longer one (`-setimsoauthx`).
const NLSERVER_SECRET_OPTION = /(?<![\w-])-(setimsjwtauth|setimsoauth|internalpassword|trackingpassword|setdblogin)(?![\w-])(:{1,2})/gi;
const ARGUMENT_END = /\s/;
const SURROUNDING_QUOTES = /^["']+|["']+$/g;
const LEADING_QUOTES = /^["']+/;

/**
 * The top-level `/` positions of an nlserver option argument starting at `from`, at most `limit`,
 * and where the argument ends: at whitespace outside quotes, `$( … )`, `${ … }` and backticks
 * (`$(base64 -w0 /path/to/private.key)` is one part).
 */
function scanOptionArgument(text: string, from: number, limit: number): { end: number; slashes: number[] } {
  const slashes: number[] = [];
  let depth = 0;
  let backtick = false;
  let quote: string | null = null;
  let index = from;
  for (; index < text.length; index++) {
    const char = text[index]!;
    if (quote !== null) {
      if (char === quote) quote = null;
      else if (char === "/" && depth === 0 && !backtick && slashes.length < limit) slashes.push(index);
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === "`") backtick = !backtick;
    else if (char === "$" && (text[index + 1] === "(" || text[index + 1] === "{")) {
      depth++;
      index++;
    } else if (depth > 0 && (char === "(" || char === "{")) depth++;
    else if (depth > 0 && (char === ")" || char === "}")) depth--;
    else if (depth === 0 && !backtick && ARGUMENT_END.test(char)) break;
    else if (char === "/" && depth === 0 && !backtick && slashes.length < limit) slashes.push(index);
  }
  return { end: index, slashes };
}

/** The parts of an argument between `start`, the slashes and `end`. */
function argumentParts(start: number, slashes: readonly number[], end: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let from = start;
  for (const slash of slashes) {
    parts.push({ start: from, end: slash });
    from = slash + 1;
  }
  parts.push({ start: from, end });
  return parts;
}

/**
 * The secrets in `nlserver config` options of a command-line text (a shell word, or a command
 * written inside a string), with offsets into the text:
 * - `-setimsjwtauth:{1,2}Org/Client/TechAccount/Secret/Base64Key`: the client secret (4th part)
 *   and the private key (5th part, which may itself contain `/`);
 * - `-setimsoauth:Org/Client/TechAccount/Secret`: the client secret;
 * - `-internalpassword:password/newpassword`, `-trackingpassword:password/newpassword`: both
 *   passwords (a bare `-internalpassword` prompts for them and holds none);
 * - `-setdblogin:[dbms:]account[:database]/password@server`: the database password.
 * Placeholders (`$(base64 …)`, `${IMS_SECRET}`, `<ClientSecret>`) are returned too: use
 * `classifySecret(value, slot)` to decide.
 */
export function findNlserverSecrets(text: string): TextSecret[] {
  const found: TextSecret[] = [];
  const push = (name: string, slot: SecretSlot, nameStart: number, nameEnd: number, part: { start: number; end: number }): void => {
    const raw = text.slice(part.start, part.end);
    const lead = raw.length - raw.replace(LEADING_QUOTES, "").length;
    const value = raw.replace(SURROUNDING_QUOTES, "");
    if (value === "") return;
    found.push({ slot, name, nameStart, nameEnd, valueStart: part.start + lead, valueEnd: part.start + lead + value.length, value });
  };
  NLSERVER_SECRET_OPTION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NLSERVER_SECRET_OPTION.exec(text)) !== null) {
    const option = match[1]!.toLowerCase();
    const nameStart = match.index;
    const nameEnd = nameStart + 1 + match[1]!.length;
    const argumentStart = match.index + match[0].length;
    const name = `-${match[1]!}`;
    let argumentEnd = argumentStart;
    switch (option) {
      case "setimsjwtauth": {
        const { end, slashes } = scanOptionArgument(text, argumentStart, 4);
        argumentEnd = end;
        const parts = argumentParts(argumentStart, slashes, end);
        if (parts[3] !== undefined) push(name, "client-secret", nameStart, nameEnd, parts[3]);
        if (parts[4] !== undefined) push(name, "private-key", nameStart, nameEnd, parts[4]);
        break;
      }
      case "setimsoauth": {
        const { end, slashes } = scanOptionArgument(text, argumentStart, 3);
        argumentEnd = end;
        const parts = argumentParts(argumentStart, slashes, end);
        if (parts[3] !== undefined) push(name, "client-secret", nameStart, nameEnd, parts[3]);
        break;
      }
      case "internalpassword":
      case "trackingpassword": {
        const { end, slashes } = scanOptionArgument(text, argumentStart, 1);
        argumentEnd = end;
        for (const part of argumentParts(argumentStart, slashes, end)) push(name, "password", nameStart, nameEnd, part);
        break;
      }
      default: {
        // `-setdblogin:`: the password runs from the first `/` to the last `@` (the server follows it).
        const { end, slashes } = scanOptionArgument(text, argumentStart, 1);
        argumentEnd = end;
        const slash = slashes[0];
        if (slash === undefined) break;
        const at = text.lastIndexOf("@", end - 1);
        if (at > slash) push(name, "password", nameStart, nameEnd, { start: slash + 1, end: at });
      }
    }
    // Go on after the argument: a hostile text repeating options inside one argument is read once.
    NLSERVER_SECRET_OPTION.lastIndex = Math.max(NLSERVER_SECRET_OPTION.lastIndex, argumentEnd);
  }
  return found;
}
