/**
 * `@adobe/acc-js-sdk` tracking for TS/JS.
 *
 * The SDK ships no type declarations, so a typed rule cannot ask the type checker what `x` is.
 * Instead this module evaluates expressions symbolically with ESLint scope analysis: every
 * binding is followed back to where it was written (import, `require`, destructuring, alias,
 * `await`), so `CP.ofUserAndPassword(...)` is an SDK call only when `CP` really came from the SDK,
 * and a local function that happens to be called `ofUserAndPassword` stays quiet.
 *
 * Values the evaluator knows about:
 * - `sdk`: the SDK (or one of its members, by path from the SDK root: `["ConnectionParameters",
 *   "ofUserAndPassword"]`);
 * - `credentials` / `connection`: the result of `new Credentials(...)` / a `ConnectionParameters`
 *   factory, remembering the call that created it;
 * - `client`: the result of `await sdk.init(cnx)` or `new Client(sdk, cnx)`, remembering the
 *   connection it was created from (so `client.logon()` can be tied to its credentials);
 * - `promise`: an async result (`sdk.init`, `ofExternalAccount`, `import()`), unwrapped by `await`
 *   and by `.then(value => ...)` callbacks.
 *
 * How the SDK arrived does not decide whether a call is found (issue 13): real code also gets it
 * from a relative import of SDK source, a barrel or workspace package, an injected `this.sdk` or
 * parameter, `window.accSDK`, or shows a call with no import at all (docs). So:
 * - provenance `import`: followed back to the `@adobe/acc-js-sdk` package (or `accSDK`);
 * - provenance `inferred`: any other binding used as the SDK, i.e. `X.ConnectionParameters` (an
 *   import of any module, `require`, a parameter, `this.sdk`, a global), and a binding named
 *   `ConnectionParameters` itself; `X.init(...)`, `new X.Credentials(...)` follow from it;
 * - provenance `name`: a call of one of the Campaign-specific factories (`CAMPAIGN_FACTORY_NAMES`)
 *   on anything, or bare.
 * Code the file implements itself stays quiet: a local function, object literal or class with
 * that member (`function ofUserAndPassword() {}`, `const CP = { ofUserAndPassword }`).
 * Provenance only sharpens the fix: rules rewrite code in place only for `import`.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

/** The npm package name of the SDK. */
export const SDK_PACKAGE = "@adobe/acc-js-sdk";

/** What the deep module `@adobe/acc-js-sdk/src/client.js` exports (`module.exports = {...}`). */
export const SDK_CLIENT_MODULE_EXPORTS: ReadonlySet<string> = new Set(["Client", "Credentials", "ConnectionParameters"]);

// The package itself, its main file, and the deep client module, with or without `.js`.
const SDK_SOURCE = /^@adobe\/acc-js-sdk(?:\/src\/index(?:\.js)?)?\/?$/;
const SDK_CLIENT_SOURCE = /^@adobe\/acc-js-sdk\/src\/client(?:\.js)?$/;

/** Which SDK module an import or require source names, if any. Pure: usable by every language. */
export function sdkModuleKind(source: string): "sdk" | "client-module" | undefined {
  if (SDK_SOURCE.test(source)) return "sdk";
  if (SDK_CLIENT_SOURCE.test(source)) return "client-module";
  return undefined;
}

/** How a call was tied to the SDK (see the module comment). */
export type SdkProvenance = "import" | "inferred" | "name";

/**
 * The `ConnectionParameters` factories that exist only in Campaign's SDK: a call of one of these
 * names is a finding whatever it is called on (docs show the call alone).
 */
export const CAMPAIGN_FACTORY_NAMES: ReadonlySet<string> = new Set([
  "ofUserAndPassword",
  "ofSessionToken",
  "ofSessionAndSecurityToken",
  "ofSecurityToken",
  "ofUserAndServiceToken",
  "ofBearerToken",
  "ofExternalAccount",
]);

/** A call or `new` of an SDK member. */
export interface SdkCall {
  /** How the callee was tied to the SDK: its import, its use as the SDK, or the factory name alone. */
  provenance: SdkProvenance;
  /** The member path from the SDK root, dotted: `ConnectionParameters.ofUserAndPassword`, `Credentials`, `init`. */
  member: string;
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /**
   * The smallest node naming the member: the callee's property (an `Identifier`, or the string
   * `Literal` of `x["ofUserAndPassword"]`), or the callee identifier itself for an alias or a
   * destructured binding (`ofUserAndPassword(...)`, `new CP(...)`).
   */
  memberNode: TSESTree.Node;
  kind: "call" | "new";
}

export type SdkValue =
  | { kind: "sdk"; path: readonly string[]; clientModule: boolean; inferred: boolean }
  | { kind: "credentials"; origin: SdkCall }
  | { kind: "connection"; origin: SdkCall; credentials: SdkCall | undefined }
  | { kind: "client"; origin: SdkCall; connection: SdkValue | undefined }
  | { kind: "nlws"; client: ClientValue }
  | { kind: "xtkSession"; client: ClientValue }
  | { kind: "promise"; of: SdkValue }
  | { kind: "document" }
  | { kind: "window" };

export type ClientValue = Extract<SdkValue, { kind: "client" }>;
export type ConnectionValue = Extract<SdkValue, { kind: "connection" }>;

/** A `client.logon()` or `client.NLWS.xtkSession.logon()` call on a tracked client. */
export interface SdkLogon {
  node: TSESTree.CallExpression;
  /** The `logon` property. */
  memberNode: TSESTree.Node;
  client: ClientValue;
}

/** The `ConnectionParameters` factories whose result `Client` logs on with. */
export const CONNECTION_FACTORIES: ReadonlySet<string> = new Set([
  "ConnectionParameters.ofUserAndPassword",
  "ConnectionParameters.ofUserAndServiceToken",
  "ConnectionParameters.ofSessionToken",
  "ConnectionParameters.ofSessionAndSecurityToken",
  "ConnectionParameters.ofSecurityToken",
  "ConnectionParameters.ofBearerToken",
  "ConnectionParameters.ofImsBearerToken",
  "ConnectionParameters.ofAnonymousUser",
]);

/** Factories that are `static async` (return a promise of connection parameters). */
const ASYNC_CONNECTION_FACTORIES: ReadonlySet<string> = new Set([
  "ConnectionParameters.ofExternalAccount",
  // A documentation bug writes it on Credentials; it is matched as the same call.
  "Credentials.ofExternalAccount",
]);

// Every SDK value starts from text containing one of these (an import/require source, `accSDK`,
// `ConnectionParameters`, a factory name).
const MENTIONS_SDK = /acc-js-sdk|accSDK|ConnectionParameters|of(?:UserAndPassword|UserAndServiceToken|SessionToken|SessionAndSecurityToken|SecurityToken|BearerToken|ImsBearerToken|ExternalAccount)\b/i;

// `X.ConnectionParameters` in the text: `X` (a dotted name, `this.sdk`, `window.accSDK`) is used as
// the SDK. Matched backwards from each `ConnectionParameters`, over a bounded window, so a long
// minified line costs one short match per occurrence.
const CONNECTION_PARAMETERS = /(?<![\w$])ConnectionParameters(?![\w$])/g;
const USED_AS_SDK_BEFORE = /(?<![\w$])([\w$]+(?:\s*\??\.\s*[\w$]+)*)\s*\??\.\s*$/;
// `const { ConnectionParameters, init } = X`: `X` is used as the SDK too.
const DESTRUCTURED_FROM_AFTER = /^[^{}()]*\}\s*=\s*([\w$]+(?:\s*\??\.\s*[\w$]+)*)(?![\w$]|\s*[(.])/;
const USED_AS_SDK_WINDOW = 256;

const BROWSER_GLOBALS: ReadonlySet<string> = new Set(["window", "globalThis", "self"]);

type Expression = TSESTree.Node;

/** Strip wrappers that do not change the runtime value: TS assertions, `!`, `?.` chains, `(0, x)`. */
export function skipWrappers(node: Expression): Expression {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.SequenceExpression: {
        const last = current.expressions.at(-1);
        if (last === undefined) return current;
        current = last;
        break;
      }
      default:
        return current;
    }
  }
}

function sameValue(a: SdkValue, b: SdkValue): boolean {
  switch (a.kind) {
    case "sdk":
      return b.kind === "sdk" && a.clientModule === b.clientModule && a.inferred === b.inferred && a.path.join(".") === b.path.join(".");
    case "credentials":
    case "connection":
    case "client":
      return b.kind === a.kind && b.origin.node === a.origin.node;
    case "nlws":
    case "xtkSession":
      return b.kind === a.kind && b.client.origin.node === a.client.origin.node;
    case "promise":
      return b.kind === "promise" && sameValue(a.of, b.of);
    case "document":
    case "window":
      return b.kind === a.kind;
  }
}

/** The member path of a dotted name, e.g. `"ConnectionParameters.ofUserAndPassword"`. */
const pathKey = (path: readonly string[]): string => path.join(".");

/** Per-file evaluator; get it with `getSdkTracker(context)`. */
export class SdkTracker {
  readonly #sourceCode: Readonly<TSESLint.SourceCode>;
  readonly #values = new WeakMap<object, SdkValue | null>();
  readonly #inProgress = new Set<object>();
  /** Whether the file mentions the SDK at all (cheap gate: no SDK text, no SDK values). */
  readonly mentionsSdk: boolean;
  #usedAsSdk: Set<string> | undefined;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>) {
    this.#sourceCode = sourceCode;
    this.mentionsSdk = MENTIONS_SDK.test(sourceCode.text);
  }

  /** The expressions (normalised text) the file uses as the SDK: `sdk` of `sdk.ConnectionParameters`. */
  get #sdkNames(): Set<string> {
    if (this.#usedAsSdk === undefined) {
      this.#usedAsSdk = new Set();
      const { text } = this.#sourceCode;
      for (const { index } of text.matchAll(CONNECTION_PARAMETERS)) {
        const name = USED_AS_SDK_BEFORE.exec(text.slice(Math.max(0, index - USED_AS_SDK_WINDOW), index))?.[1];
        if (name !== undefined) this.#usedAsSdk.add(normaliseName(name));
        const end = index + "ConnectionParameters".length;
        const source = DESTRUCTURED_FROM_AFTER.exec(text.slice(end, end + USED_AS_SDK_WINDOW))?.[1];
        if (source !== undefined) this.#usedAsSdk.add(normaliseName(source));
      }
    }
    return this.#usedAsSdk;
  }

  /** What `node` evaluates to, when it is (or derives from) the SDK. */
  valueOf(node: Expression): SdkValue | undefined {
    if (!this.mentionsSdk) return undefined;
    const cached = this.#values.get(node);
    if (cached !== undefined) return cached ?? undefined;
    if (this.#inProgress.has(node)) return undefined;
    this.#inProgress.add(node);
    let value: SdkValue | undefined;
    try {
      value = this.#evaluate(node);
    } finally {
      this.#inProgress.delete(node);
    }
    this.#values.set(node, value ?? null);
    return value;
  }

  /** The SDK member path `node` evaluates to (`[]` is the SDK itself). */
  sdkPath(node: Expression): readonly string[] | undefined {
    const value = this.valueOf(node);
    return value?.kind === "sdk" ? value.path : undefined;
  }

  /** The SDK call a callee names, for a `CallExpression` or `NewExpression`. */
  sdkCallOf(node: TSESTree.CallExpression | TSESTree.NewExpression): SdkCall | undefined {
    if (!this.mentionsSdk) return undefined;
    const kind = node.type === AST_NODE_TYPES.NewExpression ? "new" : "call";
    const value = this.valueOf(node.callee);
    if (value?.kind === "sdk" && value.path.length > 0) {
      return { member: pathKey(value.path), node, memberNode: memberNameNode(node.callee), kind, provenance: value.inferred ? "inferred" : "import" };
    }
    // By name: `anything.ofUserAndPassword(...)`, `ofSessionToken(...)`, `CP[factory](...)`.
    if (kind === "new" || value !== undefined) return undefined;
    const callee = skipWrappers(node.callee);
    let name: string | undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      name = memberName(callee, this.#sourceCode.getScope(callee));
      if (name === undefined || !CAMPAIGN_FACTORY_NAMES.has(name) || this.#implementsMember(callee.object, name)) return undefined;
    } else if (callee.type === AST_NODE_TYPES.Identifier) {
      name = callee.name;
      if (!CAMPAIGN_FACTORY_NAMES.has(name) || this.#isLocalImplementation(callee)) return undefined;
    } else {
      return undefined;
    }
    return { member: `ConnectionParameters.${name}`, node, memberNode: memberNameNode(node.callee), kind, provenance: "name" };
  }

  /** Whether `object` is code of this file that defines `name` itself (an object literal, a class, `this` in one). */
  #implementsMember(object: Expression, name: string): boolean {
    const expression = skipWrappers(object);
    if (expression.type === AST_NODE_TYPES.ThisExpression) {
      for (let node: TSESTree.Node | null | undefined = expression.parent; node != null; node = node.parent) {
        if (node.type === AST_NODE_TYPES.ClassBody) return node.body.some((member) => "key" in member && keyName(member.key) === name);
      }
      return false;
    }
    if (expression.type === AST_NODE_TYPES.Identifier) return this.#isLocalImplementation(expression);
    return isImplementation(expression);
  }

  /** Whether an identifier is bound to code of this file: a function, class or object literal. */
  #isLocalImplementation(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.#sourceCode.getScope(identifier), identifier);
    if (variable === null) return false;
    return variable.defs.some((def) => {
      if (def.type === "FunctionName" || def.type === "ClassName") return true;
      if (def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
      const { id, init } = def.node;
      return id.type === AST_NODE_TYPES.Identifier && init !== null && isImplementation(skipWrappers(init));
    });
  }

  /**
   * The SDK as used by this file without a package import: an expression the file writes
   * `X.ConnectionParameters` on, or a binding named `ConnectionParameters`, unless it is code of
   * this file (`const ConnectionParameters = { ... }`).
   */
  #inferredValue(node: Expression): SdkValue | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    let root: Expression = node;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
    if (isImplementation(root) || (root.type === AST_NODE_TYPES.Identifier && this.#isLocalImplementation(root))) return undefined;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === "ConnectionParameters") {
      return { kind: "sdk", path: ["ConnectionParameters"], clientModule: false, inferred: true };
    }
    if (this.#sdkNames.size === 0 || !this.#sdkNames.has(normaliseName(this.#sourceCode.getText(node)))) return undefined;
    return { kind: "sdk", path: [], clientModule: false, inferred: true };
  }

  /** The client `node` evaluates to (after `await`), with the connection it was created from. */
  clientOf(node: Expression): ClientValue | undefined {
    const value = this.valueOf(node);
    return value?.kind === "client" ? value : undefined;
  }

  /** The connection parameters `node` evaluates to (after `await`), with the factory call. */
  connectionOf(node: Expression): ConnectionValue | undefined {
    const value = this.valueOf(node);
    return value?.kind === "connection" ? value : undefined;
  }

  #evaluate(raw: Expression): SdkValue | undefined {
    const node = skipWrappers(raw);
    if (node !== raw) return this.valueOf(node);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.#evaluateIdentifier(node) ?? this.#inferredValue(node);
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(node, this.#sourceCode.getScope(node));
        if (name === undefined) return undefined;
        const object = this.valueOf(node.object);
        return (object === undefined ? undefined : memberOf(object, name)) ?? this.#inferredValue(node);
      }
      case AST_NODE_TYPES.AwaitExpression: {
        const value = this.valueOf(node.argument);
        return value?.kind === "promise" ? value.of : value;
      }
      case AST_NODE_TYPES.ImportExpression: {
        const source = stringValue(node.source);
        const kind = source === undefined ? undefined : sdkModuleKind(source);
        return kind === undefined ? undefined : { kind: "promise", of: sdkRoot(kind) };
      }
      case AST_NODE_TYPES.CallExpression:
        return this.#evaluateCall(node);
      case AST_NODE_TYPES.NewExpression: {
        const call = this.sdkCallOf(node);
        if (call === undefined) return undefined;
        if (call.member === "Credentials") return { kind: "credentials", origin: call };
        if (call.member === "ConnectionParameters") {
          const credentials = argumentValue(this, node, 1);
          return { kind: "connection", origin: call, credentials: credentials?.kind === "credentials" ? credentials.origin : undefined };
        }
        // `new Client(sdk, connectionParameters)`.
        if (call.member === "Client") return { kind: "client", origin: call, connection: argumentValue(this, node, 1) };
        return undefined;
      }
      default:
        return undefined;
    }
  }

  #evaluateCall(node: TSESTree.CallExpression): SdkValue | undefined {
    const callee = skipWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === "require" && this.#isRequire(callee)) {
      const source = node.arguments[0] === undefined ? undefined : stringValue(node.arguments[0]);
      const kind = source === undefined ? undefined : sdkModuleKind(source);
      return kind === undefined ? undefined : sdkRoot(kind);
    }
    const call = this.sdkCallOf(node);
    if (call === undefined) return undefined;
    if (CONNECTION_FACTORIES.has(call.member)) return { kind: "connection", origin: call, credentials: undefined };
    if (ASYNC_CONNECTION_FACTORIES.has(call.member)) {
      return { kind: "promise", of: { kind: "connection", origin: call, credentials: undefined } };
    }
    if (call.member === "init") return { kind: "promise", of: { kind: "client", origin: call, connection: argumentValue(this, node, 0) } };
    return undefined;
  }

  /** `require` is the CommonJS global, or a `createRequire(...)` result. */
  #isRequire(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.#sourceCode.getScope(identifier), identifier);
    if (variable === null || variable.defs.length === 0) return true;
    return variable.defs.every((def) => {
      if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.init === null) return false;
      const init = skipWrappers(def.node.init);
      return init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === "createRequire";
    });
  }

  #evaluateIdentifier(identifier: TSESTree.Identifier): SdkValue | undefined {
    const variable = ASTUtils.findVariable(this.#sourceCode.getScope(identifier), identifier);
    if (variable === null || variable.defs.length === 0) {
      // An undeclared or configured global: the browser globals and the SDK's own `accSDK`.
      return browserGlobal(identifier.name);
    }
    if (this.#inProgress.has(variable)) return undefined;
    this.#inProgress.add(variable);
    try {
      return this.#evaluateVariable(variable);
    } finally {
      this.#inProgress.delete(variable);
    }
  }

  #evaluateVariable(variable: TSESLint.Scope.Variable): SdkValue | undefined {
    const [def] = variable.defs;
    if (def === undefined || variable.defs.length > 1) return undefined;
    switch (def.type) {
      case "ImportBinding":
        return importBindingValue(def.node);
      case "Parameter":
        return this.#parameterValue(def.node, def.name);
      case "Variable":
        // `declare const document: any`, `declare var window: ...`: the browser globals, typed.
        if (def.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.declare) return browserGlobal(variable.name);
        break;
      default:
        return undefined;
    }
    // Every write must agree: `let cnx = ofUserAndPassword(...); cnx = ofImsBearerToken(...)` is unknown.
    let value: SdkValue | undefined;
    let writes = 0;
    for (const reference of variable.references) {
      if (!reference.isWrite()) continue;
      writes++;
      const written = this.#writtenValue(reference);
      if (written === undefined || (value !== undefined && !sameValue(value, written))) return undefined;
      value = written;
    }
    return writes === 0 ? undefined : value;
  }

  /** The value a write reference stores in its identifier, following destructuring. */
  #writtenValue(reference: TSESLint.Scope.Reference): SdkValue | undefined {
    const { writeExpr } = reference;
    if (writeExpr === null || writeExpr === undefined) return undefined;
    const path: string[] = [];
    let node: TSESTree.Node = reference.identifier;
    for (;;) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (parent === undefined) return undefined;
      if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) {
        node = parent;
      } else if (parent.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
        const key = propertyKeyName(parent, this.#sourceCode.getScope(parent));
        if (key === undefined) return undefined;
        path.unshift(key);
        node = parent.parent;
      } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === node && parent.init === writeExpr) {
        break;
      } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node && parent.operator === "=" && parent.right === writeExpr) {
        break;
      } else {
        // Array patterns, rest elements, for-of heads, compound assignments: not tracked.
        return undefined;
      }
    }
    let value = this.valueOf(writeExpr as TSESTree.Node);
    for (const name of path) {
      if (value === undefined) return undefined;
      value = memberOf(value, name);
    }
    return value;
  }

  /** `promise.then(value => ...)`: the first parameter of a `.then` callback on a tracked promise. */
  #parameterValue(fn: TSESTree.Node, name: TSESTree.Node): SdkValue | undefined {
    if (
      (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) ||
      fn.params[0] !== name
    ) {
      return undefined;
    }
    const call = fn.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
    const callee = skipWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee, this.#sourceCode.getScope(callee)) !== "then") {
      return undefined;
    }
    const promise = this.valueOf(callee.object);
    return promise?.kind === "promise" ? promise.of : undefined;
  }
}

function argumentValue(tracker: SdkTracker, node: TSESTree.CallExpression | TSESTree.NewExpression, index: number): SdkValue | undefined {
  const argument = node.arguments[index];
  if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const value = tracker.valueOf(argument);
  return value?.kind === "promise" ? undefined : value;
}

const sdkRoot = (kind: "sdk" | "client-module"): SdkValue => ({ kind: "sdk", path: [], clientModule: kind === "client-module", inferred: false });

/** What a browser global evaluates to: `document`, `window` (and its aliases), the SDK bundle's `accSDK`. */
function browserGlobal(name: string): SdkValue | undefined {
  if (name === "document") return { kind: "document" };
  if (BROWSER_GLOBALS.has(name)) return { kind: "window" };
  if (name === "accSDK") return sdkRoot("sdk");
  return undefined;
}

/** Code of this file: an object literal, a class, a function. */
function isImplementation(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return true;
    default:
      return false;
  }
}

function keyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  return undefined;
}

/** `a ?. b . c` → `a.b.c`. */
const normaliseName = (text: string): string => text.replace(/\s+/g, "").replace(/\?\./g, ".");

function memberOf(object: SdkValue, name: string): SdkValue | undefined {
  switch (object.kind) {
    case "sdk":
      if (object.path.length === 0) {
        // ESM interop: `sdk.default` (namespace import, `import()`) is `module.exports`.
        if (name === "default") return object;
        if (object.clientModule && !SDK_CLIENT_MODULE_EXPORTS.has(name)) return undefined;
      }
      return { kind: "sdk", path: [...object.path, name], clientModule: object.clientModule, inferred: object.inferred };
    case "document":
      return name === "accSDK" ? sdkRoot("sdk") : undefined;
    case "window":
      if (name === "accSDK") return sdkRoot("sdk");
      return name === "document" ? { kind: "document" } : undefined;
    case "client":
      return name === "NLWS" ? { kind: "nlws", client: object } : undefined;
    case "nlws":
      return name === "xtkSession" ? { kind: "xtkSession", client: object.client } : undefined;
    default:
      return undefined;
  }
}

function importBindingValue(node: TSESTree.Node): SdkValue | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    // `import sdk = require("@adobe/acc-js-sdk")`
    const reference = node.moduleReference;
    if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
    const source = stringValue(reference.expression);
    const kind = source === undefined ? undefined : sdkModuleKind(source);
    return kind === undefined ? undefined : sdkRoot(kind);
  }
  const declaration = node.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  // `import type` (or `import { type X }`) never runs.
  if (declaration.importKind === "type" || (node.type === AST_NODE_TYPES.ImportSpecifier && node.importKind === "type")) return undefined;
  const kind = sdkModuleKind(declaration.source.value);
  if (kind === undefined) return undefined;
  const root = sdkRoot(kind);
  switch (node.type) {
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return root;
    case AST_NODE_TYPES.ImportSpecifier: {
      const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value;
      return memberOf(root, imported);
    }
    default:
      return undefined;
  }
}

function stringValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The static name of a member access: `a.b`, `a["b"]`, a template without `${}`, a `const` string. */
function memberName(node: TSESTree.MemberExpression, scope: TSESLint.Scope.Scope): string | undefined {
  if (!node.computed) return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  return ASTUtils.getStringIfConstant(node.property, scope) ?? undefined;
}

function propertyKeyName(node: TSESTree.Property, scope: TSESLint.Scope.Scope): string | undefined {
  if (!node.computed) {
    if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
    if (node.key.type === AST_NODE_TYPES.Literal) return String(node.key.value);
    return undefined;
  }
  return ASTUtils.getStringIfConstant(node.key, scope) ?? undefined;
}

/** The node that names the called member: the property of `a.b` / `a["b"]`, or the callee identifier. */
export function memberNameNode(callee: TSESTree.Node): TSESTree.Node {
  const node = skipWrappers(callee);
  return node.type === AST_NODE_TYPES.MemberExpression ? node.property : node;
}

// One tracker per file, shared by every rule that lints it (same SourceCode, same scopes).
const trackers = new WeakMap<object, SdkTracker>();

/** The file's SDK tracker. */
export function getSdkTracker(context: { readonly sourceCode: Readonly<TSESLint.SourceCode> }): SdkTracker {
  let tracker = trackers.get(context.sourceCode);
  if (tracker === undefined) {
    tracker = new SdkTracker(context.sourceCode);
    trackers.set(context.sourceCode, tracker);
  }
  return tracker;
}

/**
 * A listener that calls `onCall` for every call or `new` of one of `members` (dotted paths from the
 * SDK root: `"ConnectionParameters.ofUserAndPassword"`, `"Credentials"` for `new Credentials(...)`,
 * `"Credentials.ofExternalAccount"`, `"init"`), in every import form the tracker follows.
 */
export function sdkCallListener(
  context: { readonly sourceCode: Readonly<TSESLint.SourceCode> },
  members: Iterable<string>,
  onCall: (call: SdkCall, tracker: SdkTracker) => void,
): TSESLint.RuleListener {
  const wanted = new Set(members);
  const tracker = getSdkTracker(context);
  if (!tracker.mentionsSdk) return {};
  const check = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
    const call = tracker.sdkCallOf(node);
    if (call !== undefined && wanted.has(call.member) && !isAssertedToThrow(node)) onCall(call, tracker);
  };
  return { CallExpression: check, NewExpression: check };
}

const THROW_ASSERTIONS: ReadonlySet<string> = new Set(["toThrow", "toThrowError", "toThrowErrorMatchingSnapshot", "toThrowErrorMatchingInlineSnapshot"]);

/**
 * Whether `node` runs only inside a function a test asserts to throw (`expect(() => { … }).toThrow()`,
 * `assert.throws(() => …)`): a call that must fail is no connection.
 */
export function isAssertedToThrow(node: TSESTree.Node): boolean {
  // `Program.parent` is `null` in ESTree: compare loosely.
  let fn: TSESTree.Node | null | undefined = node.parent;
  while (fn != null && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) fn = fn.parent;
  const call = fn?.parent;
  if (fn == null || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    // `assert.throws(fn)`, `assert.rejects(fn)`.
    return !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && (callee.property.name === "throws" || callee.property.name === "rejects");
  }
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== "expect") return false;
  // `expect(fn).toThrow(...)`, `expect(fn).not.toThrow()` is the opposite.
  let chain: TSESTree.Node = call;
  while (chain.parent?.type === AST_NODE_TYPES.MemberExpression && chain.parent.object === chain) {
    const property = chain.parent.property;
    if (property.type !== AST_NODE_TYPES.Identifier || property.name === "not") return false;
    if (THROW_ASSERTIONS.has(property.name)) return true;
    chain = chain.parent;
  }
  return false;
}

/**
 * A listener that calls `onLogon` for `client.logon()` and `client.NLWS.xtkSession.logon()` (the
 * SDK's alias) on a client the tracker can follow back to `sdk.init(...)` or `new Client(...)`.
 * `logon.client.connection` is the connection value it was created with, when known.
 */
export function sdkLogonListener(
  context: { readonly sourceCode: Readonly<TSESLint.SourceCode> },
  onLogon: (logon: SdkLogon, tracker: SdkTracker) => void,
): TSESLint.RuleListener {
  const tracker = getSdkTracker(context);
  if (!tracker.mentionsSdk) return {};
  return {
    CallExpression(node) {
      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      if (memberName(callee, context.sourceCode.getScope(callee)) !== "logon") return;
      const target = tracker.valueOf(callee.object);
      const client = target?.kind === "client" ? target : target?.kind === "xtkSession" ? target.client : undefined;
      if (client !== undefined) onLogon({ node, memberNode: callee.property, client }, tracker);
    },
  };
}

/**
 * The SDK call that created the credentials a client logs on with: the connection factory
 * (`ofUserAndPassword(...)`), the `new Credentials(...)` behind `new ConnectionParameters(...)`,
 * or, for the pre-1.0 `sdk.init(url, user, password)`, the `init` call itself.
 */
export function clientCredentialsOrigin(client: ClientValue): SdkCall | undefined {
  const connection = client.connection;
  if (connection?.kind === "connection") return connection.credentials ?? connection.origin;
  if (client.origin.member === "init" && client.origin.node.arguments.length >= 3) return client.origin;
  return undefined;
}

/** Combine listeners: handlers for the same selector run in the order given. */
export function mergeListeners(...listeners: TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged: Record<string, ((node: never) => void)[]> = {};
  for (const listener of listeners) {
    for (const [selector, handler] of Object.entries(listener)) {
      if (handler === undefined) continue;
      (merged[selector] ??= []).push(handler as (node: never) => void);
    }
  }
  const result: Record<string, (node: never) => void> = {};
  for (const [selector, handlers] of Object.entries(merged)) {
    const [only] = handlers;
    result[selector] =
      handlers.length === 1 && only !== undefined
        ? only
        : (node: never) => {
            for (const handler of handlers) handler(node);
          };
  }
  return result as TSESLint.RuleListener;
}

// ----------------------------------------------------------------------------------------------
// Fix helpers for SDK factory rewrites (`ofX(...)` → `ofImsBearerToken(...)`).

function staticKeyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
  return undefined;
}

/**
 * A fix renaming the called member in place (`.ofX`, `["ofX"]`, `` [`ofX`] ``), given the
 * `memberNode` of an `SdkCall`; `undefined` for a bare alias or a computed name, which cannot be
 * renamed without touching its binding.
 */
export function renameCalledMember(memberNode: TSESTree.Node, name: string): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const parent = memberNode.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.property !== memberNode) return undefined;
  if (memberNode.type === AST_NODE_TYPES.Identifier && !parent.computed) return (fixer) => fixer.replaceText(memberNode, name);
  if (memberNode.type === AST_NODE_TYPES.Literal && typeof memberNode.value === "string") {
    const quote = memberNode.raw[0] ?? '"';
    return (fixer) => fixer.replaceText(memberNode, `${quote}${name}${quote}`);
  }
  if (memberNode.type === AST_NODE_TYPES.TemplateLiteral && memberNode.expressions.length === 0) {
    return (fixer) => fixer.replaceText(memberNode, `\`${name}\``);
  }
  return undefined;
}

/**
 * Fixes turning a connection `options` argument into `{ ...options, sessionInfo: true }`: merged
 * into an object literal when it is one (an existing `sessionInfo` is set to `true`), `{ sessionInfo:
 * true }` for `undefined` / `null`; `undefined` for a spread argument.
 */
export function sessionInfoOptionsFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: TSESTree.CallExpressionArgument,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
  const expression = skipWrappers(options);
  if (expression.type === AST_NODE_TYPES.ObjectExpression && expression === options) {
    const existing = expression.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property && !property.computed && staticKeyName(property) === "sessionInfo",
    );
    if (existing !== undefined) {
      if (existing.shorthand || existing.kind !== "init" || existing.method) return undefined;
      const value = existing.value;
      if (value.type === AST_NODE_TYPES.Literal && value.value === true) return () => [];
      return (fixer) => [fixer.replaceText(value, "true")];
    }
    const last = expression.properties.at(-1);
    if (last === undefined) return (fixer) => [fixer.replaceText(expression, "{ sessionInfo: true }")];
    return (fixer) => [fixer.insertTextAfter(last, ", sessionInfo: true")];
  }
  if (options.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if ((options.type === AST_NODE_TYPES.Identifier && options.name === "undefined") || (options.type === AST_NODE_TYPES.Literal && options.value === null)) {
    return (fixer) => [fixer.replaceText(options, "{ sessionInfo: true }")];
  }
  const text = sourceCode.getText(options);
  const spread = options.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
  return (fixer) => [fixer.replaceText(options, `{ ...${spread}, sessionInfo: true }`)];
}

// ----------------------------------------------------------------------------------------------
// String and template literal text with exact source offsets, so a rule can match a substring of
// the literal's value (a SOAP action, an envelope element) and report exactly that substring.

/** A string or template literal's value, mapped back to source offsets. */
export interface LiteralText {
  /**
   * The literal's value with escapes decoded. Each `${}` of a template is one U+0000 character,
   * so only the quasis are text and no match can run through an interpolation.
   */
  text: string;
  /** The source range (`[start, end)` in `sourceCode.text`) of `text.slice(start, end)`. */
  range(start: number, end: number): [number, number];
}

/** The placeholder each `${}` of a template literal becomes in `LiteralText.text`. */
export const INTERPOLATION_PLACEHOLDER = "\u0000";

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v" };
const HEX = /^[0-9a-fA-F]+$/;
const OCTAL = /^[0-7]{1,3}/;

/** Decode the raw source of a string body or template quasi, recording each character's source span. */
function decodeRaw(raw: string, base: number, out: { text: string[]; starts: number[]; ends: number[] }): void {
  const push = (value: string, start: number, end: number): void => {
    for (const unit of value.split("")) {
      out.text.push(unit);
      out.starts.push(base + start);
      out.ends.push(base + end);
    }
  };
  let i = 0;
  while (i < raw.length) {
    const char = raw[i] as string;
    if (char !== "\\") {
      push(char, i, i + 1);
      i++;
      continue;
    }
    const next = raw[i + 1] ?? "";
    let length = 2;
    let value: string;
    if (next in SIMPLE_ESCAPES) {
      value = SIMPLE_ESCAPES[next] as string;
    } else if (next === "x" && HEX.test(raw.slice(i + 2, i + 4)) && i + 4 <= raw.length) {
      value = String.fromCharCode(Number.parseInt(raw.slice(i + 2, i + 4), 16));
      length = 4;
    } else if (next === "u" && raw[i + 2] === "{") {
      const close = raw.indexOf("}", i + 3);
      const digits = close < 0 ? "" : raw.slice(i + 3, close);
      value = HEX.test(digits) ? String.fromCodePoint(Number.parseInt(digits, 16)) : "";
      length = close < 0 ? 2 : close + 1 - i;
    } else if (next === "u" && HEX.test(raw.slice(i + 2, i + 6)) && i + 6 <= raw.length) {
      value = String.fromCharCode(Number.parseInt(raw.slice(i + 2, i + 6), 16));
      length = 6;
    } else if (next === "\r" || next === "\n" || next === "\u2028" || next === "\u2029") {
      // Line continuation: no character in the value.
      value = "";
      length = next === "\r" && raw[i + 2] === "\n" ? 3 : 2;
    } else if (OCTAL.test(next)) {
      const digits = (OCTAL.exec(raw.slice(i + 1)) as RegExpExecArray)[0];
      value = String.fromCharCode(Number.parseInt(digits, 8));
      length = 1 + digits.length;
    } else {
      value = next;
    }
    push(value, i, i + length);
    i += length;
  }
}

/** The text of a string literal or template literal, or `undefined` for other literals. */
export function literalText(
  node: TSESTree.Literal | TSESTree.TemplateLiteral,
  sourceCode: Readonly<TSESLint.SourceCode>,
): LiteralText | undefined {
  const out = { text: [] as string[], starts: [] as number[], ends: [] as number[] };
  if (node.type === AST_NODE_TYPES.Literal) {
    if (typeof node.value !== "string") return undefined;
    const [start, end] = node.range;
    decodeRaw(sourceCode.text.slice(start + 1, end - 1), start + 1, out);
  } else {
    node.quasis.forEach((quasi, index) => {
      // A quasi's range includes its delimiters: "`" or "}" before, "${" or "`" after.
      decodeRaw(quasi.value.raw, quasi.range[0] + 1, out);
      const expression = node.expressions[index];
      if (expression !== undefined) {
        out.text.push(INTERPOLATION_PLACEHOLDER);
        out.starts.push(quasi.range[1] - 2);
        out.ends.push(expression.range[1] + 1);
      }
    });
  }
  const text = out.text.join("");
  return {
    text,
    range(start, end) {
      if (end <= start) {
        const at = out.starts[start] ?? out.ends.at(-1) ?? node.range[0];
        return [at, at];
      }
      return [out.starts[start] as number, out.ends[end - 1] as number];
    },
  };
}
