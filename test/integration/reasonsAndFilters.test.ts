import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { conversation, label, type Node, type Panel, signedInSuite } from './harness';

describe('Reasons at a glance and the status filter against the emulator', () => {
  // Enough jobs for a second page of completed ones.
  const under = signedInSuite({ transitionMs: 300, scaleTrainingJobs: 120 });

  const explorer = () => under().explorer;
  const description = (node: Node): string => String(node.getTreeItem().description ?? '');
  const idOf = (node: Node): string => node.id.split('/').pop() as string;

  /** The hover's text as VS Code shows it (resolved on hover when the row left it out), without markdown escapes. */
  async function hover(node: Node): Promise<string> {
    const tooltip = await under().tooltip(node);
    const markdown = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
    return markdown.replace(/\\(.)/g, '$1').replace(/ +\n/g, '\n');
  }

  /** The line after the hover's title: where the reason stands. */
  const firstLine = (text: string): string => text.split('\n').filter((line) => line.trim() !== '')[1] ?? '';

  async function listed(category: string): Promise<Node[]> {
    const group = await under().category(category);
    await vscode.commands.executeCommand('modelarts.refresh', group);
    return explorer().getChildren(group);
  }

  const searches = () => under().emulator.requests.list({ method: 'POST', path: '/training-job-searches' });
  const lastSearchFilters = (): unknown => JSON.parse(searches().at(-1)?.body ?? '{}').filters;

  it("a failed job's hover reads the last error line of its log only when hovered, and its details panel shows that reason first", async () => {
    const jobs = await listed('Training Jobs');
    assert.equal(under().emulator.requests.count({ path: '/logs/preview' }), 0, 'listing reads no log');
    const failed = jobs.find((node) => description(node).startsWith('Failed'));
    assert.ok(failed, `a failed job is listed: ${jobs.map(description).join(' | ')}`);
    assert.equal(failed.getTreeItem().tooltip, undefined, 'the row leaves its hover to be resolved');
    const succeeded = jobs.find((node) => description(node).startsWith('Completed'));
    assert.ok(succeeded, `a completed job is listed: ${jobs.map(description).join(' | ')}`);
    assert.equal(succeeded.getTreeItem().tooltip, undefined, 'every row builds its hover when shown, not when listed');
    const succeededHover = await hover(succeeded);
    assert.ok(succeededHover.startsWith(`**${label(succeeded)}**\n`), `the resolved hover names the job: ${succeededHover}`);

    const reasonLine = firstLine(await hover(failed));
    const reason = /^Reason: (.+)$/.exec(reasonLine)?.[1];
    assert.ok(reason, `the hover starts with the reason: "${reasonLine}"`);
    assert.ok(reason.length <= 200, 'the reason is one short line');
    const previews = under().emulator.requests.list({ method: 'GET', path: `/training-jobs/${idOf(failed)}/tasks/` });
    assert.equal(previews.length, 1, 'one log read, on hover');
    const log = await under().api.context.session.services?.trainingJobs.logPreview('cn-north-4', idOf(failed), 'worker-0');
    const lastError = (log?.content ?? '').split('\n').filter((line) => /error|exception|killed|out of memory/i.test(line)).at(-1) ?? '';
    assert.ok(lastError.trim().startsWith(reason.replace(/…$/, '')), `the reason is the log's last error line: "${lastError}"`);

    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.showDetails', failed)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const details = await talk.next('details', (message) => message.view.reason !== undefined);
      assert.equal(details.view.reason, reason, 'the panel shows the same reason');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it("a failed notebook's hover starts with the reason it states, without another request", async () => {
    const notebooks = await listed('Notebooks');
    const failed = notebooks.find((node) => /failed/i.test(description(node)));
    assert.ok(failed, `a failed notebook is listed: ${notebooks.map(description).join(' | ')}`);
    // The hover's only request is the flavor list that describes its flavor, read once a session.
    const otherThanFlavors = () => under().emulator.requests.count((request) => !request.path.endsWith('/notebooks/flavors'));
    const before = otherThanFlavors();
    assert.match(firstLine(await hover(failed)), /^Reason: \S.+/);
    assert.equal(otherThanFlavors(), before, 'the reason comes with the listing');
  });

  it("a failed real-time service's hover reads its reason from the service's own read, on hover", async () => {
    const services = await listed('Real-Time Services (v1)');
    const failed = services.find((node) => /^Failed/.test(description(node)));
    assert.ok(failed, `a failed service is listed: ${services.map(description).join(' | ')}`);
    assert.equal(under().emulator.requests.count({ method: 'GET', path: `/services/${idOf(failed)}` }), 0);
    assert.match(firstLine(await hover(failed)), /^Reason: .*health check/);
  });

  it('the status filter narrows Training Jobs on the server, survives a refresh and Load more, and Clear shows every job again', async () => {
    const all = await listed('Training Jobs');
    const group = await under().category('Training Jobs');
    under().ui.answer('Failed');
    await vscode.commands.executeCommand('modelarts.filterByStatus', group);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(description(group), 'only Failed');
    assert.match(group.getTreeItem().contextValue ?? '', /\bstatusFiltered\b/);

    const filtered = await explorer().getChildren(group);
    assert.deepEqual(lastSearchFilters(), [{ key: 'phase', operator: 'in', value: ['Failed', 'Abnormal'] }], 'the search sends the filter');
    assert.ok(filtered.length > 0 && filtered.every((node) => /^(Failed|Abnormal)/.test(description(node))), filtered.map(description).join(' | '));
    assert.ok(filtered.length < all.length, 'jobs of other states are left out');

    await vscode.commands.executeCommand('modelarts.refresh', group);
    await explorer().getChildren(group);
    assert.deepEqual(lastSearchFilters(), [{ key: 'phase', operator: 'in', value: ['Failed', 'Abnormal'] }], 'a refresh keeps the filter');
    assert.equal(description(await under().category('Training Jobs')), 'only Failed');

    await vscode.commands.executeCommand('modelarts.clearStatusFilter', group);
    const again = await explorer().getChildren(group);
    assert.deepEqual(lastSearchFilters(), [], 'Clear sends no filter');
    assert.deepEqual(again.map(label), all.map(label));
    assert.equal(group.getTreeItem().description, undefined);
  });

  it('Load more of a filtered category asks for the next page with the same filter', async () => {
    const group = await under().category('Training Jobs');
    under().ui.answer('Completed');
    await vscode.commands.executeCommand('modelarts.filterByStatus', group);
    try {
      const firstPage = await explorer().getChildren(group);
      assert.equal(label(firstPage.at(-1) as Node), 'Load more…');
      await vscode.commands.executeCommand('modelarts.loadMore', group);
      const twoPages = (await explorer().getChildren(group)).filter((node) => label(node) !== 'Load more…');
      assert.ok(twoPages.length > 50 && twoPages.every((node) => description(node).startsWith('Completed')), twoPages.map(description).join(' | '));
      const bodies = searches().map((request) => JSON.parse(request.body ?? '{}') as { offset: number; filters: unknown });
      assert.deepEqual([...new Set(bodies.map((body) => body.offset))], [0, 1]);
      assert.ok(bodies.every((body) => JSON.stringify(body.filters) === JSON.stringify([{ key: 'phase', operator: 'in', value: ['Completed'] }])));
    } finally {
      await vscode.commands.executeCommand('modelarts.clearStatusFilter', group);
    }
  });
});
