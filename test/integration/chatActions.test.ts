import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { textOf } from './chatDoubles';
import { CPU_NOTEBOOK_IMAGE, confirmationMessage, demoIds, demoProject, invokeTool, prepareTool, sampleInputs } from './chatSamples';
import { label, type Node, REGION, signedInSuite, until } from './harness';

describe('Chat tools that change things, against the emulator', () => {
  const under = signedInSuite({ transitionMs: 1000 });
  const project = () => demoProject(under().emulator);
  const now = () => under().emulator.clock.now();
  const notebookId = (name: string) => project().notebooks(now()).find((notebook) => notebook.name === name)?.id ?? '';
  const jobId = (name: string) => project().trainingJobsOldestFirst().find((job) => job.name === name)?.id ?? '';
  const serviceId = (name: string) => [...project().servicesV1.values()].find((service) => service.name === name)?.id ?? '';
  const serverId = (name: string) => [...project().devServers.values()].find((server) => server.name === name)?.id ?? '';
  const description = (node: Node) => String(node.getTreeItem().description);
  const requests = (method: string, path: string | RegExp) => under().emulator.requests.list({ method, path });

  it('stopping a notebook asks what the Stop command asks, naming it, where it is and what follows; the tree follows; a second stop is refused by its state', async () => {
    const name = 'data-cleaning-pandas';
    const node = await under().child(await under().category('Notebooks'), name);
    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.notebook.stop', node);
    const asked = under().ui.shown.find((message) => message.kind === 'warning');

    const prepared = await prepareTool(under(), 'modelarts_stop_notebook', { name });
    assert.equal(prepared?.confirmationMessages?.title, asked?.message, 'the same question as the command');
    assert.equal(prepared?.confirmationMessages?.title, `Stop notebook "${name}"?`);
    assert.equal(
      confirmationMessage(prepared),
      `Running kernels and terminals in it end. Files under /home/ma-user/work are kept.\n\nIn \`${REGION}\`, workspace \`default\` (\`0\`); id \`${notebookId(name)}\`; status now \`Running\`.`,
    );
    assert.equal(prepared?.invocationMessage, `Stopping notebook "${name}"…`);
    assert.equal(requests('POST', '/stop').length, 0, 'preparing changes nothing');

    const answer = await invokeTool('modelarts_stop_notebook', { name });
    assert.equal(answer, `Stopping notebook "${name}"… Status now: Stopping. The explorer follows it until it settles.`);
    assert.equal(requests('POST', `${notebookId(name)}/stop`).length, 1);
    assert.ok(description(node).startsWith('Stopping'), description(node));
    await until(() => description(node), (text) => text.startsWith('Stopped'), 'the tree to show it stopped');

    const again = await invokeTool('modelarts_stop_notebook', { id: notebookId(name) });
    assert.equal(again, `Nothing was done: notebook "${name}" is Stopped, which does not allow that now; it can: start, changeFlavor, delete.`);
    assert.equal(requests('POST', '/stop').length, 1, 'no second request');
  });

  it('start and delete a notebook', async () => {
    assert.equal(await invokeTool('modelarts_start_notebook', { name: 'rl-cartpole-ppo' }), 'Starting notebook "rl-cartpole-ppo"… Status now: Starting. The explorer follows it until it settles.');
    assert.equal(under().emulator.state.notebookStatus(notebookId('rl-cartpole-ppo')), 'STARTING');
    const [start] = requests('POST', `${notebookId('rl-cartpole-ppo')}/start`);
    assert.deepEqual([start.query, start.body ?? ''], [{ duration: '-1' }, ''], 'a notebook that never stopped by itself starts the same way, with no body');
    const id = notebookId('graph-gnn-cora');
    const prepared = await prepareTool(under(), 'modelarts_delete_notebook', { id });
    assert.equal(prepared?.confirmationMessages?.title, 'Delete notebook "graph-gnn-cora"?', 'the name is read for the question when only the id is given');
    assert.match(confirmationMessage(prepared), /^The notebook and its EVS storage are deleted\. This cannot be undone\./);
    assert.match(await invokeTool('modelarts_delete_notebook', { id }), /^Deleting notebook "graph-gnn-cora"… Status now: (Deleting|gone)\./);
    assert.equal(requests('DELETE', `/notebooks/${id}`).length, 1);
  });

  it('stop and delete training jobs: a deleted job leaves the tree at once', async () => {
    assert.match(await invokeTool('modelarts_stop_training_job', { name: 'whisper-asr-small-v3' }), /^Stopping training job "whisper-asr-small-v3"… Status now: Terminat/);
    assert.match(String(under().emulator.state.trainingJobPhase(jobId('whisper-asr-small-v3'))), /^Terminat/);

    const name = 'fastspeech2-zh-oom-v2';
    const id = jobId(name);
    const jobs = await under().category('Training Jobs');
    assert.ok((await under().explorer.getChildren(jobs)).some((node) => label(node) === name));
    assert.equal(confirmationMessage(await prepareTool(under(), 'modelarts_delete_training_job', { name })).split('\n')[0], 'The job and its logs are deleted. This cannot be undone.');
    assert.equal(await invokeTool('modelarts_delete_training_job', { name }), `Deleting training job "${name}"… Done: it is gone.`);
    assert.equal(under().emulator.state.findTrainingJob(id), undefined);
    assert.ok(!(await under().explorer.getChildren(jobs)).some((node) => label(node) === name), 'the tree dropped it');
  });

  it('start, stop and delete real-time services with the status updates the commands send', async () => {
    assert.match(await invokeTool('modelarts_start_realtime_service', { name: 'sentiment-api' }), /^Starting real-time service "sentiment-api"… Status now: Deploying\./);
    assert.deepEqual(JSON.parse(requests('PUT', serviceId('sentiment-api'))[0].body ?? ''), { status: 'running' });
    assert.equal((await prepareTool(under(), 'modelarts_stop_realtime_service', { name: 'image-classify-api' }))?.confirmationMessages?.title, 'Stop real-time service "image-classify-api"?');
    await invokeTool('modelarts_stop_realtime_service', { name: 'image-classify-api' });
    assert.deepEqual(JSON.parse(requests('PUT', serviceId('image-classify-api'))[0].body ?? ''), { status: 'stopped' });
    const deleted = serviceId('traffic-detector');
    await invokeTool('modelarts_delete_realtime_service', { name: 'traffic-detector' });
    assert.equal(requests('DELETE', deleted).length, 1);
  });

  it('start, stop, reboot and delete Lite Servers, each refused where its state does not allow it', async () => {
    const expected: [string, string, string, string][] = [
      ['modelarts_start_lite_server', 'lite-v100-notebook', 'STARTING', 'Starting'],
      ['modelarts_stop_lite_server', 'lite-cpu-etl', 'STOPPING', 'Stopping'],
      ['modelarts_reboot_lite_server', 'lite-910b-dev', 'REBOOTING', 'Rebooting'],
      ['modelarts_delete_lite_server', 'lite-910b-bench', 'DELETING', 'Deleting'],
    ];
    for (const [tool, name, status, shown] of expected) {
      const prepared = await prepareTool(under(), tool, { name });
      assert.match(String(prepared?.confirmationMessages?.title), new RegExp(`^(Start|Stop|Reboot|Delete) Lite Server "${name}"\\?$`), tool);
      assert.match(await invokeTool(tool, { name }), new RegExp(`Status now: ${shown}\\.`), tool);
      assert.equal(under().emulator.state.devServerStatus(serverId(name)), status, tool);
    }
    assert.match(await invokeTool('modelarts_start_lite_server', { name: 'lite-a800-train-01' }), /^Nothing was done: Lite Server "lite-a800-train-01" is Running/);
  });

  it('creating a notebook: the form\'s rules refuse bad values field by field before any request; good ones make it and the tree shows it', async () => {
    const group = await under().category('Notebooks');
    await under().explorer.getChildren(group);
    const refused = await invokeTool('modelarts_create_notebook', { name: '1-bad name', flavorId: 'modelarts.vm.cpu.2u', imageId: CPU_NOTEBOOK_IMAGE, storage: 'OBS', obsPath: 'obs://bucket/no-slash', autoStopHours: 99 });
    assert.match(refused, /^Failed: InvalidInput: the notebook was not created, nothing was sent\. name: .+ obsPath: Enter a folder such as obs:\/\/my-bucket\/notebooks\/ \(ending with \/\)\. autoStopHours: Enter 0 \(never\) or 1 to 72 hours\.$/);
    assert.equal(requests('POST', /\/notebooks$/).length, 0);

    const input = sampleInputs(under().emulator, under().emulator.demo.ak).modelarts_create_notebook;
    const prepared = await prepareTool(under(), 'modelarts_create_notebook', input);
    assert.equal(prepared?.confirmationMessages?.title, 'Create notebook "chat-made-notebook"?');
    assert.equal(confirmationMessage(prepared), `- name: \`chat-made-notebook\`\n- flavorId: \`modelarts.vm.cpu.2u\`\n- imageId: \`${CPU_NOTEBOOK_IMAGE}\`\n- evsSizeGb: \`20\`\n- autoStopHours: \`2\`\n\nIn \`${REGION}\`, workspace \`default\` (\`0\`).`);
    const created = await invokeTool('modelarts_create_notebook', input);
    assert.match(created, new RegExp(`^Created notebook "chat-made-notebook" \\(id ${notebookId('chat-made-notebook')}\\) in ${REGION}, workspace default \\(0\\): status Creating\\.`));
    const body = JSON.parse(requests('POST', /\/notebooks$/)[0].body ?? '') as Record<string, unknown>;
    assert.deepEqual(body, {
      name: 'chat-made-notebook',
      flavor: 'modelarts.vm.cpu.2u',
      image_id: CPU_NOTEBOOK_IMAGE,
      volume: { category: 'EVS', ownership: 'MANAGED', capacity: 20 },
      lease: { duration: 2 * 3_600_000, type: 'TIMING' },
      workspace_id: '0',
      feature: 'NOTEBOOK',
    });
    await until(async () => (await under().explorer.getChildren(group)).map(label), (names) => names.includes('chat-made-notebook'), 'the tree to list the new notebook');
  });

  it('creating a training job, a real-time service and a Lite Server goes through their forms\' rules and requests', async () => {
    const inputs = sampleInputs(under().emulator, under().emulator.demo.ak);
    assert.match(await invokeTool('modelarts_create_training_job', { name: 'no-code', source: 'engine', flavorId: 'modelarts.vm.cpu.8u' }), /engineId: Choose an engine\. codeDir: .+ bootFile: /);
    assert.match(await invokeTool('modelarts_create_training_job', inputs.modelarts_create_training_job), /^Created training job "chat-made-job"/);
    const job = project()
      .trainingJobsOldestFirst()
      .find((candidate) => candidate.name === 'chat-made-job');
    assert.equal(job?.workspaceId, '0');
    assert.deepEqual(job?.algorithm.parameters, [{ name: 'epochs', value: '3' }]);

    const ids = demoIds(under().emulator, under().emulator.demo.ak);
    assert.match(await invokeTool('modelarts_create_realtime_service', inputs.modelarts_create_realtime_service), /^Created real-time service "chat-made-service"/);
    const config = (JSON.parse(requests('POST', /\/services$/)[0].body ?? '') as { config: { model_id: string; specification: string }[] }).config[0];
    assert.deepEqual([config.model_id, config.specification], [ids.modelId, 'modelarts.vm.cpu.2u']);

    const wrongSubnet = await invokeTool('modelarts_create_lite_server', { ...inputs.modelarts_create_lite_server, subnetId: 'no-such-subnet' });
    assert.equal(wrongSubnet, 'Failed: InvalidInput: the Lite Server was not created, nothing was sent. subnetId: Choose a subnet from the list.');
    const server = await invokeTool('modelarts_create_lite_server', inputs.modelarts_create_lite_server);
    assert.ok(server.startsWith(`Created Lite Server "chat-made-server" (id ${serverId('chat-made-server')}) in ${REGION}: status Creating.`), server);
    const body = JSON.parse(requests('POST', /\/dev-servers$/)[0].body ?? '') as Record<string, unknown>;
    assert.equal(body.key_pair_name, 'KeyPair-demo');
    assert.equal(body.admin_pass, undefined, 'key pair logins only');
    assert.deepEqual(body.network, { vpc_id: ids.vpcId, subnet_id: ids.subnetId, security_group_id: ids.securityGroupId });
  });

  it('every tool that changes something asks first, naming its resource; a password cannot be given', async () => {
    const inputs = sampleInputs(under().emulator, under().emulator.demo.ak);
    for (const [name, input] of Object.entries(inputs).filter(([tool]) => /_(start|stop|interrupt|reboot|delete|create)_/.test(tool))) {
      const prepared = await prepareTool(under(), name, input);
      const resource = (input as { name: string }).name;
      assert.ok(prepared?.confirmationMessages?.title.includes(`"${resource}"`), `${name}: ${textOf(prepared)}`);
    }
    assert.match(await invokeTool('modelarts_create_lite_server', { ...inputs.modelarts_create_lite_server, adminPass: 'Secret-Pass-123' }), /^Nothing was done: adminPass is not an input of this tool/);
    assert.equal(await prepareTool(under(), 'modelarts_create_lite_server', { adminPass: 'x' }), undefined, 'refused input asks nothing: it will not run');
  });
});
