import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RULE_KEYWORDS, findKeywords } from "../../src/campaign/keywords.js";
import {
  MASK,
  SECRET_KIND_LABELS,
  IMS_CREDENTIAL_KEYS,
  IMS_CREDENTIAL_MARKERS,
  classifySecret,
  builtFromVariables,
  envSecretSlot,
  findClientSecretParams,
  findShellDefaults,
  isEncryptedConfigValue,
  isExampleSecret,
  findLogonPasswordElements,
  findNlserverSecrets,
  hasImsCredentialContext,
  isPlaceholder,
  maskSecret,
  secretShape,
  secretSlotOfName,
  splitLoginPassword,
  type SecretKind,
  type SecretSlot,
} from "../../src/campaign/secrets.js";
import { propertyOptions } from "../support/properties.js";
import { cpuTime } from "../support/cpu-time.js";

const SESSION_TOKEN = "___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90";
const CLIENT_SECRET = "p8e-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkL";
const BASE64_KEY = "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcwQkFRRUZBQVND";
const PEM_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n-----END RSA PRIVATE KEY-----";
const SECURITY_TOKEN = "@Hk3vQz9XpL2mN8rTa7Bc4De5Fg6Hi";
const SERVICE_TOKEN = "==AbCdEf0123456789xyz";

describe("isPlaceholder", () => {
  it.each([
    "",
    "   ",
    "***",
    "****",
    "xxx",
    "XXXXXXXX",
    "...",
    "\u2026",
    "PASSWORD_HERE",
    "SESSION_TOKEN",
    "YOUR_CLIENT_SECRET",
    "CLIENT-SECRET",
    "MY_PASSWORD",
    "PASSWORD",
    "<ClientSecret>",
    "<IMS_Technical_Token_Token>",
    "[your secret]",
    "${password}",
    "${ACC_PASSWORD}",
    "prefix-${secret}-suffix",
    "{{token}}",
    "{{ secrets.ACC_PASSWORD }}",
    "{token}",
    "$VAR",
    "$ACC_PASSWORD",
    "$(cat /run/secrets/acc)",
    "%ACC_PASSWORD%",
    "<%= password %>",
    "#{password}",
    "@@PASSWORD@@",
    // Positional parameters of SOAP templates and batch scripts.
    "$1",
    "%2",
    "process.env.ACC_PASSWORD",
    "process.env['ACC_PASSWORD']",
    "import.meta.env.VITE_TOKEN",
    "env.ACC_PWD",
    "os.environ['ACC_PWD']",
    "changeme",
    "change-me",
    "replace_me",
    "your-password",
    "your client secret",
    "password_here",
    "secret-goes-here",
    "placeholder",
    "REDACTED",
    "null",
    "undefined",
    // Elided examples: a few characters and an ellipsis.
    "ey...",
    "ey1...",
    "eyJ\u2026",
    "abc123....",
  ])("%j is a placeholder", (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each([
    "admin",
    "ADMIN",
    "password",
    "secret",
    "changeit",
    "Adm1n-Campaign!",
    "Pa$$w0rd",
    "SECRET123",
    "mc/",
    "mc/mc",
    SESSION_TOKEN,
    CLIENT_SECRET,
    SECURITY_TOKEN,
    "50%off%",
    // More than six characters before the dots, or dots inside: not an elided example.
    "Adm1nPass...",
    "a...b",
    "ey. ..",
  ])("%j is not a placeholder", (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });
});

describe("secretShape", () => {
  it.each<[string, SecretKind]>([
    [SESSION_TOKEN, "session-token"],
    [SESSION_TOKEN.toUpperCase(), "session-token"],
    [CLIENT_SECRET, "client-secret"],
    ["p8e-abcdefgh", "client-secret"],
    [BASE64_KEY, "private-key-base64"],
    [PEM_KEY, "private-key-pem"],
    ["-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----", "private-key-pem"],
    ["-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkq", "private-key-pem"],
    [SECURITY_TOKEN, "security-token"],
    [SERVICE_TOKEN, "ims-service-token"],
    [`  ${CLIENT_SECRET}  `, "client-secret"],
  ])("%j is a %s", (value, kind) => {
    expect(secretShape(value)).toBe(kind);
  });

  it.each([
    "",
    "admin",
    "mc/mc",
    "___",
    "___not-a-uuid",
    "p8e-",
    "p8e-short",
    "p8e-xxxxxxxxxxxx",
    "p8e-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
    "LS0t",
    "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
    "-----BEGIN PRIVATE KEY-----<your key>-----END PRIVATE KEY-----",
    "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----",
    "@adobe/acc-js-sdk",
    "@name",
    "@Hk3vQz9XpL2mN8rT",
    "==",
    "a == b",
  ])("%j has no secret shape", (value) => {
    expect(secretShape(value)).toBeUndefined();
  });
});

describe("classifySecret", () => {
  it.each<[string, SecretSlot, SecretKind | undefined]>([
    // Unmistakable shapes win over the slot.
    [CLIENT_SECRET, "any", "client-secret"],
    [CLIENT_SECRET, "password", "client-secret"],
    [SESSION_TOKEN, "session-token", "session-token"],
    [SESSION_TOKEN, "any", "session-token"],
    [BASE64_KEY, "private-key", "private-key-base64"],
    [PEM_KEY, "any", "private-key-pem"],
    // Passwords.
    ["Adm1n-Campaign!", "password", "password"],
    ["admin", "password", "password"],
    ["password", "password", "password"],
    ["changeit", "password", "password"],
    ["==serviceToken", "password", "ims-service-token"],
    ["PASSWORD_HERE", "password", undefined],
    ["${password}", "password", undefined],
    ["process.env.ACC_PASSWORD", "password", undefined],
    ["", "password", undefined],
    ["***", "password", undefined],
    ["Adm1n-Campaign!", "any", undefined],
    // Session tokens.
    ["mc/mc", "session-token", "login-password"],
    ["mc/", "session-token", "login-password"],
    ["svc_orders/Orders-2024-Secret", "session-token", "login-password"],
    ["mc/PASSWORD", "session-token", undefined],
    ["mc/${password}", "session-token", undefined],
    ["${user}/${password}", "session-token", undefined],
    ["SESSION_TOKEN", "session-token", undefined],
    ["{{token}}", "session-token", undefined],
    ["opaque-session-value", "session-token", "session-token"],
    ["@Hk3vQz9XpL2mN8rT", "session-token", "security-token"],
    ["mc/mc", "any", undefined],
    ["admin/admin", "login-password", "login-password"],
    ["admin", "login-password", "password"],
    // Security tokens.
    ["@Hk3vQz9XpL2mN8rT", "security-token", "security-token"],
    ["@****", "security-token", undefined],
    ["", "security-token", undefined],
    // Client secrets and keys.
    ["p8e-xxxxxxxxxxxxxxxx", "client-secret", undefined],
    ["<ClientSecret>", "client-secret", undefined],
    ["not-an-adobe-shape", "client-secret", "client-secret"],
    ["./private.key", "private-key", undefined],
    ["/etc/campaign/private.pem", "private-key", undefined],
    ["keys/private.key", "private-key", undefined],
    ["C:\\keys\\private.key", "private-key", undefined],
    ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "private-key", "private-key"],
    ["-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----", "private-key", undefined],
    // Service and access tokens.
    ["serviceToken", "ims-service-token", "ims-service-token"],
    ["eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "access-token", "access-token"],
    ["<IMS_Technical_Token_Token>", "access-token", undefined],
    // Campaign stores keys and secrets encrypted as `@…`: in those slots they are what the slot says.
    ["@aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "private-key", "private-key"],
    ["@aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "client-secret", "client-secret"],
    ["@aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "session-token", "security-token"],
    ["$2", "password", undefined],
  ])("%j in a %s slot is %s", (value, slot, kind) => {
    expect(classifySecret(value, slot)).toBe(kind);
  });
});

describe("splitLoginPassword", () => {
  it("splits at the first slash so a password with slashes stays whole", () => {
    expect(splitLoginPassword("admin/pa/ss")).toEqual({ login: "admin", password: "pa/ss" });
    expect(splitLoginPassword("mc/")).toEqual({ login: "mc", password: "" });
  });

  it("rejects values that do not start with a login", () => {
    expect(splitLoginPassword("/admin")).toBeUndefined();
    expect(splitLoginPassword("admin")).toBeUndefined();
    expect(splitLoginPassword("a b/c")).toBeUndefined();
  });
});

describe("maskSecret", () => {
  it.each<[string, SecretKind, string]>([
    [CLIENT_SECRET, "client-secret", "p8e-****"],
    [BASE64_KEY, "private-key-base64", "LS0t****"],
    [PEM_KEY, "private-key-pem", "-----BEGIN RSA PRIVATE KEY-----****"],
    [SESSION_TOKEN, "session-token", "___****"],
    [SECURITY_TOKEN, "security-token", "@****"],
    [SERVICE_TOKEN, "ims-service-token", "==****"],
    ["mc/mc", "login-password", "mc/****"],
    ["svc_orders/Orders-2024-Secret", "login-password", "svc_orders/****"],
    ["mc/", "login-password", "mc/****"],
    ["Adm1n-Campaign!", "password", "****"],
    ["eyJhbGciOiJSUzI1NiJ9", "access-token", "****"],
    ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "private-key", "****"],
    // A kind whose marker the value lacks keeps nothing.
    ["opaque-session-value", "session-token", "****"],
    ["not-an-adobe-shape", "client-secret", "****"],
    ["Hk3vQz9XpL2mN8rT", "security-token", "****"],
    ["no-slash-here", "login-password", "****"],
  ])("masks %j (%s) as %j", (value, kind, masked) => {
    expect(maskSecret(value, kind)).toBe(masked);
  });

  it("has a label for every kind", () => {
    for (const label of Object.values(SECRET_KIND_LABELS)) expect(label).not.toBe("");
  });
});

// Property tests: whatever the secret, the masked text never contains its secret part and its
// length does not depend on the secret's length.
describe("maskSecret properties", () => {
  const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  const chars = (alphabet: string, minLength: number, maxLength = 64) =>
    fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
  const hex = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });

  // Each generator yields [value, kind, secret part, kept marker].
  const cases: fc.Arbitrary<[string, SecretKind, string, string]> = fc.oneof(
    chars(URL_SAFE, 8).map((body) => [`p8e-${body}`, "client-secret", body, "p8e-"] as [string, SecretKind, string, string]),
    chars(BASE64, 8).map((body) => [`LS0tLS1CRUdJTi${body}`, "private-key-base64", `LS1CRUdJTi${body}`, "LS0t"] as [string, SecretKind, string, string]),
    fc
      .tuple(hex(8), hex(4), hex(4), hex(4), hex(12))
      .map((parts) => {
        const uuid = parts.join("-");
        return [`___${uuid}`, "session-token", uuid, "___"] as [string, SecretKind, string, string];
      }),
    chars(BASE64, 4).map((body) => [`@${body}`, "security-token", body, "@"] as [string, SecretKind, string, string]),
    chars(BASE64, 4).map((body) => [`==${body}`, "ims-service-token", body, "=="] as [string, SecretKind, string, string]),
    chars(BASE64, 16, 200).map((body) => [
      `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`,
      "private-key-pem",
      body,
      "-----BEGIN PRIVATE KEY-----",
    ] as [string, SecretKind, string, string]),
    fc
      .tuple(fc.constantFrom("mc", "admin", "svc_orders", "webapp"), fc.string({ minLength: 4 }).filter((p) => !p.includes("*")))
      .map(([login, password]) => [`${login}/${password}`, "login-password", password, `${login}/`] as [string, SecretKind, string, string]),
    fc
      .string({ minLength: 4 })
      .filter((p) => !p.includes("*") && p.trim() === p)
      .map((password) => [password, "password", password, ""] as [string, SecretKind, string, string]),
  );

  it("never contains the secret part and keeps only the marker plus the fixed mask", () => {
    fc.assert(
      fc.property(cases, ([value, kind, secret, marker]) => {
        const masked = maskSecret(value, kind);
        expect(masked.includes(secret)).toBe(false);
        expect(masked).toBe(`${marker}${MASK}`);
      }),
      propertyOptions(500),
    );
  });

  it("never reveals more than four characters of any value under any kind", () => {
    const kinds = Object.keys(SECRET_KIND_LABELS) as SecretKind[];
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom(...kinds), (value, kind) => {
        const masked = maskSecret(value, kind);
        // Whatever is kept is a fixed marker, a login (`login/`), or nothing: never a suffix of the value.
        const kept = masked.slice(0, masked.length - MASK.length);
        expect(masked.endsWith(MASK)).toBe(true);
        const trimmed = value.trim();
        if (kept !== "" && kind !== "private-key-pem" && kind !== "login-password") {
          expect(trimmed.startsWith(kept)).toBe(true);
          expect(kept.length).toBeLessThanOrEqual(4);
        }
        if (kind === "login-password" && kept !== "") {
          expect(/^[A-Za-z0-9_.@\\-]{1,32}\/$/.test(kept)).toBe(true);
          expect(trimmed.startsWith(kept)).toBe(true);
        }
      }),
      propertyOptions(1000),
    );
  });

  it("gives the same output for secrets of different lengths", () => {
    fc.assert(
      fc.property(chars(URL_SAFE, 8, 20), chars(URL_SAFE, 21, 80), (short, long) => {
        expect(maskSecret(`p8e-${short}`, "client-secret")).toBe(maskSecret(`p8e-${long}`, "client-secret"));
        expect(maskSecret(short, "password")).toBe(maskSecret(long, "password"));
      }),
      propertyOptions(100),
    );
  });

  it("classifies generated Adobe client secrets and session tokens by shape", () => {
    fc.assert(
      fc.property(chars(URL_SAFE, 8).filter((body) => !/^[xX_-]+$/.test(body)), (body) => {
        expect(classifySecret(`p8e-${body}`)).toBe("client-secret");
      }),
      propertyOptions(100),
    );
  });
});

describe("envSecretSlot", () => {
  it.each<[string, SecretSlot | undefined]>([
    ["ACC_PASSWORD", "password"],
    ["ACC_PWD", "password"],
    ["acc_password", "password"],
    ["ACC_SESSIONTOKEN", "session-token"],
    ["ACC_SESSION_TOKEN", "session-token"],
    ["ACC_SECURITYTOKEN", "security-token"],
    ["ACC_CLIENT_SECRET", "client-secret"],
    ["ACC_PRIVATE_KEY", "private-key"],
    ["ACC_SERVICE_TOKEN", "ims-service-token"],
    ["ACC_URL", undefined],
    ["ACC_USER", undefined],
    ["DB_PASSWORD", undefined],
    ["MY_ACC_PASSWORD", undefined],
    // Any naming convention: the first word (or the product's name anywhere) says Campaign.
    ["ACC_TECH_PASSWORD", "password"],
    ["ACC_PASS", "password"],
    ["MC_SESSIONTOKEN", "session-token"],
    ["NEOLANE_PWD", "password"],
    ["campaignPassword", "password"],
    ["campaign.password", "password"],
    ["ADOBE_CAMPAIGN_CLIENT_SECRET", "client-secret"],
    ["PROD_CAMPAIGN_SESSION_TOKEN", "session-token"],
    ["ACC_IMS_SERVICE_TOKEN", "ims-service-token"],
    ["ACC_PASSWORD_FILE", undefined],
    ["ACC_ACCESS_TOKEN", undefined],
    ["compass", undefined],
    ["password", undefined],
  ])("%s → %s", (name, slot) => {
    expect(envSecretSlot(name)).toBe(slot);
  });

  it.each<[string, string, SecretSlot | undefined]>([
    ["password", "campaign.password", "password"],
    ["password", "campaign.api.password", "password"],
    ["sessionToken", "neolane.auth.sessionToken", "session-token"],
    ["password", "spring.datasource.password", undefined],
    ["password", "database.password", undefined],
    // A qualified name decides by itself: `DB_PASSWORD` under `campaign:` is the database's.
    ["DB_PASSWORD", "campaign.env.DB_PASSWORD", undefined],
    ["ACC_PASSWORD", "jobs.deploy.env.ACC_PASSWORD", "password"],
  ])("%s at %s → %s", (name, path, slot) => {
    expect(envSecretSlot(name, path)).toBe(slot);
  });
});

describe("builtFromVariables", () => {
  it.each<[string, boolean]>([
    ["Pa$$w0rd", false],
    ["S3cr$t!", false],
    ["pre-$SUFFIX", true],
    ["${ACC_PASSWORD}", true],
    ["$(cat /run/secrets/pw)", true],
    ["`cat pw`", true],
    ["%ACC_PASSWORD%", true],
    ["$password", true],
    ["$1", true],
  ])("%s → %s", (value, built) => {
    expect(builtFromVariables(value)).toBe(built);
  });
});

describe("findShellDefaults", () => {
  it("returns the literal default of a secret-named expansion, with exact offsets", () => {
    const text = 'curl -u "svc:${ACC_PASSWORD:-Qu1et-Harbor}" ${ACC_URL:-https://acc}';
    const [found, ...rest] = findShellDefaults(text);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ slot: "password", name: "${ACC_PASSWORD", value: "Qu1et-Harbor" });
    expect(text.slice(found!.valueStart, found!.valueEnd)).toBe("Qu1et-Harbor");
  });
  it("takes the slot of the setting when the whole value is one expansion, strips quotes, skips references", () => {
    expect(findShellDefaults("${PW:='Night-Owl'}", "password").map((f) => [f.slot, f.value])).toEqual([["password", "Night-Owl"]]);
    expect(findShellDefaults("x${PW:-Night-Owl}", "password")).toEqual([]);
    expect(findShellDefaults("${ACC_PASSWORD:-$FALLBACK}")).toEqual([]);
    expect(findShellDefaults("${ACC_PASSWORD:-}")).toEqual([]);
    expect(findShellDefaults("${DB_PASSWORD:-local}")).toEqual([]);
  });
});

describe("isEncryptedConfigValue", () => {
  it("is what nlserver config writes (@ + base64), not a p8e- secret or a short @name", () => {
    expect(isEncryptedConfigValue("@Qm9ndXNFbmNyeXB0ZWRWYWx1ZQ==")).toBe(true);
    expect(isEncryptedConfigValue("p8e-Q1w2E3r4T5y6U7i8O9p0")).toBe(false);
    expect(isEncryptedConfigValue("@name")).toBe(false);
  });
});

describe("isExampleSecret", () => {
  it.each<[string, boolean]>([
    ["asdf1234", true],
    ["qwerty", true],
    ["test123", true],
    ["abc123!", true],
    ["example-secret", true],
    ["123456", true],
    ["Zq7-Adm1n!Pw", false],
    ["Orders-2024-Secret", false],
    ["admin", false],
    ["changeit", false],
    ["s3cret", false],
  ])("%s → %s", (value, example) => {
    expect(isExampleSecret(value)).toBe(example);
  });
});

describe("findLogonPasswordElements", () => {
  const logon = (password: string, tag = "urn:strPassword") =>
    `<urn:Logon><urn:sessiontoken/><urn:strLogin>admin</urn:strLogin><${tag}>${password}</${tag}><urn:elemParameters/></urn:Logon>`;

  it("finds the password parameter of a Logon body with exact offsets", () => {
    const text = logon("Adm1n!");
    const [found, ...rest] = findLogonPasswordElements(text);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ slot: "password", name: "urn:strPassword", value: "Adm1n!" });
    expect(text.slice(found!.valueStart, found!.valueEnd)).toBe("Adm1n!");
    expect(text.slice(found!.nameStart, found!.nameEnd)).toBe("urn:strPassword");
  });

  it("accepts the element spellings seen in clients", () => {
    expect(findLogonPasswordElements(logon("x", "password")).map((found) => found.name)).toEqual(["password"]);
    expect(findLogonPasswordElements(logon("x", "ns1:password")).map((found) => found.name)).toEqual(["ns1:password"]);
    expect(findLogonPasswordElements(logon("", "strPassword")).map((found) => found.value)).toEqual([""]);
  });

  it("ignores password elements outside a Logon body", () => {
    expect(findLogonPasswordElements("<user><password>x</password></user>")).toEqual([]);
    expect(findLogonPasswordElements("<urn:BearerTokenLogon><urn:password>x</urn:password></urn:BearerTokenLogon>")).toEqual([]);
  });
});

describe("findClientSecretParams", () => {
  it("finds client_secret in a form body with exact offsets", () => {
    const text = "grant_type=client_credentials&client_id=abc&client_secret=p8e-Q1w2E3r4T5y6&scope=openid";
    const [found] = findClientSecretParams(text);
    expect(found).toMatchObject({ slot: "client-secret", name: "client_secret", value: "p8e-Q1w2E3r4T5y6" });
    expect(text.slice(found!.valueStart, found!.valueEnd)).toBe("p8e-Q1w2E3r4T5y6");
  });

  it("returns empty values (appended later) and ignores other names", () => {
    expect(findClientSecretParams("client_secret=").map((found) => found.value)).toEqual([""]);
    expect(findClientSecretParams("my_client_secret=x&client_secrets=y")).toEqual([]);
  });
});

describe("hasImsCredentialContext", () => {
  it.each([
    'import auth from "@adobe/jwt-auth";',
    'require("@adobe/aio-lib-ims")',
    'import { generateAccessToken } from "@adobe/aio-lib-core-auth";',
    "https://ims-na1.adobelogin.com/ims/token/v3",
    "${IMS}/ims/exchange/jwt",
    "${IMS}/ims/exchange/v1/jwt",
    "${IMS}/ims/token/v2",
  ])("%j is IMS credential context", (text) => {
    expect(hasImsCredentialContext(text)).toBe(true);
  });

  // no-hardcoded-campaign-secret reports client secrets on this context alone: every text that
  // counts as IMS context must also pass the rule's keyword gate, or gate on/off would differ.
  it.each([...IMS_CREDENTIAL_MARKERS, "IMS/TOKEN"])("%j implies a keyword of no-hardcoded-campaign-secret", (marker) => {
    expect(hasImsCredentialContext(marker)).toBe(true);
    const found = findKeywords(marker);
    expect(RULE_KEYWORDS["no-hardcoded-campaign-secret"].some((keyword) => found.has(keyword.toLowerCase()))).toBe(true);
  });

  it.each(['import { google } from "googleapis";', "jwt.sign(payload, key)", ""])("%j is not", (text) => {
    expect(hasImsCredentialContext(text)).toBe(false);
  });

  it("maps credential keys to slots, and nothing else", () => {
    expect(IMS_CREDENTIAL_KEYS.get("clientSecret")).toBe("client-secret");
    expect(IMS_CREDENTIAL_KEYS.get("private_key")).toBe("private-key");
    expect(IMS_CREDENTIAL_KEYS.get("constructor")).toBeUndefined();
    expect(IMS_CREDENTIAL_KEYS.get("clientId")).toBeUndefined();
  });
});

describe("secretSlotOfName", () => {
  it.each<[string, SecretSlot | undefined]>([
    ["sessionToken", "session-token"],
    ["ACC_SESSION_TOKEN", "session-token"],
    ["__sessiontoken", "session-token"],
    ["securityToken", "security-token"],
    ["password", "password"],
    ["dbPwd", "password"],
    ["acc-passwd", "password"],
    ["client_secret", "client-secret"],
    ["clientSecrets", "client-secret"],
    ["privateKey", "private-key"],
    ["serviceToken", "ims-service-token"],
    ["imsToken", "access-token"],
    ["access_token", "access-token"],
    ["token", undefined],
    ["login", undefined],
    ["passwordPolicy", undefined],
    ["host", undefined],
    ["constructor", undefined],
  ])("%s → %s", (name, slot) => {
    expect(secretSlotOfName(name)).toBe(slot);
  });
});

describe("findNlserverSecrets", () => {
  const found = (text: string) => findNlserverSecrets(text).map((secret) => [secret.name, secret.slot, text.slice(secret.valueStart, secret.valueEnd)]);

  it("finds the secret and the key of -setimsjwtauth, in each documented form", () => {
    expect(found("nlserver config -instance:x -setimsjwtauth:Org/Client/Tech/p8e-Secret/LS0tLS1CRUdJTi/x+y=")).toEqual([
      ["-setimsjwtauth", "client-secret", "p8e-Secret"],
      ["-setimsjwtauth", "private-key", "LS0tLS1CRUdJTi/x+y="],
    ]);
    expect(found("nlserver config -setimsjwtauth::Org/Client/Tech/<ClientSecret>/$(base64 -w0 /path/to/private.key) -instance:x")).toEqual([
      ["-setimsjwtauth", "client-secret", "<ClientSecret>"],
      ["-setimsjwtauth", "private-key", "$(base64 -w0 /path/to/private.key)"],
    ]);
    expect(found("nlserver config -setimsjwtauth:Org/Client/Tech")).toEqual([]);
  });

  it("finds the client secret of -setimsoauth, quoted or not", () => {
    expect(found(`nlserver config -setimsoauth:"org/client/tech/p8e-abc" -instance:x`)).toEqual([["-setimsoauth", "client-secret", "p8e-abc"]]);
    expect(found("-setimsoauth:${ORG}/${CLIENT}/${TECH}/${SECRET}")).toEqual([["-setimsoauth", "client-secret", "${SECRET}"]]);
  });

  it("finds the passwords of -internalpassword, -trackingpassword and -setdblogin", () => {
    expect(found("nlserver config -internalpassword:old/new")).toEqual([
      ["-internalpassword", "password", "old"],
      ["-internalpassword", "password", "new"],
    ]);
    expect(found("nlserver config -trackingpassword:only")).toEqual([["-trackingpassword", "password", "only"]]);
    expect(found("nlserver config -setdblogin:PostgreSQL:campaign:db/p@ss/w0rd@dbsrv -instance:x")).toEqual([["-setdblogin", "password", "p@ss/w0rd"]]);
  });

  it.each(["nlserver config -internalpassword", "nlserver config -setdblogin:PostgreSQL:campaign:test6@dbserver", "-setimsjwtauthx:a/b/c/d", "x-setimsoauth:a/b/c/d"])(
    "finds nothing in %j",
    (text) => {
      expect(findNlserverSecrets(text)).toEqual([]);
    },
  );

  // no-hardcoded-campaign-secret reports these by option: each must pass its keyword gate.
  it.each(["-setimsjwtauth:a", "-setimsoauth:a", "-internalpassword:a", "-trackingpassword:a", "-setdblogin:a"])("%j passes the rule's keyword gate", (text) => {
    const keywords = findKeywords(text);
    expect(RULE_KEYWORDS["no-hardcoded-campaign-secret"].some((keyword) => keywords.has(keyword.toLowerCase()))).toBe(true);
  });
});

describe("linear on hostile text (quadratic work would time out)", () => {
  const N = 100_000;
  it.each<[string, (text: string) => unknown[], string]>([
    ["nlserver options repeated inside one argument", findNlserverSecrets, "/-setimsoauth:a".repeat(N)],
    ["Logon password start tags without `>`", findLogonPasswordElements, `<urn:Logon>${"<password a ".repeat(N)}`],
  ])("%s", (_name, find, text) => {
    expect(cpuTime(() => find(text)).cpuMs).toBeLessThan(5_000);
  });
});

