/**
 * Scale mode: a big account's lists in cn-north-4, added to the demo seed, so the explorer's paging can be
 * measured and tested where it matters. Records are built directly (no request per item), with ids derived
 * from names, so seeding stays fast and every item keeps to the same shapes as the demo's.
 */
import { NOTEBOOK_IMAGES } from './catalog';
import { Timeline } from './clock';
import { seededUuid } from './areas/devServerModel';
import { seededServer } from './areas/devServerSeed';
import { type ObsStore, quotedMd5 } from './obs/store';
import { scaleJobs } from './seed';
import type { EmulatorState, NotebookStatus, ProjectState } from './state';

/** What scale mode holds at once (the 300 pool nodes are the demo's pool-gpu-v100, in the workspace "nlp-research"). */
export const SCALE = {
  trainingJobs: 10_000,
  notebooks: 1_000,
  poolNodes: 300,
  obsObjects: 10_000,
  liteServers: 500,
} as const;

export const SCALE_REGION = 'cn-north-4';
/** The OBS folder holding SCALE.obsObjects objects, in the demo bucket `modelarts-demo-data`. */
export const SCALE_OBS_BUCKET = 'modelarts-demo-data';
export const SCALE_OBS_FOLDER = 'datasets/imagenet-val/';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SCALE_NOTEBOOK_FLAVOR = 'modelarts.vm.cpu.2u';

/** Adds the scale lists to the demo account's SCALE_REGION (its default workspace) and its OBS bucket. */
export function seedScale(state: EmulatorState, ak: string, obs: ObsStore, owner: string): void {
  const project = state.projectFor(ak, SCALE_REGION);
  const bucket = obs.bucket(SCALE_OBS_BUCKET);
  if (!project || !bucket || bucket.owner !== owner) {
    throw new Error('scale mode needs the demo seed: its cn-north-4 project and its bucket');
  }
  const now = state.clock.now();
  project.addTrainingJobs(scaleJobs(project, SCALE.trainingJobs, now));
  seedNotebooks(project, now);
  seedLiteServers(project, now);
  // Small bodies: the listing is what is measured. One shared buffer, so 10,000 objects cost little memory.
  const body = Buffer.from('\xff\xd8\xff\xe0 scale-mode placeholder image\n', 'latin1');
  const etag = quotedMd5(body);
  for (let i = 1; i <= SCALE.obsObjects; i++) {
    obs.putObject(bucket, `${SCALE_OBS_FOLDER}ILSVRC2012_val_${String(i).padStart(8, '0')}.JPEG`, body, 'image/jpeg', etag);
  }
}

/** Notebooks created an hour apart, newest first as listed; every tenth running, the rest stopped. */
function seedNotebooks(project: ProjectState, now: number): void {
  const width = String(SCALE.notebooks).length;
  for (let i = 0; i < SCALE.notebooks; i++) {
    const name = `scale-notebook-${String(i + 1).padStart(width, '0')}`;
    const id = seededUuid(`scale-notebook:${project.id}:${name}`);
    const createAt = now - (SCALE.notebooks - i) * HOUR;
    const status: NotebookStatus = i % 10 === 0 ? 'RUNNING' : 'STOPPED';
    const timeline = new Timeline<NotebookStatus>('CREATING', createAt);
    timeline.force(createAt + 2 * MINUTE, 'RUNNING');
    if (status === 'STOPPED') {
      timeline.force(createAt + 30 * MINUTE, 'STOPPED');
    }
    project.addNotebook({
      id,
      name,
      description: '',
      workspaceId: '0',
      flavor: SCALE_NOTEBOOK_FLAVOR,
      imageId: NOTEBOOK_IMAGES[0].id,
      volume: { category: 'EVS', ownership: 'MANAGED', capacity: 5 },
      lease: { duration: 0, enable: false, type: 'TIMING', createAt, updateAt: createAt },
      sshKeyPairs: [],
      storages: [],
      owner: project.ref.account.domainName,
      createAt,
      token: seededUuid(`scale-notebook-token:${id}`),
      timeline,
    });
  }
}

/** Lite Servers of the account's own user, older than the demo's; every fifth stopped, the rest running. */
function seedLiteServers(project: ProjectState, now: number): void {
  const width = String(SCALE.liteServers).length;
  for (let i = 0; i < SCALE.liteServers; i++) {
    const server = seededServer(
      project,
      {
        name: `scale-server-${String(i + 1).padStart(width, '0')}`,
        status: i % 5 === 4 ? 'STOPPED' : 'RUNNING',
        flavor: 'c7.4xlarge.2',
        image: 'Ubuntu-22.04-x86-CUDA-12.2-ECS',
        keyPair: 'KeyPair-demo',
        // Fractions of a day apart, so that each has its own creation time.
        ageDays: 100 + (SCALE.liteServers - i) / 24,
      },
      now,
    );
    project.devServers.set(server.id, server);
  }
}
