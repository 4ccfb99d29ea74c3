import * as vscode from 'vscode';
import { writeRegions } from '../config';
import { isValidRegionId, MODELARTS_REGIONS } from '../services/endpoints';
import type { ExplorerNode } from '../views/nodes/explorerNode';
import type { PagedNode } from '../views/nodes/messageNodes';
import { RegionNode } from '../views/nodes/regionNodes';
import { type CommandContext, registerCommand } from './commandContext';
import { askRegion } from './resourceTarget';
import { ask, pick } from './userInput';

const OTHER_REGION = '$(edit) Other…';

export function registerExplorerCommands(context: CommandContext): vscode.Disposable[] {
  const { explorer } = context;
  return [
    registerCommand(context, 'modelarts.refresh', (node) => explorer.refresh(node as ExplorerNode | undefined)),
    registerCommand(context, 'modelarts.loadMore', async (node) => {
      const paged = node as PagedNode;
      await paged.loadMore();
      explorer.rerender(paged);
    }),
    registerCommand(context, 'modelarts.retry', async (node) => {
      const failed = node as ExplorerNode & { retry?(): Promise<void> };
      if (failed.retry) {
        await failed.retry();
        explorer.rerender(failed);
      } else {
        await explorer.refresh(failed);
      }
    }),
    registerCommand(context, 'modelarts.showLog', () => context.log.show()),
    registerCommand(context, 'modelarts.addRegion', async () => {
      const shown = context.session.regions;
      const items = MODELARTS_REGIONS.filter((region) => !shown.includes(region.id)).map((region) => ({ label: region.id, description: region.displayName }));
      const picked = await pick(context.ui, [...items, { label: OTHER_REGION, description: '' }], { title: vscode.l10n.t('Add a region to the ModelArts explorer') });
      const region = picked.label === OTHER_REGION ? await askRegionId(context) : picked.label;
      if (!shown.includes(region)) {
        await writeRegions([...shown, region]);
      }
    }),
    registerCommand(context, 'modelarts.removeRegion', async (node) => {
      const shown = context.session.regions;
      // Asked even when a region is selected: the palette's Remove Region must not drop one the user did not name.
      const region = node instanceof RegionNode ? node.region : await askRegion(context, vscode.l10n.t('Remove a region from the ModelArts explorer'), shown);
      await writeRegions(shown.filter((candidate) => candidate !== region));
    }),
  ];
}

async function askRegionId(context: CommandContext): Promise<string> {
  const region = await ask(context.ui, {
    title: vscode.l10n.t('Add a region to the ModelArts explorer'),
    prompt: vscode.l10n.t('Region id, e.g. cn-north-4'),
    validateInput: (value) => (isValidRegionId(value.trim()) ? undefined : vscode.l10n.t('A region id looks like cn-north-4.')),
  });
  return region.trim();
}
