/**
 * What the end-to-end tests share: one packed tarball of the plugin per run and one temporary npm
 * project per ESLint line, installed from it with plain `npm install` (no `--legacy-peer-deps`:
 * an ERESOLVE fails the run). Made once by the global setup (setup.ts), handed to the test files
 * with vitest's `provide`/`inject`.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import buildIfStale from "../../support/built-package.js";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

/** The ESLint lines the plugin supports (package.json peer range), as the projects install them. */
export const ESLINT_LINES = {
  /** The lowest 9.x: the peer range's floor (the README says why). */
  "9.6": { eslint: "9.6.0", js: "9.6.0" },
  /** The newest 9.x. */
  "9": { eslint: "^9.6.0", js: "^9.6.0" },
  /** The newest 10.x. */
  "10": { eslint: "^10.0.0", js: "^10.0.0" },
} as const;
export type EslintLine = keyof typeof ESLINT_LINES;

/** The other configs of the compatibility matrix, at the versions a new project gets today. */
const NEIGHBOURS = ["typescript-eslint@^8", "typescript@^5", "@eslint/markdown@^8", "@eslint/json@^2"];

export interface E2eContext {
  tarball: string;
  /** A project per line: the plugin, ESLint and, but on the floor, the matrix's other packages. */
  projects: Record<EslintLine, string>;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

const npm = (args: string[], cwd: string): Promise<void> =>
  // Asynchronous, so the projects install side by side (npm's cache is shared and warm).
  new Promise((resolve, reject) => {
    execFile("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${stderr}`)) : resolve(),
    );
  });

/**
 * Packs dist/ (the `files` of package.json) into `directory`. dist/ is built only when it is older
 * than its sources, and `npm pack` runs no `prepare`: other test files run the built package at the
 * same time, and a rebuild under them rewrites the files they load (a CLI run then fails at random).
 */
export function packPlugin(directory: string): string {
  buildIfStale();
  const output = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", directory], { cwd: ROOT, encoding: "utf8" });
  const [packed] = JSON.parse(output) as Array<{ filename: string }>;
  return path.join(directory, packed!.filename);
}

/** An npm project in `directory` with the tarball, ESLint of `line` and `extra` packages. */
export async function installProject(directory: string, tarball: string, line: EslintLine): Promise<string> {
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, "package.json"), `${JSON.stringify({ name: `e2e-eslint-${line}`, private: true, type: "module" }, null, 2)}\n`);
  const { eslint, js } = ESLINT_LINES[line];
  const neighbours = line === "9.6" ? [] : [`@eslint/js@${js}`, ...NEIGHBOURS];
  await npm(["install", "--save-dev", tarball, `eslint@${eslint}`, ...neighbours], directory);
  return directory;
}

export interface EslintRun {
  status: number | null;
  stderr: string;
  results: Array<{ filePath: string; messages: Array<{ ruleId: string | null; messageId?: string; message: string; line: number; column: number; endLine?: number; endColumn?: number; fatal?: boolean; fix?: unknown; suggestions?: unknown[] }> }>;
}

/** The project's own `eslint` binary, JSON output. */
export function runProjectEslint(project: string, args: string[]): EslintRun {
  const result = spawnSync(process.execPath, [path.join(project, "node_modules/eslint/bin/eslint.js"), "--format", "json", ...args], {
    cwd: project,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  let results: EslintRun["results"] = [];
  try {
    results = JSON.parse(result.stdout || "[]") as EslintRun["results"];
  } catch {
    results = [];
  }
  return { status: result.status, stderr: result.stderr, results };
}
