/** The details panel of a resource. */
import { checkBoolean, checkLiteral, checkObject, checkOneOf, checkString } from '../checks';
import type { ErrorInfo, MessageChecks } from './common';

export type DetailsAction =
  | 'refresh'
  | 'start'
  | 'stop'
  | 'delete'
  | 'openJupyter'
  | 'viewLogs'
  | 'copyId'
  | 'createSimilar'
  | 'edit'
  | 'manageTags'
  | 'update'
  | 'viewEvents'
  | 'copyAccessAddress'
  | 'deployV1'
  | 'connectSsh'
  | 'renewLease'
  | 'saveImage'
  | 'attachStorage'
  | 'changeFlavor'
  | 'interrupt'
  | 'showExecLoginInfo'
  | 'openInConsole';

export interface DetailsField {
  readonly label: string;
  readonly value: string;
}

export interface DetailsStep {
  readonly label: string;
  readonly state: 'done' | 'active' | 'waiting' | 'failed';
}

/** Which resource a details panel shows: all a panel keeps across a window reload (it reads the resource again). */
export interface DetailsReference {
  /** The kind's contextValue. */
  readonly kind: string;
  readonly region: string;
  readonly workspaceId: string;
  /** The parent of a sub-resource (a pool's node). */
  readonly parentId?: string;
  readonly id: string;
}

export interface DetailsView {
  readonly reference: DetailsReference;
  readonly kindLabel: string;
  readonly name: string;
  readonly status: string;
  /** running, stopped, transitional, succeeded, failed, unknown: the same categories as the tree's icons. */
  readonly statusCategory: string;
  /** Why a failed resource failed, shown under its name: one line of cloud text. */
  readonly reason?: string;
  readonly fields: readonly DetailsField[];
  readonly steps: readonly DetailsStep[];
  readonly actions: readonly DetailsAction[];
  /** Whether the panel refreshes itself (the resource is in a transitional state). */
  readonly live: boolean;
  /** The tail of the log, for resources that have one. */
  readonly log?: { readonly text: string; readonly following: boolean; readonly truncated: boolean };
}

/** One resource metric of a training job over time, one line per task. */
export interface UsageChart {
  /** The API's name of the metric (cpuUsage, gpuUtil…). */
  readonly metric: string;
  readonly label: string;
  /** x: minutes from the first value; a long run's are averaged over a few minutes each, starting at these. */
  readonly minutes: readonly number[];
  /** A value per entry of `minutes`; a missing one is null (a gap in the line). */
  readonly tasks: readonly { readonly task: string; readonly values: readonly (number | null)[] }[];
}

/** One series the training code printed in its log (log text: hostile), x ascending. */
export interface ScalarChart {
  readonly key: string;
  readonly xLabel: 'step' | 'epoch' | 'line';
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** A training job's charts; a panel without data gets none. */
export interface DetailsCharts {
  readonly usage: readonly UsageChart[];
  readonly scalars: readonly ScalarChart[];
  /** The keys of `scalars` the user chose not to see (remembered across panels and reloads). */
  readonly hiddenScalars: readonly string[];
}

export type DetailsHostMessage =
  | { readonly type: 'details'; readonly view: DetailsView }
  | { readonly type: 'detailsCharts'; readonly charts: DetailsCharts }
  | { readonly type: 'detailsFailed'; readonly error: ErrorInfo };

export type DetailsWebviewMessage =
  | { readonly type: 'runAction'; readonly action: DetailsAction }
  | { readonly type: 'followLog'; readonly follow: boolean }
  | { readonly type: 'showScalar'; readonly key: string; readonly shown: boolean };

const DETAILS_ACTIONS: readonly DetailsAction[] = ['refresh', 'start', 'stop', 'delete', 'openJupyter', 'viewLogs', 'copyId', 'createSimilar', 'edit', 'manageTags', 'update', 'viewEvents', 'copyAccessAddress', 'deployV1', 'connectSsh', 'renewLease', 'saveImage', 'attachStorage', 'changeFlavor', 'interrupt', 'showExecLoginInfo', 'openInConsole'];

export const detailsMessageChecks: MessageChecks<DetailsWebviewMessage> = {
  runAction: checkObject({ type: checkLiteral('runAction'), action: checkOneOf(DETAILS_ACTIONS) }),
  followLog: checkObject({ type: checkLiteral('followLog'), follow: checkBoolean }),
  showScalar: checkObject({ type: checkLiteral('showScalar'), key: checkString, shown: checkBoolean }),
};
