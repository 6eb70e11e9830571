/**
 * One ESLint API run over a corpus, for the plugin's overhead inside ESLint:
 *
 *   node eslint-api-run.js CORPUS with-rules|no-rules
 *
 * prints `{ lintMs, cpuMs, files, messages }` as JSON: the wall and CPU time of `lintFiles` alone
 * (module loading and config set-up excluded, since both modes load the same plugin for its
 * languages). CPU time is what the rules add; on a shared machine wall time mostly measures the
 * neighbours.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import { benchEslintConfig } from "./eslint-config.js";
import { REPOSITORY_ROOT } from "./generate.js";

const [corpus, mode] = process.argv.slice(2);
if (corpus === undefined || (mode !== "with-rules" && mode !== "no-rules")) {
  process.stderr.write("usage: eslint-api-run.js CORPUS with-rules|no-rules\n");
  process.exit(2);
}
const plugin = ((await import(pathToFileURL(join(REPOSITORY_ROOT, "dist/src/index.js")).href)) as { default: ESLint.Plugin }).default;
const eslint = new ESLint({ cwd: corpus, overrideConfigFile: true, overrideConfig: benchEslintConfig(plugin, mode === "with-rules") });
const started = performance.now();
const cpuBefore = process.cpuUsage();
const results = await eslint.lintFiles(["."]);
const cpu = process.cpuUsage(cpuBefore);
const lintMs = performance.now() - started;
const cpuMs = (cpu.user + cpu.system) / 1000;
const messages = results.reduce((sum, result) => sum + result.messages.length, 0);
process.stdout.write(`${JSON.stringify({ lintMs, cpuMs, files: results.length, messages })}\n`);
