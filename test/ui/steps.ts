// A new user's first minutes with the extension, as clicks and keys, each step checking what is on screen.
import type { Emulator } from '../../emulator/server';
import type { WebviewPanel } from './webviewPanel';
import { exactly, expectGone, expectVisible, NotSeen, type Workbench } from './workbench';

export interface StepContext {
  readonly ui: Workbench;
  /** The webview panel in view (a create form or a details panel). */
  readonly panel: WebviewPanel;
  readonly credentials: { readonly ak: string; readonly sk: string };
  /** To check what the extension sent, to make the next request fail, and to read a resource's status. */
  readonly emulator: Pick<Emulator, 'requests' | 'faults' | 'state' | 'obs'>;
  /** The folder VS Code has open, on the machine the extension runs on: where local files for a step go. */
  readonly workspaceFolder: string;
  /** Saves an extra screenshot in the middle of the step, named after the step and `moment`; the pointer is moved away first unless `keepHover`. */
  screenshot(moment: string, options?: { readonly keepHover?: boolean }): Promise<void>;
}

export interface UiStep {
  /** Names the step's screenshots. */
  readonly slug: string;
  readonly title: string;
  readonly expected: string;
  readonly timeoutMs: number;
  run(context: StepContext): Promise<void>;
}

export const region = 'cn-north-4';
export const workspace = 'default';

export const steps: readonly UiStep[] = [
  {
    slug: 'open-view',
    title: 'Open the ModelArts view from the activity bar',
    expected: 'the view titled "ModelArts: Explorer" with the sign-in welcome text and a Sign In button',
    timeoutMs: 60_000,
    async run({ ui }) {
      // The first step also waits for the workbench to load and the extension to appear.
      await expectVisible(ui.activityBarIcon('ModelArts'), 'the ModelArts icon in the activity bar', 45_000);
      await ui.activityBarIcon('ModelArts').click();
      await expectVisible(ui.sideBarTitle.filter({ hasText: 'ModelArts' }), 'the side bar titled ModelArts');
      // Until the extension has started the view shows the signed-out text anyway, then "Checking your ModelArts account…".
      await expectGone(ui.sideBarProgress, 'the side bar\'s progress bar (the extension starting)');
      await expectVisible(ui.welcome.filter({ hasText: 'Sign in with a Huawei Cloud access key' }), 'the sign-in welcome text');
      await expectVisible(ui.welcome.locator('.monaco-button', { hasText: exactly('Sign In') }), 'the Sign In button');
    },
  },
  {
    slug: 'sign-in',
    title: 'Sign in with the demo access key, in five steps with Back',
    expected:
      `"step 1 of 5" asks the profile name; AK; SK (masked) whose Back returns to the AK with it kept; token; a region pick; ` +
      `then a notification "Signed in … as profile "default" … in ${region}" and the status bar "ModelArts: default · ${region}"`,
    timeoutMs: 45_000,
    async run({ ui, credentials, screenshot }) {
      await ui.welcome.locator('.monaco-button', { hasText: exactly('Sign In') }).click();
      await expectVisible(ui.quickInput.locator('.quick-input-title', { hasText: 'step 1 of 5' }), 'the title "step 1 of 5"');
      await ui.answerInputBox('Profile name', 'default');
      await ui.answerInputBox('Access key ID (AK)', credentials.ak);
      await expectVisible(ui.quickInput.locator('.quick-input-message', { hasText: 'Secret access key (SK)' }), 'the secret key box');
      if ((await ui.quickInputBox.getAttribute('type')) !== 'password') throw new NotSeen('the secret key box is not a password box');
      await expectVisible(ui.quickInput.locator('.quick-input-title', { hasText: 'step 3 of 5' }), 'the title "step 3 of 5"');
      await screenshot('secret-key-step');
      // Back: the access key step again, holding what was typed.
      await ui.quickInput.locator('.quick-input-titlebar .action-label:is([aria-label^="Back"], .codicon-quick-input-back, .codicon-arrow-left)').first().click();
      await expectVisible(ui.quickInput.locator('.quick-input-message', { hasText: 'Access key ID (AK)' }), 'the access key box again');
      if ((await ui.quickInputBox.inputValue()) !== credentials.ak) throw new NotSeen('Back lost the access key typed');
      await screenshot('back-to-access-key');
      await ui.quickInputBox.press('Enter');
      await ui.answerInputBox('Secret access key (SK)', credentials.sk);
      await expectVisible(ui.quickInput.locator('.quick-input-message', { hasText: 'Security token' }), 'the security token box');
      await ui.answerInputBox('Security token', '');
      await expectVisible(ui.quickPickItem(region), `${region} in the region pick`);
      await screenshot('region-pick');
      await ui.quickPickItem(region).click();
      // The extension checks the key with the emulator's IAM before it saves anything.
      await expectVisible(ui.notification('Signed in to ModelArts as profile "default"'), 'the "Signed in" notification', 20_000);
      const message = await ui.notification('Signed in to ModelArts').first().innerText();
      if (!message.includes(region)) throw new NotSeen(`the notification does not name ${region}: "${message}"`);
      if (message.includes(credentials.ak)) throw new NotSeen(`the notification shows the whole access key: "${message}"`);
      await expectVisible(ui.page.locator('.part.statusbar .statusbar-item', { hasText: `ModelArts: default · ${region}` }), 'the profile in the status bar');
      // VS Code keeps a finished progress notification up a little longer.
      await expectGone(ui.toast('Checking the access key'), 'the "Checking the access key" progress');
    },
  },
  {
    slug: 'notebooks',
    title: `Expand ${region} → ${workspace} → Notebooks`,
    expected: 'notebooks listed, each with a status icon: some running (codicon-vm-running), some stopped (codicon-circle-slash)',
    timeoutMs: 30_000,
    async run({ ui }) {
      await ui.expand(region, 1);
      await ui.expand(workspace, 2);
      await ui.expand('Notebooks', 3);
      const notebooks = ui.treeRowsAt(4);
      await expectVisible(notebooks, 'notebooks under Notebooks');
      await expectVisible(ui.withStatusIcon(notebooks, 'vm-running'), 'a running notebook (codicon-vm-running)');
      await expectVisible(ui.withStatusIcon(notebooks, 'circle-slash'), 'a stopped notebook (codicon-circle-slash)');
      const withoutIcon = await ui.withoutIcon(notebooks).count();
      if (withoutIcon > 0) throw new NotSeen(`${withoutIcon} notebook(s) without a status icon`);
    },
  },
  {
    slug: 'stop-notebook',
    title: 'Stop a running notebook from its context menu',
    expected: 'menu item "Stop Notebook", a modal "Stop notebook "<name>"?", then the item goes Stopping and Stopped in place',
    timeoutMs: 45_000,
    async run({ ui, screenshot }) {
      // Only Notebooks is expanded so far: the rows at depth 4 are notebooks.
      const running = ui.withStatusIcon(ui.treeRowsAt(4), 'vm-running').first();
      await expectVisible(running, 'a running notebook');
      const name = await running.locator('.label-name').innerText();
      // Found again by name: once stopped it no longer matches "running".
      const row = ui.treeRow(name, 4);
      await ui.openContextMenu(row);
      await expectVisible(ui.contextMenuItem('Stop Notebook'), 'the "Stop Notebook" menu item');
      await screenshot('context-menu');
      await ui.chooseContextMenuItem('Stop Notebook');
      await expectVisible(ui.dialog.filter({ hasText: `Stop notebook "${name}"?` }), `a dialog "Stop notebook "${name}"?"`);
      await screenshot('dialog');
      await ui.dialogButton('Stop').click();
      await expectVisible(ui.description(row).filter({ hasText: /^Stopping\b/ }), `"${name}" described as Stopping`);
      await expectVisible(ui.statusIcon(row, 'loading'), `a spinning icon on "${name}"`);
      await screenshot('stopping');
      // The tree polls changing resources every 5 s (modelarts.pollIntervalSeconds); the emulator's stop takes 1.5 s.
      await expectVisible(ui.description(row).filter({ hasText: /^Stopped\b/ }), `"${name}" described as Stopped`, 30_000);
      await expectVisible(ui.statusIcon(row, 'circle-slash'), `the stopped icon on "${name}"`);
    },
  },
  {
    slug: 'job-logs',
    title: 'View the logs of a training job',
    expected: 'Training Jobs listed; its context menu has "View Training Job Logs", which opens an editor "<job>-<task>.log" with log text',
    timeoutMs: 30_000,
    async run({ ui, screenshot }) {
      const group = await ui.expand('Training Jobs', 3);
      // The first job is the row right after its category: rows are siblings in the DOM, ordered by data-index.
      const groupIndex = Number(await group.getAttribute('data-index'));
      const firstJob = ui.container.locator(`.monaco-list-row[data-index="${groupIndex + 1}"][aria-level="4"]`);
      await expectVisible(firstJob, 'a training job under Training Jobs');
      const job = await firstJob.locator('.label-name').innerText();
      await ui.openContextMenu(ui.treeRow(job, 4));
      await expectVisible(ui.contextMenuItem('View Training Job Logs'), 'the "View Training Job Logs" menu item');
      await screenshot('context-menu');
      await ui.chooseContextMenuItem('View Training Job Logs');
      // A multi-node job first asks which task's log to show: the first one will do.
      const taskPick = ui.quickInput.locator('.quick-input-title', { hasText: 'Select the task' });
      const logTab = ui.editorTab(`${job}-`, '.log');
      await expectVisible(taskPick.or(logTab), `a task pick or an editor tab "${job}-<task>.log"`);
      if (await taskPick.isVisible()) await ui.quickInputBox.press('Enter');
      await expectVisible(logTab, `an editor tab "${job}-<task>.log"`);
      await expectVisible(ui.activeEditorLines.filter({ hasText: /\S/ }), 'log text in the editor');
      await expectGone(ui.toast('Loading the log'), 'the "Loading the log" progress');
    },
  },
  {
    slug: 'follow-job-log',
    title: 'Follow the log of a running training job',
    expected:
      'a Running job\'s "View Training Job Logs" opens its log with "Following worker-0…" in the status bar and newer steps appear at the ' +
      'bottom by themselves; scrolled to the top the status bar says "Not following: scrolled up", and clicking it follows again',
    timeoutMs: 60_000,
    async run({ ui, screenshot }) {
      // With Notebooks closed the workspace's jobs all fit on screen.
      await ui.collapse('Notebooks', 3);
      const group = await ui.expand('Training Jobs', 3);
      const groupIndex = await ui.rowPosition(group, 'Training Jobs');
      const running = ui.withDescription(ui.treeRowsAt(4), /^Running\b/);
      await expectVisible(running, 'a Running training job');
      const rows = await running.evaluateAll((elements) => elements.map((row) => ({ index: Number(row.getAttribute('data-index')), name: row.querySelector('.label-name')?.textContent?.trim() ?? '' })));
      const job = rows.find((row) => row.index > groupIndex)?.name;
      if (!job) throw new NotSeen('a Running job under Training Jobs');
      await ui.openContextMenu(ui.treeRow(job, 4));
      await ui.chooseContextMenuItem('View Training Job Logs');
      const taskPick = ui.quickInput.locator('.quick-input-title', { hasText: 'Select the task' });
      const logTab = ui.editorTab(`${job}-worker-`, '.log');
      await expectVisible(taskPick.or(logTab), `a task pick or an editor tab "${job}-worker-<n>.log"`);
      if (await taskPick.isVisible()) await ui.quickInputBox.press('Enter');
      await expectVisible(logTab, `an editor tab "${job}-worker-0.log"`);
      const following = ui.page.locator('.part.statusbar .statusbar-item', { hasText: 'Following worker-0…' });
      await expectVisible(following, '"Following worker-0…" in the status bar');

      // The editor shows the end of the log: its newest step grows as the job writes lines (a poll every 5 s).
      const shown = await newestStepShown(ui);
      await screenshot('first-lines');
      await expectNewerStep(ui, shown, 'newer steps at the bottom of the editor without scrolling');
      await screenshot('new-lines');

      // Scrolled to the top, the reader stays there; the status bar says so and brings the end back.
      // A click puts the keyboard focus in the editor; the keys go where the focus is.
      await ui.activeEditorLines.click();
      await ui.activeEditorLines.press('Control+Home');
      const paused = ui.page.locator('.part.statusbar .statusbar-item', { hasText: 'Not following: scrolled up' });
      await expectVisible(paused, '"Not following: scrolled up" in the status bar');
      // The job has run long: the first line says how much of its start the preview leaves out.
      await expectVisible(ui.activeEditorLines.filter({ hasText: /\[\d.*\sof\searlier\soutput\snot\sshown/ }), 'the first line, "[… of earlier output not shown…]"');
      await screenshot('scrolled-up');
      await paused.click();
      await expectVisible(following, '"Following worker-0…" again after clicking the status bar');
      await expectNewerStep(ui, await newestStepShown(ui), 'newer steps at the bottom again');
      // The steps after this one find Notebooks open, as it was.
      await ui.expand('Notebooks', 3);
    },
  },
];

/** The newest training step the active editor shows, counted over epochs ("epoch 0002 step 010/500" is 510). */
async function newestStepShown(ui: Workbench): Promise<number> {
  const text = await ui.activeEditorLines.innerText();
  // The editor renders spaces as no-break spaces, which \s matches.
  const steps = [...text.matchAll(/epoch\s(\d{4})\sstep\s(\d{3})\/(\d{3})/g)].map(([, epoch, step, perEpoch]) => (Number(epoch) - 1) * Number(perEpoch) + Number(step));
  return steps.length > 0 ? Math.max(...steps) : 0;
}

async function expectNewerStep(ui: Workbench, than: number, what: string): Promise<void> {
  // Two polls of the log (every 5 s) and then some.
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if ((await newestStepShown(ui)) > than) return;
  }
  throw new NotSeen(`${what} (the newest step shown stayed ${than})`);
}

