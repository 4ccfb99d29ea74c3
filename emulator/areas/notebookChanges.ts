/**
 * Changes to a stopped notebook (§1.1): `PUT …/notebooks/{id}` (name, description, flavor, image) and
 * the flavors it can switch to, `GET …/notebooks/{id}/flavors` (OTC ShowSwitchableFlavors).
 */
import { type NotebookFlavor, NOTEBOOK_FLAVORS } from '../catalog';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import type { NotebookRecord, ProjectState } from '../state';
import { optionalString, validName } from '../validate';
import { imageSummary, isUsableImage } from './notebookImageModel';
import { notebookResponse, requireNotebook, requireNotebookIn } from './notebooks';

const BASE = '/v1/{project_id}/notebooks/{id}';
const MAX_DESCRIPTION = 512;
/** OTC UpdateNotebook: "cannot contain the following special characters: &<>"/". */
const DESCRIPTION_FORBIDDEN = /[&<>"/]/;

export function registerNotebookChanges(router: Router<Handler>): void {
  router.add('PUT', BASE, updateNotebook).add('GET', `${BASE}/flavors`, listSwitchableFlavors);
}

/**
 * The flavors a notebook can move to (assumed rule, the reference gives none): notebook flavors of the
 * same architecture whose category its image runs on, other than its own. Sold-out ones are listed as such.
 */
function switchableFlavors(project: ProjectState, notebook: NotebookRecord, now: number): NotebookFlavor[] {
  const current = NOTEBOOK_FLAVORS.find((flavor) => flavor.id === notebook.flavor);
  const image = imageSummary(project, notebook.imageId, now, notebook.createAt);
  return NOTEBOOK_FLAVORS.filter(
    (flavor) =>
      flavor.id !== notebook.flavor &&
      flavor.feature === 'NOTEBOOK' &&
      (!current || flavor.arch === current.arch) &&
      (!image || image.categories.includes(flavor.category)),
  );
}

/** `{current,data,flavors,pages,size,total}`: the OTC answer carries the list twice; no limit by default. */
function listSwitchableFlavors(request: ApiRequest): ApiResponse {
  const notebook = requireNotebook(request);
  const flavors = switchableFlavors(requestProject(request), notebook, request.now);
  const offset = queryInt(request.query, 'offset', 0);
  const limit = queryInt(request.query, 'limit', Math.max(1, flavors.length), 1, 1000);
  const data = flavors.slice(offset, offset + limit);
  return ok({ current: Math.floor(offset / limit), data, flavors: data, pages: Math.ceil(flavors.length / limit), size: limit, total: flavors.length });
}

/** Only a stopped notebook can be updated (OTC UpdateNotebook); everything is checked before anything changes. */
function updateNotebook(request: ApiRequest): ApiResponse {
  const notebook = requireNotebookIn(request, 'STOPPED', 'update');
  const project = requestProject(request);
  const { now } = request;
  const body = bodyObject(request);
  const name = body.name === undefined ? notebook.name : validName(optionalString(body, 'name', notebook.name), 'name');
  const description = optionalString(body, 'description', notebook.description);
  if (description.length > MAX_DESCRIPTION || DESCRIPTION_FORBIDDEN.test(description)) {
    throw invalidParameter('description', `must be at most ${MAX_DESCRIPTION} characters, none of &<>"/`);
  }
  const flavor = optionalString(body, 'flavor', notebook.flavor);
  if (flavor !== notebook.flavor) {
    const target = switchableFlavors(project, notebook, now).find((candidate) => candidate.id === flavor);
    if (!target) {
      throw invalidParameter('flavor', `${flavor} is not a flavor this notebook can switch to`);
    }
    if (target.sold_out) {
      // (illustrative) The reference gives no code for a sold-out flavor.
      throw invalidParameter('flavor', `${flavor} is sold out`);
    }
  }
  const imageId = optionalString(body, 'image_id', notebook.imageId);
  if (imageId !== notebook.imageId && !isUsableImage(project, imageId, now)) {
    throw invalidParameter('image_id', `unknown image ${imageId}`);
  }
  notebook.name = name;
  notebook.description = description;
  notebook.flavor = flavor;
  notebook.imageId = imageId;
  notebook.updateAt = now;
  return ok(notebookResponse(request, notebook));
}
