/**
 * @typescript-eslint/parser, loaded on the first file it parses. Importing it loads TypeScript
 * (~0.25 s), which a scan of a repository without a single TS/JS file with a keyword never needs.
 * `meta` is the real parser's, so ESLint caches and serializes configs the same way.
 */
import type { Linter } from "eslint";
import { createRequire } from "node:module";
import { maxParseWeight, parseWeight, tooDeepAsyncNesting } from "./languages/async-function-nesting.js";

type TsParser = typeof import("@typescript-eslint/parser");

const require = createRequire(import.meta.url);
let parser: TsParser | undefined;
const load = (): TsParser => (parser ??= require("@typescript-eslint/parser") as TsParser);

// The package.json read is cheap and keeps `meta.version` exact without loading TypeScript.
const { version } = require("@typescript-eslint/parser/package.json") as { version: string };

export const lazyTsParser = {
  meta: { name: "typescript-eslint/parser", version },
  parseForESLint: (code: string, options?: Parameters<TsParser["parseForESLint"]>[1]) => {
    // TypeScript's parser is exponential in the nesting of `async function` expressions: refuse
    // what would take minutes, with a parse error that says why.
    const limit = maxParseWeight(code.length);
    if (parseWeight(code, limit) > limit) throw tooDeepAsyncNesting();
    return load().parseForESLint(code, options);
  },
} as unknown as Linter.Parser;
