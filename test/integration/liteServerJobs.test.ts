import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { label, type Node, REGION, signedInSuite, until } from './harness';

describe('Lite Server jobs against the emulator', () => {
  const under = signedInSuite({ transitionMs: 300 });

  const jobsCategory = async () => under().child(await under().child(undefined, REGION), 'Lite Server Jobs');
  const jobs = async () => under().explorer.getChildren(await jobsCategory());
  const status = (node: Node) => String(node.getTreeItem().description).split(' · ')[0];
  const iconOf = (node: Node) => (node.getTreeItem().iconPath as vscode.ThemeIcon).id;
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  async function serverIds(...names: string[]): Promise<string[]> {
    const servers = await under().explorer.getChildren(await under().child(await under().child(undefined, REGION), 'Lite Servers'));
    return names.map((name) => {
      const found = servers.find((node) => label(node) === name);
      assert.ok(found, `server ${name}`);
      return idOf(found);
    });
  }

  it('lists the region\'s jobs with their states, and shows one as JSON', async () => {
    const listed = await jobs();
    const serving = listed.find((node) => label(node) === 'qwen2-7b-serving');
    const training = listed.find((node) => label(node) === 'llama3-8b-sft');
    assert.ok(serving && training, `seeded jobs: ${listed.map(label).join(', ')}`);
    assert.deepEqual([status(serving), iconOf(serving)], ['Running', 'vm-running']);
    assert.deepEqual([status(training), iconOf(training)], ['Succeeded', 'pass']);
    assert.match(String(training.getTreeItem().description), /TRAIN · 1 server\(s\)/);

    await vscode.commands.executeCommand('modelarts.devServerJob.viewDetails', training);
    assert.deepEqual(under().ui.errors, []);
    const shown = JSON.parse(vscode.window.activeTextEditor?.document.getText() ?? '{}');
    assert.deepEqual([shown.id, shown.name, shown.status], [idOf(training), 'llama3-8b-sft', 'SUCCEEDED']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('creates a job from a template, asking its parameters one by one, and the new job goes Pending to Running', async () => {
    const category = await jobsCategory();
    let offeredServers: string[] = [];
    under().ui.answer(
      'mindspeed-llm-sft',
      'sft-from-vscode',
      // The servers picker: only running servers are offered.
      'lite-910b-dev,lite-cpu-etl',
      'swr.cn-north-4.myhuaweicloud.com/team/mindspeed-llm:2.1.0',
      '',
    );
    const pickMany = under().ui.showQuickPickMany.bind(under().ui);
    under().ui.showQuickPickMany = (items, options) => {
      offeredServers = items.map((item) => item.label);
      return pickMany(items, options);
    };
    await vscode.commands.executeCommand('modelarts.devServerJob.create', category);
    assert.deepEqual(under().ui.errors, []);
    assert.ok(offeredServers.includes('lite-cpu-etl') && !offeredServers.includes('lite-v100-notebook'), `offered: ${offeredServers.join(', ')}`);
    const [nameBox, imageBox, commandBox] = under().ui.inputBoxes;
    assert.equal(nameBox.value, 'mindspeed-llm-sft', 'the name starts from the template\'s');
    assert.equal(imageBox.value, 'swr.cn-north-4.myhuaweicloud.com/atelier/mindspeed-llm:2.0.0', 'the image starts from the template\'s');
    assert.equal(commandBox.value, 'bash examples/sft.sh');

    const created = under().emulator.requests.list({ method: 'POST', path: '/dev-servers/jobs' });
    assert.equal(created.length, 1);
    const body = JSON.parse(created[0].body ?? '{}');
    assert.equal(body.name, 'sft-from-vscode');
    assert.match(body.template_id, /^[0-9a-f-]{36}$/);
    assert.deepEqual([...body.server_ids].sort(), (await serverIds('lite-910b-dev', 'lite-cpu-etl')).sort());
    assert.equal(body.image, 'swr.cn-north-4.myhuaweicloud.com/team/mindspeed-llm:2.1.0');
    assert.equal(body.command, undefined, 'an empty command keeps the template\'s');

    const job = await until(async () => (await jobs()).find((node) => label(node) === 'sft-from-vscode'), (node) => node !== undefined, 'the new job in the tree');
    assert.ok(job);
    assert.ok(['Pending', 'Running'].includes(status(job)), status(job));
    await until(() => status(job), (value) => value === 'Running', 'the new job to be Running');
  });

  it('deletes the selected jobs in one request after a confirmation naming them', async () => {
    const services = under().api.context.session.services;
    assert.ok(services);
    const servers = await serverIds('lite-cpu-etl');
    for (const name of ['cleanup-a', 'cleanup-b']) {
      await services.devServerJobs.create(REGION, { name, type: 'INFER', server_ids: servers, image: 'swr.cn-north-4.myhuaweicloud.com/team/serve:1' });
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
