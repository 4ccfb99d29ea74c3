import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { notebookMismatches, trainingJobMismatches } from '../../src/webviews/compatibilityRules';
import type { NotebookFormValues, TrainingJobFormValues } from '../../src/webviews/protocol';
import { conversation, label, type Node, type Panel, REGION, signedInSuite, until } from './harness';

describe('Forms that flag an image unfit for the flavor, and palette commands that start where the explorer is', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const warnings = () => under().ui.shown.filter((entry) => entry.kind === 'warning');
  const creates = (path: string) => under().emulator.requests.list({ method: 'POST', path }).filter((request) => request.path.endsWith(path));

  async function open(command: string, category: string): Promise<{ panel: Panel; talk: ReturnType<typeof conversation> }> {
    const panel = (await vscode.commands.executeCommand(command, await under().category(category))) as Panel;
    const talk = conversation(panel);
    await panel.receive({ type: 'ready' });
    return { panel, talk };
  }

  /** Selects a node in the explorer, as a click does, and waits for the extension to see it. */
  async function select(node: Node): Promise<void> {
    const { treeView } = under().api.context;
    await treeView.reveal(node as never, { select: true, focus: false });
    await until(() => treeView.selection[0] as unknown, (selected) => selected === node, `"${label(node)}" to be selected`);
  }

  it('Create Training Job flags a CUDA engine on an Ascend flavor at the engine, asks before sending it, and keeps the form when declined', async () => {
    const { panel, talk } = await open('modelarts.trainingJob.create', 'Training Jobs');
    try {
      const form = await talk.next('trainingJobForm');
      const options = await talk.next('trainingJobOptions');
      const ascend = options.flavors.find((flavor) => flavor.category === 'Ascend');
      const cpu = options.flavors.find((flavor) => flavor.category === 'CPU');
      const cuda = options.engines.find((engine) => engine.version.includes('cuda'));
      const cann = options.engines.find((engine) => engine.version.includes('cann'));
      const silent = options.engines.find((engine) => engine.id === 'pytorch-cp36-1.4.0-v2');
      assert.ok(ascend && cpu && cuda && cann && silent, 'the demo has an Ascend flavor, CUDA and CANN engines, and one that says neither');
      assert.deepEqual([ascend.arch, cuda.arch, cuda.accelerators, cann.arch, cann.accelerators], ['arm', 'x86', ['CPU', 'GPU'], 'arm', ['ASCEND']], 'what the listings say');

      const values: TrainingJobFormValues = {
        ...form.values,
        name: 'cuda-on-ascend',
        engineId: cuda.id,
        codeDir: 'obs://modelarts-demo-data/code/',
        bootFile: 'obs://modelarts-demo-data/code/train.py',
        flavorId: ascend.id,
      };
      const warning = trainingJobMismatches(values, options).engineId;
      assert.match(warning ?? '', /^This engine is built for CPU or GPU \(CUDA\), and the flavor is Ascend NPU; it is built for x86, and the flavor is Arm\./);
      assert.deepEqual(trainingJobMismatches({ ...values, engineId: cann.id }, options), {}, 'a CANN engine suits the Ascend flavor');
      assert.deepEqual(trainingJobMismatches({ ...values, flavorId: cpu.id }, options), {}, 'a CUDA engine runs on an x86 CPU flavor');
      assert.deepEqual(trainingJobMismatches({ ...values, engineId: silent.id }, options), {}, 'an engine whose listing says nothing is not flagged');
      assert.match(trainingJobMismatches({ ...values, source: 'image', imageUrl: 'swr.cn-north-4.myhuaweicloud.com/team/train-cuda11.8:1.0' }, options).imageUrl ?? '', /GPU \(CUDA\)/);

      under().ui.answer(undefined);
      await panel.receive({ type: 'submitTrainingJob', values });
      await talk.next('submitCancelled');
      assert.equal(warnings().length, 1);
      assert.equal(warnings()[0].message, 'Create training job "cuda-on-ascend" with an engine or image that does not suit its flavor?');
      assert.equal(warnings()[0].detail, warning);
      assert.deepEqual(creates('/training-jobs'), [], 'declining sends nothing');
      assert.ok(!talk.disposed, 'the form stays open as it was');

      await panel.receive({ type: 'submitTrainingJob', values: { ...values, engineId: cann.id, name: 'cann-on-ascend' } });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating a matching pair');
      assert.equal(warnings().length, 1, 'a matching pair asks nothing');
      assert.equal(JSON.parse(creates('/training-jobs').at(-1)?.body ?? '{}').algorithm.engine.engine_id, cann.id);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('Create Notebook flags an x86 image on an Arm flavor at the image; Create Anyway sends it', async () => {
    const { panel, talk } = await open('modelarts.notebook.create', 'Notebooks');
    try {
      const form = await talk.next('notebookForm');
      const options = await talk.next('notebookOptions');
      const arm = options.flavors.find((flavor) => flavor.category === 'CPU' && flavor.arch === 'arm');
      const x86Image = options.images.find((image) => image.name.startsWith('conda3-ubuntu'));
      const armImage = options.images.find((image) => image.name.startsWith('conda3-euler'));
      assert.ok(arm && x86Image && armImage, 'the demo has an Arm CPU flavor and CPU images of both architectures');
      assert.deepEqual([x86Image.arch, armImage.arch], ['x86', 'arm']);

      const values: NotebookFormValues = { ...form.values, name: 'x86-on-arm', flavorId: arm.id, imageId: x86Image.id };
      const warning = notebookMismatches(values, options).imageId;
      assert.equal(warning, 'This image is built for x86, and the flavor is Arm. It will likely fail to start: choose another image or flavor.');
      assert.deepEqual(notebookMismatches({ ...values, imageId: armImage.id }, options), {}, 'a matching pair is not flagged');

      under().ui.answer('Create Anyway');
      await panel.receive({ type: 'submitNotebook', values });
      await until(() => talk.disposed, Boolean, 'the panel to close once the user insists');
      assert.deepEqual(warnings().map((entry) => [entry.message, entry.detail]), [['Create notebook "x86-on-arm" with an image that does not suit its flavor?', warning]]);
      assert.equal(JSON.parse(creates('/notebooks').at(-1)?.body ?? '{}').image_id, x86Image.id);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('the boot file\'s Browse… starts in the code folder', async () => {
    const { panel, talk } = await open('modelarts.trainingJob.create', 'Training Jobs');
    try {
      let offered: string[] = [];
      under().ui.answer((items) => {
        offered = items.map((item) => item.label);
        return items.find((item) => item.label === 'train.py');
      });
      await panel.receive({ type: 'browseObs', field: 'bootFile', select: 'object', start: 'obs://modelarts-demo-data/code/' });
      assert.deepEqual(await talk.next('obsBrowsed'), { type: 'obsBrowsed', field: 'bootFile', uri: 'obs://modelarts-demo-data/code/train.py' });
      assert.deepEqual(offered, ['..', 'utils/', 'requirements.txt', 'train.py'], 'the first list is the code folder, not the buckets');
      assert.deepEqual(under().ui.errors, []);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('from the palette, Create and Stop start in the workspace selected in the explorer and ask no region or workspace', async () => {
    const region = await under().child(undefined, REGION);
    const workspace = await under().child(region, 'nlp-research');
    await select(workspace);

    const panel = (await vscode.commands.executeCommand('modelarts.notebook.create')) as Panel | undefined;
    assert.deepEqual(under().ui.errors, [], 'no question was asked');
    assert.ok(panel, 'the form opened');
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('notebookForm');
      const nlp = form.scope.workspaces.find((candidate) => candidate.name === 'nlp-research');
      assert.equal(form.scope.region, REGION);
      assert.equal(form.values.workspaceId, nlp?.id, 'the form starts in the selected workspace');
    } finally {
      talk.dispose();
      panel.dispose();
    }

    let offered: string[] = [];
    under().ui.answer((items) => {
      offered = items.map((item) => item.label);
      return items.find((item) => item.label === 'bert-finetune-zh');
    }, 'Stop');
    await vscode.commands.executeCommand('modelarts.notebook.stop');
    assert.deepEqual(under().ui.errors, []);
    assert.ok(offered.includes('bert-finetune-zh') && !offered.includes('resnet50-imagenet'), `the running notebooks of nlp-research only: ${offered.join(', ')}`);
    assert.equal(under().emulator.requests.list({ method: 'POST' }).filter((request) => request.path.endsWith('/stop')).length, 1);

    // With only the region selected, the workspace is asked, the one last worked in first.
    await select(region);
    let workspaces: vscode.QuickPickItem[] = [];
    under().ui.answer((items) => {
      workspaces = [...items];
      return items[0];
    }, undefined);
    await vscode.commands.executeCommand('modelarts.notebook.start');
    assert.deepEqual(under().ui.errors, [], 'dismissing the notebook pick is no error');
    assert.deepEqual(
      workspaces.map((item) => [item.label, item.description?.endsWith('last used') ?? false]),
      [
        ['nlp-research', true],
        ['default', false],
        ['cv-team', false],
      ],
    );
  });

  it('from the palette, a command that asks a region starts in the region selected in the explorer, not the last used', async () => {
    const settings = vscode.workspace.getConfiguration('modelarts');
    const roots = async () => (await under().explorer.getChildren()).map(label).join();
    await settings.update('regions', [REGION, 'cn-east-3'], vscode.ConfigurationTarget.Global);
    try {
      await until(roots, (names) => names === `${REGION},cn-east-3`, 'two regions to be listed');
      // The previous test worked in REGION, so a region question would offer it first.
      await select(await under().child(await under().child(undefined, 'cn-east-3'), 'default'));
      let repositories: string[] = [];
      under().ui.answer((items) => {
        repositories = items.map((item) => item.label);
        return items.find((item) => item.label === 'shanghai-prod/ctr-serving');
      }, '1.4.2');
      await vscode.commands.executeCommand('modelarts.swr.copyImagePath');
      assert.deepEqual(under().ui.errors, []);
      assert.deepEqual(
        under().ui.quickPicks.map((options) => options.title),
        ['Select a SWR repository', 'Select a tag of shanghai-prod/ctr-serving'],
        'no region is asked',
      );
      assert.deepEqual([...repositories].sort(), ['shanghai-prod/ctr-serving', 'shanghai-prod/drift-monitor'], "the selected region's repositories");
      assert.equal(await vscode.env.clipboard.readText(), 'swr.cn-east-3.myhuaweicloud.com/shanghai-prod/ctr-serving:1.4.2');
    } finally {
      await settings.update('regions', undefined, vscode.ConfigurationTarget.Global);
      await until(roots, (names) => names === REGION, 'the signed-in region alone again');
    }
  });
});
