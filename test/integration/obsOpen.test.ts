import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { conversation, type Node, type Panel, signedInSuite, until } from './harness';

const BUCKET = 'modelarts-demo-data';

describe('Opening OBS objects in VS Code\'s editors, and picking OBS paths in the open dialog', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const store = () => under().emulator.obs.store;
  const objectPath = async (...names: string[]) => {
    let node = await under().regionCategory('OBS Buckets');
    for (const name of names) node = await under().child(node, name);
    return node;
  };
  /** Runs what a click on the row runs. */
  const click = async (node: Node) => {
    const { command } = node.getTreeItem();
    assert.ok(command, 'the row has a click command');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  };
  const activeTabUri = () => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook ? input.uri.toString() : undefined;
  };
  const openTabUris = () =>
    vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => (tab.input instanceof vscode.TabInputText || tab.input instanceof vscode.TabInputCustom ? tab.input.uri.toString() : undefined));

  beforeEach(() => under().api.context.explorer.reload());
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a click on any object opens it through its obs:// URI in VS Code\'s own editor: text, image, notebook', async () => {
    const notebook = JSON.stringify({ cells: [{ cell_type: 'code', source: ['print("hello from OBS")'], metadata: {}, outputs: [], execution_count: null }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const bucket = store().bucket(BUCKET);
    assert.ok(bucket);
    store().putObject(bucket, 'code/explore.ipynb', Buffer.from(notebook), 'application/json');

    await click(await objectPath(BUCKET, 'code', 'train.py'));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), `obs://${BUCKET}/code/train.py`);
    assert.equal(editor?.document.getText(), bucket.objects.get('code/train.py')?.data.toString('utf8'));
    assert.equal(editor?.document.languageId, 'python');

    await click(await objectPath(BUCKET, 'datasets', 'flowers', 'train', 'daisy', 'img_0001.jpg'));
    const image = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(image instanceof vscode.TabInputCustom, 'an image opens in a custom editor');
    assert.deepEqual([image.viewType, image.uri.toString()], ['imagePreview.previewEditor', `obs://${BUCKET}/datasets/flowers/train/daisy/img_0001.jpg`]);

    await click(await objectPath(BUCKET, 'code', 'explore.ipynb'));
    const opened = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(opened instanceof vscode.TabInputNotebook, 'a notebook opens in the notebook editor');
    assert.deepEqual([opened.notebookType, opened.uri.toString()], ['jupyter-notebook', `obs://${BUCKET}/code/explore.ipynb`]);
    const cells = vscode.workspace.notebookDocuments.find((document) => document.uri.toString() === opened.uri.toString())?.getCells() ?? [];
    assert.deepEqual(cells.map((cell) => cell.document.getText()), ['print("hello from OBS")']);
    assert.deepEqual(under().ui.errors, []);
  });

  it('an object above modelarts.obs.maxOpenSizeMB is refused with a message that offers Download, which downloads it', async () => {
    const settings = vscode.workspace.getConfiguration('modelarts');
    await settings.update('obs.maxOpenSizeMB', 1, vscode.ConfigurationTarget.Global);
    const local = mkdtempSync(path.join(tmpdir(), 'obs-open-'));
    try {
      const bucket = store().bucket(BUCKET);
      assert.ok(bucket);
      const data = Buffer.alloc(1.5 * 1024 * 1024, 7);
      store().putObject(bucket, 'datasets/weights.bin', data, 'application/octet-stream');
      const big = await objectPath(BUCKET, 'datasets', 'weights.bin');

      under().ui.answer(undefined);
      await click(big);
      assert.deepEqual(under().ui.shown.at(-1), {
        kind: 'warning',
        message: `obs://${BUCKET}/datasets/weights.bin is 1.5 MB: objects larger than 1 MB open only by downloading them (setting modelarts.obs.maxOpenSizeMB).`,
        detail: undefined,
      });
      assert.ok(!openTabUris().includes(`obs://${BUCKET}/datasets/weights.bin`), 'no editor opened it');

      under().ui.answer('Download…');
      under().ui.answerOpenDialog([vscode.Uri.file(local)]);
      await click(big);
      await until(() => under().ui.shown.some((entry) => entry.message.startsWith('Downloaded')), Boolean, 'the download to finish');
      assert.ok(readFileSync(path.join(local, 'weights.bin')).equals(data), 'the object is downloaded instead');
      assert.deepEqual(under().ui.errors, []);

      await settings.update('obs.maxOpenSizeMB', 2, vscode.ConfigurationTarget.Global);
      await click(big);
      assert.equal(activeTabUri(), `obs://${BUCKET}/datasets/weights.bin`, 'within a larger limit it opens');
    } finally {
      await settings.update('obs.maxOpenSizeMB', undefined, vscode.ConfigurationTarget.Global);
      rmSync(local, { recursive: true, force: true });
    }
  });

  it('where the open dialog browses obs://, the palette and the forms\' Browse… pick OBS paths in it', async () => {
    under().ui.browsableSchemes.add('obs');
    under().ui.answer(BUCKET);
    under().ui.answerOpenDialog([vscode.Uri.parse(`obs://${BUCKET}/datasets/flowers`)]);
    await vscode.commands.executeCommand('modelarts.obs.copyUri');
    assert.deepEqual(under().ui.errors, []);
    assert.equal(await vscode.env.clipboard.readText(), `obs://${BUCKET}/datasets/flowers/`, 'a folder chosen is a folder\'s URI');
    const [copy] = under().ui.openDialogs;
    assert.deepEqual([copy.defaultUri?.toString(), copy.canSelectFiles, copy.canSelectFolders, copy.canSelectMany], [`obs://${BUCKET}/`, true, true, false]);

    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.create', await under().category('Training Jobs'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      await talk.next('trainingJobForm');
      under().ui.answerOpenDialog([vscode.Uri.parse(`obs://${BUCKET}/code/train.py`)]);
      await panel.receive({ type: 'browseObs', field: 'bootFile', select: 'object', start: `obs://${BUCKET}/code/` });
      assert.deepEqual(await talk.next('obsBrowsed'), { type: 'obsBrowsed', field: 'bootFile', uri: `obs://${BUCKET}/code/train.py` });
      const boot = under().ui.openDialogs[1];
      assert.deepEqual([boot.defaultUri?.toString(), boot.canSelectFiles, boot.canSelectFolders], [`obs://${BUCKET}/code`, true, false], 'it starts in the code folder');

      under().ui.answerOpenDialog([vscode.Uri.parse(`obs://${BUCKET}/datasets`)]);
      await panel.receive({ type: 'browseObs', field: 'outputs.0', select: 'folder', start: `obs://${BUCKET}/` });
      assert.deepEqual(await talk.next('obsBrowsed'), { type: 'obsBrowsed', field: 'outputs.0', uri: `obs://${BUCKET}/datasets/` });

      under().ui.answerOpenDialog([vscode.Uri.file(tmpdir())]);
      await panel.receive({ type: 'browseObs', field: 'inputs.0', select: 'any', start: `obs://${BUCKET}/` });
      const refused = await talk.next('obsBrowsed');
      assert.equal(refused.uri, undefined, 'a local folder is no OBS path');
      assert.match(refused.error?.message ?? '', /Choose a place in OBS \(obs:\/\/…\), not file:\/\//);

      under().ui.answer(BUCKET);
      under().ui.answerOpenDialog(undefined);
      await panel.receive({ type: 'browseObs', field: 'inputs.0', select: 'any' });
      assert.deepEqual(await talk.next('obsBrowsed'), { type: 'obsBrowsed', field: 'inputs.0' }, 'a dismissed dialog is no error');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });
});
