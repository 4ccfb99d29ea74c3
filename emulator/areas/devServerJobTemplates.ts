/**
 * Lite Server job templates (`GET …/dev-servers/jobs/templates[/{id}]`), read-only. The fields are the SDK's
 * (DevServerTemplateListResponse in the list, GetDevServerJobTemplateResponse when shown); the templates,
 * their parameters, images and commands are illustrative. A job is created with a template's `type`.
 */
import { type ApiRequest, type ApiResponse, type Handler, ok } from '../http';
import type { Router } from '../router';
import { notFound, seededUuid } from './devServerModel';
import { wholePage } from './devServerView';

export interface JobTemplateParam {
  readonly name: string;
  readonly description: string;
  /** The value a job gets when it names none. */
  readonly value: string;
  /** Whether the console asks for it. */
  readonly visible: boolean;
  readonly regex?: string;
}

export interface JobTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly flavorType: 'ASCEND_SNT9B' | 'ASCEND_SNT9C' | 'ASCEND_GENERIC';
  readonly params: readonly JobTemplateParam[];
  readonly cmd: string;
  readonly swrPath: string;
  readonly timeoutSeconds: number;
}

export const JOB_TEMPLATES: readonly JobTemplate[] = [
  {
    id: seededUuid('dev-server-job-template:npu-log-collect'),
    name: 'npu-log-collect',
    description: 'Collect NPU device logs and upload them to OBS',
    type: 'LOG_COLLECT',
    flavorType: 'ASCEND_SNT9B',
    params: [
      { name: 'obs_path', description: 'OBS folder the logs are uploaded to', value: '', visible: true, regex: '^obs://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$' },
      { name: 'log_days', description: 'Days of logs to collect (1-30)', value: '3', visible: true, regex: '^([1-9]|[12][0-9]|30)$' },
      { name: 'collector_version', description: 'Version of the collector', value: '2.1.0', visible: false },
    ],
    cmd: 'bash /opt/npu-log/collect.sh',
    swrPath: 'swr.cn-north-4.myhuaweicloud.com/atelier/npu-log-collector:2.1.0',
    timeoutSeconds: 1800,
  },
  {
    id: seededUuid('dev-server-job-template:npu-health-check'),
    name: 'npu-health-check',
    description: 'Check the NPU devices, memory and links of the servers',
    type: 'COMMON',
    flavorType: 'ASCEND_GENERIC',
    params: [{ name: 'check_items', description: 'Checks to run, comma separated', value: 'hbm,link,ecc', visible: true, regex: '^[a-z]+(,[a-z]+)*$' }],
    cmd: 'npu-smi health --items ${check_items}',
    swrPath: 'swr.cn-north-4.myhuaweicloud.com/atelier/npu-toolkit:8.0.0',
    timeoutSeconds: 600,
  },
];

export function registerDevServerJobTemplates(router: Router<Handler>, jobs: string): void {
  router.add('GET', `${jobs}/templates`, listTemplates).add('GET', `${jobs}/templates/{id}`, (request) => ok(templateDetails(requireTemplate(request.params.id))));
}

export function templateOfType(type: string): JobTemplate | undefined {
  return JOB_TEMPLATES.find((template) => template.type === type);
}

function paramView(param: JobTemplateParam): Record<string, unknown> {
  return { name: param.name, description: param.description, value: param.value, visible: String(param.visible), ...(param.regex ? { regex: param.regex } : {}) };
}

function templateSummary(template: JobTemplate): Record<string, unknown> {
  return { id: template.id, name: template.name, description: template.description, type: template.type, flavor_type: template.flavorType, params: template.params.map(paramView) };
}

/** Emulator choice: the string fields the SDK gives without a format (timeout, check_interval in seconds). */
function templateDetails(template: JobTemplate): Record<string, unknown> {
  return {
    ...templateSummary(template),
    cmd: template.cmd,
    swr_path: template.swrPath,
    timeout: String(template.timeoutSeconds),
    check_interval: '10',
    status: 'ACTIVE',
  };
}

function requireTemplate(id: string): JobTemplate {
  const template = JOB_TEMPLATES.find((candidate) => candidate.id === id);
  if (!template) {
    throw notFound('Lite Server job template', id);
  }
  return template;
}

/** `?id&name(substring)&type`, unpaged (the SDK gives the list no paging parameters). */
function listTemplates(request: ApiRequest): ApiResponse {
  const { query } = request;
  const name = query.get('name')?.toLowerCase();
  const templates = JOB_TEMPLATES.filter(
    (template) =>
      (query.get('id') === null || template.id === query.get('id')) && (!name || template.name.includes(name)) && (query.get('type') === null || template.type === query.get('type')),
  );
  return ok(wholePage(templates.map(templateSummary)));
}
