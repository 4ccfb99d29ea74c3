import assert from 'node:assert/strict';
import { liveServiceV2, serviceV2Status } from '../../emulator/areas/inferV2Model';
import { confirmationMessage, demoProject, invokeTool, prepareTool } from './chatSamples';
import { signedInSuite } from './harness';

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
  const posts = (path: string) => under().emulator.requests.list({ method: 'POST', path });

  it('start, stop and interrupt go through the commands\' actions: the same questions, requests and state gates', async () => {
    assert.match(await invokeTool('modelarts_start_realtime_service_v2', { name: 'image-tagging-v2' }), /^Starting real-time service "image-tagging-v2"… Status now: DEPLOYING\./);
    assert.equal(posts(`/services/${serviceId('image-tagging-v2')}/start`).length, 1);
    assert.equal(await prepareTool(under(), 'modelarts_start_realtime_service_v2', { name: 'image-tagging-v2' }).then((prepared) => prepared?.confirmationMessages?.title), 'Start real-time service "image-tagging-v2"?');

    const stopping = await prepareTool(under(), 'modelarts_stop_realtime_service_v2', { name: 'llm-chat-v2' });
    assert.equal(stopping?.confirmationMessages?.title, 'Stop real-time service "llm-chat-v2"?');
    assert.match(confirmationMessage(stopping), /^It stops answering requests at its address/);
    assert.match(await invokeTool('modelarts_stop_realtime_service_v2', { name: 'llm-chat-v2' }), /^Stopping real-time service "llm-chat-v2"… Status now: STOPPING\./);
    assert.equal(statusOf('llm-chat-v2'), 'STOPPING');

    assert.match(await invokeTool('modelarts_interrupt_realtime_service_v2', { name: 'image-tagging-v2' }), /^Interrupting real-time service "image-tagging-v2"… Status now: INTERRUPTING\./);
    assert.equal(posts(`/services/${serviceId('image-tagging-v2')}/interrupt`).length, 1);
    under().emulator.clock.advance(TRANSITION_MS + 1);
    assert.equal(statusOf('image-tagging-v2'), 'STOPPED');
    assert.match(
      await invokeTool('modelarts_interrupt_realtime_service_v2', { name: 'embedding-v2' }),
      /^Nothing was done: real-time service "embedding-v2" is CONCERNING, which does not allow that now; it can: /,
    );
    assert.equal(posts('/interrupt').length, 1, 'a refused interrupt sends nothing');
  });

  it('delete asks what the Delete command asks for one service, and sends one batch delete for it', async () => {
    const deleting = await prepareTool(under(), 'modelarts_delete_realtime_service_v2', { name: 'yolo-detect-v2' });
    assert.equal(deleting?.confirmationMessages?.title, 'Delete real-time service "yolo-detect-v2"?');
    assert.match(confirmationMessage(deleting), /^Requests to its address fail from then on; its deployments and versions go with it\. This cannot be undone\./);
    const id = serviceId('yolo-detect-v2');
    assert.match(await invokeTool('modelarts_delete_realtime_service_v2', { name: 'yolo-detect-v2' }), /^Deleting real-time service "yolo-detect-v2"… Status now: DELETING\./);
    assert.deepEqual(JSON.parse(posts('/services/delete')[0].body ?? ''), { service_ids: [id] });
    assert.match(await invokeTool('modelarts_delete_realtime_service_v2', { name: 'yolo-detect-v2' }), /^Nothing was done: real-time service "yolo-detect-v2" is DELETING/);
  });
});
