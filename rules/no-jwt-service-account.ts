/**
 * no-jwt-service-account: Adobe IMS Service Account (JWT) credentials, which Adobe retires in
 * favour of OAuth Server-to-Server.
 *
 * TS/JS: the JWT packages (`@adobe/jwt-auth`, `@adobe/aio-lib-ims-jwt`) in every import form, the
 * `auth({...})` call of `@adobe/jwt-auth`, `/ims/exchange/jwt` URLs and `ent_campaign_sdk`
 * metascopes inside string and template literals (exact substring positions), JWT configuration
 * objects (aio-lib-ims `meta_scopes` contexts, `metaScopes` configs), aio-lib-ims'
 * `exchangeJwtToken`, and `jsonwebtoken` `sign` calls in a file that posts to `/ims/exchange/jwt`.
 *
 * Only the `auth({...})` call has a mechanical OAuth target (`generateAccessToken` from
 * `@adobe/aio-lib-core-auth`, same client id, secret and org), offered as a suggestion because it
 * adds a dependency and needs an OAuth credential; every other pattern changes the request or the
 * credential itself, so it gets a message only.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import {
  AIO_LIB_IMS_JWT_PACKAGE,
  JWT_AUTH_PACKAGE,
  JWT_END_OF_LIFE,
  OAUTH_AUTH_PACKAGE,
  OAUTH_TOKEN_ENDPOINT,
  classifyImsContext,
  findCampaignMetascopes,
  findJwtExchangeEndpoints,
  isAioLibImsSpecifier,
  jwtPackageOf,
  type TextMatch,
} from "../src/campaign/jwt.js";
import { literalText, memberNameNode, skipWrappers } from "../src/campaign/sdk.js";
import { createRule, type JsRuleContext } from "../src/create-rule.js";

export type Options = [{ scopesExpression: string }];

export type MessageIds =
  | "jwtAuthImport"
  | "aioLibImsJwtImport"
  | "jwtAuthCall"
  | "jwtExchangeEndpoint"
  | "campaignMetascope"
  | "jwtImsContext"
  | "jwtAuthConfig"
  | "exchangeJwtToken"
  | "jwtSign"
  | "useGenerateAccessToken";

// Adobe's latest end-of-life date; the docs page gives the whole timeline.
const END_OF_LIFE = `Service Account (JWT) credentials end on ${JWT_END_OF_LIFE} at the latest`;
const USE_GENERATE_ACCESS_TOKEN = `Use OAuth Server-to-Server: generateAccessToken({ clientId, clientSecret, orgId, scopes }) from ${OAUTH_AUTH_PACKAGE}.`;
const USE_OAUTH_CONTEXT =
  "Use an OAuth Server-to-Server context: client_id, client_secrets, technical_account_id, technical_account_email, ims_org_id, scopes.";
const USE_TOKEN_ENDPOINT = `POST grant_type=client_credentials with client_id, client_secret and scope to ${OAUTH_TOKEN_ENDPOINT} (OAuth Server-to-Server).`;

/** The default `scopesExpression`: reads the OAuth scopes from the environment, never hard-codes them. */
export const DEFAULT_SCOPES_EXPRESSION = 'process.env.IMS_SCOPES?.split(",")';

const GENERATE_ACCESS_TOKEN = "generateAccessToken";
const JSONWEBTOKEN = "jsonwebtoken";
// Calls are resolved to module members only in files that name one of the tracked modules.
const TRACKED_MODULES = /jsonwebtoken|jwt-auth/i;

// `auth({...})` keys that `generateAccessToken` takes as they are, and the JWT-only keys the
// rewrite drops. Any other key (`ims`: a non-production IMS host) makes the rewrite not mechanical.
const KEPT_AUTH_KEYS: ReadonlySet<string> = new Set(["clientId", "clientSecret", "orgId"]);
const DROPPED_AUTH_KEYS: ReadonlySet<string> = new Set(["technicalAccountId", "privateKey", "passphrase", "metaScopes"]);

export default createRule<MessageIds, Options>({
  name: "no-jwt-service-account",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Adobe IMS Service Account (JWT) credentials: use OAuth Server-to-Server",
      recommended: true,
      kind: "jwt",
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          scopesExpression: {
            type: "string",
            minLength: 1,
            description:
              "JS/TS expression (string[] or undefined) the generateAccessToken suggestion passes as `scopes`: the OAuth Server-to-Server scopes of your credential. The default reads a comma-separated IMS_SCOPES environment variable.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      jwtAuthImport: `Import of ${JWT_AUTH_PACKAGE}: ${END_OF_LIFE}. ${USE_GENERATE_ACCESS_TOKEN}`,
      aioLibImsJwtImport: `Import of ${AIO_LIB_IMS_JWT_PACKAGE}, the aio-lib-ims JWT plugin: ${END_OF_LIFE}. Give @adobe/aio-lib-ims an OAuth Server-to-Server context (client_secrets, technical_account_email, scopes) instead.`,
      jwtAuthCall: `JWT token exchange through ${JWT_AUTH_PACKAGE}: ${END_OF_LIFE}. ${USE_GENERATE_ACCESS_TOKEN}`,
      jwtExchangeEndpoint: `JWT exchange endpoint /ims/exchange/jwt: ${END_OF_LIFE}. ${USE_TOKEN_ENDPOINT}`,
      campaignMetascope: `Campaign JWT metascope ent_campaign_sdk: metascopes exist only in Service Account (JWT) credentials, which end on ${JWT_END_OF_LIFE} at the latest. Add an OAuth Server-to-Server credential to the Campaign project in the Adobe Developer Console and request its scopes.`,
      jwtImsContext: `aio-lib-ims JWT context (meta_scopes): ${END_OF_LIFE}. ${USE_OAUTH_CONTEXT}`,
      jwtAuthConfig: `Service Account (JWT) configuration with metaScopes (${JWT_AUTH_PACKAGE}, @adobe/fetch): ${END_OF_LIFE}. ${USE_GENERATE_ACCESS_TOKEN}`,
      exchangeJwtToken: `aio-lib-ims exchangeJwtToken trades a signed JWT for a token: ${END_OF_LIFE}. Call getToken with an OAuth Server-to-Server context (client_secrets, technical_account_email, scopes).`,
      jwtSign: `JWT signed with jsonwebtoken for the IMS JWT exchange (this file posts to /ims/exchange/jwt): ${END_OF_LIFE}. OAuth Server-to-Server needs no signed JWT: ${USE_TOKEN_ENDPOINT}`,
      useGenerateAccessToken: `Replace with ${GENERATE_ACCESS_TOKEN} from ${OAUTH_AUTH_PACKAGE} (scopes: {{scopes}}); add that package and an OAuth Server-to-Server credential.`,
    },
  },
  defaultOptions: [{ scopesExpression: DEFAULT_SCOPES_EXPRESSION }],
  create: {
    js: createJs,
  },
});

function createJs(context: JsRuleContext<MessageIds, Options>): TSESLint.RuleListener {
  const { sourceCode } = context;
  const scopesExpression = context.options[0]?.scopesExpression ?? DEFAULT_SCOPES_EXPRESSION;
  // Objects passed straight to a reported `auth({...})`: that report already covers them.
  const coveredObjects = new Set<TSESTree.Node>();
  // Patterns that count only with file-level evidence, reported at `Program:exit`.
  const signCalls: TSESTree.Node[] = [];
  const exchangeJwtTokenCalls: TSESTree.Node[] = [];
  let postsToJwtExchange = false;
  let importsAioLibIms = false;
  const tracksModules = TRACKED_MODULES.test(sourceCode.text);

  /** A module specifier in any import form: report a JWT package, note aio-lib-ims. */
  function checkModuleSource(source: TSESTree.Node | null | undefined): void {
    if (source === null || source === undefined) return;
    const specifier = staticString(source);
    if (specifier === undefined) return;
    if (isAioLibImsSpecifier(specifier)) importsAioLibIms = true;
    const jwtPackage = jwtPackageOf(specifier);
    if (jwtPackage === undefined) return;
    context.report({ node: source, messageId: jwtPackage === JWT_AUTH_PACKAGE ? "jwtAuthImport" : "aioLibImsJwtImport" });
  }

  /** Report each match at its exact position inside a string or template literal (`${}` never matches). */
  function checkLiteral(node: TSESTree.Literal | TSESTree.TemplateLiteral): void {
    const literal = literalText(node, sourceCode);
    if (literal === undefined) return;
    const report = (match: TextMatch, messageId: MessageIds): void => {
      const [start, end] = literal.range(match.start, match.end);
      context.report({ node, messageId, loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) } });
    };
    for (const match of findJwtExchangeEndpoints(literal.text)) {
      postsToJwtExchange = true;
      report(match, "jwtExchangeEndpoint");
    }
    for (const match of findCampaignMetascopes(literal.text)) report(match, "campaignMetascope");
  }

  function checkCall(node: TSESTree.CallExpression): void {
    const callee = skipWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === "require") checkModuleSource(node.arguments[0]);

    const target = tracksModules ? moduleMemberOf(callee, sourceCode) : undefined;
    if (target?.source === JSONWEBTOKEN && target.path.join(".") === "sign") {
      signCalls.push(memberNameNode(callee));
    } else if (target !== undefined && jwtPackageOf(target.source) === JWT_AUTH_PACKAGE && target.path.length === 0) {
      const argument = node.arguments[0];
      if (argument?.type === AST_NODE_TYPES.ObjectExpression) coveredObjects.add(argument);
      const suggestion = generateAccessTokenRewrite(node, callee, sourceCode, scopesExpression);
      context.report({
        node: memberNameNode(callee),
        messageId: "jwtAuthCall",
        suggest:
          suggestion === undefined
            ? null
            : [{ messageId: "useGenerateAccessToken", data: { scopes: scopesExpression }, fix: suggestion }],
      });
    }

    if (callee.type === AST_NODE_TYPES.MemberExpression && staticName(callee, sourceCode) === "exchangeJwtToken") {
      exchangeJwtTokenCalls.push(callee.property);
    }
  }

  return {
    ImportDeclaration: (node) => checkModuleSource(node.source),
    ExportAllDeclaration: (node) => checkModuleSource(node.source),
    ExportNamedDeclaration: (node) => checkModuleSource(node.source),
    ImportExpression: (node) => checkModuleSource(node.source),
    TSImportEqualsDeclaration(node) {
      if (node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) checkModuleSource(node.moduleReference.expression);
    },
    CallExpression: checkCall,
    Literal(node) {
      // A string in a type (`type Url = "/ims/exchange/jwt"`) sends nothing.
      if (node.parent.type !== AST_NODE_TYPES.TSLiteralType) checkLiteral(node);
    },
    TemplateLiteral: checkLiteral,
    ObjectExpression(node) {
      if (coveredObjects.has(node)) return;
      const keys = new Map<string, TSESTree.Node>();
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = staticName(property, sourceCode);
        if (name !== undefined && !keys.has(name)) keys.set(name, property.key);
      }
      const shape = classifyImsContext(keys.keys());
      if (shape?.kind !== "jwt") return;
      const key = keys.get(shape.key);
      if (key === undefined) return;
      context.report({ node: key, messageId: shape.key === "meta_scopes" ? "jwtImsContext" : "jwtAuthConfig" });
    },
    "Program:exit"() {
      if (postsToJwtExchange) for (const node of signCalls) context.report({ node, messageId: "jwtSign" });
      if (importsAioLibIms) for (const node of exchangeJwtTokenCalls) context.report({ node, messageId: "exchangeJwtToken" });
    },
  };
}

/** A string known without running the code: `"x"`, `` `x` ``, `"a" + "b"`. */
const staticString = (node: TSESTree.Node): string | undefined => ASTUtils.getStringIfConstant(node) ?? undefined;

/** The static name of `a.b` / `a["b"]` or of an object property key (`b`, `"b"`, `[B]` with `const B = "b"`). */
function staticName(node: TSESTree.MemberExpression | TSESTree.Property, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  return ASTUtils.getPropertyName(node, sourceCode.getScope(node)) ?? undefined;
}

/** A module and a member path inside it: `jwt.sign` → `{ source: "jsonwebtoken", path: ["sign"] }`. */
interface ModuleMember {
  source: string;
  path: readonly string[];
}

const MAX_ALIAS_DEPTH = 16;

/**
 * What module member an expression is, following imports, `require`, `await import()`,
 * destructuring and aliases through scope analysis. `default` on the module itself is the module
 * (CommonJS interop), so `auth.default(...)` and `import auth from` both name `@adobe/jwt-auth`.
 */
function moduleMemberOf(raw: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): ModuleMember | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const node = skipWrappers(raw);
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== "require" || node.arguments[0] === undefined) return undefined;
      const source = staticString(node.arguments[0]);
      return source === undefined ? undefined : { source, path: [] };
    }
    case AST_NODE_TYPES.AwaitExpression: {
      const argument = skipWrappers(node.argument);
      if (argument.type !== AST_NODE_TYPES.ImportExpression) return undefined;
      const source = staticString(argument.source);
      return source === undefined ? undefined : { source, path: [] };
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticName(node, sourceCode);
      const object = name === undefined ? undefined : moduleMemberOf(node.object, sourceCode, depth + 1);
      return object === undefined || name === undefined ? undefined : member(object, name);
    }
    case AST_NODE_TYPES.Identifier:
      return bindingMemberOf(node, sourceCode, depth);
    default:
      return undefined;
  }
}

function member(object: ModuleMember, name: string): ModuleMember {
  return object.path.length === 0 && name === "default" ? object : { source: object.source, path: [...object.path, name] };
}

function bindingMemberOf(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): ModuleMember | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable === null || def === undefined) return undefined;
  if (def.type === "ImportBinding") {
    const binding = def.node;
    if (binding.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = binding.moduleReference;
      if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
      const source = staticString(reference.expression);
      return source === undefined ? undefined : { source, path: [] };
    }
    const declaration = binding.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const root: ModuleMember = { source: declaration.source.value, path: [] };
    if (binding.type !== AST_NODE_TYPES.ImportSpecifier) return root;
    return member(root, binding.imported.type === AST_NODE_TYPES.Identifier ? binding.imported.name : binding.imported.value);
  }
  if (def.type !== "Variable" || def.node.init === null) return undefined;
  // A variable written again later (`let auth = require(...); auth = other`) is not followed.
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  const path = destructuredPath(def.name, def.node.id, sourceCode);
  const init = path === undefined ? undefined : moduleMemberOf(def.node.init, sourceCode, depth + 1);
  return init === undefined || path === undefined ? undefined : path.reduce(member, init);
}

/** The property path from a declarator's pattern down to one bound name: `{ a: { b } }` → `["a", "b"]`. */
function destructuredPath(name: TSESTree.Node, pattern: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string[] | undefined {
  const path: string[] = [];
  let node: TSESTree.Node = name;
  while (node !== pattern) {
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) {
      node = parent;
    } else if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
      const key = staticName(parent, sourceCode);
      if (key === undefined) return undefined;
      path.unshift(key);
      node = parent.parent;
    } else {
      return undefined;
    }
  }
  return path;
}

/**
 * The suggestion that rewrites `auth({ clientId, clientSecret, orgId, technicalAccountId,
 * privateKey, metaScopes })` to `generateAccessToken({ clientId, clientSecret, orgId, scopes })`,
 * with the import, when that is mechanical: an inline config object with only the keys jwt-auth
 * documents, the three kept keys present, and an import binding used by this call alone (so the
 * import can be rewritten too) or an inline `require(...)(...)`.
 */
function generateAccessTokenRewrite(
  call: TSESTree.CallExpression,
  callee: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  scopesExpression: string,
): TSESLint.ReportFixFunction | undefined {
  const [config, ...rest] = call.arguments;
  if (config?.type !== AST_NODE_TYPES.ObjectExpression || rest.length > 0) return undefined;
  const kept = new Map<string, TSESTree.Property>();
  for (const property of config.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== "init" || property.method) return undefined;
    const name = staticName(property, sourceCode);
    if (name !== undefined && KEPT_AUTH_KEYS.has(name) && !kept.has(name)) {
      kept.set(name, property);
    } else if (name === undefined || !DROPPED_AUTH_KEYS.has(name)) {
      return undefined;
    }
  }
  if (kept.size !== KEPT_AUTH_KEYS.size || nameInUse(GENERATE_ACCESS_TOKEN, sourceCode)) return undefined;

  const keptText = [...kept.values()].map((property) => sourceCode.getText(property));
  const newConfig = `{ ${[...keptText, `scopes: ${scopesExpression}`].join(", ")} }`;
  const quoted = (source: TSESTree.Node): string => {
    const quote = sourceCode.getText(source).charAt(0);
    return `${quote}${OAUTH_AUTH_PACKAGE}${quote}`;
  };

  // `require("@adobe/jwt-auth")({...})`: everything is in the call.
  if (callee.type === AST_NODE_TYPES.CallExpression) {
    const source = callee.arguments[0];
    if (source === undefined) return undefined;
    return (fixer) => [
      fixer.replaceText(callee, `require(${quoted(source)}).${GENERATE_ACCESS_TOKEN}`),
      fixer.replaceText(config, newConfig),
    ];
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable === null || def === undefined) return undefined;
  const reads = variable.references.filter((reference) => reference.identifier !== def.name);
  if (reads.length !== 1 || reads[0]?.identifier !== callee) return undefined;

  // What to rewrite in the import: the binding (to `{ generateAccessToken }`) and the module source.
  let binding: TSESTree.Node;
  let source: TSESTree.Node;
  if (
    def.type === "ImportBinding" &&
    (def.node.type === AST_NODE_TYPES.ImportDefaultSpecifier || def.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) &&
    def.node.parent.type === AST_NODE_TYPES.ImportDeclaration &&
    def.node.parent.specifiers.length === 1
  ) {
    binding = def.node;
    source = def.node.parent.source;
  } else if (
    def.type === "Variable" &&
    // `auth = require(...)` or `{ default: auth } = require(...)`: the declarator binds nothing else.
    (def.node.id === def.name || (def.node.id.type === AST_NODE_TYPES.ObjectPattern && def.node.id.properties.length === 1)) &&
    def.node.init?.type === AST_NODE_TYPES.CallExpression
  ) {
    const requireSource = def.node.init.arguments[0];
    if (requireSource === undefined || moduleMemberOf(def.node.init, sourceCode) === undefined) return undefined;
    binding = def.node.id;
    source = requireSource;
  } else {
    return undefined;
  }
  return (fixer) => [
    fixer.replaceText(binding, `{ ${GENERATE_ACCESS_TOKEN} }`),
    fixer.replaceText(source, quoted(source)),
    fixer.replaceText(callee, GENERATE_ACCESS_TOKEN),
    fixer.replaceText(config, newConfig),
  ];
}

/** Whether a name is declared anywhere in the file or used as a global: a new binding would clash. */
function nameInUse(name: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const { scopeManager } = sourceCode;
  if (scopeManager === null) return true;
  return (
    scopeManager.scopes.some((scope) => scope.set.has(name)) ||
    scopeManager.globalScope?.through.some((reference) => reference.identifier.name === name) === true
  );
}
