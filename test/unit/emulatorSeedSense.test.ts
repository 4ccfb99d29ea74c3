// The demo's seeded failures make sense: what a failed job's log and a failed Lite Server task blame fits the
// hardware they ran on (no CUDA out-of-memory on a CPU flavor, no NPU error on a GPU server).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TRAINING_FLAVORS } from '../../emulator/catalog';
import { DEV_SERVER_FLAVORS } from '../../emulator/areas/devServerCatalog';
import { JOB_TEMPLATES } from '../../emulator/areas/devServerJobTemplates';
import { logPreview } from '../../emulator/areas/trainingLogs';
import { useEmulator } from './emulatorSession';

const session = useEmulator(60_000);

/** What each kind of flavor's failure must name, and must not. */
const FAILURE_WORDS: Record<string, { names: RegExp; never: RegExp }> = {
  CPU: { names: /MemoryError: Unable to allocate/, never: /CUDA|GPU|NPU|HBM|Ascend/ },
  GPU: { names: /CUDA out of memory|device:GPU/, never: /NPU|HBM|MindSpore/ },
  Ascend: { names: /MindSpore|HBM/, never: /CUDA|GPU/ },
};

const seededProjects = () => ['cn-north-4', 'cn-east-3', 'ap-southeast-3'].map((region) => {
  const project = session.emulator.state.project(session.emulator.projectId(region));
  assert.ok(project, region);
  return project;
});

test('every seeded Failed job fails for want of the memory its flavor has, and runs an engine its flavor takes', () => {
  const now = session.emulator.clock.now();
  let failed = 0;
  for (const project of seededProjects()) {
    for (const job of project.trainingJobsOldestFirst()) {
      const type = TRAINING_FLAVORS.find((flavor) => flavor.flavor_id === job.flavorId)?.flavor_type;
      assert.ok(type, `${job.name}: a catalog flavor`);
      const engine = (job.algorithm.engine as { engine_name?: string } | undefined)?.engine_name;
      assert.equal(engine === 'Ascend-Powered-Engine', type === 'Ascend', `${job.name}: engine ${engine} on a ${type} flavor`);
      if (job.timeline.status(now) !== 'Failed') {
        continue;
      }
      failed++;
      const tail = logPreview(job, 'worker-0', now, session.emulator.state.transitionMs).content.split('\n').slice(-8).join('\n');
      assert.match(tail, FAILURE_WORDS[type].names, `${job.name} on ${job.flavorId}`);
      assert.doesNotMatch(tail, FAILURE_WORDS[type].never, `${job.name} on ${job.flavorId}`);
    }
  }
  assert.ok(failed >= 4, `the demo has failed jobs: ${failed}`);
});

test('a seeded Lite Server job runs on servers of the accelerator its template is for, a failed task included', () => {
  const [project] = seededProjects();
  const jobs = [...project.devServerJobs.values()];
  assert.ok(jobs.some((job) => job.tasks.some((task) => task.timeline.status(session.emulator.clock.now()) === 'FAILED')), 'a failed task is seeded');
  for (const job of jobs) {
    const template = JOB_TEMPLATES.find((candidate) => candidate.id === job.templateId);
    assert.ok(template?.flavorType.startsWith('ASCEND'), `${job.name}: an Ascend template`);
    for (const task of job.tasks) {
      const server = project.devServers.get(task.serverId);
      const type = DEV_SERVER_FLAVORS.find((flavor) => flavor.flavor === server?.flavor)?.flavorType;
      assert.equal(type, 'NPU', `${job.name} ran on ${task.serverName}`);
    }
  }
});
