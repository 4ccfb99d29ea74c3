// The tree tells the truth, after the first steps (signed in, Notebooks and Training Jobs expanded): a training job that
// completes on the emulator turns Completed in its row with nobody clicking, and Stop on two selected notebooks stops
// both after one confirmation. Each step leaves the resources it used as it found them, and both categories expanded.
import { region, type StepContext, type UiStep } from './steps';
import { expectGone, expectVisible, NotSeen } from './workbench';

/** Two notebooks of the default workspace that the emulator seeds stopped and no other step uses (emulator/seedData.ts). */
const notebooks = ['rl-cartpole-ppo', 'time-series-lstm'];

export const freshStateSteps: readonly UiStep[] = [
  {
    slug: 'job-completes-by-itself',
    title: 'A running training job that completes turns Completed in its row by itself',
    expected:
      'a Completed job made to run again shows Running after Refresh; once the emulator completes it, its row reads Completed ' +
      'with the passed icon within a running poll interval, with no click',
    timeoutMs: 45_000,
    async run({ ui, emulator, credentials, screenshot }) {
      // With the notebooks folded away, the workspace's jobs fit in the side bar.
      await ui.collapse('Notebooks', 3);
      const group = await ui.expand('Training Jobs', 3);
      const groupIndex = await ui.rowPosition(group, 'Training Jobs');
      const completed = ui.withDescription(ui.treeRowsAt(4), /^Completed\b/);
      await expectVisible(completed, 'a Completed training job');
      const rows = await completed.evaluateAll((elements) => elements.map((row) => ({ index: Number(row.getAttribute('data-index')), name: row.querySelector('.label-name')?.textContent?.trim() ?? '' })));
      const name = rows.find((row) => row.index > groupIndex)?.name;
      if (!name) throw new NotSeen('a Completed job under Training Jobs');
      const job = emulator.state.projectFor(credentials.ak, region)?.trainingJobsOldestFirst().find((record) => record.name === name && record.workspaceId === '0');
      if (!job) throw new NotSeen(`the emulator's record of "${name}"`);
      const row = ui.treeRow(name, 4);

      // It runs again in the emulator (a fresh run); Refresh on its row shows that, and the tree then watches it.
      emulator.state.setTrainingJobPhase(job.id, 'Running');
      await ui.openContextMenu(row);
      await ui.chooseContextMenuItem('Refresh');
      await expectVisible(ui.description(row).filter({ hasText: /^Running\b/ }), `"${name}" described as Running`);
      await expectVisible(ui.statusIcon(row, 'vm-running'), `the running icon on "${name}"`);
      await screenshot('running');

      // The job completes in the emulator; from here on nothing is clicked. The runner sets the running poll interval to 10 s.
      emulator.state.setTrainingJobPhase(job.id, 'Completed');
      await expectVisible(ui.description(row).filter({ hasText: /^Completed\b/ }), `"${name}" described as Completed without a click`, 25_000);
      await expectVisible(ui.statusIcon(row, 'pass'), `the passed icon on "${name}"`);
      await screenshot('completed');
      await ui.expand('Notebooks', 3);
    },
  },
  {
    slug: 'stop-two-notebooks',
    title: 'Stop two selected notebooks at once',
    expected:
      `${notebooks.join(' and ')}, running, selected with a click and a Ctrl+click; the context menu's "Stop Notebook" asks once, ` +
      '"Stop 2 Notebooks: …?" naming both; Stop sends a stop request for each and both rows go Stopping, then Stopped',
    timeoutMs: 60_000,
    async run({ ui, emulator, credentials, screenshot }) {
      const stops = () => emulator.requests.list({ method: 'POST', path: /\/notebooks\/[^/]+\/stop$/ });
      const stopsBefore = stops().length;
      const records = emulator.state.projectFor(credentials.ak, region)?.notebooks(emulator.state.clock.now()).filter((record) => notebooks.includes(record.name) && record.workspaceId === '0') ?? [];
      if (records.length !== notebooks.length) throw new NotSeen(`the emulator's records of ${notebooks.join(' and ')}`);
      // Started elsewhere (in the emulator); Refresh on Notebooks shows them running.
      records.forEach((record) => emulator.state.setNotebookStatus(record.id, 'RUNNING'));
      await ui.collapse('Training Jobs', 3);
      await ui.clickInlineAction(await ui.expand('Notebooks', 3), 'Refresh');
      const [first, second] = notebooks.map((name) => ui.treeRow(name, 4));
      for (const [index, row] of [first, second].entries()) {
        await expectVisible(ui.description(row).filter({ hasText: /^Running\b/ }), `"${notebooks[index]}" described as Running`);
      }

      await first.click();
      await expectVisible(first.and(ui.selectedTreeRows), `"${notebooks[0]}" selected after a click`);
      await ui.addToSelection(second, `"${notebooks[1]}"`);
      await ui.openContextMenu(second);
      await expectVisible(ui.contextMenuItem('Stop Notebook'), 'the "Stop Notebook" menu item');
      await expectSelected(ui, notebooks);
      await screenshot('context-menu');
      await ui.chooseContextMenuItem('Stop Notebook');

      const question = ui.dialog.locator('.dialog-message-text', { hasText: 'Stop 2 Notebooks:' });
      await expectVisible(question, 'one dialog "Stop 2 Notebooks: …?"');
      const asked = await question.innerText();
      const unnamed = notebooks.filter((name) => !asked.includes(`"${name}"`));
      if (unnamed.length > 0) throw new NotSeen(`the question does not name ${unnamed.join(' and ')}: "${asked}"`);
      await screenshot('dialog');
      await ui.dialogButton('Stop').click();
      await expectGone(ui.dialog, 'the Stop dialog');

      for (const [index, row] of [first, second].entries()) {
        await expectVisible(ui.description(row).filter({ hasText: /^(Stopping|Stopped)\b/ }), `"${notebooks[index]}" described as Stopping`);
      }
      await screenshot('stopping');
      const sent = stops().slice(stopsBefore).map((request) => request.path);
      const unstopped = records.filter((record) => !sent.some((path) => path.endsWith(`/notebooks/${record.id}/stop`)));
      if (sent.length !== 2 || unstopped.length > 0) throw new NotSeen(`one stop request for each notebook; sent: ${sent.join(', ') || 'none'}`);
      // The tree polls changing resources every 5 s; the emulator's stop takes 1.5 s.
      for (const [index, row] of [first, second].entries()) {
        await expectVisible(ui.description(row).filter({ hasText: /^Stopped\b/ }), `"${notebooks[index]}" described as Stopped`, 30_000);
      }
      // The steps after this one find both categories expanded, as the first steps left them.
      await first.click();
      await ui.expand('Training Jobs', 3);
    },
  },
];

async function expectSelected(ui: StepContext['ui'], expected: readonly string[]): Promise<void> {
  const selected = await ui.selectedLabels();
  if (selected.length !== expected.length || expected.some((name) => !selected.includes(name))) {
    throw new NotSeen(`the tree shows ${selected.length > 0 ? selected.join(', ') : 'nothing'} selected instead of ${expected.join(' and ')}`);
  }
}
