import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_PLUGIN_MODULE, resolveScanSettings, type ScanRequest } from "../../src/scanner/scan-settings.js";

let root: string;
beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-settings-")));
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src", "a.ts"), "");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const resolveIn = (request: Partial<ScanRequest>) => resolveScanSettings({ cwd: root, paths: [], ...request });
const errorOf = (request: Partial<ScanRequest>): string => {
  try {
    resolveIn(request);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
};

describe("resolveScanSettings", () => {
  it("has defaults for everything", () => {
    expect(resolveIn({})).toEqual({
      scan: {
        root,
        paths: [root],
        profile: "recommended",
        rules: [],
        include: [],
        exclude: [],
        maxFileSize: DEFAULT_MAX_FILE_SIZE,
        markdown: true,
        allowlist: { paths: [], operators: [], values: [] },
        concurrency: "auto",
        pluginModule: DEFAULT_PLUGIN_MODULE,
        configuration: { source: "defaults", strict: false, campaignIgnoreFiles: true },
      },
      gate: { failOn: "error", strict: false },
      notices: [],
    });
  });

  it("caps --concurrency at the number of available cores, and says so once", () => {
    const cores = availableParallelism();
    expect(resolveIn({ concurrency: String(cores) })).toMatchObject({ scan: { concurrency: cores }, notices: [] });
    expect(resolveIn({ concurrency: String(cores + 1) })).toMatchObject({
      scan: { concurrency: cores },
      notices: [`--concurrency ${cores + 1} lowered to ${cores}, the number of available cores`],
    });
    expect(resolveIn({ concurrency: "512" }).notices).toEqual([`--concurrency 512 lowered to ${cores}, the number of available cores`]);
  });

  it("takes the configuration file, then lets flags override it (exclude patterns add up)", () => {
    const config = join(root, "custom.json");
    writeFileSync(
      config,
      JSON.stringify({
        profile: "strict",
        include: ["src/"],
        exclude: ["vendor/"],
        rules: { "no-password-logon": "warn" },
        maxFileSize: "1MB",
        failOn: "warn",
        maxWarnings: 3,
        markdown: false,
      }),
    );
    const { scan, gate, configPath } = resolveIn({
      config: "custom.json",
      paths: ["src"],
      profile: "v8",
      rules: ["no-session-token=off", "campaign-ims/no-password-logon=2"],
      exclude: ["*.min.js"],
      maxFileSize: "64KB",
      failOn: "none",
      maxWarnings: "0",
      strict: true,
      concurrency: "1",
    });
    expect(configPath).toBe(config);
    expect(scan).toMatchObject({
      paths: [join(root, "src")],
      profile: "v8",
      rules: [
        ["no-password-logon", "warn"],
        ["no-session-token", "off"],
        ["campaign-ims/no-password-logon", 2],
      ],
      include: ["src/"],
      exclude: ["vendor/", "*.min.js"],
      maxFileSize: 65536,
      markdown: false,
      concurrency: 1,
    });
    expect(gate).toEqual({ failOn: "none", maxWarnings: 0, strict: true });
  });

  it("reads campaign-ims.config.json from the scan root when present", () => {
    writeFileSync(join(root, "campaign-ims.config.json"), JSON.stringify({ failOn: "info" }));
    try {
      expect(resolveIn({}).gate.failOn).toBe("info");
      expect(resolveIn({}).configPath).toBe(join(root, "campaign-ims.config.json"));
    } finally {
      rmSync(join(root, "campaign-ims.config.json"));
    }
  });

  it("rejects bad flags and paths with a message that says what is expected", () => {
    expect(errorOf({ profile: "lenient" })).toBe('--profile must be one of recommended, strict, v8 (got "lenient")');
    expect(errorOf({ rules: ["no-password-logon"] })).toBe('--rule expects id=level with level off, warn or error (got "no-password-logon")');
    expect(errorOf({ rules: ["no-password-logon=fatal"] })).toBe('--rule expects id=level with level off, warn or error (got "no-password-logon=fatal")');
    expect(errorOf({ failOn: "critical" })).toBe('--fail-on must be one of error, warn, info, none (got "critical")');
    expect(errorOf({ maxWarnings: "-1" })).toBe('--max-warnings must be a whole number (got "-1")');
    expect(errorOf({ maxFileSize: "huge" })).toBe('--max-file-size must be a size such as 512KB or 5MB (got "huge")');
    expect(errorOf({ concurrency: "0" })).toBe("--concurrency must be at least 1");
    expect(errorOf({ paths: ["nowhere"] })).toBe("path not found: nowhere");
    expect(errorOf({ paths: [tmpdir()] })).toBe(`path ${tmpdir()} is outside the scan root ${root}: run from a parent directory or pass --root`);
    expect(errorOf({ config: "missing.json" })).toBe(`cannot read configuration ${join(root, "missing.json")}: not found`);
    expect(errorOf({ root: "src/a.ts" })).toBe(`scan root is not a directory: ${join(root, "src/a.ts")}`);
  });
});
