import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { regionDisplayName } from '../services/endpoints';
import { collectPages, PICKER_LIMIT } from '../services/paging';
import { DEFAULT_WORKSPACE_ID, type WorkspaceScope } from '../services/workspaces';
import { type ExplorerNode, isRegionNode, isResourceGroupNode, isResourceNode } from '../views/nodes/explorerNode';
import type { ResourceGroupNode, ResourceNode } from '../views/nodes/resourceNodes';
import type { ListScope, ResourceKind } from '../views/resourceKind';
import type { CommandContext } from './commandContext';
import { lastPlace, rememberPlace, selectedPlace } from './commandPlace';
import { pick, vscodeUserInput } from './userInput';

/** What a resource command acts on: from a tree node, a details panel, or picked in the palette. */
export interface ResourceTarget<T> {
  readonly kind: ResourceKind<T>;
  readonly scope: ListScope;
  readonly item: T;
  /** The tree node showing the resource, when the command came from the tree. */
  readonly node?: ResourceNode<T>;
}

/** A resource named outside the tree (e.g. by a details panel's buttons), as a command argument. */
export class ResourceReference<T> {
  constructor(
    readonly kind: ResourceKind<T>,
    readonly scope: ListScope,
    readonly item: T,
  ) {}
}

/** How a command finds its target without a tree node, for kinds that are not listed per workspace (VPCs, key pairs…). */
export type TargetPicker<T> = () => Promise<{ readonly scope: ListScope; readonly item: T }>;

export function requireServices(context: CommandContext): ModelArtsServices {
  const services = context.session.services;
  if (!services) {
    throw new ModelArtsError(LocalErrorCode.notSignedIn, vscode.l10n.t('Sign in to ModelArts first (command "ModelArts: Sign In").'), 'config');
  }
  return services;
}

/**
 * Uses the tree node a command was invoked on, or asks for the resource (or what `pickTarget` asks) in the
 * region and workspace selected in the explorer, else asked for (see resolveScope).
 */
export async function resolveTarget<T>(
  context: CommandContext,
  kind: ResourceKind<T>,
  nodeArgument: unknown,
  eligible: (item: T) => boolean = () => true,
  pickTarget?: TargetPicker<T>,
): Promise<ResourceTarget<T>> {
  const target = await findTarget(context, kind, nodeArgument, eligible, pickTarget);
  rememberPlace(context, kind.perRegion ? { region: target.scope.region } : target.scope);
  return target;
}

async function findTarget<T>(
  context: CommandContext,
  kind: ResourceKind<T>,
  nodeArgument: unknown,
  eligible: (item: T) => boolean = () => true,
  pickTarget?: TargetPicker<T>,
): Promise<ResourceTarget<T>> {
  if (isResourceNode(nodeArgument) && nodeArgument.kind === kind) {
    const node = nodeArgument as ResourceNode<T>;
    return { kind, scope: node.parent.scope, item: node.resource, node };
  }
  if (nodeArgument instanceof ResourceReference && nodeArgument.kind === kind) {
    const { scope, item } = nodeArgument as ResourceReference<T>;
    return { kind, scope, item, node: findLoadedNode(context, kind, scope.region, kind.id(item)) };
  }
  if (pickTarget) {
    const picked = await pickTarget();
    return { kind, ...picked, node: findLoadedNode(context, kind, picked.scope.region, kind.id(picked.item)) };
  }
  const services = requireServices(context);
  const scope = kind.perRegion
    ? { region: await pickRegion(context, vscode.l10n.t('Select a region')), workspaceId: DEFAULT_WORKSPACE_ID }
    : await placeScope(context, services);
  const item = await pickResource(
    context,
    kind,
    async () => (await collectPages((token, signal) => kind.listPage(services, scope, token, signal), PICKER_LIMIT)).filter(eligible),
    kind.perRegion ? vscode.l10n.t('No {0} in {1} can do that now.', kind.label, scope.region) : vscode.l10n.t('No {0} in this workspace can do that now.', kind.label),
  );
  return { kind, scope, item, node: findLoadedNode(context, kind, scope.region, kind.id(item)) };
}

/**
 * Loads resources of a kind (noting it in the status bar), then asks for one; an empty list is an error
 * saying `emptyMessage`. Items are labelled with their name, or `label` where names are ambiguous.
 */
export async function pickResource<T>(
  context: CommandContext,
  kind: ResourceKind<T>,
  load: () => Promise<readonly T[]>,
  emptyMessage: string,
  options: { readonly title?: string; readonly label?: (item: T) => string } = {},
): Promise<T> {
  const items = await vscodeUserInput.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading {0}s…', kind.label) }, load);
  if (items.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, emptyMessage, 'config');
  }
  const label = options.label ?? kind.name;
  const picked = await pick(
    context.ui,
    items.map((item) => ({ label: label(item), description: kind.description(item), detail: kind.id(item) === label(item) ? undefined : kind.id(item), item })),
    { title: options.title ?? vscode.l10n.t('Select a {0}', kind.label), matchOnDescription: true, matchOnDetail: true },
  );
  return picked.item;
}

/**
 * The region a palette command works in: the one selected in the explorer (asking nothing), else asked for
 * (none when only one is shown), the one last worked in first.
 */
export async function pickRegion(context: CommandContext, title: string, regions: readonly string[] = context.session.regions): Promise<string> {
  const selected = selectedPlace(context)?.region;
  const region = selected !== undefined && regions.includes(selected) ? selected : await askRegion(context, title, regions);
  rememberPlace(context, { region });
  return region;
}

/** Asks for a region whatever is selected (none when only one is shown), the one last worked in first. */
export async function askRegion(context: CommandContext, title: string, regions: readonly string[]): Promise<string> {
  if (regions.length === 1) {
    return regions[0];
  }
  const last = lastPlace(context)?.region;
  const ordered = last && regions.includes(last) ? [last, ...regions.filter((region) => region !== last)] : regions;
  const picked = await pick(
    context.ui,
    ordered.map((region) => ({ label: region, description: region === last ? vscode.l10n.t('{0} · last used', regionDisplayName(region)) : regionDisplayName(region) })),
    { title },
  );
  return picked.label;
}

/** The region a command works in: from a tree node in it (the region, a category of it), else as pickRegion finds it. */
export async function resolveRegion(context: CommandContext, nodeArgument: unknown, title: string): Promise<string> {
  let region: string | undefined;
  for (let node = nodeArgument as ExplorerNode | undefined; node && !region; node = node.parent) {
    region = isRegionNode(node) ? node.region : undefined;
  }
  region ??= await pickRegion(context, title);
  rememberPlace(context, { region });
  return region;
}

/** The workspace a command works in: from a tree node under it, else the one selected in the explorer, else asked for. */
export async function resolveScope(context: CommandContext, nodeArgument: unknown): Promise<WorkspaceScope> {
  const scope = scopeAbove(nodeArgument) ?? (await placeScope(context, requireServices(context)));
  rememberPlace(context, scope);
  return scope;
}

/**
 * Where a create form opens: as resolveScope, but the workspace is never asked for, as the form offers it:
 * the one selected in the explorer, else the one last worked in (in that region), else the default one.
 */
export async function resolveFormScope(context: CommandContext, nodeArgument: unknown): Promise<WorkspaceScope> {
  const above = scopeAbove(nodeArgument);
  const selected = selectedPlace(context);
  const region = above?.region ?? (await pickRegion(context, vscode.l10n.t('Select a region')));
  const last = lastPlace(context);
  const workspaceId = above?.workspaceId ?? selected?.workspaceId ?? (last?.region === region ? last.workspaceId : undefined) ?? DEFAULT_WORKSPACE_ID;
  rememberPlace(context, { region, workspaceId });
  return { region, workspaceId };
}

function scopeAbove(nodeArgument: unknown): WorkspaceScope | undefined {
  for (let node = nodeArgument as ExplorerNode | undefined; node; node = node.parent) {
    if ('scope' in node && typeof node.scope === 'object') {
      return node.scope as WorkspaceScope;
    }
  }
  return undefined;
}

/** The workspace selected in the explorer; else the region (see pickRegion) and a workspace of it asked for, the last used first. */
async function placeScope(context: CommandContext, services: ModelArtsServices): Promise<WorkspaceScope> {
  const selected = selectedPlace(context);
  if (selected?.workspaceId !== undefined) {
    return { region: selected.region, workspaceId: selected.workspaceId };
  }
  const region = await pickRegion(context, vscode.l10n.t('Select a region'));
  const workspaces = await services.workspaces.list(region);
  if (workspaces.length === 1) {
    return { region, workspaceId: workspaces[0].id };
  }
  const last = lastPlace(context);
  const lastId = last?.region === region ? last.workspaceId : undefined;
  const ordered = [...workspaces.filter((workspace) => workspace.id === lastId), ...workspaces.filter((workspace) => workspace.id !== lastId)];
  const picked = await pick(
    context.ui,
    ordered.map((workspace) => ({ label: workspace.name, description: workspace.id === lastId ? vscode.l10n.t('{0} · last used', workspace.id) : workspace.id, workspace })),
    { title: vscode.l10n.t('Select a workspace') },
  );
  return { region, workspaceId: picked.workspace.id };
}

/** The tree node already showing a resource, if its category has been loaded; nothing is fetched. */
export function findLoadedNode<T>(context: CommandContext, kind: ResourceKind<T>, region: string, id: string): ResourceNode<T> | undefined {
  return findLoaded(context, (node): node is ResourceNode<T> => isResourceNode(node) && node.kind === kind && node.region === region && node.resourceId === id);
}

/** The category of `kind` in a workspace (not under a resource), if the tree has built it; nothing is fetched. */
export function findLoadedGroup<T>(context: CommandContext, kind: ResourceKind<T>, scope: WorkspaceScope): ResourceGroupNode<T> | undefined {
  return findLoaded(
    context,
    (node): node is ResourceGroupNode<T> =>
      isResourceGroupNode(node) && node.kind === kind && node.scope.region === scope.region && node.scope.workspaceId === scope.workspaceId && !node.scope.parentId,
  );
}

function findLoaded<N extends ExplorerNode>(context: CommandContext, matches: (node: ExplorerNode) => node is N): N | undefined {
  const stack: ExplorerNode[] = [...context.explorer.loadedRoots()];
  while (stack.length > 0) {
    const node = stack.pop() as ExplorerNode;
    if (matches(node)) {
      return node;
    }
    stack.push(...(node.loadedChildren?.() ?? []));
  }
  return undefined;
}

/** The node of a `kind` resource at or above a clicked node (one of its categories, or an item in one), when the command came from the tree. */
export function resourceNodeAbove<T>(nodeArgument: unknown, kind: ResourceKind<T>): ResourceNode<T> | undefined {
  for (let node = isResourceNode(nodeArgument) || isResourceGroupNode(nodeArgument) ? (nodeArgument as ExplorerNode) : undefined; node; node = node.parent) {
    if (isResourceNode(node) && node.kind === kind) {
      return node as ResourceNode<T>;
    }
  }
  return undefined;
}

/** Loads a resource's category of `kind` again, if the tree shows it: what changed in it shows and is followed while it changes. */
export async function refreshChildGroup(context: CommandContext, node: ResourceNode<unknown> | undefined, kind: ResourceKind<unknown>): Promise<void> {
  const group = node?.loadedChildren().find((child) => isResourceGroupNode(child) && child.kind === kind);
  if (group) {
    await context.explorer.refresh(group);
  }
}
