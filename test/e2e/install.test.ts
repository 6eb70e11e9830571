/**
 * Installing the packed tarball as a user would: next to ESLint 9 or 10, typescript-eslint and
 * TypeScript 5 with a plain `npm install` (the global setup fails on ERESOLVE); one TypeScript in
 * a TypeScript 5 project; `require()` from a CommonJS config; publint and arethetypeswrong on the
 * tarball; the lowest supported ESLint (9.6.0, the peer range's floor) gives the same findings and
 * fixes as the development ESLint 10; and without ESLint the CLI says so and exits 2.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ROOT, runProjectEslint, type EslintLine } from "./support/projects.js";
import { writeSample } from "./support/sample.js";

const { tarball, projects } = inject("e2e");

/** Every installed copy of `name` in a project: `path@version`. */
function copiesOf(project: string, name: string): string[] {
  const found: string[] = [];
  const visit = (nodeModules: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(nodeModules);
    } catch {
      return;
    }
    for (const entry of entries) {
      const packages = entry.startsWith("@") ? readdirSync(path.join(nodeModules, entry)).map((inner) => `${entry}/${inner}`) : [entry];
      for (const pkg of packages) {
        const directory = path.join(nodeModules, pkg);
        if (pkg === name) {
          const { version } = JSON.parse(readFileSync(path.join(directory, "package.json"), "utf8")) as { version: string };
          found.push(`${path.relative(project, directory)}@${version}`);
        }
        visit(path.join(directory, "node_modules"));
      }
    }
  };
  visit(path.join(project, "node_modules"));
  return found.sort();
}

const node = (cwd: string, args: string[]) => spawnSync(process.execPath, args, { cwd, encoding: "utf8" });

describe.each(["9", "10"] as EslintLine[])("installed next to ESLint %s, typescript-eslint and TypeScript 5", (line) => {
  const project = projects[line];

  it("installs the ESLint line asked for, without --legacy-peer-deps", () => {
    const { version } = JSON.parse(readFileSync(path.join(project, "node_modules/eslint/package.json"), "utf8")) as { version: string };
    expect(version.split(".")[0]).toBe(line);
    expect(copiesOf(project, "eslint-plugin-campaign-ims")).toEqual(["node_modules/eslint-plugin-campaign-ims@0.1.0"]);
  });

  it("leaves one TypeScript, the project's 5.x (no second tsc)", () => {
    const copies = copiesOf(project, "typescript");
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^node_modules\/typescript@5\./u);
  });

  it("require() from a CommonJS config returns the plugin itself", () => {
    writeSample(path.join(project, "matrix"));
    writeFileSync(
      path.join(project, "eslint.commonjs.config.cjs"),
      'const campaignIms = require("eslint-plugin-campaign-ims");\nmodule.exports = [...campaignIms.configs.recommended];\n',
    );
    const loaded = node(project, ["-e", 'const p = require("eslint-plugin-campaign-ims"); console.log(p.meta.name, Object.keys(p).join(","))']);
    expect(loaded.stderr).toBe("");
    expect(loaded.stdout).toBe("eslint-plugin-campaign-ims meta,rules,languages,configs,credentialRanges\n");
    const run = runProjectEslint(project, ["--config", "eslint.commonjs.config.cjs", "matrix/src/legacy.js"]);
    expect(run.stderr).toBe("");
    expect(run.results.flatMap(({ messages }) => messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`))).toEqual([
      "5:44 campaign-ims/no-password-logon",
    ]);
  });
});

describe("the packed tarball", () => {
  it("passes publint", () => {
    const run = node(ROOT, [path.join(ROOT, "node_modules/publint/src/cli.js"), "--strict", tarball]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("All good!");
  });

  it("passes arethetypeswrong (ESM and CommonJS consumers, every resolution mode)", () => {
    const run = node(ROOT, [path.join(ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js"), "--format", "json", tarball]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
  });
});

describe("on ESLint 9.6.0, the lowest of the peer range", () => {
  const project = projects["9.6"];

  it("reports and fixes the legacy repository exactly as the development ESLint 10 does", () => {
    const copy = path.join(project, "legacy-repo");
    cpSync(path.join(ROOT, "fixtures/legacy-repo"), copy, { recursive: true });
    writeFileSync(
      path.join(project, "eslint.config.js"),
      'import campaignIms from "eslint-plugin-campaign-ims";\nexport default [...campaignIms.configs["recommended-all-languages"], ...campaignIms.configs.markdown];\n',
    );
    // Rule, position, text, fix and first-suggestion of every message, and each file's fixed output.
    const shape = (results: Array<{ filePath: string; messages: Array<Record<string, unknown>>; output?: string }>) =>
      results.map(({ filePath, messages, output }) => ({
        file: path.relative(copy, filePath),
        output,
        messages: messages.map(({ ruleId, severity, message, messageId, line, column, endLine, endColumn, fix, suggestions }) => ({
          ruleId, severity, message, messageId, line, column, endLine, endColumn, fix,
          suggestions: (suggestions as Array<{ desc: string; fix: unknown }> | undefined)?.map(({ desc, fix: change }) => ({ desc, fix: change })),
        })),
      }));
    const floor = runProjectEslint(project, ["--fix-dry-run", "legacy-repo"]);
    expect(floor.stderr).toBe("");
    expect(floor.status).toBe(1);
    const dev = spawnSync(process.execPath, [path.join(ROOT, "node_modules/eslint/bin/eslint.js"), "--format", "json", "--fix-dry-run", "legacy-repo"], {
      cwd: project,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(dev.stderr).toBe("");
    const expected = shape(JSON.parse(dev.stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>>; output?: string }>);
    expect(expected.flatMap(({ messages }) => messages).length).toBeGreaterThan(50);
    expect(shape(floor.results as unknown as Array<{ filePath: string; messages: Array<Record<string, unknown>>; output?: string }>)).toEqual(expected);
  });

  it("the scanner reads TypeScript out of the box (the plugin's own TypeScript, one copy)", () => {
    writeSample(path.join(project, "matrix"));
    const run = node(project, ["node_modules/eslint-plugin-campaign-ims/dist/src/cli.js", "scan", "matrix/src", "-f", "json", "-q"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: Array<{ path: string; line: number; ruleId: string }> };
    expect(findings.map(({ path: file, line, ruleId }) => `${file}:${line} ${ruleId}`)).toEqual([
      "matrix/src/client.ts:5 campaign-ims/no-session-token",
      "matrix/src/legacy.js:5 campaign-ims/no-password-logon",
      "matrix/src/session.cjs:3 campaign-ims/no-session-token",
    ]);
    expect(copiesOf(project, "typescript")).toHaveLength(1);
  });

  it("without ESLint, --version still works and a scan says what to install, with exit code 2", () => {
    const copy = mkdtempSync(path.join(path.dirname(project), "no-eslint-"));
    cpSync(project, copy, { recursive: true, verbatimSymlinks: true });
    rmSync(path.join(copy, "node_modules/eslint"), { recursive: true });
    const cli = "node_modules/eslint-plugin-campaign-ims/dist/src/cli.js";
    const version = node(copy, [cli, "--version"]);
    expect({ status: version.status, stdout: version.stdout, stderr: version.stderr }).toEqual({ status: 0, stdout: "0.1.0\n", stderr: "" });
    const scan = node(copy, [cli, "scan", "matrix/src", "-q"]);
    expect(scan.status).toBe(2);
    expect(scan.stdout).toBe("");
    expect(scan.stderr).toBe(
      'campaign-ims: error: ESLint is not installed: campaign-ims lints with the "eslint" package (9.6 or later, or 10), a peer dependency. Install it next to the plugin: npm install --save-dev eslint\n',
    );
  });
});
