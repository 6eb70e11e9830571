/**
 * Where a fix writes code into a TS/JS file: whether `await` is valid at a node, how to pass
 * an expression as one call argument, and whether the file runs in a browser (which decides where
 * the IMS token of an ofImsBearerToken suggestion may come from), and the placeholder tokens a
 * suggestion writes when none is configured. Shared by the rules whose fixes and suggestions insert
 * a token expression (no-password-logon, no-session-token, prefer-ims-bearer-token).
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { OAUTH_TOKEN_ENDPOINT } from "./jwt.js";

/** The placeholder token in an async context: a call a person implements (e.g. with OAuth Server-to-Server). */
export const ASYNC_TOKEN_PLACEHOLDER = "await getImsAccessToken()";
/** The placeholder token where `await` cannot appear: a value a person provides. */
export const SYNC_TOKEN_PLACEHOLDER = "imsAccessToken";

/** What `inAsyncContext` needs of a rule context. */
export interface SourceTypeContext {
  readonly languageOptions: { readonly sourceType?: string };
}

/** Whether `await` is valid at `node`: in an async function, or at the top level of a module. */
export function inAsyncContext(context: SourceTypeContext, node: TSESTree.Node): boolean {
  // `Program.parent` is `null` in ESTree, so compare loosely.
  for (let current: TSESTree.Node | null | undefined = node.parent; current != null; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return current.async;
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
      case AST_NODE_TYPES.StaticBlock:
        return false;
      default:
        break;
    }
  }
  return context.languageOptions.sourceType === "module";
}

/** An expression usable as one call argument: a comma outside brackets and strings needs brackets. */
export function asArgument(expression: string): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i] as string;
    if (quote !== undefined) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === "`") quote = char;
    else if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    else if (char === "," && depth === 0) return `(${expression})`;
  }
  return expression;
}

// ----------------------------------------------------------------------------------------------
// Where an IMS access token comes from, as every ofImsBearerToken suggestion says it.

/** A server's token source: OAuth Server-to-Server, by hand or through Adobe's library. */
export const SERVER_TOKEN_SOURCE = `get it from IMS with OAuth Server-to-Server (grant_type=client_credentials at ${OAUTH_TOKEN_ENDPOINT}) or @adobe/aio-lib-ims`;
/** In a browser the client secret must not be there: the token comes from the application's server. */
export const BROWSER_TOKEN_SOURCE =
  "this code runs in a browser: have your server get the token (OAuth Server-to-Server) and hand it to the page; never request a technical-account token in the browser";

// Components and pages: the file's extension, a UI framework import, the DOM.
const BROWSER_FILE = /\.(?:jsx|tsx|vue|svelte|html?)$/i;
const BROWSER_IMPORT =
  /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)["'](?:react|react-dom(?:\/[\w-]+)?|preact|vue|svelte|solid-js|@angular\/core|next\/(?:router|navigation|link))["']/;
const BROWSER_USE =
  /(?:^|[^\w$.])(?:window|localStorage|sessionStorage|navigator)\s*\.|(?:^|[^\w$.])document\s*\.\s*(?:getElementById|getElementsBy\w+|querySelector(?:All)?|createElement|addEventListener|cookie|forms|body|location|accSDK)\b|^\s*["']use client["']/m;

const browserFiles = new WeakMap<object, boolean>();

/**
 * Whether a file's code runs in a browser: a component or page (`.jsx`, `.tsx`, `.vue`, `.svelte`,
 * `.html`), an import of a UI framework (React, Vue, Svelte, Angular…), `"use client"`, or DOM use
 * (`window.`, `localStorage.`, `document.getElementById`, `document.accSDK`…). Campaign's JSSP
 * pages have a server-side `document` too, so a bare `document.controller` does not count.
 */
export function isBrowserCode(context: { readonly sourceCode: { readonly text: string }; readonly physicalFilename?: string; readonly filename?: string }): boolean {
  let browser = browserFiles.get(context.sourceCode);
  if (browser === undefined) {
    const filename = context.filename ?? context.physicalFilename ?? "";
    const text = context.sourceCode.text;
    browser = BROWSER_FILE.test(filename) || BROWSER_IMPORT.test(text) || BROWSER_USE.test(text);
    browserFiles.set(context.sourceCode, browser);
  }
  return browser;
}
