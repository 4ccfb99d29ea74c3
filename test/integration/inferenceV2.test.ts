import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { liveServiceV2, serviceV2Status } from '../../emulator/areas/inferV2Model';
import type { ModelArtsServices } from '../../src/services';
import type { ModelArtsError } from '../../src/services/errors';
import type { CreateServiceV2Request } from '../../src/services/inferenceV2';
import { label, type Node, REGION, signedInSuite, until } from './harness';

/** §4.4's body for a service deploying a demo image on a public flavor. */
function deployRequest(name: string): CreateServiceV2Request {
  return {
    name,
    version: '0.0.1',
    type: 'REAL_TIME',
    deploy_type: 'SINGLE',
    group_configs: [
      {
        name: 'group-1',
        framework: 'COMMON',
        weight: 100,
        count: 1,
        unit_configs: [{ image: { source: 'SWR', swr_path: 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:0.7.3' }, flavor: 'modelarts.vm.cpu.2u8g' }],
      },
    ],
    runtime_config: {
      service_invoke: { port: 8080, protocol: 'HTTPS', auth_type: 'TOKEN' },
      service_limit: { rate_limit: { num: 100, unit: 'SECONDS' }, request_size_limit: 12, request_timeout: 60 },
    },
    custom_metrics_path: '',
  };
}

describe('Real-time services (v2) against the emulator', () => {
  const under = signedInSuite({ transitionMs: 1000 });

  const group = () => under().category('Real-Time Services (v2)');
  const service = async (name: string): Promise<Node> => under().child(await group(), name);
  const description = (node: Node) => String(node.getTreeItem().description);
  const icon = (node: Node) => (node.getTreeItem().iconPath as vscode.ThemeIcon).id;
  const contextValue = (node: Node) => String(node.getTreeItem().contextValue);
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const services = () => under().api.context.session.services as ModelArtsServices;
  const project = () => {
    const found = under().emulator.state.project(under().emulator.projectId(REGION));
    assert.ok(found);
    return found;
  };
  const statusInEmulator = (id: string) => {
    const record = liveServiceV2(project(), id, under().emulator.clock.now());
    return record && serviceV2Status(record, under().emulator.clock.now());
  };
  /** Requests to v2 services, as `METHOD /services/…` without the project. */
  const v2Requests = (method?: string) =>
    under()
      .emulator.requests.list({ method, path: /^\/v2\/[0-9a-f]+\/services/ })
      .map((entry) => `${entry.method} ${entry.path.replace(/^\/v2\/[0-9a-f]+/, '')}`);
  const deploy = (name: string) => services().inferenceV2.create({ region: REGION, workspaceId: '0' }, deployRequest(name));
  const deployments = async (serviceNode: Node) => under().explorer.getChildren(await under().child(serviceNode, 'Deployments'));

  it('lists v2 services in their own category next to v1\'s, with UPPERCASE statuses as icons and state-aware actions; they expand to deployments', async () => {
    const workspace = await under().child(await under().child(undefined, REGION), 'default');
    const categories = (await under().explorer.getChildren(workspace)).map(label);
    assert.deepEqual(categories.slice(-2), ['Real-Time Services (v1)', 'Real-Time Services (v2)']);
    const expected: Record<string, [string, string]> = {
      'llm-chat-v2': ['vm-running', 'Running · v0.0.2'],
      'image-tagging-v2': ['circle-slash', 'Stopped · v1.0.0'],
      'yolo-detect-v2': ['error', 'Failed'],
      'embedding-v2': ['warning', 'Concerning'],
      'draft-v2': ['watch', 'Init'],
      'sentiment-ab-v2': ['vm-running', 'Running · v1.0.0 · several deployments'],
    };
    const listed = await under().explorer.getChildren(await group());
    for (const [name, [expectedIcon, text]] of Object.entries(expected)) {
      const node = listed.find((candidate) => label(candidate) === name);
      assert.ok(node, `${name} is listed: ${listed.map(label).join(', ')}`);
      assert.equal(icon(node), expectedIcon, `the icon of ${name}`);
      assert.ok(description(node).startsWith(text), `${name}: ${description(node)}`);
    }
    const byName = (name: string) => listed.find((node) => label(node) === name) as Node;
    assert.match(contextValue(byName('llm-chat-v2')), /^serviceV2 canStop canCopyAddress canLogin canDelete\b/);
    assert.match(contextValue(byName('image-tagging-v2')), /^serviceV2 canStart canDelete\b/);
    assert.match(contextValue(byName('draft-v2')), /^serviceV2 canDelete\b/);
    assert.ok(!contextValue(byName('llm-chat-v2')).includes('serviceV1'), 'v1 menus never show on v2 items');

    const ab = await deployments(byName('sentiment-ab-v2'));
    assert.deepEqual(
      ab.map((node) => [label(node), icon(node), description(node)]),
      [
        ['blue', 'vm-running', 'Running · v1.0.0 · 80% of traffic'],
        ['green', 'circle-slash', 'Stopped · v1.1.0 · 20% of traffic'],
      ],
    );
    assert.match(contextValue(ab[1]), /^serviceV2Deployment canStart canSwitchVersion\b/);
    assert.deepEqual((await deployments(byName('draft-v2'))).map(label), ['No deployments']);
  });

  it('Stop asks first naming the service, reads it, then POSTs …/stop without a body; the tree follows to Stopped; Start from the palette', async () => {
    const node = await service('llm-chat-v2');
    const id = idOf(node);
    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.serviceV2.stop', node);
    assert.equal(under().ui.shown[0].message, 'Stop real-time service "llm-chat-v2"?');
    assert.deepEqual(v2Requests('POST'), [], 'declining sends nothing');

    under().ui.answer('Stop');
    await vscode.commands.executeCommand('modelarts.serviceV2.stop', node);
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(v2Requests().filter((request) => request.includes(id)).slice(0, 2), [`GET /services/${id}`, `POST /services/${id}/stop`], 'the region check reads the service first');
    assert.equal(under().emulator.requests.list({ method: 'POST', path: `${id}/stop` })[0].body, undefined);
    await until(() => description(node), (text) => text.startsWith('Stopped'), 'the service to show Stopped');
    assert.equal(icon(node), 'circle-slash');

    under().ui.answer('default', 'llm-chat-v2');
    await vscode.commands.executeCommand('modelarts.serviceV2.start');
    assert.deepEqual(under().ui.errors, []);
    assert.ok(v2Requests('POST').includes(`POST /services/${id}/start`));
    await until(() => statusInEmulator(id), (status) => status === 'RUNNING', 'the service to run again');
  });

  it('Delete of several selected services is one POST …/services/delete after a confirmation naming them all; they leave the tree', async () => {
    const created = await Promise.all(['doomed-a', 'doomed-b'].map(deploy));
    await vscode.commands.executeCommand('modelarts.refresh', await group());
    const selection = [await service('doomed-a'), await service('doomed-b')];
    under().emulator.requests.clear();
    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.serviceV2.delete', selection[0], selection);
    assert.equal(under().ui.shown[0].message, 'Delete 2 real-time services: "doomed-a", "doomed-b"?');
    assert.deepEqual(v2Requests('POST'), [], 'declining deletes nothing');

    under().ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.serviceV2.delete', selection[0], selection);
    assert.deepEqual(under().ui.errors, []);
    const posts = under().emulator.requests.list({ method: 'POST', path: /\/services\/delete$/ });
    assert.equal(posts.length, 1, 'one batch request');
    assert.deepEqual(JSON.parse(posts[0].body ?? '{}'), { service_ids: created.map((entry) => entry.id) });
    await until(
      async () => (await under().explorer.getChildren(await group())).map(label),
      (names) => !names.includes('doomed-a') && !names.includes('doomed-b'),
      'the deleted services to leave the tree',
    );
  });

  it('View Events opens the newest first, warnings and abnormal events marked', async () => {
    await vscode.commands.executeCommand('modelarts.serviceV2.viewEvents', await service('embedding-v2'));
    assert.deepEqual(under().ui.errors, []);
    const lines = (vscode.window.activeTextEditor?.document.getText() ?? '').split('\n');
    assert.equal(lines[0], `Events of real-time service "embedding-v2" (v2) in ${REGION}`);
    assert.match(lines[1], /^\d+ events, newest first; 1 abnormal\.$/);
    const events = lines.filter((line) => /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line));
    assert.match(events[0], /^✖ .* ABNORMAL {2}\[group-1\] Instance 2 failed its liveness check/);
    assert.match(events[1], /^! .* WARNING {3}\[group-1\] Instance 2 answered GET \/health slowly/);
  });

  it('a deployment starts from its node; Switch Version picks another version, confirms, and the tree follows the upgrade', async () => {
    const ab = await service('sentiment-ab-v2');
    const [, green] = await deployments(ab);
    under().emulator.requests.clear();
    await vscode.commands.executeCommand('modelarts.serviceV2Deployment.start', green);
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(v2Requests('POST'), [`POST /services/${idOf(ab)}/deployments/${idOf(green)}/start`]);
    await until(async () => description((await deployments(ab))[1]), (text) => text.startsWith('Running'), 'green to run');

    const llm = await service('llm-chat-v2');
    const [groupNode] = await deployments(llm);
    let offered: string[] = [];
    under().ui.answer((items) => {
      offered = items.map((item) => item.label);
      return items[0];
    }, 'Switch');
    await vscode.commands.executeCommand('modelarts.serviceV2Deployment.switchVersion', groupNode);
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(offered, ['0.0.1'], 'the versions other than the current one');
    assert.equal(under().ui.shown.at(-1)?.message, 'Switch deployment "group-1" of real-time service "llm-chat-v2" to version 0.0.1?');
    assert.ok(v2Requests('POST').includes(`POST /services/${idOf(llm)}/deployments/${idOf(groupNode)}/versions/0.0.1/switch`));
    await until(async () => description((await deployments(llm))[0]), (text) => text.startsWith('Running · v0.0.1'), 'the deployment to run version 0.0.1');
  });

  it('v1 and v2 are not confused: a v2 id on v1\'s path is v1\'s 404, a v1 id on v2\'s path is v2\'s 400', async () => {
    const v2Id = idOf(await service('embedding-v2'));
    const v1Id = idOf(await under().child(await under().category('Real-Time Services (v1)'), 'mnist-classifier'));
    // The extension's bundle has its own ModelArtsError class: the fields are compared.
    const failure = (read: Promise<unknown>) => read.then(() => undefined, (error: Partial<ModelArtsError>) => [error.errorCode, error.httpStatus, error.isNotFound]);
    assert.deepEqual(await failure(services().inferenceV1.get(REGION, v2Id)), ['ModelArts.3502', 404, true]);
    assert.deepEqual(await failure(services().inferenceV2.get(REGION, v1Id)), ['ModelArts.6404', 400, true]);
    assert.deepEqual(
      under()
        .emulator.requests.list({ method: 'GET', path: /\/services\/[^/]+$/ })
        .slice(-2)
        .map((entry) => [entry.path.split('/')[1], entry.status]),
      [
        ['v1', 404],
        ['v2', 400],
      ],
    );
  });
});

// A deploy must still be under way when Interrupt runs: transitions here last long enough for that on a slow machine.
describe('Interrupting a real-time service (v2) against the emulator', () => {
  const under = signedInSuite({ transitionMs: 5000 });

  it('Interrupt asks first, then stops a deploy under way; the tree follows it to Stopped', async () => {
    const services = under().api.context.session.services as ModelArtsServices;
    const { id } = await services.inferenceV2.create({ region: REGION, workspaceId: '0' }, deployRequest('interrupted-v2'));
    const group = await under().category('Real-Time Services (v2)');
    await vscode.commands.executeCommand('modelarts.refresh', group);
    const node = await under().child(group, 'interrupted-v2');
    const contextValue = String(node.getTreeItem().contextValue);
    assert.match(contextValue, /\bcanInterrupt\b/);
    assert.doesNotMatch(contextValue, /\bcanStop\b/, 'a deploy under way is interrupted, not stopped');
    under().ui.answer('Interrupt');
    await vscode.commands.executeCommand('modelarts.serviceV2.interrupt', node);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(under().ui.shown[0].message, 'Interrupt what real-time service "interrupted-v2" is deploying?');
    assert.equal(under().emulator.requests.count({ method: 'POST', path: `/services/${id}/interrupt` }), 1);
    await until(() => String(node.getTreeItem().description), (text) => text.startsWith('Stopped'), 'the interrupted service to show Stopped', 15_000);
  });
});
