import type { DevServerJob } from '../../services/devServerJobs';
import { devServerJobKind } from '../../views/kinds/liteServerJobKind';
import { ListResourcesTool } from '../resourceTools';

export class ListLiteServerJobsTool extends ListResourcesTool<DevServerJob> {
  readonly name = 'modelarts_list_lite_server_jobs';
  protected readonly kind = devServerJobKind;
  protected override readonly perRegion = true;
}
