/**
 * Running action.yml's steps locally, as the GitHub runner would for a composite action: each
 * `run:` step with `bash --noprofile --norc -eo pipefail`, its `env:` evaluated, a fresh
 * GITHUB_OUTPUT file per step read back into `steps.<id>.outputs`, GITHUB_STEP_SUMMARY shared.
 * `uses:` steps are not run: their evaluated `with:` inputs are returned for the test to check.
 * Expressions: only `${{ inputs.X }}`, `${{ github.action_path }}`, `${{ steps.ID.outputs.X }}`,
 * and `if:` conditions `inputs.X == 'value'`; anything else throws, so the action cannot use an
 * expression this runner would get wrong.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const ACTION_ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

export const loadAction = (): Action => parse(readFileSync(join(ACTION_ROOT, "action.yml"), "utf8")) as Action;

export interface StepRun {
  name: string;
  /** "skipped" when an earlier step failed or its `if:` was false. */
  outcome: "success" | "failure" | "skipped";
  exitCode?: number | null;
  stdout?: string;
  stderr?: string;
  /** `uses:` steps: the action and its evaluated inputs. */
  uses?: string;
  with?: Record<string, string>;
}

export interface ActionRun {
  steps: StepRun[];
  outputs: Record<string, string>;
  summary: string;
}

export function runAction(options: { workspace: string; inputs?: Record<string, string>; env?: NodeJS.ProcessEnv }): ActionRun {
  const action = loadAction();
  const scratch = mkdtempSync(join(tmpdir(), "campaign-ims-action-"));
  const summaryFile = join(scratch, "step-summary.md");
  writeFileSync(summaryFile, "");
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) inputs[name] = options.inputs?.[name] ?? input.default ?? "";
  for (const name of Object.keys(options.inputs ?? {})) if (!(name in action.inputs)) throw new Error(`action.yml has no input "${name}"`);
  const stepOutputs: Record<string, Record<string, string>> = {};

  const evaluate = (text: string): string =>
    text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
      let match: RegExpExecArray | null;
      if ((match = /^inputs\.([\w-]+)$/.exec(expression))) {
        if (!(match[1]! in inputs)) throw new Error(`unknown input in ${expression}`);
        return inputs[match[1]!]!;
      }
      if (expression === "github.action_path") return ACTION_ROOT.replace(/\/$/, "");
      if ((match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression))) return stepOutputs[match[1]!]?.[match[2]!] ?? "";
      throw new Error(`expression not supported by the local runner: ${expression}`);
    });
  const condition = (text: string): boolean => {
    const match = /^inputs\.([\w-]+) == '([^']*)'$/.exec(text.trim());
    if (match === null) throw new Error(`condition not supported by the local runner: ${text}`);
    return inputs[match[1]!] === match[2];
  };

  const { CI: _ci, GITHUB_ACTIONS: _actions, ...base } = process.env;
  const steps: StepRun[] = [];
  let failed = false;
  for (const [index, step] of action.runs.steps.entries()) {
    if (failed || (step.if !== undefined && !condition(step.if))) {
      steps.push({ name: step.name, outcome: "skipped" });
      continue;
    }
    if (step.uses !== undefined) {
      const withInputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, evaluate(String(value))]));
      steps.push({ name: step.name, outcome: "success", uses: step.uses, with: withInputs });
      continue;
    }
    if (step.shell !== "bash") throw new Error(`step "${step.name}": composite run steps need shell: bash`);
    const script = join(scratch, `step-${index}.sh`);
    const outputFile = join(scratch, `output-${index}`);
    writeFileSync(script, step.run!);
    writeFileSync(outputFile, "");
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(String(value))]));
    const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: options.workspace,
      env: {
        ...base,
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_ACTION_PATH: ACTION_ROOT,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: scratch,
        ...options.env,
        ...env,
      },
      encoding: "utf8",
      timeout: 300_000,
    });
    if (run.error !== undefined) throw run.error;
    if (step.id !== undefined) {
      stepOutputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, "utf8")
          .split("\n")
          .filter((line) => line.includes("="))
          .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
      );
    }
    const outcome = run.status === 0 ? "success" : "failure";
    if (outcome === "failure") failed = true;
    steps.push({ name: step.name, outcome, exitCode: run.status, stdout: run.stdout, stderr: run.stderr });
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, evaluate(output.value)]));
  const summary = readFileSync(summaryFile, "utf8");
  rmSync(scratch, { recursive: true, force: true });
  return { steps, outputs, summary };
}
