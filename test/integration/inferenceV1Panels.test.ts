import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServiceV1FormValues } from '../../src/webviews/protocol';
import { conversation, ExtensionUnderTest, label, type Node, type Panel, until } from './harness';

describe('Real-time service (v1) panels and updates against the emulator', () => {
  let under: ExtensionUnderTest;

  const group = () => under.category('Real-Time Services (v1)');
  const service = async (name: string): Promise<Node> => under.child(await group(), name);
  const description = (node: Node) => String(node.getTreeItem().description);
  const idOf = (node: Node) => node.id.split('/').pop() as string;

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 1000 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('Create from the form: bad input is flagged and kept, a refused create keeps the form, a good one is revealed and followed to Running', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.serviceV1.create', await group())) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('serviceV1Form');
      assert.equal(form.values.workspaceId, '0');
      const options = await talk.next('serviceV1Options');
      const mnist = options.models.find((model) => model.name === 'mnist-cnn' && model.version === '1.1.0' && model.workspaceId === '0');
      assert.ok(mnist, 'published models of the workspaces are offered');
      assert.ok(!options.models.some((model) => model.name === 'ocr-crnn'), 'a failed model is not offered');
      assert.ok(options.models.some((model) => model.name === 'ernie-ner' && model.workspaceId !== '0'), 'other workspaces\' models come with their workspace');
      assert.ok(options.specifications.some((spec) => spec.id === 'modelarts.vm.cpu.2u' && spec.memoryMb === 8192));

      const values: ServiceV1FormValues = {
        ...form.values,
        name: 'bad name!',
        modelName: mnist.name,
        modelId: mnist.id,
        specification: 'modelarts.vm.cpu.2u',
        instanceCount: 2,
        environment: [{ name: 'LOG_LEVEL', value: 'debug' }],
        autoStopHours: 3,
      };
      under.emulator.requests.clear();
      await panel.receive({ type: 'submitServiceV1', values });
      const invalid = await talk.next('submitFailed');
      assert.ok(invalid.fieldErrors.name, 'the name is flagged at its field');
      assert.equal(under.emulator.requests.count({ method: 'POST' }), 0, 'nothing is sent with invalid input');

      under.emulator.faults.add({ kind: 'status', status: 400, errorCode: 'ModelArts.3520', errorMsg: 'The number of services has reached the limit.', method: 'POST', path: '/services' });
      await panel.receive({ type: 'submitServiceV1', values: { ...values, name: 'digits-from-form' } });
      await talk.next('submitting');
      const refused = await talk.next('submitFailed');
      assert.equal(refused.error.errorCode, 'ModelArts.3520');
      assert.equal(talk.disposed, false, 'the form stays open with what was typed');

      await panel.receive({ type: 'submitServiceV1', values: { ...values, name: 'digits-from-form' } });
      await talk.next('submitting');
      await until(() => talk.disposed, (disposed) => disposed, 'the panel to close after deploying');
      const sent = JSON.parse(under.emulator.requests.list({ method: 'POST', path: '/services', status: 200 })[0]?.body ?? '{}');
      assert.deepEqual(sent, {
        service_name: 'digits-from-form',
        description: '',
        config: [{ model_id: mnist.id, specification: 'modelarts.vm.cpu.2u', weight: 100, instance_count: 2, envs: { LOG_LEVEL: 'debug' } }],
        schedule: [{ type: 'stop', time_unit: 'HOURS', duration: 3 }],
        infer_type: 'real-time',
        workspace_id: '0',
      });
      assert.match(under.ui.shown.at(-1)?.message ?? '', /^Created real-time service "digits-from-form"\.$/);
      const created = await service('digits-from-form');
      assert.equal(label(under.api.context.treeView.selection[0] as unknown as Node), 'digits-from-form', 'the new service is revealed');
      await until(() => description(created), (text) => text.startsWith('Running'), 'the tree to follow the new service to Running');
      // Polled by its own read, or with other changing services by one read of the list.
      assert.ok(under.emulator.requests.count({ method: 'GET', path: new RegExp(`/services(/${idOf(created)})?$`) }) >= 2, 'the deploying service was polled');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('Details: each model\'s config, the access address with a copy button, and why a failed service failed', async () => {
    const concerning = await service('invoice-ocr');
    const panel = (await vscode.commands.executeCommand('modelarts.serviceV1.showDetails', concerning)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const { view } = await talk.next('details', (message) => message.view.fields.some((field) => field.label === 'Access address'));
      const field = (name: string) => view.fields.find((candidate) => candidate.label === name)?.value;
      assert.equal(view.statusCategory, 'degraded');
      assert.equal(field('Model'), 'general-ocr 3.0.2 on modelarts.vm.cpu.8u × 3 · 100% of requests');
      const address = field('Access address') ?? '';
      assert.match(address, /^https:\/\/.+\/v1\/infers\/[0-9a-f-]{36}$/);
      assert.deepEqual(view.actions, ['refresh', 'stop', 'copyAccessAddress', 'update', 'viewEvents', 'copyId', 'openInConsole', 'createSimilar', 'delete']);
      await panel.receive({ type: 'runAction', action: 'copyAccessAddress' });
      assert.deepEqual(under.ui.errors, []);
      assert.equal(await vscode.env.clipboard.readText(), address);
    } finally {
      talk.dispose();
      panel.dispose();
    }
    const failedPanel = (await vscode.commands.executeCommand('modelarts.serviceV1.showDetails', await service('traffic-detector'))) as Panel;
    const failedTalk = conversation(failedPanel);
    try {
      await failedPanel.receive({ type: 'ready' });
      // Why it failed stands at the top of the panel, not among the fields.
      const { view } = await failedTalk.next('details', (message) => message.view.reason !== undefined);
      assert.match(view.reason ?? '', /health check/);
      assert.ok(view.actions.includes('start') && !view.actions.includes('copyAccessAddress'));
    } finally {
      failedTalk.dispose();
      failedPanel.dispose();
    }
  });

  it('Update: the instance count of a model, after confirming the redeploy; the whole config goes back without a status', async () => {
    const node = await service('mnist-classifier');
    const id = idOf(node);
    under.emulator.requests.clear();
    under.ui.answer('Instances of mnist-cnn 1.1.0', '4', 'Update');
    await vscode.commands.executeCommand('modelarts.serviceV1.update', node);
    assert.deepEqual(under.ui.errors, []);
    assert.equal(under.ui.shown.at(-1)?.message, 'Update real-time service "mnist-classifier"?');
    const [body] = under.emulator.requests.list({ method: 'PUT', path: id }).map((entry) => JSON.parse(entry.body ?? '{}'));
    assert.deepEqual(Object.keys(body), ['config']);
    assert.deepEqual(body.config, [{ model_id: body.config[0].model_id, specification: 'modelarts.vm.cpu.2u', weight: 100, instance_count: 4, envs: { LOG_LEVEL: 'info', BATCH_SIZE: '16' } }]);
    await until(() => description(node), (text) => text.startsWith('Running'), 'the redeployed service to run again');
    assert.equal(under.emulator.state.findServiceV1(id)?.service.config[0].instanceCount, 4);
  });

  it('a model\'s Deploy opens the create form with the model chosen; its details offer Deploy', async () => {
    const model = await under.child(await under.category('Models'), 'bert-sentiment 2.0.0');
    const details = (await vscode.commands.executeCommand('modelarts.model.showDetails', model)) as Panel;
    const detailsTalk = conversation(details);
    try {
      await details.receive({ type: 'ready' });
      const { view } = await detailsTalk.next('details');
      assert.deepEqual(view.actions, ['refresh', 'deployV1', 'copyId', 'openInConsole']);
      assert.equal(view.fields.find((field) => field.label === 'Needs at least')?.value, '2 vCPUs · 8 GB');
    } finally {
      detailsTalk.dispose();
      details.dispose();
    }
    const panel = (await vscode.commands.executeCommand('modelarts.model.deployV1', model)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('serviceV1Form');
      assert.deepEqual([form.values.modelName, form.values.modelId], ['bert-sentiment', idOf(model)]);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });
});
