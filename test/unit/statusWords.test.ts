// The one status reading (readableStatus in src/views/format.ts) over every status value the product knows. The
// special ones (localized words) are proven in the extension host: test/integration/vocabulary.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KNOWN_STATUSES } from '../../src/services/status';
import { SPECIAL_STATUSES, statusWords } from '../../src/views/statusWords';

/** Every known status, as people read it. */
const READINGS: Readonly<Record<string, string>> = {
  // UPPER_CASE (notebooks, Lite Servers, v2 services, workspaces, images, storage, networks…)
  ACTIVE: 'Active',
  CONCERNING: 'Concerning',
  CREATE_FAILED: 'Create failed',
  CREATING: 'Creating',
  DELETED: 'Deleted',
  DELETE_FAILED: 'Delete failed',
  DELETING: 'Deleting',
  DEPLOYING: 'Deploying',
  ERROR: 'Error',
  FAILED: 'Failed',
  FINISHED: 'Finished',
  FROZEN: 'Frozen',
  INIT: 'Init',
  INTERRUPTING: 'Interrupting',
  MOUNTED: 'Mounted',
  MOUNTING: 'Mounting',
  MOUNT_FAILED: 'Mount failed',
  NORMAL: 'Normal',
  PROCESSING: 'Processing',
  PROVISIONING: 'Provisioning',
  REBOOTING: 'Rebooting',
  REBOOT_FAILED: 'Reboot failed',
  REIMAGING: 'Reimaging',
  RUNNING: 'Running',
  SKIPPED: 'Skipped',
  STARTING: 'Starting',
  START_FAILED: 'Start failed',
  STOPPED: 'Stopped',
  STOPPING: 'Stopping',
  STOP_FAILED: 'Stop failed',
  SUCCESS: 'Success',
  TERMINATED: 'Terminated',
  TERMINATING: 'Terminating',
  UNMOUNTED: 'Unmounted',
  UNMOUNTING: 'Unmounting',
  UNMOUNT_FAILED: 'Unmount failed',
  UPGRADING: 'Upgrading',
  // CamelCase (training phases and secondary phases, pools, nodes, plugins, pool uses)
  Abnormal: 'Abnormal',
  Available: 'Available',
  Checking: 'Checking',
  Completed: 'Completed',
  CreateFailed: 'Create failed',
  Creating: 'Creating',
  CreationFailed: 'Creation failed',
  Deleting: 'Deleting',
  Disabled: 'Disabled',
  Disabling: 'Disabling',
  Enabled: 'Enabled',
  Enabling: 'Enabling',
  Error: 'Error',
  Failed: 'Failed',
  Lost: 'Lost',
  Pending: 'Pending',
  Queuing: 'Queuing',
  Running: 'Running',
  ScalingFailed: 'Scaling failed',
  Terminated: 'Terminated',
  Terminating: 'Terminating',
  Unknown: 'Unknown',
  Updating: 'Updating',
  Waiting: 'Waiting',
  // lower_case (v1 services, models, scheduled events)
  building: 'Building',
  building_failed: 'Building failed',
  canceled: 'Canceled',
  completed: 'Completed',
  concerning: 'Concerning',
  deleting: 'Deleting',
  deploying: 'Deploying',
  executing: 'Executing',
  failed: 'Failed',
  finished: 'Finished',
  inquiring: 'Inquiring',
  pending: 'Pending',
  published: 'Published',
  publishing: 'Publishing',
  running: 'Running',
  scheduled: 'Scheduled',
  stopped: 'Stopped',
  stopping: 'Stopping',
  waiting: 'Waiting',
};

const special = new Set<string>(SPECIAL_STATUSES);
const known = [...new Set(KNOWN_STATUSES)];

test('every status the product knows reads as one sentence-case phrase', () => {
  for (const status of known.filter((value) => !special.has(value))) {
    assert.ok(status in READINGS, `${status} has a reading in this table`);
    assert.equal(statusWords(status), READINGS[status], status);
  }
});

test('the same state reads the same, however each API spells it', () => {
  const spellings = [['RUNNING', 'Running', 'running'], ['CREATE_FAILED', 'CreateFailed'], ['FAILED', 'Failed', 'failed'], ['DELETING', 'Deleting', 'deleting']];
  for (const same of spellings) {
    assert.deepEqual(new Set(same.map(statusWords)).size, 1, same.join(', '));
  }
});

test('a text that is not one status word is left as it is', () => {
  for (const text of ['Deploying 40%', 'Saving image', 'Changing OS', 'ready', '']) {
    assert.equal(statusWords(text), text === 'ready' ? 'Ready' : text);
  }
});
