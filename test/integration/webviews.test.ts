import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NotebookFormValues, TrainingJobFormValues } from '../../src/webviews/protocol';
import { conversation, ExtensionUnderTest, label, type Panel, REGION, until } from './harness';

describe('Webview panels against the emulator', () => {
  let under: ExtensionUnderTest;
  const explorer = () => under.explorer;
  const group = (name: 'Notebooks' | 'Training Jobs') => under.category(name);

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 300 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('Create Notebook: options from the API, invalid input caught, a failed create keeps the form, a good one appears in the tree', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.notebook.create', await group('Notebooks'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('notebookForm');
      assert.equal(form.scope.region, REGION);
      assert.ok(form.scope.workspaces.some((workspace) => workspace.id === '0'));
      const options = await talk.next('notebookOptions');
      assert.ok(options.flavors.some((flavor) => flavor.category === 'GPU'));
      assert.ok(options.images.length > 0);

      const values: NotebookFormValues = { ...form.values, name: 'bad name!', flavorId: options.flavors[0].id, imageId: options.images[0].id };
      under.emulator.requests.clear();
      await panel.receive({ type: 'submitNotebook', values });
      const invalid = await talk.next('submitFailed');
      assert.ok(invalid.fieldErrors.name, 'the name is flagged at its field');
      assert.equal(under.emulator.requests.count({ method: 'POST' }), 0, 'nothing is sent with invalid input');

      under.emulator.faults.add({ kind: 'status', status: 400, errorCode: 'ModelArts.0113', errorMsg: 'The notebook quota is used up.', method: 'POST', path: '/notebooks' });
      await panel.receive({ type: 'submitNotebook', values: { ...values, name: 'from-the-form' } });
      await talk.next('submitting');
      const failed = await talk.next('submitFailed');
      assert.equal(failed.error.errorCode, 'ModelArts.0113');
      assert.match(failed.error.requestId ?? '', /^[0-9a-f]{32}$/);
      assert.equal(talk.disposed, false, 'the form stays open with what was typed');

      await panel.receive({ type: 'submitNotebook', values: { ...values, name: 'from-the-form' } });
      await talk.next('submitting');
      const deadline = Date.now() + 10_000;
      while (!talk.disposed && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.ok(talk.disposed, 'the panel closes after creating');
      const names = (await explorer().getChildren(await group('Notebooks'))).map(label);
      assert.ok(names.includes('from-the-form'), `the new notebook is in the tree: ${names.join(', ')}`);
      assert.match(under.ui.shown.at(-1)?.message ?? '', /Created notebook "from-the-form"/);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('Create Notebook offers the region\'s key pairs: the one chosen is the notebook\'s SSH key, a frozen one is refused; OBS storage and no auto-stop are sent in the SDK\'s terms', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.notebook.create', await group('Notebooks'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('notebookForm');
      const options = await talk.next('notebookOptions');
      await panel.receive({ type: 'loadCompanionChoices', list: 'keyPairs', vpcId: '' });
      const { choices } = await talk.next('companionChoices', (message) => message.list === 'keyPairs');
      assert.deepEqual(
        choices.map((choice) => [choice.name, choice.detail, choice.unusable]),
        [
          ['KeyPair-demo', 'ssh · personal', undefined],
          ['KeyPair-ops', 'ssh · account-wide', undefined],
          ['KeyPair-ci-runner', 'ssh · personal', undefined],
          ['KeyPair-old-laptop', 'ssh · personal · frozen', 'frozen'],
        ],
      );

      const values: NotebookFormValues = { ...form.values, name: 'nb-with-ssh', flavorId: options.flavors[0].id, imageId: options.images[0].id, keyPairName: 'KeyPair-old-laptop' };
      under.emulator.requests.clear();
      await panel.receive({ type: 'submitNotebook', values });
      assert.deepEqual((await talk.next('submitFailed')).fieldErrors, { keyPairName: 'KeyPair-old-laptop is frozen: choose another key pair.' });
      assert.equal(under.emulator.requests.count({ method: 'POST' }), 0, 'nothing is sent with a frozen key pair');

      await panel.receive({ type: 'submitNotebook', values: { ...values, keyPairName: 'KeyPair-ops', storage: 'OBS', obsPath: 'obs://modelarts-demo-outputs/nb/', autoStopHours: 0 } });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating');
      const body = JSON.parse(under.emulator.requests.list({ method: 'POST', path: /\/notebooks$/ }).at(-1)?.body ?? '{}');
      assert.deepEqual(body.endpoints, [{ service: 'SSH', key_pair_names: ['KeyPair-ops'] }]);
      assert.deepEqual(body.volume, { category: 'OBSFS', ownership: 'DEDICATED', uri: 'obs://modelarts-demo-outputs/nb/' });
      assert.deepEqual([body.duration, body.lease], [-1, undefined], 'never stops: without a duration the service stops it after an hour');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('Create Training Job: Browse SWR picks a repository and a tag in the quick pick and fills the image; dismissing it changes nothing', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.create', await group('Training Jobs'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('trainingJobForm');
      const options = await talk.next('trainingJobOptions');
      let tags: string[] = [];
      under.ui.answer('nlp-research/qwen2-7b-sft', (items) => {
        tags = items.map((item) => item.label);
        return items[0];
      });
      await panel.receive({ type: 'browseSwrImage' });
      const browsed = await talk.next('swrImageBrowsed');
      assert.deepEqual(under.ui.errors, []);
      assert.deepEqual(tags, ['0.2.0', '0.1.0'], 'the repository\'s tags, newest first');
      assert.deepEqual(browsed, { type: 'swrImageBrowsed', path: 'swr.cn-north-4.myhuaweicloud.com/nlp-research/qwen2-7b-sft:0.2.0' });

      under.ui.answer(undefined);
      await panel.receive({ type: 'browseSwrImage' });
      assert.deepEqual(await talk.next('swrImageBrowsed'), { type: 'swrImageBrowsed' }, 'a dismissed pick is no error');

      const values: TrainingJobFormValues = { ...form.values, name: 'job-from-swr', source: 'image', imageUrl: browsed.path ?? '', command: 'python train.py', flavorId: options.flavors[0].id };
      await panel.receive({ type: 'submitTrainingJob', values });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating');
      const body = JSON.parse(under.emulator.requests.list({ method: 'POST', path: '/training-jobs' }).at(-1)?.body ?? '{}');
      assert.equal(body.algorithm.engine.image_url, 'swr.cn-north-4.myhuaweicloud.com/nlp-research/qwen2-7b-sft:0.2.0');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('rejects malformed and unknown messages without acting on them', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.notebook.create', await group('Notebooks'))) as Panel;
    const talk = conversation(panel);
    try {
      under.emulator.requests.clear();
      await panel.receive({ type: 'submitNotebook', values: { name: 'x' } });
      await panel.receive({ type: 'deleteEverything' });
      await panel.receive('not even an object');
      await panel.receive({ type: 'submitNotebook', values: { name: 'x', injected: true } });
      assert.equal(under.emulator.requests.count({ method: 'POST' }), 0);
      assert.equal(talk.messages.filter((message) => message.type === 'submitting').length, 0);
      assert.equal(talk.disposed, false);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('Create Similar opens the training job form filled from the job; the job is created as edited', async () => {
    const jobs = await explorer().getChildren(await group('Training Jobs'));
    const source = jobs.find((node) => /^trainingJob\b/.test(String(node.getTreeItem().contextValue)));
    assert.ok(source);
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.createSimilar', source)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('trainingJobForm');
      assert.equal(form.values.name, `${label(source)}-copy`);
      assert.ok(form.values.flavorId, 'the flavor is carried over');
      const options = await talk.next('trainingJobOptions');
      const values: TrainingJobFormValues = {
        ...form.values,
        name: 'similar-job',
        source: 'image',
        imageUrl: 'swr.cn-north-4.myhuaweicloud.com/team/train:2.1',
        command: 'python train.py --epochs 3',
        flavorId: options.flavors[0].id,
        hyperparameters: [{ name: 'lr', value: '0.001' }],
        environment: [{ name: 'SEED', value: '7' }],
        inputs: [{ name: 'data_url', value: 'obs://team-data/mnist/' }],
        outputs: [{ name: 'train_url', value: 'obs://team-data/out/' }],
      };
      await panel.receive({ type: 'submitTrainingJob', values });
      await talk.next('submitting');
      const deadline = Date.now() + 10_000;
      while (!talk.disposed && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.ok(talk.disposed);
      const created = under.emulator.requests.list({ method: 'POST', path: '/training-jobs' }).at(-1);
      const body = JSON.parse(created?.body ?? '{}');
      assert.equal(body.metadata.name, 'similar-job');
      assert.deepEqual(body.algorithm.parameters, [{ name: 'lr', value: '0.001' }]);
      assert.deepEqual(body.algorithm.environments, { SEED: '7' });
      assert.equal(body.algorithm.inputs[0].remote.obs.obs_url, '/team-data/mnist/');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('Notebook details refresh themselves while the notebook changes state, with its progress steps', async () => {
    const notebooks = await explorer().getChildren(await group('Notebooks'));
    const running = notebooks.find((node) => String(node.getTreeItem().description).startsWith('Running'));
    assert.ok(running, 'a running notebook is listed');
    const panel = (await vscode.commands.executeCommand('modelarts.notebook.showDetails', running)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const first = await talk.next('details');
      assert.equal(first.view.statusCategory, 'running');
      assert.ok(first.view.actions.includes('openJupyter') && first.view.actions.includes('stop'));
      assert.equal(first.view.live, false);

      under.ui.answer('Stop');
      await panel.receive({ type: 'runAction', action: 'stop' });
      const stopping = await talk.next('details', (message) => message.view.status === 'Stopping');
      assert.equal(stopping.view.live, true, 'a changing notebook is refreshed');
      const stopped = await talk.next('details', (message) => message.view.status === 'Stopped');
      assert.equal(stopped.view.live, false);
      assert.ok(stopped.view.actions.includes('start') && !stopped.view.actions.includes('stop'));

      await panel.receive({ type: 'runAction', action: 'start' });
      const starting = await talk.next('details', (message) => message.view.status === 'Starting');
      assert.ok(starting.view.steps.some((step) => step.state === 'active'), 'the start shows its progress steps');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('Details: fields, steps and log tail; its Stop button runs the Stop command on that job', async () => {
    const jobs = await explorer().getChildren(await group('Training Jobs'));
    // A running job: it can be stopped, and it has written a log.
    const running = jobs.find((node) => String(node.getTreeItem().description).startsWith('Running'));
    assert.ok(running, 'a running job is listed');
    const id = running.id.split('/').pop() as string;
    // Seeded jobs finish on their own schedule; this one keeps running until stopped.
    under.emulator.state.setTrainingJobPhase(id, 'Running');
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.showDetails', running)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      let details = await talk.next('details');
      assert.equal(details.view.name, label(running));
      assert.ok(details.view.fields.some((field) => field.label === 'ID' && field.value === id));
      assert.ok(details.view.steps.length > 0);
      assert.ok(details.view.actions.includes('stop'));
      details = await talk.next('details', (message) => message.view.log !== undefined);
      assert.ok((details.view.log?.text.length ?? 0) > 0, 'the log tail arrives with the refresh');

      under.ui.answer('Stop');
      await panel.receive({ type: 'runAction', action: 'stop' });
      assert.deepEqual(under.ui.errors, []);
      assert.ok(['Terminating', 'Terminated'].includes(under.emulator.state.trainingJobPhase(id) ?? ''));
      details = await talk.next('details', (message) => ['Terminating', 'Terminated'].includes(message.view.status));
      assert.ok(!details.view.actions.includes('stop'), 'a stopping job offers no Stop');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });
});
