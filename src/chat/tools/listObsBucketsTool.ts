import type { ModelArtsServices } from '../../services';
import { obsUri } from '../../services/obs';
import { ModelArtsTool } from '../modelArtsTool';
import { listResult } from '../toolResult';
import type { ScopeInput, ToolScope } from '../toolScope';

export class ListObsBucketsTool extends ModelArtsTool<ScopeInput> {
  readonly name = 'modelarts_list_obs_buckets';
  protected override readonly perRegion = true;

  protected async run(_input: ScopeInput, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const buckets = await services.obs.listBuckets(scope.region, signal);
    const heading = `OBS buckets in ${scope.region}: ${buckets.length} (as of ${new Date().toISOString()}).`;
    return listResult(heading, ['name', 'uri', 'created'], buckets.map((bucket) => [bucket.name, obsUri(bucket.name), bucket.created]));
  }
}
