import { accountFacts } from '../../commands/accountCommands';
import type { ModelArtsServices } from '../../services';
import { ModelArtsTool } from '../modelArtsTool';
import { explorerScope, type ScopeInput } from '../toolScope';

export class GetAccountStatusTool extends ModelArtsTool<ScopeInput> {
  readonly name = 'modelarts_get_account_status';
  protected override readonly perRegion = true;

  protected async run(_input: ScopeInput, _scope: unknown, _services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const facts = await accountFacts(this.context, signal);
    if (!facts) {
      return 'Not signed in to ModelArts: the user runs "ModelArts: Sign In".';
    }
    const current = explorerScope(this.context);
    return [
      `Signed in to ModelArts with access key ${facts.maskedAccessKey} (masked; ${facts.source}).`,
      `Home region ${facts.homeRegion}, project ${facts.project}; security token: ${facts.securityToken ? 'yes' : 'no'}.`,
      `Regions in the explorer: ${this.context.session.regions.join(', ')}.`,
      current ? `Tools default to the explorer's selection: region ${current.region}, workspace ${current.workspaceName} (${current.workspaceId}).` : '',
    ].filter(Boolean).join('\n');
  }
}
