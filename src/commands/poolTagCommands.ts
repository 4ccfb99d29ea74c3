import * as vscode from 'vscode';
import type { PoolTag, PoolTagKey } from '../services/pools';
import { poolKind } from '../views/kinds/poolKinds';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { withProgress } from './progress';
import { requireServices, resolveTarget } from './resourceTarget';
import { ask, pick } from './userInput';

/** Key and value lengths of the pool tag API (OTC reference: keys 1–128, values 0–255 characters). */
const MAX_KEY = 128;
const MAX_VALUE = 255;

/**
 * Manage Tags: the pool's tags in a list that comes back after each change, until
 * closed. Each change is sent at once; keys and values already used on the
 * project's pools are offered first.
 */
export function registerPoolTagCommands(context: CommandContext): vscode.Disposable {
  return registerCommand(context, 'modelarts.pool.manageTags', async (node) => {
    const target = await resolveTarget(context, poolKind, node, withCapability(poolKind, 'canTag'));
    const services = requireServices(context);
    const { region } = target.scope;
    const poolId = poolKind.id(target.item);
    const name = poolKind.name(target.item);
    const known = await services.pools.listTagKeys(region);
    for (;;) {
      const tags = await services.pools.listTags(region, poolId);
      const add = { label: `$(add) ${vscode.l10n.t('Add a tag…')}`, tag: undefined };
      const picked = await pick(context.ui, [add, ...tags.map((tag) => ({ label: tag.key, description: tag.value, tag }))], {
        title: vscode.l10n.t('Tags of resource pool "{0}"', name),
        placeHolder: vscode.l10n.t('Add a tag, or pick one to change or remove it'),
      });
      if (picked.tag) {
        await changeTag(context, name, picked.tag, known, async (change, signal) =>
          change === 'remove' ? services.pools.removeTags(region, poolId, [picked.tag.key], signal) : services.pools.addTags(region, poolId, [change], signal),
        );
      } else {
        const tag = await askNewTag(context, name, tags, known);
        await withProgress(vscode.l10n.t('Adding tag "{0}" to "{1}"…', tag.key, name), (signal) => services.pools.addTags(region, poolId, [tag], signal));
      }
      // The tooltip shows the tags: the node is drawn again so its next hover reads them anew.
      if (target.node) {
        context.explorer.rerender(target.node);
      }
    }
  });
}

async function changeTag(
  context: CommandContext,
  poolName: string,
  tag: PoolTag,
  known: readonly PoolTagKey[],
  apply: (change: PoolTag | 'remove', signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const change = { label: `$(edit) ${vscode.l10n.t('Change the value…')}`, remove: false };
  const remove = { label: `$(trash) ${vscode.l10n.t('Remove the tag')}`, remove: true };
  const picked = await pick(context.ui, [change, remove], { title: tag.value ? `${tag.key} = ${tag.value}` : tag.key });
  if (picked.remove) {
    await withProgress(vscode.l10n.t('Removing tag "{0}" from "{1}"…', tag.key, poolName), (signal) => apply('remove', signal));
    return;
  }
  const value = await askValue(context, tag.key, known, tag.value);
  await withProgress(vscode.l10n.t('Changing tag "{0}" of "{1}"…', tag.key, poolName), (signal) => apply({ key: tag.key, value }, signal));
}

/** A key (one the project already uses, or a new one) and its value. */
async function askNewTag(context: CommandContext, poolName: string, tags: readonly PoolTag[], known: readonly PoolTagKey[]): Promise<PoolTag> {
  const title = vscode.l10n.t('Add a tag to "{0}"', poolName);
  const onPool = new Set(tags.map((tag) => tag.key));
  const suggested = known.filter((entry) => !onPool.has(entry.key));
  const other = { label: `$(add) ${vscode.l10n.t('New key…')}`, key: undefined };
  const picked =
    suggested.length === 0
      ? other
      : await pick(context.ui, [...suggested.map((entry) => ({ label: entry.key, description: (entry.values ?? []).join(', '), key: entry.key })), other], {
          title,
          placeHolder: vscode.l10n.t('A key used on other pools, or a new one'),
        });
  const key =
    picked.key ??
    (await ask(context.ui, {
      title,
      prompt: vscode.l10n.t('Tag key'),
      validateInput: (value) =>
        value.trim() === '' || value.length > MAX_KEY
          ? vscode.l10n.t('Enter 1 to {0} characters.', MAX_KEY)
          : onPool.has(value)
            ? vscode.l10n.t('The pool already has the tag "{0}"; pick it in the list to change it.', value)
            : undefined,
    }));
  return { key, value: await askValue(context, key, known) };
}

/** A value: one the key already has on the project's pools, or typed. */
async function askValue(context: CommandContext, key: string, known: readonly PoolTagKey[], current?: string): Promise<string> {
  const title = vscode.l10n.t('Value of tag "{0}"', key);
  const values = (known.find((entry) => entry.key === key)?.values ?? []).filter((value) => value !== current);
  if (values.length > 0) {
    const typed = { label: `$(edit) ${vscode.l10n.t('Another value…')}`, value: undefined };
    const picked = await pick(context.ui, [...values.map((value) => ({ label: value || vscode.l10n.t('(empty)'), value })), typed], { title });
    if (picked.value !== undefined) {
      return picked.value;
    }
  }
  return ask(context.ui, {
    title,
    prompt: vscode.l10n.t('Tag value (may be empty)'),
    value: current,
    validateInput: (value) => (value.length > MAX_VALUE ? vscode.l10n.t('Enter at most {0} characters.', MAX_VALUE) : undefined),
  });
}
