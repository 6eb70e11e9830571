/**
 * no-session-token: Campaign session and security tokens, the credentials a native logon hands
 * out (domain A and B). Campaign v8 accepts only IMS for technical operators; Adobe's migration
 * sample keeps the SOAP envelope with an empty `<sessiontoken>` and sends `Authorization: Bearer`.
 *
 * TS/JS finds:
 * - SDK factories `ofSessionToken`, `ofSessionAndSecurityToken`, `ofSecurityToken` (info: fine in
 *   pages served by Campaign) and `new Credentials("SessionToken" | "SessionAndSecurityToken" |
 *   "SecurityToken", …)`, in every import form `src/campaign/sdk.ts` follows;
 * - in any string (literal, template, `+` concatenation): a non-empty `<sessiontoken>` element
 *   (fix: empty it), `__sessiontoken=` in a cookie or URL, `X-Security-Token: …` header lines;
 * - `__sessiontoken` set by name: an object key (`params: { __sessiontoken: t }`) or the name
 *   argument of a setter (`cookies.set("__sessiontoken", t)`);
 * - in Campaign code only (`hasCampaignContext`): the header names `X-Security-Token` and
 *   `X-Session-Token` as object keys, setter arguments or constants;
 * - `cnx.addTokens(session, security)` (Campaign context) and JSSP `document.controller.getSessionToken()`.
 *
 * XML, `.http` files, shell-like files and Postman collections (the transports are located by
 * `findTokenTransportsIn*` in `src/campaign/session-tokens.ts`):
 * - a non-empty `<sessiontoken>` / `<__sessiontoken>` (any prefix): fix, empty it (Adobe's
 *   documented after-state); in an `.http` request and a Postman request the fix also adds
 *   `Authorization: Bearer {{imsToken}}` (option `bearerTokenVariable`) unless the request already
 *   sends Authorization;
 * - `X-Security-Token` / `X-Session-Token` headers (Campaign files only): in `.http` files and
 *   Postman collections a suggestion swaps the header for `Authorization: Bearer` (or removes it
 *   when Authorization is there); a SOAP header element gets a suggestion to remove it;
 * - `__sessiontoken` cookies and URL parameters; in `.http` files a suggestion removes the cookie;
 * - shell and `.env`-style settings `ACC_SESSIONTOKEN=…` / `ACC_SECURITY_TOKEN=…`.
 * Removing a header or cookie is a suggestion, not a fix: until the integration authenticates
 * with IMS, the server may still need it.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { RuleTextEdit, RuleTextEditor, SourceCode } from "@eslint/core";
import type { HttpDocument, HttpHeader, HttpRequest } from "../src/languages/http/index.js";
import type { ShellDocument } from "../src/languages/shell/index.js";
import type { XmlDocument } from "../src/languages/xml/index.js";
import { createRule, type LanguageRuleContext } from "../src/create-rule.js";
import { isPostmanCollection } from "../src/campaign/soap-actions.js";
import {
  INTERPOLATION_PLACEHOLDER,
  mergeListeners,
  sdkCallListener,
  skipWrappers,
  type SdkCall,
} from "../src/campaign/sdk.js";
import {
  classifyTokenHeader,
  findSessionTokenElements,
  findSessionTokenParams,
  findTokenHeaderLines,
  findTokenTransportsInHttp,
  findTokenTransportsInPostman,
  findTokenTransportsInShell,
  findTokenTransportsInXml,
  hasAuthorizationHeader,
  hasCampaignContext,
  jsonElements,
  firstLineBreak,
  jsonRange,
  lineStartOf,
  locOf,
  SESSION_TOKEN_PARAMETER,
  type HttpTokenTransport,
  type JsonDocument,
  type JsonValue,
  type TextRange,
  type TokenHeaderKind,
  type TokenTransport,
} from "../src/campaign/session-tokens.js";
import { asArgument, BROWSER_TOKEN_SOURCE, inAsyncContext, isBrowserCode, SERVER_TOKEN_SOURCE } from "../src/campaign/js-context.js";
import { isStringLiteral, stringExpressionText, type StringExpressionText } from "../src/campaign/js-strings.js";
// The same placeholders as no-password-logon, so one `getImsAccessToken()` serves every suggestion.
import { ASYNC_TOKEN_PLACEHOLDER, SYNC_TOKEN_PLACEHOLDER } from "./no-password-logon.js";

export type MessageIds =
  | "ofSessionToken"
  | "ofSessionAndSecurityToken"
  | "ofSecurityToken"
  | "credentialsSessionToken"
  | "credentialsSecurityToken"
  | "sessionTokenElement"
  | "securityTokenHeader"
  | "sessionTokenHeader"
  | "sessionTokenCookie"
  | "sessionTokenUrl"
  | "sessionTokenParameter"
  | "addTokens"
  | "jsspGetSessionToken"
  | "useImsBearerToken"
  | "useImsBearerTokenFromServer"
  | "emptyAndAddBearerHeader"
  | "replaceWithBearerHeader"
  | "removeTokenHeader"
  | "sessionTokenSetting"
  | "removeSoapHeader"
  | "removeSessionCookie"
  | "replaceSessionCookieWithBearer";

export interface RuleOptions {
  /** A JS expression that yields an IMS access token, used in fixes and suggestions. */
  tokenExpression?: string;
  /** Do not report `ofSecurityToken` / `Credentials("SecurityToken")` (code served by Campaign). */
  allowSecurityToken?: boolean;
  /** The request-file variable that holds the IMS access token (`.http` files, Postman): `{{imsToken}}`. */
  bearerTokenVariable?: string;
}

/** The default `bearerTokenVariable`: `Authorization: Bearer {{imsToken}}`. */
export const DEFAULT_BEARER_TOKEN_VARIABLE = "imsToken";
export type Options = [RuleOptions];

const AWAIT = /\bawait\b/;

const SDK_FACTORIES = {
  "ConnectionParameters.ofSessionToken": { messageId: "ofSessionToken", tokenArguments: 1 },
  "ConnectionParameters.ofSessionAndSecurityToken": { messageId: "ofSessionAndSecurityToken", tokenArguments: 2 },
  "ConnectionParameters.ofSecurityToken": { messageId: "ofSecurityToken", tokenArguments: 1 },
} as const satisfies Record<string, { messageId: MessageIds; tokenArguments: number }>;

const SESSION_CREDENTIAL_TYPES: ReadonlySet<string> = new Set(["SessionToken", "SessionAndSecurityToken"]);

// ----------------------------------------------------------------------------------------------
// Strings and keys.

/**
 * Whether a string names what the next value sets: an object key (`{ "__sessiontoken": t }`) or
 * the first of two or more call arguments (`cookies.set("__sessiontoken", t)`).
 */
function isNameSlot(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.Property) return parent.key === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
  if (parent?.type === AST_NODE_TYPES.CallExpression) return parent.arguments[0] === node && parent.arguments.length >= 2;
  return false;
}

// Methods that look a name up instead of setting it (`headers.get(name)`, `expect(h).toHaveProperty(name)`).
const LOOKUP_METHODS: ReadonlySet<string> = new Set([
  "get",
  "getHeader",
  "has",
  "hasHeader",
  "hasOwnProperty",
  "delete",
  "remove",
  "removeHeader",
  "includes",
  "indexOf",
  "toHaveProperty",
  "toContain",
]);
const COMPARISONS: ReadonlySet<string> = new Set(["===", "!==", "==", "!="]);

/**
 * Whether a header-name string is only looked up: `h["X-Security-Token"]` read, deleted or
 * compared (anything but the target of `=`), `name === "X-Session-Token"`, `case "…":`, or the
 * only argument of a lookup method (`headers.get("X-Security-Token")`, `.has`, `.delete`,
 * `.toHaveProperty`). Such code sends no token: a test asserting the header is absent, a proxy
 * stripping it.
 */
function isHeaderNameLookup(node: TSESTree.Node): boolean {
  let current = node;
  while (current.parent !== undefined && isWrapperOf(current.parent, current)) current = current.parent;
  const parent = current.parent;
  if (parent === undefined) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (!parent.computed || parent.property !== current) return false;
      let access: TSESTree.Node = parent;
      while (access.parent?.type === AST_NODE_TYPES.ChainExpression || (access.parent !== undefined && isWrapperOf(access.parent, access))) access = access.parent;
      const assignment = access.parent;
      return !(assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === access);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return COMPARISONS.has(parent.operator);
    case AST_NODE_TYPES.SwitchCase:
      return parent.test === current;
    case AST_NODE_TYPES.CallExpression: {
      if (parent.arguments.length !== 1 || parent.arguments[0] !== current) return false;
      const callee = skipWrappers(parent.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && LOOKUP_METHODS.has(callee.property.name);
    }
    default:
      return false;
  }
}

// ----------------------------------------------------------------------------------------------
// Fix helpers.

/** The `Authorization` property text for a headers object literal. */
const bearerProperty = (tokenExpression: string): string => `Authorization: \`Bearer \${${tokenExpression}}\``;

/** The static key of a property (`a`, `"a"`, `["a"]`). */
function propertyKey(property: TSESTree.Property, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return ASTUtils.getStringIfConstant(property.key, sourceCode.getScope(property)) ?? undefined;
}

function findProperty(
  object: TSESTree.ObjectExpression,
  name: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.Property | undefined {
  const wanted = name.toLowerCase();
  return object.properties.find(
    (property): property is TSESTree.Property =>
      property.type === AST_NODE_TYPES.Property && propertyKey(property, sourceCode)?.toLowerCase() === wanted,
  );
}

/** Text and offset that add `propertyText` as the last property of an object literal, in its layout. */
function addPropertyEdit(
  object: TSESTree.ObjectExpression,
  propertyText: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { index: number; text: string } {
  const closing = sourceCode.getLastToken(object) as TSESTree.Token;
  const last = object.properties.at(-1);
  if (last === undefined) return { index: closing.range[0], text: ` ${propertyText} ` };
  const afterLast = sourceCode.getTokenAfter(last) as TSESTree.Token;
  const hasTrailingComma = afterLast.value === "," && afterLast !== closing;
  const multiline = last.loc.end.line !== closing.loc.start.line;
  if (multiline) {
    const indent = " ".repeat(last.loc.start.column);
    return hasTrailingComma
      ? { index: afterLast.range[1], text: `\n${indent}${propertyText},` }
      : { index: last.range[1], text: `,\n${indent}${propertyText}` };
  }
  return hasTrailingComma
    ? { index: afterLast.range[1], text: ` ${propertyText},` }
    : { index: last.range[1], text: `, ${propertyText}` };
}

/** The source range that removes a property with its comma. */
function propertyRemovalRange(property: TSESTree.Property, sourceCode: Readonly<TSESLint.SourceCode>): [number, number] {
  const after = sourceCode.getTokenAfter(property) as TSESTree.Token;
  if (after.value === ",") {
    const next = sourceCode.getTokenAfter(after, { includeComments: true }) as TSESTree.Token;
    return [property.range[0], next.range[0]];
  }
  const before = sourceCode.getTokenBefore(property) as TSESTree.Token;
  return before.value === "," ? [before.range[0], property.range[1]] : [property.range[0], property.range[1]];
}

/**
 * The `headers` object literal sent with a request body: a sibling `headers` property of the
 * object holding the body (`fetch(url, { headers: {...}, body })`), or an options argument of
 * the call the body is passed to (`axios.post(url, body, { headers: {...} })`). A body held in
 * a `const` is followed to where the constant is used.
 */
function adjacentHeaders(
  body: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.ObjectExpression | undefined {
  const sites: TSESTree.Node[] = [body];
  let node: TSESTree.Node = body;
  while (node.parent !== undefined && isWrapperOf(node.parent, node)) node = node.parent;
  sites[0] = node;
  const declarator = node.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === node && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(declarator), declarator.id);
    for (const reference of variable?.references ?? []) if (reference.isRead()) sites.push(reference.identifier);
  }
  for (const site of sites) {
    const parent = site.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === site && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      const headers = headersObject(findProperty(parent.parent, "headers", sourceCode));
      if (headers !== undefined) return headers;
    }
    if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(site as TSESTree.CallExpressionArgument)) {
      for (const argument of parent.arguments) {
        const options = skipWrappers(argument);
        if (options === site || options.type !== AST_NODE_TYPES.ObjectExpression) continue;
        const headers = headersObject(findProperty(options, "headers", sourceCode));
        if (headers !== undefined) return headers;
      }
    }
  }
  return undefined;
}

const isWrapperOf = (parent: TSESTree.Node, child: TSESTree.Node): boolean =>
  (parent.type === AST_NODE_TYPES.TSAsExpression ||
    parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    parent.type === AST_NODE_TYPES.TSNonNullExpression) &&
  parent.expression === child;

function headersObject(property: TSESTree.Property | undefined): TSESTree.ObjectExpression | undefined {
  if (property === undefined) return undefined;
  const value = skipWrappers(property.value);
  return value.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
}

/** The arguments of `ofImsBearerToken(endpoint, token, { ...options, sessionInfo: true })`. */
function imsBearerArguments(
  call: SdkCall,
  tokenArguments: number,
  tokenExpression: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): string | undefined {
  const args = call.node.arguments;
  if (args.length === 0 || args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const endpoint = sourceCode.getText(args[0] as TSESTree.Node);
  const options = args[1 + tokenArguments];
  let optionsText = "{ sessionInfo: true }";
  if (options !== undefined) {
    const object = skipWrappers(options);
    if (object.type === AST_NODE_TYPES.ObjectExpression) {
      const text = sourceCode.getText(object);
      if (findProperty(object, "sessionInfo", sourceCode) !== undefined) {
        optionsText = text;
      } else {
        const edit = addPropertyEdit(object, "sessionInfo: true", sourceCode);
        const at = edit.index - object.range[0];
        optionsText = text.slice(0, at) + edit.text + text.slice(at);
      }
    } else {
      const text = sourceCode.getText(options);
      optionsText = `{ ...${options.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text}, sessionInfo: true }`;
    }
  }
  return `${endpoint}, ${tokenExpression}, ${optionsText}`;
}

// ----------------------------------------------------------------------------------------------

export default createRule<MessageIds, Options>({
  name: "no-session-token",
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow Campaign session and security tokens (SDK session-token credentials, <sessiontoken> values, X-Security-Token / X-Session-Token headers, __sessiontoken cookies)",
      recommended: true,
      kind: "session-token",
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
              "A JavaScript expression that yields an IMS access token, e.g. `await getImsToken()` (the same option as no-password-logon). Suggestions use it instead of the placeholders `await getImsAccessToken()` / `imsAccessToken`, and adding `Authorization: Bearer` next to an emptied <sessiontoken> becomes part of the fix. An expression with `await` is only used where `await` is valid.",
          },
          allowSecurityToken: {
            type: "boolean",
            description:
              "Do not report ofSecurityToken / new Credentials(\"SecurityToken\"): for code that runs only in pages served by Campaign, where the browser sends the session cookie.",
          },
          bearerTokenVariable: {
            type: "string",
            pattern: "^[^{}\\s]+$",
            description:
              "The variable of .http files (REST Client, JetBrains) and Postman collections that holds the IMS access token: fixes and suggestions write Authorization: Bearer {{<bearerTokenVariable>}}. Default imsToken.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      ofSessionToken:
        "Session-token credentials via ofSessionToken: Campaign session tokens come from a native logon, which Campaign v8 no longer allows. Connect with an IMS technical-account token through ofImsBearerToken.",
      ofSessionAndSecurityToken:
        "Session and security tokens via ofSessionAndSecurityToken: they come from a native logon, which Campaign v8 no longer allows. Connect with an IMS technical-account token through ofImsBearerToken.",
      ofSecurityToken:
        "Security-token credentials via ofSecurityToken: valid only in pages served by Campaign (the browser sends the session cookie); anywhere else it relies on a native session. Outside Campaign pages, connect with ofImsBearerToken.",
      credentialsSessionToken:
        'new Credentials("{{type}}"): session-token credentials come from a native logon, which Campaign v8 no longer allows. Use ConnectionParameters.ofImsBearerToken with an IMS technical-account token.',
      credentialsSecurityToken:
        'new Credentials("SecurityToken"): valid only in pages served by Campaign; anywhere else it relies on a native session. Outside Campaign pages, use ConnectionParameters.ofImsBearerToken.',
      sessionTokenElement:
        "Session token in the SOAP <{{name}}> parameter: Adobe's IMS migration leaves it empty and authenticates with an Authorization: Bearer header (native sessions are not allowed in Campaign v8). Empty it and send an IMS technical-account token.",
      securityTokenHeader:
        "X-Security-Token header: Campaign security tokens come from a native logon, which Campaign v8 no longer allows. Send Authorization: Bearer with an IMS technical-account token instead.",
      sessionTokenHeader:
        "X-Session-Token header: Campaign session tokens come from a native logon, which Campaign v8 no longer allows. Send Authorization: Bearer with an IMS technical-account token instead.",
      sessionTokenCookie:
        "__sessiontoken cookie: it carries a Campaign session token from a native logon, which Campaign v8 no longer allows. Authenticate with Authorization: Bearer and an IMS technical-account token.",
      sessionTokenUrl:
        "__sessiontoken in a URL: the session token ends up in proxy and server logs, and comes from a native logon that Campaign v8 no longer allows. Authenticate with Authorization: Bearer and an IMS technical-account token.",
      sessionTokenParameter:
        "__sessiontoken set by name: it sends a Campaign session token (cookie or URL parameter) from a native logon, which Campaign v8 no longer allows. Authenticate with Authorization: Bearer and an IMS technical-account token.",
      addTokens:
        "addTokens(session, security): the connection sends Campaign session and security tokens from a native logon, which Campaign v8 no longer allows. Authenticate with an IMS technical-account token (Authorization: Bearer).",
      jsspGetSessionToken:
        "document.controller.getSessionToken(): hands the operator's Campaign session token to other code, where it can leak and outlive the IMS session. Keep it server-side; call Campaign APIs with an IMS technical-account token.",
      useImsBearerToken: `Connect with ofImsBearerToken({{token}}) and sessionInfo: true: ${SERVER_TOKEN_SOURCE}.`,
      useImsBearerTokenFromServer: `Connect with ofImsBearerToken({{token}}) and sessionInfo: true: ${BROWSER_TOKEN_SOURCE}.`,
      emptyAndAddBearerHeader: "Empty the session token and add Authorization: Bearer {{token}} to the request headers.",
      replaceWithBearerHeader: "Replace this header with Authorization: Bearer {{token}}.",
      removeTokenHeader: "Remove this header: the request already sends Authorization.",
      sessionTokenSetting:
        "Campaign {{label}} in configuration ({{name}}): it comes from a native logon, which Campaign v8 no longer allows. Configure an IMS technical-account token (OAuth Server-to-Server) and send it as Authorization: Bearer.",
      removeSoapHeader: "Remove this SOAP header: send Authorization: Bearer with an IMS technical-account token on the HTTP request instead.",
      removeSessionCookie: "Remove the __sessiontoken cookie: the request already sends Authorization.",
      replaceSessionCookieWithBearer: "Remove the __sessiontoken cookie and add Authorization: Bearer {{token}}.",
    },
    messageLevels: { ofSecurityToken: "info", credentialsSecurityToken: "info" },
  },
  defaultOptions: [{ allowSecurityToken: false, bearerTokenVariable: DEFAULT_BEARER_TOKEN_VARIABLE }],
  create: {
    js(context) {
      const { sourceCode } = context;
      const options = context.options[0] ?? {};
      const configuredToken = options.tokenExpression?.trim();
      /**
       * The token expression to write at `node`: the configured one where it is valid (an `await`
       * needs an async context), else the shared placeholder for the context.
       */
      const tokenAt = (node: TSESTree.Node): { token: string; configured: boolean } => {
        const isAsync = inAsyncContext(context, node);
        if (configuredToken !== undefined && configuredToken !== "" && (isAsync || !AWAIT.test(configuredToken))) {
          return { token: configuredToken, configured: true };
        }
        return { token: isAsync ? ASYNC_TOKEN_PLACEHOLDER : SYNC_TOKEN_PLACEHOLDER, configured: false };
      };
      const allowSecurityToken = options.allowSecurityToken === true;
      const campaignContext = hasCampaignContext(sourceCode.text);
      const locOf = ([start, end]: [number, number]): TSESTree.SourceLocation => ({
        start: sourceCode.getLocFromIndex(start),
        end: sourceCode.getLocFromIndex(end),
      });

      // --- SDK -----------------------------------------------------------------------------
      const onSdkCall = (call: SdkCall): void => {
        if (call.member === "Credentials") {
          const typeArgument = call.node.arguments[0];
          if (typeArgument === undefined || typeArgument.type === AST_NODE_TYPES.SpreadElement) return;
          const type = ASTUtils.getStringIfConstant(typeArgument, sourceCode.getScope(typeArgument));
          const node = isStringLiteral(typeArgument) || typeArgument.type === AST_NODE_TYPES.TemplateLiteral ? typeArgument : call.memberNode;
          if (type !== null && SESSION_CREDENTIAL_TYPES.has(type)) {
            context.report({ node, messageId: "credentialsSessionToken", data: { type } });
          } else if (type === "SecurityToken" && !allowSecurityToken) {
            context.report({ node, messageId: "credentialsSecurityToken" });
          }
          return;
        }
        const factory = SDK_FACTORIES[call.member as keyof typeof SDK_FACTORIES];
        if (factory === undefined) return;
        if (factory.messageId === "ofSecurityToken") {
          if (!allowSecurityToken) context.report({ node: call.memberNode, messageId: "ofSecurityToken" });
          return;
        }
        // Rewriting the callee keeps the receiver: only for `X.ofSessionToken` / `X["ofSessionToken"]`.
        const property = call.memberNode;
        const renamable = property.parent?.type === AST_NODE_TYPES.MemberExpression && property.parent.property === property;
        const { token } = tokenAt(call.node);
        const args = renamable ? imsBearerArguments(call, factory.tokenArguments, asArgument(token), sourceCode) : undefined;
        context.report({
          node: property,
          messageId: factory.messageId,
          suggest:
            args === undefined
              ? []
              : [
                  {
                    messageId: isBrowserCode(context) ? "useImsBearerTokenFromServer" : "useImsBearerToken",
                    data: { token },
                    fix: (fixer) => {
                      const name = property.type === AST_NODE_TYPES.Literal ? `${sourceCode.text[property.range[0]]}ofImsBearerToken${sourceCode.text[property.range[0]]}` : "ofImsBearerToken";
                      const first = call.node.arguments[0] as TSESTree.Node;
                      const last = call.node.arguments.at(-1) as TSESTree.Node;
                      return [fixer.replaceText(property, name), fixer.replaceTextRange([first.range[0], last.range[1]], args)];
                    },
                  },
                ],
        });
      };

      // --- strings -------------------------------------------------------------------------
      const checkString = (node: TSESTree.Node): void => {
        const string = stringExpressionText(node, sourceCode);
        if (string === undefined) return;
        const { text } = string;

        for (const element of findSessionTokenElements(text)) reportElement(string, element.name, element.valueRange);

        for (const param of findSessionTokenParams(text)) {
          context.report({
            loc: locOf(string.range(param.nameRange.start, param.nameRange.end)),
            messageId: param.context === "query" ? "sessionTokenUrl" : "sessionTokenCookie",
          });
        }

        // `cookies.set("__sessiontoken", t)`, `{ "__sessiontoken": t }`.
        if (text.toLowerCase() === SESSION_TOKEN_PARAMETER && isNameSlot(node)) context.report({ node, messageId: "sessionTokenParameter" });

        if (campaignContext) {
          for (const line of findTokenHeaderLines(text)) {
            context.report({
              loc: locOf(string.range(line.nameRange.start, line.nameRange.end)),
              messageId: line.kind === "security-token" ? "securityTokenHeader" : "sessionTokenHeader",
            });
          }
          // The whole string is a header name: a key, a setter argument, a constant. A name that
          // is only read, deleted, compared or asserted absent sends nothing.
          const kind = text.includes(INTERPOLATION_PLACEHOLDER) ? undefined : classifyTokenHeader(text);
          if (kind !== undefined && !isHeaderNameLookup(node)) reportHeaderName(node, kind);
        }
      };

      const reportElement = (string: StringExpressionText, name: string, value: TextRange): void => {
        const range = string.range(value.start, value.end);
        if (!string.removable(value.start, value.end)) {
          context.report({ loc: locOf(range), messageId: "sessionTokenElement", data: { name } });
          return;
        }
        const headers = adjacentHeaders(string.node, sourceCode);
        const { token, configured } = tokenAt(headers ?? string.node);
        const addHeader =
          headers !== undefined && findProperty(headers, "Authorization", sourceCode) === undefined
            ? addPropertyEdit(headers, bearerProperty(token), sourceCode)
            : undefined;
        // With a configured token source the header is part of the fix; otherwise a person picks it.
        const fixAddsHeader = addHeader !== undefined && configured;
        context.report({
          loc: locOf(range),
          messageId: "sessionTokenElement",
          data: { name },
          fix: (fixer) => {
            const empty = fixer.removeRange(range);
            return fixAddsHeader ? [empty, fixer.insertTextAfterRange([addHeader.index, addHeader.index], addHeader.text)] : empty;
          },
          suggest:
            addHeader === undefined || fixAddsHeader
              ? []
              : [
                  {
                    messageId: "emptyAndAddBearerHeader",
                    data: { token },
                    fix: (fixer) => [fixer.removeRange(range), fixer.insertTextAfterRange([addHeader.index, addHeader.index], addHeader.text)],
                  },
                ],
        });
      };

      const reportHeaderName = (node: TSESTree.Node, kind: "security-token" | "session-token"): void => {
        const messageId = kind === "security-token" ? "securityTokenHeader" : "sessionTokenHeader";
        const property = node.parent;
        if (property?.type !== AST_NODE_TYPES.Property || property.key !== node || property.parent.type !== AST_NODE_TYPES.ObjectExpression) {
          context.report({ node, messageId });
          return;
        }
        // A header in an object literal: swap it for Authorization, or drop it if that is already there.
        const hasAuthorization = findProperty(property.parent, "Authorization", sourceCode) !== undefined;
        const { token } = tokenAt(property);
        context.report({
          node,
          messageId,
          suggest: [
            hasAuthorization
              ? { messageId: "removeTokenHeader", fix: (fixer) => fixer.removeRange(propertyRemovalRange(property, sourceCode)) }
              : {
                  messageId: "replaceWithBearerHeader",
                  data: { token },
                  fix: (fixer) => fixer.replaceText(property, bearerProperty(token)),
                },
          ],
        });
      };

      // `{ __sessiontoken: t }`: an identifier key (string keys are strings, checked above).
      const checkProperty = (property: TSESTree.Property): void => {
        if (
          property.parent.type === AST_NODE_TYPES.ObjectExpression &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === SESSION_TOKEN_PARAMETER
        ) {
          context.report({ node: property.key, messageId: "sessionTokenParameter" });
        }
      };

      // --- server-side and JSSP calls ------------------------------------------------------
      const checkCall = (node: TSESTree.CallExpression): void => {
        const callee = skipWrappers(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return;
        const name = callee.property.name;
        // `tokenizer.addTokens([...])` in other libraries takes one argument and has no Campaign context.
        if (name === "addTokens" && campaignContext && node.arguments.length >= 2) {
          context.report({ node: callee.property, messageId: "addTokens" });
        } else if (name === "getSessionToken") {
          const object = skipWrappers(callee.object);
          if (
            object.type === AST_NODE_TYPES.MemberExpression &&
            !object.computed &&
            object.property.type === AST_NODE_TYPES.Identifier &&
            object.property.name === "controller"
          ) {
            context.report({ node: callee.property, messageId: "jsspGetSessionToken" });
          }
        }
      };

      return mergeListeners(
        sdkCallListener(context, [...Object.keys(SDK_FACTORIES), "Credentials"], onSdkCall),
        {
          Literal: checkString,
          TemplateLiteral: checkString,
          BinaryExpression: checkString,
          CallExpression: checkCall,
          Property: checkProperty,
        },
      );
    },
    xml(context) {
      const { sourceCode } = context;
      return {
        XmlDocument(document: XmlDocument) {
          for (const transport of findTokenTransportsInXml(document.children, { campaignContext: hasCampaignContext(sourceCode.text) })) {
            const suggest =
              transport.kind === "header" && transport.element !== undefined
                ? [{ messageId: "removeSoapHeader" as const, fix: (fixer: RuleTextEditor) => fixer.removeRange(lineRemovalRange(sourceCode.text, transport.element!.range)) }]
                : [];
            reportTransport(context, transport, { suggest });
          }
        },
      };
    },
    http(context) {
      const { sourceCode } = context;
      const { text } = sourceCode;
      const variable = bearerVariable(context.options[0]);
      const bearer = `{{${variable}}}`;
      return {
        HttpDocument(document: HttpDocument) {
          for (const transport of findTokenTransportsInHttp(document, text, { campaignContext: hasCampaignContext(text) })) {
            const { request, header } = transport;
            // A session token emptied in the body: the request then authenticates with the bearer header.
            const addBearer =
              request !== null && !hasAuthorizationHeader(request)
                ? (fixer: RuleTextEditor) =>
                    fixer.insertTextAfterRange([request.headerInsertOffset, request.headerInsertOffset], `${request.lineEnding}Authorization: Bearer ${bearer}`)
                : undefined;
            if (transport.kind === "element") {
              reportTransport(context, transport, { addToFix: addBearer });
              continue;
            }
            if (transport.element !== undefined) {
              // A SOAP header element of an XML body.
              const element = transport.element;
              reportTransport(context, transport, { suggest: [{ messageId: "removeSoapHeader", fix: (fixer) => fixer.removeRange(lineRemovalRange(text, element.range)) }] });
              continue;
            }
            if (request === null || header === undefined || (transport.kind !== "header" && transport.kind !== "cookie")) {
              reportTransport(context, transport);
              continue;
            }
            reportTransport(context, transport, { suggest: httpHeaderSuggestions(text, transport, request, header, bearer) });
          }
        },
      };
    },
    shell(context) {
      const { sourceCode } = context;
      return {
        ShellDocument(document: ShellDocument) {
          for (const transport of findTokenTransportsInShell(document, sourceCode.text, { campaignContext: hasCampaignContext(sourceCode.text) })) {
            reportTransport(context, transport);
          }
        },
      };
    },
    json(context) {
      const { sourceCode } = context;
      const { text } = sourceCode;
      const bearer = `Bearer {{${bearerVariable(context.options[0])}}}`;
      return {
        Document(document: JsonDocument) {
          if (!isPostmanCollection(document)) return;
          for (const transport of findTokenTransportsInPostman(document, text, { campaignContext: hasCampaignContext(text) })) {
            const { request, header } = transport;
            if (transport.kind === "element") {
              const headers = request !== undefined && !request.hasAuthorization ? request.headers : undefined;
              const addBearer = headers === undefined ? undefined : (fixer: RuleTextEditor) => addPostmanHeader(fixer, sourceCode, headers, bearer);
              reportTransport(context, transport, { addToFix: addBearer });
              continue;
            }
            if (transport.kind !== "header" || request === undefined || header === undefined) {
              reportTransport(context, transport);
              continue;
            }
            const suggest = request.hasAuthorization
              ? [{ messageId: "removeTokenHeader" as const, fix: (fixer: RuleTextEditor) => fixer.removeRange(jsonElementRemovalRange(header.array, header.entry)) }]
              : header.value === undefined
                ? []
                : [
                    {
                      messageId: "replaceWithBearerHeader" as const,
                      data: { token: `{{${bearerVariable(context.options[0])}}}` },
                      fix: (fixer: RuleTextEditor) => [
                        fixer.replaceTextRange(jsonRange(header.key), '"Authorization"'),
                        fixer.replaceTextRange(jsonRange(header.value!), JSON.stringify(bearer)),
                      ],
                    },
                  ];
            reportTransport(context, transport, { suggest });
          }
        },
      };
    },
  },
});

// ----------------------------------------------------------------------------------------------
// XML, HTTP, shell and Postman: one message per transport kind, the same ids as in TS/JS.

/** The rule context of a text language (XML, HTTP, shell, JSON). */
type TextContext<Code extends SourceCode & { readonly text: string }> = LanguageRuleContext<
  MessageIds,
  Options,
  Code
>;
type Suggestion = { messageId: MessageIds; data?: Record<string, string>; fix: (fixer: RuleTextEditor) => RuleTextEdit | RuleTextEdit[] };

const TOKEN_LABELS: Readonly<Record<TokenHeaderKind, string>> = { "security-token": "security token", "session-token": "session token" };

function transportMessage(transport: TokenTransport): { messageId: MessageIds; data?: Record<string, string> } {
  switch (transport.kind) {
    case "element":
      return { messageId: "sessionTokenElement", data: { name: transport.name } };
    case "header":
      return { messageId: transport.token === "security-token" ? "securityTokenHeader" : "sessionTokenHeader" };
    case "cookie":
      return { messageId: "sessionTokenCookie" };
    case "url":
      return { messageId: "sessionTokenUrl" };
    case "parameter":
      return { messageId: "sessionTokenParameter" };
    case "setting":
      return { messageId: "sessionTokenSetting", data: { name: transport.name, label: TOKEN_LABELS[transport.token] } };
    case "addTokens":
      return { messageId: "addTokens" };
  }
}

/**
 * Reports a transport at its range. An element with an `empty` range gets the fix that empties it
 * (plus `addToFix`'s edit, e.g. the request's new Authorization header).
 */
function reportTransport<Code extends SourceCode & { readonly text: string }>(
  context: TextContext<Code>,
  transport: TokenTransport,
  { suggest = [], addToFix }: { suggest?: Suggestion[]; addToFix?: ((fixer: RuleTextEditor) => RuleTextEdit) | undefined } = {},
): void {
  const { sourceCode } = context;
  const empty = transport.kind === "element" ? transport.empty : undefined;
  context.report({
    loc: locOf(sourceCode, transport.start, transport.end),
    ...transportMessage(transport),
    ...(empty === undefined ? {} : { fix: (fixer: RuleTextEditor) => (addToFix === undefined ? fixer.removeRange(empty) : [fixer.removeRange(empty), addToFix(fixer)]) }),
    suggest,
  });
}

const bearerVariable = (options: RuleOptions | undefined): string => options?.bearerTokenVariable?.trim() || DEFAULT_BEARER_TOKEN_VARIABLE;

/**
 * The range that removes `[start, end)` with its line when nothing else is on the line (from the
 * previous line break to the end of the line), else just `[start, end)`.
 */
function lineRemovalRange(text: string, [start, end]: [number, number]): [number, number] {
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === " " || text[lineStart - 1] === "\t")) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === " " || text[lineEnd] === "\t")) lineEnd++;
  const atLineStart = lineStart === 0 || text[lineStart - 1] === "\n" || text[lineStart - 1] === "\r";
  const atLineEnd = lineEnd === text.length || text[lineEnd] === "\n" || text[lineEnd] === "\r";
  if (!atLineStart || !atLineEnd || lineStart === 0) return [start, end];
  // Remove the line break before the line, so the lines around it stay as they were.
  const breakStart = text[lineStart - 1] === "\n" && text[lineStart - 2] === "\r" ? lineStart - 2 : lineStart - 1;
  return [breakStart, lineEnd];
}

/** The header line of an `.http` request with the line break before it. */
const headerLineRemovalRange = (text: string, header: HttpHeader): [number, number] => lineRemovalRange(text, header.range);

// `;` and the spaces around it, between two cookies.
const COOKIE_SEPARATOR_AFTER = /^\s*;\s*/;
const COOKIE_SEPARATOR_BEFORE = /\s*;\s*$/;

/**
 * Suggestions for an `X-Security-Token` / `X-Session-Token` header or a `__sessiontoken` cookie of
 * an `.http` request: replace the header with `Authorization: Bearer` (or remove it when the
 * request sends Authorization); for a cookie among others, remove just the cookie (and add the
 * bearer header if missing).
 */
function httpHeaderSuggestions(text: string, transport: HttpTokenTransport, request: HttpRequest, header: HttpHeader, bearer: string): Suggestion[] {
  const hasAuthorization = hasAuthorizationHeader(request);
  const authorization = `Authorization: Bearer ${bearer}`;
  const wholeHeader = (): Suggestion[] =>
    hasAuthorization
      ? [{ messageId: "removeTokenHeader", fix: (fixer) => fixer.removeRange(headerLineRemovalRange(text, header)) }]
      : [{ messageId: "replaceWithBearerHeader", data: { token: bearer }, fix: (fixer) => fixer.replaceTextRange(header.range, authorization) }];
  if (transport.kind === "header") return wholeHeader();
  // The cookie pair `__sessiontoken=value` and one separator next to it.
  const [valueStart, valueEnd] = header.valueRange;
  const pairEnd = transport.value?.end ?? transport.end;
  const after = COOKIE_SEPARATOR_AFTER.exec(text.slice(pairEnd, valueEnd));
  const before = COOKIE_SEPARATOR_BEFORE.exec(text.slice(valueStart, transport.start));
  const removal: [number, number] | undefined =
    after !== null && pairEnd + after[0].length < valueEnd
      ? [transport.start, pairEnd + after[0].length]
      : before !== null
        ? [transport.start - before[0].length, pairEnd]
        : undefined;
  if (removal === undefined) return text.slice(valueStart, transport.start).trim() === "" && text.slice(pairEnd, valueEnd).trim() === "" ? wholeHeader() : [];
  if (hasAuthorization) return [{ messageId: "removeSessionCookie", fix: (fixer) => fixer.removeRange(removal) }];
  return [
    {
      messageId: "replaceSessionCookieWithBearer",
      data: { token: bearer },
      fix: (fixer) => [
        fixer.removeRange(removal),
        fixer.insertTextAfterRange([request.headerInsertOffset, request.headerInsertOffset], `${request.lineEnding}${authorization}`),
      ],
    },
  ];
}

/** The range that removes one element of a JSON array with the comma that separates it. */
function jsonElementRemovalRange(array: JsonValue, element: JsonValue): [number, number] {
  const elements = jsonElements(array);
  const index = elements.indexOf(element);
  const [start, end] = jsonRange(element);
  const next = elements[index + 1];
  if (next !== undefined) return [start, jsonRange(next)[0]];
  const previous = elements[index - 1];
  if (previous !== undefined) return [jsonRange(previous)[1], end];
  return [start, end];
}

/** Adds `{ "key": "Authorization", "value": "Bearer …" }` at the end of a Postman `header` array, in its layout. */
function addPostmanHeader(fixer: RuleTextEditor, sourceCode: { readonly text: string }, array: JsonValue, bearer: string): RuleTextEdit {
  const entry = `{ "key": "Authorization", "value": ${JSON.stringify(bearer)} }`;
  const elements = jsonElements(array);
  const last = elements.at(-1);
  const [arrayStart] = jsonRange(array);
  if (last === undefined) return fixer.insertTextAfterRange([arrayStart, arrayStart + 1], entry);
  const [lastStart, lastEnd] = jsonRange(last);
  // From the file's line index: scanning back for the line start would cost the whole line per
  // finding in a minified (one-line) collection.
  const lineStart = lineStartOf(sourceCode, lastStart);
  const indent = sourceCode.text.slice(lineStart, lastStart);
  // One entry per line (the usual export): the new one goes on its own line, indented the same.
  const separator = lineStart > arrayStart && indent.trim() === "" ? `,${firstLineBreak(sourceCode)}${indent}` : ", ";
  return fixer.insertTextAfterRange([lastStart, lastEnd], `${separator}${entry}`);
}

