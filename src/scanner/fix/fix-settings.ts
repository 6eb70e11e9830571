/** What `--fix`, `--fix-dry-run` and `--fix-suggestions` ask for (plain data: it travels to worker threads). */

import type { FixMode } from "../types.js";

export type { FixMode };

export interface FixSettings {
  mode: FixMode;
  /** Full rule ids (`campaign-ims/<rule>`) whose first suggestion is applied when a finding has no fix. */
  suggestionRules: string[];
}

/** ESLint's own bound on fix passes (`MAX_AUTOFIX_PASSES` in its Linter). */
export const MAX_FIX_PASSES = 10;
