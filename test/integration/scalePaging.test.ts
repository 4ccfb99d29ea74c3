import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SCALE_OBS_FOLDER } from '../../emulator/seedScale';
import { realTimers } from '../../src/views/transitionPoller';
import { label, type Node, REGION, signedInSuite } from './harness';
import { VirtualScheduler } from './virtualScheduler';

const LOAD_MORE = 'Load more…';
const FAILED = [{ key: 'phase', operator: 'in', value: ['Failed', 'Abnormal'] }];

/** Each big list of scale mode: the rows leading to it from its region's row, and how many items a page holds. */
const LISTS: readonly { readonly kind: string; readonly path: readonly string[]; readonly pageSize: number }[] = [
  { kind: 'training jobs', path: ['default', 'Training Jobs'], pageSize: 50 },
  { kind: 'notebooks', path: ['default', 'Notebooks'], pageSize: 50 },
  { kind: 'pool nodes', path: ['nlp-research', 'Resource Pools', 'pool-gpu-v100', 'Nodes'], pageSize: 100 },
  { kind: 'OBS objects in one folder', path: ['Storage and Images', 'OBS Buckets', 'modelarts-demo-data', ...SCALE_OBS_FOLDER.split('/').filter(Boolean)], pageSize: 100 },
  { kind: 'Lite Servers', path: ['Lite Server', 'Lite Servers'], pageSize: 50 },
];

describe('The tree at scale: a filter goes to the server, and Load more costs one request a page', () => {
  const under = signedInSuite({ scale: true });
  // Polls run only when this clock moves, which it never does here: every request counted is the listing's own.
  before(() => under().api.context.explorer.poller.useScheduler(new VirtualScheduler(() => undefined)));
  after(() => under().api.context.explorer.poller.useScheduler(realTimers));

  const explorer = () => under().explorer;
  const description = (node: Node): string => String(node.getTreeItem().description ?? '');
  const rows = (nodes: readonly Node[]): Node[] => nodes.filter((node) => label(node) !== LOAD_MORE);
  const clearRequests = (): void => {
    under().emulator.requests.clear();
    under().emulator.obs.requests.clear();
  };
  /** Every request since the last clear, API and OBS, as "METHOD path". */
  const requestsMade = (): string[] =>
    [...under().emulator.requests.list(), ...under().emulator.obs.requests.list()].map((request) => `${request.method} ${request.path}`);
  const searchBodies = () =>
    under().emulator.requests.list({ method: 'POST', path: '/training-job-searches' }).map((request) => JSON.parse(request.body ?? '{}') as { offset: number; filters: unknown });

  async function listNode(path: readonly string[]): Promise<Node> {
    let node: Node | undefined;
    for (const name of [REGION, ...path]) {
      const children = await explorer().getChildren(node);
      node = children.find((child) => label(child) === name);
      assert.ok(node, `"${name}" is not among ${children.map(label).join(', ')}`);
    }
    return node as Node;
  }

  it('a status filter on 10,000 training jobs is sent with the search, and Load more continues the filtered search', async () => {
    const group = await listNode(['default', 'Training Jobs']);
    under().ui.answer('Failed');
    clearRequests();
    // The filter shows the category expanded: the workbench may ask for its first page before this test does.
    await vscode.commands.executeCommand('modelarts.filterByStatus', group);
    try {
      const firstPage = await explorer().getChildren(group);
      assert.deepEqual(searchBodies().map((body) => [body.offset, body.filters]), [[0, FAILED]], 'one search, carrying the filter');
      assert.equal(rows(firstPage).length, 50, 'a full page of failed jobs');
      assert.equal(label(firstPage.at(-1) as Node), LOAD_MORE, 'over a thousand jobs failed: there is more');

      clearRequests();
      await vscode.commands.executeCommand('modelarts.loadMore', group);
      const twoPages = rows(await explorer().getChildren(group));
      assert.deepEqual(searchBodies().map((body) => [body.offset, body.filters]), [[1, FAILED]], 'Load more asks for the next page of the same search');
      assert.equal(twoPages.length, 100);
      assert.equal(new Set(twoPages.map((node) => node.id)).size, 100, 'no job twice');
      assert.ok(twoPages.every((node) => /^(Failed|Abnormal)/.test(description(node))), twoPages.map(description).join(' | '));
    } finally {
      await vscode.commands.executeCommand('modelarts.clearStatusFilter', group);
    }
  });

  for (const { kind, path, pageSize } of LISTS) {
    it(`${kind}: the first page is one request, and each Load more one more`, async () => {
      const list = await listNode(path);
      clearRequests();
      // Listed from its first page again, whether or not an earlier test left it loaded (and the workbench expanded).
      await vscode.commands.executeCommand('modelarts.refresh', list);
      let shown = await explorer().getChildren(list);
      assert.equal(requestsMade().length, 1, `the first page: ${requestsMade().join(', ')}`);
      assert.equal(rows(shown).length, pageSize);
      for (let page = 2; page <= 3; page++) {
        assert.equal(label(shown.at(-1) as Node), LOAD_MORE, `page ${page - 1} offers more`);
        clearRequests();
        await vscode.commands.executeCommand('modelarts.loadMore', list);
        shown = await explorer().getChildren(list);
        assert.equal(requestsMade().length, 1, `Load more to page ${page}: ${requestsMade().join(', ')}`);
        assert.equal(rows(shown).length, page * pageSize, `page ${page} adds a whole page`);
      }
      assert.equal(new Set(rows(shown).map((node) => node.id)).size, 3 * pageSize, 'nothing listed twice');
    });
  }
});
