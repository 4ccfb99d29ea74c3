/**
 * Pool tags (§5.1 names the paths only). Bodies as the OTC API reference gives them
 * (BatchCreatePoolTags, BatchDeletePoolTags, ShowPoolTags, ListPoolTags), the common
 * Huawei TMS shape: `{tags:[{key, value}]}` per pool, `{tags:[{key, values[]}]}` for the
 * whole project. Adding a key that exists replaces its value; deleting without a value
 * removes the key whatever its value. Those docs answer "204" with a body, which HTTP
 * cannot carry: the emulator answers 200 (uncertain).
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, isRecord, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import { livePools, poolBadRequest, poolHandler, type PoolRecord, requireActivePool, requirePool } from './poolModel';

const POOLS = '/v1/{project_id}/pools';
/** Key and value lengths of the OTC reference. */
const MAX_KEY = 128;
const MAX_VALUE = 255;
/** Illustrative: TMS allows 20 tags per resource; the pool reference gives no limit. */
const MAX_TAGS = 20;

interface TagInput {
  readonly key: string;
  readonly value?: string;
}

export function registerPoolTags(router: Router<Handler>): void {
  router
    .add('GET', `${POOLS}/tags`, poolHandler(listProjectTags))
    .add('GET', `${POOLS}/{pool_name}/tags`, poolHandler((request) => ok({ tags: tagsOf(requirePool(request)) })))
    .add('POST', `${POOLS}/{pool_name}/tags/create`, poolHandler(createTags))
    .add('DELETE', `${POOLS}/{pool_name}/tags/delete`, poolHandler(deleteTags));
}

function tagsOf(pool: PoolRecord): { key: string; value: string }[] {
  return [...pool.tags].map(([key, value]) => ({ key, value }));
}

/** The `tags` list of a body; `value` is required to add and optional to delete. */
function tagInputs(request: ApiRequest, valueRequired: boolean): TagInput[] {
  const { tags } = bodyObject(request);
  if (!Array.isArray(tags) || tags.length === 0) {
    throw poolBadRequest('Invalid tags: a non-empty list is required.');
  }
  return tags.map((tag: unknown, index) => {
    const key = isRecord(tag) ? tag.key : undefined;
    if (typeof key !== 'string' || key.trim() === '' || key.length > MAX_KEY) {
      throw poolBadRequest(`Invalid tags[${index}].key: 1-${MAX_KEY} characters.`);
    }
    const value = isRecord(tag) ? tag.value : undefined;
    if (value === undefined && !valueRequired) {
      return { key };
    }
    if (typeof value !== 'string' || value.length > MAX_VALUE) {
      throw poolBadRequest(`Invalid tags[${index}].value: a string of 0-${MAX_VALUE} characters.`);
    }
    return { key, value };
  });
}

/** Answers the tags sent, as the OTC example does. */
function createTags(request: ApiRequest): ApiResponse {
  const pool = requireActivePool(request);
  const tags = tagInputs(request, true);
  const keys = new Set([...pool.tags.keys(), ...tags.map((tag) => tag.key)]);
  if (keys.size > MAX_TAGS) {
    throw poolBadRequest(`A resource pool has at most ${MAX_TAGS} tags.`);
  }
  tags.forEach((tag) => pool.tags.set(tag.key, tag.value ?? ''));
  return ok({ tags });
}

/** Unknown keys, and keys whose value differs from the one given, are left alone. */
function deleteTags(request: ApiRequest): ApiResponse {
  const pool = requireActivePool(request);
  const tags = tagInputs(request, false);
  for (const tag of tags) {
    if (tag.value === undefined || pool.tags.get(tag.key) === tag.value) {
      pool.tags.delete(tag.key);
    }
  }
  return ok({ tags });
}

/** Every key used on the project's pools with its values, sorted; `offset` is a page index (default limit 200). */
function listProjectTags(request: ApiRequest): ApiResponse {
  const limit = queryInt(request.query, 'limit', 200, 1, 1000);
  const page = queryInt(request.query, 'offset', 0);
  const values = new Map<string, Set<string>>();
  for (const pool of livePools(requestProject(request), request.now)) {
    for (const [key, value] of pool.tags) {
      values.set(key, (values.get(key) ?? new Set()).add(value));
    }
  }
  const tags = [...values]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, set]) => ({ key, values: [...set].sort() }))
    .slice(page * limit, (page + 1) * limit);
  return ok({ tags });
}
