import * as vscode from 'vscode';
import type { ListScope, ResourceKind } from './resourceKind';

/** A resource's state as someone just read it: which kind (its contextValue), where, which one, and the item. */
export interface ResourceState {
  readonly kind: string;
  readonly region: string;
  readonly id: string;
  readonly item: unknown;
}

/** A resource the user just started, as its start was asked for. */
export interface StartedResource {
  readonly kind: ResourceKind<unknown>;
  readonly scope: ListScope;
  readonly item: unknown;
}

/**
 * The item of `state` when it is the resource of `kind` in `region` with `id`; the kind's contextValue is unique, so
 * the item is a T. Only the contextValue is read: code loaded at activation names a kind by it (see kindNames).
 */
export function stateOf<T>(state: ResourceState, kind: Pick<ResourceKind<T>, 'contextValue'>, region: string, id: string): T | undefined {
  return state.kind === kind.contextValue && state.region === region && state.id === id ? (state.item as T) : undefined;
}

/**
 * The one place a resource's newer state is told: whoever reads a resource (the explorer's polling, a details
 * panel, log following, a chat tool, an action's answer) reports it, and whoever shows it (the explorer's rows,
 * open details panels, the next-step notifications) listens. Reporting sends no request: it passes on what was read.
 */
export class ResourceStates implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ResourceState>();
  private readonly startedEmitter = new vscode.EventEmitter<StartedResource>();
  private readonly createdEmitter = new vscode.EventEmitter<StartedResource>();
  readonly onDidChange = this.changed.event;
  /** A resource the user started (from the tree, the palette or a chat tool); its later states come through onDidChange. */
  readonly onDidStart = this.startedEmitter.event;
  /** A resource the user created (from a form or a chat tool), as its create answered it; later states come through onDidChange. */
  readonly onDidCreate = this.createdEmitter.event;

  report<T>(kind: ResourceKind<T>, region: string, item: T): void {
    this.changed.fire({ kind: kind.contextValue, region, id: kind.id(item), item });
  }

  started<T>(kind: ResourceKind<T>, scope: ListScope, item: T): void {
    this.startedEmitter.fire({ kind, scope, item });
  }

  created<T>(kind: ResourceKind<T>, scope: ListScope, item: T): void {
    this.createdEmitter.fire({ kind, scope, item });
  }

  dispose(): void {
    this.changed.dispose();
    this.startedEmitter.dispose();
    this.createdEmitter.dispose();
  }
}
