import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ModelArtsServices } from '../../services';
import { LocalErrorCode, ModelArtsError } from '../../services/errors';
import { parseObsUri } from '../../services/obs';
import type { FieldErrors } from '../../webviews/formRules';
import type { TrainingJobFormValues } from '../../webviews/protocol';
import { listSyncedFiles } from '../folderSyncProgress';

/** A run refused before anything is uploaded: what to do, and the form field it concerns. */
export interface RunProblem {
  readonly message: string;
  readonly fieldErrors: FieldErrors;
}

export function invalidRun(message: string): ModelArtsError {
  return new ModelArtsError(LocalErrorCode.invalidInput, message, 'config');
}

/** The folder's Python files that would go up (ignore rules applied), folder-relative with `/`. */
export async function pythonFiles(folder: string): Promise<readonly string[]> {
  return (await listSyncedFiles(folder)).filter((file) => file.toLowerCase().endsWith('.py'));
}

export function noPythonFile(folder: string): string {
  return vscode.l10n.t(
    'Folder "{0}" has no Python file to run (files that .gitignore or .modelartsignore leave out do not count). Add one, or run the folder that holds your training code.',
    folder,
  );
}

/** A boot file's path inside the code folder, or undefined when it is not inside it (`..`, another folder). */
export function bootFileInFolder(values: Pick<TrainingJobFormValues, 'codeDir' | 'bootFile'>): string | undefined {
  if (!values.bootFile.startsWith(values.codeDir)) {
    return undefined;
  }
  const relative = values.bootFile.slice(values.codeDir.length);
  return relative.split('/').some((segment) => segment === '..' || segment === '.' || segment === '') ? undefined : relative;
}

/**
 * What refuses a run before its upload: a folder with no Python file; a boot file that is not one of the folder's
 * Python files going up; a code folder in a bucket of another region than the job's (a training job reads its
 * code from its own region's OBS).
 */
export async function runProblem(services: ModelArtsServices, regions: readonly string[], folder: string, region: string, values: TrainingJobFormValues): Promise<RunProblem | undefined> {
  const python = await pythonFiles(folder);
  if (python.length === 0) {
    return { message: noPythonFile(folder), fieldErrors: {} };
  }
  if (values.source === 'engine') {
    const boot = bootFileInFolder(values);
    if (boot === undefined || !python.includes(boot)) {
      const message = vscode.l10n.t(
        'The boot file must be a Python file inside folder "{0}" that goes up ({1}); choose one such as {2}.',
        path.basename(folder),
        values.codeDir,
        `${values.codeDir}${python[0]}`,
      );
      return { message, fieldErrors: { bootFile: message } };
    }
  }
  const bucket = parseObsUri(values.codeDir)?.bucket ?? '';
  if ((await services.obs.listBuckets(region)).some((listed) => listed.name === bucket)) {
    return undefined;
  }
  const elsewhere = await regionOfBucket(services, regions.filter((other) => other !== region), bucket);
  const message = elsewhere
    ? vscode.l10n.t('Bucket "{0}" is in {1}, but the job runs in {2}: a training job reads its code from a bucket of its own region. Choose a bucket in {2} for the code folder.', bucket, elsewhere, region)
    : vscode.l10n.t('Bucket "{0}" is not one of your buckets in {1}, where the job runs. Choose a bucket in {1} for the code folder.', bucket, region);
  return { message, fieldErrors: { codeDir: message } };
}

async function regionOfBucket(services: ModelArtsServices, regions: readonly string[], bucket: string): Promise<string | undefined> {
  for (const region of regions) {
    if ((await services.obs.listBuckets(region)).some((listed) => listed.name === bucket)) {
      return region;
    }
  }
  return undefined;
}
