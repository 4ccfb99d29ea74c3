import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useEmulator } from './emulatorSession';

const MB = 1024 * 1024;
const session = useEmulator(3_600_000);
const { api } = session;

interface LogAnswer {
  content: string;
  current_size: number;
  full_size: number;
}

/** A seeded job of the demo workspace, forced to run, its log growing `bytesPerSecond` from now. */
async function jobWritingAt(bytesPerSecond: unknown): Promise<{ id: string; status: number }> {
  const listed = await api<{ items: { metadata: { id: string } }[] }>('POST', '/v2/{project_id}/training-job-searches', { body: { limit: 1, workspace_id: '0' } });
  const id = listed.body.items[0].metadata.id;
  session.emulator.state.setTrainingJobPhase(id, 'Running');
  const answer = await fetch(`${session.emulator.url}/__emulator/state/training-jobs/${id}/log`, { method: 'PUT', body: JSON.stringify({ bytes_per_second: bytesPerSecond }) });
  return { id, status: answer.status };
}

const preview = (id: string) => api<LogAnswer>('GET', `/v2/{project_id}/training-jobs/${id}/tasks/worker-0/logs/preview`);

test('a log set to grow 2 MB a second grows by that much, and its preview is its newest 5 MB of whole lines', async () => {
  const { id, status } = await jobWritingAt(2 * MB);
  assert.equal(status, 204);
  session.emulator.clock.advance(10_000);
  const first = (await preview(id)).body;
  const lines = first.content.split('\n');
  assert.equal(lines.pop(), '', 'the preview ends with a whole line');
  const lineBytes = Buffer.byteLength(`${lines[0]}\n`);
  assert.ok(lines.every((line) => Buffer.byteLength(`${line}\n`) === lineBytes), 'every line has the same byte length');
  assert.ok(lineBytes > [...lines[0]].length + 1, 'the lines hold multi-byte characters');
  assert.equal(first.current_size, Buffer.byteLength(first.content));
  assert.ok(first.current_size <= 5 * MB && first.current_size > 5 * MB - lineBytes, `${first.current_size} bytes: the newest 5 MB`);
  // The emulator's clock also runs in real time: the log is at least 20 MB after ten seconds, and the preview its end.
  assert.ok(first.full_size >= 20 * MB - lineBytes, `${first.full_size} bytes after 10 s`);
  const newestStep = Number(/ step (\d{9}) /.exec(lines.at(-1) ?? '')?.[1]);
  assert.equal(newestStep * lineBytes, first.full_size, 'the preview ends where the log does');

  session.emulator.clock.advance(1_000);
  const second = (await preview(id)).body;
  assert.ok(second.full_size - first.full_size >= 2 * MB - lineBytes, `grew ${second.full_size - first.full_size} bytes in a second`);

  session.emulator.state.setTrainingJobPhase(id, 'Completed');
  const ended = (await preview(id)).body.full_size;
  session.emulator.clock.advance(5_000);
  assert.equal((await preview(id)).body.full_size, ended, 'an ended job\'s log stops growing');
});

test('the rate must be a positive number', async () => {
  assert.equal((await jobWritingAt(0)).status, 400);
  assert.equal((await jobWritingAt('fast')).status, 400);
});
