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

/** A node whose resource may be in a transitional state and can fetch its latest state. */
export interface PollableNode extends ExplorerNode {
  isTransitional(): boolean;
  poll(signal: AbortSignal): Promise<PollResult>;
}

export function isPollable(node: ExplorerNode): node is PollableNode {
  return 'poll' in node && 'isTransitional' in node;
}
