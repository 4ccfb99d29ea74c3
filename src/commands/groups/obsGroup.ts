import type * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';
import type { CommandParts } from '../lazyCommands';
import { registerObsCommands } from '../obsCommands';
import { registerObsFindCommands } from '../obsFindCommands';
import { registerObsTransferCommands } from '../obsTransferCommands';
import { registerObsWorkspaceCommands } from '../obsWorkspaceCommands';
import { registerRunCommands } from '../runOnModelArts/runCommands';

/** The OBS commands, and Run on ModelArts, which uploads a folder to OBS: loaded at the first call of any of them. */
export function registerObsGroup(context: CommandContext, parts: CommandParts): vscode.Disposable[] {
  return [
    ...registerObsCommands(context),
    ...registerObsTransferCommands(context),
    ...registerObsWorkspaceCommands(context),
    ...registerObsFindCommands(context),
    ...registerRunCommands(context, parts.globalStorageUri),
  ];
}
