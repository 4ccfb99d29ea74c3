/** Notebook flavors (`GET …/notebooks/flavors`) and built-in images (`GET /v1/{project_id}/images`), §1.5. */
import { NOTEBOOK_FLAVORS, NOTEBOOK_IMAGES, notebookImageView } from '../catalog';
import { type ApiRequest, type ApiResponse, type Handler, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import { oneOf } from '../validate';

/** Built-in images are presented as published on this date. */
const IMAGES_PUBLISHED_AT = Date.UTC(2024, 2, 1);

export function registerNotebookCatalog(router: Router<Handler>): void {
  router.add('GET', '/v1/{project_id}/notebooks/flavors', listFlavors);
  router.add('GET', '/v1/{project_id}/images', listImages);
}

/** `{current,data,pages,size,total}` over `items`, `offset` being a record offset. */
function page(request: ApiRequest, items: readonly unknown[], defaultLimit: number): ApiResponse {
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
  return page(request, flavors, 100);
}

function listImages(request: ApiRequest): ApiResponse {
  const { query } = request;
  const project = requestProject(request);
  const type = (query.get('type') ?? 'BUILD_IN').toUpperCase();
  const name = query.get('name');
  const fuzzy = query.get('name_fuzzy_match') !== 'false';
  const namespace = query.get('namespace');
  const direction = sortDirection(request, 'DESC');
  // Only built-in images exist here, so DEDICATED (the account's own images) is always empty.
  const images = NOTEBOOK_IMAGES.filter(
    (image) =>
      type === 'BUILD_IN' &&
      (!name || (fuzzy ? image.name.toLowerCase().includes(name.toLowerCase()) : image.name === name)) &&
      (!namespace || namespace === 'atelier'),
  )
    .map((image) => notebookImageView(image, project.region, IMAGES_PUBLISHED_AT))
    .sort((a, b) => (String(a.name) < String(b.name) ? -direction : String(a.name) > String(b.name) ? direction : 0));
  return page(request, images, 200);
}
