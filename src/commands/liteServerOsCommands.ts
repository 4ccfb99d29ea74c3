import * as vscode from 'vscode';
import type { ServerLogin } from '../services/devServerOperations';
import type { DevServer, DevServerImage } from '../services/devServers';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { adminPasswordProblem } from '../services/naming';
import { devServerKind } from '../views/kinds/liteServerKinds';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { pickKeyPair } from './companionPickers';
import { confirmAction } from './confirm';
import { runServerBatch, selectedServers } from './liteServerSelection';
import { quotedNames } from './treeSelection';
import { withProgress } from './progress';
import { changeResourceState } from './resourceCommands';
import { requireServices, resolveTarget } from './resourceTarget';
import { ask, pick } from './userInput';

type OsAction = 'CHANGEOS' | 'REINSTALLOS';

/** Change OS (another image) and Reinstall OS (the same image): one server, or the tree's selection in one batch request. */
export function registerLiteServerOsCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.devServer.changeOs', (clicked, selected) => replaceOs(context, 'CHANGEOS', clicked, selected)),
    registerCommand(context, 'modelarts.devServer.reinstallOs', (clicked, selected) => replaceOs(context, 'REINSTALLOS', clicked, selected)),
  ];
}

async function replaceOs(context: CommandContext, action: OsAction, clicked: unknown, selected: unknown): Promise<void> {
  const selection = selectedServers(selected, 'canChangeOs');
  const target = selection.length > 1 ? undefined : await resolveTarget(context, devServerKind, clicked, withCapability(devServerKind, 'canChangeOs'));
  const region = target ? target.scope.region : selection[0].region;
  const servers = target ? [target.item] : selection.map((node) => node.resource);
  const names = quotedNames(servers.map((server) => server.name));

  const image = action === 'CHANGEOS' ? await pickImage(context, region, servers) : undefined;
  const login = await askLogin(context, region, servers, action === 'CHANGEOS');
  const confirmed =
    action === 'CHANGEOS'
      ? await confirmAction(
          context.ui,
          vscode.l10n.t('Change the OS of Lite Server {0} to {1}?', names, image?.name ?? ''),
          vscode.l10n.t('The system disk is replaced: everything on it is lost.'),
          vscode.l10n.t('Change OS'),
        )
      : await confirmAction(
          context.ui,
          vscode.l10n.t('Reinstall the OS of Lite Server {0}?', names),
          vscode.l10n.t('The system disk is rebuilt from its image: everything on it is lost.'),
          vscode.l10n.t('Reinstall OS'),
        );
  if (!confirmed) {
    return;
  }
  const title = action === 'CHANGEOS' ? vscode.l10n.t('Changing the OS of {0}…', names) : vscode.l10n.t('Reinstalling the OS of {0}…', names);
  const request = { ...(image ? { image_id: image.image_id } : {}), ...login };
  if (!target) {
    await runServerBatch(context, selection, action, title, Object.keys(request).length > 0 ? request : undefined);
    return;
  }
  await changeResourceState(context, target, title, (services, signal) =>
    image
      ? services.devServerOperations.changeOs(region, target.item.id, { ...login, image_id: image.image_id }, signal)
      : services.devServerOperations.reinstallOs(region, target.item.id, login, signal),
  );
}

/** The ACTIVE images of the servers' type and architecture (one batch request takes one image, so the servers must share them). */
async function pickImage(context: CommandContext, region: string, servers: readonly DevServer[]): Promise<DevServerImage> {
  const platforms = new Set(servers.map((server) => `${server.cloud_server?.type ?? ''}/${server.image?.arch ?? ''}`));
  if (platforms.size > 1) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Select Lite Servers of one type and architecture to change their OS together.'), 'config');
  }
  const [first] = servers;
  const flavors = new Set(servers.map((server) => server.flavor));
  const services = requireServices(context);
  const images = await withProgress(vscode.l10n.t('Loading the images for {0}…', quotedNames(servers.map((server) => server.name))), (signal) =>
    services.devServers.listImages(
      region,
      { serverType: first.cloud_server?.type, arch: first.image?.arch, flavorName: flavors.size === 1 ? first.flavor : undefined },
      signal,
    ),
  );
  const usable = images.filter((image) => image.status === undefined || image.status === 'ACTIVE');
  if (usable.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('No active image fits {0} servers.', [first.cloud_server?.type, first.image?.arch].filter(Boolean).join(' ')), 'config');
  }
  const current = new Set(servers.map((server) => server.image?.image_id));
  const picked = await pick(
    context.ui,
    usable.map((image) => ({
      label: image.name,
      description: [image.server_type, image.arch, current.has(image.image_id) ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · '),
      detail: image.image_id,
      image,
    })),
    { title: vscode.l10n.t('Image for the new OS'), matchOnDescription: true },
  );
  return picked.image;
}

/**
 * How the servers log in afterwards: their key pair kept (when they share one), another key pair,
 * or a password (not for HPS, which logs in with key pairs only). `required` because Change OS
 * needs one of them; Reinstall OS without one keeps each server's login (assumed, as the emulator).
 */
async function askLogin(context: CommandContext, region: string, servers: readonly DevServer[], required: boolean): Promise<ServerLogin> {
  const keyPairs = new Set(servers.map((server) => server.key_pair_name));
  const shared = keyPairs.size === 1 ? servers[0].key_pair_name : undefined;
  const choices: { label: string; description?: string; answer: 'keep' | 'keyPair' | 'password' | 'current' }[] = [];
  if (shared) {
    choices.push({ label: vscode.l10n.t('Keep key pair "{0}"', shared), answer: 'keep' });
  } else if (!required) {
    choices.push({ label: vscode.l10n.t('Keep the current login'), description: vscode.l10n.t('each server keeps its key pair or password'), answer: 'current' });
  }
  choices.push({ label: vscode.l10n.t('Use another key pair…'), answer: 'keyPair' });
  if (servers.every((server) => server.cloud_server?.type !== 'HPS')) {
    choices.push({ label: vscode.l10n.t('Set a password…'), answer: 'password' });
  }
  const names = quotedNames(servers.map((server) => server.name));
  const title = vscode.l10n.t('How to log in to {0} afterwards', names);
  const choice = await pick(context.ui, choices, { title });
  switch (choice.answer) {
    case 'keep':
      return { key_pair_name: shared };
    case 'current':
      return {};
    case 'keyPair':
      return { key_pair_name: (await pickKeyPair(context, region, { title: vscode.l10n.t('Key pair to log in to {0} with', names), forLogin: true })).name };
    case 'password':
      return { admin_pass: await askPassword(context, title) };
  }
}

/** Typed twice in password boxes; never shown, stored or logged: the redactor knows it before any request is sent. */
async function askPassword(context: CommandContext, title: string): Promise<string> {
  const password = await ask(context.ui, { title, prompt: vscode.l10n.t('Password of the root user'), password: true, ignoreFocusOut: true, validateInput: adminPasswordProblem });
  context.log.redactor.addPassword(password);
  await ask(context.ui, {
    title,
    prompt: vscode.l10n.t('The same password again'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (again) => (again === password ? undefined : vscode.l10n.t('The passwords differ.')),
  });
  return password;
}
