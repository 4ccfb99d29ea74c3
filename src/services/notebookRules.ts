import * as l10n from '@vscode/l10n';

/**
 * What a user types for notebook operations, checked before anything is sent: image names and
 * tags (the SDK's ImageCreateReq rules), mount paths under /data/, OBS folders, SFS Turbo shared
 * paths (§1.5) and auto-stop durations. Shared by the quick inputs and the Create Notebook form;
 * no `vscode` import.
 */

/** obs://bucket/optional/path/ — bucket names are 3–63 lower-case letters, digits, dots and hyphens. */
export const OBS_FOLDER = /^obs:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/([^\s]+\/)?$/;
const IMAGE_NAME = /^[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?$/;
const IMAGE_TAG = /^[A-Za-z0-9._-]{1,64}$/;
/** The reference only says "under /data/"; one or more directory names of these characters are assumed. */
const MOUNT_PATH = /^\/data(\/(?!\.\.?(\/|$))[A-Za-z0-9._-]+)+\/?$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** An SFS Turbo shared path as the SDK's example gives it, `<id>.sfsturbo.internal:/folder`: a host, ":/", a path. */
const SFS_TURBO_PATH = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+:\/\S*$/;
const STORAGE_URI_MAX = 256;
export const IMAGE_DESCRIPTION_MAX = 512;
/** The lease operations take 1 to 72 hours, in milliseconds; each defaults to 1 hour when none is sent. */
export const LEASE_MIN_MS = 3_600_000;
export const LEASE_MAX_MS = 259_200_000;
/**
 * A duration that keeps a notebook running until it is stopped, on create and on start. The SDK has no value for
 * it (it defaults to 1 hour); the Terraform provider's golangsdk sends -1 on both (CreateOpts.Duration, Start).
 */
export const NEVER_STOP = -1;

export function imageNameProblem(name: string): string | undefined {
  return IMAGE_NAME.test(name) ? undefined : l10n.t('Use 1 to 128 lower-case letters, digits, "-", "_" or ".", starting and ending with a letter or digit.');
}

export function imageTagProblem(tag: string): string | undefined {
  return IMAGE_TAG.test(tag) ? undefined : l10n.t('Use 1 to 64 letters, digits, "-", "_" or ".".');
}

export function imageDescriptionProblem(description: string): string | undefined {
  return description.length > IMAGE_DESCRIPTION_MAX ? l10n.t('Use at most {0} characters.', IMAGE_DESCRIPTION_MAX) : undefined;
}

/** A name the image rules accept, from a notebook's name: "BERT_finetune-zh" → "bert_finetune-zh". */
export function suggestedImageName(notebookName: string): string {
  const name = notebookName.toLowerCase().replace(/[^a-z0-9._-]/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return name.slice(0, 128) || 'notebook-image';
}

export function mountPathProblem(path: string): string | undefined {
  return MOUNT_PATH.test(path) ? undefined : l10n.t('Enter a folder under /data/, such as /data/datasets/.');
}

/** Mount paths are answered with a trailing slash; one is added so what is sent is what is listed. */
export function normalizedMountPath(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

export function obsFolderProblem(uri: string): string | undefined {
  return OBS_FOLDER.test(uri) ? undefined : l10n.t('Enter a folder such as obs://my-bucket/datasets/ (ending with /).');
}

export function fileSystemIdProblem(id: string): string | undefined {
  return UUID.test(id) ? undefined : l10n.t('Enter the ID of an SFS Turbo file system, a UUID such as 280a8bd5-03e2-4a5c-bea1-83d81e75bc53.');
}

/** The shared path an SFS Turbo file system is mounted by; the console shows the host as `<id>.sfsturbo.internal`. */
export function suggestedSfsTurboPath(fileSystemId: string): string {
  return `${fileSystemId}.sfsturbo.internal:/`;
}

export function sfsTurboPathProblem(path: string): string | undefined {
  return SFS_TURBO_PATH.test(path) && path.length <= STORAGE_URI_MAX
    ? undefined
    : l10n.t('Enter the shared path of the file system, such as 280a8bd5-03e2-4a5c-bea1-83d81e75bc53.sfsturbo.internal:/ (at most {0} characters).', STORAGE_URI_MAX);
}
