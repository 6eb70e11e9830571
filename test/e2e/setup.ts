/**
 * Global setup of the end-to-end project (vitest.config.ts): packs the plugin once and installs
 * the temporary projects of every ESLint line side by side; removes them afterwards
 * (CAMPAIGN_IMS_E2E_KEEP=1 keeps them, for debugging).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ESLINT_LINES, installProject, packPlugin, type EslintLine } from "./support/projects.js";

export default async function setup(project: TestProject): Promise<() => void> {
  const directory = mkdtempSync(path.join(tmpdir(), "campaign-ims-e2e-"));
  const tarball = packPlugin(directory);
  const lines = Object.keys(ESLINT_LINES) as EslintLine[];
  const installed = await Promise.all(lines.map((line) => installProject(path.join(directory, `eslint-${line}`), tarball, line)));
  project.provide("e2e", { tarball, projects: Object.fromEntries(lines.map((line, index) => [line, installed[index]!])) as Record<EslintLine, string> });
  return () => {
    if (process.env.CAMPAIGN_IMS_E2E_KEEP !== "1") rmSync(directory, { recursive: true, force: true });
  };
}
