/**
 * `campaign-ims.config.json`: read, parsed and validated against the schema the package ships
 * (`schema/campaign-ims.config.schema.json`). The scanner never loads JavaScript configuration
 * from the scanned repository: this JSON file is its only configuration.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { findRepositoryRoot } from "./ignore-files.js";
import { parseJsonInput } from "./json-input.js";
import { MAX_CONTROL_FILE_BYTES, readInputFile } from "./read-file.js";
import { ScanConfigError, type Profile } from "./types.js";

export const CONFIG_FILE_NAME = "campaign-ims.config.json";

export type RuleLevel = "off" | "warn" | "error" | 0 | 1 | 2;
export type RuleSetting = RuleLevel | [RuleLevel, ...unknown[]];

/** The configuration file's content, as the schema allows it. */
export interface ConfigFile {
  profile?: Profile;
  include?: string[];
  exclude?: string[];
  rules?: Record<string, RuleSetting>;
  allowlist?: { paths?: string[]; operators?: string[]; values?: string[] };
  maxFileSize?: number | string;
  failOn?: "error" | "warn" | "info" | "none";
  maxWarnings?: number;
  markdown?: boolean;
  /** Path of a baseline file (relative to this file): its findings are not reported. */
  baseline?: string;
}

const packageRoot = dirname(createRequire(import.meta.url).resolve("eslint-plugin-campaign-ims/package.json"));

/** Absolute path of the shipped schema. */
export const CONFIG_SCHEMA_PATH = join(packageRoot, "schema", "campaign-ims.config.schema.json");

let validator: ReturnType<Ajv["compile"]> | undefined;

function validate(config: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, "utf8")) as object,
  );
  return validator(config) ? [] : (validator.errors ?? []);
}

/** One line per schema error, naming the property and what is allowed there. */
function describeError(error: ErrorObject): string | undefined {
  const where = error.instancePath === "" ? "the top level" : `"${error.instancePath.slice(1).replaceAll("/", ".")}"`;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown property "${(error.params as { additionalProperty: string }).additionalProperty}" at ${where}`;
    case "enum":
      return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(", ")}`;
    case "propertyNames":
      return undefined; // reported again, more precisely, as the "pattern" error of the name
    case "pattern": {
      // Errors about a property's name (inside propertyNames) carry the name.
      const name = (error as { propertyName?: string }).propertyName;
      return name !== undefined
        ? `a rule name must look like "no-password-logon" or "campaign-ims/no-password-logon" (got ${JSON.stringify(name)})`
        : `${where} has an invalid format`;
    }
    case "oneOf":
    case "if":
      return undefined; // the branch errors say more
    default:
      return `${where} ${error.message ?? "is invalid"}`;
  }
}

/** Parse and validate a configuration file's text; throws `ScanConfigError` naming `file`. */
export function parseConfigFile(text: string, file: string): ConfigFile {
  const config = parseJsonInput(text, file);
  const errors = validate(config);
  if (errors.length > 0) {
    const lines = [...new Set(errors.map(describeError).filter((line) => line !== undefined))];
    if (lines.length === 0) lines.push("does not match the schema");
    throw new ScanConfigError(
      `${file} is not a valid campaign-ims configuration:\n${lines.map((line) => `  - ${line}`).join("\n")}\n` +
        `  (schema: ${CONFIG_SCHEMA_PATH})`,
    );
  }
  return config as ConfigFile;
}

/**
 * `campaign-ims.config.json` in the scan root or the nearest directory above it, up to the root of
 * the repository it is in (the directory holding `.git`, a directory or a worktree's file); a
 * root outside any repository is the only directory looked in. Undefined when there is none.
 */
export function findConfigFile(root: string): string | undefined {
  const top = findRepositoryRoot(root) ?? root;
  for (let directory = root; ; directory = dirname(directory)) {
    const file = join(directory, CONFIG_FILE_NAME);
    if (existsSync(file)) return file;
    if (directory === top || dirname(directory) === directory) return undefined;
  }
}

/**
 * The configuration to use: `explicitPath` when given (it must exist), else the nearest
 * `campaign-ims.config.json` (findConfigFile), else none.
 */
export function loadConfigFile(root: string, explicitPath?: string): { path?: string; config: ConfigFile } {
  const path = explicitPath ?? findConfigFile(root);
  if (path === undefined) return { config: {} };
  let text: string;
  try {
    text = readInputFile(path, MAX_CONTROL_FILE_BYTES);
  } catch (error) {
    throw new ScanConfigError(`cannot read configuration ${path}: ${(error as Error).message}`);
  }
  return { path, config: parseConfigFile(text, path) };
}
