/**
 * no-session-token on SOAP built by code rather than written as one string: node-soap argument
 * objects (`client.Method({ sessiontoken: t, … })`), XML builder objects and calls
 * (fast-xml-parser / xml2js keys, xmlbuilder / xmlbuilder2 `ele()` and `txt()`), envelopes
 * concatenated across statements; Campaign server-side `HttpClientRequest` headers; and the
 * precision rules: header names that are only read, other vendors' namespaces, JS field names.
 * Every fixture is written here; positions are counted from the test code.
 */
import type { RuleTester as RuleTesterType } from "eslint";
import rule from "../../rules/no-session-token.js";
import { at, within } from "../support/positions.js";
import { lines as joinLines } from "../support/fixtures.js";
import { jsRuleTester } from "../support/rule-tester.js";

type InvalidCase = RuleTesterType.InvalidTestCase;
type TestError = RuleTesterType.TestCaseError;
type Suggestion = RuleTesterType.SuggestionOutput;

const CJS = { sourceType: "commonjs" } as const;
const ASYNC_TOKEN = "await getImsAccessToken()";
const SYNC_TOKEN = "imsAccessToken";

const element = (code: string, name: string, text: string, suggestions: Suggestion[] = [], marker = text): TestError => ({
  messageId: "sessionTokenElement",
  data: { name },
  ...within(code, marker, text),
  suggestions,
});
const emptySessionToken = (output: string, token = SYNC_TOKEN): Suggestion => ({ messageId: "emptySessionToken", data: { token }, output });
/** A file of these lines, ending with a newline. */
const lines = (...text: string[]): string => joinLines(...text) + "\n";

const invalid: InvalidCase[] = [];

// --- node-soap argument objects ---------------------------------------------------------------
{
  // A community-connector shape: every call of a Campaign schema's client passes the token.
  const code = lines(
    "var soap = require('soap');",
    "class Delivery {",
    "  mirror(id) {",
    "    return this.client.GetMirrorURL({",
    "      sessiontoken : this.login.sessionToken,",
    "      lDeliveryId : id,",
    "    }, done);",
    "  }",
    "}",
  );
  invalid.push({
    code,
    filename: "delivery.js",
    languageOptions: CJS,
    errors: [element(code, "sessiontoken", "this.login.sessionToken", [emptySessionToken(code.replace("this.login.sessionToken", '""'))])],
  });
}
{
  // An ES module, the arguments in a const, an async client method; a shorthand member.
  const code = lines(
    'import soap from "soap";',
    "export async function query(sessiontoken, entity) {",
    '  const client = await soap.createClientAsync("./wsdl/query.wsdl");',
    "  const args = { sessiontoken, entity };",
    "  return client.ExecuteQueryAsync(args);",
    "}",
  );
  invalid.push({
    code,
    filename: "query.mjs",
    errors: [element(code, "sessiontoken", "sessiontoken", [emptySessionToken(code.replace("{ sessiontoken, entity }", '{ sessiontoken: "", entity }'), ASYNC_TOKEN)], "{ sessiontoken,")],
  });
}
{
  // No SOAP client import, but Campaign's SOAP router: Campaign context is enough.
  const code = lines(
    'const ROUTER = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";',
    "export const push = (client: any, token: string, event: unknown) => client.PushEvent({ sessiontoken: token, domEvent: event });",
  );
  invalid.push({
    code,
    filename: "push.ts",
    errors: [{ ...element(code, "sessiontoken", "token, domEvent", [emptySessionToken(code.replace("sessiontoken: token", 'sessiontoken: ""'))]), endColumn: at(code, ", domEvent").column }],
  });
}

// --- XML builders -----------------------------------------------------------------------------
{
  // fast-xml-parser's XMLBuilder object: a prefixed key needs no other context.
  const code = lines(
    'import { XMLBuilder } from "fast-xml-parser";',
    "export const envelope = (token: string) =>",
    "  new XMLBuilder({ ignoreAttributes: false }).build({",
    '    "soapenv:Envelope": { "soapenv:Body": { "urn:ExecuteQuery": { "urn:sessiontoken": token, "urn:entity": {} } } },',
    "  });",
  );
  invalid.push({
    code,
    filename: "builder.ts",
    errors: [element(code, "urn:sessiontoken", "token", [emptySessionToken(code.replace('"urn:sessiontoken": token', '"urn:sessiontoken": ""'))], ": token,")],
  });
}
{
  // xml2js-style text key under the element.
  const code = lines('export const body = (t: string) => ({ "ns0:sessiontoken": { _: t } });');
  invalid.push({
    code,
    filename: "xml2js.ts",
    errors: [element(code, "ns0:sessiontoken", "{ _: t }", [emptySessionToken(code.replace("{ _: t }", '""'))])],
  });
}
{
  // xmlbuilder: `ele(name, text)`; xmlbuilder2: `ele(namespace, name).txt(text)` and `ele(name).txt(text)`.
  const code = lines(
    'import { create } from "xmlbuilder2";',
    "export function envelope(token: string, other: string) {",
    '  const body = create().ele("soapenv:Envelope").ele("soapenv:Body").ele("urn:xtk:queryDef", "ExecuteQuery");',
    '  body.ele("urn:xtk:queryDef", "sessiontoken").txt(token);',
    '  body.ele("urn:sessiontoken", other);',
    '  body.ele("sessiontoken", { "xsi:type": "xsd:string" }).txt(`${token}`);',
    "  return body.end();",
    "}",
  );
  invalid.push({
    code,
    filename: "xmlbuilder.ts",
    errors: [
      element(code, "sessiontoken", "token", [emptySessionToken(code.replace(".txt(token)", '.txt("")'))], "txt(token)"),
      element(code, "urn:sessiontoken", "other", [emptySessionToken(code.replace('"urn:sessiontoken", other', '"urn:sessiontoken", ""'))], ", other)"),
      element(code, "sessiontoken", "`${token}`", [emptySessionToken(code.replace(".txt(`${token}`)", '.txt("")'))]),
    ],
  });
}

// --- envelopes concatenated across statements -------------------------------------------------
{
  const code = lines(
    "function envelope(token) {",
    "  var env = '<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:urn=\"urn:xtk:queryDef\">';",
    "  env += '<soapenv:Body><urn:ExecuteQuery><urn:sessiontoken>';",
    "  env += token;",
    "  env += '</urn:sessiontoken></urn:ExecuteQuery></soapenv:Body></soapenv:Envelope>';",
    "  return env;",
    "}",
  );
  invalid.push({ code, filename: "concat.js", languageOptions: CJS, errors: [element(code, "urn:sessiontoken", "urn:sessiontoken", [], "<urn:sessiontoken>';")] });
}
{
  // The value in the same statement, the end tag in the next one.
  const code = lines("let body = '<urn:PushEvent><sessiontoken>' + token;", "body += '</sessiontoken></urn:PushEvent>';", "send(body);");
  invalid.push({ code, filename: "concat2.js", languageOptions: CJS, errors: [element(code, "sessiontoken", "sessiontoken", [], "<sessiontoken>'")] });
}
{
  // An array of parts joined later.
  const code = lines("const parts = ['<urn:PushEvent xmlns:urn=\"urn:nms:rtEvent\"><urn:sessiontoken>', token, '</urn:sessiontoken>'];", "send(parts.join(''));");
  invalid.push({ code, filename: "parts.js", languageOptions: CJS, errors: [element(code, "urn:sessiontoken", "urn:sessiontoken", [], "<urn:sessiontoken>'")] });
}

// --- Campaign server-side JavaScript: HttpClientRequest headers --------------------------------
{
  const code = lines(
    'var req = new HttpClientRequest("https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp");',
    'req.header["SOAPAction"] = "xtk:queryDef#ExecuteQuery";',
    'req.header["X-Security-Token"] = securityToken;',
    'req.header["cookie"] = "__sessiontoken=" + sessionToken;',
    "req.execute();",
  );
  invalid.push({
    code,
    filename: "workflow.js",
    languageOptions: CJS,
    errors: [
      { messageId: "securityTokenHeader", ...at(code, '"X-Security-Token"'), suggestions: [] },
      { messageId: "sessionTokenCookie", ...at(code, "__sessiontoken"), suggestions: [] },
    ],
  });
}
{
  // Campaign's HttpClientRequest alone is Campaign context (the URL comes from a variable).
  const code = lines("var req = new HttpClientRequest(vars.remoteUrl);", 'req.header["X-Session-Token"] = vars.token;', "req.execute();");
  invalid.push({ code, filename: "remote.js", languageOptions: CJS, errors: [{ messageId: "sessionTokenHeader", ...at(code, '"X-Session-Token"'), suggestions: [] }] });
}
{
  // A SoapService method declared with the session token as its first parameter, called with one;
  // the same method called with "" (after cnx.addTokens, or with a bearer header) is the after-state.
  const code = lines(
    "var query = new SoapService(cnx, 'urn:xtk:queryDef');",
    'query.addMethod("ExecuteQuery", "xtk:queryDef#ExecuteQuery", ["sessiontoken", "string", "entity", "NLElement"], ["res", "NLElement"]);',
    "var res = query.ExecuteQuery(tokens.sessionToken, queryDef);",
    'var res2 = query.ExecuteQuery("", queryDef);',
  );
  invalid.push({
    code,
    filename: "query.js",
    languageOptions: CJS,
    errors: [element(code, "sessiontoken", "tokens.sessionToken", [emptySessionToken(code.replace("ExecuteQuery(tokens.sessionToken,", 'ExecuteQuery("",'))])],
  });
}
{
  // A header-name constant used to send the header; and `setHeader(name, value)`.
  const code = lines(
    'const ROUTER = "/nl/jsp/soaprouter.jsp";',
    'const SECURITY = "X-Security-Token";',
    "export const send = (req: any, t: string) => { req.headers[SECURITY] = t; req.setHeader(\"X-Session-Token\", t); };",
  );
  invalid.push({
    code,
    filename: "headers.ts",
    errors: [
      { messageId: "securityTokenHeader", ...at(code, '"X-Security-Token"'), suggestions: [] },
      { messageId: "sessionTokenHeader", ...at(code, '"X-Session-Token"'), suggestions: [] },
    ],
  });
}

// --- fixes: the Authorization header --------------------------------------------------------------
{
  // Headers held in a const of the same file, no Authorization: with a configured token source the
  // fix empties the token and adds the header in one edit.
  const code = lines(
    'const ROUTER = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";',
    'const headers = { "Content-Type": "text/xml", SOAPAction: "nms:rtEvent#PushEvent" };',
    "export const push = async (token: string) =>",
    "  fetch(ROUTER, { method: \"POST\", headers, body: `<urn:sessiontoken>${token}</urn:sessiontoken>` });",
  );
  invalid.push({
    code,
    filename: "push.ts",
    options: [{ tokenExpression: "await ims.token()" }],
    output: code
      .replace("<urn:sessiontoken>${token}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>")
      .replace('SOAPAction: "nms:rtEvent#PushEvent" }', 'SOAPAction: "nms:rtEvent#PushEvent", Authorization: `Bearer ${await ims.token()}` }'),
    errors: [element(code, "urn:sessiontoken", "${token}")],
  });
}

{
  // Campaign server-side JavaScript: the body of an HttpClientRequest whose headers are set in the
  // same block. A placeholder token source: a suggestion that empties the token and adds the
  // header statement after the last header (string concatenation, no template literal).
  const code = lines(
    'var req = new HttpClientRequest("https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp");',
    'req.header["Content-Type"] = "text/xml; charset=utf-8";',
    'req.header["SOAPAction"] = "nms:rtEvent#PushEvent";',
    "req.method = \"POST\";",
    "req.body = '<urn:PushEvent xmlns:urn=\"urn:nms:rtEvent\"><urn:sessiontoken>' + sessionToken + '</urn:sessiontoken></urn:PushEvent>';",
    "req.execute();",
  );
  const emptied = code.replace("<urn:sessiontoken>' + sessionToken + '</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>");
  const header = 'req.header["SOAPAction"] = "nms:rtEvent#PushEvent";';
  invalid.push({
    code,
    filename: "push.js",
    languageOptions: CJS,
    errors: [
      element(code, "urn:sessiontoken", "' + sessionToken + '", [
        { messageId: "emptyAndAddBearerHeader", data: { token: SYNC_TOKEN }, output: emptied.replace(header, `${header}\nreq.header["Authorization"] = "Bearer " + imsAccessToken;`) },
      ]),
    ],
  });
  // A configured token source: the same edit is the fix.
  invalid.push({
    code,
    filename: "push.js",
    languageOptions: CJS,
    options: [{ tokenExpression: "getImsToken(vars.imsClient)" }],
    output: emptied.replace(header, `${header}\nreq.header["Authorization"] = "Bearer " + (getImsToken(vars.imsClient));`),
    errors: [element(code, "urn:sessiontoken", "' + sessionToken + '")],
  });
  // The request already sends Authorization: emptying the token is the fix, no second header.
  const migrated = code.replace(header, `${header}\nreq.header["Authorization"] = "Bearer " + imsToken;`);
  invalid.push({
    code: migrated,
    filename: "push.js",
    languageOptions: CJS,
    output: migrated.replace("<urn:sessiontoken>' + sessionToken + '</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
    errors: [element(migrated, "urn:sessiontoken", "' + sessionToken + '")],
  });
}

const valid: RuleTesterType.ValidTestCase[] = [
  // An empty sessiontoken argument (Adobe's after-state) and null / undefined.
  {
    code: lines("const soap = require('soap');", "client.Logon({ sessiontoken: '', strLogin: u, strPassword: p }, cb);", "client.Query({ sessiontoken: null });", "client.Query({ sessiontoken: undefined, x: `` });"),
    filename: "empty.js",
    languageOptions: CJS,
  },
  // A JS field spelled `sessionToken`, and a `sessiontoken` member with no SOAP or Campaign context.
  { code: lines("export const tokens = (s: string) => ({ sessionToken: s, securityToken: s });"), filename: "tokens.ts" },
  { code: lines("export const login = (t: string) => api.post('/v2/auth', { sessiontoken: t });"), filename: "rest.ts" },
  // Another vendor's namespace: in a string, a builder object, a builder call.
  {
    code: lines(
      'const ROUTER = "/nl/jsp/soaprouter.jsp";',
      "export const body = (t: string) => `<s:Envelope xmlns:lx=\"http://api.lexvendor.example/v2\"><lx:sessiontoken>${t}</lx:sessiontoken></s:Envelope>`;",
      'export const obj = (t: string) => ({ "@_xmlns:lx": "http://api.lexvendor.example/v2", "lx:sessiontoken": t });',
      'export const built = (b: any, t: string) => b.ele("http://api.lexvendor.example/v2", "sessiontoken").txt(t);',
    ),
    filename: "vendor.ts",
  },
  // Builders with an empty text, or no text.
  { code: lines('export const b = (x: any) => { x.ele("urn:sessiontoken").txt(""); x.ele("sessiontoken"); x.ele("sessiontoken", { a: "1" }); };'), filename: "empty-builder.ts" },
  // A SoapService method whose first parameter is not the session token.
  {
    code: lines('svc.addMethod("Ping", "xtk:session#Ping", ["id", "string"], []);', "svc.Ping(id);", 'other.addMethod("Q", "xtk:queryDef#Q", ["sessiontoken", "string"], []);', "svc.Q(token);"),
    filename: "ping.js",
    languageOptions: CJS,
  },
  // An envelope concatenated across statements whose token stays empty.
  {
    code: lines("var env = '<urn:ExecuteQuery><urn:sessiontoken>';", "env += '</urn:sessiontoken><urn:entity/>';", "env += '</urn:ExecuteQuery>';"),
    filename: "empty-concat.js",
    languageOptions: CJS,
  },
  // Header names that are read, tested, deleted, compared or asserted absent.
  {
    code: lines(
      'const ROUTER = "/nl/jsp/soaprouter.jsp";',
      'export const read = (req: any) => req.header["X-Security-Token"];',
      'export const has = (h: Headers) => h.has("X-Security-Token") || h.get("X-Session-Token");',
      'export const drop = (h: Record<string, string>) => { delete h["X-Security-Token"]; };',
      'export const is = (name: string) => name.toLowerCase() === "x-security-token";',
      'export const { ["X-Session-Token"]: fromHeaders } = incoming;',
      'test("no token", () => { expect(sent.headers["X-Security-Token"]).toBeUndefined(); expect(sent.headers).not.toHaveProperty("X-Session-Token"); });',
    ),
    filename: "reads.ts",
  },
];

jsRuleTester.run("no-session-token (SOAP built by code)", rule, { valid, invalid });
