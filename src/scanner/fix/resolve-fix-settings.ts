/** `--fix`, `--fix-dry-run` and `--fix-suggestions RULE…` as scan settings, checked. */
import { ScanConfigError } from "../types.js";
import type { FixSettings } from "./fix-settings.js";
import { fullRuleId } from "../../rule-id.js";


export interface FixRequest {
  fix?: boolean;
  fixDryRun?: boolean;
  /** Rule names, with or without the `campaign-ims/` prefix; each entry may list several, comma-separated. */
  fixSuggestions?: string[];
}

export function resolveFixSettings(request: FixRequest): FixSettings | undefined {
  const suggestionRules = (request.fixSuggestions ?? [])
    .flatMap((entry) => entry.split(","))
    .map((name) => name.trim())
    .filter((name) => name !== "")
    .map((name) => fullRuleId(name));
  if (request.fix && request.fixDryRun) throw new ScanConfigError("--fix and --fix-dry-run exclude each other: choose one");
  if (!request.fix && !request.fixDryRun) {
    if (request.fixSuggestions !== undefined) throw new ScanConfigError("--fix-suggestions needs --fix or --fix-dry-run");
    return undefined;
  }
  if (request.fixSuggestions !== undefined && suggestionRules.length === 0) throw new ScanConfigError("--fix-suggestions needs rule names");
  return { mode: request.fix ? "write" : "dry-run", suggestionRules: [...new Set(suggestionRules)].sort() };
}
