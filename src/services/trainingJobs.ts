import { type Page, pageIndexPage, tokenToNumber } from './paging';
import { expectArray } from './responses';
import type { SignedClient } from './signedClient';
import { trainingPhaseCategory } from './status';
import { showTrainingJobMetrics, type TaskUsage } from './trainingMetrics';
import type { WorkspaceScope } from './workspaces';

export type { TaskUsage, UsageSeries } from './trainingMetrics';

/** The fields of the training job object (API reference §2.4) the product uses; the id is metadata.id. */
export interface TrainingJob {
  readonly kind?: string;
  readonly metadata: {
    readonly id: string;
    readonly name: string;
    readonly description?: string;
    readonly workspace_id?: string;
    readonly create_time?: number;
    readonly user_name?: string;
  };
  readonly status: {
    readonly phase: string;
    readonly secondary_phase?: string;
    readonly duration?: number;
    readonly start_time?: number;
    readonly tasks?: readonly string[];
    /** Each ended task's exit code and message (the SDK's TaskStatuses). */
    readonly task_statuses?: readonly { readonly task?: string; readonly exit_code?: number; readonly message?: string }[];
    /** The runs of the job; a run that ended says why (the SDK's RunningRecord). */
    readonly running_records?: readonly { readonly end_reason?: string }[];
  };
  readonly algorithm?: {
    readonly code_dir?: string;
    readonly boot_file?: string;
    readonly command?: string;
    readonly engine?: { readonly engine_name?: string; readonly engine_version?: string; readonly image_url?: string };
  };
  readonly spec?: {
    readonly resource?: {
      readonly flavor_id?: string;
      readonly flavor_name?: string;
      readonly node_count?: number;
      readonly pool_id?: string;
      /** The SDK's FlavorDetail: the flavor list's billing and figures. */
      readonly flavor_detail?: { readonly flavor_type?: string } & Pick<TrainingFlavor, 'billing' | 'flavor_info'>;
    };
  };
}

export type TrainingJobEnvironments = Readonly<Record<string, string>> | readonly Readonly<Record<string, string>>[];

export interface TrainingJobFilter {
  /** Fuzzy name match. */
  readonly name?: string;
  readonly phases?: readonly string[];
  /** These jobs only: at most TRAINING_JOB_FILTER_VALUES ids (§2.2 allows ten values a filter). */
  readonly ids?: readonly string[];
}

/** A search filter takes at most ten values (§2.2). */
export const TRAINING_JOB_FILTER_VALUES = 10;

/** One preview of a task's log: `content` is its newest `currentSize` bytes of `fullSize` (§2.1). */
export interface TrainingLog {
  readonly content: string;
  readonly currentSize: number;
  readonly fullSize: number;
}

/** A training job event (§2.1); `time` is RFC 3339 in the reference's examples. */
export interface TrainingJobEvent {
  readonly time: string;
  /** Info, Warning or Error. */
  readonly level: string;
  readonly message: string;
  /** Job, Task or K8S. */
  readonly source?: string;
}

/**
 * One main stage of a run (scheduling, preparing, running, end) with its sub-stages. The reference names
 * `list_training_job_stages` but not its answer; these fields follow the SDK's StageInfoWithSub model.
 */
export interface TrainingJobStage {
  readonly name: string;
  readonly en_message?: string;
  readonly start_time?: string;
  readonly end_time?: string;
  readonly stage_order?: number;
  readonly sub_stages?: readonly { readonly name: string; readonly en_message?: string; readonly create_time?: string }[];
}

export interface TrainingFlavor {
  readonly flavor_id: string;
  readonly flavor_name: string;
  readonly flavor_type: string;
  readonly max_num?: number;
  readonly billing?: { readonly code?: string };
  /** The SDK's FlavorInfoResponse: GPU counts are numbers, NPU counts strings. */
  readonly flavor_info?: {
    readonly cpu?: { readonly arch?: string; readonly core_num?: number };
    readonly gpu?: { readonly unit_num?: number; readonly product_name?: string };
    readonly npu?: { readonly unit_num?: string; readonly product_name?: string };
    readonly memory?: { readonly size?: number; readonly unit?: string };
  };
}

export interface TrainingEngine {
  readonly engine_id: string;
  readonly engine_name: string;
  readonly engine_version: string;
}

/** `total` counts all of the user's jobs, `count` those the search matches (the SDK's field text). */
interface SearchResponse {
  readonly count?: number;
  readonly items?: TrainingJob[];
}

interface LogPreviewResponse {
  readonly content?: string;
  readonly current_size?: number;
  readonly full_size?: number;
}

/** The events API allows at most 100 events a page (§2.1). */
const EVENT_PAGE_SIZE = 100;

/** Whether a job in this phase may still write to its log (it is starting, running or being terminated). */
export function trainingLogMayGrow(phase: string): boolean {
  const category = trainingPhaseCategory(phase);
  return category === 'transitional' || category === 'running';
}

/**
 * A job's environment variables. A create sends them as one object; the SDK's answer models give a list of objects
 * while the Terraform provider reads the answer as one object (emulator/contract/deviations.ts): both are read.
 */
export function jobEnvironment(environments: TrainingJobEnvironments | undefined): Record<string, string> {
  const parts: readonly unknown[] = Array.isArray(environments) ? environments : [environments];
  const entries = parts.flatMap((part) => (typeof part === 'object' && part !== null && !Array.isArray(part) ? Object.entries(part) : []));
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** A job's tasks, each with its own log (worker-0, worker-1…); a job that names none has worker-0. */
export function tasksOf(job: TrainingJob): readonly string[] {
  return job.status.tasks && job.status.tasks.length > 0 ? job.status.tasks : ['worker-0'];
}

/** The search API allows at most 50 jobs a page (§2.2). */
export const TRAINING_JOB_PAGE_SIZE = 50;

/** Training jobs of the v2 API (§2). */
export class TrainingJobService {
  constructor(private readonly client: SignedClient) {}

  async search(scope: WorkspaceScope, pageToken?: string, filter: TrainingJobFilter = {}, signal?: AbortSignal): Promise<Page<TrainingJob>> {
    // The search body's offset is a page index, not a record offset (§2.2).
    const pageIndex = tokenToNumber(pageToken);
    const filters: { key: string; operator: string; value: readonly string[] }[] = [];
    if (filter.name) {
      filters.push({ key: 'name', operator: 'like', value: [filter.name] });
    }
    if (filter.phases && filter.phases.length > 0) {
      filters.push({ key: 'phase', operator: 'in', value: filter.phases });
    }
    if (filter.ids && filter.ids.length > 0) {
      filters.push({ key: 'id', operator: 'in', value: filter.ids });
    }
    const response = await this.client.request<SearchResponse>({
      service: 'modelarts',
      region: scope.region,
      method: 'POST',
      path: '/v2/{project_id}/training-job-searches',
      body: { offset: pageIndex, limit: TRAINING_JOB_PAGE_SIZE, sort_by: 'create_time', order: 'desc', workspace_id: scope.workspaceId, filters },
      idempotent: true,
      signal,
    });
    const items = expectArray(response.items, 'training job list');
    return pageIndexPage(items, pageIndex, TRAINING_JOB_PAGE_SIZE, response.count);
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<TrainingJob> {
    return this.client.request<TrainingJob>({ service: 'modelarts', region, method: 'GET', path: '/v2/{project_id}/training-jobs/{id}', pathParams: { id }, signal });
  }

  create(scope: WorkspaceScope, body: { readonly kind: string; readonly metadata: object; readonly algorithm: object; readonly spec: object }, signal?: AbortSignal): Promise<TrainingJob> {
    return this.client.request<TrainingJob>({
      service: 'modelarts',
      region: scope.region,
      method: 'POST',
      path: '/v2/{project_id}/training-jobs',
      body: { ...body, metadata: { ...body.metadata, workspace_id: scope.workspaceId } },
      signal,
    });
  }

  /** Stopping a training job is its "terminate" action (§2.1). */
  terminate(region: string, id: string, signal?: AbortSignal): Promise<TrainingJob> {
    return this.client.request<TrainingJob>({
      service: 'modelarts',
      region,
      method: 'POST',
      path: '/v2/{project_id}/training-jobs/{id}/actions',
      pathParams: { id },
      body: { action_type: 'terminate' },
      idempotent: true,
      signal,
    });
  }

  async delete(region: string, id: string, signal?: AbortSignal): Promise<void> {
    await this.client.request<unknown>({ service: 'modelarts', region, method: 'DELETE', path: '/v2/{project_id}/training-jobs/{id}', pathParams: { id }, signal });
  }

  /** The newest part (up to 5 MB) of one task's log, e.g. task "worker-0". */
  async logPreview(region: string, id: string, taskId: string, signal?: AbortSignal): Promise<TrainingLog> {
    const response = await this.client.request<LogPreviewResponse>({
      service: 'modelarts',
      region,
      method: 'GET',
      path: '/v2/{project_id}/training-jobs/{id}/tasks/{task}/logs/preview',
      pathParams: { id, task: taskId },
      signal,
    });
    const content = response.content ?? '';
    // The sizes count bytes (assumed: the reference does not say; the 5 MB limit suggests it). Counted, not encoded:
    // a fast log's preview is 5 MB at every poll.
    const bytes = Buffer.byteLength(content, 'utf8');
    return { content, currentSize: response.current_size ?? bytes, fullSize: response.full_size ?? bytes };
  }

  /** One task's resource usage over time (one value a minute), e.g. task "worker-0" from `status.tasks`. */
  showMetrics(region: string, jobId: string, taskId: string, signal?: AbortSignal): Promise<TaskUsage> {
    return showTrainingJobMetrics(this.client, region, jobId, taskId, signal);
  }

  /**
   * The newest events of a job (one page of the largest size), newest first, and how many there are in all.
   * The reference does not say whether `offset` counts pages or records; only the first page is read, where both agree.
   */
  async events(region: string, id: string, signal?: AbortSignal): Promise<{ events: TrainingJobEvent[]; total: number }> {
    const response = await this.client.request<{ events?: TrainingJobEvent[]; total?: number }>({
      service: 'modelarts',
      region,
      method: 'GET',
      path: '/v2/{project_id}/training-jobs/{id}/events',
      pathParams: { id },
      query: { offset: 0, limit: EVENT_PAGE_SIZE, order: 'desc' },
      signal,
    });
    const events = expectArray(response.events, 'training job event list');
    return { events, total: response.total ?? events.length };
  }

  /** The stages of the job's latest run (the record with the highest `record_order`), in order. */
  async stages(region: string, id: string, signal?: AbortSignal): Promise<TrainingJobStage[]> {
    const response = await this.client.request<{ running_records?: { record_order?: number; stages?: TrainingJobStage[] }[] }>({
      service: 'modelarts',
      region,
      method: 'GET',
      path: '/v2/{project_id}/training-jobs/{id}/stages',
      pathParams: { id },
      signal,
    });
    // A job that has not been scheduled yet may have no records.
    const records = expectArray(response.running_records ?? [], 'training job stage records');
    const latest = [...records].sort((a, b) => (a.record_order ?? 0) - (b.record_order ?? 0)).at(-1);
    return [...(latest?.stages ?? [])].sort((a, b) => (a.stage_order ?? 0) - (b.stage_order ?? 0));
  }

  async listFlavors(region: string, signal?: AbortSignal): Promise<TrainingFlavor[]> {
    const response = await this.client.request<{ flavors?: TrainingFlavor[] }>({ service: 'modelarts', region, method: 'GET', path: '/v2/{project_id}/training-job-flavors', signal });
    return expectArray(response.flavors, 'training flavor list');
  }

  async listEngines(region: string, signal?: AbortSignal): Promise<TrainingEngine[]> {
    const response = await this.client.request<{ items?: TrainingEngine[] }>({ service: 'modelarts', region, method: 'GET', path: '/v2/{project_id}/training-job-engines', signal });
    return expectArray(response.items, 'training engine list');
  }
}
