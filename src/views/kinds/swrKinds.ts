import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../../services/errors';
import type { SwrRepository, SwrTag } from '../../services/swr';
import { fieldTooltip, formatAge, formatSize, joinParts, parseTimestamp } from '../format';
import type { ListScope, ResourceKind } from '../resourceKind';

/** A repository's id in the tree: `<namespace>/<repository>`, unique in a region. */
export function repositoryId(repository: SwrRepository): string {
  return `${repository.namespace}/${repository.name}`;
}

/** The namespace and repository of an id made by `repositoryId`. */
export function splitRepositoryId(id: string): { readonly namespace: string; readonly name: string } {
  const slash = id.indexOf('/');
  if (slash <= 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, `"${id}" does not name a namespace and repository`, 'config');
  }
  return { namespace: id.slice(0, slash), name: id.slice(slash + 1) };
}

/** The repository a tag belongs to: the scope's parent (set by the repository's node in the tree). */
export function repositoryOf(scope: ListScope): { readonly namespace: string; readonly name: string } {
  return splitRepositoryId(scope.parentId ?? '');
}

const ACCESS: Readonly<Record<number, string>> = { 7: vscode.l10n.t('manage'), 3: vscode.l10n.t('write'), 1: vscode.l10n.t('read') };

/** "manage", "write", "read": what the signed-in user may do in a namespace. */
export function namespaceAccess(auth: number | undefined): string | undefined {
  return auth === undefined ? undefined : ACCESS[auth];
}

const tagCount = (count: number): string => (count === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', count));

export const swrTagKind: ResourceKind<SwrTag> = {
  contextValue: 'swrTag',
  label: vscode.l10n.t('image tag'),
  groupLabel: vscode.l10n.t('Tags'),
  groupIcon: 'tag',
  itemIcon: 'tag',
  emptyLabel: vscode.l10n.t('No tags'),
  id: (tag) => tag.Tag,
  name: (tag) => tag.Tag,
  // Tags have no status (§8).
  status: () => '',
  category: () => 'running',
  capabilities: () => [],
  description: (tag) => joinParts(formatSize(tag.size), formatAge(parseTimestamp(tag.updated ?? tag.created)), tag.digest?.replace(/^sha256:/, '').slice(0, 12)),
  tooltip: (tag) =>
    fieldTooltip(tag.Tag, [
      [vscode.l10n.t('Image'), tag.path],
      [vscode.l10n.t('Digest'), tag.digest],
      [vscode.l10n.t('Size'), formatSize(tag.size)],
      [vscode.l10n.t('Pushed'), tag.updated ?? tag.created],
    ]),
  listPage: (services, scope, pageToken, signal) => {
    const repository = repositoryOf(scope);
    return services.swr.listTags(scope.region, repository.namespace, repository.name, pageToken, signal);
  },
  fetch: (services, scope, id, signal) => {
    const repository = repositoryOf(scope);
    return services.swr.getTag(scope.region, repository.namespace, repository.name, id, signal);
  },
};

export const swrRepositoryKind: ResourceKind<SwrRepository> = {
  contextValue: 'swrRepository',
  label: vscode.l10n.t('SWR repository'),
  groupLabel: vscode.l10n.t('SWR Images'),
  groupIcon: 'package',
  itemIcon: 'repo',
  emptyLabel: vscode.l10n.t('No SWR repositories'),
  id: repositoryId,
  name: (repository) => repository.name,
  // Repositories have no status (§8).
  status: () => '',
  category: () => 'running',
  capabilities: () => [],
  description: (repository) =>
    joinParts(repository.namespace, tagCount(repository.num_images ?? repository.tags?.length ?? 0), formatAge(parseTimestamp(repository.updated_at))),
  tooltip: (repository) =>
    fieldTooltip(repository.name, [
      [vscode.l10n.t('Image'), repository.path],
      [vscode.l10n.t('Namespace'), repository.namespace],
      [vscode.l10n.t('Description'), repository.description],
      [vscode.l10n.t('Tags'), repository.tags?.join(', ')],
      [vscode.l10n.t('Size'), formatSize(repository.size)],
      [vscode.l10n.t('Public'), repository.is_public === undefined ? undefined : repository.is_public ? vscode.l10n.t('yes') : vscode.l10n.t('no')],
      [vscode.l10n.t('Downloads'), repository.num_download],
      [vscode.l10n.t('Updated'), repository.updated_at],
    ]),
  listPage: (services, scope, pageToken, signal) => services.swr.listRepositories(scope.region, { namespace: scope.filter }, pageToken, signal),
  fetch: (services, scope, id, signal) => {
    const { namespace, name } = splitRepositoryId(id);
    return services.swr.getRepository(scope.region, namespace, name, signal);
  },
  childKinds: [swrTagKind] as readonly ResourceKind<unknown>[],
};

