/**
 * Browse… buttons of fields that take an obs:// path. The bucket tree is browsed in VS Code's quick pick:
 * the form waits for the path picked for one field at a time, or shows why none could be.
 */
import { nothing, type TemplateResult } from 'lit';
import type { ErrorInfo, HostMessage, ObsBrowseSelect } from '../../src/webviews/protocol';
import { errorBox } from './errorBox';
import type { FieldAction } from './fields';
import { send } from './vscodeApi';
import * as l10n from '@vscode/l10n';

type BrowseState =
  | { readonly status: 'idle' }
  | { readonly status: 'open'; readonly field: string; readonly select: ObsBrowseSelect; readonly start?: string }
  | { readonly status: 'failed'; readonly field: string; readonly select: ObsBrowseSelect; readonly start?: string; readonly error: ErrorInfo };

export class ObsBrowser {
  private state: BrowseState = { status: 'idle' };

  constructor(
    /** Renders the form again. */
    private readonly rerender: () => void,
    /** Puts the path picked into a field (`codeDir`, or `inputs.2` for a table row's value). */
    private readonly apply: (field: string, uri: string) => void,
  ) {}

  /** The field's Browse… button; it starts in the obs:// folder `start` when given (the boot file's code folder). */
  action(field: string, select: ObsBrowseSelect, disabled: boolean, start?: string): FieldAction {
    return { label: l10n.t('Browse…'), icon: 'folder-opened', disabled: disabled || this.state.status === 'open', onClick: () => this.browse(field, select, start) };
  }

  /** The field's helper text, which says where to look while its pick is open. */
  helper(field: string, otherwise: string): string {
    return this.state.status === 'open' && this.state.field === field ? l10n.t('Pick the bucket, then the folder or object, in the list at the top of the window.') : otherwise;
  }

  /** Why the buckets could not be listed for this field (or a row of this table), with Retry. */
  failure(field: string): TemplateResult | typeof nothing {
    const { state } = this;
    return state.status === 'failed' && (state.field === field || state.field.startsWith(`${field}.`))
      ? errorBox(l10n.t('Could not list the OBS buckets'), state.error, () => this.browse(state.field, state.select, state.start))
      : nothing;
  }

  /** The host's answer: the path picked goes into its field; the form renders again after any message. */
  receive(message: HostMessage): void {
    if (message.type !== 'obsBrowsed') {
      return;
    }
    const { select, start } = this.state.status === 'idle' ? { select: 'any' as const, start: undefined } : this.state;
    this.state = message.error ? { status: 'failed', field: message.field, select, start, error: message.error } : { status: 'idle' };
    if (message.uri) {
      this.apply(message.field, message.uri);
    }
  }

  private browse(field: string, select: ObsBrowseSelect, start?: string): void {
    this.state = { status: 'open', field, select, start };
    send({ type: 'browseObs', field, select, ...(start ? { start } : {}) });
    this.rerender();
  }
}
