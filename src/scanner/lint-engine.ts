/**
 * Linting one file in-process with ESLint's `Linter` and the config derived from the plugin
 * (lint-config.ts). One engine per thread: the walking thread when the scan runs in-process,
 * each worker thread otherwise. The scanned repository's own ESLint configuration is never read.
 */
import type { CredentialRecord } from "../campaign/credential-ranges.js";
import { join } from "node:path";
import { ConfigArray } from "@eslint/config-array";
import type { Linter } from "eslint";
import { Allowlist, fileFindings, type FileResult } from "./file-findings.js";
import { normalizedConfigs } from "./flat-config-array.js";
import { fixChooser } from "./fix/fix-choice.js";
import { fixPasses, type FileFix } from "./fix/fix-passes.js";
import { buildLintConfig, type LintConfig, type ScannablePlugin } from "./lint-config.js";
import { loadLinter } from "./load-eslint.js";
import { scrubText } from "./redact.js";
import type { LintSettings } from "./scan-settings.js";
import type { PhaseClock } from "./timing.js";
import { ScanConfigError } from "./types.js";

/** A processor that yields no code block: lets ESLint validate a config without parsing anything. */
const NO_CODE_BLOCKS: Linter.Processor = { preprocess: () => [], postprocess: () => [] };

const CONFIG_CHECK_FILE = "__campaign-ims-config-check__";

export async function loadPlugin(pluginModule: string): Promise<ScannablePlugin> {
  // First ESLint: the plugin's rules load @typescript-eslint/utils, which requires it.
  loadLinter();
  const loaded = (await import(pluginModule)) as { default?: ScannablePlugin };
  if (loaded.default === undefined || typeof loaded.default !== "object") {
    throw new ScanConfigError(`${pluginModule} has no default export to use as the plugin`);
  }
  return loaded.default;
}

export class LintEngine {
  readonly config: LintConfig;
  private readonly linter: Linter;
  /** `config.configs` normalized once for `verify` (flat-config-array.ts), after `validate()` had its say. */
  private verifyConfigs: Linter.Config[] | undefined;
  private readonly scope: ConfigArray;
  private readonly allowlist: Allowlist;
  /** With `--timing`: the thread's clock, which each lint reports its parse, rules and findings time to. */
  clock: PhaseClock | undefined;

  constructor(
    private readonly plugin: ScannablePlugin,
    private readonly settings: LintSettings,
  ) {
    this.config = buildLintConfig(plugin, settings);
    // ESLint is a peer dependency, loaded here (load-eslint.ts): missing, it is a configuration error.
    const Linter = loadLinter();
    this.linter = new Linter({ cwd: settings.root, configType: "flat" });
    // Which paths some block lints, with ESLint's own matching of `files` patterns.
    this.scope = new ConfigArray(
      this.config.configs.filter((block) => block.files !== undefined).map((block) => ({ files: block.files as string[] })),
      { basePath: settings.root },
    );
    this.scope.normalizeSync();
    this.allowlist = new Allowlist(settings.allowlist);
  }

  static async create(settings: LintSettings): Promise<LintEngine> {
    return new LintEngine(await loadPlugin(settings.pluginModule), settings);
  }

  /** Whether some enabled block lints this path (absolute, or virtual like `a.md/0.sh`). */
  isLinted(absolutePath: string): boolean {
    return this.scope.getConfigStatus(absolutePath) === "matched";
  }

  /**
   * Let ESLint validate every block (languages, rule options) before the walk starts, so a bad
   * `--rule` or option is a configuration error (exit code 2), not a crash on some file later.
   */
  validate(): void {
    for (const block of this.config.configs) {
      if (block.files === undefined || block.rules === undefined) continue;
      const { ignores: _ignores, ...rest } = block;
      try {
        this.linter.verify("", [{ ...rest, files: [CONFIG_CHECK_FILE], processor: NO_CODE_BLOCKS }], {
          filename: join(this.settings.root, CONFIG_CHECK_FILE),
        });
      } catch (error) {
        throw new ScanConfigError(`invalid rule configuration (${block.name ?? "plugin config block"}): ${(error as Error).message}`);
      }
    }
  }

  /** Lint one file; with --fix (unless `options.fix` is false), its fixed text. */
  lintFile(path: string, text: string, options: { fix?: boolean } = {}): FileResult {
    const fix = options.fix === false ? undefined : this.settings.fix;
    const filename = join(this.settings.root, path);
    const verifyOptions = { filename, filterCodeBlock: (blockFilename: string) => this.isLinted(blockFilename) };
    const clock = this.clock;
    const lint = (source: string): Linter.LintMessage[] => {
      const configs = (this.verifyConfigs ??= normalizedConfigs(this.config.configs, this.settings.root));
      if (clock === undefined) return this.linter.verify(source, configs, verifyOptions);
      // ESLint's `stats` (parse and rule times) are kept by verifyAndFix only; without fixing it is one verify.
      const start = performance.now();
      const { messages } = this.linter.verifyAndFix(source, configs, { ...verifyOptions, fix: false, stats: true } as Linter.FixOptions);
      const end = performance.now();
      clock.lintSpan(start, end, this.linter.getTimes().passes.reduce((sum, pass) => sum + (pass.parse?.total ?? 0), 0));
      return messages;
    };
    // The credential ranges the rules reported on the last verify (the text the findings are about).
    let credentials: CredentialRecord[] = [];
    const collect = this.plugin.credentialRanges?.collect;
    const verify =
      collect === undefined
        ? lint
        : (source: string): Linter.LintMessage[] => {
            const { result, records } = collect(() => lint(source));
            credentials = records.filter((record) => record.filename === filename);
            return result;
          };
    let messages: Linter.LintMessage[];
    let fixed: FileFix | undefined;
    try {
      if (fix === undefined) {
        messages = verify(text);
      } else {
        const chooser = fixChooser({ path, namespace: this.config.namespace, suggestionRules: fix.suggestionRules, allowlist: this.allowlist });
        ({ text, messages, fix: fixed } = fixPasses({ text, verify, choose: chooser }));
      }
    } catch (error) {
      // A rule or language crashed on this file: report it and go on with the others.
      const lines = (error as Error).message.split("\n");
      const rule = lines.find((line) => line.startsWith("Rule: "));
      return {
        path,
        findings: [],
        problems: [{ path, line: 0, column: 0, kind: "rule-error", message: scrubText([lines[0], rule].filter(Boolean).join(" ")) }],
        allowlisted: { paths: 0, operators: 0, values: 0 },
      };
    }
    const findingsStart = performance.now();
    let result: FileResult;
    try {
      result = fileFindings({
        path,
        text,
        messages,
        credentials,
        namespace: this.config.namespace,
        rules: this.plugin.rules ?? {},
        allowlist: this.allowlist,
      });
    } catch (error) {
      // Building the findings (evidence, masking) failed on this file: one listed problem, never a
      // lost report. The error's message is not shown: it may quote the file's text.
      return {
        path,
        findings: [],
        problems: [{ path, line: 0, column: 0, kind: "other", message: `internal error while reporting this file's ${messages.length} finding(s) (${(error as Error).name ?? "Error"}): not reported` }],
        allowlisted: { paths: 0, operators: 0, values: 0 },
      };
    }
    clock?.span("findings", findingsStart, performance.now());
    if (fixed !== undefined && (fixed.output !== undefined || fixed.refused !== undefined)) result.fix = fixed;
    return result;
  }
}
