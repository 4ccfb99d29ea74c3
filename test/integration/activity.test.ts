import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityEntry } from '../../src/activity/activityLog';
import { type Node, signedInSuite, until } from './harness';

describe('The ModelArts Activity view, against the OBS stand-in', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const bucketName = 'modelarts-demo-outputs';
  const bucket = async (...names: string[]): Promise<Node> => {
    let node = await under().regionCategory('OBS Buckets');
    for (const name of [bucketName, ...names]) node = await under().child(node, name);
    return node;
  };
  const objects = () => under().emulator.obs.store.bucket(bucketName)?.objects ?? new Map();
  /** The view's rows, as the tree provider hands them to VS Code. */
  const rows = () => under().api.activityTree.getChildren();
  const row = (entry: ActivityEntry) => under().api.activityTree.getTreeItem(entry);
  const uploading = `Uploading to obs://${bucketName}/`;
  let scratch: string;
  let local: string;

  beforeEach(() => {
    under().api.context.explorer.reload();
    under().api.context.activity.clear();
    scratch = mkdtempSync(path.join(tmpdir(), 'activity-vscode-'));
    local = path.join(scratch, 'weights.bin');
    writeFileSync(local, Buffer.alloc(300_000, 7));
    objects().delete('weights.bin');
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  /** Starts uploading the local file into the bucket, slowed so that it is seen running; answers the command's end. */
  async function startSlowUpload(): Promise<{ readonly done: Thenable<unknown>; readonly running: ActivityEntry }> {
    under().emulator.obs.faults.add({ kind: 'slow', method: 'PUT', path: `/${bucketName}/weights.bin`, bytesPerSecond: 100_000, times: Infinity });
    under().ui.answerOpenDialog([vscode.Uri.file(local)]);
    const done = vscode.commands.executeCommand('modelarts.obs.uploadFiles', await bucket());
    const [running] = await until(rows, (entries) => entries.some((entry) => entry.state === 'running'), 'the upload running in the Activity view');
    return { done, running };
  }

  it('shows an upload running with its progress, then succeeded with its duration and report', async () => {
    const { done, running } = await startSlowUpload();
    assert.equal(row(running).label, uploading);
    assert.equal(row(running).contextValue, 'activity.running', 'Cancel is offered while it runs');
    await until(() => row(under().api.context.activity.find(running.id) ?? running).description, (text) => /^0 of 1 files · /.test(String(text)), 'the progress message in the row');
    await done;

    assert.deepEqual(under().ui.errors, []);
    const entries = rows();
    assert.equal(entries.length, 1, `one entry, the upload, not the check before it: ${entries.map((entry) => entry.label).join(', ')}`);
    const item = row(entries[0]);
    assert.equal(entries[0].state, 'succeeded');
    assert.match(String(item.description), /^Succeeded in \d+s$/);
    assert.ok((entries[0].endedAt ?? 0) >= entries[0].startedAt);
    assert.equal(item.contextValue, 'activity.report', 'Show Report is offered once done');

    await vscode.commands.executeCommand('modelarts.activity.showReport', entries[0]);
    const report = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(report, /^Transferred \(1\)\n {2}weights\.bin\n/);
  });

  it('Cancel in the view cancels the upload, as the notification\'s Cancel does', async () => {
    const { done, running } = await startSlowUpload();
    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.activity.cancel', running);
    await done;

    const [entry] = rows();
    assert.equal(entry.state, 'cancelled');
    assert.match(String(row(entry).description), /^Cancelled after \d+s$/);
    assert.match(under().ui.shown.at(-1)?.message ?? '', /^Cancelled: 0 of 1 files uploaded/);
    assert.equal(objects().has('weights.bin'), false, 'nothing was stored');
  });

  it('keeps its entries across a reload, an operation cut short by it shown as interrupted', async () => {
    under().ui.answerOpenDialog([vscode.Uri.file(local)]);
    await vscode.commands.executeCommand('modelarts.obs.uploadFiles', await bucket());
    under().ui.answer('Replace', undefined);
    const { done, running } = await startSlowUpload();

    const reopened = under().api.context.activity.reopened();
    const restored = reopened.all;
    assert.deepEqual(restored.map((entry) => [entry.label, entry.state]), [
      [uploading, 'interrupted'],
      [uploading, 'succeeded'],
    ]);
    assert.equal(restored[0].id, running.id);
    assert.equal(row(restored[0]).description, 'Interrupted: the window was closed or reloaded');
    assert.equal(row(restored[0]).contextValue, 'activity.done', 'no Cancel on an operation of a window that is gone');
    assert.match(restored[1].report?.text ?? '', /^Transferred \(1\)/, 'the report is kept too');
    reopened.dispose();

    await vscode.commands.executeCommand('modelarts.activity.cancel', running);
    await done;
  });

  it('lists a delete as one entry, without the listing that prepared its question, ', async () => {
    const outputs = under().emulator.obs.store.bucket(bucketName);
    assert.ok(outputs);
    under().emulator.obs.store.putObject(outputs, 'scratch/a.txt', Buffer.from('a'), 'text/plain');
    under().emulator.obs.store.putObject(outputs, 'scratch/b.txt', Buffer.from('b'), 'text/plain');
    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.obs.delete', await bucket('scratch'));
    assert.deepEqual(rows(), [], 'declined: the listing that prepared the question is not an operation of its own');

    under().ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.obs.delete', await bucket('scratch'));
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(
      rows().map((entry) => [row(entry).label, entry.state, entry.message]),
      [[`Deleting obs://${bucketName}/scratch/`, 'succeeded', '2 of 2 objects']],
    );
    assert.equal(row(rows()[0]).contextValue, 'activity.done', 'Show Log is offered once done');
  });

  it('keeps only the last modelarts.activity.keep finished operations', async () => {
    const settings = vscode.workspace.getConfiguration('modelarts');
    await settings.update('activity.keep', 1, vscode.ConfigurationTarget.Global);
    try {
      under().ui.answerOpenDialog([vscode.Uri.file(local)], [vscode.Uri.file(local)]);
      await vscode.commands.executeCommand('modelarts.obs.uploadFiles', await bucket());
      under().ui.answer('Replace');
      await vscode.commands.executeCommand('modelarts.obs.uploadFiles', await bucket());
      assert.equal(rows().length, 1);
      assert.equal(under().api.context.activity.reopened().all.length, 1);
    } finally {
      await settings.update('activity.keep', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
