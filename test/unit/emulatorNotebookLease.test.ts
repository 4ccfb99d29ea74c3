import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, REFUSAL, useEmulator } from './emulatorSession';
import { NOTEBOOKS, notebookFixtures } from './notebookFixtures';

const HOUR = 3_600_000;
const session = useEmulator(60_000);
const { api, advance } = session;


interface Notebook {
  id: string;
  status: string;
  lease: { create_at: number; duration: number; enable: boolean; type: string };
}

const show = async (id: string) => (await api<Notebook>('GET', `${NOTEBOOKS}/${id}`)).body;
const { createBody, running } = notebookFixtures<Notebook>(session);

describe('lease', () => {
  const lease = async (id: string) => (await show(id)).lease;
  const stopped = async (name: string, extra: Record<string, unknown> = {}): Promise<Notebook> => {
    const notebook = await running(name, extra);
    await api('POST', `${NOTEBOOKS}/${notebook.id}/stop`);
    advance();
    return notebook;
  };
  const start = (id: string, query?: Record<string, string | number>) => api<Notebook>('POST', `${NOTEBOOKS}/${id}/start`, { query });

  test('the lease ends at create_at + duration; a renewal runs its duration from now; a start begins a new lease', async () => {
    const notebook = await running('lease-renewal', { lease: { duration: 2 * HOUR, type: 'TIMING' } });
    const before = await lease(notebook.id);
    assert.equal(before.duration, 2 * HOUR);
    session.emulator.clock.advance(HOUR);
    const renewed = await api<Notebook['lease']>('PATCH', `${NOTEBOOKS}/${notebook.id}/lease`, { body: { duration: 3 * HOUR, type: 'TIMING' } });
    assert.equal(renewed.status, 200, renewed.text);
    const now = session.emulator.clock.now();
    assert.equal(renewed.body.create_at, before.create_at);
    assert.ok(Math.abs(renewed.body.create_at + renewed.body.duration - (now + 3 * HOUR)) < 1000, JSON.stringify(renewed.body));
    session.emulator.clock.advance(2 * HOUR);
    assert.equal((await show(notebook.id)).status, 'RUNNING', 'still running after the first lease would have ended');
    session.emulator.clock.advance(HOUR);
    advance();
    assert.equal((await show(notebook.id)).status, 'STOPPED');
    assertError(await api('PATCH', `${NOTEBOOKS}/${notebook.id}/lease`, { body: { duration: HOUR } }), 400, 'ModelArts.6357');

    assert.equal((await start(notebook.id, { duration: 2 * HOUR })).status, 200);
    const restarted = await lease(notebook.id);
    assert.ok(restarted.create_at >= session.emulator.clock.now() - 1000, 'the new lease counts from the start');
  });

  test('without a duration, create and start run for the SDK\'s default hour: a start does not keep the lease it had', async () => {
    const plain = await running('lease-default');
    assert.deepEqual([(await lease(plain.id)).enable, (await lease(plain.id)).duration], [true, HOUR]);

    const long = await stopped('lease-reset', { lease: { duration: 8 * HOUR, type: 'TIMING' } });
    assert.equal((await start(long.id)).status, 200);
    const reset = await lease(long.id);
    assert.deepEqual([reset.enable, reset.duration, reset.type], [true, HOUR, 'TIMING']);
  });

  test('a start runs for its ?duration= and ?type=, or never stops with -1 (as the Terraform provider sends); out of range is refused', async () => {
    const notebook = await stopped('lease-start-query');
    assert.equal((await start(notebook.id, { duration: 8 * HOUR, type: 'IDLE' })).status, 200);
    const timed = await lease(notebook.id);
    assert.deepEqual([timed.enable, timed.duration, timed.type], [true, 8 * HOUR, 'IDLE']);
    advance();
    await api('POST', `${NOTEBOOKS}/${notebook.id}/stop`);
    advance();
    assert.equal((await start(notebook.id, { duration: -1 })).status, 200);
    assert.equal((await lease(notebook.id)).enable, false);
    session.emulator.clock.advance(100 * HOUR);
    assert.equal((await show(notebook.id)).status, 'RUNNING', 'no lease ends it');

    const other = await stopped('lease-start-range');
    assertError(await start(other.id, { duration: 60_000 }), 400, 'ModelArts.0101', /duration/);
    assertError(await start(other.id, { type: 'SOMETIMES' }), 400, 'ModelArts.0101', /type/);
    assertError(await api('POST', `${NOTEBOOKS}/${other.id}/start`, { body: {}, headers: REFUSAL }), 400, 'ModelArts.0101', /takes no body/);
    assert.equal((await show(other.id)).status, 'STOPPED', 'a refused start leaves it stopped');
  });

  test('create: a top-level duration wins over lease and -1 never stops; a renewal\'s query duration wins over its body', async () => {
    const never = await running('lease-create-never', { duration: -1, lease: { duration: 2 * HOUR, type: 'IDLE' } });
    assert.equal((await lease(never.id)).enable, false);
    const timed = await running('lease-create-top', { duration: 3 * HOUR, lease: { duration: 2 * HOUR, type: 'IDLE' } });
    const top = await lease(timed.id);
    assert.deepEqual([top.duration, top.type], [3 * HOUR, 'TIMING']);
    assertError(await api('POST', NOTEBOOKS, { body: { ...createBody('lease-create-bad'), lease: { duration: -1 } } }), 400, 'ModelArts.0101', /lease\.duration/);

    const renewed = await api<Notebook['lease']>('PATCH', `${NOTEBOOKS}/${timed.id}/lease`, { query: { duration: 5 * HOUR }, body: { duration: HOUR, type: 'IDLE' } });
    const now = session.emulator.clock.now();
    assert.ok(Math.abs(renewed.body.create_at + renewed.body.duration - (now + 5 * HOUR)) < 1000, JSON.stringify(renewed.body));
    assert.equal(renewed.body.type, 'TIMING');
  });
});

describe('storage on create', () => {
  const create = (name: string, volume: Record<string, unknown>) => api<Notebook & { volume: Record<string, unknown> }>('POST', NOTEBOOKS, { body: { ...createBody(name), volume } });

  test('an OBS parallel file system folder of the account is DEDICATED with its uri; plain OBS needs a DEW secret; EVS is the service\'s', async () => {
    const obsfs = await create('volume-obsfs', { category: 'OBSFS', ownership: 'DEDICATED', uri: 'obs://team-data/work/' });
    assert.equal(obsfs.status, 201, obsfs.text);
    assert.deepEqual(obsfs.body.volume, { category: 'OBSFS', ownership: 'DEDICATED', mount_path: '/home/ma-user/work/', uri: 'obs://team-data/work/' });
    const withSecret = await create('volume-obs', { category: 'OBS', ownership: 'DEDICATED', uri: 'obs://team-data/work/', dew_secret_name: 'obs-access' });
    assert.equal(withSecret.status, 201, withSecret.text);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ category: 'OBSFS', ownership: 'MANAGED', uri: 'obs://team-data/work/' }, /volume\.uri/],
      [{ category: 'OBSFS', ownership: 'DEDICATED' }, /volume\.uri/],
      [{ category: 'OBSFS', ownership: 'DEDICATED', uri: 'obs://team-data/file.txt' }, /volume\.uri/],
      [{ category: 'OBS', ownership: 'DEDICATED', uri: 'obs://team-data/work/' }, /dew_secret_name/],
      [{ category: 'EVS', ownership: 'DEDICATED' }, /volume\.ownership/],
      [{ category: 'EFS', ownership: 'DEDICATED', uri: 'x.sfsturbo.internal:/' }, /volume\.uri/],
    ];
    for (const [volume, message] of cases) {
      assertError(await create('volume-bad', volume), 400, 'ModelArts.0101', message);
    }
    assertError(await api('POST', NOTEBOOKS, { body: { ...createBody('volume-no-owner'), volume: { category: 'EVS' } }, headers: REFUSAL }), 400, 'ModelArts.0101', /ownership/);
  });
});
