import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { label, type Node, REGION, signedInSuite, until } from './harness';

describe('Lite Server jobs against the emulator', () => {
  const under = signedInSuite({ transitionMs: 300 });

  const jobsCategory = async () => under().regionCategory('Lite Server Jobs');
  const jobs = async () => under().explorer.getChildren(await jobsCategory());
  const status = (node: Node) => String(node.getTreeItem().description).split(' · ')[0];
  const iconOf = (node: Node) => (node.getTreeItem().iconPath as vscode.ThemeIcon).id;
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  async function serverIds(...names: string[]): Promise<string[]> {
    const servers = await under().explorer.getChildren(await under().regionCategory('Lite Servers'));
    return names.map((name) => {
      const found = servers.find((node) => label(node) === name);
      assert.ok(found, `server ${name}`);
      return idOf(found);
    });
  }

  it('lists the region\'s jobs with their states and failed tasks, shows one as JSON, and expands to its tasks', async () => {
    const listed = await jobs();
    const logs = listed.find((node) => label(node) === 'npu-logs-weekly');
    const check = listed.find((node) => label(node) === 'npu-health-check-0312');
    assert.ok(logs && check, `seeded jobs: ${listed.map(label).join(', ')}`);
    assert.deepEqual([status(logs), iconOf(logs)], ['Finished', 'pass']);
    assert.deepEqual([status(check), iconOf(check)], ['Finished', 'error']);
    assert.match(String(check.getTreeItem().description), /^Finished · COMMON · 1 task\(s\) failed · /);
    const lists = under().emulator.requests.list({ method: 'GET', path: /\/dev-servers\/jobs$/ });
    assert.ok(lists.length > 0 && lists.every((request) => Object.keys(request.query).length === 0), 'unpaged requests');

    await vscode.commands.executeCommand('modelarts.devServerJob.viewDetails', check);
    assert.deepEqual(under().ui.errors, []);
    const shown = JSON.parse(vscode.window.activeTextEditor?.document.getText() ?? '{}');
    assert.deepEqual([shown.id, shown.name, shown.status, shown.tasks.length], [idOf(check), 'npu-health-check-0312', 'FINISHED', 2]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    const tasks = await under().explorer.getChildren(await under().child(check, 'Tasks'));
    assert.deepEqual(
      tasks.map((node) => [label(node), status(node), iconOf(node)]),
      [
        ['lite-910b-dev', 'Success', 'pass'],
        ['hps-cloudmatrix-01-0002', 'Failed', 'error'],
      ],
    );
  });

  it('creates a job from a template, asking the parameters it shows, checked by its patterns; the job goes Processing to Finished', async () => {
    const category = await jobsCategory();
    let offeredServers: string[] = [];
    under().ui.answer(
      'npu-log-collect',
      'logs-from-vscode',
      // The servers picker: only running servers are offered.
      'lite-910b-dev,lite-cpu-etl',
      'obs://modelarts-demo-data/logs/',
      '7',
      'Yes',
    );
    const pickMany = under().ui.showQuickPickMany.bind(under().ui);
    under().ui.showQuickPickMany = (items, options) => {
      offeredServers = items.map((item) => item.label);
      return pickMany(items, options);
    };
    await vscode.commands.executeCommand('modelarts.devServerJob.create', category);
    assert.deepEqual(under().ui.errors, []);
    assert.ok(offeredServers.includes('lite-cpu-etl') && !offeredServers.includes('lite-v100-notebook'), `offered: ${offeredServers.join(', ')}`);
    const [nameBox, obsBox, daysBox] = under().ui.inputBoxes;
    assert.equal(nameBox.value, 'npu-log-collect', 'the name starts from the template\'s');
    assert.equal(daysBox.value, '3', 'a parameter starts from the template\'s value');
    assert.match(String(obsBox.prompt), /obs_path/);
    assert.ok(await obsBox.validateInput?.('bucket/logs'), 'a value the template\'s pattern refuses');
    assert.equal(await obsBox.validateInput?.('obs://bucket-a/logs/'), undefined);

    const created = under().emulator.requests.list({ method: 'POST', path: '/dev-servers/jobs' });
    assert.equal(created.length, 1);
    const body = JSON.parse(created[0].body ?? '{}');
    assert.deepEqual(
      { ...body, server_ids: [...body.server_ids].sort() },
      {
        name: 'logs-from-vscode',
        server_ids: (await serverIds('lite-910b-dev', 'lite-cpu-etl')).sort(),
        type: 'LOG_COLLECT',
        is_reboot: true,
        // The hidden parameter keeps the template's value.
        items: [{ type: 'LOG_COLLECT', spec: { obs_path: 'obs://modelarts-demo-data/logs/', log_days: '7', collector_version: '2.1.0' } }],
      },
    );

    const job = await until(async () => (await jobs()).find((node) => label(node) === 'logs-from-vscode'), (node) => node !== undefined, 'the new job in the tree');
    assert.ok(job);
    assert.ok(['Processing', 'Finished'].includes(status(job)), status(job));
    await until(() => status(job), (value) => value === 'Finished', 'the new job to be Finished');
  });

  it('deletes the selected jobs in one request after a confirmation naming them', async () => {
    const services = under().api.context.session.services;
    assert.ok(services);
    const servers = await serverIds('lite-cpu-etl');
    for (const name of ['cleanup-a', 'cleanup-b']) {
      await services.devServerJobs.create(REGION, { name, server_ids: servers, type: 'COMMON', items: [{ type: 'COMMON', spec: { check_items: 'hbm' } }] });
    }
    await vscode.commands.executeCommand('modelarts.refresh', await jobsCategory());
    const selection = (await jobs()).filter((node) => ['cleanup-a', 'cleanup-b'].includes(label(node)));
    assert.equal(selection.length, 2);

    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.devServerJob.delete', selection[0], selection);
    assert.equal(under().emulator.requests.count({ method: 'DELETE' }), 0, 'declining deletes nothing');

    under().ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.devServerJob.delete', selection[0], selection);
    assert.deepEqual(under().ui.errors, []);
    assert.match(under().ui.shown.at(-1)?.message ?? '', /^Delete Lite Server job "cleanup-[ab]", "cleanup-[ab]"\?$/);
    const deletes = under().emulator.requests.list({ method: 'DELETE' });
    assert.equal(deletes.length, 1);
    assert.ok(deletes[0].path.endsWith('/dev-servers/jobs'));
    assert.deepEqual(JSON.parse(deletes[0].body ?? '{}').job_ids.sort(), selection.map(idOf).sort());
    const remaining = (await jobs()).map(label);
    assert.ok(!remaining.includes('cleanup-a') && !remaining.includes('cleanup-b'), remaining.join(', '));
  });
});
