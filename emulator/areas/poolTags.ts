/**
 * Pool tags. Requests as the SDK sends them: `{tags:[{key, value}]}` to add, `{tags:[{key, value?}]}` to remove.
 * Every answer lists PoolTags `{key, values[]}`, the SDK's model (older OTC pages answer `{key, value}` per pool;
 * Huawei's current pages agree with the SDK): a pool's tag has its one value in `values`. Adding a key that exists
 * replaces its value; deleting without a value removes the key whatever its value. The docs answer "204" with a
 * body, which HTTP cannot carry: the emulator answers 200 (uncertain).
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, isRecord, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import { livePools, poolBadRequest, poolHandler, requireActivePool, requirePool } from './poolModel';

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
    .add('GET', `${POOLS}/{pool_name}/tags`, poolHandler((request) => ok({ tags: [...requirePool(request).tags].map(([key, value]) => poolTag({ key, value })) })))
    .add('POST', `${POOLS}/{pool_name}/tags/create`, poolHandler(createTags))
    .add('DELETE', `${POOLS}/{pool_name}/tags/delete`, poolHandler(deleteTags));
}

/** The SDK's PoolTag: a key and its values (one per pool; none for a removal by key alone). */
function poolTag(tag: TagInput): { key: string; values: string[] } {
  return { key: tag.key, values: tag.value === undefined ? [] : [tag.value] };
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

/** Answers the tags sent, as the docs' example does. */
function createTags(request: ApiRequest): ApiResponse {
  const pool = requireActivePool(request);
  const tags = tagInputs(request, true);
  const keys = new Set([...pool.tags.keys(), ...tags.map((tag) => tag.key)]);
  if (keys.size > MAX_TAGS) {
    throw poolBadRequest(`A resource pool has at most ${MAX_TAGS} tags.`);
  }
  tags.forEach((tag) => pool.tags.set(tag.key, tag.value ?? ''));
  return ok({ tags: tags.map(poolTag) });
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
  return ok({ tags: tags.map(poolTag) });
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
