import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import { asModelArtsError, type ModelArtsError } from '../services/errors';
import { inlineCode } from './confirmationText';
import { ConfirmedTargets } from './confirmedTargets';
import { ModelArtsTool } from './modelArtsTool';
import type { ScopeInput, ToolScope } from './toolScope';

/** What a confirmation names: where, and for an action on one resource, its id (which the call then uses, not the name). */
export interface ToolTarget {
  readonly scope: ToolScope;
  readonly id?: string;
}

function sameTarget(a: ToolTarget, b: ToolTarget): boolean {
  return a.id === b.id && a.scope.region === b.scope.region && a.scope.workspaceId === b.scope.workspaceId;
}

/** "`cn-north-4`, workspace `default` (`0`)": each value as code, for a confirmation's markdown. */
export function scopeMarkdown(scope: ToolScope, perRegion: boolean): string {
  return perRegion ? inlineCode(scope.region) : `${inlineCode(scope.region)}, workspace ${inlineCode(scope.workspaceName)} (${inlineCode(scope.workspaceId)})`;
}

/**
 * A tool that changes something, after VS Code's confirmation. The target (region, workspace, and
 * the resource's id) is worked out once, when the confirmation is prepared, shown in it, and is the
 * only one the call acts on: a selection changed in the explorer while the dialog is open changes
 * nothing. A call whose input no confirmation named is refused.
 */
export abstract class ConfirmedTool<Input extends ScopeInput, Bound extends { readonly target: ToolTarget }> extends ModelArtsTool<Input> {
  private readonly confirmed = new ConfirmedTargets<ToolTarget>(sameTarget);
  /** Why a confirmation could name no target, for the call it was shown for. */
  private readonly unbound = new ConfirmedTargets<string>(() => true);

  protected override async prepare(input: Input, token: vscode.CancellationToken): Promise<vscode.PreparedToolInvocation> {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const bound = await this.bind(input, controller.signal).catch((error: unknown) => asModelArtsError(error));
      if ('target' in bound) {
        this.confirmed.remember(input, bound.target);
      } else {
        this.unbound.remember(input, bound.toDisplayString());
      }
      return this.confirmation(input, bound);
    } finally {
      subscription.dispose();
    }
  }

  protected override async answer(input: Input, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const taken = this.confirmed.take(input);
    const unbound = this.unbound.take(input);
    if (taken === 'none') {
      const why = typeof unbound === 'object' ? `its confirmation could not name a target: ${unbound.target}` : 'no confirmation named a target for this input';
      return `Nothing was done: ${this.name} acts only on what the user confirmed, and ${why}. Call ${this.name} again.`;
    }
    if (taken === 'ambiguous') {
      return `Nothing was done: this input was confirmed more than once, naming different targets (the explorer's selection changed in between), so which one was meant is unknown. Call ${this.name} again to be asked once more.`;
    }
    // The confirmed id replaces the name the model gave: a namesake elsewhere is not the one confirmed.
    const { scope, id } = taken.target;
    return this.run(id === undefined ? input : { ...input, id }, scope, services, signal);
  }

  /** Works out what the confirmation names; reads, never changes. */
  protected abstract bind(input: Input, signal: AbortSignal): Promise<Bound>;
  /** The confirmation of `input`, for what was bound or why nothing could be. */
  protected abstract confirmation(input: Input, bound: Bound | ModelArtsError): vscode.PreparedToolInvocation;
}
