/** `--fix-suggestions` may only name rules the plugin has. */
import type { ScannablePlugin } from "../lint-config.js";
import { ScanConfigError } from "../types.js";
import type { FixSettings } from "./fix-settings.js";

export function checkSuggestionRules(fix: FixSettings, plugin: ScannablePlugin): void {
  const namespace = plugin.meta?.namespace ?? "campaign-ims";
  for (const ruleId of fix.suggestionRules) {
    const name = ruleId.startsWith(`${namespace}/`) ? ruleId.slice(namespace.length + 1) : ruleId;
    if (plugin.rules?.[name] === undefined) {
      const known = Object.keys(plugin.rules ?? {}).sort().join(", ");
      throw new ScanConfigError(`--fix-suggestions: unknown rule "${name}"; the rules are: ${known}`);
    }
  }
}
