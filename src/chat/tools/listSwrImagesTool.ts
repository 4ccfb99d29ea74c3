import type { SwrRepository } from '../../services/swr';
import { swrRepositoryKind } from '../../views/kinds/swrKinds';
import type { ListScope } from '../../views/resourceKind';
import { type ListInput, ListResourcesTool, type ToolColumn } from '../resourceTools';
import type { ToolScope } from '../toolScope';

const NEWEST_TAGS = 5;

interface ListSwrImagesInput extends ListInput {
  readonly namespace?: string;
}

export class ListSwrImagesTool extends ListResourcesTool<SwrRepository, ListSwrImagesInput> {
  readonly name = 'modelarts_list_swr_images';
  protected readonly kind = swrRepositoryKind;
  protected override readonly perRegion = true;
  protected override readonly columns: readonly ToolColumn<SwrRepository>[] = [
    { header: 'image path', value: (repository) => repository.path },
    // A repository may have hundreds of tags; the newest few tell what to use.
    { header: 'newest tags', value: (repository) => repository.tags?.slice(0, NEWEST_TAGS).join(', ') },
  ];

  /** The explorer's namespace filter, as an input. */
  protected override listScope(input: ListSwrImagesInput, scope: ToolScope): Promise<ListScope> {
    return Promise.resolve({ ...scope, filter: input.namespace });
  }
}
