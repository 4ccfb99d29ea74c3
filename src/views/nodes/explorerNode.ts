import type * as vscode from 'vscode';

/** A node of the ModelArts explorer. Nodes receive the adapters they need in their constructor. */
export interface ExplorerNode {
  /** Unique and stable across refreshes, so VS Code keeps expansion and selection. */
  readonly id: string;
  readonly parent: ExplorerNode | undefined;
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
