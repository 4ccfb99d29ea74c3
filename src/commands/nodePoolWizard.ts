import * as vscode from 'vscode';
import { isCancellation } from '../services/errors';
import type { NewNodePool, ResourceFlavor } from '../services/pools';
import { type FlavorPickItem, flavorPickItems } from '../views/flavorPrices';
import { poolFlavorFacts } from '../views/flavorText';
import { nodePoolKind, poolKind, poolNodeKind } from '../views/kinds/poolKinds';
import { withCapability } from '../views/resourceKind';
import { POOL_MAX_NODES } from '../webviews/poolFormRules';
import { type CommandContext, reportFailure } from './commandContext';
import { refreshPool, resolvePoolOf } from './poolTargets';
import { withProgress } from './progress';
import { requireServices } from './resourceTarget';
import { ask, pick } from './userInput';

/** The SDK's rule for node pool names: 2-50 lower-case letters, digits and hyphens; "-default" ends only the service's own. */
const NODE_POOL_NAME = /^[a-z][a-z0-9-]{0,48}[a-z0-9]$/;
const validNodePoolName = (name: string): boolean => NODE_POOL_NAME.test(name) && !name.endsWith('-default');

const wholeNumber = (text: string): number | undefined => (/^\d+$/.test(text.trim()) ? Number(text) : undefined);

/**
 * Create Node Pool: three short answers (name, flavor, size) and a zone, asked in quick
 * inputs rather than a form. A create the service refuses can be edited and sent again
 * with every answer kept.
 */
export async function createNodePool(context: CommandContext, node: unknown): Promise<void> {
  const pool = await resolvePoolOf(context, node, withCapability(poolKind, 'canEdit'));
  const services = requireServices(context);
  const { region } = pool.scope;
  const [flavors, nodePools] = await withProgress(vscode.l10n.t('Loading flavors…'), (signal) =>
    Promise.all([
      services.pools.listResourceFlavors(region, signal).then((listed) => flavorPickItems(services, region, listed, poolFlavorFacts, signal)),
      services.pools.listNodePools(region, pool.id, signal),
    ]),
  );
  const taken = nodePools.map((nodePool) => nodePool.metadata.name);
  let previous: NewNodePool | undefined;
  let wanted: NewNodePool;
  for (;;) {
    wanted = await askNodePool(context, pool.name, taken, flavors, previous);
    try {
      await withProgress(vscode.l10n.t('Creating node pool "{0}" in "{1}"…', wanted.name, pool.name), (signal) => services.pools.createNodePool(region, pool.id, wanted, signal));
      break;
    } catch (error) {
      const retry = vscode.l10n.t('Edit and Retry');
      if (isCancellation(error) || (await reportFailure(context, 'modelarts.nodePool.create', error, retry)) !== retry) {
        return;
      }
      previous = wanted;
    }
  }
  await refreshPool(context, pool.node, nodePoolKind, poolNodeKind);
  void context.ui.showInformationMessage(vscode.l10n.t('Created node pool "{0}" in "{1}"; its nodes are being created.', wanted.name, pool.name));
}

async function askNodePool(context: CommandContext, poolName: string, taken: readonly string[], flavors: readonly FlavorPickItem<ResourceFlavor>[], previous?: NewNodePool): Promise<NewNodePool> {
  const title = vscode.l10n.t('Create a node pool in "{0}"', poolName);
  const { ui } = context;
  const name = await ask(ui, {
    title,
    prompt: vscode.l10n.t('Name: lower-case letters, digits and hyphens, starting with a letter'),
    value: previous?.name,
    validateInput: (value) =>
      !validNodePoolName(value)
        ? vscode.l10n.t('Use 2 to 50 lower-case letters, digits or hyphens, starting with a letter and ending with neither a hyphen nor "-default".')
        : taken.includes(value)
          ? vscode.l10n.t('The pool already has a node pool named "{0}".', value)
          : undefined,
  });
  // The last answer first, so Enter keeps it.
  const ordered = [...flavors].sort((a, b) => Number(b.id === previous?.flavor) - Number(a.id === previous?.flavor));
  const { flavor } = await pick(ui, ordered, { title, placeHolder: vscode.l10n.t('Flavor of its nodes'), matchOnDescription: true });
  const count = Number(
    await ask(ui, {
      title,
      prompt: vscode.l10n.t('Number of nodes, 1 to {0}', POOL_MAX_NODES),
      value: String(previous?.count ?? 1),
      validateInput: (value) => {
        const wanted = wholeNumber(value);
        return wanted !== undefined && wanted >= 1 && wanted <= POOL_MAX_NODES ? undefined : vscode.l10n.t('Enter a whole number from 1 to {0}.', POOL_MAX_NODES);
      },
    }),
  );
  // Zones where the flavor is sold out are not offered (the SDK's ResourceFlavorStatus: zone → normal | soldout).
  const zones = Object.entries(flavor.status?.phase ?? {})
    .filter(([, state]) => state !== 'soldout')
    .map(([zone]) => zone);
  const az =
    zones.length === 0
      ? undefined
      : (
          await pick(ui, [{ label: vscode.l10n.t('Any availability zone'), zone: undefined }, ...zones.map((zone) => ({ label: zone, zone }))], {
            title,
            placeHolder: vscode.l10n.t('Where its nodes run'),
          })
        ).zone;
  return { name, flavor: flavor.metadata.name, count, az };
}
