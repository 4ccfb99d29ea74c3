import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { trainingJobMismatches } from '../../src/webviews/compatibilityRules';
import { WALKTHROUGH_CONTEXT_KEYS, type WalkthroughMilestone } from '../../src/walkthrough';
import { askParticipant, chatRequest } from './chatDoubles';
import { conversation, type Node, type Panel, REGION, signedInSuite, until } from './harness';

interface WalkthroughStep {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string };
  readonly completionEvents: readonly string[];
}

/** The extension's walkthrough as VS Code reads it: package.json with its %key% texts from package.nls.json. */
function contributedSteps(): { readonly root: string; readonly steps: WalkthroughStep[]; readonly settings: string[] } {
  const extension = vscode.extensions.all.find((candidate) => candidate.packageJSON.name === 'modelarts-explorer');
  assert.ok(extension, 'the extension is installed');
  const texts = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const localized = (value: string) => value.replace(/^%(.+)%$/, (_, key: string) => texts[key] ?? `(no text for ${key})`);
  const contributes = extension.packageJSON.contributes;
  const [walkthrough, ...others] = contributes.walkthroughs as { steps: WalkthroughStep[] }[];
  assert.deepEqual(others, [], 'one walkthrough');
  const steps = walkthrough.steps.map((step) => ({ ...step, title: localized(step.title), description: localized(step.description) }));
  return { root: extension.extensionPath, steps, settings: Object.keys(contributes.configuration.properties) };
}

/** A step's buttons: VS Code makes a button of a description line that is one link and nothing else. */
function buttonCommands(step: WalkthroughStep): string[] {
  return step.description
    .split('\n')
    .map((line) => /^\[[^\]]+\]\(command:([^?)\s]+)[^)\s]*\)$/.exec(line.trim())?.[1])
    .filter((command): command is string => command !== undefined);
}

describe('The walkthrough: five steps, each with a button that runs a command and done when the thing is done', () => {
  const under = signedInSuite({ transitionMs: 300 });
  /** The milestones reached since the test began (each sets its step's context key). */
  let reached: WalkthroughMilestone[];
  let listening: vscode.Disposable | undefined;
  beforeEach(() => {
    reached = [];
    // Being signed in is reached again on every session change; these tests watch the other steps.
    listening = under().api.context.walkthrough.onDidReach((milestone) => milestone !== 'signedIn' && reached.push(milestone));
  });
  afterEach(() => listening?.dispose());

  it('names commands that exist, media that exist as plain text, and completion events the product raises', async () => {
    const { root, steps, settings } = contributedSteps();
    assert.deepEqual(
      steps.map((step) => step.title),
      ['Sign in, or try the emulator demo', 'Choose regions', 'Create a notebook and connect to it', 'Run a training job from a folder', 'Ask @modelarts in chat'],
    );
    const commands = await vscode.commands.getCommands(true);
    const contextKeys: readonly string[] = Object.values(WALKTHROUGH_CONTEXT_KEYS);
    for (const step of steps) {
      const buttons = buttonCommands(step);
      assert.equal(buttons.length, 1, `${step.id}: one button`);
      assert.ok(commands.includes(buttons[0]), `${step.id}: its button runs ${buttons[0]}, a registered command`);
      assert.ok(step.completionEvents.length > 0, `${step.id}: completes on an event, not on being looked at`);
      for (const event of step.completionEvents) {
        const [, kind, argument] = /^(\w+):(.+)$/.exec(event) ?? [];
        if (kind === 'onContext') assert.ok(contextKeys.includes(argument), `${step.id}: ${argument} is a key the extension sets`);
        else if (kind === 'onSettingChanged') assert.ok(settings.includes(argument), `${step.id}: ${argument} is a contributed setting`);
        else if (kind === 'onCommand') assert.ok(commands.includes(argument), `${step.id}: ${argument} is a registered command`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
      const media = step.media.markdown ?? '';
      assert.ok(media.startsWith('media/walkthrough/'), `${step.id}: markdown media under media/walkthrough/`);
      const markdown = fs.readFileSync(path.join(root, media), 'utf8');
      assert.doesNotMatch(markdown, /!\[|<img|https?:\/\//i, `${step.id}: no image and no remote address in its media`);
    }
    const training = fs.readFileSync(path.join(root, steps.find((step) => step.id === 'trainingJob')?.media.markdown ?? ''), 'utf8');
    assert.match(training, /Real-Time Services \(v1\)\*\*: a service deployed from a model[^]*Real-Time Services \(v2\)\*\*: a service of deployments/, 'the walkthrough tells the two service APIs apart');
    const choose = steps.find((step) => step.id === 'chooseRegions');
    assert.deepEqual(choose?.completionEvents, ['onSettingChanged:modelarts.regions'], 'regions are chosen when the setting changes');
  });

  it('Open Notebook in Browser marks the notebook connected; a notebook without an address does not', async () => {
    const record = under().emulator.state.projectFor(under().emulator.demo.ak, REGION)?.notebooks(under().emulator.clock.now()).find((notebook) => notebook.name === 'data-cleaning-pandas');
    assert.ok(record, 'the demo notebook');
    const address = record.url;
    const open = async () => {
      under().api.context.explorer.reload();
      const node: Node = await under().child(await under().category('Notebooks'), 'data-cleaning-pandas');
      await vscode.commands.executeCommand('modelarts.notebook.openJupyter', node);
    };
    try {
      record.url = '';
      await open();
      assert.equal(under().ui.errors.length, 1, 'the missing address is reported');
      assert.deepEqual(reached, [], 'nothing was opened, so nothing is connected');
      record.url = address;
      await open();
      assert.equal(under().ui.opened.length, 1, 'JupyterLab opened');
      assert.deepEqual(reached, ['notebookConnected']);
    } finally {
      record.url = address;
    }
  });

  it('a run whose job is created marks the training step done; a run form closed unsent does not', async () => {
    const editor = (await vscode.commands.executeCommand('modelarts.editRunSettings')) as vscode.TextEditor;
    fs.writeFileSync(editor.document.uri.fsPath, '{}\n');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'modelarts-walkthrough-')), 'first-run');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'train.py'), 'print("step 1 loss=0.5")\n');
    const openForm = async (...answers: string[]) => {
      under().ui.answer(...answers);
      const panel = (await vscode.commands.executeCommand('modelarts.runOnModelArts', vscode.Uri.file(folder))) as Panel;
      const talk = conversation(panel);
      await panel.receive({ type: 'ready' });
      const form = await talk.next('trainingJobForm');
      const options = await talk.next('trainingJobOptions');
      const flavorId = options.flavors[0].id;
      const engine = options.engines.find((choice) => Object.keys(trainingJobMismatches({ ...form.values, flavorId, engineId: choice.id }, options)).length === 0);
      assert.ok(engine, 'an engine suits the flavor');
      return { panel, talk, values: { ...form.values, flavorId, engineId: engine.id } };
    };

    const unsent = await openForm('modelarts-demo-data', 'runs/');
    unsent.talk.dispose();
    unsent.panel.dispose();
    assert.deepEqual(reached, [], 'no job, not done');

    const { panel, talk, values } = await openForm();
    try {
      await panel.receive({ type: 'submitTrainingJob', values });
      await until(() => reached, (milestones) => milestones.includes('trainingJobRun'), 'the training step to be done');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('an answer from @modelarts marks the chat step done', async () => {
    await askParticipant(under().api.chat.participant, chatRequest('status', ''));
    assert.deepEqual(reached, ['chatAnswered']);
  });
});
