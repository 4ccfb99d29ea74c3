import { collectPages, markerPage, type Page, PICKER_LIMIT, recordOffsetPage, tokenToNumber } from './paging';
import { expectArray, findListed } from './responses';
import type { QueryValue, SignedClient } from './signedClient';

/** An SWR organization (namespace, §8). */
export interface SwrNamespace {
  readonly id?: number;
  readonly name: string;
  readonly creator_name?: string;
  /** 7 manage, 3 write, 1 read. */
  readonly auth?: number;
}

/** The fields of an SWR repository (§8) the product uses. */
export interface SwrRepository {
  readonly name: string;
  readonly namespace: string;
  readonly category?: string;
  readonly description?: string;
  readonly size?: number;
  readonly is_public?: boolean;
  readonly num_images?: number;
  readonly num_download?: number;
  readonly created_at?: string;
  readonly updated_at?: string;
  /** `swr.<region>.myhuaweicloud.com/<namespace>/<repository>`. */
  readonly path?: string;
  readonly tags?: readonly string[];
}

/** One tag of a repository (§8); the API spells the tag's name `Tag`. */
export interface SwrTag {
  readonly id?: number;
  readonly Tag: string;
  readonly digest?: string;
  readonly image_id?: string;
  readonly size?: number;
  /** `swr.<region>.myhuaweicloud.com/<namespace>/<repository>:<tag>`. */
  readonly path?: string;
  readonly created?: string;
  readonly updated?: string;
}

/** An image a training job, service or notebook can run: a tag of a repository. */
export interface SwrImage {
  readonly repository: SwrRepository;
  readonly tag: SwrTag;
  /** What is pasted into a job or service: `swr.<region>…/<namespace>/<repository>:<tag>`. */
  readonly path: string;
}

/** SWR list answers are bare arrays; the SDK copies the `Content-Range` header onto them. */
type RangedArray<T> = T[] & { readonly 'Content-Range'?: string };

export const SWR_PAGE_SIZE = 50;

/** `swr.<region>.myhuaweicloud.com/<namespace>/<repository>`, from the API when it says so. */
export function repositoryPath(region: string, repository: SwrRepository): string {
  return repository.path ?? `swr.${region}.myhuaweicloud.com/${repository.namespace}/${repository.name}`;
}

export function imagePath(region: string, repository: SwrRepository, tag: SwrTag): string {
  return tag.path ?? `${repositoryPath(region, repository)}:${tag.Tag}`;
}

/**
 * SWR namespaces, repositories and tags (§8), read-only. The paths carry no project: SWR tells regions
 * apart by host, and gets the project as `X-Project-Id` like the SDK's project-level clients send it.
 */
export class SwrService {
  constructor(private readonly client: SignedClient) {}

  async listNamespaces(region: string, signal?: AbortSignal): Promise<SwrNamespace[]> {
    const response = await this.client.request<{ namespaces?: SwrNamespace[] }>({ service: 'swr', region, method: 'GET', path: '/v2/manage/namespaces', projectScoped: true, signal });
    return expectArray(response.namespaces, 'namespace list');
  }

  /**
   * Repositories of one namespace or all, the most recently updated first: `updated_at` is the one sort column the
   * SDK documents for the `order_column` parameter. `name` is matched as SWR matches it (in part).
   */
  listRepositories(region: string, filter: { readonly namespace?: string; readonly name?: string }, pageToken?: string, signal?: AbortSignal): Promise<Page<SwrRepository>> {
    const query = { namespace: filter.namespace, name: filter.name, order_column: 'updated_at', order_type: 'desc' };
    return this.listPage<SwrRepository>(region, '/v2/manage/repos', {}, query, pageToken, 'repository list', signal);
  }

  /** There is no single-repository read in the reference (§8): the repository is found in the list by name. */
  async getRepository(region: string, namespace: string, name: string, signal?: AbortSignal): Promise<SwrRepository> {
    const candidates = await collectPages((token, pageSignal) => this.listRepositories(region, { namespace, name }, token, pageSignal), PICKER_LIMIT, signal);
    return findListed(candidates, (repository) => repository.name === name, `repository ${namespace}/${name}`);
  }

  /** Newest first, the order a person looks for a tag in; `tag` is matched as SWR matches it (in part). */
  listTags(region: string, namespace: string, repository: string, pageToken?: string, signal?: AbortSignal, tag?: string): Promise<Page<SwrTag>> {
    const query = { tag, order_column: 'updated_at', order_type: 'desc' };
    return this.listPage<SwrTag>(region, '/v2/manage/namespaces/{namespace}/repos/{repository}/tags', { namespace, repository }, query, pageToken, 'tag list', signal);
  }

  /** Found in the tag list, as no single-tag read is in the reference (§8). */
  async getTag(region: string, namespace: string, repository: string, tag: string, signal?: AbortSignal): Promise<SwrTag> {
    const candidates = await collectPages((token, pageSignal) => this.listTags(region, namespace, repository, token, pageSignal, tag), PICKER_LIMIT, signal);
    return findListed(candidates, (candidate) => candidate.Tag === tag, `tag ${namespace}/${repository}:${tag}`);
  }

  /** For pickers and dropdowns: up to PICKER_LIMIT repositories. */
  listAllRepositories(region: string, filter: { readonly namespace?: string } = {}, signal?: AbortSignal): Promise<SwrRepository[]> {
    return collectPages((token, pageSignal) => this.listRepositories(region, filter, token, pageSignal), PICKER_LIMIT, signal);
  }

  listAllTags(region: string, namespace: string, repository: string, signal?: AbortSignal): Promise<SwrTag[]> {
    return collectPages((token, pageSignal) => this.listTags(region, namespace, repository, token, pageSignal), PICKER_LIMIT, signal);
  }

  /**
   * One page by record offset. The total comes from `Content-Range: {offset}-{count}/{total}`; without it,
   * a full page means there may be more.
   */
  private async listPage<T>(
    region: string,
    path: string,
    pathParams: Record<string, string>,
    query: Record<string, QueryValue>,
    pageToken: string | undefined,
    what: string,
    signal?: AbortSignal,
  ): Promise<Page<T>> {
    const offset = tokenToNumber(pageToken);
    const response = await this.client.request<RangedArray<T>>({
      service: 'swr',
      region,
      method: 'GET',
      path,
      pathParams,
      query: { ...query, offset: String(offset), limit: String(SWR_PAGE_SIZE) },
      projectScoped: true,
      responseHeaders: ['Content-Range'],
      signal,
    });
    const items = expectArray<T>(Array.isArray(response) ? [...response] : undefined, what);
    const total = Number(/\/(\d+)\s*$/.exec(response['Content-Range'] ?? '')?.[1]);
    if (Number.isInteger(total)) {
      return recordOffsetPage(items, offset, total);
    }
    return markerPage(items, items.length === SWR_PAGE_SIZE ? String(offset + items.length) : undefined);
  }
}
