import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { askParticipant, chatRequest } from './chatDoubles';
import { label, type Node, REGION, signedInSuite } from './harness';

/**
 * VS Code's own rule for what becomes a link in a notification, an input box's prompt or validation message and a
 * progress notification: LINK_REGEX of parseLinkedText in src/vs/base/common/linkedText.ts, the same pattern in
 * the workbench these tests run in (1.139). A `command:` link runs its command when clicked.
 */
const LINK_REGEX = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** What VS Code parses: a message cut at 1,000 characters, its line breaks made spaces (NotificationViewItem). */
const linksIn = (message: string) => [...message.replace(/(\r\n|\n|\r)/gm, ' ').trim().matchAll(LINK_REGEX)].map((match) => match[0]);

const RUN_IN_TERMINAL = 'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%22%7D';
const HOSTILE_LINK = `[Show details](${RUN_IN_TERMINAL})`;
/** Markdown a cloud value may carry: a command link, autolinks to a web page and a local file, an image, a bare address. */
const HOSTILE_MARKDOWN = `${HOSTILE_LINK} <https://attacker.test/a> <file:///etc/passwd> ![x](https://attacker.test/b.png) https://attacker.test/c www.attacker.test`;

/** The HTML VS Code's Markdown extension renders (markdown-it, bare addresses made links): stricter than a hover's renderer. */
async function renderedMarkdown(markdown: string): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', markdown);
}

describe('Text from the cloud is shown as text, never as a link or a command', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const project = () => {
    const found = under().emulator.state.projectFor(under().emulator.demo.ak, REGION);
    assert.ok(found, 'the demo project');
    return found;
  };

  beforeEach(() => under().api.context.explorer.reload());

  it('an OBS object key with a command link, failing to download, is named readably in an error without a link', async () => {
    const store = under().emulator.obs.store;
    const bucket = store.bucket('modelarts-demo-outputs');
    assert.ok(bucket);
    const key = `experiment/report${HOSTILE_LINK}`;
    store.putObject(bucket, 'experiment/config.yaml', Buffer.from('lr: 0.001\n'), 'text/yaml');
    store.putObject(bucket, key, Buffer.from('secret report'), 'text/plain');
    under().emulator.obs.faults.add({ kind: 'status', status: 403, code: 'AccessDenied', message: `Denied. [Request access](https://attacker.test/grant)`, method: 'GET', path: /Show/ });
    const scratch = mkdtempSync(path.join(tmpdir(), 'obs-cloud-text-'));
    try {
      const folder = await under().child(await under().regionCategory('OBS Buckets'), 'modelarts-demo-outputs');
      under().ui.answerOpenDialog([vscode.Uri.file(scratch)]);
      await vscode.commands.executeCommand('modelarts.obs.download', await under().child(folder, 'experiment'));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      bucket.objects.delete(key);
      bucket.objects.delete('experiment/config.yaml');
    }
    const [error] = under().ui.errors;
    assert.equal(under().ui.errors.length, 1, `one error: ${under().ui.errors.join('\n')}`);
    assert.deepEqual(linksIn(error), [], error);
    assert.ok(error.includes(`report[Show details] (${RUN_IN_TERMINAL})`), `the key reads as it is: ${error}`);
  });

  it('a server error message with a command link is shown with its error code and without a link', async () => {
    const notebook = await under().child(await under().category('Notebooks'), 'data-cleaning-pandas');
    under().emulator.faults.add({
      kind: 'status',
      status: 400,
      errorCode: 'ModelArts.6404',
      errorMsg: `The notebook is locked. ${HOSTILE_LINK} or [read more](https://attacker.test/help "Help")`,
      method: 'GET',
      path: /\/notebooks\/[^/]+$/,
    });
    await vscode.commands.executeCommand('modelarts.notebook.viewDetails', notebook);
    const [error] = under().ui.errors;
    assert.match(error ?? '', /ModelArts\.6404/);
    assert.deepEqual(linksIn(error), [], error);
    assert.ok(error.includes('The notebook is locked. [Show details] (command:'), error);
  });

  it('whatever UI the context is given, prompts, validation messages and progress reach it without links', async () => {
    const { ui } = under().api.context;
    under().ui.answer('x');
    await ui.showInputBox({ prompt: `Type ${HOSTILE_LINK}`, validateInput: () => undefined });
    assert.deepEqual(linksIn(under().ui.inputBoxes[0].prompt ?? ''), []);
    const problem = await under().ui.inputBoxes[0].validateInput?.('y');
    assert.equal(problem, undefined, 'an accepted answer stays accepted');
    under().ui.answer('x');
    await ui.showInputBox({ prompt: 'Name', validateInput: () => ({ message: `Taken by ${HOSTILE_LINK}`, severity: vscode.InputBoxValidationSeverity.Error }) }).then(
      () => assert.fail('the answer is refused'),
      () => undefined,
    );
    const refusal = await under().ui.inputBoxes[1].validateInput?.('x');
    assert.ok(refusal && typeof refusal !== 'string');
    assert.deepEqual(linksIn(refusal.message), [], refusal.message);
    await ui.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deleting ${HOSTILE_LINK}…` }, async (progress) => progress.report({ message: HOSTILE_LINK }));
    assert.deepEqual(under().ui.progress.flatMap((step) => [...linksIn(step.title ?? ''), ...linksIn(step.message ?? '')]), []);
  });

  it('a tree tooltip renders a description with markdown, links and addresses as text', async () => {
    const workspace = [...project().workspaces.values()].find((record) => record.name === 'nlp-research');
    assert.ok(workspace);
    const before = workspace.description;
    workspace.description = `**Bold** ${HOSTILE_MARKDOWN}`;
    try {
      under().api.context.explorer.reload();
      const node = await under().child(await under().child(undefined, REGION), 'nlp-research');
      const tooltip = node.getTreeItem().tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString, 'a markdown tooltip');
      assert.notEqual(tooltip.isTrusted, true);
      assert.notEqual(tooltip.supportHtml, true);
      const html = await renderedMarkdown(tooltip.value);
      assert.doesNotMatch(html, /<(a|img)\b/, html);
      assert.ok(html.includes('**Bold** [Show details](command:workbench'), `the description reads as it is:\n${html}`);
    } finally {
      workspace.description = before;
    }
  });

  it('@modelarts /status shows a workspace description with links as text', async () => {
    const workspace = [...project().workspaces.values()].find((record) => record.name === 'nlp-research');
    assert.ok(workspace);
    const before = workspace.description;
    workspace.description = HOSTILE_MARKDOWN;
    try {
      const { stream } = await askParticipant(under().api.chat.participant, chatRequest('status', ''));
      const html = await renderedMarkdown(stream.markdownText);
      assert.doesNotMatch(html, /<(a|img)\b/, html);
      assert.ok(html.includes('nlp-research'), html);
    } finally {
      workspace.description = before;
    }
  });

  it('Open JupyterLab opens an https address only, and names the scheme of any other', async () => {
    const record = project().notebooks(under().emulator.clock.now()).find((notebook) => notebook.name === 'data-cleaning-pandas');
    assert.ok(record);
    const open = async (url: string) => {
      record.url = url;
      under().api.context.explorer.reload();
      const node: Node = await under().child(await under().category('Notebooks'), 'data-cleaning-pandas');
      assert.equal(label(node), 'data-cleaning-pandas');
      await vscode.commands.executeCommand('modelarts.notebook.openJupyter', node);
    };
    try {
      for (const [url, scheme] of [
        [RUN_IN_TERMINAL, 'command'],
        ['javascript:alert(document.cookie)', 'javascript'],
        ['file:///etc/passwd', 'file'],
        ['http://attacker.test/lab', 'http'],
      ]) {
        under().freshUi();
        await open(url);
        assert.deepEqual(under().ui.opened, [], `${url} is not opened`);
        assert.match(under().ui.errors[0] ?? '', new RegExp(`the scheme "${scheme}"; only https addresses are opened`));
        assert.ok(!under().ui.errors[0].includes(url), 'the refusal does not repeat the address');
      }
      under().freshUi();
      await open('https://authoring.example.test/lab?token=1');
      assert.deepEqual(under().ui.errors, []);
      assert.deepEqual(under().ui.opened.map((uri) => uri.toString(true)), ['https://authoring.example.test/lab?token=1']);
    } finally {
      record.url = undefined;
    }
  });
});
