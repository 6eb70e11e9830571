/**
 * The plugin's namespace and the one way to go between a full rule id (`campaign-ims/<rule>`)
 * and a rule's short name. Imports nothing, so the plugin, the scanner and the reports share it.
 */

/** The plugin's namespace: rule ids are `campaign-ims/<rule>`. */
export const PLUGIN_NAMESPACE = "campaign-ims";

/** A rule's short name from its id (`campaign-ims/no-password-logon` → `no-password-logon`); other ids unchanged. */
export function shortRuleName(id: string, namespace = PLUGIN_NAMESPACE): string {
  return id.startsWith(`${namespace}/`) ? id.slice(namespace.length + 1) : id;
}

/** Whether `id` names one of the namespace's rules (`campaign-ims/…`). */
export const isPluginRuleId = (id: string, namespace = PLUGIN_NAMESPACE): boolean => id.startsWith(`${namespace}/`);

/** The full rule id of a short name or an id (`no-session-token` → `campaign-ims/no-session-token`). */
export const fullRuleId = (name: string, namespace = PLUGIN_NAMESPACE): string => (isPluginRuleId(name, namespace) ? name : `${namespace}/${name}`);
