/** Notebook flavors (`GET …/notebooks/flavors`) and images, built in and saved (`GET /v1/{project_id}/images[/{id}]`), §1.5. */
import { NOTEBOOK_FLAVORS, NOTEBOOK_IMAGES, notebookImageView } from '../catalog';
import { type ApiRequest, type ApiResponse, type Handler, modelArtsError, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import { oneOf } from '../validate';
import { savedImageView } from './notebookImageModel';

/** Built-in images are presented as published on this date. */
const IMAGES_PUBLISHED_AT = Date.UTC(2024, 2, 1);

export function registerNotebookCatalog(router: Router<Handler>): void {
  router.add('GET', '/v1/{project_id}/notebooks/flavors', listFlavors);
  router.add('GET', '/v1/{project_id}/images', listImages);
  router.add('GET', '/v1/{project_id}/images/{id}', showImage);
}

/** `{current,data,pages,size,total}` over `items`, `offset` being a record offset (notebook lists, §11.3). */
export function offsetPage(request: ApiRequest, items: readonly unknown[], defaultLimit: number): ApiResponse {
  const offset = queryInt(request.query, 'offset', 0);
  const limit = queryInt(request.query, 'limit', defaultLimit, 1, 1000);
  return ok({
    current: Math.floor(offset / limit),
    data: items.slice(offset, offset + limit),
    pages: Math.ceil(items.length / limit),
    size: limit,
    total: items.length,
  });
}

function sortDirection(request: ApiRequest, fallback: 'ASC' | 'DESC'): 1 | -1 {
  return oneOf((request.query.get('sort_dir') ?? fallback).toUpperCase(), ['ASC', 'DESC'], 'sort_dir') === 'ASC' ? 1 : -1;
}

function listFlavors(request: ApiRequest): ApiResponse {
  const { query } = request;
  const category = query.get('category')?.toUpperCase();
  const feature = query.get('feature');
  // Every emulated flavor is a public (MANAGED) one; `type=DEDICATED` asks for pool flavors.
  const dedicated = query.get('type')?.toUpperCase() === 'DEDICATED';
  const direction = sortDirection(request, 'ASC');
  const flavors = NOTEBOOK_FLAVORS.filter(
    (f) => !dedicated && (!category || f.category === category) && (!feature || f.feature === feature),
  ).sort((a, b) => (a.id < b.id ? -direction : a.id > b.id ? direction : 0));
  // (uncertain) No default page size is documented for flavors; 100 returns them all.
  return offsetPage(request, flavors, 100);
}

/**
 * BUILD_IN (the default) lists the catalogue's images; DEDICATED the account's own, here those saved
 * from notebooks, in every status, of `workspace_id` (all workspaces without it: assumed).
 */
function listImages(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const type = oneOf((query.get('type') ?? 'BUILD_IN').toUpperCase(), ['BUILD_IN', 'DEDICATED'], 'type');
  const name = query.get('name');
  const fuzzy = query.get('name_fuzzy_match') !== 'false';
  const namespace = query.get('namespace');
  const workspaceId = query.get('workspace_id');
  const direction = sortDirection(request, 'DESC');
  const views =
    type === 'BUILD_IN'
      ? NOTEBOOK_IMAGES.map((image) => notebookImageView(image, project.region, IMAGES_PUBLISHED_AT))
      : [...project.notebookImages.values()].filter((image) => workspaceId === null || image.workspaceId === workspaceId).map((image) => savedImageView(image, project.region, now));
  const images = views
    .filter((image) => (!name || (fuzzy ? String(image.name).toLowerCase().includes(name.toLowerCase()) : image.name === name)) && (!namespace || image.namespace === namespace))
    .sort((a, b) => (String(a.name) < String(b.name) ? -direction : String(a.name) > String(b.name) ? direction : 0));
  return offsetPage(request, images, 200);
}

function showImage(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const { id } = request.params;
  const builtIn = NOTEBOOK_IMAGES.find((image) => image.id === id);
  const saved = project.notebookImages.get(id);
  if (builtIn) {
    return ok(notebookImageView(builtIn, project.region, IMAGES_PUBLISHED_AT));
  }
  if (saved) {
    return ok(savedImageView(saved, project.region, request.now));
  }
  // (illustrative) The reference gives no code for an unknown image; the HWC not-found code.
  throw modelArtsError(400, 'ModelArts.6404', `The image ${id} does not exist.`);
}
