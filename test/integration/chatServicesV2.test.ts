import assert from 'node:assert/strict';
import { liveServiceV2, serviceV2Status } from '../../emulator/areas/inferV2Model';
import { column, confirmationMessage, DEMO_SERVING_IMAGE, demoProject, invokeTool, prepareTool } from './chatSamples';
import { label, signedInSuite } from './harness';

describe('Chat tools that change v2 real-time services, against the emulator', () => {
  // Statuses move only when the test advances the clock: a deploy under way stays under way.
  const TRANSITION_MS = 600_000;
  const under = signedInSuite({ transitionMs: TRANSITION_MS });
  const project = () => demoProject(under().emulator);
  const now = () => under().emulator.clock.now();
  const serviceId = (name: string) => [...project().servicesV2.values()].find((service) => service.name === name)?.id ?? '';
  const statusOf = (name: string) => {
    const record = liveServiceV2(project(), serviceId(name), now());
    return record && serviceV2Status(record, now());
  };
  const posts = (path: string | RegExp) => under().emulator.requests.list({ method: 'POST', path });

  it('start, stop and interrupt go through the commands\' actions: the same questions, requests and state gates', async () => {
    assert.match(await invokeTool('modelarts_start_realtime_service_v2', { name: 'image-tagging-v2' }), /^Starting real-time service "image-tagging-v2"… Status now: Deploying\./);
    assert.equal(posts(`/services/${serviceId('image-tagging-v2')}/start`).length, 1);
    assert.equal(await prepareTool(under(), 'modelarts_start_realtime_service_v2', { name: 'image-tagging-v2' }).then((prepared) => prepared?.confirmationMessages?.title), 'Start real-time service "image-tagging-v2"?');

    const stopping = await prepareTool(under(), 'modelarts_stop_realtime_service_v2', { name: 'llm-chat-v2' });
    assert.equal(stopping?.confirmationMessages?.title, 'Stop real-time service "llm-chat-v2"?');
    assert.match(confirmationMessage(stopping), /^It stops answering requests at its address/);
    assert.match(await invokeTool('modelarts_stop_realtime_service_v2', { name: 'llm-chat-v2' }), /^Stopping real-time service "llm-chat-v2"… Status now: Stopping\./);
    assert.equal(statusOf('llm-chat-v2'), 'STOPPING');

    assert.match(await invokeTool('modelarts_interrupt_realtime_service_v2', { name: 'image-tagging-v2' }), /^Interrupting real-time service "image-tagging-v2"… Status now: Interrupting\./);
    assert.equal(posts(`/services/${serviceId('image-tagging-v2')}/interrupt`).length, 1);
    under().emulator.clock.advance(TRANSITION_MS + 1);
    assert.equal(statusOf('image-tagging-v2'), 'STOPPED');
    assert.match(
      await invokeTool('modelarts_interrupt_realtime_service_v2', { name: 'embedding-v2' }),
      /^Nothing was done: real-time service "embedding-v2" is Concerning, which does not allow that now; it can: /,
    );
    assert.equal(posts('/interrupt').length, 1, 'a refused interrupt sends nothing');
  });

  it('delete asks what the Delete command asks for one service, and sends one batch delete for it', async () => {
    const deleting = await prepareTool(under(), 'modelarts_delete_realtime_service_v2', { name: 'yolo-detect-v2' });
    assert.equal(deleting?.confirmationMessages?.title, 'Delete real-time service "yolo-detect-v2"?');
    assert.match(confirmationMessage(deleting), /^Requests to its address fail from then on; its deployments and versions go with it\. This cannot be undone\./);
    const id = serviceId('yolo-detect-v2');
    assert.match(await invokeTool('modelarts_delete_realtime_service_v2', { name: 'yolo-detect-v2' }), /^Deleting real-time service "yolo-detect-v2"… Status now: Deleting\./);
    assert.deepEqual(JSON.parse(posts('/services/delete')[0].body ?? ''), { service_ids: [id] });
    assert.match(await invokeTool('modelarts_delete_realtime_service_v2', { name: 'yolo-detect-v2' }), /^Nothing was done: real-time service "yolo-detect-v2" is Deleting/);
  });

  it('create offers the form\'s choices, refuses what the form refuses before any request, and makes what it accepts', async () => {
    const options = await invokeTool('modelarts_get_creation_options', { resourceType: 'realtime_service_v2' });
    assert.match(options, /^Choices for a new realtime service v2 in cn-north-4:\n\nflavors \(6\):/);
    assert.ok(column(options, 'id').includes('modelarts.vm.cpu.2u8g'), options);
    const serving = await invokeTool('modelarts_get_creation_options', { resourceType: 'realtime_service_v2', filter: 'VLLM-serving' });
    assert.match(serving, /^Choices for a new realtime service v2 in cn-north-4 \(those mentioning "VLLM-serving"\):\n\nflavors \(0\):/);
    assert.ok(column(serving, 'path').includes(DEMO_SERVING_IMAGE), serving);
    assert.ok(column(serving, 'path').every((path) => path.includes('vllm-serving')), serving);

    const refused = await invokeTool('modelarts_create_realtime_service_v2', { name: 'bad name!', image: 'nginx:latest', resources: 'pool', cpu: 0 });
    assert.match(refused, /^Failed: InvalidInput: the real-time service was not created, nothing was sent\. name: .* image: An SWR image path with its tag: .* poolId: Choose a dedicated pool\. cpu: /);
    const otherRegion = await invokeTool('modelarts_create_realtime_service_v2', { name: 'east-image', image: DEMO_SERVING_IMAGE.replace('cn-north-4', 'cn-east-3'), flavor: 'modelarts.vm.cpu.2u8g' });
    assert.match(otherRegion, /^Failed: .*cn-east-3.*cn-north-4|^Failed: .*cn-north-4.*cn-east-3/);
    assert.equal(posts(/\/v2\/[0-9a-f]+\/services$/).length, 0, 'nothing was sent');

    const prepared = await prepareTool(under(), 'modelarts_create_realtime_service_v2', { name: 'chat-v2', image: DEMO_SERVING_IMAGE, flavor: 'modelarts.vm.cpu.2u8g' });
    assert.equal(prepared?.confirmationMessages?.title, 'Create real-time service "chat-v2"?');
    const group = await under().category('Real-Time Services (v2)');
    await under().explorer.getChildren(group);
    const created = await invokeTool('modelarts_create_realtime_service_v2', { name: 'chat-v2', image: DEMO_SERVING_IMAGE, flavor: 'modelarts.vm.cpu.2u8g', instanceCount: 2 });
    assert.match(created, /^Created real-time service "chat-v2" \(id [0-9a-f]{32}\) in cn-north-4, workspace default \(0\): status Deploying\./);
    const body = JSON.parse(posts(/\/v2\/[0-9a-f]+\/services$/)[0].body ?? '') as { group_configs: { count: number; unit_configs: { image: { swr_path: string }; flavor: string }[] }[] };
    assert.deepEqual([body.group_configs[0].count, body.group_configs[0].unit_configs[0].image.swr_path, body.group_configs[0].unit_configs[0].flavor], [2, DEMO_SERVING_IMAGE, 'modelarts.vm.cpu.2u8g']);
    assert.ok((await under().explorer.getChildren(group)).some((node) => label(node) === 'chat-v2'), 'the tree shows it');
  });
});
