/** Registers the `obs://` file system (and its read-only `obs-current` view of what OBS holds now, for compares). */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { BucketRegions } from './bucketRegions';
import { ObsFileSystemProvider } from './obsFileSystemProvider';
import { OBS_CURRENT_SCHEME, OBS_SCHEME } from './obsUris';
import { SaveConflicts } from './saveConflict';

export function registerObsFileSystem(context: CommandContext): vscode.Disposable[] {
  const regions = new BucketRegions(context.session, context.accounts.loaded);
  const provider = new ObsFileSystemProvider(regions, new SaveConflicts(context));
  return [
    regions,
    provider,
    // Object keys are case-sensitive.
    vscode.workspace.registerFileSystemProvider(OBS_SCHEME, provider, { isCaseSensitive: true }),
    vscode.workspace.registerFileSystemProvider(OBS_CURRENT_SCHEME, provider, { isCaseSensitive: true, isReadonly: true }),
  ];
}
