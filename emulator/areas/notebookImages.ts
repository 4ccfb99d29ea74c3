/**
 * Save as image (`POST …/notebooks/{id}/create-image`, §1.1): the notebook is SNAPSHOTTING for one
 * transition, then runs on; the image is CREATING meanwhile, then ACTIVE in the DEDICATED image list.
 */
import { randomUUID } from 'node:crypto';
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, ok, requestProject } from '../http';
import type { Router } from '../router';
import { optionalString, requiredString } from '../validate';
import { type ImageStatus, imageSummary, type SavedImageRecord, savedImageView } from './notebookImageModel';
import { planRun } from './notebookLease';
import { requireNotebookIn } from './notebooks';
import { requireWorkspace } from './workspaces';

/** The SDK's ImageCreateReq rules: names up to 128 lower-case letters, digits, `-`, `_`, `.`, starting and ending with a letter or digit. */
const IMAGE_NAME = /^[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?$/;
const IMAGE_TAG = /^[A-Za-z0-9._-]{1,64}$/;
/** SWR organizations: up to 64 letters, digits, `-`, `_`, `.`, starting with a lower-case letter. */
const ORGANIZATION = /^[a-z][A-Za-z0-9._-]{0,63}$/;
const MAX_DESCRIPTION = 512;
/** SWR `auth` of a namespace (§8): 7 manage, 3 write, 1 read. */
const SWR_WRITE = 3;

export function registerNotebookImages(router: Router<Handler>): void {
  router.add('POST', '/v1/{project_id}/notebooks/{id}/create-image', createImage);
}

function createImage(request: ApiRequest): ApiResponse {
  const notebook = requireNotebookIn(request, 'RUNNING', 'save an image of');
  const project = requestProject(request);
  const { now } = request;
  const body = bodyObject(request);
  const name = requiredString(body, 'name');
  if (!IMAGE_NAME.test(name)) {
    throw invalidParameter('name', 'must be 1-128 lower-case letters, digits, "-", "_" or ".", starting and ending with a letter or digit');
  }
  // (uncertain) §1.1 leaves the tag optional without saying what it becomes; "latest" is assumed.
  const tag = optionalString(body, 'tag', 'latest');
  if (!IMAGE_TAG.test(tag)) {
    throw invalidParameter('tag', 'must be 1-64 letters, digits, "-", "_" or "."');
  }
  const namespace = requiredString(body, 'namespace');
  if (!ORGANIZATION.test(namespace)) {
    throw invalidParameter('namespace', 'must be an SWR organization name');
  }
  const organization = project.companion.swrNamespaces.find((candidate) => candidate.name === namespace);
  if (!organization || organization.auth < SWR_WRITE) {
    // (illustrative) The reference gives no code for an organization the user cannot push to.
    throw invalidParameter('namespace', `no SWR organization ${namespace} you can push to in ${project.region}`);
  }
  const description = optionalString(body, 'description', '');
  if (description.length > MAX_DESCRIPTION) {
    throw invalidParameter('description', `must be at most ${MAX_DESCRIPTION} characters`);
  }
  const workspaceId = optionalString(body, 'workspace_id', notebook.workspaceId);
  requireWorkspace(project, workspaceId);
  const taken = [...project.notebookImages.values()].some(
    (image) => image.namespace === namespace && image.name === name && image.tag === tag && image.timeline.status(now) !== 'CREATE_FAILED',
  );
  if (taken) {
    // (illustrative) SWR keeps one image per tag; saving over it is refused here rather than replacing it.
    throw invalidParameter('tag', `${namespace}/${name}:${tag} already exists`);
  }
  const source = imageSummary(project, notebook.imageId, now, notebook.createAt);
  // Emulator convention, as for notebook names: an image name containing "fail" fails to save.
  const fails = name.includes('fail');
  const timeline = new Timeline<ImageStatus>('CREATING', now);
  timeline.plan(now, [['CREATING', project.transitionMs]], fails ? 'CREATE_FAILED' : 'ACTIVE');
  const image: SavedImageRecord = {
    id: randomUUID(),
    name,
    tag,
    namespace,
    description,
    workspaceId,
    arch: source?.arch ?? 'X86_64',
    categories: (source?.categories ?? ['CPU']) as SavedImageRecord['categories'],
    // (illustrative) The source image plus what was installed in the notebook.
    size: (source?.size ?? 0) + 524_288,
    createAt: now,
    failReason: fails ? 'Failed to push the image to SWR: the image layer is too large.' : undefined,
    timeline,
  };
  project.notebookImages.set(image.id, image);
  planRun(notebook, project, now, 'SNAPSHOTTING');
  return ok(savedImageView(image, project.region, now));
}
