/** Run an in-process scan (one thread) of a fixture directory with the stable test plugin. */
import { fileURLToPath } from "node:url";
import { resolveScanSettings, type ScanRequest } from "../../../src/scanner/scan-settings.js";
import { scan } from "../../../src/scanner/scan.js";
import type { ScanResult } from "../../../src/scanner/types.js";
import { TEST_PLUGIN_MODULE } from "./test-plugin.js";

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
export const REAL_PLUGIN_MODULE = new URL("../../../src/index.ts", import.meta.url).href;

export async function scanDirectory(directory: string, request: Partial<ScanRequest> = {}): Promise<ScanResult> {
  const { scan: settings } = resolveScanSettings({
    cwd: directory,
    paths: [],
    concurrency: "1",
    pluginModule: TEST_PLUGIN_MODULE,
    ...request,
  });
  return scan(settings);
}

/** A finding without what tests check separately (fingerprint, code frame). */
export const essentials = ({ fingerprint: _fingerprint, frame: _frame, ...rest }: ScanResult["findings"][number]) => rest;
