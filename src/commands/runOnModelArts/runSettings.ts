import * as vscode from 'vscode';
import { isSecretField } from '../../chat/secretFields';
import { LocalErrorCode, ModelArtsError } from '../../services/errors';
import { type Check, checkObject, checkString } from '../../webviews/checks';
import { validateTrainingJobForm } from '../../webviews/formRules';
import type { TrainingJobFormValues } from '../../webviews/protocol';
import { trainingJobFormValues } from '../../webviews/protocol/trainingJobForm';

/** Where a region's runs put their code: each folder's code goes to `<prefix><folder name>/` in the bucket. */
export interface CodeTarget {
  readonly bucket: string;
  /** Empty or ending with `/`. */
  readonly prefix: string;
}

/** What a folder's last run was, as the form had it: its code folder and boot file are obs:// paths. */
export interface FolderRunSettings {
  readonly region: string;
  readonly job: TrainingJobFormValues;
}

interface RunSettingsFile {
  codeTargets: Record<string, CodeTarget>;
  /** By the folder's absolute path on this machine; the newest run last. */
  folders: Record<string, FolderRunSettings>;
}

const FILE_NAME = 'run-settings.json';

const checkCodeTarget: Check<CodeTarget> = checkObject({ bucket: checkString, prefix: checkString });
const checkFolderSettings: Check<FolderRunSettings> = checkObject({ region: checkString, job: trainingJobFormValues });

/** A map of entries that each pass `check`; a problem names the entry's key. */
function checkRecord<T>(check: Check<T>): Check<Record<string, T>> {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return 'expected an object';
    }
    for (const [key, entry] of Object.entries(value)) {
      const problem = check(entry);
      if (problem) {
        return `"${key}": ${problem}`;
      }
    }
    return undefined;
  };
}

const checkFile: Check<Partial<RunSettingsFile>> = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'expected an object';
  }
  const record = value as Record<string, unknown>;
  const unexpected = Object.keys(record).find((key) => key !== 'codeTargets' && key !== 'folders');
  if (unexpected) {
    return `unexpected field "${unexpected}"`;
  }
  const targets = record.codeTargets === undefined ? undefined : checkRecord(checkCodeTarget)(record.codeTargets);
  if (targets) {
    return `codeTargets: ${targets}`;
  }
  const folders = record.folders === undefined ? undefined : checkRecord(checkFolderSettings)(record.folders);
  return folders && `folders: ${folders}`;
};

/**
 * Environment variables whose names say they hold a secret (a password, a token, a key) are remembered by name
 * only: the file is plain text the user may share. A run whose variables lack such a value opens the form.
 */
function withoutSecrets(job: TrainingJobFormValues): TrainingJobFormValues {
  return { ...job, environment: job.environment.map((row) => (isSecretField(row.name) ? { name: row.name, value: '' } : row)) };
}

/** The names of the secret variables a remembered run needs typed again. */
export function secretsToRetype(job: TrainingJobFormValues): string[] {
  return job.environment.filter((row) => isSecretField(row.name) && row.value === '').map((row) => row.name);
}

/**
 * The settings of Run on ModelArts, one JSON file in the extension's global storage: never in the workspace, as a
 * cloned repository must not choose where the user's code is uploaded. The user sees and edits it (Edit Run
 * Settings); it is read and checked on every run, and a bad entry is named, never overwritten.
 */
export class RunSettingsStore {
  constructor(private readonly storage: vscode.Uri) {}

  get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, FILE_NAME);
  }

  async forFolder(folder: string): Promise<FolderRunSettings | undefined> {
    const settings = (await this.read()).folders[folder];
    if (!settings) {
      return undefined;
    }
    const problems = Object.entries(validateTrainingJobForm(settings.job));
    if (problems.length > 0) {
      const [field, problem] = problems[0];
      throw this.invalid(`folders: "${folder}": job: ${field}: ${problem}`);
    }
    return settings;
  }

  /** The folders run before, the newest first. */
  async folders(): Promise<{ readonly folder: string; readonly settings: FolderRunSettings }[]> {
    return Object.entries((await this.read()).folders)
      .map(([folder, settings]) => ({ folder, settings }))
      .reverse();
  }

  async codeTarget(region: string): Promise<CodeTarget | undefined> {
    return (await this.read()).codeTargets[region];
  }

  async rememberCodeTarget(region: string, target: CodeTarget): Promise<void> {
    const file = await this.read();
    file.codeTargets[region] = target;
    await this.write(file);
  }

  /** The folder's run, as the newest. */
  async remember(folder: string, settings: FolderRunSettings): Promise<void> {
    const file = await this.read();
    delete file.folders[folder];
    file.folders[folder] = { region: settings.region, job: withoutSecrets(settings.job) };
    await this.write(file);
  }

  /** Opens the file in an editor, made first when there is none. */
  async open(): Promise<vscode.TextEditor> {
    if (!(await this.exists())) {
      await this.write({ codeTargets: {}, folders: {} });
    }
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(this.uri), { preview: false });
  }

  private async exists(): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(this.uri);
      return true;
    } catch {
      return false;
    }
  }

  private async read(): Promise<RunSettingsFile> {
    if (!(await this.exists())) {
      return { codeTargets: {}, folders: {} };
    }
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri));
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw this.invalid(error instanceof Error ? error.message : String(error));
    }
    const problem = checkFile(parsed);
    if (problem) {
      throw this.invalid(problem);
    }
    const file = parsed as Partial<RunSettingsFile>;
    return { codeTargets: { ...file.codeTargets }, folders: { ...file.folders } };
  }

  private async write(file: RunSettingsFile): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.storage);
    await vscode.workspace.fs.writeFile(this.uri, new TextEncoder().encode(`${JSON.stringify(file, undefined, 2)}\n`));
  }

  private invalid(problem: string): ModelArtsError {
    return new ModelArtsError(
      LocalErrorCode.invalidInput,
      vscode.l10n.t('The run settings ({0}) need a fix: {1}. Correct them with "ModelArts: Edit Run Settings"; nothing was changed.', this.uri.fsPath, problem),
      'config',
    );
  }
}
