import * as path from 'node:path';
import * as vscode from 'vscode';
import { LocalErrorCode } from '../services/errors';
import type { TrainingJob } from '../services/trainingJobs';
import { createTrainingJobForm } from './createForms';
import { type CreateForm, CreateResourcePanel } from './createResourcePanel';
import type { FormReload, TrainingJobFormValues } from './protocol';
import { errorInfo } from './webviewController';
import type { CommandContext } from '../commands/commandContext';
import { confirmAction } from '../commands/confirm';
import { requireServices } from '../commands/resourceTarget';
import { runProblem } from '../commands/runOnModelArts/runChecks';
import { followRun, uploadProblem } from '../commands/runOnModelArts/runLaunch';
import type { RunSettingsStore } from '../commands/runOnModelArts/runSettings';

/**
 * The Create Training Job form of a local folder's run. On submit the folder is synced to the code folder typed,
 * and the job is created only once every file is there; a refused run, upload or create keeps the form as typed
 * (and what went up stays, so a retry sends only the rest). Success remembers the form for the folder, watches
 * the job, reveals it and follows its log.
 */
export class RunFormPanel extends CreateResourcePanel<TrainingJobFormValues, TrainingJob> {
  constructor(
    context: CommandContext,
    private readonly store: RunSettingsStore,
    region: string,
    private readonly folder: string,
    initialValues: TrainingJobFormValues,
    restored?: vscode.WebviewPanel,
  ) {
    // The caution (an engine that does not suit the flavor) is asked here, before the upload, not after it.
    const form: CreateForm<TrainingJobFormValues, TrainingJob> = {
      ...createTrainingJobForm,
      title: vscode.l10n.t('Run "{0}" on ModelArts', path.basename(folder)),
      caution: undefined,
    };
    super(context, form, region, initialValues, restored);
  }

  /** The run's folder is not in the form: a reload opens the run form of the same folder again. */
  protected override get reloadAs(): FormReload {
    return { form: 'run', folder: this.folder };
  }

  protected override async submit(values: TrainingJobFormValues): Promise<void> {
    if (Object.keys(this.form.validate(values)).length > 0) {
      // The base refuses them with each field's message.
      await super.submit(values);
      return;
    }
    const caution = createTrainingJobForm.caution?.(values, this.loadedOptions);
    if (caution && !(await confirmAction(this.context.ui, caution.question, caution.detail, caution.button))) {
      this.post({ type: 'submitCancelled' });
      return;
    }
    this.post({ type: 'submitting' });
    try {
      const problem = await runProblem(requireServices(this.context), this.context.session.regions, this.folder, this.region, values);
      if (problem) {
        this.refuse(problem.message, problem.fieldErrors);
        return;
      }
      const upload = await uploadProblem(this.context, this.folder, this.region, values.codeDir);
      if (upload) {
        this.post({ type: 'submitFailed', error: { errorCode: upload.cancelled ? LocalErrorCode.cancelled : LocalErrorCode.incompleteUpload, message: upload.message }, fieldErrors: {} });
        return;
      }
    } catch (error) {
      this.post({ type: 'submitFailed', error: errorInfo(error, this.dependencies.log), fieldErrors: {} });
      return;
    }
    await super.submit(values);
  }

  protected override async succeeded(created: TrainingJob, values: TrainingJobFormValues): Promise<void> {
    await followRun(this.context, this.store, this.folder, this.region, values, created);
  }
}
