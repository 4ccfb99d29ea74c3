// Lite Servers, after the pool steps (signed in, cn-north-4 → default → Resource Pools → pool-cpu-etl → Nodes open,
// side bar widened): the emulator's Running server lite-cpu-etl stopped from its context menu and started again with
// the button on its row, in place, while the emulator's record follows.
import type { LoggedRequest } from '../../emulator/requestLog';
import type { Locator } from '../vscode-host/playwright';
import { region, type StepContext, type UiStep, workspace } from './steps';
import { expectGone, expectVisible, NotSeen } from './workbench';

const server = 'lite-cpu-etl';
/** Depth of the servers: region, Lite Server, Lite Servers, server. */
const serverLevel = 4;

export const liteServerSteps: readonly UiStep[] = [
  {
    slug: 'stop-start-lite-server',
    title: 'Stop and start a Lite Server',
    expected:
      `${region} → Lite Server → Lite Servers lists "${server}" Running; its context menu has "Stop Lite Server", which asks "Stop Lite Server "${server}"?"; ` +
      'Stop sends one stop request and the row goes Stopping, then Stopped in place (the emulator too); the "Start Lite Server" ' +
      'button on the row sends one start request and it goes Starting, then Running',
    timeoutMs: 45_000,
    async run(context) {
      const { ui, emulator, screenshot } = context;
      const id = serverId(context);
      const powerRequests = (action: 'start' | 'stop'): LoggedRequest[] =>
        emulator.requests.list({ method: 'PUT', path: `/dev-servers/${id}/${action}` });
      const expectEmulator = (expected: readonly string[], when: string): void => {
        const status = emulator.state.devServerStatus(id);
        if (!status || !expected.includes(status)) {
          throw new NotSeen(`the emulator has "${server}" ${status ?? 'gone'} ${when}, not ${expected.join(' or ')}`);
        }
      };
      expectEmulator(['RUNNING'], 'before the step');

      // The workspace's folders would push the region's own categories down: folded away, its servers fit below them.
      await ui.expand(region, 1);
      await ui.collapse(workspace, 2);
      await ui.expand('Lite Server', 2);
      await ui.expand('Lite Servers', 3);
      const row = ui.treeRow(server, serverLevel);
      await expectVisible(ui.description(row).filter({ hasText: /^Running\b/ }), `"${server}" under Lite Servers, described as Running`);
      await expectVisible(ui.statusIcon(row, 'vm-running'), `the running icon on "${server}"`);
      const position = await ui.rowPosition(row, `"${server}"`);
      const expectInPlace = async (when: string): Promise<void> => {
        const now = await ui.rowPosition(row, `"${server}"`);
        if (now !== position) throw new NotSeen(`"${server}" moved from row ${position} to row ${now} ${when}`);
      };

      await ui.openContextMenu(row);
      await expectVisible(ui.contextMenuItem('Stop Lite Server'), 'the "Stop Lite Server" menu item');
      if (await ui.contextMenuItem('Start Lite Server').isVisible()) throw new NotSeen(`"Start Lite Server" in the menu of the running "${server}"`);
      await screenshot('context-menu');
      await ui.chooseContextMenuItem('Stop Lite Server');
      const question = ui.dialog.locator('.dialog-message-text', { hasText: `Stop Lite Server "${server}"?` });
      await expectVisible(question, `a dialog "Stop Lite Server "${server}"?"`);
      if (powerRequests('stop').length > 0) throw new NotSeen('a stop request sent before Stop was clicked in the dialog');
      await screenshot('dialog');
      await ui.dialogButton('Stop').click();
      await expectGone(ui.dialog, 'the Stop dialog');

      await expectTransition(context, row, 'Stopping', () => powerRequests('stop'));
      // The tree may show the answer to the stop request after the emulator has already moved on.
      expectEmulator(['STOPPING', 'STOPPED'], `while the tree shows it Stopping`);
      await expectInPlace('when it went Stopping');
      await screenshot('stopping');
      // The tree polls changing resources every 5 s (modelarts.pollIntervalSeconds); the emulator's stop takes 1.5 s.
      await expectVisible(ui.description(row).filter({ hasText: /^Stopped\b/ }), `"${server}" described as Stopped`, 30_000);
      await expectVisible(ui.statusIcon(row, 'circle-slash'), `the stopped icon on "${server}"`);
      expectEmulator(['STOPPED'], 'while the tree shows it Stopped');
      await expectInPlace('when it went Stopped');
      expectOne(powerRequests('stop'), 'stop');
      await expectGone(ui.toast(`Stopping ${server}`), `the "Stopping ${server}…" progress`);
      await screenshot('stopped');

      // A stopped server offers Start on its row, and no longer Stop.
      const buttons = await ui.inlineActionTitles(row);
      if (buttons.includes('Stop Lite Server')) throw new NotSeen(`a "Stop Lite Server" button on the stopped "${server}" (buttons: ${buttons.join(', ')})`);
      await ui.clickInlineAction(row, 'Start Lite Server');
      await expectTransition(context, row, 'Starting', () => powerRequests('start'));
      expectEmulator(['STARTING', 'RUNNING'], 'while the tree shows it Starting');
      await expectInPlace('when it went Starting');
      await expectVisible(ui.description(row).filter({ hasText: /^Running\b/ }), `"${server}" described as Running again`, 30_000);
      await expectVisible(ui.statusIcon(row, 'vm-running'), `the running icon on "${server}"`);
      expectEmulator(['RUNNING'], 'while the tree shows it Running');
      await expectInPlace('when it went Running');
      expectOne(powerRequests('start'), 'start');
      // Nothing was stopped twice while it went round.
      expectOne(powerRequests('stop'), 'stop');
      await expectGone(ui.toast(`Starting ${server}`), `the "Starting ${server}…" progress`);
    },
  },
];

/** The emulator's id of the server, which the stop and start requests name. */
function serverId({ emulator, credentials }: StepContext): string {
  const project = emulator.state.projectFor(credentials.ak, region);
  const record = project && [...project.devServers.values()].find((candidate) => candidate.name === server);
  if (!record) throw new NotSeen(`"${server}" in the emulator's ${region}`);
  return record.id;
}

/**
 * Waits for `row` to be described as `status` with a spinning icon; when it is not, says whether the request went out
 * and how the emulator answered it, which tells the tree's fault from the command's.
 */
async function expectTransition({ ui }: StepContext, row: Locator, status: string, sent: () => LoggedRequest[]): Promise<void> {
  try {
    await expectVisible(ui.description(row).filter({ hasText: new RegExp(`^${status}\\b`) }), `"${server}" described as ${status}`);
    await expectVisible(ui.statusIcon(row, 'loading'), `a spinning icon on "${server}"`);
  } catch (error) {
    const requests = sent().map((entry) => `${entry.method} ${entry.path} → ${entry.status}`);
    throw error instanceof NotSeen ? new NotSeen(`${error.message} (requests: ${requests.length > 0 ? requests.join(', ') : 'none'})`) : error;
  }
}

/** Exactly one request for the action, accepted. */
function expectOne(sent: readonly LoggedRequest[], action: string): void {
  if (sent.length !== 1) throw new NotSeen(`${sent.length} ${action} request(s) for "${server}" instead of one`);
  if (sent[0].status !== 200) throw new NotSeen(`the emulator answered the ${action} request with ${sent[0].status}`);
}
