import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LogTail } from '../../../src/services/logTail';
import { trainingLogMayGrow } from '../../../src/services/trainingJobs';
import { type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';
const scope = { region: REGION, workspaceId: '0' };
/** Long against the real time a poll takes, so that only the emulator's clock moves the job on. */
const TRANSITION_MS = 60_000;
/** A log line every TRANSITION_MS / 10: each poll finds two new lines. */
const POLL_MS = TRANSITION_MS / 5;

describe('training logs, events and stages', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({ transitionMs: TRANSITION_MS, seed: 'empty' });
  });
  after(() => harness.close());

  async function createJob(name: string, nodeCount = 1): Promise<string> {
    const created = await harness.services.trainingJobs.create(scope, {
      kind: 'job',
      metadata: { name },
      algorithm: { engine: { image_url: 'swr.cn-north-4.myhuaweicloud.com/org/train:1' }, command: 'python train.py' },
      spec: { resource: { flavor_id: 'modelarts.p3.large.public', node_count: nodeCount } },
    });
    return created.metadata.id;
  }

  test('following a task\'s log: each poll appends what the job wrote since, until the job ends', async () => {
    const { trainingJobs } = harness.services;
    const id = await createJob('follow-me', 2);
    harness.emulator.clock.advance(2 * TRANSITION_MS + TRANSITION_MS / 4);
    const tail = new LogTail(1_000_000);
    const texts: string[] = [];
    let polls = 0;
    // As the viewer polls: the job, then the log; the poll that finds the job ended is the last.
    for (;;) {
      const job = await trainingJobs.get(REGION, id);
      const merged = tail.merge(await trainingJobs.logPreview(REGION, id, 'worker-1'));
      texts.push(tail.text);
      polls++;
      if (polls > 1) {
        assert.equal(merged, 'appended', `poll ${polls} appends`);
      }
      if (!trainingLogMayGrow(job.status.phase)) {
        break;
      }
      harness.emulator.clock.advance(POLL_MS);
    }
    assert.ok(polls >= 10, `${polls} polls while running`);
    assert.ok(texts.every((text, index) => index === 0 || text.startsWith(texts[index - 1])), 'only ever appended');
    const whole = await trainingJobs.logPreview(REGION, id, 'worker-1');
    assert.equal(tail.text, whole.content, 'the followed text is the whole log');
    assert.match(tail.text, /\[worker-1\] epoch/);
    assert.match(tail.text, /Training completed\.\n$/);
  });

  test('a capped tail keeps the newest lines and accounts for every byte before them', async () => {
    const { trainingJobs } = harness.services;
    const id = await createJob('capped-log');
    harness.emulator.clock.advance(7 * TRANSITION_MS);
    const whole = await trainingJobs.logPreview(REGION, id, 'worker-0');
    const tail = new LogTail(500);
    tail.merge(whole);
    assert.ok(tail.text.length <= 500 && tail.text.length > 400);
    assert.ok(whole.content.endsWith(tail.text), 'the newest part');
    assert.equal(whole.content[whole.content.length - tail.text.length - 1], '\n', 'whole lines');
    assert.equal(tail.omittedBytes + Buffer.byteLength(tail.text), whole.fullSize);
  });

  test('events come newest first with the total; stages of the latest run come in order', async () => {
    const { trainingJobs } = harness.services;
    const id = await createJob('will-fail-events');
    harness.emulator.clock.advance(7 * TRANSITION_MS);
    harness.emulator.requests.clear();
    const { events, total } = await trainingJobs.events(REGION, id);
    const request = harness.emulator.requests.list({ path: '/events' })[0];
    assert.deepEqual(request.query, { offset: '0', limit: '100', order: 'desc' });
    assert.equal(total, events.length);
    assert.deepEqual([events[0].level, events[0].message, events[0].source], ['Error', 'Training job failed.', 'Job']);

    const stages = await trainingJobs.stages(REGION, id);
    assert.deepEqual(stages.map((stage) => stage.name), ['scheduling', 'preparing', 'running', 'end']);
    assert.equal(stages[3].sub_stages?.[0].en_message, 'Training failed: a task exited with code 1.');
  });
});
