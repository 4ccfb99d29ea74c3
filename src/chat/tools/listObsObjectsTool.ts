import type { ModelArtsServices } from '../../services';
import { type ObsEntry, obsUri } from '../../services/obs';
import { collectFromCursor } from '../../services/paging';
import { ModelArtsTool } from '../modelArtsTool';
import { LIST_PAGE_ROWS, listResult } from '../toolResult';
import type { ScopeInput, ToolScope } from '../toolScope';

interface ListObsObjectsInput extends ScopeInput {
  readonly bucket: string;
  readonly prefix?: string;
  readonly recursive?: boolean;
  readonly cursor?: string;
}

/** OBS pages hold up to 100 entries; a call reads a few of them at most. */
const MAX_PAGES_PER_CALL = 3;

export class ListObsObjectsTool extends ModelArtsTool<ListObsObjectsInput> {
  readonly name = 'modelarts_list_obs_objects';
  protected override readonly perRegion = true;

  protected async run(input: ListObsObjectsInput, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const prefix = input.prefix ?? '';
    const options = { prefix, recursive: input.recursive };
    const page = await collectFromCursor<ObsEntry>((token, pageSignal) => services.obs.listEntries(scope.region, input.bucket, options, token, pageSignal), {
      cursor: input.cursor,
      maxItems: LIST_PAGE_ROWS,
      maxPages: MAX_PAGES_PER_CALL,
      keep: () => true,
    }, signal);
    const what = input.recursive ? 'Every object under' : 'Folders and objects in';
    const heading = `${what} ${obsUri(input.bucket, prefix)} (${scope.region}): ${page.items.length}${input.cursor ? ' from the cursor' : ''}.`;
    const rows = page.items.map((entry) =>
      entry.kind === 'folder' ? ['folder', obsUri(input.bucket, entry.key), undefined, undefined, undefined] : ['object', obsUri(input.bucket, entry.key), entry.size, entry.lastModified, entry.storageClass],
    );
    const more = page.cursor ? `More follow: call ${this.name} with the same input and cursor "${page.cursor}".` : undefined;
    return listResult(heading, ['kind', 'uri', 'bytes', 'modified', 'storage class'], rows, more);
  }
}
