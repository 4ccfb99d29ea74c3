import type { ModelArtsServices } from '../../services';
import { ModelArtsTool } from '../modelArtsTool';
import { describeScope, type ScopeInput, type ToolScope } from '../toolScope';
import { listResult } from '../toolResult';

export class GetWorkspaceQuotasTool extends ModelArtsTool<ScopeInput> {
  readonly name = 'modelarts_get_workspace_quotas';

  protected async run(_input: ScopeInput, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const quotas = await services.workspaces.quotas(scope.region, scope.workspaceId, signal);
    const rows = quotas.map((quota) => [
      quota.resource,
      quota.name_en,
      quota.used_quota ?? undefined,
      quota.quota === -1 ? 'unlimited' : quota.quota,
      quota.min_quota !== undefined && quota.max_quota !== undefined ? `${quota.min_quota}..${quota.max_quota}` : undefined,
      quota.unit_en,
    ]);
    return listResult(`Quotas of ${describeScope(scope, false)}:`, ['resource', 'name', 'used', 'quota', 'allowed', 'unit'], rows);
  }
}
