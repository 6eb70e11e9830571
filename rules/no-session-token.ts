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
import { isForeignPrefix, isPostmanCollection, mayBeCampaignParameterNamespace, textNamespaceBindings } from "../src/campaign/soap-actions.js";
import {
  INTERPOLATION_PLACEHOLDER,
  mergeListeners,
  sdkCallListener,
  skipWrappers,
  type SdkCall,
} from "../src/campaign/sdk.js";
import {
  classifyTokenHeader,
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
  scanSessionTokenTags,
  usesSoapClient,
  type OpenSessionTokenTag,
  type HttpTokenTransport,
  type JsonDocument,
  type JsonValue,
  type TextRange,
  type TokenHeaderKind,
  type TokenTransport,
} from "../src/campaign/session-tokens.js";
import { asArgument, ASYNC_TOKEN_PLACEHOLDER, BROWSER_TOKEN_SOURCE, inAsyncContext, isBrowserCode, SERVER_TOKEN_SOURCE, SYNC_TOKEN_PLACEHOLDER } from "../src/campaign/js-context.js";
import { isStringLiteral, stringExpressionText, type StringExpressionText } from "../src/campaign/js-strings.js";
// The same placeholders as no-password-logon, so one `getImsAccessToken()` serves every suggestion.

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
  | "emptySessionToken"
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
// SOAP arguments and XML builders.

/** A receiver compared by its text (`document.soapSrv`); a longer one (a hostile call chain) is not compared. */
const MAX_RECEIVER_LENGTH = 200;
/** The SOAP parameter as an argument member (node-soap): exactly Campaign's lower-case name, so a JS `sessionToken` field is not one. */
const SESSION_TOKEN_MEMBER = "sessiontoken";
/** A prefixed element name as an XML builder key (`"urn:sessiontoken"`, `"ns0:__sessiontoken"`). */
const SESSION_TOKEN_MEMBER_PREFIXED = /^[A-Za-z_][\w.-]*:(?:__)?sessiontoken$/;
/** An element name given to an XML builder call. */
const BUILDER_ELEMENT_NAME = /^(?:[A-Za-z_][\w.-]*:)?(?:__)?sessiontoken$/i;
/** xmlbuilder / xmlbuilder2 methods that add an element (`ele(name, attributes?, text?)`). */
const BUILDER_ELEMENT_METHODS: ReadonlySet<string> = new Set(["ele", "element", "node"]);
/** xmlbuilder / xmlbuilder2 methods that set an element's text. */
const BUILDER_TEXT_METHODS: ReadonlySet<string> = new Set(["txt", "text"]);
/** Keys under which XML builders take an element's text (`{ "#text": t }`, xml2js `_`, `$value`). */
const BUILDER_TEXT_KEYS: ReadonlySet<string> = new Set(["#text", "_", "$value", "$t", "#"]);

/**
 * Whether an expression puts a value into a parameter: anything but an empty or blank string,
 * `null`, `undefined`, an array or a function; an object (a builder's element with attributes)
 * only through its text key.
 */
function carriesValue(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let value = skipWrappers(node as TSESTree.Expression);
  // A builder's element object: its text, through nested text keys (iteratively: hostile nesting).
  while (value.type === AST_NODE_TYPES.ObjectExpression) {
    const text = value.properties.find(
      (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && BUILDER_TEXT_KEYS.has(propertyKey(property, sourceCode) ?? ""),
    );
    if (text === undefined) return false;
    value = skipWrappers(text.value as TSESTree.Expression);
  }
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return value.value !== null && !(typeof value.value === "string" && value.value.trim() === "");
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length > 0 || value.quasis.some((quasi) => (quasi.value.cooked ?? quasi.value.raw).trim() !== "");
    case AST_NODE_TYPES.Identifier:
      return value.name !== "undefined";
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
      return false;
    default:
      return true;
  }
}

/**
 * The part that follows a string ending in an open `<sessiontoken>`: the next element of an array
 * of parts, or the next statement's `x += …` to the same target (`x = "…"`, `let x = "…"`,
 * `x += "…"` before it). True when that part is a value rather than the end tag; false when it is
 * the end tag or no such part is found.
 */
function nextPartCarriesValue(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.ArrayExpression) {
    const next = parent.elements[parent.elements.indexOf(node as TSESTree.Expression) + 1];
    return next !== undefined && next !== null && next.type !== AST_NODE_TYPES.SpreadElement && partCarriesValue(next, sourceCode);
  }
  let target: string | undefined;
  let statement: TSESTree.Node | undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    target = parent.id.name;
    statement = parent.parent;
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && (parent.operator === "=" || parent.operator === "+=")) {
    target = sourceCode.getText(parent.left);
    statement = parent.parent;
  }
  if (target === undefined || (statement?.type !== AST_NODE_TYPES.ExpressionStatement && statement?.type !== AST_NODE_TYPES.VariableDeclaration)) return false;
  const block = statement.parent;
  const body =
    block?.type === AST_NODE_TYPES.Program || block?.type === AST_NODE_TYPES.BlockStatement || block?.type === AST_NODE_TYPES.StaticBlock
      ? block.body
      : block?.type === AST_NODE_TYPES.SwitchCase
        ? block.consequent
        : undefined;
  const next = body?.[body.indexOf(statement as TSESTree.Statement) + 1];
  if (next?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = next.expression;
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== "+=" || sourceCode.getText(expression.left) !== target) return false;
  return partCarriesValue(expression.right, sourceCode);
}

/** Whether an appended part is a value: not a string that starts with an end tag, not empty. */
function partCarriesValue(part: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const string = stringExpressionText(part, sourceCode);
  if (string === undefined) return carriesValue(part, sourceCode);
  const text = string.text.trimStart();
  return text !== "" && !text.startsWith("</");
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
      const headers = headersObject(findProperty(parent.parent, "headers", sourceCode), sourceCode);
      if (headers !== undefined) return headers;
    }
    if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(site as TSESTree.CallExpressionArgument)) {
      for (const argument of parent.arguments) {
        const options = skipWrappers(argument);
        if (options === site || options.type !== AST_NODE_TYPES.ObjectExpression) continue;
        const headers = headersObject(findProperty(options, "headers", sourceCode), sourceCode);
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

/**
 * The object literal of a `headers` property: written in place, or a `const` of this file that
 * holds it (`const headers = {…}; fetch(url, { headers, body })`).
 */
function headersObject(property: TSESTree.Property | undefined, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ObjectExpression | undefined {
  if (property === undefined) return undefined;
  const value = skipWrappers(property.value as TSESTree.Expression);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = constInitializer(value, sourceCode);
  return init?.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}

/** The initializer of the `const` an identifier names, if it is declared once in this file with one. */
function constInitializer(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = definition?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init === null) return undefined;
  const declaration = declarator.parent;
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== "const") return undefined;
  return skipWrappers(declarator.init) as TSESTree.Expression;
}

/** Where a request's headers are set in this file, and how to add `Authorization` there. */
interface RequestHeaders {
  /** The node a token expression is written at (for `await` validity). */
  at: TSESTree.Node;
  hasAuthorization: boolean;
  /** The edit that adds `Authorization: Bearer <token>`. */
  add(token: string): { index: number; text: string };
  /** The range every Authorization-adding edit of this request also rewrites as it is (see `authorizationAnchor`). */
  anchor: [number, number];
}

/**
 * The headers of the request a body is sent with: a headers object literal next to it (see
 * `adjacentHeaders`), or, in Campaign server-side JavaScript, the `req.header["…"] = …`
 * assignments of the `HttpClientRequest` whose `req.body` it is assigned to (same block).
 */
function requestHeaders(body: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): RequestHeaders | undefined {
  const object = adjacentHeaders(body, sourceCode);
  if (object !== undefined) {
    return {
      at: object,
      hasAuthorization: findProperty(object, "Authorization", sourceCode) !== undefined,
      add: (token) => addPropertyEdit(object, bearerProperty(token), sourceCode),
      anchor: [object.range[0], object.range[0] + 1],
    };
  }
  return httpClientRequestHeaders(body, sourceCode);
}

// A token expression that needs no brackets after `"Bearer " +`: a name, a member chain, a call without arguments.
const SIMPLE_EXPRESSION = /^[\w$.]+(?:\(\))?$/;

type HeaderAssignment = { statement: TSESTree.Node; name: string };
// Per block, its `x.header["Name"] = …` statements by request text: read once per block.
const headerAssignmentsByBlock = new WeakMap<TSESTree.Node, Map<string, HeaderAssignment[]>>();

/** `req.header["Name"] = value;` statements of a block, for the request `req` (its source text). */
function headerAssignments(block: TSESTree.Program | TSESTree.BlockStatement, request: string, sourceCode: Readonly<TSESLint.SourceCode>): HeaderAssignment[] {
  let byRequest = headerAssignmentsByBlock.get(block);
  if (byRequest === undefined) headerAssignmentsByBlock.set(block, (byRequest = collectHeaderAssignments(block.body, sourceCode)));
  return byRequest.get(request) ?? [];
}

function collectHeaderAssignments(statements: readonly TSESTree.Node[], sourceCode: Readonly<TSESLint.SourceCode>): Map<string, HeaderAssignment[]> {
  const found = new Map<string, HeaderAssignment[]>();
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const target = statement.expression.left;
    if (target.type !== AST_NODE_TYPES.MemberExpression || !target.computed) continue;
    const header = target.object;
    if (header.type !== AST_NODE_TYPES.MemberExpression || header.computed || header.property.type !== AST_NODE_TYPES.Identifier || header.property.name !== "header") continue;
    const name = ASTUtils.getStringIfConstant(target.property, sourceCode.getScope(target));
    if (name === null) continue;
    const request = sourceCode.getText(header.object);
    const entries = found.get(request);
    if (entries === undefined) found.set(request, [{ statement, name }]);
    else entries.push({ statement, name });
  }
  return found;
}

/**
 * Campaign's `HttpClientRequest`: `req.body = "<…><sessiontoken>…"` with `req.header["X"] = …`
 * statements in the same block. `Authorization` goes in a new statement after the last header, as
 * string concatenation (Campaign's JavaScript engine predates template literals).
 */
function httpClientRequestHeaders(body: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): RequestHeaders | undefined {
  const assignment = body.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== body || assignment.operator !== "=") return undefined;
  const target = assignment.left;
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.property.type !== AST_NODE_TYPES.Identifier || target.property.name !== "body") return undefined;
  const statement = assignment.parent;
  const block = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || (block?.type !== AST_NODE_TYPES.Program && block?.type !== AST_NODE_TYPES.BlockStatement)) return undefined;
  const request = sourceCode.getText(target.object);
  const headers = headerAssignments(block, request, sourceCode);
  const last = headers.at(-1);
  if (last === undefined) return undefined;
  const indent = " ".repeat(last.statement.loc.start.column);
  return {
    at: last.statement,
    hasAuthorization: headers.some(({ name }) => name.trim().toLowerCase() === "authorization"),
    add: (token) => ({ index: last.statement.range[1], text: `\n${indent}${request}.header["Authorization"] = "Bearer " + ${SIMPLE_EXPRESSION.test(token) ? token : `(${token})`};` }),
    anchor: [last.statement.range[0], last.statement.range[0] + 1],
  };
}

/**
 * Every edit that adds `Authorization` to a request's headers carries a no-op edit on the first
 * character of the headers object, so two of them (an emptied token, a replaced header) always
 * overlap: ESLint applies one per pass, and the next pass sees the header and adds no second one.
 */
function authorizationAnchor(fixer: TSESLint.RuleFixer, headers: TSESTree.ObjectExpression): TSESLint.RuleFix[] {
  return [fixer.replaceTextRange([headers.range[0], headers.range[0] + 1], "{")];
}

// Methods that read, test or remove a header by name: the name there is not a use.
const HEADER_READ_METHODS: ReadonlySet<string> = new Set([
  "get",
  "getAll",
  "has",
  "delete",
  "remove",
  "getHeader",
  "hasHeader",
  "removeHeader",
  "deleteHeader",
  "getResponseHeader",
  "toHaveProperty",
  "toHaveHeader",
  "not",
]);

/**
 * Whether a header-name string is used to send the header: an assignment target
 * (`req.header["X-Security-Token"] = t`), the name argument of a setter (`set(name, value)`,
 * `addHttpHeader(name, value)`), an array entry (`[name, value]` pairs), a value of an object
 * (`{ name: "X-Security-Token", value }`), or a constant that is used so. A name that is read
 * (`headers["X-Security-Token"]`, `headers.get(name)`), deleted, compared (`name === …`, `case`)
 * or asserted absent is not a use.
 */
function sendsHeader(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.property !== node || !parent.computed) return false;
      let target: TSESTree.Node = parent;
      while (target.parent?.type === AST_NODE_TYPES.ChainExpression || (target.parent !== undefined && isWrapperOf(target.parent, target))) target = target.parent;
      return target.parent?.type === AST_NODE_TYPES.AssignmentExpression && target.parent.left === target;
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (parent.callee === node || parent.arguments[0] !== node || parent.arguments.length < 2) return false;
      const callee = skipWrappers(parent.callee);
      const method =
        callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
          ? callee.property.name
          : callee.type === AST_NODE_TYPES.Identifier
            ? callee.name
            : undefined;
      return method === undefined || !HEADER_READ_METHODS.has(method);
    }
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.SwitchCase:
    case AST_NODE_TYPES.UnaryExpression:
      return false;
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== node || parent.id.type !== AST_NODE_TYPES.Identifier || depth > 2) return true;
      const variable = ASTUtils.findVariable(sourceCode.getScope(parent), parent.id);
      const reads = (variable?.references ?? []).filter((reference) => reference.isRead());
      // A constant no code here uses (exported, say) still declares the header.
      return reads.length === 0 || reads.some((reference) => sendsHeader(reference.identifier, sourceCode, depth + 1));
    }
    case AST_NODE_TYPES.Property:
      // `{ [H]: value }` sends; `{ key: H }` names the header of an entry; `const { [H]: t } = headers` reads.
      return parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    default:
      return true;
  }
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
      emptySessionToken:
        "Empty the session token, and send Authorization: Bearer {{token}} with this request where its headers are set (a node-soap client: client.addHttpHeader).",
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

        const tags = scanSessionTokenTags(text);
        for (const element of tags.elements) reportElement(string, element.name, element.valueRange);
        checkOpenTags(string, tags.open);

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
        // Emptying the token is a fix only where the request then authenticates: its headers (in
        // this file) already send Authorization, or the same edit adds it with a configured token
        // source. Otherwise it is a suggestion: with the request's headers elsewhere, or with a
        // placeholder token source, a person finishes the change.
        const headers = requestHeaders(string.node, sourceCode);
        const { token, configured } = tokenAt(headers?.at ?? string.node);
        const addHeader = headers !== undefined && !headers.hasAuthorization ? headers.add(token) : undefined;
        const emptyAndAdd = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] => [
          fixer.removeRange(range),
          fixer.insertTextAfterRange([addHeader!.index, addHeader!.index], addHeader!.text),
          fixer.replaceTextRange(headers!.anchor, sourceCode.text.slice(...headers!.anchor)),
        ];
        if (headers?.hasAuthorization === true || (addHeader !== undefined && configured)) {
          context.report({
            loc: locOf(range),
            messageId: "sessionTokenElement",
            data: { name },
            fix: (fixer) => (addHeader === undefined ? fixer.removeRange(range) : emptyAndAdd(fixer)),
          });
          return;
        }
        context.report({
          loc: locOf(range),
          messageId: "sessionTokenElement",
          data: { name },
          suggest: [
            addHeader === undefined
              ? { messageId: "emptySessionToken", data: { token }, fix: (fixer) => fixer.removeRange(range) }
              : { messageId: "emptyAndAddBearerHeader", data: { token }, fix: emptyAndAdd },
          ],
        });
      };

      const reportHeaderName = (node: TSESTree.Node, kind: "security-token" | "session-token"): void => {
        const messageId = kind === "security-token" ? "securityTokenHeader" : "sessionTokenHeader";
        const property = node.parent;
        if (property?.type !== AST_NODE_TYPES.Property || property.key !== node || property.parent.type !== AST_NODE_TYPES.ObjectExpression) {
          if (sendsHeader(node, sourceCode)) context.report({ node, messageId });
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
                  fix: (fixer) => [fixer.replaceText(property, bearerProperty(token)), ...authorizationAnchor(fixer, property.parent as TSESTree.ObjectExpression)],
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
          return;
        }
        checkSessionTokenMember(property);
      };

      // --- SOAP arguments and XML builders -------------------------------------------------
      // A SOAP client's argument object (`client.GetMirrorURL({ sessiontoken: t, … })`, node-soap),
      // or an XML builder's object (`{ "urn:sessiontoken": t }`, fast-xml-parser, xml2js): the
      // `sessiontoken` member holds a value. Unprefixed, only in Campaign or SOAP-client code.
      const soapContext = campaignContext || usesSoapClient(sourceCode.text);
      let bindings: Map<string, Set<string>> | undefined;
      const foreignPrefix = (name: string): boolean => isForeignPrefix((bindings ??= textNamespaceBindings(sourceCode.text)), name);
      const checkSessionTokenMember = (property: TSESTree.Property): void => {
        if (property.parent.type !== AST_NODE_TYPES.ObjectExpression || property.kind !== "init" || property.method) return;
        const key = property.computed ? undefined : propertyKey(property, sourceCode);
        if (key === undefined) return;
        const prefixed = SESSION_TOKEN_MEMBER_PREFIXED.test(key);
        if (!(prefixed ? !foreignPrefix(key) : key === SESSION_TOKEN_MEMBER && soapContext)) return;
        const value = property.value as TSESTree.Expression;
        if (!carriesValue(value, sourceCode)) return;
        reportSoapValue(property.shorthand ? property : value, key, property.shorthand ? (fixer) => fixer.replaceText(property, `${key}: ""`) : undefined);
      };

      /** A token value written into a SOAP parameter by code: reported, with a suggestion that empties it. */
      const reportSoapValue = (node: TSESTree.Node, name: string, empty?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix): void => {
        const { token } = tokenAt(node);
        context.report({
          node,
          messageId: "sessionTokenElement",
          data: { name },
          suggest: [{ messageId: "emptySessionToken", data: { token }, fix: empty ?? ((fixer) => fixer.replaceText(node, '""')) }],
        });
      };

      // xmlbuilder / xmlbuilder2: `.ele("urn:sessiontoken", t)`, `.ele("sessiontoken").txt(t)`,
      // `.ele("urn:xtk:session", "sessiontoken").txt(t)` (namespace first).
      const checkBuilderElement = (node: TSESTree.CallExpression, method: string): void => {
        if (!BUILDER_ELEMENT_METHODS.has(method)) return;
        const args = node.arguments;
        const constant = (index: number): string | undefined => {
          const argument = args[index];
          return argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement
            ? undefined
            : (ASTUtils.getStringIfConstant(argument, sourceCode.getScope(argument)) ?? undefined);
        };
        const first = constant(0);
        if (first === undefined) return;
        const second = constant(1);
        const namespaced = second !== undefined && BUILDER_ELEMENT_NAME.test(second) && !BUILDER_ELEMENT_NAME.test(first);
        const name = namespaced ? second : first;
        if (!BUILDER_ELEMENT_NAME.test(name)) return;
        if (namespaced && !mayBeCampaignParameterNamespace(first)) return;
        if (name.includes(":") && foreignPrefix(name)) return;
        // The text: a later argument that is not the attributes object, or the chained `.txt(t)`.
        for (const argument of args.slice(namespaced ? 2 : 1)) {
          if (argument.type === AST_NODE_TYPES.SpreadElement || skipWrappers(argument).type === AST_NODE_TYPES.ObjectExpression) continue;
          if (carriesValue(argument, sourceCode)) reportSoapValue(argument, name);
          return;
        }
        const member = node.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || member.computed) return;
        if (member.property.type !== AST_NODE_TYPES.Identifier || !BUILDER_TEXT_METHODS.has(member.property.name)) return;
        const call = member.parent;
        const text = call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call.arguments[0] : undefined;
        if (text !== undefined && text.type !== AST_NODE_TYPES.SpreadElement && carriesValue(text, sourceCode)) reportSoapValue(text, name);
      };

      // Campaign server-side `SoapService`: `svc.addMethod("ExecuteQuery", "xtk:queryDef#ExecuteQuery",
      // ["sessiontoken", "string", …], …)` declares the session token as the first parameter, so
      // `svc.ExecuteQuery(token, …)` sends it (`""` is the after-state: `cnx.addTokens` or a bearer
      // header authenticates). Receivers are compared by their text, short ones only.
      const tokenMethods = new Map<string, Set<string>>();
      const receiverText = (object: TSESTree.Node): string | undefined =>
        object.range[1] - object.range[0] > MAX_RECEIVER_LENGTH ? undefined : sourceCode.getText(object);
      const checkSoapServiceCall = (node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void => {
        if (method === "addMethod") {
          const [nameArgument, , parameters] = node.arguments;
          const declared = nameArgument === undefined || nameArgument.type === AST_NODE_TYPES.SpreadElement ? null : ASTUtils.getStringIfConstant(nameArgument, sourceCode.getScope(nameArgument));
          const first = parameters?.type === AST_NODE_TYPES.ArrayExpression ? parameters.elements[0] : undefined;
          const firstName = first === undefined || first === null || first.type === AST_NODE_TYPES.SpreadElement ? null : ASTUtils.getStringIfConstant(first, sourceCode.getScope(first));
          const receiver = receiverText(callee.object);
          if (declared === null || firstName?.toLowerCase() !== SESSION_TOKEN_MEMBER || receiver === undefined) return;
          let names = tokenMethods.get(receiver);
          if (names === undefined) tokenMethods.set(receiver, (names = new Set()));
          names.add(declared);
          return;
        }
        if (tokenMethods.size === 0) return;
        const receiver = receiverText(callee.object);
        if (receiver === undefined || tokenMethods.get(receiver)?.has(method) !== true) return;
        const [token] = node.arguments;
        if (token !== undefined && token.type !== AST_NODE_TYPES.SpreadElement && carriesValue(token, sourceCode)) reportSoapValue(token, SESSION_TOKEN_MEMBER);
      };

      // An envelope built across statements: `env = "…<sessiontoken>"; env += token;` (or an array
      // of parts). A start tag whose content is not in this string: the value is what comes next.
      const checkOpenTags = (string: StringExpressionText, tags: readonly OpenSessionTokenTag[]): void => {
        for (const open of tags) {
          const rest = string.text.slice(open.contentStart).trim();
          const carries = rest === "" ? nextPartCarriesValue(string.node, sourceCode) : !rest.startsWith("<");
          if (carries) context.report({ loc: locOf(string.range(open.nameRange.start, open.nameRange.end)), messageId: "sessionTokenElement", data: { name: open.name } });
        }
      };

      // --- server-side and JSSP calls ------------------------------------------------------
      const checkCall = (node: TSESTree.CallExpression): void => {
        const callee = skipWrappers(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return;
        const name = callee.property.name;
        checkBuilderElement(node, name);
        checkSoapServiceCall(node, callee, name);
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
                ? (fixer: RuleTextEditor) => [
                    fixer.insertTextAfterRange([request.headerInsertOffset, request.headerInsertOffset], `${request.lineEnding}Authorization: Bearer ${bearer}`),
                    requestAnchor(fixer, text, request.range[0]),
                  ]
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
              const addBearer =
                headers === undefined
                  ? undefined
                  : (fixer: RuleTextEditor) => [addPostmanHeader(fixer, sourceCode, headers, bearer), requestAnchor(fixer, text, jsonRange(request!.node)[0])];
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
                        requestAnchor(fixer, text, jsonRange(request.node)[0]),
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
  { suggest = [], addToFix }: { suggest?: Suggestion[]; addToFix?: ((fixer: RuleTextEditor) => RuleTextEdit[]) | undefined } = {},
): void {
  const { sourceCode } = context;
  const empty = transport.kind === "element" ? transport.empty : undefined;
  context.report({
    loc: locOf(sourceCode, transport.start, transport.end),
    ...transportMessage(transport),
    ...(empty === undefined ? {} : { fix: (fixer: RuleTextEditor) => (addToFix === undefined ? fixer.removeRange(empty) : [fixer.removeRange(empty), ...addToFix(fixer)]) }),
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
      : [
          {
            messageId: "replaceWithBearerHeader",
            data: { token: bearer },
            fix: (fixer) => [fixer.replaceTextRange(header.range, authorization), requestAnchor(fixer, text, request.range[0])],
          },
        ];
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
        requestAnchor(fixer, text, request.range[0]),
      ],
    },
  ];
}

/**
 * A no-op edit on a request's first character. Every fix or suggestion that adds `Authorization`
 * to a request (.http, Postman) carries it, so any two of them overlap: ESLint applies one per
 * pass, the next pass sees the header, and no request gets a second one.
 */
function requestAnchor(fixer: RuleTextEditor, text: string, start: number): RuleTextEdit {
  return fixer.replaceTextRange([start, start + 1], text.slice(start, start + 1));
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

