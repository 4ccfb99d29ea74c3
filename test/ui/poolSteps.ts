// Resource pools, after the panel steps (signed in, cn-north-4 → default expanded, Training Jobs open): the nodes of
// the emulator's Running pool pool-cpu-etl, acted on together through the tree's multi-selection.
import type { LoggedRequest } from '../../emulator/requestLog';
import type { UiStep } from './steps';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const pool = 'pool-cpu-etl';
/** Depth of the pool's nodes: region, workspace, Resource Pools, pool, Nodes, node. */
const nodeLevel = 6;
/** Wide enough for a node's name and its description "Available · cpu.8ud · 192.168.0.2". */
const sideBarWidth = 560;

export const poolSteps: readonly UiStep[] = [
  {
    slug: 'reboot-nodes',
    title: 'Reboot two nodes of a pool at once',
    expected:
      `Resource Pools → ${pool} → Nodes lists Available nodes; a click and a Ctrl+click select two; the context menu of one has ` +
      `"Reboot Nodes…", which asks "Reboot 2 nodes of pool "${pool}…"?" naming both; Reboot sends one batch-reboot request ` +
      'for both, and both rows go Checking, then Available again',
    timeoutMs: 45_000,
    async run({ ui, emulator, screenshot }) {
      const rebootRequests = () => emulator.requests.list({ method: 'POST', path: '/nodes/batch-reboot' });
      const rebootsBefore = rebootRequests().length;
      // With the training jobs folded away, the pool's nodes fit in the side bar; widened, it shows their phases,
      // which it otherwise cuts off at this depth. It stays wide for any later step.
      await ui.collapse('Training Jobs', 3);
      await ui.resizeSideBar(sideBarWidth);
      await ui.expand('Resource Pools', 3);
      await ui.expand(pool, 4);
      await ui.expand('Nodes', 5);
      // Only Nodes is expanded at its depth: the rows below it are the pool's nodes.
      const available = ui.withDescription(ui.treeRowsAt(nodeLevel), /^Available\b/);
      await expectVisible(available, `Available nodes under ${pool} → Nodes`);
      // The nodes come in one page, so they show together.
      const names = (await available.locator('.label-name').allInnerTexts()).map((name) => name.trim()).slice(0, 2);
      if (names.length < 2) throw new NotSeen(`only ${names.join(', ')} Available under ${pool} → Nodes`);
      // Found again by name: they stop being Available.
      const [first, second] = names.map((name) => ui.treeRow(name, nodeLevel));

      await first.click();
      await expectVisible(first.and(ui.selectedTreeRows), `"${names[0]}" selected after a click`);
      await ui.addToSelection(second, `"${names[1]}"`);
      await expectSelected(names);
      // The second: the menu opens below the pointer and leaves both selected rows in sight.
      await ui.openContextMenu(second);
      await expectVisible(ui.contextMenuItem('Reboot Nodes…'), 'the "Reboot Nodes…" menu item');
      // A right-click on a selected row keeps the selection, so the command gets both nodes.
      await expectSelected(names);
      await screenshot('context-menu');
      await ui.chooseContextMenuItem('Reboot Nodes…');

      const question = ui.dialog.locator('.dialog-message-text', { hasText: `Reboot 2 nodes of pool "${pool}` });
      await expectVisible(question, `a dialog "Reboot 2 nodes of pool "${pool}…"?"`);
      const detail = await ui.dialog.locator('.dialog-message-detail').innerText();
      const unnamed = names.filter((name) => !detail.includes(name));
      if (unnamed.length > 0) throw new NotSeen(`the dialog's detail does not name ${unnamed.join(' and ')}: "${detail}"`);
      const sentEarly = rebootRequests().length - rebootsBefore;
      if (sentEarly > 0) throw new NotSeen(`${sentEarly} batch-reboot request(s) sent before Reboot was clicked`);
      await screenshot('dialog');
      await ui.dialogButton('Reboot').click();
      await expectGone(ui.dialog, 'the Reboot dialog');

      // The emulator keeps a rebooted node Checking for one transition (1.5 s); the command refetches the nodes at once.
      try {
        for (const [index, row] of [first, second].entries()) {
          await expectVisible(ui.description(row).filter({ hasText: /^Checking\b/ }), `"${names[index]}" described as Checking`);
          await expectVisible(ui.statusIcon(row, 'loading'), `a spinning icon on "${names[index]}"`);
        }
      } catch (error) {
        // Whether the request went out, and how the emulator answered it, tells the tree's fault from the command's.
        const sent = rebootRequests().slice(rebootsBefore);
        const requests = sent.length > 0 ? sent.map((entry) => `${entry.status} for ${entry.body}`).join(', ') : 'none';
        throw error instanceof NotSeen ? new NotSeen(`${error.message} (batch-reboot requests answered: ${requests})`) : error;
      }
      await screenshot('checking');
      expectOneReboot(rebootRequests().slice(rebootsBefore), names);

      // The tree polls changing resources every 5 s (modelarts.pollIntervalSeconds).
      for (const [index, row] of [first, second].entries()) {
        await expectVisible(ui.description(row).filter({ hasText: /^Available\b/ }), `"${names[index]}" described as Available again`, 30_000);
        await expectVisible(ui.statusIcon(row, 'vm-running'), `the running icon on "${names[index]}"`);
      }
      await expectGone(ui.toast('Rebooting 2 nodes'), 'the "Rebooting 2 nodes…" progress');
      // Nothing was sent twice while the nodes went round.
      expectOneReboot(rebootRequests().slice(rebootsBefore), names);

      async function expectSelected(expected: readonly string[]): Promise<void> {
        const selected = await ui.selectedLabels();
        if (selected.length !== expected.length || expected.some((name) => !selected.includes(name))) {
          throw new NotSeen(`the tree shows ${selected.length > 0 ? selected.join(', ') : 'nothing'} selected instead of ${expected.join(' and ')}`);
        }
      }
    },
  },
  {
    slug: 'edit-pool',
    title: 'Edit a pool: Save waits for a change, and a new size goes out as a merge patch',
    expected:
      `the context menu of ${pool} has "Edit Resource Pool…", which opens "Edit Resource Pool" with Name read-only and Save greyed out; ` +
      'one more node in its first node pool enables Save, which closes the panel and sends only the new sizes; the pool shows ' +
      '"scaling" until the node is up',
    timeoutMs: 45_000,
    async run({ ui, panel, emulator, screenshot }) {
      const poolRow = ui.treeRow(pool, 4);
      // A click first: the nodes the step before left selected would make the menu a multi-selection's.
      await poolRow.click();
      await ui.openContextMenu(poolRow);
      await ui.chooseContextMenuItem('Edit Resource Pool…');
      await expectVisible(panel.heading.filter({ hasText: exactly('Edit Resource Pool') }), 'the form titled "Edit Resource Pool"');
      await expectVisible(panel.control('count-0'), 'a node count per node pool');
      await expectVisible(panel.content.locator('vscode-textfield#name[disabled]'), 'Name read-only');
      const save = panel.content.locator('vscode-button', { hasText: exactly('Save') });
      await expectVisible(save.and(panel.content.locator('[disabled]')), 'Save greyed out while nothing has changed');
      const count = Number(await panel.textBox('count-0').inputValue());
      await panel.typeInto('count-0', String(count + 1));
      await expectVisible(save.and(panel.content.locator(':not([disabled])')), 'Save enabled after a change');
      await screenshot('form');
      await save.click();
      await expectGone(panel.heading.filter({ hasText: exactly('Edit Resource Pool') }), 'the "Edit Resource Pool" panel');
      const patch = emulator.requests.list({ method: 'PATCH', path: '/pools/' }).at(-1);
      const body = JSON.parse(patch?.body ?? '{}') as { metadata?: unknown; spec?: { scope?: unknown; resources?: { count: number }[] } };
      if (body.metadata !== undefined || body.spec?.scope !== undefined || body.spec?.resources?.[0]?.count !== count + 1) {
        throw new NotSeen(`the PATCH sent ${patch?.body ?? 'nothing'} instead of the new sizes only`);
      }
      await expectVisible(ui.description(poolRow).filter({ hasText: /^Running · scaling/ }), `${pool} described as "Running · scaling"`);
      await expectVisible(ui.description(poolRow).filter({ hasText: /^Running · \d/ }), `${pool} settled after scaling`, 30_000);
    },
  },
  {
    slug: 'pool-details',
    title: 'Show the details of a pool',
    expected: `the context menu of ${pool} has "Show Resource Pool Details", which opens a panel with a Running badge, its uses, how many nodes are in each state and tags, and Edit and Manage Tags buttons`,
    timeoutMs: 30_000,
    async run({ ui, panel, screenshot }) {
      await ui.openContextMenu(ui.treeRow(pool, 4));
      await ui.chooseContextMenuItem('Show Resource Pool Details');
      await expectVisible(panel.heading.filter({ hasText: exactly(pool) }), `the panel titled "${pool}"`);
      await expectVisible(panel.statusBadge.filter({ hasText: 'Running' }), 'a status badge "Running"');
      const row = (label: string) => panel.content.locator('table.fields tr', { has: panel.content.locator('th', { hasText: exactly(label) }) });
      await expectVisible(row('Available nodes').filter({ hasText: /\d/ }), 'how many nodes are available');
      await expectVisible(row('Tags').filter({ hasText: 'team=data-eng' }), 'the tags (read with the first refresh)');
      await expectVisible(panel.button('Edit…'), 'an Edit… button');
      await expectVisible(panel.button('Manage Tags…'), 'a Manage Tags… button');
      await screenshot('details');
    },
  },
];

/** Exactly one batch-reboot request, accepted, whose body names exactly `names`. */
function expectOneReboot(sent: readonly LoggedRequest[], names: readonly string[]): void {
  if (sent.length !== 1) {
    const bodies = sent.map((entry) => `${entry.status} ${entry.body}`).join(' | ');
    throw new NotSeen(`${sent.length} batch-reboot request(s) instead of one${bodies ? `: ${bodies}` : ''}`);
  }
  if (sent[0].status !== 200) throw new NotSeen(`the emulator answered the batch-reboot request ${sent[0].body} with ${sent[0].status}`);
  let nodeNames: unknown;
  try {
    nodeNames = (JSON.parse(sent[0].body ?? '') as { nodeNames?: unknown }).nodeNames;
  } catch {
    throw new NotSeen(`the batch-reboot request's body is not JSON: "${sent[0].body}"`);
  }
  const sentNames = Array.isArray(nodeNames) ? nodeNames : [];
  if (sentNames.length !== names.length || names.some((name) => !sentNames.includes(name))) {
    throw new NotSeen(`the batch-reboot request names ${JSON.stringify(nodeNames)} instead of ${names.join(' and ')}`);
  }
}
