import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/webviews/protocol';
import { conversation, type ExtensionUnderTest, type Node, type Panel, REGION, signedInSuite } from './harness';

/** The controller a command returns, with the panel whose page it wrote. */
interface PanelWithPage extends Panel {
  readonly panel: vscode.WebviewPanel;
}

/** Each of the nine apps: the command that opens it, on which node, and what the host answers the page's own `ready` with. */
const PAGES: readonly { readonly app: string; readonly command: string; readonly node: (under: ExtensionUnderTest) => Promise<Node>; readonly answer: HostMessage['type'] }[] = [
  { app: 'createNotebook', command: 'modelarts.notebook.create', node: (under) => under.category('Notebooks'), answer: 'notebookForm' },
  { app: 'createTrainingJob', command: 'modelarts.trainingJob.create', node: (under) => under.category('Training Jobs'), answer: 'trainingJobForm' },
  { app: 'createPool', command: 'modelarts.pool.create', node: (under) => under.category('Resource Pools'), answer: 'poolForm' },
  { app: 'createDevServer', command: 'modelarts.devServer.create', node: (under) => under.child(undefined, REGION), answer: 'devServerForm' },
  { app: 'createServiceV1', command: 'modelarts.serviceV1.create', node: (under) => under.category('Real-Time Services (v1)'), answer: 'serviceV1Form' },
  { app: 'createServiceV2', command: 'modelarts.serviceV2.create', node: (under) => under.category('Real-Time Services (v2)'), answer: 'serviceV2Form' },
  { app: 'workspaceForm', command: 'modelarts.workspace.create', node: (under) => under.child(undefined, REGION), answer: 'workspaceForm' },
  { app: 'tableDocument', command: 'modelarts.serviceV2.showFlavors', node: (under) => under.category('Real-Time Services (v2)'), answer: 'tableDocument' },
  {
    app: 'details',
    command: 'modelarts.notebook.showDetails',
    node: async (under) => (await under.explorer.getChildren(await under.category('Notebooks')))[0],
    answer: 'details',
  },
];

describe('Webview pages: every app runs in the workbench as an ES module, its shared chunks admitted by its nonce alone', () => {
  const under = signedInSuite({ transitionMs: 60_000 });

  it('a page loads its app as a module with the nonce its policy admits, and admits no other script', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.notebook.create', await under().category('Notebooks'))) as PanelWithPage;
    try {
      const html = panel.panel.webview.html;
      const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
      const scriptSources = policy.split(';').map((directive) => directive.trim()).filter((directive) => directive.startsWith('script-src'));
      const nonce = /^script-src 'nonce-([^' ]+)'$/.exec(scriptSources.join())?.[1];
      assert.ok(nonce, `scripts are admitted by a nonce alone: ${scriptSources.join()}`);
      assert.match(policy, /default-src 'none'/);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.equal(scripts.length, 1, 'one script: the app');
      assert.match(scripts[0], /type="module"/);
      assert.ok(scripts[0].includes(`nonce="${nonce}"`), 'the app carries the nonce');
    } finally {
      panel.dispose();
    }
  });

  for (const page of PAGES) {
    it(`${page.app}: the page itself starts (its module and every chunk it imports load) and asks for its content`, async () => {
      const panel = (await vscode.commands.executeCommand(page.command, await page.node(under()))) as Panel;
      const talk = conversation(panel);
      try {
        // No `ready` is sent here: the host answers only the page's own, which the app sends once all its code ran.
        await talk.next(page.answer, () => true, 30_000);
      } finally {
        talk.dispose();
        panel.dispose();
      }
    });
  }
});
