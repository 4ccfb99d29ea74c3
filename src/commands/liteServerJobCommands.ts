import * as vscode from 'vscode';
import type { CreateDevServerJobRequest, DevServerJob, DevServerJobTemplate } from '../services/devServerJobs';
import { liteNameProblem } from '../services/naming';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { collectPages, PICKER_LIMIT } from '../services/paging';
import { joinParts, readableStatus } from '../views/format';
import { devServerJobKind } from '../views/kinds/liteServerJobKind';
import { RegionNode } from '../views/nodes/regionNodes';
import { ResourceGroupNode, ResourceNode } from '../views/nodes/resourceNodes';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { quotedNames } from './treeSelection';
import { withProgress } from './progress';
import { registerCommonResourceCommands } from './resourceCommands';
import { pickRegion, requireServices } from './resourceTarget';
import { ask, pick, pickMany } from './userInput';

/** Jobs run on Lite Servers: create from a template, delete several at once, details and id. */
export function registerLiteServerJobCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, devServerJobKind, 'modelarts.devServerJob'),
    registerCommand(context, 'modelarts.devServerJob.create', (node) => createJob(context, node)),
    registerCommand(context, 'modelarts.devServerJob.delete', (clicked, selected) => deleteJobs(context, clicked, selected)),
  ];
}

/**
 * A job from a template, in a few questions: the template, a name, the running servers, then each parameter the
 * template shows (its value to keep, checked by its pattern) and whether a failed task is restarted.
 */
async function createJob(context: CommandContext, node: unknown): Promise<void> {
  const region = node instanceof ResourceGroupNode && node.kind === devServerJobKind ? node.scope.region : await pickRegion(context, vscode.l10n.t('Create a Lite Server job in which region?'));
  const services = requireServices(context);
  const [templates, servers] = await withProgress(vscode.l10n.t('Loading the job templates and Lite Servers…'), (signal) =>
    Promise.all([services.devServerJobs.listTemplates(region, signal), collectPages((token, pageSignal) => services.devServers.list(region, token, pageSignal), PICKER_LIMIT, signal)]),
  );
  const running = servers.filter((server) => server.status === 'RUNNING');
  const usable = templates.filter((template) => template.type);
  if (usable.length === 0 || running.length === 0) {
    const problem = usable.length === 0 ? vscode.l10n.t('There is no Lite Server job template in {0}.', region) : vscode.l10n.t('No Lite Server is running in {0}: a job needs one.', region);
    throw new ModelArtsError(LocalErrorCode.invalidInput, problem, 'config');
  }
  const title = vscode.l10n.t('Create a Lite Server job in {0}', region);
  const { template } = await pick(
    context.ui,
    usable.map((candidate) => ({ label: candidate.name, description: joinParts(candidate.type, candidate.flavor_type), detail: candidate.description, template: candidate })),
    { title, placeHolder: vscode.l10n.t('Template'), matchOnDetail: true },
  );
  const name = await ask(context.ui, { title, prompt: vscode.l10n.t('Job name'), value: template.name, validateInput: liteNameProblem });
  const chosen = await pickMany(
    context.ui,
    running.map((server) => ({ label: server.name, description: server.flavor, server })),
    { title, placeHolder: vscode.l10n.t('Lite Servers to run "{0}" on', name) },
  );
  const spec = await askTemplateParams(context, title, template);
  const { restart } = await pick(
    context.ui,
    [
      { label: vscode.l10n.t('No'), restart: false },
      { label: vscode.l10n.t('Yes'), restart: true },
    ],
    { title, placeHolder: vscode.l10n.t('Restart a task that fails?') },
  );
  const type = template.type ?? '';
  // (uncertain) The SDK names no fine-grained item type per template: the template's type is sent for its one item.
  const request: CreateDevServerJobRequest = { name, server_ids: chosen.map((item) => item.server.id), type, is_reboot: restart, items: [{ type, spec }] };
  const job = await withProgress(vscode.l10n.t('Creating Lite Server job "{0}"…', name), (signal) => services.devServerJobs.create(region, request, signal));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Lite Server job "{0}" is {1}', job.name, readableStatus(job.status)), 5000);
  await refreshJobs(context, region);
}

/**
 * The template's parameters as the job's `spec`: those it shows are asked, starting from its value; the hidden
 * ones keep theirs. A pattern the template gives that cannot be read checks nothing.
 */
async function askTemplateParams(context: CommandContext, title: string, template: DevServerJobTemplate): Promise<Record<string, string>> {
  const spec: Record<string, string> = {};
  for (const param of template.params ?? []) {
    if (param.visible !== 'true') {
      if (param.value) {
        spec[param.name] = param.value;
      }
      continue;
    }
    const pattern = compiledPattern(param.regex);
    const value = await ask(context.ui, {
      title,
      prompt: joinParts(param.name, param.description),
      value: param.value ?? '',
      ignoreFocusOut: true,
      validateInput: (entered) => (pattern && !pattern.test(entered) ? vscode.l10n.t('The template expects a value matching {0}', param.regex ?? '') : undefined),
    });
    if (value) {
      spec[param.name] = value;
    }
  }
  return spec;
}

function compiledPattern(regex: string | undefined): RegExp | undefined {
  try {
    return regex ? new RegExp(regex) : undefined;
  } catch {
    return undefined;
  }
}

/** The tree's selected jobs (one region), the clicked one, or several picked. */
async function deleteJobs(context: CommandContext, clicked: unknown, selected: unknown): Promise<void> {
  const fromTree = (Array.isArray(selected) && selected.length > 0 ? selected : [clicked]).filter(
    (node): node is ResourceNode<DevServerJob> => node instanceof ResourceNode && node.kind === devServerJobKind,
  );
  if (new Set(fromTree.map((node) => node.region)).size > 1) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Select Lite Server jobs of one region at a time.'), 'config');
  }
  const services = requireServices(context);
  let region: string;
  let jobs: readonly DevServerJob[];
  if (fromTree.length > 0) {
    region = fromTree[0].region;
    jobs = fromTree.map((node) => node.resource);
  } else {
    region = await pickRegion(context, vscode.l10n.t('Delete Lite Server jobs in which region?'));
    const listed = (await withProgress(vscode.l10n.t('Loading the Lite Server jobs…'), (signal) => services.devServerJobs.list(region, signal))).slice(0, PICKER_LIMIT);
    const picked = await pickMany(context.ui, listed.map((job) => ({ label: job.name, description: devServerJobKind.description(job), job })), {
      title: vscode.l10n.t('Select the Lite Server jobs to delete'),
    });
    jobs = picked.map((item) => item.job);
  }
  const names = quotedNames(jobs.map((job) => job.name));
  const confirmed = await confirmAction(
    context.ui,
    vscode.l10n.t('Delete Lite Server job {0}?', names),
    vscode.l10n.t('Running jobs stop on their servers. This cannot be undone.'),
    vscode.l10n.t('Delete'),
  );
  if (!confirmed) {
    return;
  }
  try {
    await withProgress(vscode.l10n.t('Deleting {0}…', names), (signal) => services.devServerJobs.delete(region, jobs.map((job) => job.id), signal));
  } finally {
    await refreshJobs(context, region);
  }
}

/** Lists a region's Lite Server Jobs again, if the tree shows them. */
async function refreshJobs(context: CommandContext, region: string): Promise<void> {
  const regionNode = context.explorer.loadedRoots().find((node): node is RegionNode => node instanceof RegionNode && node.region === region);
  const group = regionNode?.categories.find((child) => child instanceof ResourceGroupNode && child.kind === devServerJobKind);
  if (group) {
    await context.explorer.refresh(group);
  }
}
