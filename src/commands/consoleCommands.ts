import * as vscode from 'vscode';
import { type ConsoleSite, type ConsoleTarget, consoleSite, consoleUrl } from '../console/consoleLinks';
import { modelDetails, notebookDetails, poolDetails, serviceV1Details, trainingJobDetails } from '../webviews/detailsPresenters';
import { serviceV2Details } from '../webviews/serviceV2Details';
import { hyperClusterKind } from '../views/kinds/hyperClusterKind';
import { devServerJobKind } from '../views/kinds/liteServerJobKind';
import { devServerKind, hyperinstanceKind } from '../views/kinds/liteServerKinds';
import { modelKind } from '../views/kinds/modelKind';
import { notebookKind } from '../views/kinds/notebookKind';
import { poolKind } from '../views/kinds/poolKinds';
import { scheduledEventKind } from '../views/kinds/scheduledEventKind';
import { serviceV1Kind } from '../views/kinds/serviceV1Kind';
import { serviceV2Kind } from '../views/kinds/serviceV2Kind';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import { ObsBucketGroupNode, ObsBucketNode, ObsFolderNode, ObsObjectNode } from '../views/nodes/obsNodes';
import { ResourceNode } from '../views/nodes/resourceNodes';
import type { ResourceKind } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { resolveTarget, ResourceReference } from './resourceTarget';
import { pick } from './userInput';

/** The kinds the palette offers (sub-resources are reached from their parent in the tree). */
const PALETTE_KINDS = [
  notebookKind,
  trainingJobKind,
  poolKind,
  modelKind,
  serviceV1Kind,
  serviceV2Kind,
  devServerKind,
  hyperinstanceKind,
  hyperClusterKind,
  devServerJobKind,
  scheduledEventKind,
] as readonly ResourceKind<unknown>[];

/** The details panels run `<prefix>.<action>` with the resource: Open in Console answers under each of their prefixes too. */
const DETAILS_PREFIXES = [notebookDetails, trainingJobDetails, poolDetails, serviceV1Details, modelDetails, serviceV2Details].map((presenter) => presenter.commandPrefix);

export function registerConsoleCommands(context: CommandContext): vscode.Disposable[] {
  const open = async (argument: unknown): Promise<void> => {
    await context.ui.openExternal(vscode.Uri.parse(consoleLink(context, await consoleTarget(context, argument)), true));
  };
  return [registerCommand(context, 'modelarts.openInConsole', open), ...DETAILS_PREFIXES.map((prefix) => registerCommand(context, `${prefix}.openInConsole`, open))];
}

/** The console's address of a resource, on the site `modelarts.console.site` names, else the account's. */
export function consoleLink(context: CommandContext, target: ConsoleTarget): string {
  const setting = vscode.workspace.getConfiguration('modelarts').get<string>('console.site');
  const answered = context.session.services?.prices.answeredSite;
  const site: ConsoleSite | undefined = answered && (answered === 'bss' ? 'china' : 'international');
  return consoleUrl(target, consoleSite(setting, site, target.region));
}

/** What a tree row, a details panel's resource, or (from the palette) a picked resource links to. */
async function consoleTarget(context: CommandContext, argument: unknown): Promise<ConsoleTarget> {
  if (argument instanceof ResourceNode) {
    return { kind: argument.kind.contextValue, region: argument.region, id: argument.resourceId };
  }
  if (argument instanceof ResourceReference) {
    const { kind, scope, item } = argument as ResourceReference<unknown>;
    return { kind: kind.contextValue, region: scope.region, id: kind.id(item) };
  }
  if (argument instanceof ObsBucketGroupNode) {
    return { kind: 'obsBucketGroup', region: argument.region };
  }
  if (argument instanceof ObsBucketNode || argument instanceof ObsFolderNode) {
    return { kind: argument instanceof ObsBucketNode ? 'obsBucket' : 'obsFolder', region: argument.region, id: argument.bucket };
  }
  if (argument instanceof ObsObjectNode) {
    return { kind: 'obsObject', region: argument.region, id: argument.bucket };
  }
  const picked = await pick(
    context.ui,
    PALETTE_KINDS.map((resourceKind) => ({ label: resourceKind.groupLabel, resourceKind })),
    { title: vscode.l10n.t('Open which kind of resource in the Huawei Cloud console?') },
  );
  const { kind, scope, item } = await resolveTarget(context, picked.resourceKind, undefined);
  return { kind: kind.contextValue, region: scope.region, id: kind.id(item) };
}
