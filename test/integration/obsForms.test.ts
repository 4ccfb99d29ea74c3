import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TrainingJobFormValues } from '../../src/webviews/protocol';
import { conversation, type Panel, signedInSuite, until } from './harness';

describe('Browse buttons of the forms\' OBS fields, against the OBS stand-in', () => {
  const under = signedInSuite({ transitionMs: 300 });
  /** Answers a quick pick with the item so labelled, remembering the labels offered. */
  const choose = (offered: string[][], wanted: string) => (items: readonly vscode.QuickPickItem[]) => {
    offered.push(items.map((item) => item.label));
    return items.find((item) => item.label === wanted);
  };

  it('Create Training Job: code folder, boot file, inputs and outputs are picked from the bucket tree', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.create', await under().category('Training Jobs'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('trainingJobForm');
      const options = await talk.next('trainingJobOptions');
      const offered: string[][] = [];
      under().ui.answer(choose(offered, 'modelarts-demo-data'), choose(offered, 'code/'), choose(offered, 'Use this folder'));
      await panel.receive({ type: 'browseObs', field: 'codeDir', select: 'folder' });
      assert.deepEqual(await talk.next('obsBrowsed'), { type: 'obsBrowsed', field: 'codeDir', uri: 'obs://modelarts-demo-data/code/' });
      assert.deepEqual(offered[2], ['Use this folder', '..', 'utils/'], 'a folder pick lists folders only');

      under().ui.answer(choose(offered, 'modelarts-demo-data'), choose(offered, 'code/'), choose(offered, 'train.py'));
      await panel.receive({ type: 'browseObs', field: 'bootFile', select: 'object' });
      assert.deepEqual(await talk.next('obsBrowsed'), { type: 'obsBrowsed', field: 'bootFile', uri: 'obs://modelarts-demo-data/code/train.py' });
      assert.deepEqual(offered[5], ['..', 'utils/', 'requirements.txt', 'train.py'], 'an object pick has no "Use this folder"');

      under().ui.answer(choose(offered, 'modelarts-demo-data'), choose(offered, 'datasets/'), choose(offered, 'flowers/'), choose(offered, 'Use this folder'));
      await panel.receive({ type: 'browseObs', field: 'inputs.0', select: 'any' });
      assert.deepEqual(await talk.next('obsBrowsed'), { type: 'obsBrowsed', field: 'inputs.0', uri: 'obs://modelarts-demo-data/datasets/flowers/' });

      under().ui.answer(undefined);
      await panel.receive({ type: 'browseObs', field: 'outputs.0', select: 'folder' });
      assert.deepEqual(await talk.next('obsBrowsed'), { type: 'obsBrowsed', field: 'outputs.0' }, 'a dismissed pick is no error');
      assert.deepEqual(under().ui.errors, []);

      const values: TrainingJobFormValues = {
        ...form.values,
        name: 'job-from-obs',
        source: 'engine',
        engineId: options.engines[0].id,
        codeDir: 'obs://modelarts-demo-data/code/',
        bootFile: 'obs://modelarts-demo-data/code/train.py',
        flavorId: options.flavors[0].id,
        inputs: [{ name: 'data_url', value: 'obs://modelarts-demo-data/datasets/flowers/' }],
        outputs: [{ name: 'train_url', value: 'obs://modelarts-demo-outputs/training/' }],
      };
      await panel.receive({ type: 'submitTrainingJob', values });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating');
      const body = JSON.parse(under().emulator.requests.list({ method: 'POST', path: '/training-jobs' }).at(-1)?.body ?? '{}');
      assert.equal(body.algorithm.code_dir, '/modelarts-demo-data/code/');
      assert.equal(body.algorithm.inputs[0].remote.obs.obs_url, '/modelarts-demo-data/datasets/flowers/');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('Create Notebook: the OBS storage folder is picked from the bucket tree; a failed listing says why', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.notebook.create', await under().category('Notebooks'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      await talk.next('notebookForm');
      const offered: string[][] = [];
      under().ui.answer(choose(offered, 'modelarts-demo-outputs'), choose(offered, 'Use this folder'));
      await panel.receive({ type: 'browseObs', field: 'obsPath', select: 'folder' });
      assert.deepEqual(await talk.next('obsBrowsed'), { type: 'obsBrowsed', field: 'obsPath', uri: 'obs://modelarts-demo-outputs/' });
      assert.deepEqual(offered[0], ['modelarts-demo-data', 'modelarts-demo-outputs'], 'the region\'s buckets');

      under().emulator.obs.faults.add({ kind: 'status', status: 403, code: 'AccessDenied', message: 'Access Denied', method: 'GET', path: '/' });
      await panel.receive({ type: 'browseObs', field: 'obsPath', select: 'folder' });
      const failed = await talk.next('obsBrowsed');
      assert.deepEqual([failed.field, failed.uri, failed.error?.errorCode], ['obsPath', undefined, 'AccessDenied']);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });
});
