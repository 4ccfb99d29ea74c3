/** The Create Notebook form. */
import { type Check, checkLiteral, checkNumber, checkObject, checkOneOf, checkString } from '../checks';
import type { Arch, FormScope, MessageChecks } from './common';

export interface NotebookFormValues {
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  readonly flavorId: string;
  readonly imageId: string;
  readonly storage: 'EVS' | 'OBS';
  /** GB, for EVS. */
  readonly evsSizeGb: number;
  /** obs://bucket/path/, for OBS. */
  readonly obsPath: string;
  /** Empty: no SSH access. */
  readonly keyPairName: string;
  /** 0: never stop automatically. */
  readonly autoStopHours: number;
}

export interface FlavorChoice {
  readonly id: string;
  readonly name: string;
  /** CPU, GPU or ASCEND. */
  readonly category: string;
  readonly description: string;
  readonly soldOut: boolean;
  /** Absent when the listing does not say. */
  readonly arch?: Arch;
}

export interface ImageChoice {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** CPU, GPU, ASCEND: the flavors this image runs on. */
  readonly categories: readonly string[];
  /** Absent when the listing does not say. */
  readonly arch?: Arch;
}

export type NotebookHostMessage =
  | { readonly type: 'notebookForm'; readonly scope: FormScope; readonly values: NotebookFormValues }
  | { readonly type: 'notebookOptions'; readonly flavors: readonly FlavorChoice[]; readonly images: readonly ImageChoice[] };

export type NotebookWebviewMessage = { readonly type: 'submitNotebook'; readonly values: NotebookFormValues };

const notebookFormValues: Check<NotebookFormValues> = checkObject({
  name: checkString,
  description: checkString,
  workspaceId: checkString,
  flavorId: checkString,
  imageId: checkString,
  storage: checkOneOf(['EVS', 'OBS'] as const),
  evsSizeGb: checkNumber,
  obsPath: checkString,
  keyPairName: checkString,
  autoStopHours: checkNumber,
});

export const notebookMessageChecks: MessageChecks<NotebookWebviewMessage> = {
  submitNotebook: checkObject({ type: checkLiteral('submitNotebook'), values: notebookFormValues }),
};
