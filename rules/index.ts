/** The rule table: every rule of the plugin, by name. */
import type { CampaignRule } from "../src/create-rule.js";

export const rules: Record<string, CampaignRule<string, any>> = {};
