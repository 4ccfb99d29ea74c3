/** The details panel of a resource. */
import { checkBoolean, checkLiteral, checkObject, checkOneOf } from '../checks';
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
  | 'showExecLoginInfo';

export interface DetailsField {
  readonly label: string;
  readonly value: string;
}

export interface DetailsStep {
  readonly label: string;
  readonly state: 'done' | 'active' | 'waiting' | 'failed';
}

export interface DetailsView {
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

export type DetailsHostMessage =
  | { readonly type: 'details'; readonly view: DetailsView }
  | { readonly type: 'detailsFailed'; readonly error: ErrorInfo };

export type DetailsWebviewMessage =
  | { readonly type: 'runAction'; readonly action: DetailsAction }
  | { readonly type: 'followLog'; readonly follow: boolean };

const DETAILS_ACTIONS: readonly DetailsAction[] = ['refresh', 'start', 'stop', 'delete', 'openJupyter', 'viewLogs', 'copyId', 'createSimilar', 'edit', 'manageTags', 'update', 'viewEvents', 'copyAccessAddress', 'deployV1', 'connectSsh', 'renewLease', 'saveImage', 'attachStorage', 'changeFlavor', 'interrupt', 'showExecLoginInfo'];

export const detailsMessageChecks: MessageChecks<DetailsWebviewMessage> = {
  runAction: checkObject({ type: checkLiteral('runAction'), action: checkOneOf(DETAILS_ACTIONS) }),
  followLog: checkObject({ type: checkLiteral('followLog'), follow: checkBoolean }),
};
