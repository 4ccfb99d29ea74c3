/**
 * SWR (§8): namespaces, repositories and tags, read-only. SWR paths carry no
 * project id; the real service tells regions apart by host, the emulator
 * (one host for every region) by the `X-Project-Id` header that the SDK's
 * project-level clients send. Repository and tag lists are bare JSON arrays
 * paged by `offset` + `limit` (strings), with `Content-Range:
 * {offset}-{count}/{total}` when either was sent.
 *
 * Error codes are illustrative (the reference gives none for SWR): 400
 * `SVCSTG.SWR.4000014` (invalid parameter, as in the public SWR error table)
 * and 404 `SVCSTG.SWR.4040010` for an unknown namespace or repository.
 */
import { type ApiRequest, type ApiResponse, type Handler, modelArtsError, ok } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import type { SwrRepositoryRecord, SwrTagRecord } from './swrSeed';

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;
const REPOSITORY_FILTERS = ['namespace', 'name', 'category', 'limit', 'offset', 'order_column', 'order_type'];
const TAG_FILTERS = ['tag', 'limit', 'offset', 'order_column', 'order_type'];

function invalid(message: string): ReturnType<typeof modelArtsError> {
  return modelArtsError(400, 'SVCSTG.SWR.4000014', message);
}

function notFound(what: string): ReturnType<typeof modelArtsError> {
  return modelArtsError(404, 'SVCSTG.SWR.4040010', `${what} does not exist`);
}

export function registerSwr(router: Router<Handler>): void {
  router
    .add('GET', '/v2/manage/namespaces', listNamespaces)
    .add('GET', '/v2/manage/repos', listRepositories)
    .add('GET', '/v2/manage/namespaces/{namespace}/repos/{repository}/tags', listTags);
}

function swrProject(request: ApiRequest): ProjectState {
  if (!request.project) {
    throw invalid('X-Project-Id is required: the emulator serves every region on one host and tells them apart by project');
  }
  return request.project;
}

/**
 * Query parameters, with `filter=key::value|key::value` entries taking precedence (the SDK's field text: with both,
 * the filter wins).
 */
function swrQuery(query: URLSearchParams, allowed: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const key of allowed) {
    const value = query.get(key);
    if (value !== null && value !== '') {
      values.set(key, value);
    }
  }
  const filter = query.get('filter');
  for (const entry of filter ? filter.split('|') : []) {
    const separator = entry.indexOf('::');
    const key = separator < 0 ? entry : entry.slice(0, separator);
    if (separator < 0 || !allowed.includes(key)) {
      throw invalid(`filter entry "${entry}" is not one of ${allowed.map((name) => `${name}::…`).join(', ')}`);
    }
    values.set(key, entry.slice(separator + 2));
  }
  return values;
}

function count(values: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = values.get(name);
  if (raw === undefined) {
    return fallback;
  }
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function choice(values: Map<string, string>, name: string, allowed: readonly string[], fallback: string): string {
  const value = values.get(name) ?? fallback;
  if (!allowed.includes(value)) {
    throw invalid(`${name} must be one of ${allowed.join(', ')}`);
  }
  return value;
}

/** Whether the `filter` parameter names the entry: the SDK documents different sort columns for it and for the parameter. */
function inFilter(query: URLSearchParams, name: string): boolean {
  return (query.get('filter') ?? '').split('|').some((entry) => entry.startsWith(`${name}::`));
}

/** A page of `items` as a bare array; `Content-Range` only when the request asked for a page. */
function arrayPage<T>(items: readonly T[], values: Map<string, string>): ApiResponse {
  const offset = count(values, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = count(values, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT);
  const page = items.slice(offset, offset + limit);
  const paged = values.has('offset') || values.has('limit');
  return { status: 200, body: page, headers: paged ? { 'Content-Range': `${offset}-${page.length}/${items.length}` } : {} };
}

function sortBy<T>(items: T[], key: (item: T) => string | number, descending: boolean): T[] {
  return items.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  });
}

const iso = (ms: number): string => new Date(ms).toISOString();
const registry = (region: string): string => `swr.${region}.myhuaweicloud.com`;
/** Illustrative: the address nodes inside the region pull from. */
const internalRegistry = (region: string): string => `swr-internal.${region}.myhuaweicloud.com`;
const updatedAt = (repository: SwrRepositoryRecord): number => Math.max(repository.createdAt, ...repository.tags.map((tag) => tag.createdAt));

/** `?namespace&filter=namespace::x` (substring, assumed) → `{namespaces: [{id, name, creator_name, auth}]}`. */
function listNamespaces(request: ApiRequest): ApiResponse {
  const project = swrProject(request);
  const wanted = swrQuery(request.query, ['namespace']).get('namespace');
  const namespaces = project.companion.swrNamespaces
    .filter((namespace) => wanted === undefined || namespace.name.includes(wanted))
    .map((namespace) => ({ id: namespace.id, name: namespace.name, creator_name: namespace.creatorName, auth: namespace.auth }));
  return ok({ namespaces });
}

/**
 * `namespace` (exact), `name` (substring, as the SDK's field text says for the filter), `category`, `order_column`
 * (the parameter: updated_at; a filter entry: name | updated_time | tag_count, as the SDK's field texts say),
 * `order_type` (desc | asc). The default order, newest update first, is assumed.
 */
function listRepositories(request: ApiRequest): ApiResponse {
  const project = swrProject(request);
  const values = swrQuery(request.query, REPOSITORY_FILTERS);
  const namespace = values.get('namespace');
  const name = values.get('name');
  const category = values.get('category');
  const columns = inFilter(request.query, 'order_column') ? ['name', 'updated_time', 'tag_count'] : ['updated_at'];
  const column = choice(values, 'order_column', columns, columns[0] === 'name' ? 'updated_time' : 'updated_at');
  const descending = choice(values, 'order_type', ['desc', 'asc'], 'desc') === 'desc';
  const matching = project.companion.swrRepositories.filter(
    (repository) =>
      (namespace === undefined || repository.namespace === namespace) &&
      (name === undefined || repository.name.includes(name)) &&
      (category === undefined || repository.category === category),
  );
  const key = (repository: SwrRepositoryRecord): string | number =>
    column === 'name' ? `${repository.name}/${repository.namespace}` : column === 'tag_count' ? repository.tags.length : updatedAt(repository);
  const sorted = sortBy([...matching], key, descending);
  return arrayPage(
    sorted.map((repository) => repositoryView(repository, project, sorted.length)),
    values,
  );
}

function repositoryView(repository: SwrRepositoryRecord, project: ProjectState, total: number): Record<string, unknown> {
  const path = `${registry(project.region)}/${repository.namespace}/${repository.name}`;
  return {
    name: repository.name,
    namespace: repository.namespace,
    category: repository.category,
    description: repository.description,
    size: repository.tags.reduce((sum, tag) => sum + tag.size, 0),
    is_public: repository.isPublic,
    num_images: repository.tags.length,
    num_download: repository.numDownload,
    created_at: iso(repository.createdAt),
    updated_at: iso(updatedAt(repository)),
    path,
    internal_path: `${internalRegistry(project.region)}/${repository.namespace}/${repository.name}`,
    domain_name: project.ref.account.domainName,
    tags: repository.tags.map((tag) => tag.tag),
    // The meaning of `status` is not documented in the reference: assumed true for a usable repository.
    status: true,
    total_range: total,
    logo: '',
    url: '',
  };
}

/** `tag` (substring, assumed), `order_column` (updated_at, the one column the SDK's field text names), `order_type`; newest first by default (assumed). */
function listTags(request: ApiRequest): ApiResponse {
  const project = swrProject(request);
  const { namespace, repository: name } = request.params;
  if (!project.companion.swrNamespaces.some((candidate) => candidate.name === namespace)) {
    throw notFound(`namespace ${namespace}`);
  }
  const repository = project.companion.swrRepositories.find((candidate) => candidate.namespace === namespace && candidate.name === name);
  if (!repository) {
    throw notFound(`repository ${namespace}/${name}`);
  }
  const values = swrQuery(request.query, TAG_FILTERS);
  const wanted = values.get('tag');
  choice(values, 'order_column', ['updated_at'], 'updated_at');
  const descending = choice(values, 'order_type', ['desc', 'asc'], 'desc') === 'desc';
  const matching = repository.tags.filter((tag) => wanted === undefined || tag.tag.includes(wanted));
  const sorted = sortBy([...matching], (tag) => tag.createdAt, descending);
  return arrayPage(
    sorted.map((tag) => tagView(tag, repository, project)),
    values,
  );
}

function tagView(tag: SwrTagRecord, repository: SwrRepositoryRecord, project: ProjectState): Record<string, unknown> {
  const image = `${repository.namespace}/${repository.name}:${tag.tag}`;
  return {
    id: tag.id,
    repo_id: repository.id,
    Tag: tag.tag,
    image_id: tag.imageId,
    // Illustrative: a schema-2 manifest naming the image config only.
    manifest: JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', config: { digest: `sha256:${tag.imageId}` } }),
    digest: tag.digest,
    schema: 2,
    path: `${registry(project.region)}/${image}`,
    internal_path: `${internalRegistry(project.region)}/${image}`,
    size: tag.size,
    is_trusted: false,
    created: iso(tag.createdAt),
    updated: iso(tag.createdAt),
    deleted: null,
    domain_id: project.ref.account.domainId,
    scanned: false,
    tag_type: 0,
  };
}
