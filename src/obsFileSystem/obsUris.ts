/**
 * `obs://<bucket>/<key>` as a VS Code URI: the scheme the OBS file system serves, the bucket as the
 * authority, `/` + the key as the path. A folder is its prefix without the trailing `/`.
 */
import * as vscode from 'vscode';

export const OBS_SCHEME = 'obs';

/** The URI of an object or folder (a folder's key may end with `/`; its URI does not). */
export function obsFileUri(bucket: string, key: string): vscode.Uri {
  const path = `/${key}`.replace(/\/+$/, '');
  return vscode.Uri.from({ scheme: OBS_SCHEME, authority: bucket, path: path || '/' });
}

/** The bucket and key a URI names: the key has no leading `/` and no trailing `/` (`''` for the bucket's root). */
export function obsPlaceOf(uri: vscode.Uri): { readonly bucket: string; readonly key: string } {
  return { bucket: uri.authority, key: uri.path.replace(/^\/+/, '').replace(/\/+$/, '') };
}

/** What OBS holds now, read-only: the left side of the compare a save conflict offers. */
export const OBS_CURRENT_SCHEME = 'obs-current';
