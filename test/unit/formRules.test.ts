import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restartLease } from '../../src/services/notebooks';
import { jobEnvironment, type TrainingJob } from '../../src/services/trainingJobs';
import { emptyNotebookForm, toCreateNotebookRequest, trainingJobToFormValues } from '../../src/webviews/formRules';

const HOUR = 3_600_000;

test('a notebook that never stops says so with duration -1: without a duration the service stops it after an hour', () => {
  const values = { ...emptyNotebookForm('0'), name: 'nb', flavorId: 'f', imageId: 'i' };
  const never = toCreateNotebookRequest({ ...values, autoStopHours: 0 });
  assert.deepEqual([never.duration, never.lease], [-1, undefined]);
  const timed = toCreateNotebookRequest({ ...values, autoStopHours: 8 });
  assert.deepEqual([timed.duration, timed.lease], [undefined, { duration: 8 * HOUR, type: 'TIMING' }]);
});

test('an OBS folder as storage is a DEDICATED parallel file system folder of the account', () => {
  const request = toCreateNotebookRequest({ ...emptyNotebookForm('0'), name: 'nb', storage: 'OBS', obsPath: 'obs://team-data/work/' });
  assert.deepEqual(request.volume, { category: 'OBSFS', ownership: 'DEDICATED', uri: 'obs://team-data/work/' });
});

test('a start keeps the lease the notebook had: its duration and type, off as -1, within 1 to 72 hours', () => {
  assert.deepEqual(restartLease({ enable: true, duration: 8 * HOUR, type: 'IDLE', create_at: 1 }), { duration: 8 * HOUR, type: 'IDLE' });
  assert.deepEqual(restartLease({ enable: false, duration: 0 }), { duration: -1 });
  assert.deepEqual(restartLease({ enable: true, duration: 100 * HOUR }), { duration: 72 * HOUR, type: 'TIMING' });
  assert.deepEqual(restartLease({ enable: true, duration: 60_000 }), { duration: HOUR, type: 'TIMING' });
  assert.equal(restartLease(undefined), undefined, 'nothing known: the service decides');
});

test('environment variables are read as one object or as the SDK\'s list of objects; other values are dropped', () => {
  assert.deepEqual(jobEnvironment({ A: '1', B: '2' }), { A: '1', B: '2' });
  assert.deepEqual(jobEnvironment([{ A: '1' }, { B: '2' }]), { A: '1', B: '2' });
  assert.deepEqual(jobEnvironment(JSON.parse('[{"A":"1","N":3},null,"x",[["B","2"]]]')), { A: '1' });
  assert.deepEqual(jobEnvironment(undefined), {});

  const job: TrainingJob = { metadata: { id: 'j', name: 'train' }, status: { phase: 'Completed' } };
  const copied = trainingJobToFormValues({ ...job, algorithm: { environments: [{ EPOCHS: '3' }] } } as TrainingJob, '0');
  assert.deepEqual(copied.environment, [{ name: 'EPOCHS', value: '3' }]);
});
