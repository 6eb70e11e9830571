/**
 * no-hardcoded-campaign-secret: literal credentials in the places the other rules flag (domain
 * G). The message names the kind of secret and where it is used, with the value masked by
 * `maskSecret` (never the value itself). No fix: a leaked secret must be rotated, not moved.
 *
 * TS/JS finds literal (or `const`-held) values:
 * - passed to the SDK: the password of `ofUserAndPassword` and the pre-1.0 `sdk.init(url, user,
 *   password)`, the tokens of `ofSessionToken`, `ofSessionAndSecurityToken`, `ofSecurityToken`,
 *   `ofUserAndServiceToken`, `ofBearerToken` / `ofImsBearerToken`, and `new Credentials(type, …)`;
 * - in strings: `<sessiontoken>` values, `__sessiontoken=` cookie/URL values, SOAP Logon
 *   `<strPassword>` values, `X-Security-Token: …` header lines, `client_secret=` form values;
 * - `X-Security-Token` / `X-Session-Token` header values in Campaign code (object literals, setters),
 *   and `__sessiontoken` values set by name (`{ __sessiontoken: "…" }`, `cookies.set("__sessiontoken", "…")`);
 * - `clientSecret`, `client_secret`, `client_secrets`, `privateKey`, `private_key` values in IMS
 *   credential code (JWT and OAuth libraries, the IMS host and endpoints);
 * - fallbacks of Campaign secret environment variables (`process.env.ACC_PASSWORD ?? "…"`);
 * - anywhere in a file that passes the rule's keyword gate: strings whose whole value has an
 *   unmistakable shape (`p8e-…` client secret, PEM or base64 PEM private key, `___<uuid>` session
 *   token; not `@…` / `==…`, which other products use too).
 *
 * XML, `.http` files, shell-like files and Postman collections (the token transports come from
 * `findTokenTransportsIn*` in `src/campaign/session-tokens.ts`, the same places no-session-token
 * reports):
 * - literal `<sessiontoken>` values, `X-Security-Token` / `X-Session-Token` header values (SOAP
 *   header elements, header lines, header entries), `__sessiontoken` cookie and URL values;
 * - SOAP Logon `<strPassword>` values; `client_secret=` form values in IMS credential files;
 * - XML: `authIMSTAClientSecret` (`p8e-…`), `authIMSTAPrivateKey` and pipelined `authPrivateKey`
 *   attribute values;
 * - `.http` `@name = value` definitions and Postman variables named like a secret (`@sessionToken`,
 *   `@password`, `clientSecret`) in Campaign or IMS files;
 * - shell: `ACC_PASSWORD=…`, `ACC_PWD=…`, `ACC_SESSIONTOKEN=…` settings (domain A names), the
 *   secret parts of `nlserver config -setimsjwtauth:…/<secret>/<key>`, `-setimsoauth:…/<secret>`,
 *   `-internalpassword:…`, `-trackingpassword:…` and `-setdblogin:…/<password>@server`;
 * - whole values with an unmistakable shape, as in TS/JS.
 * A value two patterns cover is reported once.
 *
 * Placeholders (`PASSWORD_HERE`, `${password}`, `{{token}}`, `process.env.X`, `$1`, …) are not secrets.
 */
import { reportCredential } from "../src/campaign/credential-ranges.js";
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { SourceCode } from "@eslint/core";
import type { HttpDocument } from "../src/languages/http/index.js";
import type { ShellCommand, ShellDocument, ShellWord } from "../src/languages/shell/index.js";
import { shellWordSourceRange } from "../src/languages/shell/word.js";
import type { XmlAttribute, XmlDocument, XmlDocumentChild, XmlElement, XmlText } from "../src/languages/xml/index.js";
import { toSourceRange } from "../src/languages/xml/references.js";
import { createRule, type LanguageRuleContext } from "../src/create-rule.js";
import { isPostmanCollection } from "../src/campaign/soap-actions.js";
import { hasRuleKeyword } from "../src/campaign/keywords.js";
import { INTERPOLATION_PLACEHOLDER, mergeListeners, sdkCallListener, skipWrappers, type SdkCall } from "../src/campaign/sdk.js";
import {
  IMS_CREDENTIAL_KEYS,
  classifySecret,
  builtFromVariables,
  envSecretSlot,
  findClientSecretParams,
  findLogonPasswordElements,
  findNlserverSecrets,
  findShellDefaults,
  hasImsCredentialContext,
  isEncryptedConfigValue,
  isDocumentExampleSecret,
  isDocumentSample,
  isExampleSecret,
  SECRET_KIND_LABELS,
  splitLoginPassword,
  maskSecret,
  secretShape,
  secretSlotOfName,
  type SecretKind,
  type SecretSlot,
  type TextSecret,
} from "../src/campaign/secrets.js";
import {
  classifyTokenHeader,
  findSessionTokenElements,
  findSessionTokenParams,
  findTokenHeaderLines,
  findTokenTransportsInHttp,
  findTokenTransportsInPostman,
  findBasicAuthCredentials,
  jsonMember,
  postmanAuthFields,
  findTokenTransportsInShell,
  findTokenTransportsInXml,
  hasCampaignContext,
  jsonStringText,
  locOf,
  SESSION_TOKEN_PARAMETER,
  trimRange,
  xmlElementTextValue,
  type JsonDocument,
  type JsonValue,
  type TokenHeaderKind,
  type TokenTransport,
  type TransportValue,
} from "../src/campaign/session-tokens.js";
import { runsHttpClient } from "../src/campaign/shell-commands.js";
import { stringExpressionText, type StringExpressionText } from "../src/campaign/js-strings.js";

export type MessageIds =
  | "exampleSecret"
  | "password"
  | "loginPassword"
  | "sessionToken"
  | "securityToken"
  | "clientSecret"
  | "privateKey"
  | "imsServiceToken"
  | "accessToken";

export interface RuleOptions {
  /** Exact values (after trimming) that are known not to be secrets in this code base. */
  allow?: string[];
}
export type Options = [RuleOptions];

const MESSAGE_BY_KIND: Readonly<Record<SecretKind, MessageIds>> = {
  password: "password",
  "login-password": "loginPassword",
  "session-token": "sessionToken",
  "security-token": "securityToken",
  "client-secret": "clientSecret",
  "private-key": "privateKey",
  "private-key-base64": "privateKey",
  "private-key-pem": "privateKey",
  "ims-service-token": "imsServiceToken",
  "access-token": "accessToken",
};

/** Which arguments of an SDK call hold secrets, and as what. */
const SDK_SECRET_ARGUMENTS: Readonly<Record<string, ReadonlyArray<readonly [number, SecretSlot]>>> = {
  "ConnectionParameters.ofUserAndPassword": [[2, "password"]],
  "ConnectionParameters.ofUserAndServiceToken": [[2, "ims-service-token"]],
  "ConnectionParameters.ofSessionToken": [[1, "session-token"]],
  "ConnectionParameters.ofSessionAndSecurityToken": [
    [1, "session-token"],
    [2, "security-token"],
  ],
  "ConnectionParameters.ofSecurityToken": [[1, "security-token"]],
  "ConnectionParameters.ofBearerToken": [[1, "access-token"]],
  "ConnectionParameters.ofImsBearerToken": [[1, "access-token"]],
  // Pre-1.0 API: `sdk.init(endpoint, user, password)`.
  init: [[2, "password"]],
};

/** `new Credentials(type, sessionToken, securityToken)`: the slots of arguments 1 and 2 by type. */
const CREDENTIALS_ARGUMENTS: Readonly<Record<string, ReadonlyArray<readonly [number, SecretSlot]>>> = {
  UserPassword: [[1, "login-password"]],
  SessionToken: [[1, "session-token"]],
  SessionAndSecurityToken: [
    [1, "session-token"],
    [2, "security-token"],
  ],
  SecurityToken: [[2, "security-token"]],
  ImsServiceToken: [[1, "ims-service-token"]],
  BearerToken: [[1, "access-token"]],
};

const HEADER_SLOT: Readonly<Record<TokenHeaderKind, SecretSlot>> = {
  "security-token": "security-token",
  "session-token": "session-token",
};

// Setter methods whose first argument names a header, cookie or parameter and second carries its value.
const SETTERS: ReadonlySet<string> = new Set(["set", "append", "setHeader", "setRequestHeader", "addHttpHeader", "header", "cookie"]);

// Shapes reported wherever they appear. `@…` and `==…` are left to their slots: other products
// use such values too (an `X-Security-Token` of another API).
const UNMISTAKABLE_SHAPES: ReadonlySet<SecretKind> = new Set(["client-secret", "private-key-base64", "private-key-pem", "session-token"]);

const ENV_OBJECT_PATHS: ReadonlySet<string> = new Set(["process.env", "import.meta.env"]);

/** A string literal, or a template literal without `${}`. */
type StaticString = TSESTree.StringLiteral | TSESTree.TemplateLiteral;

function staticValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The literal strings an expression can evaluate to: the literal itself, both sides of `??` / `||`,
 * both branches of `?:`, and the initialiser of a `const` it names (followed a few steps).
 */
function literalCandidates(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): StaticString[] {
  if (depth > 4) return [];
  const expression = skipWrappers(node);
  if (staticValue(expression) !== undefined) return [expression as StaticString];
  switch (expression.type) {
    case AST_NODE_TYPES.LogicalExpression:
      if (expression.operator === "&&") return literalCandidates(expression.right, sourceCode, depth + 1);
      return [...literalCandidates(expression.left, sourceCode, depth + 1), ...literalCandidates(expression.right, sourceCode, depth + 1)];
    case AST_NODE_TYPES.ConditionalExpression:
      return [...literalCandidates(expression.consequent, sourceCode, depth + 1), ...literalCandidates(expression.alternate, sourceCode, depth + 1)];
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (
        definition?.type !== "Variable" ||
        definition.parent.kind !== "const" ||
        definition.node.id.type !== AST_NODE_TYPES.Identifier ||
        definition.node.init === null
      ) {
        return [];
      }
      return literalCandidates(definition.node.init, sourceCode, depth + 1);
    }
    default:
      return [];
  }
}

/** The dotted path of a member chain (`process.env`, `import.meta.env`), or undefined. */
function memberPath(node: TSESTree.Node): string | undefined {
  const expression = skipWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MetaProperty) return `${expression.meta.name}.${expression.property.name}`;
  if (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed && expression.property.type === AST_NODE_TYPES.Identifier) {
    const object = memberPath(expression.object);
    return object === undefined ? undefined : `${object}.${expression.property.name}`;
  }
  return undefined;
}

/** `process.env.NAME` / `process.env["NAME"]` / `import.meta.env.NAME`: the variable name. */
function envVariableName(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const expression = skipWrappers(node);
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = memberPath(expression.object);
  if (object === undefined || !ENV_OBJECT_PATHS.has(object)) return undefined;
  if (!expression.computed) return expression.property.type === AST_NODE_TYPES.Identifier ? expression.property.name : undefined;
  return ASTUtils.getStringIfConstant(expression.property, sourceCode.getScope(expression)) ?? undefined;
}

function propertyKey(property: TSESTree.Property, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return ASTUtils.getStringIfConstant(property.key, sourceCode.getScope(property)) ?? undefined;
}

export default createRule<MessageIds, Options>({
  name: "no-hardcoded-campaign-secret",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow hard-coded Campaign passwords, tokens, client secrets and private keys",
      recommended: true,
      kind: "hardcoded-secret",
    },
    schema: [
      {
        type: "object",
        properties: {
          allow: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description:
              "Exact values (compared after trimming) that are not secrets in this code base, e.g. the public password of a local test container. Prefer placeholders such as PASSWORD_HERE or ${password}, which are never reported.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      password:
        "Hard-coded Campaign password ({{masked}}) in {{place}}: anyone who can read the code can log on as this operator, and native passwords are not allowed in Campaign v8. Remove it, rotate it, and move the integration to an IMS technical account.",
      loginPassword:
        "Hard-coded login/password session token ({{masked}}) in {{place}}: it is the operator's password in clear text, accepted only with allowUserPassword (which Adobe says never to enable). Remove it, rotate the password, and use an IMS technical-account token.",
      sessionToken:
        "Hard-coded Campaign session token ({{masked}}) in {{place}}: it gives the operator's access to whoever reads the code until it expires, and comes from a native logon that Campaign v8 no longer allows. Remove it and use an IMS technical-account token.",
      securityToken:
        "Hard-coded Campaign security token ({{masked}}) in {{place}}: together with the session token it replays an operator's native session, which Campaign v8 no longer allows. Remove it and use an IMS technical-account token.",
      clientSecret:
        "Hard-coded IMS client secret ({{masked}}) in {{place}}: anyone who can read the code can get tokens for the technical account. Rotate it in the Adobe Developer Console and load it from a secret store or environment variable.",
      privateKey:
        "Hard-coded {{label}} ({{masked}}) in {{place}}: it signs Service Account (JWT) credentials, whose exchange fails now (Adobe converted or ended them on March 1 2026). Revoke the certificate and move to OAuth Server-to-Server credentials.",
      imsServiceToken:
        "Hard-coded IMS service token ({{masked}}) in {{place}}: it grants access to whoever reads the code, and the SDK's service-token logon is unsupported. Remove it and use an IMS technical-account token from OAuth Server-to-Server.",
      accessToken:
        "Hard-coded IMS access token ({{masked}}) in {{place}}: it grants API access to whoever reads the code until it expires. Request tokens at run time from the OAuth Server-to-Server endpoint (/ims/token/v3).",
      exampleSecret:
        "Example-looking {{label}} ({{masked}}) in {{place}}: probably a sample value, but if it works against an instance it is a hard-coded credential. Replace it with a placeholder, or remove and rotate it.",
    },
    // Keyboard runs and sample words (`asdf1234`, `test123`) are graded below real-looking values.
    messageLevels: { exampleSecret: "warn" },
  },
  defaultOptions: [{ allow: [] }],
  create: {
    js(context) {
      const { sourceCode } = context;
      const allowed = new Set((context.options[0]?.allow ?? []).map((value) => value.trim()));
      const campaignContext = hasCampaignContext(sourceCode.text);
      const imsContext = hasImsCredentialContext(sourceCode.text);
      // Shape-only findings need the file to be about Campaign/IMS; the rule's own keywords say
      // so, which keeps the result identical with and without the keyword gate.
      const shapeContext = hasRuleKeyword("no-hardcoded-campaign-secret", sourceCode);
      // Example values in a document's code block are placeholders there (domain §G).
      const sample = isDocumentSample(context);

      const reported = new Set<string>();
      const shapeCandidates: { node: StaticString; value: string; kind: SecretKind }[] = [];

      /** Report a secret at a source range, once per range. */
      const reportRange = (range: [number, number], value: string, slot: SecretSlot, place: string, logins: readonly string[] = []): void => {
        const trimmed = value.trim();
        if (allowed.has(trimmed)) return;
        const kind = classifySecret(trimmed, slot);
        if (kind === undefined) return;
        if (sample && EXAMPLE_KINDS.has(kind) && isDocumentExampleSecret(trimmed, logins)) return;
        const key = `${range[0]}:${range[1]}`;
        if (reported.has(key)) return;
        reported.add(key);
        reportCredential(
          context,
          {
            loc: { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) },
            messageId: MESSAGE_BY_KIND[kind],
            data: { masked: maskSecret(trimmed, kind), place, label: kind === "private-key-base64" ? "base64 private key" : "private key" },
          },
          range[0],
          { values: [unquoted(sourceCode.text, range)], mask: maskSecret(trimmed, kind) },
        );
      };

      /** Report every literal an expression can evaluate to. */
      const reportExpression = (node: TSESTree.Node, slot: SecretSlot, place: string, logins: readonly string[] = []): void => {
        for (const literal of literalCandidates(node, sourceCode)) reportRange(literal.range, staticValue(literal) ?? "", slot, place, logins);
      };

      // --- SDK -----------------------------------------------------------------------------
      const onSdkCall = (call: SdkCall): void => {
        const args = call.node.arguments;
        const name = call.member.split(".").at(-1) ?? call.member;
        let slots = SDK_SECRET_ARGUMENTS[call.member];
        let place = call.member === "init" ? "sdk.init" : name;
        if (call.member === "Credentials") {
          const type = args[0] === undefined ? null : ASTUtils.getStringIfConstant(args[0], sourceCode.getScope(args[0]));
          slots = type === null ? undefined : CREDENTIALS_ARGUMENTS[type];
          place = `new Credentials("${type}")`;
        }
        // `sdk.init(connectionParameters)` is the current API: only three or more arguments are pre-1.0.
        if (slots === undefined || (call.member === "init" && args.length < 3)) return;
        // The call's other strings: a password that repeats its login is a document's example.
        const others = (index: number): string[] => args.flatMap((argument, at) => (at === index ? [] : (staticValue(argument) ?? [])));
        for (const [index, slot] of slots) {
          const argument = args[index];
          if (argument !== undefined && argument.type !== AST_NODE_TYPES.SpreadElement) reportExpression(argument, slot, place, others(index));
        }
      };

      // --- strings -------------------------------------------------------------------------
      const checkString = (node: TSESTree.Node): void => {
        const string = stringExpressionText(node, sourceCode);
        if (string === undefined) return;
        const { text } = string;
        const reportText = (start: number, end: number, slot: SecretSlot, place: string): void => {
          const value = text.slice(start, end);
          // A value built from `${}` or `+ x +` is not a literal.
          if (!value.includes(INTERPOLATION_PLACEHOLDER)) reportRange(string.range(start, end), value, slot, place);
        };
        for (const element of findSessionTokenElements(text)) {
          reportText(element.valueRange.start, element.valueRange.end, "session-token", `<${element.name}>`);
        }
        for (const param of findSessionTokenParams(text)) {
          reportText(param.valueRange.start, param.valueRange.end, "session-token", param.context === "query" ? "a __sessiontoken URL parameter" : "a __sessiontoken cookie");
        }
        for (const element of findLogonPasswordElements(text)) {
          reportText(element.valueStart, element.valueEnd, "password", `the SOAP Logon <${element.name}>`);
        }
        if (campaignContext) {
          for (const line of findTokenHeaderLines(text)) {
            reportText(line.valueRange.start, line.valueRange.end, HEADER_SLOT[line.kind], `the ${line.name} header`);
          }
        }
        if (imsContext) {
          for (const param of findClientSecretParams(text)) reportText(param.valueStart, param.valueEnd, "client-secret", "client_secret");
        }
        if (shapeContext) collectShape(string);
      };

      /** A whole string with an unmistakable shape; reported at the end unless a place claimed it. */
      const collectShape = (string: StringExpressionText): void => {
        const node = string.node;
        const value = staticValue(node);
        if (value === undefined) return;
        const kind = secretShape(value);
        if (kind !== undefined && UNMISTAKABLE_SHAPES.has(kind)) shapeCandidates.push({ node: node as StaticString, value, kind });
      };

      // --- object properties: IMS credentials and token headers ----------------------------
      const checkProperty = (property: TSESTree.Property): void => {
        if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const key = propertyKey(property, sourceCode);
        if (key === undefined) return;
        const credentialSlot = imsContext ? IMS_CREDENTIAL_KEYS.get(key) : undefined;
        if (credentialSlot !== undefined) {
          const value = skipWrappers(property.value);
          const values = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
          for (const element of values) if (element !== null && element.type !== AST_NODE_TYPES.SpreadElement) reportExpression(element, credentialSlot, key);
          return;
        }
        if (key.toLowerCase() === SESSION_TOKEN_PARAMETER) {
          reportExpression(property.value, "session-token", "a __sessiontoken parameter");
          return;
        }
        const header = campaignContext ? classifyTokenHeader(key) : undefined;
        if (header !== undefined) reportExpression(property.value, HEADER_SLOT[header], `the ${key} header`);
      };

      // --- header setters and environment fallbacks -----------------------------------------
      const checkCall = (node: TSESTree.CallExpression): void => {
        if (node.arguments.length < 2) return;
        const callee = skipWrappers(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return;
        if (!SETTERS.has(callee.property.name)) return;
        const [name, value] = node.arguments;
        if (name === undefined || value === undefined || value.type === AST_NODE_TYPES.SpreadElement) return;
        const setName = ASTUtils.getStringIfConstant(name, sourceCode.getScope(name));
        if (setName === null) return;
        // `cookies.set("__sessiontoken", "…")`, `params.append("__sessiontoken", "…")`.
        if (setName.toLowerCase() === SESSION_TOKEN_PARAMETER) {
          reportExpression(value, "session-token", "a __sessiontoken parameter");
          return;
        }
        const kind = campaignContext ? classifyTokenHeader(setName) : undefined;
        if (kind !== undefined) reportExpression(value, HEADER_SLOT[kind], `the ${setName} header`);
      };

      const checkAssignment = (node: TSESTree.AssignmentExpression): void => {
        // `headers["X-Security-Token"] = "…"`
        if (!campaignContext || node.operator !== "=" || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
        const left = node.left;
        const header = left.computed
          ? ASTUtils.getStringIfConstant(left.property, sourceCode.getScope(left))
          : left.property.type === AST_NODE_TYPES.Identifier
            ? left.property.name
            : null;
        const kind = header === null ? undefined : classifyTokenHeader(header);
        if (kind !== undefined) reportExpression(node.right, HEADER_SLOT[kind], `the ${header} header`);
      };

      const checkFallback = (node: TSESTree.LogicalExpression): void => {
        if (node.operator !== "??" && node.operator !== "||") return;
        const name = envVariableName(node.left, sourceCode);
        const slot = name === undefined ? undefined : envSecretSlot(name);
        if (slot !== undefined) reportExpression(node.right, slot, `the ${name} fallback`);
      };

      const checkEnvDestructuring = (pattern: TSESTree.ObjectPattern): void => {
        // `const { ACC_PASSWORD = "…" } = process.env`
        const declarator = pattern.parent;
        const source =
          declarator.type === AST_NODE_TYPES.VariableDeclarator && declarator.id === pattern && declarator.init !== null
            ? memberPath(declarator.init)
            : undefined;
        if (source === undefined || !ENV_OBJECT_PATHS.has(source)) return;
        for (const property of pattern.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.AssignmentPattern) continue;
          const name = propertyKey(property, sourceCode);
          const slot = name === undefined ? undefined : envSecretSlot(name);
          if (slot !== undefined) reportExpression(property.value.right, slot, `the ${name} fallback`);
        }
      };

      return mergeListeners(
        sdkCallListener(context, [...Object.keys(SDK_SECRET_ARGUMENTS), "Credentials"], onSdkCall),
        {
          Literal: checkString,
          TemplateLiteral: checkString,
          BinaryExpression: checkString,
          Property: checkProperty,
          CallExpression: checkCall,
          AssignmentExpression: checkAssignment,
          LogicalExpression: checkFallback,
          ObjectPattern: checkEnvDestructuring,
          "Program:exit"() {
            for (const candidate of shapeCandidates) reportRange(candidate.node.range, candidate.value, "any", "a string literal");
          },
        },
      );
    },
    xml(context) {
      const { sourceCode } = context;
      return {
        XmlDocument(document: XmlDocument) {
          const secrets = secretReporter(context);
          const contexts = fileContexts(sourceCode);
          addTransports(secrets, findTokenTransportsInXml(document.children, contexts));
          addXmlSecrets(secrets, document.children, contexts);
          secrets.flush();
        },
      };
    },
    http(context) {
      const { sourceCode } = context;
      const { text } = sourceCode;
      return {
        HttpDocument(document: HttpDocument) {
          const secrets = secretReporter(context);
          const contexts = fileContexts(sourceCode);
          addTransports(secrets, findTokenTransportsInHttp(document, text, contexts));
          for (const variable of document.variables) {
            const value = { text: variable.value, start: variable.valueRange[0], end: variable.valueRange[1] };
            const slot = contexts.named ? secretSlotOfName(variable.name) : undefined;
            if (slot !== undefined) secrets.add(value, slot, `the @${variable.name} variable`);
            secrets.shape(value, "an .http variable");
          }
          for (const request of document.requests) {
            const [urlStart, urlEnd] = request.urlRange;
            if (contexts.imsContext) addTextSecrets(secrets, findClientSecretParams(text.slice(urlStart, urlEnd)), (start, end) => [urlStart + start, urlStart + end]);
            for (const header of request.headers) secrets.shape({ text: header.value, start: header.valueRange[0], end: header.valueRange[1] }, "an HTTP header");
            const body = request.body;
            if (body?.xml) {
              addXmlSecrets(secrets, body.xml.children, contexts);
            } else if (body) {
              const base = body.range[0];
              addTextSecrets(secrets, findLogonPasswordElements(body.text), (start, end) => [base + start, base + end]);
              if (contexts.imsContext) addTextSecrets(secrets, findClientSecretParams(body.text), (start, end) => [base + start, base + end]);
            }
          }
          secrets.flush();
        },
      };
    },
    shell(context) {
      const { sourceCode } = context;
      const { text } = sourceCode;
      return {
        ShellDocument(document: ShellDocument) {
          const secrets = secretReporter(context);
          const contexts = fileContexts(sourceCode);
          // Settings are handled below, by their variable name.
          addTransports(secrets, findTokenTransportsInShell(document, text, contexts).filter((transport) => transport.kind !== "setting"));
          const wordSecrets = (word: ShellWord, found: readonly TextSecret[]): void =>
            addTextSecrets(secrets, found, (start, end) => shellWordSourceRange(word, start, end), (value) => !(word.hasExpansion && EXPANSION_MARK.test(value)));
          for (const command of document.commands) {
            const client = runsHttpClient(command);
            for (const assignment of command.assignments) {
              const word = assignment.value;
              if (word === null) continue;
              const slot = envSecretSlot(assignment.name, assignment.path);
              const value = wordValue(word);
              const setting = `the ${assignment.path ?? assignment.name} setting`;
              if (slot !== undefined && value !== undefined) secrets.add(value, slot, setting);
              if (value !== undefined) secrets.shape(value, "a shell value");
              wordSecrets(word, findNlserverSecrets(word.value));
              addTextSecrets(secrets, findShellDefaults(word.value, slot), (start, end) => shellWordSourceRange(word, start, end));
            }
            // `curl -u login:password https://…/soaprouter.jsp`: a Campaign login sent as basic auth.
            for (const credential of findBasicAuthCredentials(command)) {
              const { word, option, valueStart, valueEnd, value } = credential;
              wordSecrets(word, [{ slot: "password", name: `${commandName(command)} ${option}`, nameStart: 0, nameEnd: 0, valueStart, valueEnd, value }]);
            }
            for (const word of command.words) {
              wordSecrets(word, findNlserverSecrets(word.value));
              if (word.hasExpansion) addTextSecrets(secrets, findShellDefaults(word.value), (start, end) => shellWordSourceRange(word, start, end));
              const value = wordValue(word);
              if (value !== undefined) secrets.shape(value, "a shell argument");
              if (!client) continue;
              wordSecrets(word, findLogonPasswordElements(word.value));
              if (contexts.imsContext) wordSecrets(word, findClientSecretParams(word.value));
            }
            for (const redirect of command.redirects) {
              const heredoc = redirect.heredoc;
              if (heredoc === null) continue;
              const base = heredoc.bodyRange[0];
              const map = (start: number, end: number): [number, number] => [base + start, base + end];
              addTextSecrets(secrets, findLogonPasswordElements(heredoc.body), map);
              if (contexts.imsContext) addTextSecrets(secrets, findClientSecretParams(heredoc.body), map);
            }
          }
          secrets.flush();
        },
      };
    },
    json(context) {
      const { sourceCode } = context;
      const { text } = sourceCode;
      return {
        Document(document: JsonDocument) {
          const secrets = secretReporter(context);
          const contexts = fileContexts(sourceCode);
          const postman = isPostmanCollection(document);
          if (postman) addTransports(secrets, findTokenTransportsInPostman(document, text, contexts));
          // Every string value; in a Postman collection also Logon bodies, form secrets and
          // variables (`{ "key": "password", "value": "…" }` entries) named like a secret.
          const stack: { node: JsonValue; member: string | undefined }[] = [{ node: document.body, member: undefined }];
          while (stack.length > 0) {
            const { node, member } = stack.pop()!;
            if (node.type === "Object") {
              if (postman && member !== undefined && NAMED_ENTRY_ARRAYS.has(member) && contexts.named) addNamedEntry(secrets, text, node, member === "variable" ? "variable" : "field");
              if (postman && member === "auth" && contexts.named) addPostmanAuth(secrets, text, node);
              for (const child of node.members) stack.push({ node: child.value, member: child.name.type === "String" ? child.name.value : child.name.name });
              continue;
            }
            if (node.type === "Array") {
              for (const element of node.elements) stack.push({ node: element.value, member });
              continue;
            }
            const string = jsonStringText(text, node);
            if (string === undefined) continue;
            const trimmed = trimRange(string.value, { start: 0, end: string.value.length });
            const [start, end] = string.map(trimmed.start, trimmed.end);
            secrets.shape({ text: string.value.slice(trimmed.start, trimmed.end), start, end }, "a JSON string");
            if (!postman) continue;
            addTextSecrets(secrets, findLogonPasswordElements(string.value), string.map);
            if (contexts.imsContext) addTextSecrets(secrets, findClientSecretParams(string.value), string.map);
          }
          secrets.flush();
        },
      };
    },
  },
});

// ----------------------------------------------------------------------------------------------
// XML, HTTP, shell and Postman

type TextCode = SourceCode & { readonly text: string };
type TextContext<Code extends TextCode> = LanguageRuleContext<MessageIds, Options, Code>;

interface FileContexts {
  campaignContext: boolean;
  imsContext: boolean;
  /** Values named like a secret (`@password = …`) count: a Campaign or IMS file that passes the rule's keyword gate. */
  named: boolean;
  /** Unmistakable shapes count anywhere: the file passes the rule's keyword gate (identical with and without it). */
  shapes: boolean;
}

function fileContexts(sourceCode: TextCode): FileContexts {
  const campaignContext = hasCampaignContext(sourceCode.text);
  const imsContext = hasImsCredentialContext(sourceCode.text);
  const shapes = hasRuleKeyword("no-hardcoded-campaign-secret", sourceCode);
  return { campaignContext, imsContext, named: shapes && (campaignContext || imsContext), shapes };
}

interface SecretReporter {
  /** A value used in `slot`: reported (masked) if it is a secret there. */
  add(value: TransportValue, slot: SecretSlot, place: string): void;
  /** A whole value reported only for an unmistakable shape (`p8e-…`, base64 PEM, `___<uuid>`), unless a slot claimed it. */
  shape(value: TransportValue, place: string): void;
  /** Reports everything, once per value and in source order. */
  flush(): void;
}

/**
 * Collects the secrets of one file. A value two patterns cover (a `<sessiontoken>` that is also a
 * `___<uuid>` shape, a `client_secret` field holding `p8e-…`) is reported once: by its slot rather
 * than its shape, and by the first slot found. Overlaps are resolved in one sorted sweep, so a
 * file with thousands of secrets stays linear after sorting.
 */
function secretReporter<Code extends TextCode>(context: TextContext<Code>): SecretReporter {
  const allowed = new Set((context.options[0]?.allow ?? []).map((value) => value.trim()));
  // Example values in a document's code block are placeholders there (domain §G).
  const sample = isDocumentSample(context);
  type Found = { start: number; end: number; kind: SecretKind; text: string; place: string; order: number };
  const bySlot: Found[] = [];
  const byShape: Found[] = [];
  const candidate = (list: Found[], value: TransportValue, kind: SecretKind | undefined, place: string): void => {
    const text = value.text.trim();
    if (kind !== undefined && sample && EXAMPLE_KINDS.has(kind) && isDocumentExampleSecret(text)) return;
    if (kind !== undefined && !allowed.has(text)) list.push({ start: value.start, end: value.end, kind, text, place, order: list.length });
  };
  /** The findings of `list` that overlap neither an earlier one (in source order, then order found) nor one of `taken`. */
  const sweep = (list: Found[], taken: readonly Found[]): Found[] => {
    const kept: Found[] = [];
    let reach = -1;
    let next = 0;
    for (const found of list.sort((a, b) => a.start - b.start || a.order - b.order)) {
      // `taken` is sorted and does not overlap itself: its ends grow with its starts.
      while (next < taken.length && taken[next]!.end <= found.start) next++;
      const blocked = next < taken.length && taken[next]!.start < found.end;
      if (found.start < reach || blocked) continue;
      kept.push(found);
      reach = found.end;
    }
    return kept;
  };
  return {
    add: (value, slot, place) => candidate(bySlot, value, classifySecret(value.text, slot), place),
    shape(value, place) {
      const kind = secretShape(value.text);
      if (kind !== undefined && UNMISTAKABLE_SHAPES.has(kind) && !isPlaceholderValue(value.text)) candidate(byShape, value, kind, place);
    },
    flush() {
      // A value two patterns cover is reported once: by its slot rather than its shape.
      const slots = sweep(bySlot, []);
      const found = [...slots, ...sweep(byShape, slots)].sort((a, b) => a.start - b.start);
      for (const { start, end, kind, text, place } of found) {
        const example = EXAMPLE_KINDS.has(kind) && isExampleSecret(kind === "login-password" ? (splitLoginPassword(text)?.password ?? text) : text);
        reportCredential(
          context,
          {
            loc: locOf(context.sourceCode, start, end),
            messageId: example ? "exampleSecret" : MESSAGE_BY_KIND[kind],
            data: {
              masked: maskSecret(text, kind),
              place,
              label: example ? SECRET_KIND_LABELS[kind] : kind === "private-key-base64" ? "base64 private key" : "private key",
            },
          },
          start,
          { values: [[start, end]], mask: maskSecret(text, kind) },
        );
      }
    },
  };
}

/** A string literal's range without its quotes (the value the scanner masks; the quotes stay). */
function unquoted(text: string, [start, end]: readonly [number, number]): [number, number] {
  const quote = text[start];
  return end - start >= 2 && (quote === '"' || quote === "'" || quote === "`") && text[end - 1] === quote ? [start + 1, end - 1] : [start, end];
}

// Kinds whose value can be a sample typed by hand (shaped secrets are real by their shape).
const EXAMPLE_KINDS: ReadonlySet<SecretKind> = new Set(["password", "login-password", "session-token", "security-token", "client-secret", "access-token"]);

const isPlaceholderValue = (value: string): boolean => classifySecret(value, "any") === undefined && secretShape(value) === undefined;

const TRANSPORT_SLOTS: Readonly<Record<TokenHeaderKind, SecretSlot>> = { "security-token": "security-token", "session-token": "session-token" };

function transportPlace(transport: TokenTransport): string {
  switch (transport.kind) {
    case "element":
      return `<${transport.name}>`;
    case "header":
      return `the ${transport.name} header`;
    case "cookie":
      return "a __sessiontoken cookie";
    case "url":
      return "a __sessiontoken URL parameter";
    case "parameter":
      return "a __sessiontoken parameter";
    case "setting":
      return `the ${transport.name} setting`;
    case "addTokens":
      return "addTokens";
  }
}

/** The literal values of token transports, in their token's slot. */
function addTransports(secrets: SecretReporter, transports: readonly TokenTransport[]): void {
  for (const transport of transports) {
    if (transport.value !== undefined) secrets.add(transport.value, TRANSPORT_SLOTS[transport.token], transportPlace(transport));
  }
}

/** Text secrets (`findLogonPasswordElements`, `findClientSecretParams`, `findNlserverSecrets`) mapped to the file. */
function addTextSecrets(
  secrets: SecretReporter,
  found: readonly TextSecret[],
  map: (start: number, end: number) => [number, number],
  literal: (value: string) => boolean = () => true,
): void {
  for (const secret of found) {
    if (!literal(secret.value)) continue;
    const trimmed = trimRange(secret.value, { start: 0, end: secret.value.length });
    const [start, end] = map(secret.valueStart + trimmed.start, secret.valueStart + trimmed.end);
    secrets.add({ text: secret.value.slice(trimmed.start, trimmed.end), start, end }, secret.slot, textSecretPlace(secret));
  }
}

/** The HTTP client a command runs, as the message names it (`curl`, `wget`). */
function commandName(command: ShellCommand): string {
  for (const word of command.words) {
    const name = word.value.replace(/^.*[\\/]/u, "").replace(/\.exe$/iu, "").toLowerCase();
    if (name === "curl" || name === "wget") return name;
  }
  return "the HTTP client's";
}

function textSecretPlace(secret: TextSecret): string {
  if (/^(?:curl|wget|the HTTP client's) -/u.test(secret.name)) return `${secret.name} credentials`;
  if (secret.slot === "client-secret" && secret.name === "client_secret") return "client_secret";
  if (secret.name.startsWith("${")) return `the default of ${secret.name}}`;
  if (secret.name.startsWith("-")) return `nlserver config ${secret.name}`;
  return `the SOAP Logon <${secret.name}>`;
}

// An expansion in a shell word: the value is built at run time, not written literally.
const EXPANSION_MARK = /[$`%]/;

/** A shell word's value, trimmed, with its source range; undefined when an expansion builds it. */
function wordValue(word: ShellWord): TransportValue | undefined {
  // `Pa$$w0rd`, `S3cr$t`: a `$` that names no variable is part of a literal value.
  if (word.hasExpansion && builtFromVariables(word.value)) return undefined;
  const { start, end } = trimRange(word.value, { start: 0, end: word.value.length });
  const [from, to] = shellWordSourceRange(word, start, end);
  return { text: word.value.slice(start, end), start: from, end: to };
}

// Campaign instance configuration: the attributes that hold IMS credentials (domain E).
const CREDENTIAL_ATTRIBUTES: ReadonlyMap<string, SecretSlot> = new Map([
  ["authimstaclientsecret", "client-secret"],
  ["authimstaprivatekey", "private-key"],
  // Triggers' legacy pipelined JWT key.
  ["authprivatekey", "private-key"],
  // The instance configuration's internal and tracking passwords (`<xtk internalPassword="…"/>`,
  // `<tracking trackingPassword="…"/>`), which `nlserver config -internalpassword` writes encrypted.
  ["internalpassword", "password"],
  ["trackingpassword", "password"],
]);

const LOGON_PASSWORD_ELEMENTS: ReadonlySet<string> = new Set(["strPassword", "password"]);
const XTK_SESSION_NAMESPACE = "urn:xtk:session";
// Quotes or line breaks in a decoded value: code (workflow JavaScript) builds it, not a literal.
const CODE_AROUND_VALUE = /["'`\r\n]/;

/** A decoded XML value (attribute or text), trimmed, with its source range. */
function xmlValue(node: XmlAttribute | XmlText): TransportValue {
  const { start, end } = trimRange(node.value, { start: 0, end: node.value.length });
  const [from, to] = toSourceRange(node, start, end);
  return { text: node.value.slice(start, end), start: from, end: to };
}

/**
 * Secrets of XML nodes beyond the token transports: SOAP Logon passwords (the `strPassword` /
 * `password` child of a `Logon` element in `urn:xtk:session`, or unbound in a template), IMS
 * credential attributes, Logon passwords and `client_secret=` values inside decoded text, and
 * whole values with an unmistakable shape.
 */
function addXmlSecrets(secrets: SecretReporter, nodes: readonly XmlDocumentChild[], { imsContext }: FileContexts): void {
  const stack: { node: XmlDocumentChild; parent: XmlElement | null }[] = [...nodes].reverse().map((node) => ({ node, parent: null }));
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    if (node.type === "XmlText") {
      const map = (start: number, end: number): [number, number] => toSourceRange(node, start, end);
      const literal = (value: string): boolean => !CODE_AROUND_VALUE.test(value);
      addTextSecrets(secrets, findLogonPasswordElements(node.value), map, literal);
      if (imsContext) addTextSecrets(secrets, findClientSecretParams(node.value), map, literal);
      secrets.shape(xmlValue(node), "an XML value");
      continue;
    }
    if (node.type !== "XmlElement") continue;
    if (
      parent !== null &&
      LOGON_PASSWORD_ELEMENTS.has(node.localName) &&
      parent.localName === "Logon" &&
      (parent.namespaceURI === XTK_SESSION_NAMESPACE || parent.namespaceURI === null)
    ) {
      const value = xmlElementTextValue(node);
      if (value !== undefined) secrets.add(value, "password", `the SOAP Logon <${node.name}>`);
    }
    for (const attribute of node.attributes) {
      const slot = CREDENTIAL_ATTRIBUTES.get(attribute.localName.toLowerCase());
      // `nlserver config -setimsoauth` stores the client secret encrypted (`@…`): the migrated state;
      // `-internalpassword` / `-trackingpassword` store those passwords encrypted the same way.
      const encryptedClientSecret = (slot === "client-secret" || slot === "password") && isEncryptedConfigValue(attribute.value);
      if (slot !== undefined && !encryptedClientSecret) secrets.add(xmlValue(attribute), slot, `the ${attribute.localName} attribute`);
      const map = (start: number, end: number): [number, number] => toSourceRange(attribute, start, end);
      if (imsContext) addTextSecrets(secrets, findClientSecretParams(attribute.value), map);
      if (!encryptedClientSecret) secrets.shape(xmlValue(attribute), "an XML value");
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, parent: node });
  }
}

/**
 * A Postman `auth` object of a Campaign collection: the `basic` password, and a `bearer` token
 * that is a Campaign session token (`___…`) or security token (`@…`), not an IMS access token.
 * (An `apikey` sending `X-Security-Token` is a token transport: `findTokenTransportsInPostman`.)
 */
function addPostmanAuth(secrets: SecretReporter, text: string, auth: JsonValue): void {
  const type = jsonMember(auth, "type");
  if (type?.type !== "String" || (type.value !== "basic" && type.value !== "bearer")) return;
  const fields = postmanAuthFields(jsonMember(auth, type.value));
  const string = jsonStringText(text, fields.get(type.value === "basic" ? "password" : "token"));
  if (string === undefined) return;
  const { start, end } = trimRange(string.value, { start: 0, end: string.value.length });
  const value = string.value.slice(start, end);
  const slot: SecretSlot | undefined = type.value === "basic" ? "password" : value.startsWith("___") ? "session-token" : value.startsWith("@") ? "security-token" : undefined;
  if (slot === undefined) return;
  const [from, to] = string.map(start, end);
  secrets.add({ text: value, start: from, end: to }, slot, `the Postman ${type.value} auth ${type.value === "basic" ? "password" : "token"}`);
}

// Postman arrays of `{ key, value }` entries whose key names what the value is.
const NAMED_ENTRY_ARRAYS: ReadonlySet<string> = new Set(["variable", "urlencoded", "formdata", "query"]);

/** A Postman `{ "key": "password", "value": "…" }` entry named like a secret. */
function addNamedEntry(secrets: SecretReporter, text: string, entry: JsonValue, what: "variable" | "field"): void {
  if (entry.type !== "Object") return;
  const member = (name: string): JsonValue | undefined => entry.members.find((m) => m.name.type === "String" && m.name.value === name)?.value;
  const key = member("key");
  const slot = key?.type === "String" ? secretSlotOfName(key.value) : undefined;
  const string = jsonStringText(text, member("value"));
  if (slot === undefined || string === undefined || key?.type !== "String") return;
  const { start, end } = trimRange(string.value, { start: 0, end: string.value.length });
  const [from, to] = string.map(start, end);
  secrets.add({ text: string.value.slice(start, end), start: from, end: to }, slot, `the ${key.value} ${what}`);
}

