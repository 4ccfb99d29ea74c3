// Run on ModelArts, after the OBS steps (signed in to cn-north-4): a local folder of the open workspace right-clicked in
// VS Code's Explorer, the bucket of the runs picked once, the training job form pre-filled, the code synced and the job
// created, its log following; then the job's end notification, whose Run Again runs it again with no form.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { UiStep } from './steps';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const bucket = 'modelarts-demo-data';
const folderName = 'mnist-run';
const codeFolder = `obs://${bucket}/modelarts-runs/${folderName}/`;
const firstJob = `${folderName}-1`;

export const runOnModelArtsSteps: readonly UiStep[] = [
  {
    slug: 'run-folder',
    title: 'Right-click a folder in the Explorer → Run on ModelArts: the form pre-filled, then the log following',
    expected:
      `"${folderName}" in VS Code's Explorer has "Run on ModelArts…" in its context menu; it asks the bucket (${bucket}) and the ` +
      `folder of the runs (modelarts-runs/) once, then opens "Run "${folderName}" on ModelArts" with code folder ${codeFolder} ` +
      `and boot file ${codeFolder}train.py filled in; with a flavor and engine chosen, Create uploads the folder (not what ` +
      `.gitignore leaves out) and the log of "${firstJob}" opens, following`,
    timeoutMs: 90_000,
    async run({ ui, panel, emulator, workspaceFolder, screenshot }) {
      const folder = path.join(workspaceFolder, folderName);
      mkdirSync(path.join(folder, 'data'), { recursive: true });
      writeFileSync(path.join(folder, 'train.py'), 'for step in range(100):\n    print(f"step {step} loss={1 / (step + 1):.3f}")\n');
      writeFileSync(path.join(folder, '.gitignore'), 'data/\n');
      writeFileSync(path.join(folder, 'data', 'images.bin'), Buffer.alloc(1024));

      await ui.page.locator('.part.activitybar a.action-label[aria-label^="Explorer"]').click();
      const row = ui.page.locator('.explorer-folders-view .monaco-list-row').filter({ has: ui.page.locator('.label-name', { hasText: exactly(folderName) }) });
      await expectVisible(row, `"${folderName}" in the Explorer`, 20_000);
      await ui.openContextMenu(row);
      await expectVisible(ui.contextMenuItem('Run on ModelArts…'), 'the "Run on ModelArts…" menu item');
      await screenshot('context-menu');
      await ui.chooseContextMenuItem('Run on ModelArts…');

      await expectVisible(ui.quickPickItem(bucket), `${bucket} among the buckets`);
      await screenshot('bucket-pick');
      await ui.quickPickItem(bucket).click();
      await ui.answerInputBox('Each local folder you run goes to', 'modelarts-runs/');

      await expectVisible(ui.editorTabTitled(`Run "${folderName}" on ModelArts`), `the panel "Run "${folderName}" on ModelArts"`);
      await expectVisible(panel.control('flavorId'), 'the Flavor list (the choices loaded)');
      for (const [id, value] of [['codeDir', codeFolder], ['bootFile', `${codeFolder}train.py`], ['name', firstJob]]) {
        const shown = await panel.textBox(id).inputValue();
        if (shown !== value) throw new NotSeen(`the field ${id} pre-filled with "${value}" (it shows "${shown}")`);
      }
      await screenshot('form-prefilled');
      await panel.chooseFirst('flavorId', 'flavor');
      await panel.chooseFirst('engineId', 'engine');
      await panel.button('Create').click();
      // An engine the listings say does not suit the flavor is asked about first.
      const anyway = ui.dialogButton('Create Anyway');
      if (await anyway.waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => false)) await anyway.click();

      await expectVisible(ui.editorTab(`${firstJob}-worker-0`, '.log'), `the log of "${firstJob}" in an editor tab`, 30_000);
      await expectVisible(ui.page.locator('.statusbar-item', { hasText: 'Following worker-0' }), 'the status bar saying "Following worker-0…"', 20_000);
      await expectVisible(ui.activeEditorLines.filter({ hasText: `job: ${firstJob}` }), 'the log naming the job', 30_000);
      const keys = [...(emulator.obs.store.bucket(bucket)?.objects.keys() ?? [])].filter((key) => key.startsWith(`modelarts-runs/${folderName}/`));
      if (!keys.includes(`modelarts-runs/${folderName}/train.py`) || keys.some((key) => key.includes('/data/'))) {
        throw new NotSeen(`train.py, and nothing of data/, under ${codeFolder} (there: ${keys.join(', ')})`);
      }
      await ui.parkPointer();
      await screenshot('log-following');
    },
  },
  {
    slug: 'run-end-notification',
    title: 'The run\'s end notification, and its Run Again',
    expected:
      `"Training job "${firstJob}" completed." with Show Log, Show Details and Run Again; Run Again creates "${folderName}-2" ` +
      'from the remembered settings, sending no file again (none changed), and opens its log',
    timeoutMs: 90_000,
    async run({ ui, emulator, screenshot }) {
      const toast = ui.page.locator('.notifications-toasts .notification-toast', { hasText: `Training job "${firstJob}" completed.` });
      await expectVisible(toast, `the notification "Training job "${firstJob}" completed."`, 60_000);
      for (const button of ['Show Log', 'Show Details', 'Run Again']) {
        await expectVisible(toast.locator('.monaco-button', { hasText: exactly(button) }), `its "${button}" button`);
      }
      await screenshot('notification');
      const putsBefore = emulator.obs.requests.list({ method: 'PUT' }).length;
      await toast.locator('.monaco-button', { hasText: exactly('Run Again') }).click();
      await expectVisible(ui.editorTab(`${folderName}-2-worker-0`, '.log'), `the log of "${folderName}-2"`, 30_000);
      const sent = emulator.obs.requests.list({ method: 'PUT' }).length - putsBefore;
      if (sent !== 0) throw new NotSeen(`no file sent again (${sent} were)`);
      await expectGone(ui.toast('Syncing'), 'the sync\'s progress');
      await ui.parkPointer();
      await screenshot('run-again');
    },
  },
];
