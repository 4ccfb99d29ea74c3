import * as path from 'node:path';
import * as vscode from 'vscode';
import { cancelledError } from '../../services/errors';
import { obsUri } from '../../services/obs';
import { emptyTrainingJobForm } from '../../webviews/formRules';
import { panels } from '../../webviews/panels';
import type { TrainingJobFormValues } from '../../webviews/protocol';
import type { RunFormPanel } from '../../webviews/runFormPanel';
import { type CommandContext, registerCommand } from '../commandContext';
import { pickBucket } from '../obsPickers';
import { resolveFormScope } from '../resourceTarget';
import { ask } from '../userInput';
import { runAgain } from './runAgain';
import { bootFileInFolder, invalidRun, noPythonFile, pythonFiles } from './runChecks';
import { firstJobName, nextJobName } from './runLaunch';
import { type CodeTarget, RunSettingsStore } from './runSettings';

/** Boot files looked for first at the top of a folder, in this order. */
const USUAL_BOOT_FILES = ['train.py', 'main.py', 'run.py'];

/** Run on ModelArts, Run Again and Edit Run Settings; the settings live in `storage` (the extension's global storage). */
export function registerRunCommands(context: CommandContext, storage: vscode.Uri): vscode.Disposable[] {
  const store = new RunSettingsStore(storage);
  return [
    registerCommand(context, 'modelarts.runOnModelArts', async (argument) => {
      const target = await runTarget(context, argument);
      return openRunForm(context, store, target.folder, target.bootFile);
    }),
    registerCommand(context, 'modelarts.runAgain', async (argument) => {
      const folder = await runAgain(context, store, argument);
      return folder && openRunForm(context, store, folder);
    }),
    registerCommand(context, 'modelarts.editRunSettings', () => store.open()),
  ];
}

/**
 * The folder to run and the boot file clicked, if any. A Python file runs in the workspace folder that holds it
 * (a project's code usually imports its siblings), else in its own folder. From the palette, the file is asked for.
 */
async function runTarget(context: CommandContext, argument: unknown): Promise<{ readonly folder: string; readonly bootFile?: string }> {
  let uri = argument instanceof vscode.Uri ? argument : undefined;
  if (!uri) {
    const picked = await context.ui.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      filters: { Python: ['py'] },
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      openLabel: vscode.l10n.t('Run on ModelArts'),
      title: vscode.l10n.t('Select the Python file to run on ModelArts'),
    });
    uri = picked?.[0];
    if (!uri) {
      throw cancelledError();
    }
  }
  if (uri.scheme !== 'file') {
    throw invalidRun(vscode.l10n.t('Run on ModelArts takes a folder or Python file on this machine; {0} is not one.', uri.toString()));
  }
  if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) {
    return { folder: uri.fsPath };
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
  return { folder, bootFile: path.relative(folder, uri.fsPath).split(path.sep).join('/') };
}

/**
 * The training job form of a folder's run, pre-filled: its last run's values with a new name, else the code folder
 * derived from the region's code target (asked for once), the boot file, and the engine or image, flavor, node count,
 * hyperparameters and environment variables of the latest run in the region.
 */
export async function openRunForm(
  context: CommandContext,
  store: RunSettingsStore,
  folder: string,
  bootFile?: string,
  /** After a window reload: the form's panel, and the region and workspace it was in (nothing is asked again). */
  restored?: { readonly panel: vscode.WebviewPanel; readonly scope: { readonly region: string; readonly workspaceId: string } },
): Promise<RunFormPanel> {
  const python = await pythonFiles(folder);
  if (python.length === 0) {
    throw invalidRun(noPythonFile(folder));
  }
  if (bootFile !== undefined && !python.includes(bootFile)) {
    throw invalidRun(vscode.l10n.t('"{0}" is not a Python file of folder "{1}" that goes up (.gitignore or .modelartsignore leaves it out); run another file.', bootFile, folder));
  }
  const remembered = await store.forFolder(folder);
  const scope = restored?.scope ?? (remembered ? { region: remembered.region, workspaceId: remembered.job.workspaceId } : await resolveFormScope(context, undefined));
  const codeDir = remembered?.job.codeDir ?? (await codeFolderFor(context, store, scope.region, folder));
  const rememberedBoot = remembered && bootFileInFolder(remembered.job);
  const boot = bootFile ?? (rememberedBoot && python.includes(rememberedBoot) ? rememberedBoot : defaultBootFile(python));
  const base = remembered?.job ?? (await latestRunChoices(store, scope.region, scope.workspaceId));
  const name = remembered ? nextJobName(remembered.job.name) : firstJobName(path.basename(folder));
  const { RunFormPanel } = await panels();
  return new RunFormPanel(context, store, scope.region, folder, { ...base, name, codeDir, bootFile: `${codeDir}${boot}` }, restored?.panel);
}

function defaultBootFile(python: readonly string[]): string {
  const sorted = [...python].sort();
  return USUAL_BOOT_FILES.find((file) => sorted.includes(file)) ?? sorted.find((file) => !file.includes('/')) ?? sorted[0];
}

/** What a new folder's run takes from the latest run in the region: how it runs, not what it reads or writes. */
async function latestRunChoices(store: RunSettingsStore, region: string, workspaceId: string): Promise<TrainingJobFormValues> {
  const empty = emptyTrainingJobForm(workspaceId);
  const latest = (await store.folders()).find((entry) => entry.settings.region === region)?.settings.job;
  if (!latest) {
    return empty;
  }
  const { source, engineId, imageUrl, command, flavorId, nodeCount, hyperparameters, environment } = latest;
  return { ...empty, workspaceId: latest.workspaceId, source, engineId, imageUrl, command, flavorId, nodeCount, hyperparameters, environment };
}

/** `obs://<bucket>/<prefix><folder name>/`, the region's code target asked for the first time. */
async function codeFolderFor(context: CommandContext, store: RunSettingsStore, region: string, folder: string): Promise<string> {
  const target = (await store.codeTarget(region)) ?? (await askCodeTarget(context, store, region));
  // An OBS folder in a form has no white space.
  return obsUri(target.bucket, `${target.prefix}${path.basename(folder).replace(/\s+/g, '-')}/`);
}

async function askCodeTarget(context: CommandContext, store: RunSettingsStore, region: string): Promise<CodeTarget> {
  const bucket = await pickBucket(context, region, vscode.l10n.t('Select the bucket that receives the code of your runs in {0}', region));
  const prefix = await ask(context.ui, {
    title: vscode.l10n.t('Folder of your runs in bucket "{0}"', bucket.name),
    prompt: vscode.l10n.t('Each local folder you run goes to <this folder>/<its name>/. Leave empty for the top of the bucket.'),
    value: 'modelarts-runs/',
    validateInput: (value) => (value === '' || /^[^/\s][^\s]*\/$/.test(value) ? undefined : vscode.l10n.t('Enter a folder such as runs/ (ending with /, no spaces), or nothing.')),
  });
  const target = { bucket: bucket.name, prefix };
  await store.rememberCodeTarget(region, target);
  return target;
}
