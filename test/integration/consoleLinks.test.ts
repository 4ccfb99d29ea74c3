import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONSOLE_KINDS } from '../../src/console/consoleLinks';
import { invokeTool } from './chatSamples';
import { conversation, label, type Node, type Panel, REGION, signedInSuite } from './harness';

/** Where each kind's link goes in cn-north-4 on the Chinese site: the page's start (a deep link adds the id). */
const CHINA = 'https://console.huaweicloud.com';

/** The kind a row shows: the first word of its contextValue (the second for a category: `group obsBucketGroup …`). */
function kindOf(node: Node): string {
  const words = String(node.getTreeItem().contextValue ?? '').split(' ');
  return words[0] === 'group' ? words[1] : words[0];
}

describe('Open in Huawei Cloud Console: every resource kind, in its region, on the account\'s site', () => {
  const under = signedInSuite({ transitionMs: 60_000 });

  /** One row of every kind the tree shows under the region (sub-resources of any of their parents; OBS folders of the first bucket and folder). */
  async function oneRowOfEachKind(): Promise<Map<string, Node>> {
    const rows = new Map<string, Node>();
    const queue: Node[] = [await under().child(undefined, REGION)];
    while (queue.length > 0) {
      const node = queue.shift() as Node;
      const kind = kindOf(node);
      if (rows.has(kind) && ['obsBucket', 'obsFolder', 'obsObject'].includes(kind)) {
        continue;
      }
      if (!rows.has(kind)) {
        rows.set(kind, node);
      }
      if (node.getTreeItem().collapsibleState !== vscode.TreeItemCollapsibleState.None) {
        queue.push(...(await under().explorer.getChildren(node)));
      }
    }
    return rows;
  }

  async function openedFor(node: Node): Promise<string> {
    const before = under().ui.opened.length;
    await vscode.commands.executeCommand('modelarts.openInConsole', node);
    assert.deepEqual(under().ui.errors, [], label(node));
    assert.equal(under().ui.opened.length, before + 1, `${label(node)}: one address opened`);
    return (under().ui.opened.at(-1) as vscode.Uri).toString(true);
  }

  it('every kind of the tree opens a console page in its region; a training job its own page', async () => {
    const rows = await oneRowOfEachKind();
    const missing = CONSOLE_KINDS.filter((kind) => !rows.has(kind));
    assert.deepEqual(missing, [], 'the tree shows a row of every kind the table links');
    for (const kind of CONSOLE_KINDS) {
      const url = new URL(await openedFor(rows.get(kind) as Node));
      assert.equal(url.origin, CHINA, kind);
      assert.equal(url.searchParams.get('region'), REGION, kind);
      assert.match(url.hash, /^(#\/.+)?$/, kind);
    }
    const job = rows.get('trainingJob') as Node;
    const id = (job.getTreeItem().id ?? '').split('/').at(-1);
    assert.equal(await openedFor(job), `${CHINA}/modelarts/?region=${REGION}#/training/detail/${id}`);
    const bucket = rows.get('obsBucket') as Node;
    assert.equal(await openedFor(bucket), `${CHINA}/obs/?region=${REGION}#/obs/manage/${label(bucket)}/overview`);
  });

  it('the site setting switches the host', async () => {
    const job = (await under().explorer.getChildren(await under().category('Training Jobs')))[0];
    const settings = vscode.workspace.getConfiguration('modelarts');
    await settings.update('console.site', 'international', vscode.ConfigurationTarget.Global);
    try {
      assert.match(await openedFor(job), /^https:\/\/console-intl\.huaweicloud\.com\/modelarts\/\?region=cn-north-4#\/training\/detail\//);
    } finally {
      await settings.update('console.site', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.match(await openedFor(job), /^https:\/\/console\.huaweicloud\.com\/modelarts\//, 'auto: a cn- region, no answer from BSS yet: the Chinese site');
  });

  it('an id that is not plain never shapes the address: the list page opens', async () => {
    const project = under().emulator.state.projectFor(under().emulator.demo.ak, REGION);
    assert.ok(project, 'the demo project');
    const hostile = { id: '../../x?region=evil#/y', name: 'hostile-vpc', cidr: '10.9.0.0/16', description: '', createdAt: under().emulator.clock.now() };
    project.companion.vpcs.push(hostile);
    try {
      under().api.context.explorer.reload();
      const vpcs = await under().explorer.getChildren(await under().regionCategory('VPCs'));
      const row = vpcs.find((node) => label(node) === 'hostile-vpc');
      assert.ok(row, 'the VPC is listed');
      assert.equal(await openedFor(row), `${CHINA}/vpc/?region=${REGION}#/vpc/vpcs/list`);
      const plain = vpcs.find((node) => node !== row && kindOf(node) === 'vpc') as Node;
      assert.match(await openedFor(plain), new RegExp(`^${CHINA}/vpc/\\?region=${REGION}#/vpcs/detail/[\\w-]+$`), 'a plain id links its VPC');
    } finally {
      project.companion.vpcs.splice(project.companion.vpcs.indexOf(hostile), 1);
      under().api.context.explorer.reload();
    }
  });

  it('the details panel has the button, and a chat tool result the link', async () => {
    const job = (await under().explorer.getChildren(await under().category('Training Jobs')))[0];
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.showDetails', job)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const { view } = await talk.next('details');
      assert.ok(view.actions.includes('openInConsole'), `the panel offers it: ${view.actions.join(', ')}`);
      await panel.receive({ type: 'runAction', action: 'openInConsole' });
      assert.deepEqual(under().ui.errors, []);
      assert.match((under().ui.opened.at(-1) as vscode.Uri).toString(true), /^https:\/\/console\.huaweicloud\.com\/modelarts\/\?region=cn-north-4#\/training\/detail\/[\w-]+$/);
    } finally {
      talk.dispose();
      panel.dispose();
    }
    // A kind without a panel of its own (a VPC) gets the plain panel, with the button too.
    const vpc = (await oneRowOfEachKind()).get('vpc') as Node;
    const click = vpc.getTreeItem().command as vscode.Command;
    const plain = (await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []))) as Panel;
    const plainTalk = conversation(plain);
    try {
      await plain.receive({ type: 'ready' });
      const { view } = await plainTalk.next('details');
      assert.deepEqual(view.actions, ['refresh', 'openInConsole']);
      await plain.receive({ type: 'runAction', action: 'openInConsole' });
      assert.deepEqual(under().ui.errors, []);
      assert.match((under().ui.opened.at(-1) as vscode.Uri).toString(true), /^https:\/\/console\.huaweicloud\.com\/vpc\/\?region=cn-north-4#/);
    } finally {
      plainTalk.dispose();
      plain.dispose();
    }
    const got = await invokeTool('modelarts_get_training_job', { name: label(job) });
    assert.match(got.split('```')[0], /^Huawei Cloud console: https:\/\/console\.huaweicloud\.com\/modelarts\/\?region=cn-north-4#\/training\/detail\/[\w-]+$/m);
  });
});
