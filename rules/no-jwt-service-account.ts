/**
 * no-jwt-service-account: Adobe IMS Service Account (JWT) credentials, which Adobe converted or
 * ended on March 1 2026 (their exchange fails now), in favour of OAuth Server-to-Server.
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
 *
 * XML (config-<instance>.xml, serverConf.xml, any XML, XML bodies of .http requests): a non-empty
 * `authIMSTAPrivateKey` on `ims`; the legacy Triggers attributes `appName`, `authPrivateKey`,
 * `authGatewayEndpoint` on `pipelined` (never `authType="imsJwtToken"`, the current setting);
 * endpoints and metascopes in attribute values and text.
 * Shell: `-setimsjwtauth` (rewritten to `-setimsoauth:A/B/C/D`: a fix with the
 * `rewriteSetImsJwtAuth` option or `configs.v8`, else a suggestion), `-setimsauth` (info),
 * endpoints and metascopes in words, `npm install` / `yarn add` / `pnpm add` / `bun add` of the
 * JWT packages, `jwt_token` form parameters.
 * JSON: package.json dependencies on the JWT packages, JWT contexts, endpoints and metascopes in
 * strings (not in prose fields), Postman `jwt_token` parameters.
 * HTTP: endpoints in request lines, variables, headers, bodies and scripts; `jwt_token` form bodies.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { RuleTextEdit, RuleTextEditor, RuleVisitor, SourceLocation } from "@eslint/core";
import type { JSONSourceCode } from "@eslint/json";
import {
  AIO_LIB_IMS_JWT_PACKAGE,
  JWT_AUTH_PACKAGE,
  JWT_END_OF_LIFE,
  OAUTH_AUTH_PACKAGE,
  OAUTH_TOKEN_ENDPOINT,
  classifyImsContext,
  findCampaignMetascopes,
  findImsAuthOptions,
  findJwtExchangeEndpoints,
  findJwtTokenParams,
  isAemJwtOnly,
  isAioLibImsSpecifier,
  jwtPackageOf,
  jwtPackageSpec,
  packageInstallArgumentsStart,
  setImsOAuthEdits,
  type ImsAuthOption,
  type JwtPackage,
  type TextEdit,
  type TextMatch,
} from "../src/campaign/jwt.js";
import { literalText, memberNameNode, skipWrappers } from "../src/campaign/sdk.js";
import { createRule, type JsRuleContext, type LanguageRuleContext } from "../src/create-rule.js";
import type { HttpRequest, HttpSourceCode, HttpVariable } from "../src/languages/http/index.js";
import {
  parseShell,
  shellWordSourceOffset,
  shellWordSourceRange,
  type ShellCommand,
  type ShellDialect,
  type ShellHeredoc,
  type ShellSourceCode,
  type ShellWord,
} from "../src/languages/shell/index.js";
import { toSourceRange, type XmlAttribute, type XmlElement, type XmlSourceCode, type XmlText } from "../src/languages/xml/index.js";

export type Options = [{ scopesExpression?: string; rewriteSetImsJwtAuth?: boolean }];

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
  | "useGenerateAccessToken"
  | "imsJwtPrivateKey"
  | "legacyPipelinedAuth"
  | "removePipelinedAttribute"
  | "setImsJwtAuth"
  | "setImsAuth"
  | "useSetImsOAuth"
  | "useSetImsOAuthWithSecret"
  | "jwtPackageInstall"
  | "jwtPackageDependency"
  | "jwtTokenParam"
  | "aemJwtCredential";

// Adobe converted or ended every Service Account (JWT) credential on that day: the exchange fails
// now, it is not a future deadline (issue 13). The docs page gives the whole timeline.
const END_OF_LIFE = `the JWT exchange fails now: Adobe converted or ended Service Account (JWT) credentials on ${JWT_END_OF_LIFE}`;
const USE_GENERATE_ACCESS_TOKEN = `Use OAuth Server-to-Server: generateAccessToken({ clientId, clientSecret, orgId, scopes }) from ${OAUTH_AUTH_PACKAGE}.`;
const USE_OAUTH_CONTEXT =
  "Use an OAuth Server-to-Server context: client_id, client_secrets, technical_account_id, technical_account_email, ims_org_id, scopes.";
const USE_TOKEN_ENDPOINT = `POST grant_type=client_credentials with client_id, client_secret and scope to ${OAUTH_TOKEN_ENDPOINT} (OAuth Server-to-Server).`;
const USE_SET_IMS_OAUTH =
  "On Campaign 7.4.1+ run nlserver config -setimsoauth:<org>/<client>/<technical account>/<client secret> with an OAuth Server-to-Server credential (no private key)";
const OAUTH_REQUIREMENTS = "needs Campaign 7.4.1+ and the OAuth Server-to-Server credential of that client in the Developer Console";

/** What replaces each JWT package (message data of `jwtPackageInstall` / `jwtPackageDependency`). */
const PACKAGE_REPLACEMENTS: Readonly<Record<JwtPackage, string>> = {
  [JWT_AUTH_PACKAGE]: `use generateAccessToken from ${OAUTH_AUTH_PACKAGE} instead`,
  [AIO_LIB_IMS_JWT_PACKAGE]: "remove it and give @adobe/aio-lib-ims an OAuth context (client_secrets, technical_account_email, scopes)",
};

/** The environment variable the three-part `-setimsoauth` suggestion reads the client secret from. */
export const CLIENT_SECRET_VARIABLE = "IMS_CLIENT_SECRET";

/** The legacy Triggers (pipelined) authentication attributes of the Adobe I/O JWT integration (domain E). */
export const LEGACY_PIPELINED_ATTRIBUTES: ReadonlySet<string> = new Set(["appName", "authPrivateKey", "authGatewayEndpoint"]);
const IMS_PRIVATE_KEY_ATTRIBUTE = "authIMSTAPrivateKey";

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
    fixable: "code",
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
          rewriteSetImsJwtAuth: {
            type: "boolean",
            description:
              "Fix `nlserver config -setimsjwtauth:Org/Client/Tech/Secret[/Key]` to `-setimsoauth:Org/Client/Tech/Secret` (Campaign 7.4.1+, with the OAuth Server-to-Server credential in the Developer Console) instead of suggesting it. `configs.v8` sets it.",
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
      campaignMetascope: `Campaign JWT metascope ent_campaign_sdk: metascopes exist only in Service Account (JWT) credentials, and ${END_OF_LIFE}. Add an OAuth Server-to-Server credential to the Campaign project in the Adobe Developer Console and request its scopes.`,
      jwtImsContext: `aio-lib-ims JWT context (meta_scopes): ${END_OF_LIFE}. ${USE_OAUTH_CONTEXT}`,
      jwtAuthConfig: `Service Account (JWT) configuration with metaScopes (${JWT_AUTH_PACKAGE}, @adobe/fetch): ${END_OF_LIFE}. ${USE_GENERATE_ACCESS_TOKEN}`,
      exchangeJwtToken: `aio-lib-ims exchangeJwtToken trades a signed JWT for a token: ${END_OF_LIFE}. Call getToken with an OAuth Server-to-Server context (client_secrets, technical_account_email, scopes).`,
      jwtSign: `JWT signed with jsonwebtoken for the IMS JWT exchange (this file posts to /ims/exchange/jwt): ${END_OF_LIFE}. OAuth Server-to-Server needs no signed JWT: ${USE_TOKEN_ENDPOINT}`,
      useGenerateAccessToken: `Replace with ${GENERATE_ACCESS_TOKEN} from ${OAUTH_AUTH_PACKAGE} (scopes: {{scopes}}); add that package and an OAuth Server-to-Server credential.`,
      imsJwtPrivateKey: `JWT private key in the ims element (${IMS_PRIVATE_KEY_ATTRIBUTE}): the instance still holds a Service Account (JWT) credential, and ${END_OF_LIFE}. ${USE_SET_IMS_OAUTH}, then empty ${IMS_PRIVATE_KEY_ATTRIBUTE}.`,
      legacyPipelinedAuth: `Legacy Triggers (pipelined) attribute {{attribute}} of the Adobe I/O JWT integration: ${END_OF_LIFE}. Set authType="imsJwtToken" (it uses the instance's IMS technical account, OAuth Server-to-Server despite its name) and remove {{attribute}}.`,
      removePipelinedAttribute: 'Remove {{attribute}}: authType="imsJwtToken" is already set.',
      setImsJwtAuth: `nlserver config -setimsjwtauth sets up a Service Account (JWT) credential: ${END_OF_LIFE}. ${USE_SET_IMS_OAUTH}.`,
      setImsAuth: `nlserver config -setimsauth is the pre-7.4.1 IMS setup: if its credential is a Service Account (JWT), ${END_OF_LIFE}. Upgrade to 7.4.1+ and run -setimsoauth with an OAuth Server-to-Server credential.`,
      useSetImsOAuth: `Rewrite to -setimsoauth with the same org, client, technical account and client secret, without the private key (${OAUTH_REQUIREMENTS}).`,
      useSetImsOAuthWithSecret: `Rewrite to -setimsoauth with the same org, client and technical account and the client secret read from the ${CLIENT_SECRET_VARIABLE} environment variable: set it before running (${OAUTH_REQUIREMENTS}).`,
      jwtPackageInstall: `Installs {{package}}, a Service Account (JWT) library: ${END_OF_LIFE}. Move to OAuth Server-to-Server: {{replacement}}.`,
      jwtPackageDependency: `Dependency on {{package}}, a Service Account (JWT) library: ${END_OF_LIFE}. Move to OAuth Server-to-Server: {{replacement}}.`,
      aemJwtCredential: `AEM as a Cloud Service JWT service credential (metascope ent_aem_cloud_api): not a Campaign credential, so no Campaign integration depends on it. It still is a Service Account (JWT) credential and ${END_OF_LIFE}: move that AEM integration to OAuth Server-to-Server.`,
      jwtTokenParam: `jwt_token parameter of the IMS JWT exchange (a signed Service Account JWT traded for a token): ${END_OF_LIFE}. ${USE_TOKEN_ENDPOINT}`,
    },
    v8Options: [{ rewriteSetImsJwtAuth: true }],
    // AEM's own JWT credentials are not Campaign's: information only.
    messageLevels: { setImsAuth: "info", aemJwtCredential: "info" },
  },
  defaultOptions: [{ scopesExpression: DEFAULT_SCOPES_EXPRESSION, rewriteSetImsJwtAuth: false }],
  create: {
    js: createJs,
    xml: createXml,
    http: createHttp,
    shell: createShell,
    json: createJson,
  },
});

function createJs(ruleContext: JsRuleContext<MessageIds, Options>): TSESLint.RuleListener {
  const { sourceCode } = ruleContext;
  // AEM's JWT code (ent_aem_cloud_api, nothing of Campaign): every finding becomes one information message.
  const context = isAemJwtOnly(sourceCode.text) ? aemContext(ruleContext) : ruleContext;
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

/** A context whose reports all say `aemJwtCredential`, at the same place, without fixes or suggestions. */
function aemContext(context: JsRuleContext<MessageIds, Options>): JsRuleContext<MessageIds, Options> {
  const report = (descriptor: Parameters<JsRuleContext<MessageIds, Options>["report"]>[0]): void => {
    const { fix: _fix, suggest: _suggest, data: _data, messageId: _messageId, ...place } = descriptor as typeof descriptor & { fix?: unknown; suggest?: unknown; data?: unknown };
    context.report({ ...place, messageId: "aemJwtCredential" } as typeof descriptor);
  };
  // ESLint freezes the context: a new object inherits everything else from it.
  return Object.create(context, { report: { value: report } }) as JsRuleContext<MessageIds, Options>;
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

// =============================================================================================
// XML, HTTP, shell and JSON: every report is a source range, found in text and mapped back.

type XmlContext = LanguageRuleContext<MessageIds, Options, XmlSourceCode>;
type HttpContext = LanguageRuleContext<MessageIds, Options, HttpSourceCode>;
type ShellContext = LanguageRuleContext<MessageIds, Options, ShellSourceCode>;
type JsonContext = LanguageRuleContext<MessageIds, Options, JSONSourceCode>;

type Range = readonly [number, number];
type EditsFix = (fixer: RuleTextEditor) => RuleTextEdit[];

interface ReportExtra {
  data?: Record<string, string>;
  fix?: EditsFix;
  suggest?: { messageId: MessageIds; data?: Record<string, string>; fix: EditsFix }[] | null;
}

/** Reports `[start, end)` of the source text. */
type ReportRange = (range: Range, messageId: MessageIds, extra?: ReportExtra) => void;

function rangeReporter(context: XmlContext | HttpContext | ShellContext | JsonContext): ReportRange {
  const sourceCode: { getLocFromIndex(index: number): { line: number; column: number } } = context.sourceCode;
  return (range, messageId, extra = {}) => {
    const loc: SourceLocation = { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
    context.report({ loc, messageId, ...extra });
  };
}

/**
 * Reports every JWT exchange endpoint and Campaign metascope in `text` (a decoded value),
 * `toSource` mapping a `[start, end)` of it to the source. Returns whether an endpoint was found.
 */
function reportJwtStrings(text: string, toSource: (start: number, end: number) => Range, report: ReportRange): boolean {
  const endpoints = findJwtExchangeEndpoints(text);
  for (const match of endpoints) report(toSource(match.start, match.end), "jwtExchangeEndpoint");
  for (const match of findCampaignMetascopes(text)) report(toSource(match.start, match.end), "campaignMetascope");
  return endpoints.length > 0;
}

/** Maps a `[start, end)` of a source slice that starts at `offset` to the source. */
const sliceMapper =
  (offset: number) =>
  (start: number, end: number): Range => [offset + start, offset + end];

// --- XML -------------------------------------------------------------------------------------

function createXml(context: XmlContext): RuleVisitor {
  return xmlVisitors(rangeReporter(context), context.sourceCode.text);
}

const LEADING_SPACE = /\s/;

/** XML visitors, shared with the XML bodies of `.http` requests. */
function xmlVisitors(report: ReportRange, text: string): RuleVisitor {
  const valueMapper =
    (node: XmlAttribute | XmlText) =>
    (start: number, end: number): Range =>
      toSourceRange(node, start, end);
  return {
    XmlElement(node: XmlElement) {
      if (node.localName === "ims") {
        for (const attribute of node.attributes) {
          if (attribute.name === IMS_PRIVATE_KEY_ATTRIBUTE && attribute.value.trim() !== "") report(attribute.range, "imsJwtPrivateKey");
        }
        return;
      }
      if (node.localName !== "pipelined") return;
      // `authType="imsJwtToken"` is the current setting: the legacy attributes beside it are dead.
      const migrated = node.attributes.some((attribute) => attribute.name === "authType" && attribute.value.trim() === "imsJwtToken");
      for (const attribute of node.attributes) {
        if (!LEGACY_PIPELINED_ATTRIBUTES.has(attribute.name) || attribute.value.trim() === "") continue;
        const data = { attribute: attribute.name };
        let start = attribute.range[0];
        while (start > 0 && LEADING_SPACE.test(text[start - 1]!)) start--;
        const removal: [number, number] = [start, attribute.range[1]];
        report(attribute.range, "legacyPipelinedAuth", {
          data,
          suggest: migrated ? [{ messageId: "removePipelinedAttribute", data, fix: (fixer) => [fixer.removeRange(removal)] }] : null,
        });
      }
    },
    XmlAttribute(node: XmlAttribute) {
      reportJwtStrings(node.value, valueMapper(node), report);
    },
    XmlText(node: XmlText) {
      reportJwtStrings(node.value, valueMapper(node), report);
    },
  };
}

// --- HTTP ------------------------------------------------------------------------------------

function createHttp(context: HttpContext): RuleVisitor {
  const { text } = context.sourceCode;
  const report = rangeReporter(context);
  // Source slices, not the joined `url`: a multi-line URL's parts keep their positions.
  const scan = (range: Range): boolean => reportJwtStrings(text.slice(range[0], range[1]), sliceMapper(range[0]), report);
  return {
    ...xmlVisitors(report, text),
    HttpVariable(node: HttpVariable) {
      scan(node.valueRange);
    },
    HttpRequest(node: HttpRequest) {
      const exchangeUrl = scan(node.urlRange);
      for (const header of node.headers) scan(header.valueRange);
      for (const script of node.scripts) scan(script.codeRange);
      const { body } = node;
      // An XML body is visited as XML nodes.
      if (body === null || body.xml !== null) return;
      scan(body.range);
      // A `jwt_token` form body says the same as the URL: reported when the URL does not (`{{tokenUrl}}`).
      if (exchangeUrl) return;
      for (const match of findJwtTokenParams(body.text)) report(sliceMapper(body.range[0])(match.start, match.end), "jwtTokenParam");
    },
  };
}

// --- shell -----------------------------------------------------------------------------------

// Here-document bodies worth parsing as commands (`ssh host <<EOF … nlserver config … EOF`).
const HEREDOC_PATTERNS = /setims(?:jwt)?auth|exchange\/(?:v1\/)?jwt|ent_campaign_sdk|jwt-auth|aio-lib-ims-jwt|jwt_token/i;

function createShell(context: ShellContext): RuleVisitor {
  const { sourceCode } = context;
  const report = rangeReporter(context);
  const rewrite = context.options[0]?.rewriteSetImsJwtAuth === true;
  const dialect = sourceCode.dialect;

  /** `base`: where the text the word was parsed from starts (non-zero for here-document bodies). */
  function checkWord(word: ShellWord, base: number, wordDialect: ShellDialect): void {
    const toSource = (start: number, end: number): Range => {
      const [sourceStart, sourceEnd] = shellWordSourceRange(word, start, end);
      return [base + sourceStart, base + sourceEnd];
    };
    reportJwtStrings(word.value, toSource, report);
    for (const option of findImsAuthOptions(word.value)) checkImsAuthOption(word, option, toSource, base, wordDialect);
  }

  function checkImsAuthOption(
    word: ShellWord,
    option: ImsAuthOption,
    toSource: (start: number, end: number) => Range,
    base: number,
    wordDialect: ShellDialect,
  ): void {
    // The option name only: its argument holds the secret and the key.
    const name = toSource(option.start, option.start + 1 + option.option.length);
    if (option.option === "setimsauth") {
      report(name, "setImsAuth");
      return;
    }
    const secret = option.segments.length === 3 ? clientSecretReference(word, option.end, wordDialect) : undefined;
    const rewriteEdits = setImsOAuthEdits(option, secret?.value);
    // The inserted secret may need quoting in the source that its value does not show.
    const sourceText = (edit: TextEdit): string => (edit.start === edit.end && secret !== undefined ? `/${secret.source}` : edit.text);
    const edits = rewriteEdits === undefined ? undefined : verifiedWordEdits(word, rewriteEdits.edits, wordDialect, sourceText);
    if (rewriteEdits === undefined || edits === undefined) {
      report(name, "setImsJwtAuth");
      return;
    }
    const fix: EditsFix = (fixer) => edits.map((edit) => fixer.replaceTextRange([base + edit.start, base + edit.end], edit.text));
    if (rewriteEdits.needsSecret) {
      // A secret read from the environment is something a person sets: never a fix.
      report(name, "setImsJwtAuth", { suggest: [{ messageId: "useSetImsOAuthWithSecret", fix }] });
    } else if (rewrite) {
      report(name, "setImsJwtAuth", { fix });
    } else {
      report(name, "setImsJwtAuth", { suggest: [{ messageId: "useSetImsOAuth", fix }] });
    }
  }

  function checkCommand(command: ShellCommand, base: number): void {
    const { words } = command;
    const wordRange = (word: ShellWord, start: number, end: number): Range => {
      const [sourceStart, sourceEnd] = shellWordSourceRange(word, start, end);
      return [base + sourceStart, base + sourceEnd];
    };
    const first = packageInstallArgumentsStart(words.map((word) => word.value));
    if (first !== -1) {
      for (const word of words.slice(first)) {
        const spec = jwtPackageSpec(word.value);
        if (spec === undefined) continue;
        report(wordRange(word, spec.start, spec.end), "jwtPackageInstall", {
          data: { package: spec.package, replacement: PACKAGE_REPLACEMENTS[spec.package] },
        });
      }
    }
    // `curl … /ims/exchange/jwt -d jwt_token=…`: the endpoint is the finding.
    if (words.some((word) => findJwtExchangeEndpoints(word.value).length > 0)) return;
    // Form parameters may be spread over words (`-d client_id=… -d jwt_token=…`): search them together.
    const starts: number[] = [];
    let joined = "";
    for (const word of words) {
      starts.push(joined.length);
      joined += `${word.value}&`;
    }
    for (const match of findJwtTokenParams(joined)) {
      let index = starts.length - 1;
      while (starts[index]! > match.start) index--;
      const offset = starts[index]!;
      report(wordRange(words[index]!, match.start - offset, match.end - offset), "jwtTokenParam");
    }
  }

  return {
    ShellWord(node: ShellWord) {
      checkWord(node, 0, dialect);
    },
    ShellCommand(node: ShellCommand) {
      checkCommand(node, 0);
    },
    ShellHeredoc(node: ShellHeredoc) {
      if (!HEREDOC_PATTERNS.test(node.body)) return;
      const base = node.bodyRange[0];
      for (const command of parseShell(node.body, "sh").ast.commands) {
        checkCommand(command, base);
        for (const word of command.words) checkWord(word, base, "sh");
        for (const assignment of command.assignments) if (assignment.value !== null) checkWord(assignment.value, base, "sh");
      }
    },
  };
}

/** The dialect a single word is re-read with: the POSIX rules inside every POSIX-family file. */
const wordDialectOf = (dialect: ShellDialect): ShellDialect => (dialect === "batch" || dialect === "powershell" ? dialect : "sh");

/** The value of `raw` read as one shell word, or undefined when it is not exactly one word. */
function wordValue(raw: string, dialect: ShellDialect): string | undefined {
  const { ast, problems } = parseShell(raw, wordDialectOf(dialect));
  const [command, ...rest] = ast.commands;
  if (problems.length > 0 || command === undefined || rest.length > 0) return undefined;
  if (command.words.length !== 1 || command.assignments.length > 0 || command.redirects.length > 0) return undefined;
  return command.words[0]!.value;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * The source edits (offsets of the text the word was parsed from) that make the word's value
 * `applyEdits(value, edits)`, checked by reading the edited word again, so quotes and
 * continuations around the edits stay balanced; undefined when no candidate reads back right.
 * `sourceText` gives the source text of an edit when it differs from its value text.
 */
function verifiedWordEdits(
  word: ShellWord,
  edits: readonly TextEdit[],
  dialect: ShellDialect,
  sourceText: (edit: TextEdit) => string = (edit) => edit.text,
): TextEdit[] | undefined {
  if (wordValue(word.raw, dialect) !== word.value) return undefined;
  const expected = applyEdits(word.value, edits);
  const mapped = edits.map((edit): TextEdit => {
    if (edit.start === edit.end) {
      const offset = shellWordSourceOffset(word, edit.start);
      return { start: offset, end: offset, text: sourceText(edit) };
    }
    const [start, end] = shellWordSourceRange(word, edit.start, edit.end);
    return { start, end, text: sourceText(edit) };
  });
  const candidates = [mapped];
  // Removing the tail of the value may have to take the quote that closes it: `/"$(cat key)"`.
  const tail = edits.findIndex((edit) => edit.text === "" && edit.end === word.value.length);
  if (tail !== -1) candidates.push(mapped.map((edit, index) => (index === tail ? { ...edit, end: word.range[1] } : edit)));
  const wordStart = word.range[0];
  for (const candidate of candidates) {
    const relative = candidate.map((edit) => ({ ...edit, start: edit.start - wordStart, end: edit.end - wordStart }));
    if (wordValue(applyEdits(word.raw, relative), dialect) === expected) return candidate;
  }
  return undefined;
}

/**
 * How the three-part `-setimsoauth` suggestion refers to the client secret at value index
 * `valueIndex` of `word`: an environment reference that expands where it is written (`value`:
 * the word's value, `source`: what to insert); undefined where none would (PowerShell single quotes).
 */
function clientSecretReference(word: ShellWord, valueIndex: number, dialect: ShellDialect): { value: string; source: string } | undefined {
  const same = (reference: string) => ({ value: reference, source: reference });
  if (dialect === "makefile") return same(`$(${CLIENT_SECRET_VARIABLE})`);
  if (dialect === "batch") return same(`%${CLIENT_SECRET_VARIABLE}%`);
  const end = shellWordSourceOffset(word, valueIndex) - word.range[0];
  if (dialect === "powershell") return quoteAt(word.raw, end, "`") === "'" ? undefined : same(`$env:${CLIENT_SECRET_VARIABLE}`);
  const reference = `\${${CLIENT_SECRET_VARIABLE}}`;
  // Inside single quotes, close them around a double-quoted expansion.
  return quoteAt(word.raw, end, "\\") === "'" ? { value: reference, source: `'"${reference}"'` } : same(reference);
}

/** The quote open at offset `end` of a word's source (`'`, `"` or null); `escape` escapes one character outside single quotes. */
function quoteAt(raw: string, end: number, escape: string): string | null {
  let quote: string | null = null;
  for (let index = 0; index < end; index++) {
    const char = raw[index];
    if (quote === "'") {
      if (char === "'") quote = null;
    } else if (char === escape) {
      index++;
    } else if (quote === '"') {
      if (char === '"') quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
    }
  }
  return quote;
}

// --- JSON ------------------------------------------------------------------------------------

/** The parts of @eslint/json's (Momoa) nodes this rule reads. */
interface JsonNodeBase {
  loc: { start: { offset: number }; end: { offset: number } };
}
interface JsonString extends JsonNodeBase {
  type: "String";
  value: string;
}
interface JsonIdentifier extends JsonNodeBase {
  type: "Identifier";
  name: string;
}
interface JsonMember extends JsonNodeBase {
  type: "Member";
  name: JsonString | JsonIdentifier;
  value: JsonValue;
}
interface JsonObject extends JsonNodeBase {
  type: "Object";
  members: JsonMember[];
}
interface JsonArray extends JsonNodeBase {
  type: "Array";
  elements: { value: JsonValue }[];
}
interface JsonScalar extends JsonNodeBase {
  type: "Number" | "Boolean" | "Null" | "NaN" | "Infinity";
}
type JsonValue = JsonObject | JsonArray | JsonString | JsonScalar | JsonIdentifier;

// Members whose values are prose or names, not requests or configuration (package `name`,
// Postman item names, descriptions, the collection's `info`).
const PROSE_KEYS: ReadonlySet<string> = new Set(["name", "description", "title", "summary", "keywords", "readme", "info"]);
const DEPENDENCY_FIELDS: ReadonlySet<string> = new Set(["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]);
const PACKAGE_JSON = /(?:^|[\\/])package\.json$/i;

const memberName = (member: JsonMember): string => (member.name.type === "String" ? member.name.value : member.name.name);
const nodeRange = (node: JsonNodeBase): Range => [node.loc.start.offset, node.loc.end.offset];
const memberValue = (object: JsonObject, name: string): JsonValue | undefined =>
  object.members.find((member) => memberName(member) === name)?.value;

/** Maps an index of a JSON string's decoded value to its source offset (escapes are one value character each). */
function jsonStringMapper(text: string, node: JsonString): (index: number) => number {
  const start = node.loc.start.offset + 1;
  const end = node.loc.end.offset - 1;
  const raw = text.slice(start, end);
  if (!raw.includes("\\")) return (index) => start + index;
  const offsets: number[] = [];
  for (let index = 0; index < raw.length; ) {
    offsets.push(start + index);
    index += raw[index] !== "\\" ? 1 : raw[index + 1] === "u" ? 6 : 2;
  }
  offsets.push(end);
  return (index) => offsets[Math.min(index, offsets.length - 1)]!;
}

function createJson(context: JsonContext): RuleVisitor {
  const { text } = context.sourceCode;
  const report = rangeReporter(context);
  const isPackageJson = PACKAGE_JSON.test(context.filename);

  const stringMapper = (node: JsonString) => {
    const offset = jsonStringMapper(text, node);
    return (start: number, end: number): Range => [offset(start), offset(end)];
  };

  /** package.json: `"@adobe/jwt-auth": "^2"` and aliases (`"jwt": "npm:@adobe/jwt-auth@^2"`). */
  function checkDependencies(root: JsonObject): void {
    for (const field of root.members) {
      if (!DEPENDENCY_FIELDS.has(memberName(field)) || field.value.type !== "Object") continue;
      for (const dependency of field.value.members) {
        const name = memberName(dependency);
        const named = jwtPackageOf(name);
        const alias = named === undefined && dependency.value.type === "String" ? jwtPackageSpec(dependency.value.value) : undefined;
        const jwtPackage = named === name ? named : alias?.package;
        if (jwtPackage === undefined) continue;
        const data = { package: jwtPackage, replacement: PACKAGE_REPLACEMENTS[jwtPackage] };
        if (named === name) report(nodeRange(dependency.name), "jwtPackageDependency", { data });
        else if (alias !== undefined && dependency.value.type === "String") report(stringMapper(dependency.value)(alias.start, alias.end), "jwtPackageDependency", { data });
      }
    }
  }

  /** Postman: a request to a variable URL (`{{tokenUrl}}`) whose body is the JWT exchange form. */
  function checkPostmanRequest(request: JsonObject): void {
    const url = memberValue(request, "url");
    const raw = url?.type === "Object" ? memberValue(url, "raw") : url;
    if (raw?.type === "String" && findJwtExchangeEndpoints(raw.value).length > 0) return;
    const body = memberValue(request, "body");
    if (body?.type !== "Object") return;
    const rawBody = memberValue(body, "raw");
    if (rawBody?.type === "String") {
      for (const match of findJwtTokenParams(rawBody.value)) report(stringMapper(rawBody)(match.start, match.end), "jwtTokenParam");
    }
    for (const mode of ["urlencoded", "formdata"]) {
      const params = memberValue(body, mode);
      if (params?.type !== "Array") continue;
      const keys = params.elements.flatMap(({ value }) => {
        const key = value.type === "Object" ? memberValue(value, "key") : undefined;
        return key?.type === "String" ? [key] : [];
      });
      if (!keys.some((key) => key.value === "client_id")) continue;
      for (const key of keys) if (key.value === "jwt_token") report(stringMapper(key)(0, key.value.length), "jwtTokenParam");
    }
  }

  function checkPostmanItems(root: JsonObject): void {
    const items = memberValue(root, "item");
    if (items?.type !== "Array" || memberValue(root, "info")?.type !== "Object") return;
    const stack: JsonValue[] = items.elements.map(({ value }) => value);
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (item.type !== "Object") continue;
      const children = memberValue(item, "item");
      // One push per element: a spread of a huge folder would overflow the call stack.
      if (children?.type === "Array") for (const element of children.elements) stack.push(element.value);
      const request = memberValue(item, "request");
      if (request?.type === "Object") checkPostmanRequest(request);
    }
  }

  /** Endpoints and metascopes in every key and value outside prose; JWT contexts in every object. */
  function checkStrings(root: JsonValue): void {
    const stack: JsonValue[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === "String") {
        reportJwtStrings(node.value, stringMapper(node), report);
      } else if (node.type === "Array") {
        for (const element of node.elements) stack.push(element.value);
      } else if (node.type === "Object") {
        const keys = new Map<string, JsonMember["name"]>();
        for (const member of node.members) {
          const name = memberName(member);
          if (!keys.has(name)) keys.set(name, member.name);
          if (member.name.type === "String") stack.push(member.name);
          if (!PROSE_KEYS.has(name)) stack.push(member.value);
        }
        const shape = classifyImsContext(keys.keys());
        const key = shape?.kind === "jwt" ? keys.get(shape.key) : undefined;
        if (shape?.kind === "jwt" && key !== undefined) report(nodeRange(key), shape.key === "meta_scopes" ? "jwtImsContext" : "jwtAuthConfig");
      }
    }
  }

  return {
    Document(node: { body: JsonValue }) {
      const root = node.body;
      if (root.type === "Object") {
        if (isPackageJson) checkDependencies(root);
        checkPostmanItems(root);
      }
      checkStrings(root);
    },
  };
}
