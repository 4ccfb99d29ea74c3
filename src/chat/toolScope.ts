import type { CommandContext } from '../commands/commandContext';
import type { ModelArtsServices } from '../services';
import { isValidRegionId } from '../services/endpoints';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { collectPages, PICKER_LIMIT } from '../services/paging';
import { DEFAULT_WORKSPACE_ID, type WorkspaceScope } from '../services/workspaces';
import type { ExplorerNode } from '../views/nodes/explorerNode';
import { RegionNode, WorkspaceNode } from '../views/nodes/regionNodes';
import type { ListScope, ResourceKind } from '../views/resourceKind';

/** Where a tool works, with the workspace's name for its answer. */
export interface ToolScope extends WorkspaceScope {
  readonly workspaceName: string;
}

/** The inputs every tool may take; absent ones default to what the explorer has selected. */
export interface ScopeInput {
  readonly region?: string;
  readonly workspace?: string;
}

/** A resource named by the model: its id, or its name. */
export interface ResourceRef {
  readonly id?: string;
  readonly name?: string;
}

const DEFAULT_WORKSPACE_NAME = 'default';

function invalidInput(message: string): ModelArtsError {
  return new ModelArtsError(LocalErrorCode.invalidInput, message, 'config');
}

/**
 * The region and workspace the explorer has selected (the workspace of the selected resource or
 * category, the default one of a selected region), else the explorer's first region.
 */
export function explorerScope(context: CommandContext): ToolScope | undefined {
  for (let node: ExplorerNode | undefined = context.treeView.selection[0]; node; node = node.parent) {
    if (node instanceof WorkspaceNode) {
      return { ...node.scope, workspaceName: node.workspace.name };
    }
    if (node instanceof RegionNode) {
      return { region: node.region, workspaceId: DEFAULT_WORKSPACE_ID, workspaceName: DEFAULT_WORKSPACE_NAME };
    }
  }
  const [region] = context.session.regions;
  return region ? { region, workspaceId: DEFAULT_WORKSPACE_ID, workspaceName: DEFAULT_WORKSPACE_NAME } : undefined;
}

/**
 * The scope of a tool call: the region and workspace given (a workspace by id or name), else the
 * explorer's. A region other than the explorer's starts in its default workspace.
 */
export async function resolveToolScope(context: CommandContext, services: ModelArtsServices, input: ScopeInput, perRegion: boolean, signal: AbortSignal): Promise<ToolScope> {
  const current = explorerScope(context);
  const region = input.region ?? current?.region;
  if (!region) {
    throw invalidInput('No region is given and the explorer lists none: pass region, e.g. "cn-north-4".');
  }
  if (!isValidRegionId(region)) {
    throw invalidInput(`"${region}" is not a region id; region ids look like "cn-north-4".`);
  }
  if (perRegion) {
    return { region, workspaceId: DEFAULT_WORKSPACE_ID, workspaceName: DEFAULT_WORKSPACE_NAME };
  }
  if (input.workspace === undefined) {
    return current && current.region === region ? current : { region, workspaceId: DEFAULT_WORKSPACE_ID, workspaceName: DEFAULT_WORKSPACE_NAME };
  }
  const workspaces = await services.workspaces.list(region, signal);
  const wanted = input.workspace;
  const found = workspaces.find((workspace) => workspace.id === wanted) ?? workspaces.find((workspace) => workspace.name === wanted);
  if (!found) {
    const known = workspaces.map((workspace) => `${workspace.name} (${workspace.id})`).join(', ');
    throw invalidInput(`No workspace "${wanted}" in ${region}. Its workspaces: ${known}.`);
  }
  return { region, workspaceId: found.id, workspaceName: found.name };
}

/** "cn-north-4, workspace default (0)", or just the region for what belongs to no workspace. */
export function describeScope(scope: ToolScope, perRegion: boolean): string {
  return perRegion ? scope.region : `${scope.region}, workspace ${scope.workspaceName} (${scope.workspaceId})`;
}

/**
 * The resource the model means: read by id, or found by its exact name among the first
 * PICKER_LIMIT listed (as the pickers offer them). `scope` may name a parent (a pool of nodes).
 */
export async function findResource<T>(services: ModelArtsServices, kind: ResourceKind<T>, scope: ListScope, ref: ResourceRef, signal: AbortSignal): Promise<T> {
  if (ref.id !== undefined) {
    return kind.fetch(services, scope, ref.id, signal);
  }
  if (ref.name === undefined) {
    throw invalidInput(`Give the id or the name of the ${kind.label}.`);
  }
  const listed = await collectPages((token, pageSignal) => kind.listPage(services, scope, token, pageSignal), PICKER_LIMIT, signal);
  const matches = listed.filter((item) => kind.name(item) === ref.name);
  if (matches.length === 1) {
    return matches[0];
  }
  if (matches.length > 1) {
    throw invalidInput(`${matches.length} ${kind.label}s are named "${ref.name}" (ids ${matches.map(kind.id).join(', ')}): pass the id instead.`);
  }
  throw invalidInput(`No ${kind.label} named "${ref.name}" here (${scope.region}, workspace ${scope.workspaceId}). List them to see their names.`);
}

/** A resource given by id or name in one input (a pool, a VPC), found among those listed in `scope`. */
export async function findByIdOrName<T>(services: ModelArtsServices, kind: ResourceKind<T>, scope: ListScope, value: string, signal: AbortSignal): Promise<T> {
  const listed = await collectPages((token, pageSignal) => kind.listPage(services, scope, token, pageSignal), PICKER_LIMIT, signal);
  const found = listed.find((item) => kind.id(item) === value) ?? listed.find((item) => kind.name(item) === value);
  if (!found) {
    throw invalidInput(`No ${kind.label} "${value}" in ${scope.region}${scope.workspaceId === DEFAULT_WORKSPACE_ID ? '' : `, workspace ${scope.workspaceId}`}. List them to see their ids and names.`);
  }
  return found;
}
