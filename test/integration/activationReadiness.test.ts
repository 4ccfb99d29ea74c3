import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AccountManager } from '../../src/account/accountManager';
import { type CommandContext, registerCommand } from '../../src/commands/commandContext';
import type { ModelArtsExtensionApi } from '../../src/extension';

/** Lets the extension host run what is queued (a command already started would have reached its handler). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Activation readiness', () => {
  it('a command that starts before the profiles were read runs only once they are', async () => {
    const extension = vscode.extensions.getExtension<ModelArtsExtensionApi>('modelarts-community.modelarts-explorer');
    assert.ok(extension, 'the extension is installed');
    const api = await extension.activate();
    let markLoaded: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (markLoaded = resolve));
    // The extension's own context, whose profiles are not read yet.
    const accounts = Object.assign(Object.create(api.context.accounts) as AccountManager, { loaded });
    const context: CommandContext = { ...api.context, accounts };
    const order: string[] = [];
    const registration = registerCommand(context, 'modelarts.test.activationReadiness', () => order.push('command ran'));
    try {
      const running = vscode.commands.executeCommand('modelarts.test.activationReadiness');
      await settle();
      await settle();
      order.push('profiles read');
      markLoaded();
      await running;
      assert.deepEqual(order, ['profiles read', 'command ran']);
    } finally {
      registration.dispose();
    }
  });
});
