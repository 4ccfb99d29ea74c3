import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceServicesV2 } from '../../emulator/areas/inferV2Model';
import { securityGroupsOf, subnetsOf, vpcsOf } from '../../emulator/areas/vpcSeed';
import { maskSecret } from '../../src/services/secrets';
import { column, demoProject, invokeTool, sampleInputs } from './chatSamples';
import { type Node, REGION, signedInSuite } from './harness';

const NLP = 'nlp-research';

describe('Chat tools that read, against the emulator', () => {
  const under = signedInSuite({ transitionMs: 1000 });
  const project = () => demoProject(under().emulator);
  const now = () => under().emulator.clock.now();
  const workspaceId = (name: string) => [...project().workspaces.values()].find((workspace) => workspace.name === name)?.id;
  const sorted = (values: readonly string[]) => [...values].sort();

  async function select(node: Node | undefined): Promise<void> {
    const treeView = under().api.context.treeView as vscode.TreeView<unknown>;
    if (node) {
      await treeView.reveal(node, { select: true, focus: false });
    }
  }

  afterEach(async () => {
    // Back to no workspace selected: the region's default workspace.
    await select(await under().child(undefined, REGION));
  });

  it('every tool package.json declares is registered with VS Code, implemented, and has a sample input', async () => {
    const declared = (vscode.extensions.getExtension('modelarts-community.modelarts-explorer')?.packageJSON.contributes.languageModelTools as { name: string }[]).map((tool) => tool.name);
    const registered = vscode.lm.tools.filter((tool) => tool.name.startsWith('modelarts_')).map((tool) => tool.name);
    assert.deepEqual(sorted(registered), sorted(declared));
    assert.deepEqual(sorted([...under().api.chat.tools.keys()]), sorted(declared));
    assert.deepEqual(sorted([...(await under().api.chat.implementations()).keys()]), sorted(declared));
    assert.deepEqual(sorted(Object.keys(sampleInputs(under().emulator, under().emulator.demo.ak))), sorted(declared));
    const listed = vscode.lm.tools.find((tool) => tool.name === 'modelarts_list_notebooks');
    assert.deepEqual(Object.keys((listed?.inputSchema as { properties: object }).properties), ['region', 'workspace', 'status', 'cursor'], 'VS Code has the declared schema');
  });

  it('list notebooks: the default workspace as the emulator holds it, narrowed by status, with what each can do', async () => {
    const inDefault = project()
      .notebooks(now())
      .filter((notebook) => notebook.workspaceId === '0');
    const all = await invokeTool('modelarts_list_notebooks', {});
    assert.match(all, new RegExp(`^Notebooks in ${REGION}, workspace default \\(0\\): ${inDefault.length} of ${inDefault.length} \\(as of `));
    assert.deepEqual(sorted(column(all, 'name')), sorted(inDefault.map((notebook) => notebook.name)));
    const canOf = (text: string, name: string) => column(text, 'can')[column(text, 'name').indexOf(name)];
    assert.equal(canOf(all, 'rl-cartpole-ppo'), 'start, changeFlavor, delete', 'a stopped notebook can start, not stop');

    const running = await invokeTool('modelarts_list_notebooks', { status: 'running' });
    const runningNames = inDefault.filter((notebook) => notebook.timeline.status(now()) === 'RUNNING').map((notebook) => notebook.name);
    assert.ok(runningNames.length > 1);
    assert.deepEqual(sorted(column(running, 'name')), sorted(runningNames));
    assert.deepEqual(sorted(column(await invokeTool('modelarts_list_notebooks', { status: 'FAILED' }), 'name')), ['graph-gnn-cora'], 'any part of the status, any case');
  });

  it('region and workspace default to the explorer\'s selection; given ones, by id or name, win; unknown ones say what exists', async () => {
    const nlpNode = await under().child(await under().child(undefined, REGION), NLP);
    await select(await under().child(nlpNode, 'Notebooks'));
    const nlpNotebooks = project()
      .notebooks(now())
      .filter((notebook) => notebook.workspaceId === workspaceId(NLP))
      .map((notebook) => notebook.name);
    const selected = await invokeTool('modelarts_list_notebooks', {});
    assert.match(selected, new RegExp(`^Notebooks in ${REGION}, workspace ${NLP} \\(${workspaceId(NLP)}\\)`));
    assert.deepEqual(sorted(column(selected, 'name')), sorted(nlpNotebooks));

    const cvId = workspaceId('cv-team') as string;
    const byName = await invokeTool('modelarts_list_notebooks', { workspace: 'cv-team' });
    const byId = await invokeTool('modelarts_list_notebooks', { workspace: cvId, region: REGION });
    assert.deepEqual(column(byName, 'name'), column(byId, 'name'));
    assert.deepEqual(sorted(column(byName, 'name')), sorted(project().notebooks(now()).filter((notebook) => notebook.workspaceId === cvId).map((notebook) => notebook.name)));

    const unknown = await invokeTool('modelarts_list_notebooks', { workspace: 'no-such-team' });
    assert.equal(unknown, `Failed: InvalidInput: No workspace "no-such-team" in ${REGION}. Its workspaces: default (0), cv-team (${cvId}), nlp-research (${workspaceId(NLP)}).`);
    const elsewhere = await invokeTool('modelarts_list_notebooks', { region: 'cn-east-3' });
    assert.match(elsewhere, /^Notebooks in cn-east-3, workspace default \(0\)/, 'another region starts in its default workspace');
  });

  it('bad input is refused before any request, naming each field and what it takes', async () => {
    const answer = await invokeTool('modelarts_list_notebooks', { status: 5, colour: 'red', region: 'Beijing' });
    assert.equal(
      answer,
      'Nothing was done: colour is not an input of this tool (it takes region, workspace, status, cursor). status must be a string. ' +
        'region "Beijing" does not match ^[a-z]{2}-[a-z]+-\\d{1,2}$ (Region id, e.g. cn-north-4. Default: the region selected in the ModelArts explorer, else its first region.). ' +
        'Correct the input and call modelarts_list_notebooks again.',
    );
    assert.equal(await invokeTool('modelarts_get_notebook', {}), 'Failed: InvalidInput: Give the id or the name of the notebook.');
    assert.equal(await invokeTool('modelarts_list_swr_images', { cursor: 'next' }), 'Failed: InvalidInput: "next" is not a cursor this listing gave; leave it out to start from the beginning.');
    assert.equal(under().emulator.requests.count({ path: /notebooks|repos/ }), 0, 'nothing was requested');
  });

  it('long lists come a page at a time: the cursors walk every SWR repository once', async () => {
    const repositories = project().companion.swrRepositories;
    assert.ok(repositories.length > 100, 'more than one API page');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await invokeTool('modelarts_list_swr_images', cursor ? { cursor } : {});
      seen.push(...column(page, 'id'));
      cursor = /cursor "([^"]+)"/.exec(page)?.[1];
    } while (cursor);
    assert.equal(seen.length, repositories.length);
    assert.equal(new Set(seen).size, seen.length, 'no repository twice');
  });

  it('get tools read one resource by name or id, with what it can do and its fields', async () => {
    const notebook = project()
      .notebooks(now())
      .find((candidate) => candidate.name === 'scratch-notebook');
    assert.ok(notebook);
    const byName = await invokeTool('modelarts_get_notebook', { name: 'scratch-notebook' });
    const byId = await invokeTool('modelarts_get_notebook', { id: notebook.id });
    const summary = `notebook "scratch-notebook" (id ${notebook.id}) in ${REGION}, workspace default (0): status Running; can: stop, saveImage, mount, renewLease, open, ssh, delete.`;
    assert.ok(byName.startsWith(summary), byName);
    assert.ok(byId.startsWith(summary), byId);
    const fields = JSON.parse(/```json\n([\s\S]*)\n```/.exec(byName)?.[1] ?? '{}') as Record<string, unknown>;
    assert.equal(fields.id, notebook.id);
    assert.equal(fields.flavor, notebook.flavor);

    const service = await invokeTool('modelarts_get_realtime_service', { name: 'mnist-classifier' });
    assert.match(service, /"access_address": "https?:\/\//, 'read again by id: the list leaves the address out');
    assert.match(await invokeTool('modelarts_get_resource_pool', { name: 'pool-cpu-etl' }), /^resource pool "pool-cpu-etl" \(id pool-cpu-etl-[0-9a-f]+\)/);
    assert.match(await invokeTool('modelarts_get_lite_server', { name: 'lite-cpu-etl' }), new RegExp(`^Lite Server "lite-cpu-etl" \\(id [0-9a-f-]+\\) in ${REGION}: status Running`));
    assert.match(await invokeTool('modelarts_get_model', { name: 'mnist-cnn 1.1.0' }), /^model "mnist-cnn 1\.1\.0"/);
    assert.equal(await invokeTool('modelarts_get_notebook', { name: 'no-such-notebook' }), `Failed: InvalidInput: No notebook named "no-such-notebook" here (${REGION}, workspace 0). List them to see their names.`);
  });

  it('why a training job failed: its failed phase, the traceback at the end of its log, its error events', async () => {
    const failed = await invokeTool('modelarts_list_training_jobs', { status: 'failed' });
    const failedInDefault = project()
      .trainingJobsOldestFirst()
      .filter((job) => job.workspaceId === '0' && job.timeline.status(now()) === 'Failed')
      .map((job) => job.name);
    assert.deepEqual(sorted(column(failed, 'name')), sorted(failedInDefault));
    assert.ok(column(failed, 'created (UTC)').every((time) => !Number.isNaN(Date.parse(time))), 'creation times are absolute');

    const job = await invokeTool('modelarts_get_training_job', { name: 'gnn-cora-oom-v4' });
    assert.match(job, /^training job "gnn-cora-oom-v4" \(id [0-9a-f-]+\) in cn-north-4, workspace default \(0\): status Failed; can: /);
    assert.match(job, /"phase": "Failed"/);

    const log = await invokeTool('modelarts_get_training_job_log', { name: 'gnn-cora-oom-v4', lines: 5 });
    assert.match(log, /^Log of training job "gnn-cora-oom-v4" \(id [0-9a-f-]+, phase Failed\), task worker-0 of worker-0: the last lines, \d+ earlier lines not shown\./);
    // An Ascend job: MindSpore runs out of the NPU's memory (no CUDA error on an Ascend flavor).
    assert.match(log, /RuntimeError: Out of Memory!!! .*\n.*Device HBM memory size/);
    assert.equal(/```text\n([\s\S]*)\n```/.exec(log)?.[1].split('\n').length, 5);
    assert.match(await invokeTool('modelarts_get_training_job_log', { name: 'gnn-cora-oom-v4', task: 'worker-9' }), /has no task "worker-9"; its tasks: worker-0\./);

    const events = await invokeTool('modelarts_list_training_job_events', { name: 'gnn-cora-oom-v4' });
    assert.match(events, /^Events of training job "gnn-cora-oom-v4" .*, newest first: \d+ of \d+\./);
    assert.ok(column(events, 'level').includes('Error'), events);
  });

  it('account status shows the key masked, never whole; workspaces and quotas are the emulator\'s', async () => {
    const { ak } = under().emulator.demo;
    const status = await invokeTool('modelarts_get_account_status', {});
    assert.ok(status.startsWith(`Signed in to ModelArts with access key ${maskSecret(ak)} (masked;`), status);
    assert.ok(!status.includes(ak));
    assert.match(status, new RegExp(`Home region ${REGION}, project ${under().emulator.projectId(REGION)}; security token: no\\.`));

    const workspaces = await invokeTool('modelarts_list_workspaces', {});
    assert.deepEqual(column(workspaces, 'name'), ['default', 'cv-team', NLP]);
    const quotas = await invokeTool('modelarts_get_workspace_quotas', { workspace: NLP });
    const used = column(quotas, 'used')[column(quotas, 'resource').indexOf('notebook.instance_count')];
    assert.equal(Number(used), project().notebooks(now()).filter((notebook) => notebook.workspaceId === workspaceId(NLP)).length);
  });

  it('region lists (Lite Servers, events, VPCs, key pairs…) and pools, nodes, models and services list what the emulator holds', async () => {
    const demo = project();
    const expectations: [string, object, string[]][] = [
      // The user's own servers: not ops-admin's lite-ops-shared, nor the hyperinstance's members.
      ['modelarts_list_lite_servers', {}, ['lite-a800-train-01', 'lite-910b-dev', 'lite-v100-notebook', 'lite-kunpeng-build', 'lite-910b-bench', 'lite-cpu-etl']],
      ['modelarts_list_hyperinstances', {}, [...demo.hyperinstances.values()].map((instance) => instance.name)],
      ['modelarts_list_hyper_clusters', {}, [...demo.hyperClusters.values()].map((cluster) => cluster.name)],
      ['modelarts_list_lite_server_jobs', {}, [...demo.devServerJobs.values()].map((job) => job.name)],
      ['modelarts_list_vpcs', {}, vpcsOf(demo).map((vpc) => vpc.name)],
      ['modelarts_list_key_pairs', {}, demo.companion.keyPairs.map((keyPair) => keyPair.name)],
      ['modelarts_list_resource_pools', {}, [...demo.pools.values()].filter((pool) => pool.workspaceId === '0').map((pool) => pool.displayName)],
      ['modelarts_list_realtime_services', {}, [...demo.servicesV1.values()].filter((service) => service.workspaceId === '0').map((service) => service.name)],
    ];
    for (const [tool, input, names] of expectations) {
      assert.deepEqual(sorted(column(await invokeTool(tool, input), 'name')), sorted(names), tool);
    }
    const vpc = vpcsOf(demo).find((candidate) => candidate.name === 'vpc-default');
    const subnets = await invokeTool('modelarts_list_subnets', { vpc: 'vpc-default' });
    assert.deepEqual(sorted(column(subnets, 'name')), sorted(subnetsOf(demo).filter((subnet) => subnet.vpcId === vpc?.id).map((subnet) => subnet.name)));
    const groups = await invokeTool('modelarts_list_security_groups', { vpc: vpc?.id ?? '' });
    assert.deepEqual(sorted(column(groups, 'name')), sorted(securityGroupsOf(demo).filter((group) => group.vpcId === vpc?.id).map((group) => group.name)));
    assert.equal(column(await invokeTool('modelarts_list_pool_nodes', { pool: 'pool-cpu-etl' }), 'name').length, 5);
    assert.deepEqual(column(await invokeTool('modelarts_list_scheduled_events', { status: 'inquiring' }), 'status'), ['Inquiring', 'Inquiring']);
    assert.ok(column(await invokeTool('modelarts_list_models', { status: 'published' }), 'name').includes('mnist-cnn 1.1.0'));
  });

  it('v2 services list apart from v1, read one with its deployments\' images, and list a MULTI service\'s deployments', async () => {
    const demo = project();
    const inDefault = workspaceServicesV2(demo, '0', now()).map((service) => service.name);
    const listed = await invokeTool('modelarts_list_realtime_services_v2', {});
    assert.match(listed, /^Real-Time Services \(v2\) in cn-north-4, workspace default \(0\): /);
    assert.deepEqual(sorted(column(listed, 'name')), sorted(inDefault));
    assert.deepEqual(column(await invokeTool('modelarts_list_realtime_services_v2', { status: 'concerning' }), 'name'), ['embedding-v2']);
    assert.deepEqual(column(await invokeTool('modelarts_list_realtime_services_v2', { workspace: NLP }), 'name'), ['ner-pool-v2']);

    const service = await invokeTool('modelarts_get_realtime_service_v2', { name: 'llm-chat-v2' });
    assert.match(service, /^real-time service "llm-chat-v2" \(id [0-9a-f]{32}\) in cn-north-4, workspace default \(0\): status Running; can: stop, copyAddress, login, delete\./);
    const deployments = await invokeTool('modelarts_list_service_v2_deployments', { service: 'sentiment-ab-v2' });
    assert.deepEqual(column(deployments, 'name'), ['blue', 'green']);
    assert.deepEqual(column(deployments, 'status'), ['Running', 'Stopped']);
    assert.match(service, /"swr_path": "swr\.cn-north-4\.myhuaweicloud\.com\//, 'the service has its deployments\' images');
    assert.match(await invokeTool('modelarts_list_service_v2_deployments', { service: 'no-such-service' }), /^Failed: InvalidInput: No real-time service "no-such-service" in cn-north-4\./);
  });

  it('OBS: the region\'s buckets, a folder a level at a time or every object below it, a page at a time, and a text object\'s content', async () => {
    const store = under().emulator.obs.store;
    assert.deepEqual(column(await invokeTool('modelarts_list_obs_buckets', {}), 'name'), ['modelarts-demo-data', 'modelarts-demo-outputs']);
    assert.deepEqual(column(await invokeTool('modelarts_list_obs_buckets', { region: 'cn-east-3' }), 'name'), ['modelarts-demo-archive']);

    const code = await invokeTool('modelarts_list_obs_objects', { bucket: 'modelarts-demo-data', prefix: 'code/' });
    assert.deepEqual(column(code, 'uri'), ['obs://modelarts-demo-data/code/utils/', 'obs://modelarts-demo-data/code/requirements.txt', 'obs://modelarts-demo-data/code/train.py']);
    assert.deepEqual(column(code, 'kind'), ['folder', 'object', 'object']);
    assert.equal(Number(column(code, 'bytes')[2]), store.bucket('modelarts-demo-data')?.objects.get('code/train.py')?.data.length);

    const daisies: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await invokeTool('modelarts_list_obs_objects', { bucket: 'modelarts-demo-data', prefix: 'datasets/flowers/train/', recursive: true, ...(cursor ? { cursor } : {}) });
      daisies.push(...column(page, 'uri'));
      cursor = /cursor "([^"]+)"/.exec(page)?.[1];
    } while (cursor);
    const stored = [...(store.bucket('modelarts-demo-data')?.objects.keys() ?? [])].filter((key) => key.startsWith('datasets/flowers/train/'));
    assert.deepEqual(daisies, stored.sort().map((key) => `obs://modelarts-demo-data/${key}`), 'every object once, in order, across pages');

    const train = await invokeTool('modelarts_get_obs_object', { bucket: 'modelarts-demo-data', key: 'code/train.py' });
    assert.match(train, /^obs:\/\/modelarts-demo-data\/code\/train\.py \(cn-north-4\): \d+ bytes, type text\/x-python/);
    assert.ok(train.includes(store.bucket('modelarts-demo-data')?.objects.get('code/train.py')?.data.toString('utf8') ?? '?'), train);
    assert.match(await invokeTool('modelarts_get_obs_object', { bucket: 'modelarts-demo-data', key: 'datasets/flowers/train/rose/img_0001.jpg' }), /Its content is binary, not shown\.$/);
    assert.match(await invokeTool('modelarts_list_obs_objects', { bucket: 'Not A Bucket' }), /^Nothing was done: bucket /);
  });

  it('creation options are the create forms\' choices; a Lite Server flavor adds its images', async () => {
    const notebook = await invokeTool('modelarts_get_creation_options', { resourceType: 'notebook' });
    assert.match(notebook, /^Choices for a new notebook in cn-north-4:\n\nflavors \(\d+\):/);
    assert.ok(column(notebook, 'id').includes('modelarts.vm.cpu.2u'));
    const server = await invokeTool('modelarts_get_creation_options', { resourceType: 'lite_server', flavor: 'c7.4xlarge.2' });
    assert.match(server, /\nimages \(1\):\n\n\| id \| name \| usable \|\n.*\n\| [0-9a-f-]+ \| Ubuntu-22\.04-x86-CUDA-12\.2-ECS \| true \|$/);
    assert.deepEqual(under().emulator.requests.list({ path: '/dev-servers/images' })[0].query, { server_type: 'ECS', flavor_name: 'c7.4xlarge.2' }, 'the flavor\'s server type is looked up');
    assert.equal(await invokeTool('modelarts_get_creation_options', { resourceType: 'lite_server', flavor: 'x9.huge' }), 'Failed: InvalidInput: No Lite Server flavor "x9.huge" in cn-north-4; the flavors are listed without the flavor input.');
  });

  it('read tools ask for no confirmation', async () => {
    for (const [name, tool] of under().api.chat.tools) {
      if (!/_(start|stop|interrupt|reboot|delete|create)_/.test(name)) {
        const prepared = await tool.prepareInvocation?.({ input: sampleInputs(under().emulator, under().emulator.demo.ak)[name] }, new vscode.CancellationTokenSource().token);
        assert.equal(prepared?.confirmationMessages, undefined, name);
      }
    }
  });
});
