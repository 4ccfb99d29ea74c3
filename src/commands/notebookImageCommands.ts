import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { NotebookImage, SaveImageRequest } from '../services/notebooks';
import { imageDescriptionProblem, imageNameProblem, imageTagProblem, suggestedImageName } from '../services/notebookRules';
import { notebookKind } from '../views/kinds/notebookKind';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { withProgress } from './progress';
import { changeResourceState } from './resourceCommands';
import { requireServices, resolveTarget } from './resourceTarget';
import { ask, pick } from './userInput';

/** SWR `auth` of an organization (§8): 7 manage, 3 write, 1 read; an image is pushed to one you can write to. */
const SWR_WRITE = 3;

/** Save as Image (§1.1 create-image): the notebook's environment becomes an image new notebooks can start from. */
export function registerNotebookImageCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.notebook.saveImage', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, withCapability(notebookKind, 'canSaveImage'));
      const { item: notebook } = target;
      const { region } = target.scope;
      const request = await askImage(context, region, notebook.name, notebook.workspace_id ?? target.scope.workspaceId);
      const reference = `${request.namespace}/${request.name}:${request.tag}`;
      const confirmed = await confirmAction(
        context.ui,
        vscode.l10n.t('Save notebook "{0}" as image {1}?', notebook.name, reference),
        vscode.l10n.t('The notebook cannot be used while the image is saved, then runs on. The image holds what is installed in it; files under /home/ma-user/work are not part of it.'),
        vscode.l10n.t('Save Image'),
      );
      if (!confirmed) {
        return;
      }
      let saving: NotebookImage | undefined;
      await changeResourceState(context, target, vscode.l10n.t('Saving notebook "{0}" as {1}…', notebook.name, reference), async (services, signal) => {
        saving = await services.notebooks.saveImage(region, notebook.id, request, signal);
        return services.notebooks.get(region, notebook.id, signal);
      });
      if (!saving) {
        return;
      }
      const imageId = saving.id;
      const services = requireServices(context);
      // The tree follows the notebook; this follows the image until it is ready (cancelling stops following, not the save).
      await withProgress(vscode.l10n.t('Saving image {0}…', reference), (signal) => services.notebooks.waitForImage(region, imageId, context.session.settings.pollIntervalMs, signal));
      void context.ui.showInformationMessage(vscode.l10n.t('Image {0} is saved: Create Notebook offers it.', reference));
    }),
  ];
}

async function askImage(context: CommandContext, region: string, notebookName: string, workspaceId: string): Promise<SaveImageRequest> {
  const title = vscode.l10n.t('Save "{0}" as an image', notebookName);
  const services = requireServices(context);
  const namespaces = await withProgress(vscode.l10n.t('Loading the SWR organizations of {0}…', region), (signal) => services.swr.listNamespaces(region, signal));
  const writable = namespaces.filter((namespace) => namespace.auth === undefined || namespace.auth >= SWR_WRITE);
  if (writable.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('There is no SWR organization you can push to in {0}. Create one in the SWR console first.', region), 'config');
  }
  const organization = await pick(
    context.ui,
    writable.map((namespace) => ({ label: namespace.name, description: namespace.creator_name })),
    { title: vscode.l10n.t('{0}: SWR organization of the image', title) },
  );
  const name = await ask(context.ui, { title, prompt: vscode.l10n.t('Image name'), value: suggestedImageName(notebookName), validateInput: (value) => imageNameProblem(value.trim()) });
  const tag = await ask(context.ui, { title, prompt: vscode.l10n.t('Image tag'), value: 'v1', validateInput: (value) => imageTagProblem(value.trim()) });
  const description = await ask(context.ui, { title, prompt: vscode.l10n.t('Description (optional)'), validateInput: imageDescriptionProblem });
  return { namespace: organization.label, name: name.trim(), tag: tag.trim(), description: description || undefined, workspace_id: workspaceId };
}
