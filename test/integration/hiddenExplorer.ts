import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type ExtensionUnderTest, until } from './harness';
import type { VirtualScheduler } from './virtualScheduler';

/**
 * Hides the ModelArts explorer (another view shows) for `span` of the virtual clock, checking that no timer is left
 * and no request is sent meanwhile, then shows it again and waits for polling to be scheduled again.
 */
export async function expectSilenceWhileHidden(under: ExtensionUnderTest, scheduler: VirtualScheduler, span: number): Promise<void> {
  assert.equal(scheduler.pending, 1, 'a poll is scheduled');
  await vscode.commands.executeCommand('workbench.view.explorer');
  try {
    await until(() => under.api.context.treeView.visible, (visible) => !visible, 'the ModelArts explorer to be hidden');
    assert.equal(scheduler.pending, 0, 'no timer while hidden');
    under.emulator.requests.clear();
    assert.equal(await scheduler.advance(span), 0, 'no poll ran while hidden');
    assert.equal(under.emulator.requests.count(), 0, 'no request while hidden');
  } finally {
    await vscode.commands.executeCommand('modelarts.explorer.focus');
  }
  await until(() => scheduler.pending, (pending) => pending === 1, 'polling to resume');
}
