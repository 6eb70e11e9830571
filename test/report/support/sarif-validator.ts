/**
 * A validator for the official SARIF 2.1.0 schema (OASIS, draft-04, as published by Microsoft's
 * sarif-js-sdk in @microsoft/jest-sarif).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import * as ajvDraft04 from "ajv-draft-04";
import * as ajvFormats from "ajv-formats";

// Both packages are CommonJS with a `default` export: take it whichever way the loader exposes it.
const interop = <T>(module: unknown): T => ((module as { default?: { default?: T } }).default?.default ?? (module as { default?: T }).default ?? module) as T;
const Ajv = interop<typeof ajvDraft04.default.default>(ajvDraft04);
const addFormats = interop<typeof ajvFormats.default.default>(ajvFormats);

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;

// The schema has a language-tag pattern that is not valid with the `u` flag ajv uses by default.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);

export const validateSarif: ValidateFunction = ajv.compile(schema);
