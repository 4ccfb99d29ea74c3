// The webview panels, after the first steps (signed in, Notebooks and Training Jobs expanded): the create forms
// with bad input and a failed request, and a training job's details.
import type { Locator } from '../vscode-host/playwright';
import { type StepContext, type UiStep, workspace } from './steps';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const notebookName = 'ui-created-notebook';
const job = {
  name: 'ui-created-job',
  imageUrl: 'swr.cn-north-4.myhuaweicloud.com/ui-test/train:1.0',
  command: 'python /home/ma-user/code/train.py --epochs 3',
  hyperparameter: { name: 'learning_rate', value: '0.001' },
};
/** What the emulator is told to answer the first Create Training Job request with. */
const refusal = { errorCode: 'ModelArts.2755', errorMsg: 'The algorithm does not exist.' };

export const panelSteps: readonly UiStep[] = [
  {
    slug: 'create-notebook',
    title: 'Create a notebook: a bad name is caught in the form, a good one creates it',
    expected:
      `the "+" on ${workspace} → Notebooks opens a "Create Notebook" panel; "bad name!" shows an error at Name and Create sends nothing; ` +
      `with a good name, a flavor and an image, Create closes the panel and "${notebookName}" appears under Notebooks`,
    timeoutMs: 30_000,
    async run({ ui, panel, emulator, screenshot }) {
      await ui.clickInlineAction(ui.treeRow('Notebooks', 3), 'Create Notebook…');
      await expectVisible(ui.editorTabTitled('Create Notebook'), 'an editor tab "Create Notebook"');
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Notebook') }), 'the form titled "Create Notebook"');
      // The flavor and image lists replace "Loading choices…" once the host has fetched them.
      await expectVisible(panel.control('flavorId'), 'the Flavor list (the choices loaded)');
      await expectVisible(panel.control('imageId'), 'the Image list');

      await panel.typeInto('name', 'bad name!');
      await expectVisible(panel.fieldError('name').filter({ hasText: 'Use 1 to 64 letters' }), 'the name rule as an error under Name');
      await panel.button('Create').click();
      // A blocked Create puts the focus on the first field in error; a sent one would show "Creating…".
      await expectVisible(panel.focused('name'), 'the focus back in Name after Create');
      const posted = emulator.requests.count({ method: 'POST', path: /\/notebooks$/ });
      if (posted > 0) throw new NotSeen(`Create sent ${posted} create request(s) with the name "bad name!"`);
      if (await panel.loading.isVisible()) throw new NotSeen('the form shows "Creating…" for the name "bad name!"');
      await expectVisible(panel.fieldError('name'), 'the error still under Name');
      await screenshot('invalid-name');

      await panel.typeInto('name', notebookName);
      await expectGone(panel.fieldError('name'), 'the error under Name');
      await panel.chooseFirst('flavorId', 'flavor');
      await panel.chooseFirst('imageId', 'image');
      await screenshot('filled');
      await panel.button('Create').click();
      await expectGone(ui.editorTabTitled('Create Notebook'), 'the "Create Notebook" panel');
      await expectVisible(ui.treeRow(notebookName, 4), `"${notebookName}" under Notebooks`);
      await expectVisible(ui.notification(`Created notebook "${notebookName}"`), `the notification "Created notebook "${notebookName}""`);
      await expectGone(ui.toast('Creating notebook'), 'the "Creating notebook" progress');
    },
  },
  {
    slug: 'create-job-fails',
    title: 'Create a training job: a refused request keeps the form as typed, Create again creates it',
    expected:
      `the "+" on Training Jobs opens "Create Training Job"; filled with a custom image, command, flavor and a hyperparameter, ` +
      `a Create the emulator refuses shows ${refusal.errorCode}, its message and the request id above the unchanged fields; ` +
      `Create again adds "${job.name}" under Training Jobs`,
    timeoutMs: 30_000,
    async run(context) {
      const { ui, panel, emulator, screenshot } = context;
      await ui.clickInlineAction(ui.treeRow('Training Jobs', 3), 'Create Training Job…');
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Training Job') }), 'the form titled "Create Training Job"');
      await expectVisible(panel.control('flavorId'), 'the Flavor list (the choices loaded)');
      const flavor = await fillTrainingJobForm(context);

      emulator.faults.add({ kind: 'status', status: 400, ...refusal, method: 'POST', path: '/training-jobs' });
      await panel.button('Create').click();
      await expectVisible(panel.errorBox.filter({ hasText: refusal.errorCode }), `an error box with ${refusal.errorCode}`);
      const box = await panel.errorBox.innerText();
      if (!box.includes(refusal.errorMsg)) throw new NotSeen(`the error box lacks "${refusal.errorMsg}": "${box}"`);
      if (!/request id [0-9a-f]{32}/.test(box)) throw new NotSeen(`the error box lacks "request id <32 hex digits>": "${box}"`);
      await expectStillTyped(context, flavor);
      // VS Code keeps a finished progress notification up a little longer; it would cover the form.
      await expectGone(ui.toast('Creating training job'), 'the "Creating training job" progress');
      await screenshot('refused');
      await panel.section('Hyperparameters').scrollIntoViewIfNeeded();
      await screenshot('refused-hyperparameters');

      // The fault answered one request only.
      await panel.button('Create').click();
      await expectGone(ui.editorTabTitled('Create Training Job'), 'the "Create Training Job" panel');
      await expectVisible(ui.treeRow(job.name, 4), `"${job.name}" under Training Jobs`);
      await expectGone(ui.toast('Creating training job'), 'the "Creating training job" progress');
    },
  },
  {
    slug: 'job-details',
    title: 'Show the details of a running training job, and stop it from there',
    expected:
      'its context menu has "Show Training Job Details", which opens a panel with its name, a Running badge, a fields table, the progress ' +
      'steps and log text; its Stop button asks "Stop training job "<name>"?", then the badge leaves Running',
    timeoutMs: 30_000,
    async run({ ui, panel, screenshot }) {
      // With the notebooks folded away, every job of the workspace fits in the side bar.
      await ui.collapse('Notebooks', 3);
      // Not the job the previous step created: it runs only for seconds before it completes on its own.
      const createdJob = ui.page.locator('.label-name', { hasText: exactly(job.name) });
      const running = ui.withDescription(ui.treeRowsAt(4), /^Running\b/).filter({ hasNot: createdJob });
      await expectVisible(running, 'a running training job');
      const name = await running.first().locator('.label-name').innerText();
      await ui.openContextMenu(ui.treeRow(name, 4));
      await ui.chooseContextMenuItem('Show Training Job Details');
      await expectVisible(ui.editorTabTitled(name), `an editor tab "${name}"`);
      await expectVisible(panel.heading.filter({ hasText: exactly(name) }), `the panel titled "${name}"`);
      await expectVisible(panel.statusBadge.filter({ hasText: 'Running' }), 'a status badge "Running"');
      await expectVisible(panel.content.locator('table.fields th', { hasText: exactly('ID') }), 'a fields table with an ID row');
      await expectVisible(panel.content.locator('.steps .step'), 'the progress steps');
      // The panel shows the fields at once and the log with the first refresh.
      const logText = panel.content.locator('pre.log').filter({ hasText: /\S/, hasNotText: 'No log output yet.' });
      await expectVisible(logText, 'log text in the Log section');
      await screenshot('running');

      await panel.button('Stop').click();
      await expectVisible(ui.dialog.filter({ hasText: `Stop training job "${name}"?` }), `a dialog "Stop training job "${name}"?"`);
      await ui.dialogButton('Stop').click();
      await expectVisible(panel.statusBadge.filter({ hasText: /Terminat(ing|ed)/ }), 'the badge "Terminating" or "Terminated"');
      await expectGone(ui.toast('Stopping training job'), 'the "Stopping training job" progress');
    },
  },
];

/** Fills every field the step checks afterwards; resolves with the flavor chosen. */
async function fillTrainingJobForm({ panel }: StepContext): Promise<string> {
  await panel.typeInto('name', job.name);
  await panel.radio('source', 'image').click();
  await expectVisible(panel.control('imageUrl'), 'the Image field of a custom image');
  await panel.typeInto('imageUrl', job.imageUrl);
  await panel.typeInto('command', job.command);
  const flavor = await panel.chooseFirst('flavorId', 'flavor');
  // The name/value tables start folded.
  await panel.section('Hyperparameters').locator('.collapsible-header').click();
  await panel.button('Add hyperparameter').click();
  await panel.tableCell('Hyperparameter 1 name').fill(job.hyperparameter.name);
  await panel.tableCell('Hyperparameter 1 Value').fill(job.hyperparameter.value);
  return flavor;
}

async function expectStillTyped({ panel }: StepContext, flavor: string): Promise<void> {
  await expectVisible(panel.radio('source', 'image').and(panel.content.locator('[checked]')), 'Custom image still chosen');
  const fields: Array<[string, Locator, string]> = [
    ['Name', panel.textBox('name'), job.name],
    ['Image', panel.textBox('imageUrl'), job.imageUrl],
    ['Command', panel.textBox('command'), job.command],
    ['Flavor', panel.textBox('flavorId'), flavor],
    ['Hyperparameter 1 name', panel.tableCell('Hyperparameter 1 name'), job.hyperparameter.name],
    ['Hyperparameter 1 value', panel.tableCell('Hyperparameter 1 Value'), job.hyperparameter.value],
  ];
  for (const [label, box, typed] of fields) {
    const shown = await box.inputValue();
    if (shown !== typed) throw new NotSeen(`${label} shows "${shown}" instead of "${typed}"`);
  }
}
