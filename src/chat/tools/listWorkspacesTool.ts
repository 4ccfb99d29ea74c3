import type { ModelArtsServices } from '../../services';
import { readableStatus } from '../../views/format';
import { ModelArtsTool } from '../modelArtsTool';
import { listResult } from '../toolResult';
import type { ScopeInput, ToolScope } from '../toolScope';

export class ListWorkspacesTool extends ModelArtsTool<ScopeInput> {
  readonly name = 'modelarts_list_workspaces';
  protected override readonly perRegion = true;

  protected async run(_input: ScopeInput, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const workspaces = await services.workspaces.list(scope.region, signal);
    const rows = workspaces.map((workspace) => [workspace.name, workspace.id, workspace.status && readableStatus(workspace.status), workspace.auth_type, workspace.owner, workspace.description]);
    return listResult(`Workspaces in ${scope.region}: ${workspaces.length}.`, ['name', 'id', 'status', 'access', 'owner', 'description'], rows);
  }
}
