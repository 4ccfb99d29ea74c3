import type * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { Page } from '../services/paging';
import type { StatusCategory } from '../services/status';
import type { WorkspaceScope } from '../services/workspaces';

/** Where a kind's resources are listed: a workspace, and for sub-resources (a pool's nodes) their parent's id. */
export interface ListScope extends WorkspaceScope {
  readonly parentId?: string;
  /** Narrows a listing, e.g. SWR repositories to one namespace (set on the category by a Filter command). */
  readonly filter?: string;
}

/** The resource a sub-resource belongs to: the scope's parent, set by the parent's node in the tree. */
export function parentOf(scope: ListScope, parentLabel: string): string {
  if (!scope.parentId) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, `no ${parentLabel} was given for a ${parentLabel} sub-resource`, 'config');
  }
  return scope.parentId;
}

/**
 * Everything the explorer and the commands need to know about one kind of
 * resource. Tree nodes, pickers and commands are generic over it, so a new
 * resource kind is one descriptor, not a copy of every node and command.
 */
export interface ResourceKind<T> {
  /** Also the first word of the tree item's contextValue, which menus match on. */
  readonly contextValue: string;
  /** Singular, lower case, localized: "notebook". */
  readonly label: string;
  /** Title of the category node: "Notebooks". */
  readonly groupLabel: string;
  readonly groupIcon: string;
  /**
   * For kinds whose items have no run state (images, networks, key pairs): their icon while usable
   * (category `running`); other categories keep their status icon.
   */
  readonly itemIcon?: string;
  /** Shown when a listing is empty. */
  readonly emptyLabel: string;
  id(item: T): string;
  name(item: T): string;
  /** The status as the API spells it. */
  status(item: T): string;
  category(item: T): StatusCategory;
  /** Whether a running item may end or fail on its own (a job, a notebook, a service, a server): the explorer then reads it now and then. */
  readonly refreshedWhileRunning?: boolean;
  /** Words added to the contextValue, e.g. canStart, canStop, canDelete. */
  capabilities(item: T): string[];
  description(item: T): string;
  tooltip(item: T): vscode.MarkdownString;
  /** For kinds whose tooltip needs another request (a pool's tags): the full tooltip, fetched on hover. */
  resolveTooltip?(services: ModelArtsServices, scope: ListScope, item: T, signal: AbortSignal): Promise<vscode.MarkdownString>;
  listPage(services: ModelArtsServices, scope: ListScope, pageToken: string | undefined, signal?: AbortSignal): Promise<Page<T>>;
  fetch(services: ModelArtsServices, scope: ListScope, id: string, signal?: AbortSignal): Promise<T>;
  /** Listed per region, not per workspace (Lite Servers): pickers ask for a region only. */
  readonly perRegion?: boolean;
  /** Kinds listed under each resource of this kind, e.g. a pool's nodes, node pools and plugins. */
  readonly childKinds?: readonly ResourceKind<unknown>[];
}

/** A filter for pickers: the resources of a kind that can do something now. */
export function withCapability<T>(kind: ResourceKind<T>, capability: string): (item: T) => boolean {
  return (item) => kind.capabilities(item).includes(capability);
}
