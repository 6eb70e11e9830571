/**
 * no-password-logon: native Campaign login/password (and the other logons Campaign v8 rejects).
 *
 * TS/JS:
 * - `@adobe/acc-js-sdk` (every import form, through `src/campaign/sdk.ts`):
 *   `ConnectionParameters.ofUserAndPassword`, `ofUserAndServiceToken`, `ofExternalAccount` (also the
 *   doc-bug `Credentials.ofExternalAccount`), `new Credentials("UserPassword" | "ImsServiceToken")`,
 *   the pre-1.0 `sdk.init(url, user, password)`;
 * - SOAP in code: `xtk:session#Logon` actions (every spelling) and `urn:xtk:session` Logon
 *   envelopes in string and template literals; `{ method: "Logon", schema: "xtk:session" }` and
 *   `f("xtk:session", "Logon", ...)` calls assembled from parts; Node `soap` clients'
 *   `client.Logon({ sessiontoken, strLogin, strPassword, elemParameters })` / `LogonAsync`;
 *   server-side `session.Logon(...)` on a `new SoapService(cnx, "urn:xtk:session")`.
 *
 * The SDK finding sits on the factory, not on `client.logon()`: after the migration the code
 * still calls `client.logon()` (with ofImsBearerToken it just returns), so the line that changes,
 * and the one that carries the fix, is the factory. `client.logon()` is never reported, so one
 * legacy connection is one finding.
 *
 * Fixes: `ofUserAndPassword(url, user, password, options)` and `ofUserAndServiceToken(...)` become
 * `ofImsBearerToken(url, <token>, { ...options, sessionInfo: true })`; the pre-1.0
 * `sdk.init(url, user, password)` becomes `sdk.init(sdk.ConnectionParameters.ofImsBearerToken(...))`.
 * The token source is a person's choice, so this is a suggestion with a placeholder, or a fix when
 * the `tokenExpression` option says where the token comes from.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import {
  getSdkTracker,
  literalText,
  mergeListeners,
  renameCalledMember,
  sdkCallListener,
  sessionInfoOptionsFix,
  skipWrappers,
  type SdkCall,
  type SdkTracker,
} from "../src/campaign/sdk.js";
import {
  findSessionMethodElements,
  findSoapActions,
  isXtkSessionSchema,
  sessionCallVisitors,
  sessionMethodOf,
  type SessionCallKind,
} from "../src/campaign/soap-actions.js";
import { createRule, type JsRuleContext } from "../src/create-rule.js";
import { asArgument, ASYNC_TOKEN_PLACEHOLDER, BROWSER_TOKEN_SOURCE, inAsyncContext, isBrowserCode, SERVER_TOKEN_SOURCE, SYNC_TOKEN_PLACEHOLDER } from "../src/campaign/js-context.js";
import { SoapServiceMethods, singleInitializer } from "../src/campaign/soap-service.js";

export type Options = [{ tokenExpression?: string }];

export type MessageIds =
  | "ofUserAndPassword"
  | "ofUserAndServiceToken"
  | "ofExternalAccount"
  | "credentialsUserPassword"
  | "credentialsImsServiceToken"
  | "legacyInit"
  | "soapLogonAction"
  | "soapLogonEnvelope"
  | "soapLogonMethod"
  | "soapClientLogon"
  | "soapServiceLogon"
  | "remoteLogon"
  | "useImsBearerToken"
  | "useImsBearerTokenInit"
  | "useImsBearerTokenFromServer"
  | "useImsBearerTokenInitFromServer";

const V8_REJECTS = "Campaign v8 rejects it";
const USE_IMS = "Use an IMS technical-account token with ofImsBearerToken.";
const USE_BEARER =
  "Drop the Logon call: send an IMS technical-account token in the Authorization: Bearer header with an empty sessiontoken.";

const AWAIT = /\bawait\b/;
// Cheap pre-check before the SOAP scans of a literal.
const LOGON = /logon/i;

// Keys of an object literal that name a SOAP method and its schema (`{ method: "Logon", schema: "xtk:session" }`).
const METHOD_KEYS: ReadonlySet<string> = new Set(["method", "methodName"]);
const SCHEMA_KEYS: ReadonlySet<string> = new Set(["schema", "urn", "namespace", "service"]);
// xtk:session#Logon's parameter names: enough to tell a Campaign Logon from another SOAP service's.
const LOGON_PARAMETER_KEYS: ReadonlySet<string> = new Set(["sessiontoken", "strLogin", "strPassword", "elemParameters"]);
const SOAP_CLIENT_LOGON_METHODS: ReadonlySet<string> = new Set(["Logon", "LogonAsync"]);
// The file talks to xtk:session (a WSDL URL `schemawsdl.jsp?schema=xtk:session`, a namespace).
const XTK_SESSION_CONTEXT = /xtk(?::|%3a)session/i;
// A SOAP client built for a Campaign endpoint or WSDL: node-soap's `createClient` /
// `createClientAsync` (strong-soap's too) in a file that names Campaign's SOAP router or WSDL
// generator, or an `xtk:session` WSDL file (`wsdl_xtksession.xml`, `xtk_session.wsdl`).
const SOAP_CLIENT_FACTORY = /\bcreateClient(?:Async)?\s*\(/;
// (The file name part is bounded, so a minified text repeating `xtksession` stays linear.)
const CAMPAIGN_SOAP_ENDPOINT = /soaprouter\.jsp|schemawsdl\.jsp|\/nl\/jsp\/|xtk[_-]?session[^"'`\s]{0,64}\.(?:xml|wsdl)\b/i;

const FACTORY_MESSAGES: Readonly<Record<string, MessageIds>> = {
  "ConnectionParameters.ofUserAndPassword": "ofUserAndPassword",
  "ConnectionParameters.ofUserAndServiceToken": "ofUserAndServiceToken",
  "ConnectionParameters.ofExternalAccount": "ofExternalAccount",
  "Credentials.ofExternalAccount": "ofExternalAccount",
};

const CREDENTIALS_MESSAGES: Readonly<Record<string, MessageIds>> = {
  UserPassword: "credentialsUserPassword",
  ImsServiceToken: "credentialsImsServiceToken",
};

type Context = JsRuleContext<MessageIds, Options>;

// XML, HTTP, shell and Postman: the same message ids as SOAP in TS/JS code.
const SESSION_CALL_MESSAGES: Readonly<Record<SessionCallKind, MessageIds>> = {
  action: "soapLogonAction",
  envelope: "soapLogonEnvelope",
  "api-call": "soapLogonMethod",
  "soap-service-call": "soapServiceLogon",
};

export default createRule<MessageIds, Options>({
  name: "no-password-logon",
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow native Campaign login/password logons (SDK ofUserAndPassword and friends, SOAP xtk:session#Logon)",
      recommended: true,
      kind: "native-login",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          tokenExpression: {
            type: "string",
            minLength: 1,
            description:
              "A JS expression that evaluates to the IMS access token, e.g. `await getImsToken()`. When set, ofUserAndPassword / ofUserAndServiceToken / pre-1.0 sdk.init calls are fixed to ofImsBearerToken with it; otherwise they get a suggestion with a placeholder.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      ofUserAndPassword: `Native login/password via ofUserAndPassword: ${V8_REJECTS}. ${USE_IMS}`,
      ofUserAndServiceToken: `Login plus IMS service token via ofUserAndServiceToken: the SDK's logon() no longer supports it and ${V8_REJECTS}. ${USE_IMS}`,
      ofExternalAccount: `Native login via ofExternalAccount: it logs on with the external account's stored login/password, and ${V8_REJECTS}. Connect to that instance with ofImsBearerToken and an IMS technical-account token.`,
      credentialsUserPassword: `Native login/password via new Credentials("UserPassword"): ${V8_REJECTS}. Use ConnectionParameters.ofImsBearerToken with an IMS technical-account token.`,
      credentialsImsServiceToken: `Login plus IMS service token via new Credentials("ImsServiceToken"): the SDK's logon() no longer supports it and ${V8_REJECTS}. Use ConnectionParameters.ofImsBearerToken with an IMS technical-account token.`,
      legacyInit: `Native login/password via the pre-1.0 sdk.init(url, user, password): ${V8_REJECTS}. Pass ConnectionParameters.ofImsBearerToken(url, token, options) to sdk.init.`,
      soapLogonAction: `SOAP action xtk:session#Logon (native login/password): ${V8_REJECTS}. ${USE_BEARER}`,
      soapLogonEnvelope: `xtk:session Logon envelope (native login/password): ${V8_REJECTS}. ${USE_BEARER}`,
      soapLogonMethod: `SOAP call to xtk:session Logon (native login/password): ${V8_REJECTS}. ${USE_BEARER}`,
      soapClientLogon: `xtk:session Logon through a SOAP client (native login/password): ${V8_REJECTS}. ${USE_BEARER}`,
      soapServiceLogon: `xtk:session Logon through SoapService (native login/password): ${V8_REJECTS}. ${USE_BEARER}`,
      remoteLogon: `Remote logon through NL.ExecutionInstance.logonRemote (native login/password to another instance): ${V8_REJECTS}. Call the remote instance with an IMS technical-account token in the Authorization: Bearer header.`,
      useImsBearerToken: `Use ofImsBearerToken with {{token}} as the IMS access token: ${SERVER_TOKEN_SOURCE}.`,
      useImsBearerTokenInit: `Pass ConnectionParameters.ofImsBearerToken with {{token}} as the IMS access token to init: ${SERVER_TOKEN_SOURCE}.`,
      useImsBearerTokenFromServer: `Use ofImsBearerToken with {{token}} as the IMS access token: ${BROWSER_TOKEN_SOURCE}.`,
      useImsBearerTokenInitFromServer: `Pass ConnectionParameters.ofImsBearerToken with {{token}} as the IMS access token to init: ${BROWSER_TOKEN_SOURCE}.`,
    },
  },
  defaultOptions: [{}],
  create: {
    js: (context) => mergeListeners(sdkListener(context), soapTextListener(context), soapCallListener(context)),
    // The other languages: message only (see sessionCallVisitors).
    ...sessionCallVisitors<MessageIds, Options>("Logon", SESSION_CALL_MESSAGES),
  },
});

// ---------------------------------------------------------------------------------------------
// SDK

function sdkListener(context: Context): TSESLint.RuleListener {
  const members = [...Object.keys(FACTORY_MESSAGES), "Credentials", "init"];
  return sdkCallListener(context, members, (call, tracker) => {
    if (call.member === "Credentials") return reportCredentials(context, call);
    if (call.member === "init") return reportLegacyInit(context, call, tracker);
    const messageId = FACTORY_MESSAGES[call.member];
    if (messageId === undefined) return;
    // ofExternalAccount has no endpoint in code to build ofImsBearerToken from: message only.
    const rewrite = messageId === "ofExternalAccount" ? undefined : factoryRewrite(context, call);
    report(context, call.memberNode, messageId, rewrite, "useImsBearerToken", call.provenance === "import");
  });
}

function reportCredentials(context: Context, call: SdkCall): void {
  const [type] = call.node.arguments;
  const value = type === undefined ? undefined : ASTUtils.getStringIfConstant(type, context.sourceCode.getScope(type));
  const messageId = value === undefined || value === null ? undefined : CREDENTIALS_MESSAGES[value];
  if (messageId !== undefined) report(context, call.memberNode, messageId, undefined, "useImsBearerToken", false);
}

/** Pre-1.0 `sdk.init(url, user, password[, options])`: three or four string-ish arguments. */
function reportLegacyInit(context: Context, call: SdkCall, tracker: SdkTracker): void {
  const args = call.node.arguments;
  // The fourth argument (pre-1.0 options or a rememberMe flag) can be anything.
  if (args.length < 3 || args.length > 4 || !args.slice(0, 3).every(isStringish)) return;
  if (args[3]?.type === AST_NODE_TYPES.SpreadElement) return;
  if (tracker.valueOf(args[0] as TSESTree.Node) !== undefined) return;
  // The fourth argument's meaning changed across pre-1.0 versions: no mechanical rewrite for it.
  const rewrite = args.length === 3 ? initRewrite(context, call) : undefined;
  report(context, call.memberNode, "legacyInit", rewrite, "useImsBearerTokenInit", call.provenance === "import");
}

function isStringish(node: TSESTree.Node): boolean {
  const expression = skipWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.NewExpression:
      return false;
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === "string";
    default:
      return true;
  }
}

/** The fixes of a rewrite, built once the token expression is known. */
type RewriteBuilder = (fixer: TSESLint.RuleFixer, token: string) => TSESLint.RuleFix[];

/**
 * `X.ofUserAndPassword(url, user, password, options?)` → `X.ofImsBearerToken(url, token, { ...options, sessionInfo: true })`.
 * Only when the callee is a member access (so `X.` stays as written) and no comment would be lost.
 */
function factoryRewrite(context: Context, call: SdkCall): RewriteBuilder | undefined {
  const args = call.node.arguments;
  const [, user, password, options] = args;
  if (args.length < 3 || args.length > 4 || user === undefined || password === undefined) return undefined;
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const renamed = renameCalledMember(call.memberNode, "ofImsBearerToken");
  if (renamed === undefined) return undefined;
  const replaced: TSESTree.Range = [user.range[0], password.range[1]];
  if (context.sourceCode.getCommentsInside(call.node).some((c) => c.range[0] >= replaced[0] && c.range[1] <= replaced[1])) {
    return undefined;
  }
  const optionsFix = options === undefined ? undefined : sessionInfoOptionsFix(context.sourceCode, options);
  if (options !== undefined && optionsFix === undefined) return undefined;
  return (fixer, token) => {
    const fixes = [renamed(fixer), fixer.replaceTextRange(replaced, token + (options === undefined ? ", { sessionInfo: true }" : ""))];
    if (optionsFix !== undefined) fixes.push(...optionsFix(fixer));
    return fixes;
  };
}

/** `sdk.init(url, user, password)` → `sdk.init(sdk.ConnectionParameters.ofImsBearerToken(url, token, { sessionInfo: true }))`. */
function initRewrite(context: Context, call: SdkCall): RewriteBuilder | undefined {
  const callee = skipWrappers(call.node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const [url, , password] = call.node.arguments;
  if (url === undefined || password === undefined) return undefined;
  const replaced: TSESTree.Range = [url.range[0], password.range[1]];
  if (context.sourceCode.getCommentsInside(call.node).some((c) => c.range[0] >= replaced[0] && c.range[1] <= replaced[1])) {
    return undefined;
  }
  const sdk = context.sourceCode.getText(callee.object);
  const urlText = context.sourceCode.getText(url);
  return (fixer, token) => [
    fixer.replaceTextRange(replaced, `${sdk}.ConnectionParameters.ofImsBearerToken(${urlText}, ${token}, { sessionInfo: true })`),
  ];
}

function propertyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
  return undefined;
}

/**
 * Report with the rewrite as a fix when the `tokenExpression` option is set (and can be used
 * here) and the call is tied to the SDK package by its import (`fixable`), otherwise as a
 * suggestion: with the configured token, or a placeholder token.
 */
function report(
  context: Context,
  node: TSESTree.Node,
  messageId: MessageIds,
  rewrite: RewriteBuilder | undefined,
  suggestionId: "useImsBearerToken" | "useImsBearerTokenInit",
  fixable: boolean,
): void {
  if (rewrite === undefined) {
    context.report({ node, messageId });
    return;
  }
  const isAsync = inAsyncContext(context, node);
  const configured = context.options[0]?.tokenExpression?.trim();
  const usable = configured !== undefined && configured !== "" && (isAsync || !AWAIT.test(configured));
  if (usable && fixable) {
    const token = asArgument(configured);
    context.report({ node, messageId, fix: (fixer) => rewrite(fixer, token) });
    return;
  }
  const token = usable ? asArgument(configured) : isAsync ? ASYNC_TOKEN_PLACEHOLDER : SYNC_TOKEN_PLACEHOLDER;
  // In a browser the token comes from the application's server, never from OAuth credentials there.
  const browser = isBrowserCode(context);
  const suggestion = browser ? (suggestionId === "useImsBearerToken" ? "useImsBearerTokenFromServer" : "useImsBearerTokenInitFromServer") : suggestionId;
  context.report({
    node,
    messageId,
    suggest: [{ messageId: suggestion, data: { token }, fix: (fixer) => rewrite(fixer, token) }],
  });
}

// ---------------------------------------------------------------------------------------------
// SOAP in string and template literals

function soapTextListener(context: Context): TSESLint.RuleListener {
  const check = (node: TSESTree.Literal | TSESTree.TemplateLiteral): void => {
    // Type positions (`type A = "xtk:session#Logon"`) never run.
    if (node.parent?.type === AST_NODE_TYPES.TSLiteralType) return;
    const literal = literalText(node, context.sourceCode);
    if (literal === undefined || !LOGON.test(literal.text)) return;
    const found: { start: number; end: number; messageId: MessageIds }[] = [];
    for (const action of findSoapActions(literal.text)) {
      if (action.method === "Logon") found.push({ ...action, messageId: "soapLogonAction" });
    }
    for (const element of findSessionMethodElements(literal.text)) {
      if (element.method === "Logon") found.push({ ...element, messageId: "soapLogonEnvelope" });
    }
    found.sort((a, b) => a.start - b.start);
    for (const { start, end, messageId } of found) {
      const [from, to] = literal.range(start, end);
      context.report({
        loc: { start: context.sourceCode.getLocFromIndex(from), end: context.sourceCode.getLocFromIndex(to) },
        messageId,
      });
    }
  };
  return { Literal: check, TemplateLiteral: check };
}

// ---------------------------------------------------------------------------------------------
// SOAP calls in code

function soapCallListener(context: Context): TSESLint.RuleListener {
  const tracker = getSdkTracker(context);
  const { text } = context.sourceCode;
  const xtkSessionContext = XTK_SESSION_CONTEXT.test(text) || (SOAP_CLIENT_FACTORY.test(text) && CAMPAIGN_SOAP_ENDPOINT.test(text));
  const constantString = (node: TSESTree.Node): string | undefined =>
    ASTUtils.getStringIfConstant(node, context.sourceCode.getScope(node)) ?? undefined;

  // Server-side SoapService: `svc.addMethod("Logon", "xtk:session#Logon", …)` declares the native
  // logon, so `svc.Logon(…)` (or the alias it declared) is a SoapService logon.
  const soapService = new SoapServiceMethods(context, "Logon");

  return {
    // `this.session = new SoapService(cnx, "urn:xtk:session")`: later calls on `this.session`.
    AssignmentExpression(node) {
      soapService.recordAssignment(node);
    },
    // `{ method: "Logon", schema: "xtk:session" }`
    ObjectExpression(node) {
      let method: TSESTree.Node | undefined;
      let schema = false;
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = propertyName(property);
        if (key === undefined) continue;
        const value = constantString(property.value);
        if (value === undefined) continue;
        if (METHOD_KEYS.has(key) && value.trim() === "Logon") method = property.value;
        if (SCHEMA_KEYS.has(key) && isXtkSessionSchema(value)) schema = true;
      }
      if (method !== undefined && schema) context.report({ node: method, messageId: "soapLogonMethod" });
    },

    CallExpression(node) {
      // `call("xtk:session", "Logon", ...)`: the schema argument right before the method name.
      node.arguments.forEach((argument, index) => {
        const previous = node.arguments[index - 1];
        if (previous === undefined || !isStringLiteral(argument) || !isStringLiteral(previous)) return;
        if (argument.value.trim() === "Logon" && isXtkSessionSchema(previous.value)) {
          context.report({ node: argument, messageId: "soapLogonMethod" });
        }
      });

      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = callee.computed ? constantString(callee.property) : callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
      // Campaign server-side JS (Message Center): `NL.ExecutionInstance.logonRemote(url, login, password)`.
      if (name === "logonRemote" && isExecutionInstance(callee.object)) {
        context.report({ node: callee.property, messageId: "remoteLogon" });
        return;
      }
      if (soapService.record(node, callee, name)) return;
      if (name !== undefined && soapService.isLogon(callee, name)) {
        context.report({ node: callee.property, messageId: "soapServiceLogon" });
        return;
      }
      if (name === undefined || !SOAP_CLIENT_LOGON_METHODS.has(name)) return;
      // Campaign server-side JS: the JS API's static `xtk.session.Logon(login, password, params)`.
      if (name === "Logon" && isXtkSessionApi(callee.object)) {
        context.report({ node: callee.property, messageId: "soapLogonMethod" });
        return;
      }
      // The SDK's own `client.NLWS.xtkSession.Logon()` is its logon(): not a SOAP client.
      if (tracker.valueOf(callee.object) !== undefined) return;
      // The argument object, written in place or held in a variable (`const args = {…}; client.LogonAsync(args)`).
      const [first] = node.arguments;
      const argument = first === undefined || first.type === AST_NODE_TYPES.SpreadElement ? undefined : skipWrappers(first);
      const parameters = argument?.type === AST_NODE_TYPES.Identifier ? singleInitializer(context, argument) : argument;
      const hasLogonParameters =
        parameters?.type === AST_NODE_TYPES.ObjectExpression &&
        parameters.properties.some(
          (p) => p.type === AST_NODE_TYPES.Property && !p.computed && LOGON_PARAMETER_KEYS.has(propertyName(p) ?? ""),
        );
      if (hasLogonParameters || (xtkSessionContext && node.arguments.length > 0)) {
        context.report({ node: callee.property, messageId: "soapClientLogon" });
      }
    },
  };
}

/** `xtk.session` (Campaign's server-side JS API object for the xtk:session schema). */
function isXtkSessionApi(object: TSESTree.Node): boolean {
  const expression = skipWrappers(object);
  return (
    expression.type === AST_NODE_TYPES.MemberExpression &&
    !expression.computed &&
    expression.property.type === AST_NODE_TYPES.Identifier &&
    expression.property.name === "session" &&
    skipWrappers(expression.object).type === AST_NODE_TYPES.Identifier &&
    (skipWrappers(expression.object) as TSESTree.Identifier).name === "xtk"
  );
}

/** `NL.ExecutionInstance` (or `ExecutionInstance` imported alone): Message Center's execution-instance API. */
function isExecutionInstance(object: TSESTree.Node): boolean {
  const expression = skipWrappers(object as TSESTree.Expression);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === "ExecutionInstance";
  return (
    expression.type === AST_NODE_TYPES.MemberExpression &&
    !expression.computed &&
    expression.property.type === AST_NODE_TYPES.Identifier &&
    expression.property.name === "ExecutionInstance"
  );
}

function isStringLiteral(node: TSESTree.Node): node is TSESTree.StringLiteral {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === "string";
}

