import type * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { Page } from '../services/paging';
import type { StatusCategory } from '../services/status';
import type { WorkspaceScope } from '../services/workspaces';
import type { FailureReason } from './failureReason';
import type { FlavorListing } from './flavorCatalog';

/** Where a kind's resources are listed: a workspace, and for sub-resources (a pool's nodes) their parent's id. */
export interface ListScope extends WorkspaceScope {
  readonly parentId?: string;
  /** Narrows a listing, e.g. SWR repositories to one namespace (set on the category by a Filter command). */
  readonly filter?: string;
  /** Narrows a listing to these statuses (the status filter), for kinds whose list filters by status on the server. */
  readonly statuses?: readonly string[];
}

/** How a kind's category is narrowed by status: the categories of its statuses are offered. */
export interface StatusFilterSpec {
  /** Every status the API names for the kind. */
  readonly statuses: readonly string[];
  categoryOf(status: string): StatusCategory;
  /** listPage narrows to `scope.statuses` on the server; otherwise the category filters each page it lists. */
  readonly onServer?: boolean;
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
  /** The category's hover, where its title alone does not say what it holds (v1 and v2 services). */
  readonly groupTooltip?: string;
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
  /**
   * `reason`: why a failed item failed, when another request found it (see failureReason); `flavor`: the flavor as its
   * listing describes it (see flavorListing).
   */
  tooltip(item: T, reason?: string, flavor?: string): vscode.MarkdownString;
  /** For kinds that can fail: why, shown at the top of the hover and of the details panel. */
  readonly failureReason?: FailureReason<T>;
  /** For kinds whose category can be narrowed to some statuses (the funnel button). */
  readonly statusFilter?: StatusFilterSpec;
  /** For kinds whose tooltip needs another request (a pool's tags): the full tooltip, fetched on hover. */
  resolveTooltip?(services: ModelArtsServices, scope: ListScope, item: T, signal: AbortSignal): Promise<vscode.MarkdownString>;
  listPage(services: ModelArtsServices, scope: ListScope, pageToken: string | undefined, signal?: AbortSignal): Promise<Page<T>>;
  fetch(services: ModelArtsServices, scope: ListScope, id: string, signal?: AbortSignal): Promise<T>;
  /** The flavor a running item is billed by: its hover then shows the hourly price (asked on hover only). */
  billedFlavor?(item: T): string | undefined;
  /** For kinds whose list leaves out what the hover shows (a v2 deployment's resources): the hover reads the item first. */
  readonly hoverReadsItem?: boolean;
  /** For kinds whose items name their flavor by id only: the listing that describes it, for the hover and details panel. */
  readonly flavorListing?: { readonly listing: FlavorListing; id(item: T): string | undefined };
  /** Listed per region, not per workspace (Lite Servers): pickers ask for a region only. */
  readonly perRegion?: boolean;
  /** Kinds listed under each resource of this kind, e.g. a pool's nodes, node pools and plugins. */
  readonly childKinds?: readonly ResourceKind<unknown>[];
}

/** A filter for pickers: the resources of a kind that can do something now. */
export function withCapability<T>(kind: ResourceKind<T>, capability: string): (item: T) => boolean {
  return (item) => kind.capabilities(item).includes(capability);
}
