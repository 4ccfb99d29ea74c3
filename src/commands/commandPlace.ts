import * as vscode from 'vscode';
import type { WorkspaceScope } from '../services/workspaces';
import { type ExplorerNode, isRegionNode, isWorkspaceNode } from '../views/nodes/explorerNode';
import type { CommandContext } from './commandContext';

/** Where a command works: a region, and a workspace in it when one is known. */
export interface Place {
  readonly region: string;
  readonly workspaceId?: string;
}

/**
 * The place each activation's commands worked in last, keyed by its session manager (one per activation),
 * so that a palette command with nothing selected in the explorer offers it first.
 */
const lastPlaces = new WeakMap<object, Place>();
const placeRemembered = new vscode.EventEmitter<void>();
/** Fires when a command notes where it works, e.g. for the status bar to show the region commands start from. */
export const onDidRememberPlace = placeRemembered.event;

/** The region and workspace of the explorer's selection: the selected node's or its ancestors'; none when nothing is selected. */
export function selectedPlace(context: CommandContext): Place | undefined {
  for (let node: ExplorerNode | undefined = context.treeView.selection[0]; node; node = node.parent) {
    if (isWorkspaceNode(node)) {
      return known(context, node.scope);
    }
    if (isRegionNode(node)) {
      return known(context, { region: node.region });
    }
  }
  return undefined;
}

/** Where the last command worked, if its region is still shown. */
export function lastPlace(context: CommandContext): Place | undefined {
  const place = lastPlaces.get(context.session);
  return place && known(context, place);
}

/** Notes where a command works; a region alone keeps the workspace remembered in it. */
export function rememberPlace(context: CommandContext, place: Place | WorkspaceScope): void {
  const last = lastPlaces.get(context.session);
  lastPlaces.set(context.session, place.workspaceId === undefined && last?.region === place.region ? last : { region: place.region, workspaceId: place.workspaceId });
  placeRemembered.fire();
}

/** A place in a region the explorer shows (a selection left over from another sign-in is none). */
function known(context: CommandContext, place: Place): Place | undefined {
  return context.session.regions.includes(place.region) ? place : undefined;
}

/** The region commands start from: the explorer's selection, else where the last command worked, else the profile's own. */
export function currentRegion(context: CommandContext): string | undefined {
  return selectedPlace(context)?.region ?? lastPlace(context)?.region ?? context.accounts.activeProfile?.homeRegion;
}
