import type { ScheduledEvent } from '../../services/management';
import { scheduledEventKind } from '../../views/kinds/scheduledEventKind';
import { ListResourcesTool } from '../resourceTools';

export class ListScheduledEventsTool extends ListResourcesTool<ScheduledEvent> {
  readonly name = 'modelarts_list_scheduled_events';
  protected readonly kind = scheduledEventKind;
  protected override readonly perRegion = true;
}
