import * as vscode from 'vscode';
import { isCancellation } from '../../services/errors';
import type { TrainingJob } from '../../services/trainingJobs';
import { trainingJobKind } from '../../views/kinds/trainingJobKind';
import { toCreateTrainingJobBody, trainingJobToFormValues } from '../../webviews/formRules';
import { type CommandContext, reportFailure } from '../commandContext';
import { withProgress } from '../progress';
import { requireServices, resolveTarget } from '../resourceTarget';
import { pick } from '../userInput';
import { invalidRun, runProblem } from './runChecks';
import { followRun, nextJobName, uploadProblem } from './runLaunch';
import { type RunSettingsStore, secretsToRetype } from './runSettings';

/**
 * Runs a folder again with its remembered settings, no form: checked, synced, then created under a new name, and
 * followed as the first run was. Answers the folder whose form should open instead: one never run, one whose
 * secret variables must be typed again, or one whose create was refused and the user chose to open the form.
 */
export async function runAgain(context: CommandContext, store: RunSettingsStore, argument: unknown): Promise<string | undefined> {
  const folder = await folderToRunAgain(context, store, argument);
  const remembered = await store.forFolder(folder);
  if (!remembered) {
    return folder;
  }
  const secrets = secretsToRetype(remembered.job);
  if (secrets.length > 0) {
    void context.ui.showInformationMessage(vscode.l10n.t('Type the values of {0} again: they are not kept in the run settings.', secrets.join(', ')));
    return folder;
  }
  const { region } = remembered;
  const values = { ...remembered.job, name: nextJobName(remembered.job.name) };
  const services = requireServices(context);
  const problem = await runProblem(services, context.session.regions, folder, region, values);
  if (problem) {
    throw invalidRun(problem.message);
  }
  const upload = await uploadProblem(context, folder, region, values.codeDir);
  if (upload) {
    await context.ui.showErrorMessage(upload.message);
    return undefined;
  }
  let job: TrainingJob;
  try {
    job = await withProgress(vscode.l10n.t('Creating {0} "{1}"…', trainingJobKind.label, values.name), (signal) =>
      services.trainingJobs.create({ region, workspaceId: values.workspaceId }, toCreateTrainingJobBody(values), signal),
    );
  } catch (error) {
    if (isCancellation(error)) {
      throw error;
    }
    const openForm = vscode.l10n.t('Open Form');
    return (await reportFailure(context, 'modelarts.runAgain', error, openForm)) === openForm ? folder : undefined;
  }
  await followRun(context, store, folder, region, values, job);
  return undefined;
}

/** A folder given, the folder a training job was run from (its code folder is the folder's), or one run before, picked. */
async function folderToRunAgain(context: CommandContext, store: RunSettingsStore, argument: unknown): Promise<string> {
  if (argument instanceof vscode.Uri) {
    return argument.fsPath;
  }
  const runs = await store.folders();
  if (argument === undefined) {
    if (runs.length === 0) {
      throw invalidRun(vscode.l10n.t('No folder has been run on ModelArts yet: right-click a folder or Python file and choose Run on ModelArts.'));
    }
    const picked = await pick(
      context.ui,
      runs.map((run) => ({ label: vscode.workspace.asRelativePath(run.folder), description: run.settings.job.name, detail: run.settings.job.codeDir, folder: run.folder })),
      { title: vscode.l10n.t('Select the folder to run again') },
    );
    return picked.folder;
  }
  const target = await resolveTarget(context, trainingJobKind, argument);
  const codeDir = trainingJobToFormValues(target.item, target.scope.workspaceId).codeDir;
  const run = runs.find((entry) => entry.settings.region === target.scope.region && codeDir !== '' && entry.settings.job.codeDir === codeDir);
  if (!run) {
    throw invalidRun(
      vscode.l10n.t(
        'Training job "{0}" was not run from a folder on this machine (its code folder is {1}). Right-click the folder and choose Run on ModelArts.',
        target.item.metadata.name,
        codeDir || vscode.l10n.t('none'),
      ),
    );
  }
  return run.folder;
}
