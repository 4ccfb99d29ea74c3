import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServiceV2FormValues } from '../../src/webviews/protocol';
import { conversation, label, type Node, type Panel, REGION, signedInSuite, tableDocument, until } from './harness';

describe('Real-time service (v2) panels and documents against the emulator', () => {
  const under = signedInSuite({ transitionMs: 1000 });

  const group = () => under().category('Real-Time Services (v2)');
  const service = async (name: string): Promise<Node> => under().child(await group(), name);
  const description = (node: Node) => String(node.getTreeItem().description);
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const IMAGE = 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:0.7.3';

  it('Create from the form: the account\'s images, flavors and pools are offered; another region\'s image and a refused create keep the form; a good one is revealed and followed to Running', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.serviceV2.create', await group())) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('serviceV2Form');
      assert.deepEqual(
        [form.values.workspaceId, form.values.version, form.values.port, form.values.rateLimit, form.values.rateLimitUnit, form.values.requestTimeout, form.values.requestSizeLimit],
        ['0', '1.0.0', 8080, 100, 'SECONDS', 60, 12],
        'the documented defaults: 100 calls a second, 60 s, 12 MB',
      );
      const options = await talk.next('serviceV2Options');
      assert.equal(options.region, REGION);
      assert.ok(options.images.some((image) => image.path === IMAGE), 'the SWR images of the region are offered');
      assert.ok(!options.images.some((image) => !image.path.startsWith('swr.cn-north-4.')), 'only images of the region');
      assert.ok(options.flavors.some((flavor) => flavor.id === 'modelarts.vm.gpu.v100u8' && flavor.soldOut));
      assert.deepEqual(options.pools.map((pool) => pool.name), ['pool-gpu-v100'], 'running pools used for inference');
      assert.notEqual(options.pools[0].workspaceId, '0', 'with their workspace');

      const values: ServiceV2FormValues = {
        ...form.values,
        name: 'chat-from-form',
        image: 'swr.cn-east-3.myhuaweicloud.com/shanghai-prod/ctr-serving:1.4.2',
        flavor: 'modelarts.vm.cpu.2u8g',
        instanceCount: 2,
        command: 'python serve.py',
        authType: 'API_KEY',
        environment: [{ name: 'LOG_LEVEL', value: 'debug' }],
        rateLimit: 600,
        rateLimitUnit: 'MINUTES',
        requestTimeout: 300,
      };
      under().emulator.requests.clear();
      await panel.receive({ type: 'submitServiceV2', values });
      await talk.next('submitting');
      const wrongRegion = await talk.next('submitFailed');
      assert.equal(wrongRegion.error.errorCode, 'RegionMismatch');
      assert.match(wrongRegion.error.message, /SWR of cn-east-3, but the service would run in cn-north-4/);
      assert.equal(under().emulator.requests.count({ method: 'POST' }), 0, 'nothing is sent for another region\'s image');

      await panel.receive({ type: 'submitServiceV2', values: { ...values, name: 'bad name!' } });
      assert.ok((await talk.next('submitFailed')).fieldErrors.name, 'the name is flagged at its field');

      under().emulator.faults.add({ kind: 'status', status: 400, errorCode: 'ModelArts.0101', errorMsg: 'Invalid parameter: quota', method: 'POST', path: '/services' });
      await panel.receive({ type: 'submitServiceV2', values: { ...values, image: IMAGE } });
      await talk.next('submitting');
      assert.equal((await talk.next('submitFailed')).error.errorCode, 'ModelArts.0101');
      assert.equal(talk.disposed, false, 'the form stays open with what was typed');

      await panel.receive({ type: 'submitServiceV2', values: { ...values, image: IMAGE } });
      await talk.next('submitting');
      await until(() => talk.disposed, (disposed) => disposed, 'the panel to close after deploying');
      const sent = JSON.parse(under().emulator.requests.list({ method: 'POST', path: /\/v2\/[0-9a-f]+\/services$/, status: 200 })[0]?.body ?? '{}');
      assert.deepEqual(sent, {
        name: 'chat-from-form',
        version: '1.0.0',
        type: 'REAL_TIME',
        deploy_type: 'SINGLE',
        group_configs: [
          {
            name: 'group-1',
            framework: 'COMMON',
            weight: 100,
            count: 2,
            unit_configs: [{ image: { source: 'SWR', swr_path: IMAGE }, flavor: 'modelarts.vm.cpu.2u8g', cmd: 'python serve.py', count: 1, port: 8080, envs: { LOG_LEVEL: 'debug' } }],
          },
        ],
        runtime_config: {
          service_invoke: { port: 8080, protocol: 'HTTPS', auth_type: 'API_KEY' },
          service_limit: { rate_limit: { num: 600, unit: 'MINUTES' }, request_size_limit: 12, request_timeout: 300 },
        },
        custom_metrics_path: '',
        workspace_id: '0',
      });
      const created = await service('chat-from-form');
      const selected = () => (under().api.context.treeView as vscode.TreeView<Node>).selection.map(label);
      await until(selected, (names) => names.includes('chat-from-form'), 'the new service revealed (selected) in the tree');
      await until(() => description(created), (text) => text.startsWith('Running'), 'the tree to follow the new service to Running');
      // Polled by its own read, or with other changing services by one read of the list (the create answered it).
      assert.ok(under().emulator.requests.count({ method: 'GET', path: new RegExp(`/services(/${idOf(created)})?$`) }) >= 1, 'the deploying service was polled');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('Details: the address and the region it names, each deployment, the version count; buttons run the same commands', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.serviceV2.showDetails', await service('llm-chat-v2'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const { view } = await talk.next('details', (message) => message.view.fields.some((field) => field.label === 'Access address'));
      const field = (name: string) => view.fields.find((candidate) => candidate.label === name)?.value;
      assert.equal(view.statusCategory, 'running');
      const address = field('Access address') ?? '';
      assert.match(address, /^https:\/\/[0-9a-f]{32}\.apig\.cn-north-4\.huaweicloudapis\.com\/v2\/infers\/[0-9a-f]{32}$/);
      assert.equal(field('Region (from its address)'), REGION);
      assert.equal(field('Version'), '0.0.2 (2 versions)');
      assert.equal(field('Deployment group-1'), 'Running · v0.0.2 · 2 × modelarts.vm.gpu.t4u8 · 100% of traffic');
      assert.equal(field('Environment variables (group-1)'), 'MODEL_NAME, MAX_MODEL_LEN', 'names only');
      assert.equal(field('Limits'), '100 calls a second · 12 MB a request · 60 s timeout');
      assert.equal(field('Description'), 'Chat assistant for the support portal', 'the detail\'s description is its version\'s');
      assert.deepEqual(view.actions, ['refresh', 'stop', 'copyAccessAddress', 'viewEvents', 'showExecLoginInfo', 'copyId', 'openInConsole', 'createSimilar', 'delete']);
      await panel.receive({ type: 'runAction', action: 'copyAccessAddress' });
      assert.deepEqual(under().ui.errors, []);
      assert.equal(await vscode.env.clipboard.readText(), address);
    } finally {
      talk.dispose();
      panel.dispose();
    }
    const failed = (await vscode.commands.executeCommand('modelarts.serviceV2.showDetails', await service('yolo-detect-v2'))) as Panel;
    const failedTalk = conversation(failed);
    try {
      await failed.receive({ type: 'ready' });
      // Why it failed stands at the top of the panel, not among the fields.
      const { view } = await failedTalk.next('details', (message) => message.view.reason !== undefined);
      assert.match(view.reason ?? '', /Failed to pull image .*yolov8-traffic:9\.0\.0/);
      assert.ok(view.actions.includes('start') && !view.actions.includes('copyAccessAddress'));
    } finally {
      failedTalk.dispose();
      failed.dispose();
    }
  });

  it('Exec Login Info lists each deployment\'s instances and pods with their nodes, and the access key only masked', async () => {
    await vscode.commands.executeCommand('modelarts.serviceV2.showExecLoginInfo', await service('embedding-v2'));
    assert.deepEqual(under().ui.errors, []);
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(text, /^# Exec login to real-time service "embedding-v2" \(v2\) in cn-north-4/);
    assert.match(text, /## Deployment group-1 · Concerning · v2\.1\.0/);
    const rows = text.split('\n').filter((line) => /^\| group-1-[0-9a-f]{5} \|/.test(line));
    assert.deepEqual(rows.map((row) => row.split(' | ')[1]), ['Running', 'Running', 'Abnormal']);
    assert.match(rows[0], /\| infer-node-[0-9a-f]{6} \| \d+\.\d+\.\d+\.\d+ \|$/);
    const { ak, sk } = under().emulator.demo;
    assert.ok(text.includes(`${ak.slice(0, 4)}****${ak.slice(-4)}`), 'the access key, masked');
    assert.ok(!text.includes(ak) && !text.includes(sk), 'no credential in clear');
  });

  it('Show Flavors and Pools: the public flavors, sold-out marked, and the pools used for inference with their flavors', async () => {
    const document = await tableDocument((await vscode.commands.executeCommand('modelarts.serviceV2.showFlavors', await group())) as Panel);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(document.title, 'Real-time service (v2) flavors in cn-north-4');
    const [publicFlavors, poolsHeading, ...pools] = document.sections;
    assert.ok(publicFlavors.table?.rows.some((row) => row.join(' | ') === 'modelarts.vm.gpu.v100u8 | GPU | X86_64 | 8 | 65536 MB | 1 × NVIDIA-V100 (32GiB) | sold out'), JSON.stringify(publicFlavors));
    assert.equal(poolsHeading.heading, 'Dedicated pools for inference');
    const gpuPool = pools.find((pool) => pool.heading === 'pool-gpu-v100');
    assert.match(gpuPool?.lines?.join('\n') ?? '', /^Pool ID: pool-gpu-v100-[0-9a-f]{32}\nWorkspace: nlp-research\nStatus: Active/);
    assert.ok(gpuPool?.table?.rows.some((row) => row[0] === 'modelarts.bm.gpu.8v100' && row[1] === 'GPU'), JSON.stringify(gpuPool));
    assert.ok(!JSON.stringify(document).includes('pool-cpu-etl'), 'a pool not used for inference is left out');
  });
});
