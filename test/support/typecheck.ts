/**
 * Fix and suggestion outputs must parse and type-check. `checkFixOutputs(invalidCases)` takes the
 * same case objects a rule test hands to RuleTester (RuleTester already asserts that the rule's
 * actual outputs equal these expected ones), and returns TypeScript's diagnostics for them:
 *
 * - `.ts` / `.tsx` / `.mts` / `.cts` outputs: a full type-check, all outputs in one in-memory
 *   program (each file made a module so their top-level names do not collide), against the
 *   ambient declarations you pass (e.g. `ACC_JS_SDK_DECLARATIONS` plus the names your test cases
 *   use, such as `declare const url: string;`);
 * - `.js` / `.mjs` / `.cjs` / `.jsx` outputs: a strict ECMAScript parse with espree (ESLint's own
 *   parser, JSX on) in the case's `languageOptions.sourceType` (default: module, `.cjs`: commonjs),
 *   which rejects what TypeScript's transpiler lets through, e.g. `await` in a non-async function.
 *
 * An empty array means every output is fine; a diagnostic names the case and the output.
 */
import * as espree from "espree";
import ts from "typescript";

/** What the helper reads from a RuleTester invalid case (an `InvalidTestCase` fits). */
export interface OutputCase {
  filename?: string;
  languageOptions?: { sourceType?: "module" | "commonjs" | "script" };
  code?: string;
  output?: string | null;
  /** Error objects whose `suggestions` hold `{ output }` entries; strings, RegExps and counts are skipped. */
  errors?: number | readonly unknown[];
}

export interface CheckOptions {
  /** Ambient declarations (a `.d.ts` body) every TS output is checked against. */
  declarations?: string;
}

/**
 * A minimal `@adobe/acc-js-sdk` typing (the package ships none), from `src/client.js` of the SDK:
 * the ConnectionParameters factories, Credentials, Client, `init` (and its pre-1.0 overload).
 * Available as the package, its `default` export, and the deep `src/client.js` module.
 */
export const ACC_JS_SDK_DECLARATIONS = `
declare namespace AccJsSdk {
  interface ConnectionOptions {
    representation?: "xml" | "BadgerFish" | "SimpleJson";
    rememberMe?: boolean;
    sessionInfo?: boolean;
    [option: string]: unknown;
  }
  class Credentials {
    constructor(type: string, sessionToken?: string, securityToken?: string);
  }
  class ConnectionParameters {
    constructor(endpoint: string, credentials: Credentials, options?: ConnectionOptions);
    static ofUserAndPassword(endpoint: string, user: string, password: string, options?: ConnectionOptions): ConnectionParameters;
    static ofUserAndServiceToken(endpoint: string, user: string, serviceToken: string, options?: ConnectionOptions): ConnectionParameters;
    static ofSessionToken(endpoint: string, sessionToken: string, options?: ConnectionOptions): ConnectionParameters;
    static ofSessionAndSecurityToken(endpoint: string, sessionToken: string, securityToken: string, options?: ConnectionOptions): ConnectionParameters;
    static ofSecurityToken(endpoint: string, securityToken: string, options?: ConnectionOptions): ConnectionParameters;
    static ofBearerToken(endpoint: string, bearerToken: string, options?: ConnectionOptions): ConnectionParameters;
    static ofImsBearerToken(endpoint: string, token: string, options?: ConnectionOptions): ConnectionParameters;
    static ofAnonymousUser(endpoint: string, options?: ConnectionOptions): ConnectionParameters;
    static ofExternalAccount(client: Client, extAccountName: string): Promise<ConnectionParameters>;
  }
  class Client {
    constructor(sdk: unknown, connectionParameters: ConnectionParameters);
    logon(): Promise<void>;
    logoff(): Promise<void>;
    reinit(connectionParameters: ConnectionParameters): void;
    getOption(name: string): Promise<unknown>;
    NLWS: any;
  }
  function init(connectionParameters: ConnectionParameters): Promise<Client>;
  function init(endpoint: string, user: string, password: string, options?: unknown): Promise<Client>;
}
// Enough JSX for .tsx outputs to check without React's types.
declare namespace JSX {
  interface Element {}
  interface IntrinsicElements { [name: string]: any }
}
declare module "@adobe/acc-js-sdk" {
  export = AccJsSdk;
}
declare module "@adobe/acc-js-sdk/src/client.js" {
  export import Client = AccJsSdk.Client;
  export import Credentials = AccJsSdk.Credentials;
  export import ConnectionParameters = AccJsSdk.ConnectionParameters;
}
`;

const TS_FILE = /\.(?:ts|tsx|mts|cts)$/;
const JS_FILE = /\.(?:js|jsx|mjs|cjs)$/;

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
  esModuleInterop: true,
  allowSyntheticDefaultImports: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
};

export interface FixOutput {
  name: string;
  filename: string;
  sourceType: "module" | "commonjs" | "script";
  code: string;
}

/** Every output a case list carries: `output` strings and each suggestion's `output`. */
export function fixOutputs(cases: readonly OutputCase[]): FixOutput[] {
  const outputs: FixOutput[] = [];
  cases.forEach((testCase, index) => {
    const filename = testCase.filename ?? "file.ts";
    const sourceType = testCase.languageOptions?.sourceType ?? (filename.endsWith(".cjs") ? "commonjs" : "module");
    const push = (name: string, code: string) => outputs.push({ name, filename, sourceType, code });
    if (typeof testCase.output === "string") push(`case ${index} output`, testCase.output);
    const errors: readonly unknown[] = Array.isArray(testCase.errors) ? testCase.errors : [];
    errors.forEach((error, errorIndex) => {
      const suggestions = typeof error === "object" && error !== null ? (error as { suggestions?: unknown }).suggestions : undefined;
      if (!Array.isArray(suggestions)) return;
      suggestions.forEach((suggestion: unknown, suggestionIndex) => {
        const output = typeof suggestion === "object" && suggestion !== null ? (suggestion as { output?: unknown }).output : undefined;
        if (typeof output === "string") push(`case ${index} error ${errorIndex} suggestion ${suggestionIndex}`, output);
      });
    });
  });
  return outputs;
}

function format(name: string, diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (diagnostic.file === undefined || diagnostic.start === undefined) return `${name}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${name} (${line + 1}:${character + 1}): ${message}`;
}

/** Diagnostics for every output of `cases` (empty when all parse and type-check). */
export function checkFixOutputs(cases: readonly OutputCase[], options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const outputs = fixOutputs(cases);

  for (const output of outputs.filter((o) => JS_FILE.test(o.filename))) {
    try {
      espree.parse(output.code, { ecmaVersion: "latest", sourceType: output.sourceType, ecmaFeatures: { jsx: true } });
    } catch (error) {
      const { lineNumber, column, message } = error as { lineNumber?: number; column?: number; message: string };
      problems.push(`${output.name} (${lineNumber ?? "?"}:${column ?? "?"}): ${message}`);
    }
  }

  const tsOutputs = outputs.filter((o) => TS_FILE.test(o.filename));
  if (tsOutputs.length === 0) return problems;
  const files = new Map<string, { name: string; code: string }>();
  tsOutputs.forEach((output, index) => {
    const extension = /\.[a-z]+$/.exec(output.filename)?.[0] ?? ".ts";
    // `export {}` makes every output a module: their top-level names cannot collide.
    files.set(`/virtual/output-${index}${extension}`, { name: output.name, code: `${output.code}\nexport {};\n` });
  });
  files.set("/virtual/ambient.d.ts", { name: "declarations", code: `${ACC_JS_SDK_DECLARATIONS}\n${options.declarations ?? ""}` });

  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const file = files.get(fileName);
    if (file !== undefined) return ts.createSourceFile(fileName, file.code, languageVersion, true);
    return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (fileName) => files.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => files.get(fileName)?.code ?? readFile.call(host, fileName);

  const program = ts.createProgram([...files.keys()], COMPILER_OPTIONS, host);
  for (const diagnostic of [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getGlobalDiagnostics()]) {
    const name = diagnostic.file === undefined ? "program" : (files.get(diagnostic.file.fileName)?.name ?? diagnostic.file.fileName);
    problems.push(format(name, diagnostic));
  }
  return problems;
}
