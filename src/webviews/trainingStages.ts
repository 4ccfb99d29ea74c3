import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import { trainingPhaseCategory } from '../services/status';
import type { TrainingJob, TrainingJobStage } from '../services/trainingJobs';
import { formatTimestamp, parseTimestamp, readableStatus } from '../views/format';
import type { DetailsField, DetailsStep } from './protocol';

/** The main stages of a run, in order (the SDK's StageInfoWithSub names them; the reference does not). */
const STAGES: readonly [string, () => string][] = [
  ['scheduling', () => vscode.l10n.t('Scheduling')],
  ['preparing', () => vscode.l10n.t('Preparing')],
  ['running', () => vscode.l10n.t('Running')],
  ['end', () => vscode.l10n.t('Ended')],
];

/**
 * A training job's progress from its stages: one step per main stage (the end one named after how the job
 * ended) and the latest sub-stage as a field. No steps when the service reports no stages.
 */
export async function trainingJobProgress(
  services: ModelArtsServices,
  region: string,
  job: TrainingJob,
  signal?: AbortSignal,
): Promise<{ steps: DetailsStep[]; fields: DetailsField[] }> {
  const stages = await services.trainingJobs.stages(region, job.metadata.id, signal);
  if (stages.length === 0) {
    return { steps: [], fields: [] };
  }
  const category = trainingPhaseCategory(job.status.phase);
  const failed = category === 'failed';
  const reached = Math.max(...STAGES.map(([name], index) => (stages.some((stage) => stage.name === name && stage.start_time) ? index : -1)));
  const steps = STAGES.map(([name, label], index): DetailsStep => {
    const stage = stages.find((candidate) => candidate.name === name);
    if (!stage?.start_time) {
      // A run can skip stages (a restarted one starts running at once): those before the latest are behind it.
      return { label: label(), state: index < reached ? 'done' : 'waiting' };
    }
    if (name === 'end') {
      // Named after how the job ended, or is ending (Terminating).
      return { label: readableStatus(job.status.phase), state: failed ? 'failed' : category === 'transitional' ? 'active' : 'done' };
    }
    // A stage that started and never ended is under way, or is where a failed job stopped.
    return { label: label(), state: stage.end_time ? 'done' : failed ? 'failed' : 'active' };
  });
  const latest = latestSubStage(stages);
  const fields = latest ? [{ label: vscode.l10n.t('Latest step'), value: `${latest.en_message ?? latest.name} (${formatTimestamp(parseTimestamp(latest.create_time))})` }] : [];
  return { steps, fields };
}

function latestSubStage(stages: readonly TrainingJobStage[]): NonNullable<TrainingJobStage['sub_stages']>[number] | undefined {
  const subStages = stages.flatMap((stage) => stage.sub_stages ?? []);
  return subStages.reduce<(typeof subStages)[number] | undefined>(
    (latest, sub) => (!latest || (parseTimestamp(sub.create_time) ?? 0) >= (parseTimestamp(latest.create_time) ?? 0) ? sub : latest),
    undefined,
  );
}
