/**
 * vitest globalSetup: one build of dist/ shared by every test that runs the built package (the
 * `campaign-ims` command, the `eslint` binary with the plugin, the robustness worker). `npm test`
 * builds before vitest, so this finds dist/ up to date and does nothing; running vitest alone
 * after editing a source builds once here, before any test file starts, so no test runs stale
 * JavaScript and no test file builds on its own.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The folders tsconfig.build.json compiles, each to dist/<folder>. */
const SOURCE_FOLDERS = ["src", "rules"];

/** Sources whose compiled file in dist/ is missing or older than they are. */
export function staleSources(): string[] {
  const stale: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const entry of readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".d.ts")) continue;
      const source = join(entry.parentPath, entry.name);
      const built = join(ROOT, "dist", relative(ROOT, source)).replace(/\.ts$/u, ".js");
      const builtTime = statSync(built, { throwIfNoEntry: false })?.mtimeMs;
      if (builtTime === undefined || builtTime < statSync(source).mtimeMs) stale.push(relative(ROOT, source));
    }
  }
  return stale;
}

export default function setup(): void {
  const stale = staleSources();
  if (stale.length === 0) return;
  const more = stale.length > 1 ? ` and ${stale.length - 1} more` : "";
  process.stdout.write(`dist/ is older than ${stale[0]}${more}: building it once for the tests that run the built package\n`);
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
}
