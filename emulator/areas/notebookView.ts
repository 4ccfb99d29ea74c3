/** The §1.4 notebook object, derived from a NotebookRecord at a given time. */
import { createHash } from 'node:crypto';
import type { NotebookRecord, NotebookStatus, ProjectState } from '../state';
import { imageSummary } from './notebookImageModel';
import { leaseView } from './notebookLease';

/** Statuses during which a notebook is busy; start/stop/delete answer ModelArts.6357 then. */
export const TRANSITIONAL_STATUSES: ReadonlySet<NotebookStatus> = new Set<NotebookStatus>(['INIT', 'CREATING', 'STARTING', 'STOPPING', 'DELETING', 'SNAPSHOTTING']);

const PROGRESS_STEPS = ['Preparing storage', 'Scheduling compute resources', 'Pulling the image', 'Starting the development environment'];

function jupyterUrl(baseUrl: string, notebookId: string): string {
  return `${baseUrl}/__emulator/jupyter/${notebookId}`;
}

export function notebookView(notebook: NotebookRecord, project: ProjectState, now: number, baseUrl: string): Record<string, unknown> {
  const current = notebook.timeline.current(now);
  const image = imageSummary(project, notebook.imageId, now, notebook.createAt);
  const url = notebook.url ?? jupyterUrl(baseUrl, notebook.id);
  const { lease } = notebook;
  return {
    id: notebook.id,
    name: notebook.name,
    description: notebook.description,
    status: current.status,
    feature: 'NOTEBOOK',
    flavor: notebook.flavor,
    image: image?.view ?? { id: notebook.imageId },
    // The steady-state volume `status` value is not documented (§1.4), so it is left out.
    volume: {
      category: notebook.volume.category,
      ownership: notebook.volume.ownership,
      ...(notebook.volume.capacity === undefined ? {} : { capacity: notebook.volume.capacity }),
      mount_path: '/home/ma-user/work/',
      ...(notebook.volume.uri ? { uri: notebook.volume.uri } : {}),
    },
    lease: leaseView(lease),
    endpoints: endpointsOf(notebook, project, url),
    url,
    token: notebook.token,
    workspace_id: notebook.workspaceId,
    user: { id: userIdOf(notebook), name: notebook.owner, domain: { id: project.ref.account.domainId, name: project.ref.account.domainName } },
    user_id: userIdOf(notebook),
    action_progress: actionProgress(current.status, now - current.at, project.transitionMs),
    ...(notebook.failReason && current.status.endsWith('FAILED') ? { fail_reason: notebook.failReason } : {}),
    tags: [],
    // Not in the SDK's notebook models: kept as the Terraform provider reads them (contract/deviations.ts).
    create_at: notebook.createAt,
    update_at: Math.max(notebook.createAt, current.at, lease.updateAt, notebook.updateAt ?? 0),
  };
}

/** A stable 32-hex IAM user id for the owner's name. */
function userIdOf(notebook: NotebookRecord): string {
  return createHash('sha256').update(`user:${notebook.owner}`).digest('hex').slice(0, 32);
}

/**
 * The SDK model carries both `service` and `dev_service` (same meaning), so both are
 * sent. The SSH address is illustrative: the emulator runs no SSH server.
 */
function endpointsOf(notebook: NotebookRecord, project: ProjectState, url: string): Record<string, unknown>[] {
  const endpoints: Record<string, unknown>[] = [{ service: 'NOTEBOOK', dev_service: 'NOTEBOOK', uri: url }];
  if (notebook.sshKeyPairs.length > 0) {
    const port = 30000 + (parseInt(notebook.id.slice(0, 4), 16) % 2000);
    endpoints.push({
      service: 'SSH',
      dev_service: 'SSH',
      uri: `tcp://dev-modelarts.${project.region}.huaweicloud.com:${port}`,
      key_pair_names: [...notebook.sshKeyPairs],
    });
  }
  return endpoints;
}

type StepStatus = 'WAITING' | 'PROCESSING' | 'FAILED' | 'COMPLETED';

/** Four steps advancing through the transition while creating/starting; one failed step after a failure. */
function actionProgress(status: NotebookStatus, elapsedMs: number, transitionMs: number): { step: number; status: StepStatus; description: string }[] {
  const stepOf = (index: number, stepStatus: StepStatus) => ({ step: index + 1, status: stepStatus, description: PROGRESS_STEPS[index] });
  if (status === 'CREATING' || status === 'STARTING') {
    const done = Math.min(PROGRESS_STEPS.length - 1, Math.floor((elapsedMs / transitionMs) * PROGRESS_STEPS.length));
    return PROGRESS_STEPS.map((_, i) => stepOf(i, i < done ? 'COMPLETED' : i === done ? 'PROCESSING' : 'WAITING'));
  }
  if (status === 'CREATE_FAILED' || status === 'START_FAILED') {
    return PROGRESS_STEPS.map((_, i) => stepOf(i, i < 1 ? 'COMPLETED' : i === 1 ? 'FAILED' : 'WAITING'));
  }
  return [];
}
