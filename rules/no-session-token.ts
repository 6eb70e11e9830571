/**
 * no-session-token: OWNER FILLS IN (rule under construction).
 */
import { createRule } from "../src/create-rule.js";

export default createRule({
  name: "no-session-token",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Campaign session and security tokens (SDK session-token credentials, <sessiontoken> values, X-Security-Token / X-Session-Token headers, __sessiontoken cookies)",
      recommended: true,
      kind: "session-token",
    },
    schema: [],
    messages: {},
  },
  defaultOptions: [],
  create: {},
});
