import type * as vscode from 'vscode';
import type { ObsFolderNode, ObsListingNode, ObsObjectNode } from './obsNodes';
import type { RegionNode, WorkspaceNode } from './regionNodes';
import type { ResourceGroupNode, ResourceNode } from './resourceNodes';

/**
 * What a row is, for the code loaded at activation: it tells rows apart by this, not by their classes, which load
 * with the tree's first rows (see the guards below).
 */
export type NodeRole = 'region' | 'workspace' | 'resourceGroup' | 'resource' | 'obsBucket' | 'obsFolder' | 'obsObject';

/** A node of the ModelArts explorer. Nodes receive the adapters they need in their constructor. */
export interface ExplorerNode {
  /** Unique and stable across refreshes, so VS Code keeps expansion and selection. */
  readonly id: string;
  readonly parent: ExplorerNode | undefined;
  readonly role?: NodeRole;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<ExplorerNode[]>;
  /** Forget loaded children so the next expansion loads them again. */
  reset?(): void;
  /** Children already in hand, without loading anything. */
  loadedChildren?(): readonly ExplorerNode[];
  /** Fills what getTreeItem left undefined because it needs a request (VS Code asks on hover). */
  resolveTreeItem?(item: vscode.TreeItem, signal: AbortSignal): Promise<vscode.TreeItem>;
}

export type PollResult = 'changed' | 'unchanged' | 'gone';

/** A resource's state after its category's list was read: `unlisted` when that list did not show it and did not end. */
export type ChildPollResult = PollResult | 'unlisted';

/** A node whose resource may be in a transitional or running state and can fetch its latest state. */
export interface PollableNode extends ExplorerNode {
  readonly parent: PollableGroup;
  isTransitional(): boolean;
  /** Running, and able to end or fail without the explorer acting (a job completes): worth reading now and then. */
  isRunning(): boolean;
  /** One read of this resource alone. */
  poll(signal: AbortSignal): Promise<PollResult>;
}

/** The category of pollable nodes: it refreshes several of them with one list request. */
export interface PollableGroup extends ExplorerNode {
  /**
   * Reads the category's list once (its first page, with its filter) and updates the given children it holds.
   * A child absent from a list that ended is gone (removed here); absent from a list with more pages it is
   * `unlisted`, since it may just lie beyond the first page. Children the category no longer holds (it was
   * loaded again) get no result.
   */
  pollChildren(children: readonly PollableNode[], signal: AbortSignal): Promise<ReadonlyMap<PollableNode, ChildPollResult>>;
}

export function isPollable(node: ExplorerNode): node is PollableNode {
  return 'poll' in node && 'isTransitional' in node && 'isRunning' in node;
}

function hasRole(node: unknown, ...roles: NodeRole[]): boolean {
  const role = typeof node === 'object' && node !== null ? (node as ExplorerNode).role : undefined;
  return role !== undefined && roles.includes(role);
}

export function isRegionNode(node: unknown): node is RegionNode {
  return hasRole(node, 'region');
}

export function isWorkspaceNode(node: unknown): node is WorkspaceNode {
  return hasRole(node, 'workspace');
}

/** A category's row, a Lite Server group's included. */
export function isResourceGroupNode(node: unknown): node is ResourceGroupNode<unknown> {
  return hasRole(node, 'resourceGroup');
}

export function isResourceNode(node: unknown): node is ResourceNode<unknown> {
  return hasRole(node, 'resource');
}

/** A bucket or a folder: what lists OBS objects, and takes a drop. */
export function isObsListingNode(node: unknown): node is ObsListingNode {
  return hasRole(node, 'obsBucket', 'obsFolder');
}

/** What can be dragged between OBS folders in the explorer: a folder or an object. */
export function isDraggedObs(node: unknown): node is ObsFolderNode | ObsObjectNode {
  return hasRole(node, 'obsFolder', 'obsObject');
}

export function isObsObjectNode(node: unknown): node is ObsObjectNode {
  return hasRole(node, 'obsObject');
}
