import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { Notebook } from '../services/notebooks';
import { fileSystemIdProblem, mountPathProblem, normalizedMountPath, obsFolderProblem, sfsTurboPathProblem, suggestedSfsTurboPath } from '../services/notebookRules';
import type { AttachStorageRequest, NotebookStorage } from '../services/notebookStorage';
import { collectPages, PICKER_LIMIT } from '../services/paging';
import { readableStatus } from '../views/format';
import { notebookKind } from '../views/kinds/notebookKind';
import { notebookStorageKind, storageSource } from '../views/kinds/notebookStorageKind';
import { ResourceNode } from '../views/nodes/resourceNodes';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { locationUri, pickObsLocation } from './obsPickers';
import { withProgress } from './progress';
import { changeResourceState } from './resourceCommands';
import { refreshChildGroup, requireServices, resolveTarget, resourceNodeAbove, type ResourceTarget } from './resourceTarget';
import { ask, pick } from './userInput';

/** OBS folders and SFS Turbo file systems mounted under /data/ of a running notebook (§1.1 dynamic storage). */
export function registerNotebookStorageCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.notebook.attachStorage', async (node) => {
      const notebook = await resolveRunningNotebook(context, node);
      const request = await askStorage(context, notebook.item, notebook.scope.region);
      const services = requireServices(context);
      try {
        await withProgress(vscode.l10n.t('Mounting {0} at {1} of "{2}"…', sourceOf(request), request.mount_path, notebook.item.name), (signal) =>
          services.notebookStorage.attach(notebook.scope.region, notebook.item.id, request, signal),
        );
      } finally {
        await refreshChildGroup(context, notebook.node, notebookStorageKind);
      }
    }),
    registerCommand(context, 'modelarts.notebook.detachStorage', async (node) => {
      const { notebook, storage } = await resolveStorage(context, node);
      const confirmed = await confirmAction(
        context.ui,
        vscode.l10n.t('Unmount {0} from {1} of notebook "{2}"?', storageSource(storage.item), storage.item.mount_path, notebook.item.name),
        vscode.l10n.t('Programs in the notebook lose {0} at once; the data stays where it is stored.', storage.item.mount_path),
        vscode.l10n.t('Unmount'),
      );
      if (!confirmed) {
        return;
      }
      await changeResourceState(context, storage, vscode.l10n.t('Unmounting {0} from "{1}"…', storage.item.mount_path, notebook.item.name), (services, signal) =>
        services.notebookStorage.detach(notebook.scope.region, notebook.item.id, storage.item.id, signal),
      );
      if (!storage.node) {
        await refreshChildGroup(context, notebook.node, notebookStorageKind);
      }
    }),
  ];
}

/** The clicked notebook (or the one above a clicked Mounted Storage category or storage), or one picked; it must be running. */
async function resolveRunningNotebook(context: CommandContext, node: unknown): Promise<ResourceTarget<Notebook>> {
  const canMount = withCapability(notebookKind, 'canMount');
  const notebook = await resolveTarget(context, notebookKind, resourceNodeAbove(node, notebookKind) ?? node, canMount);
  if (!canMount(notebook.item)) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Notebook "{0}" is {1}: storage is mounted and unmounted while it runs.', notebook.item.name, readableStatus(notebook.item.status)), 'config');
  }
  return notebook;
}

const sourceOf = (request: AttachStorageRequest): string => (request.category === 'EFS' ? vscode.l10n.t('SFS Turbo {0}', request.efs_id) : request.uri);

/** "/data/mnist/" for obs://team-data/mnist/, "/data/team-data/" for a whole bucket. */
function suggestedMountPath(obsFolder: string): string {
  const parts = obsFolder.replace(/^obs:\/\//, '').split('/').filter(Boolean);
  return `/data/${parts[parts.length - 1] ?? 'storage'}/`;
}

async function askStorage(context: CommandContext, notebook: Notebook, region: string): Promise<AttachStorageRequest> {
  const title = vscode.l10n.t('Mount storage on "{0}"', notebook.name);
  const kind = await pick(
    context.ui,
    [
      { label: vscode.l10n.t('OBS folder'), description: vscode.l10n.t('browse the buckets of {0}', region), category: 'OBS browsed' as const },
      { label: vscode.l10n.t('OBS folder by its path'), description: 'obs://bucket/folder/', category: 'OBS typed' as const },
      { label: vscode.l10n.t('SFS Turbo file system'), description: vscode.l10n.t('by its ID'), category: 'EFS' as const },
    ],
    { title },
  );
  if (kind.category !== 'EFS') {
    const uri =
      kind.category === 'OBS browsed'
        ? locationUri(await pickObsLocation(context, region, { title, select: 'folder' }))
        : (await ask(context.ui, { title, prompt: vscode.l10n.t('OBS folder to mount'), placeHolder: 'obs://my-bucket/datasets/', validateInput: (value) => obsFolderProblem(value.trim()) })).trim();
    return { category: 'OBS', uri, mount_path: await askMountPath(context, title, suggestedMountPath(uri)) };
  }
  const efsId = (await ask(context.ui, { title, prompt: vscode.l10n.t('ID of the SFS Turbo file system'), validateInput: (value) => fileSystemIdProblem(value.trim()) })).trim();
  const uri = (
    await ask(context.ui, {
      title,
      prompt: vscode.l10n.t('Shared path of the file system (its console page shows it)'),
      value: suggestedSfsTurboPath(efsId),
      validateInput: (value) => sfsTurboPathProblem(value.trim()),
    })
  ).trim();
  return { category: 'EFS', efs_id: efsId, uri, mount_path: await askMountPath(context, title, '/data/sfs-turbo/') };
}

async function askMountPath(context: CommandContext, title: string, suggested: string): Promise<string> {
  const path = await ask(context.ui, { title, prompt: vscode.l10n.t('Where to mount it in the notebook (under /data/)'), value: suggested, validateInput: (value) => mountPathProblem(value.trim()) });
  return normalizedMountPath(path.trim());
}

/** The clicked storage, or one picked among those of the clicked or picked notebook. */
async function resolveStorage(context: CommandContext, node: unknown): Promise<{ notebook: ResourceTarget<Notebook>; storage: ResourceTarget<NotebookStorage> }> {
  if (node instanceof ResourceNode && node.kind === notebookStorageKind) {
    const storageNode = node as ResourceNode<NotebookStorage>;
    const notebook = await resolveTarget(context, notebookKind, resourceNodeAbove(storageNode, notebookKind));
    return { notebook, storage: { kind: notebookStorageKind, scope: storageNode.parent.scope, item: storageNode.resource, node: storageNode } };
  }
  const notebook = await resolveRunningNotebook(context, node);
  const scope = { ...notebook.scope, parentId: notebook.item.id };
  const services = requireServices(context);
  const storages = await withProgress(vscode.l10n.t('Loading the storage mounted on "{0}"…', notebook.item.name), (signal) =>
    collectPages((token, pageSignal) => notebookStorageKind.listPage(services, scope, token, pageSignal), PICKER_LIMIT, signal),
  );
  const detachable = storages.filter(withCapability(notebookStorageKind, 'canDetach'));
  if (detachable.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Notebook "{0}" has no mounted storage to unmount.', notebook.item.name), 'config');
  }
  const picked = await pick(
    context.ui,
    detachable.map((storage) => ({ label: storage.mount_path, description: notebookStorageKind.description(storage), storage })),
    { title: vscode.l10n.t('Unmount which storage from "{0}"?', notebook.item.name) },
  );
  return { notebook, storage: { kind: notebookStorageKind, scope, item: picked.storage } };
}
