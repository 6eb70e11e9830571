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
import { literalText, mergeListeners, renameCalledMember, sdkCallListener, sessionInfoOptionsFix, type SdkCall } from "../src/campaign/sdk.js";
import {
  findSessionCallsInHttp,
  findSessionCallsInJson,
  findSessionCallsInShell,
  findSessionCallsInXml,
  findSessionMethodElements,
  findSoapActions,
  isXtkSessionSchema,
  reportSessionCalls,
  supportsDirectImsBearer,
  type SessionCallKind,
} from "../src/campaign/soap-actions.js";
import { createRule, type JsRuleContext } from "../src/create-rule.js";
import { BROWSER_TOKEN_SOURCE, isBrowserCode, SERVER_TOKEN_SOURCE } from "../src/campaign/js-context.js";

export type Options = [{ targetVersion?: string }];

export type MessageIds =
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

// Cheap pre-check before the SOAP scans of a literal.
const BEARER_TOKEN_LOGON = /BearerTokenLogon/i;
const METHOD_KEYS: ReadonlySet<string> = new Set(["method", "methodName"]);
const SCHEMA_KEYS: ReadonlySet<string> = new Set(["schema", "urn", "namespace", "service"]);

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
    js: (context) => mergeListeners(sdkListener(context), soapListener(context)),
    // The other languages: message only. Replacing BearerTokenLogon means sending the IMS token on
    // every other request of the integration and dropping this one, which no local edit can do.
    xml: (context) => ({
      XmlDocument() {
        reportSessionCalls(context, findSessionCallsInXml(context.sourceCode.ast.children, "BearerTokenLogon"), SESSION_CALL_MESSAGES);
      },
    }),
    http: (context) => ({
      HttpDocument() {
        reportSessionCalls(context, findSessionCallsInHttp(context.sourceCode.ast, context.sourceCode.text, "BearerTokenLogon"), SESSION_CALL_MESSAGES);
      },
    }),
    shell: (context) => ({
      ShellDocument() {
        reportSessionCalls(context, findSessionCallsInShell(context.sourceCode.ast, "BearerTokenLogon"), SESSION_CALL_MESSAGES);
      },
    }),
    json: (context) => ({
      Document() {
        const { ast, text } = context.sourceCode;
        reportSessionCalls(context, findSessionCallsInJson(ast, text, "BearerTokenLogon"), SESSION_CALL_MESSAGES);
      },
    }),
  },
});

// XML, HTTP, shell and Postman: the same message ids as SOAP in TS/JS code.
const SESSION_CALL_MESSAGES: Readonly<Record<SessionCallKind, MessageIds>> = {
  action: "bearerTokenLogonAction",
  envelope: "bearerTokenLogonEnvelope",
  "api-call": "bearerTokenLogonMethod",
  "soap-service-call": "bearerTokenLogonMethod",
};

function sdkListener(context: Context): TSESLint.RuleListener {
  const targetVersion = context.options[0]?.targetVersion;
  const direct = targetVersion !== undefined && supportsDirectImsBearer(targetVersion);
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

  return {
    Literal: checkText,
    TemplateLiteral: checkText,
    // Campaign server-side JS: the JS API's static `xtk.session.BearerTokenLogon(token)`.
    CallExpression(node) {
      const callee = node.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return;
      if (callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== "BearerTokenLogon") return;
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
