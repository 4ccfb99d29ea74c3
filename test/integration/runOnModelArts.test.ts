import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { trainingJobMismatches } from '../../src/webviews/compatibilityRules';
import type { HostMessage, TrainingJobFormValues } from '../../src/webviews/protocol';
import { conversation, label, type Panel, signedInSuite, until } from './harness';

const BUCKET = 'modelarts-demo-data';

/** A folder of training code: what .gitignore (also a nested one) and .modelartsignore leave out never goes up. */
function fixtureFolder(name: string): string {
  const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'modelarts-run-')), name);
  const files: Record<string, string> = {
    'train.py': 'import model.net\nprint("step 1 loss=0.5")\n',
    'model/net.py': 'LAYERS = 3\n',
    'README.md': '# training\n',
    '.gitignore': 'data/\n',
    '.modelartsignore': '*.log\n',
    'data/big.bin': 'x'.repeat(4096),
    'debug.log': 'noise\n',
    'notes/.gitignore': 'draft.py\n',
    'notes/draft.py': 'print("not for the cloud")\n',
  };
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), content);
  }
  return folder;
}

describe('Run on ModelArts: a local folder synced to OBS, then run as a training job', () => {
  // Slow enough that a job started here is still running (and watched) when a test looks at it.
  const under = signedInSuite({ transitionMs: 5000 });
  let settingsFile: string;

  /** The run settings file as the user sees it (Edit Run Settings opens it). */
  const settings = (): { codeTargets: Record<string, unknown>; folders: Record<string, { region: string; job: TrainingJobFormValues }> } =>
    JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  const uploadedKeys = (): string[] =>
    under()
      .emulator.obs.requests.list({ method: 'PUT' })
      .map((request) => decodeURIComponent(request.path.slice(`/${BUCKET}/`.length)));
  const creates = () => under().emulator.requests.list({ method: 'POST', path: '/training-jobs' });
  const storedKeys = (prefix: string): string[] => [...(under().emulator.obs.store.bucket(BUCKET)?.objects.keys() ?? [])].filter((key) => key.startsWith(prefix)).sort();

  before(async () => {
    const editor = (await vscode.commands.executeCommand('modelarts.editRunSettings')) as vscode.TextEditor;
    settingsFile = editor.document.uri.fsPath;
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
  beforeEach(() => fs.writeFileSync(settingsFile, '{}\n'));

  /** Opens the run form of `target`, answering the questions first, and gives its pre-filled values and a pair that suits each other. */
  async function openForm(target: vscode.Uri | undefined, ...answers: string[]) {
    under().ui.answer(...answers);
    const panel = (await vscode.commands.executeCommand('modelarts.runOnModelArts', target)) as Panel;
    const talk = conversation(panel);
    await panel.receive({ type: 'ready' });
    const form = await talk.next('trainingJobForm');
    const options = await talk.next('trainingJobOptions');
    const flavor = options.flavors.find((choice) => choice.category === 'CPU' && choice.arch === 'x86') ?? options.flavors[0];
    const engine = options.engines.find((choice) => Object.keys(trainingJobMismatches({ ...form.values, flavorId: flavor.id, engineId: choice.id }, options)).length === 0);
    assert.ok(engine, 'an engine suits the flavor');
    const values: TrainingJobFormValues = { ...form.values, engineId: engine.id, flavorId: flavor.id };
    return { panel, talk, form: form.values, values };
  }

  it('the first run asks the bucket once, pre-fills the form, uploads what is not ignored, then creates, watches, reveals and follows the job', async () => {
    const folder = fixtureFolder('mnist');
    const { panel, talk, form, values } = await openForm(vscode.Uri.file(folder), BUCKET, 'runs/');
    try {
      assert.equal(form.codeDir, `obs://${BUCKET}/runs/mnist/`);
      assert.equal(form.bootFile, `obs://${BUCKET}/runs/mnist/train.py`);
      assert.equal(form.name, 'mnist-1');
      assert.deepEqual(settings().codeTargets, { 'cn-north-4': { bucket: BUCKET, prefix: 'runs/' } }, 'the bucket and prefix are remembered');
      await panel.receive({ type: 'submitTrainingJob', values: { ...values, hyperparameters: [{ name: 'epochs', value: '3' }] } });
      await until(() => talk.disposed, Boolean, 'the panel to close after the run starts');
    } finally {
      talk.dispose();
      panel.dispose();
    }
    const stored = storedKeys('runs/mnist/');
    for (const key of ['README.md', 'model/net.py', 'train.py']) {
      assert.ok(stored.includes(`runs/mnist/${key}`), `${key} went up`);
    }
    for (const key of ['data/big.bin', 'debug.log', 'notes/draft.py']) {
      assert.ok(!stored.includes(`runs/mnist/${key}`), `${key} is ignored`);
    }
    const body = JSON.parse(creates().at(-1)?.body ?? '{}');
    assert.equal(body.algorithm.code_dir, `/${BUCKET}/runs/mnist/`);
    assert.equal(body.algorithm.boot_file, `/${BUCKET}/runs/mnist/train.py`);
    const watched = under().api.context.jobWatch.list().find((job) => job.name === 'mnist-1');
    assert.equal(watched?.runFolder, folder, 'the job is watched with its folder');
    await until(() => vscode.window.activeTextEditor?.document.uri.path ?? '', (opened) => opened.endsWith('/mnist-1-worker-0.log'), "the new job's log to open");
    assert.deepEqual(settings().folders[folder].job.hyperparameters, [{ name: 'epochs', value: '3' }], 'the settings are remembered for the folder');

    // Run Again on the job's node finds the folder it was run from; nothing changed, so nothing goes up.
    under().emulator.obs.requests.clear();
    const jobNode = (await under().explorer.getChildren(await under().category('Training Jobs'))).find((node) => label(node) === 'mnist-1');
    assert.ok(jobNode, 'the job is in the tree');
    await vscode.commands.executeCommand('modelarts.runAgain', jobNode);
    assert.deepEqual(uploadedKeys(), []);
    assert.equal(JSON.parse(creates().at(-1)?.body ?? '{}').metadata.name, 'mnist-2');
    assert.deepEqual(under().ui.errors, []);
  });

  it('Run Again uploads only the file changed and creates the next job with the remembered settings, no form', async () => {
    const folder = fixtureFolder('cifar');
    // From the palette, the file is asked for; one outside any workspace folder runs in its own folder.
    under().ui.answerOpenDialog([vscode.Uri.file(path.join(folder, 'model', 'net.py'))]);
    const first = await openForm(undefined, BUCKET, 'runs/');
    first.talk.dispose();
    first.panel.dispose();
    assert.deepEqual(under().ui.openDialogs[0].filters, { Python: ['py'] });
    assert.equal(first.form.bootFile, `obs://${BUCKET}/runs/model/net.py`);

    const again = await openForm(vscode.Uri.file(folder));
    try {
      await again.panel.receive({ type: 'submitTrainingJob', values: { ...again.values, environment: [{ name: 'MODE', value: 'fast' }, { name: 'HF_TOKEN', value: 'hf_secret_value' }] } });
      await until(() => again.talk.disposed, Boolean, 'the first run to start');
    } finally {
      again.talk.dispose();
    }
    assert.deepEqual(settings().folders[folder].job.environment, [{ name: 'MODE', value: 'fast' }, { name: 'HF_TOKEN', value: '' }], 'a secret is remembered by name only');
    // Without the secret's value, Run Again opens the form to type it.
    under().emulator.obs.requests.clear();
    const retype = (await vscode.commands.executeCommand('modelarts.runAgain', vscode.Uri.file(folder))) as Panel;
    assert.ok(retype, 'the form opens');
    retype.dispose();
    assert.deepEqual(uploadedKeys(), [], 'nothing goes up before the form is sent');

    // The user types the secret's value into the file, or drops the variable, as here.
    const saved = settings();
    saved.folders[folder] = { ...saved.folders[folder], job: { ...saved.folders[folder].job, environment: [{ name: 'MODE', value: 'fast' }] } };
    fs.writeFileSync(settingsFile, JSON.stringify(saved));
    fs.writeFileSync(path.join(folder, 'train.py'), 'print("step 1 loss=0.4")\n');
    const createsBefore = creates().length;
    await vscode.commands.executeCommand('modelarts.runAgain', vscode.Uri.file(folder));
    assert.deepEqual(uploadedKeys(), ['runs/cifar/train.py'], 'only the changed file goes up');
    assert.equal(creates().length, createsBefore + 1);
    const body = JSON.parse(creates().at(-1)?.body ?? '{}');
    assert.equal(body.metadata.name, 'cifar-2');
    assert.equal(body.algorithm.code_dir, `/${BUCKET}/runs/cifar/`);
    assert.deepEqual(body.algorithm.environments, { MODE: 'fast' });
    await until(() => vscode.window.activeTextEditor?.document.uri.path ?? '', (opened) => opened.endsWith('/cifar-2-worker-0.log'), "the next job's log to open");
    assert.deepEqual(under().ui.errors, []);
  });

  it('refuses a folder with no Python file, a boot file outside the folder and a bucket of another region, sending nothing', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'modelarts-run-empty-'));
    fs.writeFileSync(path.join(empty, 'notes.txt'), 'no code\n');
    await vscode.commands.executeCommand('modelarts.runOnModelArts', vscode.Uri.file(empty));
    assert.match(under().ui.errors.at(-1) ?? '', /has no Python file to run/);

    const folder = fixtureFolder('refused');
    const { panel, talk, values } = await openForm(vscode.Uri.file(folder), BUCKET, 'runs/');
    try {
      const refusal = async (changed: Partial<TrainingJobFormValues>): Promise<Extract<HostMessage, { type: 'submitFailed' }>> => {
        await panel.receive({ type: 'submitTrainingJob', values: { ...values, ...changed } });
        return talk.next('submitFailed');
      };
      const outside = await refusal({ bootFile: `obs://${BUCKET}/runs/refused/../elsewhere.py` });
      assert.match(outside.fieldErrors.bootFile ?? '', /must be a Python file inside folder "refused"/);
      const ignored = await refusal({ bootFile: `obs://${BUCKET}/runs/refused/notes/draft.py` });
      assert.ok(ignored.fieldErrors.bootFile, 'an ignored file cannot be the boot file');
      const otherRegion = await refusal({ codeDir: 'obs://modelarts-demo-archive/runs/refused/', bootFile: 'obs://modelarts-demo-archive/runs/refused/train.py' });
      assert.match(otherRegion.fieldErrors.codeDir ?? '', /Bucket "modelarts-demo-archive" .*cn-north-4/);
      assert.ok(!talk.disposed, 'the form stays as typed');
    } finally {
      talk.dispose();
      panel.dispose();
    }
    assert.deepEqual(uploadedKeys(), [], 'nothing went up');
    assert.deepEqual(creates(), [], 'nothing was created');
  });

  it('a failed upload creates nothing and names the files not sent; the retry sends only those; a refused create keeps the form and the upload', async () => {
    const folder = fixtureFolder('resumed');
    const { panel, talk, values } = await openForm(vscode.Uri.file(folder), BUCKET, 'runs/');
    try {
      under().emulator.obs.faults.add({ kind: 'reset', method: 'PUT', path: 'net.py', times: Infinity });
      await panel.receive({ type: 'submitTrainingJob', values });
      const failed = await talk.next('submitFailed');
      assert.match(failed.error.message, /no training job was created\. Not uploaded: model\/net\.py\./);
      assert.deepEqual(creates(), []);
      assert.ok(storedKeys('runs/resumed/').includes('runs/resumed/train.py'), 'what went up stays');

      under().emulator.obs.faults.clear();
      under().emulator.obs.requests.clear();
      under().emulator.faults.add({ kind: 'status', method: 'POST', path: '/training-jobs', status: 400, errorCode: 'ModelArts.2762', errorMsg: 'quota exceeded' });
      await panel.receive({ type: 'submitTrainingJob', values });
      const refused = await talk.next('submitFailed');
      assert.match(refused.error.message, /quota exceeded/);
      assert.deepEqual(uploadedKeys(), ['runs/resumed/model/net.py'], 'only the file not sent goes up');
      assert.ok(!talk.disposed, 'a refused create keeps the form');

      under().emulator.obs.requests.clear();
      await panel.receive({ type: 'submitTrainingJob', values });
      await until(() => talk.disposed, Boolean, 'the run to start');
      assert.deepEqual(uploadedKeys(), [], 'the retry re-sends nothing');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('a cancelled upload creates nothing and names the files not sent', async () => {
    const folder = fixtureFolder('cancelled');
    const { panel, talk, values } = await openForm(vscode.Uri.file(folder), BUCKET, 'runs/');
    try {
      under().ui.cancelProgressWhen(() => true);
      await panel.receive({ type: 'submitTrainingJob', values });
      const cancelled = await talk.next('submitFailed');
      assert.equal(cancelled.error.errorCode, 'Cancelled');
      assert.match(cancelled.error.message, /was cancelled, so no training job was created\. Not uploaded: .*train\.py/);
      assert.ok(!talk.disposed, 'the form stays as typed');
    } finally {
      talk.dispose();
      panel.dispose();
    }
    assert.deepEqual(creates(), []);
  });

  it('a bad entry in the run settings is named, and the file is left as it was', async () => {
    const folder = fixtureFolder('broken');
    const text = JSON.stringify({ folders: { [folder]: { region: 'cn-north-4', job: { nodeCount: 'two' } } } });
    fs.writeFileSync(settingsFile, text);
    await vscode.commands.executeCommand('modelarts.runAgain', vscode.Uri.file(folder));
    assert.match(under().ui.errors.at(-1) ?? '', /The run settings .* need a fix: folders: ".*broken": job: name: expected a string/);
    assert.equal(fs.readFileSync(settingsFile, 'utf8'), text);
  });
});
