/**
 * no-password-logon on Campaign server-side JavaScript and Node SOAP clients, written as real code
 * is (fixtures written here): Message Center's `NL.ExecutionInstance.logonRemote`, a `SoapService`
 * bound to `xtk:session` with or without `urn:`, node-soap clients built for a Campaign endpoint or
 * WSDL file whose `Logon` takes positional or named arguments held in a variable; and the negatives:
 * other services' `Logon`, other `logonRemote` methods, a SoapService of another schema.
 */
import type { RuleTester as RuleTesterType } from "eslint";
import rule from "../../rules/no-password-logon.js";
import { at } from "../support/positions.js";
import { jsRuleTester } from "../support/rule-tester.js";

const CJS = { sourceType: "commonjs" } as const;
const lines = (...text: string[]): string => text.join("\n");

const invalid: RuleTesterType.InvalidTestCase[] = [];
{
  // A JSSP / workflow script logging on to a Message Center execution instance.
  const code = lines(
    "var url = String(cell.server);",
    "var tokens = NL.ExecutionInstance.logonRemote(url, vars.login, vars.password);",
    "document.cnx.addTokens(tokens.sessionToken, tokens.securityToken);",
  );
  invalid.push({ code, filename: "rt-cell.js", languageOptions: CJS, errors: [{ messageId: "remoteLogon", ...at(code, "logonRemote"), suggestions: [] }] });
}
{
  // A library function: SoapService bound to 'xtk:session' (no urn:), the Logon it declares and calls.
  const code = lines(
    "function logonToRemote(remoteUrl, login, encryptedPassword) {",
    "  var cnx = new HttpSoapConnection(remoteUrl + '/nl/jsp/soaprouter.jsp', 'utf-8', 0);",
    "  var sessionService = new SoapService(cnx, 'xtk:session');",
    '  sessionService.addMethod("Logon", "xtk:session#Logon", ["token", "string", "login", "string", "password", "string", "parameters", "NLElement"], ["sessionToken", "string"]);',
    "  return sessionService.Logon('', login, decryptPassword(encryptedPassword), <parameters/>);",
    "}",
  );
  invalid.push({
    code,
    filename: "remote.js",
    languageOptions: CJS,
    errors: [
      { messageId: "soapLogonAction", ...at(code, "xtk:session#Logon"), suggestions: [] },
      { messageId: "soapServiceLogon", ...at(code, "Logon", 2), suggestions: [] },
    ],
  });
}
{
  // node-soap with Campaign's WSDL generator for another schema: positional arguments, no parameter names.
  const code = lines(
    "const soap = require('soap');",
    "const wsdl = host + '/nl/jsp/schemawsdl.jsp?schema=nms:rtEvent';",
    "module.exports = async (user, pass) => {",
    "  const client = await soap.createClientAsync(wsdl);",
    "  return client.LogonAsync(['', user, pass, '']);",
    "};",
  );
  invalid.push({ code, filename: "rt.js", languageOptions: CJS, errors: [{ messageId: "soapClientLogon", ...at(code, "LogonAsync"), suggestions: [] }] });
}
{
  // A WSDL file of xtk:session shipped with the connector, and the arguments held in a variable.
  const code = lines(
    "import soap from 'soap';",
    "const wsdl = new URL('./wsdl/xtk_session.wsdl', import.meta.url).pathname;",
    "export async function logon(login: string, password: string) {",
    "  const client = await soap.createClientAsync(wsdl);",
    "  const args = { sessiontoken: '', strLogin: login, strPassword: password, elemParameters: '' };",
    "  return client.LogonAsync(args);",
    "}",
  );
  invalid.push({ code, filename: "logon.ts", errors: [{ messageId: "soapClientLogon", ...at(code, "LogonAsync"), suggestions: [] }] });
}
{
  // Arguments in a variable, no Campaign endpoint in the file: the parameter names identify the call.
  const code = lines("const args = { strLogin: cfg.user, strPassword: cfg.password };", "client.Logon(args, onLogon);");
  invalid.push({ code, filename: "by-names.js", languageOptions: CJS, errors: [{ messageId: "soapClientLogon", ...at(code, "Logon", 0), suggestions: [] }] });
}

{
  // A service held in a member (a JSSP's document, an object) and a Logon declared under another name.
  const code = lines(
    "document.soapSrv = new SoapService(document.cnx, 'urn:xtk:session');",
    'document.soapSrv.addMethod("RemoteLogon", "xtk:session#Logon", ["token", "string", "login", "string", "password", "string", "parameters", "NLElement"], []);',
    "var out = document.soapSrv.RemoteLogon('', vars.login, vars.password, null);",
  );
  invalid.push({
    code,
    filename: "page.js",
    languageOptions: CJS,
    errors: [
      { messageId: "soapLogonAction", ...at(code, "xtk:session#Logon"), suggestions: [] },
      { messageId: "soapServiceLogon", ...at(code, "RemoteLogon", 1), suggestions: [] },
    ],
  });
}

const valid: RuleTesterType.ValidTestCase[] = [
  // Another vendor's SOAP service with a Logon method.
  {
    code: lines(
      "const soap = require('soap');",
      "async function connect(user, pass) {",
      "  const client = await soap.createClientAsync('https://api.example.com/AuthService.svc?wsdl');",
      "  const args = { username: user, password: pass };",
      "  return client.LogonAsync(args);",
      "}",
    ),
    filename: "other-soap.js",
    languageOptions: CJS,
  },
  // An unrelated `logonRemote`, and `Logon` of an unrelated client without arguments.
  { code: lines("export const s = vpn.logonRemote(host, user, pass);", "export const t = ExecutionInstances.logonRemote(a, b, c);", "auth.Logon();"), filename: "unrelated.ts" },
  // A SoapService of another schema; a method declared for another action.
  {
    code: lines(
      "var svc = new SoapService(cnx, 'urn:xtk:queryDef');",
      "svc.Logon('', a, b);",
      'svc.addMethod("ExecuteQuery", "xtk:queryDef#ExecuteQuery", ["sessiontoken", "string", "entity", "NLElement"], []);',
      "svc.ExecuteQuery('', query);",
    ),
    filename: "query.js",
    languageOptions: CJS,
  },
  // A Campaign endpoint but no SOAP client factory: a method of an app object called Logon.
  { code: lines("const ROUTER = '/nl/jsp/soaprouter.jsp';", "export const go = (ui: any) => ui.Logon({ screen: 'main' });"), filename: "ui.ts" },
];

jsRuleTester.run("no-password-logon (server-side JS and SOAP clients)", rule as never, { valid, invalid } as never);
