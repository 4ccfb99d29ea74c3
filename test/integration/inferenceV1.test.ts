import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExtensionUnderTest, label, type Node, REGION, until } from './harness';

describe('Real-time services (v1) and models against the emulator', () => {
  let under: ExtensionUnderTest;

  const group = (name: 'Real-Time Services (v1)' | 'Models') => under.category(name);
  const services = async () => under.explorer.getChildren(await group('Real-Time Services (v1)'));
  async function service(name: string): Promise<Node> {
    return under.child(await group('Real-Time Services (v1)'), name);
  }
  const description = (node: Node) => String(node.getTreeItem().description);
  const icon = (node: Node) => (node.getTreeItem().iconPath as vscode.ThemeIcon).id;
  const contextValue = (node: Node) => String(node.getTreeItem().contextValue);
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const bodiesOf = (method: string, id: string) => under.emulator.requests.list({ method, path: id }).map((entry) => JSON.parse(entry.body ?? '{}') as Record<string, unknown>);

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 1000 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('lists services with status icons and state-aware actions, and models, in each workspace', async () => {
    const expected: Record<string, [string, string]> = {
      'mnist-classifier': ['vm-running', 'Running'],
      'sentiment-api': ['circle-slash', 'Stopped'],
      'traffic-detector': ['error', 'Failed'],
      'invoice-ocr': ['warning', 'Concerning'],
    };
    const listed = await services();
    for (const [name, [expectedIcon, status]] of Object.entries(expected)) {
      const node = listed.find((candidate) => label(candidate) === name);
      assert.ok(node, `${name} is listed: ${listed.map(label).join(', ')}`);
      assert.equal(icon(node), expectedIcon, `the icon of ${name}`);
      assert.ok(description(node).startsWith(status), `${name}: ${description(node)}`);
    }
    const running = listed.find((node) => label(node) === 'mnist-classifier') as Node;
    assert.match(contextValue(running), /^serviceV1 canStop canUpdate canCopyAddress canDelete\b/);
    assert.match(description(running), /calls/);
    assert.match(contextValue(listed.find((node) => label(node) === 'sentiment-api') as Node), /^serviceV1 canStart canUpdate canDelete\b/);

    const models = await under.explorer.getChildren(await group('Models'));
    const gallery = models.find((node) => label(node) === 'general-ocr 3.0.2');
    assert.ok(gallery && description(gallery).includes('AI Gallery'));
    assert.equal(icon(gallery), 'pass');
    assert.match(contextValue(gallery), /^model canDeploy\b/);
    const failedModel = models.find((node) => label(node) === 'ocr-crnn 1.0.0');
    assert.ok(failedModel && icon(failedModel) === 'error' && !contextValue(failedModel).includes('canDeploy'));

    const nlp = await under.child(await under.child(undefined, REGION), 'nlp-research');
    const nlpServices = await under.explorer.getChildren(await under.child(nlp, 'Real-Time Services (v1)'));
    assert.deepEqual(nlpServices.map(label).sort(), ['chatglm-demo', 'ner-news']);
    assert.match(description(nlpServices.find((node) => label(node) === 'ner-news') as Node), /stops in \d+h/);
  });

  it('Stop asks first, naming the service, and sends the status alone; the tree follows it to Stopped; Start from the palette brings it back', async () => {
    const node = await service('mnist-classifier');
    const id = idOf(node);
    under.emulator.requests.clear();
    under.ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.serviceV1.stop', node);
    assert.equal(under.ui.shown[0].message, 'Stop real-time service "mnist-classifier"?');
    assert.equal(bodiesOf('PUT', id).length, 0, 'declining sends nothing');

    under.ui.answer('Stop');
    await vscode.commands.executeCommand('modelarts.serviceV1.stop', node);
    assert.deepEqual(under.ui.errors, []);
    assert.deepEqual(bodiesOf('PUT', id), [{ status: 'stopped' }]);
    assert.ok(['stopping', 'stopped'].includes(under.emulator.state.serviceV1Status(id) ?? ''));
    await until(() => description(node), (text) => text.startsWith('Stopped'), 'the service to show Stopped');
    assert.equal(icon(node), 'circle-slash');

    // From the palette: the workspace and the service are picked.
    under.ui.answer('default', 'mnist-classifier');
    await vscode.commands.executeCommand('modelarts.serviceV1.start');
    assert.deepEqual(under.ui.errors, []);
    assert.deepEqual(bodiesOf('PUT', id).at(-1), { status: 'running' });
    await until(() => under.emulator.state.serviceV1Status(id), (status) => status === 'running', 'the service to run again');
  });

  it('Delete confirms with the service\'s name; the service is deleting, then leaves the tree', async () => {
    const node = await service('sentiment-api');
    const id = idOf(node);
    under.emulator.requests.clear();
    under.ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.serviceV1.delete', node);
    assert.equal(under.emulator.requests.count({ method: 'DELETE' }), 0, 'declining deletes nothing');
    assert.equal(under.ui.shown[0].message, 'Delete real-time service "sentiment-api"?');

    under.ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.serviceV1.delete', node);
    assert.deepEqual(under.ui.errors, []);
    assert.equal(under.emulator.requests.count({ method: 'DELETE', path: `/services/${id}` }), 1);
    await until(async () => (await services()).some((candidate) => candidate.id === node.id), (present) => !present, 'the service to leave the tree');
    assert.equal(under.emulator.state.findServiceV1(id), undefined);
  });

  it('View Events opens a read-only document, newest first, with the abnormal events marked', async () => {
    await vscode.commands.executeCommand('modelarts.serviceV1.viewEvents', await service('traffic-detector'));
    assert.deepEqual(under.ui.errors, []);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document);
    assert.equal(document.uri.scheme, 'modelarts');
    const lines = document.getText().split('\n');
    assert.equal(lines[0], `Events of real-time service "traffic-detector" (v1) in ${REGION}`);
    assert.equal(lines[1], '4 events, newest first; 2 abnormal.');
    const events = lines.filter((line) => /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line));
    assert.equal(events.length, 4);
    assert.match(events[0], /^✖ .* ABNORMAL {2}Failed to deploy the service$/);
    assert.match(events[3], /^ {2}.* NORMAL {4}Start to deploy the service$/);
    const times = events.map((line) => (/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.exec(line) ?? [''])[0]);
    assert.deepEqual(times, [...times].sort().reverse());
  });
});
