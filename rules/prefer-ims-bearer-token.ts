/**
 * prefer-ims-bearer-token: IMS tokens traded for legacy session tokens.
 *
 * `ConnectionParameters.ofBearerToken(url, token, options)` makes the SDK's `logon()` call
 * `xtk:session#BearerTokenLogon`, which exchanges the IMS token for a Campaign session token and
 * security token and then runs on those (the SDK's own JSDoc calls it legacy).
 * `ofImsBearerToken` sends the IMS token directly (`Authorization: Bearer`) and needs no logon
 * call, but only Campaign v8.5+ and the IMS-ready v7 builds accept it.
 *
 * TS/JS: `ofBearerToken` in every SDK import form (fix or suggestion:
 * `ofImsBearerToken(url, token, { ...options, sessionInfo: true })`, same arguments), and
 * `xtk:session#BearerTokenLogon` in code: SOAP actions in string and template literals (every
 * spelling), `urn:xtk:session` BearerTokenLogon envelopes, `{ method: "BearerTokenLogon",
 * schema: "xtk:session" }` (message only: the change is the request, not a token).
 *
 * Whether the rewrite is a fix depends on the Campaign version the code talks to, which only the
 * user knows: the `targetVersion` option (`configs.v8` sets "8.5").
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import {
  getSdkTracker,
  literalText,
  mergeListeners,
  renameCalledMember,
  sdkCallListener,
  sdkLogonListener,
  sessionInfoOptionsFix,
  skipWrappers,
  type SdkCall,
} from "../src/campaign/sdk.js";
import {
  findSessionMethodElements,
  findSoapActions,
  isXtkSessionSchema,
  sessionCallVisitors,
  supportsDirectImsBearer,
  type SessionCallKind,
} from "../src/campaign/soap-actions.js";
import { createRule, type JsRuleContext } from "../src/create-rule.js";
import { isDocumentSample } from "../src/campaign/secrets.js";
import { SoapServiceMethods } from "../src/campaign/soap-service.js";
import { hostDocumentText } from "../src/languages/embedded/host-documents.js";
import { ASYNC_TOKEN_PLACEHOLDER, BROWSER_TOKEN_SOURCE, inAsyncContext, isBrowserCode, SERVER_TOKEN_SOURCE, SYNC_TOKEN_PLACEHOLDER } from "../src/campaign/js-context.js";

export type Options = [{ targetVersion?: string }];

export type MessageIds =
  | "imsBearerLogonRefresh"
  | "reinitWithFreshToken"
  | "reinitWithTokenFromServer"
  | "ofBearerToken"
  | "bearerTokenLogonAction"
  | "bearerTokenLogonEnvelope"
  | "bearerTokenLogonMethod"
  | "useImsBearerToken"
  | "useImsBearerTokenFromServer";

type Context = JsRuleContext<MessageIds, Options>;

const REQUIRES = "Campaign v8.5+ or an IMS-ready v7 build (7.3.5+, 7.4.1 recommended)";
const SESSION_TOKENS = "it trades the IMS token for legacy session and security tokens";
const SEND_DIRECTLY = `On ${REQUIRES}, send the IMS token directly in Authorization: Bearer on each call, with an empty sessiontoken.`;

// A document that names the recommended factory.
const IMS_BEARER_MENTION = /\bofImsBearerToken\b/;
// Cheap pre-check before the SOAP scans of a literal.
const BEARER_TOKEN_LOGON = /BearerTokenLogon/i;
const METHOD_KEYS: ReadonlySet<string> = new Set(["method", "methodName"]);
const SCHEMA_KEYS: ReadonlySet<string> = new Set(["schema", "urn", "namespace", "service"]);

// XML, HTTP, shell and Postman: the same message ids as SOAP in TS/JS code.
const SESSION_CALL_MESSAGES: Readonly<Record<SessionCallKind, MessageIds>> = {
  action: "bearerTokenLogonAction",
  envelope: "bearerTokenLogonEnvelope",
  "api-call": "bearerTokenLogonMethod",
  "soap-service-call": "bearerTokenLogonMethod",
};

export default createRule<MessageIds, Options>({
  name: "prefer-ims-bearer-token",
  meta: {
    type: "problem",
    docs: {
      description: "Prefer direct IMS bearer tokens (ofImsBearerToken) over ofBearerToken and xtk:session#BearerTokenLogon",
      recommended: true,
      kind: "session-token",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          targetVersion: {
            type: "string",
            pattern: "^\\s*[vV]?\\d+\\.\\d+(\\.\\d+){0,2}(\\.[iI][mM][sS])?\\s*$",
            description:
              'The Campaign version the code talks to, e.g. "8.5", "8.6.1", "7.4.1", "7.3.3.IMS". When it accepts IMS tokens directly (v8.5+, v7 7.3.5+ and the .IMS builds), ofBearerToken is fixed to ofImsBearerToken; otherwise the rewrite is a suggestion.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      imsBearerLogonRefresh:
        "logon() does not refresh an ofImsBearerToken connection: it re-sends the token the connection was created with, which IMS expires after about 24 hours, so every call fails from then on. Re-create the connection with a fresh token: client.reinit(ConnectionParameters.ofImsBearerToken(url, newToken, options)).",
      reinitWithFreshToken: `Re-create the connection with {{token}} before logon(): ${SERVER_TOKEN_SOURCE}.`,
      reinitWithTokenFromServer: `Re-create the connection with {{token}} before logon(): ${BROWSER_TOKEN_SOURCE}.`,
      ofBearerToken: `ofBearerToken logs on with xtk:session#BearerTokenLogon: ${SESSION_TOKENS} (the SDK marks it legacy). On ${REQUIRES}, use ofImsBearerToken, which sends the IMS token directly.`,
      bearerTokenLogonAction: `SOAP action xtk:session#BearerTokenLogon: ${SESSION_TOKENS}. ${SEND_DIRECTLY}`,
      bearerTokenLogonEnvelope: `xtk:session BearerTokenLogon envelope: ${SESSION_TOKENS}. ${SEND_DIRECTLY}`,
      bearerTokenLogonMethod: `SOAP call to xtk:session BearerTokenLogon: ${SESSION_TOKENS}. ${SEND_DIRECTLY}`,
      useImsBearerToken: `Use ofImsBearerToken with the same token and sessionInfo: true (needs ${REQUIRES}); the token is an IMS access token: ${SERVER_TOKEN_SOURCE}.`,
      useImsBearerTokenFromServer: `Use ofImsBearerToken with the same token and sessionInfo: true (needs ${REQUIRES}); ${BROWSER_TOKEN_SOURCE}.`,
    },
    v8Options: [{ targetVersion: "8.5" }],
    // BearerTokenLogon is IMS-based already: the scanner grades it as information.
    messageLevels: {
      ofBearerToken: "warn",
      bearerTokenLogonAction: "info",
      bearerTokenLogonEnvelope: "info",
      bearerTokenLogonMethod: "info",
    },
  },
  defaultOptions: [{}],
  create: {
    js: (context) => mergeListeners(sdkListener(context), soapListener(context), logonRefreshListener(context)),
    // The other languages: message only (see sessionCallVisitors).
    ...sessionCallVisitors<MessageIds, Options>("BearerTokenLogon", SESSION_CALL_MESSAGES),
  },
});


function sdkListener(context: Context): TSESLint.RuleListener {
  const targetVersion = context.options[0]?.targetVersion;
  const direct = targetVersion !== undefined && supportsDirectImsBearer(targetVersion);
  // A page that already recommends ofImsBearerToken shows ofBearerToken as the IMS path of the
  // builds that predate direct bearer tokens: its sample is documentation, not legacy code.
  if (isDocumentSample(context) && IMS_BEARER_MENTION.test(hostDocumentText(context) ?? "")) return {};
  return sdkCallListener(context, ["ConnectionParameters.ofBearerToken"], (call) => {
    const rewrite = ofImsBearerTokenRewrite(context, call);
    const node = call.memberNode;
    if (rewrite === undefined) context.report({ node, messageId: "ofBearerToken" });
    // A fix needs the SDK package's own binding; found by use or by name, a person confirms it.
    else if (direct && call.provenance === "import") context.report({ node, messageId: "ofBearerToken", fix: rewrite });
    else context.report({ node, messageId: "ofBearerToken", suggest: [{ messageId: isBrowserCode(context) ? "useImsBearerTokenFromServer" : "useImsBearerToken", fix: rewrite }] });
  });
}

/** `X.ofBearerToken(url, token, options?)` → `X.ofImsBearerToken(url, token, { ...options, sessionInfo: true })`. */
function ofImsBearerTokenRewrite(context: Context, call: SdkCall): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
  const args = call.node.arguments;
  const [, token, options] = args;
  if (args.length < 2 || args.length > 3 || token === undefined) return undefined;
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const renamed = renameCalledMember(call.memberNode, "ofImsBearerToken");
  if (renamed === undefined) return undefined;
  const optionsFix = options === undefined ? undefined : sessionInfoOptionsFix(context.sourceCode, options);
  if (options !== undefined && optionsFix === undefined) return undefined;
  return (fixer) => [
    renamed(fixer),
    ...(optionsFix === undefined ? [fixer.insertTextAfter(token, ", { sessionInfo: true }")] : optionsFix(fixer)),
  ];
}

function soapListener(context: Context): TSESLint.RuleListener {
  const checkText = (node: TSESTree.Literal | TSESTree.TemplateLiteral): void => {
    if (node.parent?.type === AST_NODE_TYPES.TSLiteralType) return;
    const literal = literalText(node, context.sourceCode);
    if (literal === undefined || !BEARER_TOKEN_LOGON.test(literal.text)) return;
    const found: { start: number; end: number; messageId: MessageIds }[] = [
      ...findSoapActions(literal.text)
        .filter((action) => action.method === "BearerTokenLogon")
        .map((action) => ({ ...action, messageId: "bearerTokenLogonAction" as const })),
      ...findSessionMethodElements(literal.text)
        .filter((element) => element.method === "BearerTokenLogon")
        .map((element) => ({ ...element, messageId: "bearerTokenLogonEnvelope" as const })),
    ].sort((a, b) => a.start - b.start);
    for (const { start, end, messageId } of found) {
      const [from, to] = literal.range(start, end);
      context.report({
        loc: { start: context.sourceCode.getLocFromIndex(from), end: context.sourceCode.getLocFromIndex(to) },
        messageId,
      });
    }
  };

  const soapService = new SoapServiceMethods(context, "BearerTokenLogon");
  return {
    // `this.session = new SoapService(cnx, "urn:xtk:session")`: later calls on `this.session`.
    AssignmentExpression(node) {
      soapService.recordAssignment(node);
    },
    Literal: checkText,
    TemplateLiteral: checkText,
    CallExpression(node) {
      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      // Campaign server-side JS: `svc.BearerTokenLogon(token)` on a `new SoapService(cnx,
      // "urn:xtk:session")`, or the method an `svc.addMethod(…, "xtk:session#BearerTokenLogon")` declared.
      const name = callee.computed
        ? (ASTUtils.getStringIfConstant(callee.property, context.sourceCode.getScope(callee.property)) ?? undefined)
        : callee.property.type === AST_NODE_TYPES.Identifier
          ? callee.property.name
          : undefined;
      if (soapService.record(node, callee, name)) return;
      if (name !== undefined && soapService.isLogon(callee, name)) {
        context.report({ node: callee.property, messageId: "bearerTokenLogonMethod" });
        return;
      }
      // The JS API's static `xtk.session.BearerTokenLogon(token)`.
      if (callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== "BearerTokenLogon") return;
      const object = callee.object;
      if (
        object.type === AST_NODE_TYPES.MemberExpression &&
        !object.computed &&
        object.property.type === AST_NODE_TYPES.Identifier &&
        object.property.name === "session" &&
        object.object.type === AST_NODE_TYPES.Identifier &&
        object.object.name === "xtk"
      ) {
        context.report({ node: callee.property, messageId: "bearerTokenLogonMethod" });
      }
    },
    // `{ method: "BearerTokenLogon", schema: "xtk:session" }`
    ObjectExpression(node) {
      let method: TSESTree.Node | undefined;
      let schema = false;
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key =
          property.key.type === AST_NODE_TYPES.Identifier
            ? property.key.name
            : property.key.type === AST_NODE_TYPES.Literal
              ? String(property.key.value)
              : undefined;
        const value = ASTUtils.getStringIfConstant(property.value, context.sourceCode.getScope(property.value));
        if (key === undefined || value === null) continue;
        if (METHOD_KEYS.has(key) && value.trim() === "BearerTokenLogon") method = property.value;
        if (SCHEMA_KEYS.has(key) && isXtkSessionSchema(value)) schema = true;
      }
      if (method !== undefined && schema) context.report({ node: method, messageId: "bearerTokenLogonMethod" });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Migrated but broken: a logon()-based refresh of an ofImsBearerToken connection.

const IMS_BEARER_FACTORY = "ConnectionParameters.ofImsBearerToken";
// Functions whose job is to refresh a connection, by name.
const REFRESH_NAME = /refresh|renew|reconnect|re-?log|relogon|relogin|re-?auth|keep-?alive/i;
const TIMERS: ReadonlySet<string> = new Set(["setInterval", "setTimeout"]);
const FUNCTIONS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
]);
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/**
 * `client.logon()` / `client.NLWS.xtkSession.logon()` used to refresh a connection made with
 * `ofImsBearerToken`: with an IMS bearer token the SDK's logon() sends nothing new, so the
 * original token (valid about 24 hours) is re-sent. Reported when the logon runs to refresh:
 * - in the `refreshClient` callback of the connection's own options (its client parameter);
 * - on a client created from an ofImsBearerToken connection, in a timer callback
 *   (`setInterval`, `setTimeout`), a function named like a refresh (`refreshClient`, `renew`,
 *   `reconnect`, `keepAlive`…) or an error handler (`catch`, `.catch(...)`);
 * and not when the same function first calls `client.reinit(...)` (a new token, then logon).
 * The suggestion inserts `client.reinit(CP.ofImsBearerToken(url, <token>, options))` before the
 * statement, with the original call's receiver, URL and options when they are in scope there.
 */
function logonRefreshListener(context: Context): TSESLint.RuleListener {
  const tracker = getSdkTracker(context);
  if (!tracker.mentionsSdk) return {};
  const { sourceCode } = context;
  const reported = new Set<TSESTree.Node>();

  const check = (logon: TSESTree.CallExpression, clientNode: TSESTree.Node, factory: SdkCall, fn: FunctionNode): void => {
    if (reported.has(logon) || reinitBefore(fn, clientNode, logon, sourceCode)) return;
    reported.add(logon);
    const callee = skipWrappers(logon.callee) as TSESTree.MemberExpression;
    context.report({ node: callee.property, messageId: "imsBearerLogonRefresh", suggest: reinitSuggestion(context, logon, clientNode, factory) });
  };

  return mergeListeners(
    // A tracked client (from sdk.init / new Client of an ofImsBearerToken connection).
    sdkLogonListener(context, (logon) => {
      const connection = logon.client.connection;
      if (connection?.kind !== "connection" || connection.origin.member !== IMS_BEARER_FACTORY) return;
      const fn = refreshFunction(logon.node);
      const clientNode = clientExpression(logon.node);
      if (fn !== undefined && clientNode !== undefined) check(logon.node, clientNode, connection.origin, fn);
    }),
    // The client parameter of a `refreshClient` callback given to ofImsBearerToken.
    {
      CallExpression(node) {
        const clientNode = clientExpression(node);
        const client = clientNode === undefined ? undefined : skipWrappers(clientNode);
        if (client?.type !== AST_NODE_TYPES.Identifier) return;
        const variable = ASTUtils.findVariable(sourceCode.getScope(client), client);
        const def = variable?.defs[0];
        if (def?.type !== "Parameter" || !FUNCTIONS.has(def.node.type)) return;
        const fn = def.node as FunctionNode;
        if (fn.params[0] !== def.name) return;
        const factory = refreshClientFactory(fn, context, tracker);
        if (factory !== undefined) check(node, client, factory, fn);
      },
    },
  );
}

/** The client a `logon()` call is made on: `X` of `X.logon()` and of `X.NLWS.xtkSession.logon()`. */
function clientExpression(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== "logon") return undefined;
  const object = skipWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.MemberExpression && isNamed(object, "xtkSession")) {
    const nlws = skipWrappers(object.object);
    return nlws.type === AST_NODE_TYPES.MemberExpression && isNamed(nlws, "NLWS") ? skipWrappers(nlws.object) : undefined;
  }
  return object;
}

const isNamed = (node: TSESTree.MemberExpression, name: string): boolean =>
  !node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === name;

/** The function a logon refreshes in: a timer callback, a function named like a refresh, or an error handler. */
function refreshFunction(node: TSESTree.Node): FunctionNode | undefined {
  let inCatch = false;
  for (let current: TSESTree.Node | null | undefined = node.parent; current != null; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) inCatch = true;
    if (!FUNCTIONS.has(current.type)) continue;
    const fn = current as FunctionNode;
    if (inCatch || isRefreshFunction(fn)) return fn;
    return undefined;
  }
  return undefined;
}

function isRefreshFunction(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (fn.id != null && REFRESH_NAME.test(fn.id.name)) return true;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const callee = skipWrappers(parent.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && TIMERS.has(callee.name)) return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
      const name = callee.property.name;
      if (TIMERS.has(name) || name === "catch" || (name === "then" && parent.arguments[1] === fn)) return true;
    }
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return REFRESH_NAME.test(parent.id.name);
  if ((parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) && parent.value === fn) {
    return parent.key.type === AST_NODE_TYPES.Identifier && REFRESH_NAME.test(parent.key.name);
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    const left = skipWrappers(parent.left);
    const name = left.type === AST_NODE_TYPES.Identifier ? left.name : left.type === AST_NODE_TYPES.MemberExpression && left.property.type === AST_NODE_TYPES.Identifier ? left.property.name : "";
    return REFRESH_NAME.test(name);
  }
  return false;
}

/**
 * The ofImsBearerToken call whose options hold `fn` as `refreshClient`: the options argument
 * itself (`ofImsBearerToken(url, t, { refreshClient: fn })`) or a variable passed there.
 */
function refreshClientFactory(fn: FunctionNode, context: Context, tracker: ReturnType<typeof getSdkTracker>): SdkCall | undefined {
  const { sourceCode } = context;
  let value: TSESTree.Node = fn;
  // `refreshClient: fn`, or `const refresh = fn; … { refreshClient: refresh }`.
  const declarator = fn.parent;
  const holders: TSESTree.Node[] = [];
  if (declarator.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(declarator), declarator.id);
    for (const reference of variable?.references ?? []) if (reference.isRead()) holders.push(reference.identifier);
  } else {
    holders.push(value);
  }
  for (value of holders) {
    const property = value.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== value || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== "refreshClient") continue;
    const options = property.parent;
    if (options.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const sites: TSESTree.Node[] = [options];
    const holder = options.parent;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === options && holder.id.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(holder), holder.id);
      for (const reference of variable?.references ?? []) if (reference.isRead()) sites.push(reference.identifier);
    }
    for (const site of sites) {
      const call = site.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[2] !== site) continue;
      const factory = tracker.sdkCallOf(call);
      if (factory?.member === IMS_BEARER_FACTORY) return factory;
    }
  }
  return undefined;
}

/** Whether `fn` calls `client.reinit(...)` before `logon` (the client refreshed with a new token first). */
function reinitBefore(fn: FunctionNode, client: TSESTree.Node, logon: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const clientText = sourceCode.getText(client);
  const body = sourceCode.text.slice(fn.range[0], logon.range[0]);
  const escaped = clientText.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^\\w$.])${escaped}\\s*\\??\\.\\s*reinit\\s*\\(`).test(body);
}

/**
 * `client.reinit(CP.ofImsBearerToken(url, <token>, options));` inserted before the logon's
 * statement, when the statement stands in a block and the original call's receiver, URL and
 * options mean the same there (every identifier in them resolves to the same binding).
 */
function reinitSuggestion(context: Context, logon: TSESTree.CallExpression, client: TSESTree.Node, factory: SdkCall): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const { sourceCode } = context;
  let expression: TSESTree.Node = logon;
  while (expression.parent?.type === AST_NODE_TYPES.AwaitExpression) expression = expression.parent;
  const statement = expression.parent;
  if (
    statement === undefined ||
    !((statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression === expression) ||
      (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument === expression))
  ) {
    return [];
  }
  const container = statement.parent;
  if (container?.type !== AST_NODE_TYPES.BlockStatement && container?.type !== AST_NODE_TYPES.Program && container?.type !== AST_NODE_TYPES.SwitchCase) return [];
  const callee = skipWrappers(factory.node.callee);
  const [url, , options, ...rest] = factory.node.arguments;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || url === undefined || rest.length > 0) return [];
  const parts = [callee.object, url, ...(options === undefined ? [] : [options])];
  if (!parts.every((part) => sameMeaningAt(part, logon, sourceCode))) return [];
  const token = inAsyncContext(context, logon) ? ASYNC_TOKEN_PLACEHOLDER : SYNC_TOKEN_PLACEHOLDER;
  const args = [sourceCode.getText(url), token, ...(options === undefined ? [] : [sourceCode.getText(options)])].join(", ");
  const line = sourceCode.lines[statement.loc.start.line - 1] ?? "";
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  const text = `${sourceCode.getText(client)}.reinit(${sourceCode.getText(callee.object)}.ofImsBearerToken(${args}));\n${indent}`;
  return [
    {
      messageId: isBrowserCode(context) ? "reinitWithTokenFromServer" : "reinitWithFreshToken",
      data: { token },
      fix: (fixer) => fixer.insertTextBefore(statement, text),
    },
  ];
}

/**
 * Whether an expression copied to `site` means the same: no `this`, no function, and every
 * identifier it reads resolves to the same binding (or the same global) at both places.
 */
function sameMeaningAt(node: TSESTree.Node, site: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const siteScope = sourceCode.getScope(site);
  const nodeScope = sourceCode.getScope(node);
  let same = true;
  const visit = (current: TSESTree.Node): void => {
    if (!same) return;
    switch (current.type) {
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
        same = false;
        return;
      case AST_NODE_TYPES.Identifier:
        if (ASTUtils.findVariable(nodeScope, current) !== ASTUtils.findVariable(siteScope, current)) same = false;
        return;
      case AST_NODE_TYPES.MemberExpression:
        visit(current.object);
        if (current.computed) visit(current.property);
        return;
      case AST_NODE_TYPES.Property:
        if (current.computed) visit(current.key);
        visit(current.value);
        return;
      default:
        for (const key of sourceCode.visitorKeys[current.type] ?? []) {
          const child = (current as unknown as Record<string, unknown>)[key];
          for (const item of Array.isArray(child) ? child : [child]) {
            if (item !== null && typeof item === "object" && "type" in item) visit(item as TSESTree.Node);
          }
        }
    }
  };
  visit(node);
  return same;
}
