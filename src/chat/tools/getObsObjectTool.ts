import type { ModelArtsServices } from '../../services';
import { obsUri } from '../../services/obs';
import { ModelArtsTool } from '../modelArtsTool';
import type { ScopeInput, ToolScope } from '../toolScope';

interface GetObsObjectInput extends ScopeInput {
  readonly bucket: string;
  readonly key: string;
}

/** Larger objects are described, not read: a model's context is no place for a dataset. */
const MAX_READ_BYTES = 64 * 1024;

export class GetObsObjectTool extends ModelArtsTool<GetObsObjectInput> {
  readonly name = 'modelarts_get_obs_object';
  protected override readonly perRegion = true;

  protected async run(input: GetObsObjectInput, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const uri = obsUri(input.bucket, input.key);
    const head = await services.obs.headObject(scope.region, input.bucket, input.key, signal);
    const summary = `${uri} (${scope.region}): ${head.size} bytes, type ${head.contentType ?? 'unknown'}, modified ${head.lastModified ?? 'unknown'}, ETag ${head.etag ?? 'unknown'}.`;
    if (head.size > MAX_READ_BYTES) {
      return `${summary} Its content is not shown: only objects up to ${MAX_READ_BYTES} bytes are read.`;
    }
    const text = await services.obs.readWhole(scope.region, input.bucket, input.key, signal);
    // Binary content decodes with NULs or replacement characters; it means nothing to a model.
    if (/[\u0000\uFFFD]/.test(text)) {
      return `${summary} Its content is binary, not shown.`;
    }
    return `${summary}\n\n\`\`\`text\n${text}\n\`\`\``;
  }
}
