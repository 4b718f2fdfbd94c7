import { commandFor } from '../ui/runCommand';
import { adviseOnError } from '../presentation/errorAdvice';
import { OrgRegistryError } from '../orgs/errors';
import { MessageNode } from './messageNode';
import type { TreeNode } from './treeNode';

/**
 * The node shown instead of children that failed to load: "Token rejected - update token" when the
 * org refused the token (or none is stored), otherwise the reason with a click to retry (okta.refreshNode).
 */
export function loadErrorNode(parent: TreeNode & { orgId: string }, action: string, err: unknown): MessageNode {
  const advice = adviseOnError(action, err);
  const noToken = err instanceof OrgRegistryError && err.reason === 'no-token';
  if (advice.offerUpdateToken || noToken) {
    return new MessageNode(parent, noToken ? 'No token stored - update token' : 'Token rejected - update token', {
      icon: 'key',
      color: 'errorForeground',
      tooltip: advice.message,
      command: commandFor('okta.updateToken', 'Update Token', { kind: 'org', orgId: parent.orgId }),
    });
  }
  return new MessageNode(parent, `${advice.message} - click to retry`, {
    icon: 'warning',
    color: 'errorForeground',
    tooltip: advice.message,
    command: commandFor('okta.refreshNode', 'Retry', parent.target),
  });
}
