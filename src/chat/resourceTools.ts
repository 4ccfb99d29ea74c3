import { consoleLink } from '../commands/consoleCommands';
import type { ModelArtsServices } from '../services';
import { collectFromCursor } from '../services/paging';
import { readableStatus } from '../views/format';
import type { ListScope, ResourceKind } from '../views/resourceKind';
import { ModelArtsTool } from './modelArtsTool';
import { LIST_PAGE_ROWS, listResult, resourceResult } from './toolResult';
import { describeScope, findByIdOrName, findResource, type ResourceRef, type ScopeInput, type ToolScope } from './toolScope';

/** A listing reads at most this many API pages per call when a status filter skips most items. */
const MAX_PAGES_PER_CALL = 10;

export interface ListInput extends ScopeInput {
  readonly status?: string;
  readonly cursor?: string;
}

export type GetInput = ScopeInput & ResourceRef;

/** A column of a list result beyond name, id, status, summary and what the resource can do. */
export interface ToolColumn<T> {
  readonly header: string;
  value(item: T): string | number | undefined;
}

/** "stop, delete": what the resource's state allows, from the kind's capabilities (canStop → stop). */
export function allowedActions<T>(kind: ResourceKind<T>, item: T): string {
  return kind
    .capabilities(item)
    .filter((capability) => capability.startsWith('can'))
    .map((capability) => capability.charAt(3).toLowerCase() + capability.slice(4))
    .join(', ');
}

/** `status` matches the status as the API spells it or as the tree words it (any case, any part), or its category (running, failed…). */
function hasStatus<T>(kind: ResourceKind<T>, status: string | undefined): (item: T) => boolean {
  if (status === undefined) {
    return () => true;
  }
  const wanted = status.toLowerCase();
  return (item) => [kind.status(item), readableStatus(kind.status(item))].some((text) => text.toLowerCase().includes(wanted)) || kind.category(item) === wanted;
}

/** A listing of one resource kind, a page of rows at a time, as the explorer lists it. */
export abstract class ListResourcesTool<T, Input extends ListInput = ListInput> extends ModelArtsTool<Input> {
  protected abstract readonly kind: ResourceKind<T>;
  protected readonly columns: readonly ToolColumn<T>[] = [];

  /** Where the kind is listed: the scope, or a resource of it (a pool, for its nodes). */
  protected listScope(_input: Input, scope: ToolScope, _services: ModelArtsServices, _signal: AbortSignal): Promise<ListScope> {
    return Promise.resolve(scope);
  }

  protected async run(input: Input, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const { kind } = this;
    const listScope = await this.listScope(input, scope, services, signal);
    const page = await collectFromCursor((token, pageSignal) => kind.listPage(services, listScope, token, pageSignal), {
      cursor: input.cursor,
      maxItems: LIST_PAGE_ROWS,
      maxPages: MAX_PAGES_PER_CALL,
      keep: hasStatus(kind, input.status),
    }, signal);
    page.items.forEach((item) => this.context.states.report(kind, scope.region, item));
    const where = `${describeScope(scope, this.perRegion)}${listScope.parentId ? `, under ${listScope.parentId}` : ''}`;
    const filtered = input.status ? ` with status "${input.status}"` : '';
    const count = page.total !== undefined ? `${page.items.length} of ${page.total}` : `${page.items.length}`;
    const heading = `${kind.groupLabel} in ${where}${filtered}: ${count}${input.cursor ? ' from the cursor' : ''} (as of ${new Date().toISOString()}).`;
    // Statuses in text read as the tree words them ("Running", "Create failed"), so the model repeats the user's words;
    // a resource's JSON (get and create results) keeps the API's spelling, which a model may send back as input.
    const headers = ['name', 'id', 'status', ...this.columns.map((column) => column.header), 'summary', 'can'];
    const rows = page.items.map((item) => [kind.name(item), kind.id(item), readableStatus(kind.status(item)), ...this.columns.map((column) => column.value(item)), kind.description(item), allowedActions(kind, item)]);
    const more = page.cursor ? `More may follow: call ${this.name} with the same input and cursor "${page.cursor}".` : undefined;
    return listResult(heading, headers, rows, more);
  }
}

/** One resource of a kind, read again by id (or found by name), with all its fields. */
export abstract class GetResourceTool<T, Input extends GetInput = GetInput> extends ModelArtsTool<Input> {
  protected abstract readonly kind: ResourceKind<T>;

  protected async run(input: Input, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const { kind } = this;
    const found = await findResource(services, kind, scope, input, signal);
    // A listed item may lack fields its own GET has (a service's address): read it again.
    const item = input.id === undefined ? await kind.fetch(services, scope, kind.id(found), signal) : found;
    this.context.states.report(kind, scope.region, item);
    const can = allowedActions(kind, item);
    const summary = `${kind.label} "${kind.name(item)}" (id ${kind.id(item)}) in ${describeScope(scope, this.perRegion)}: status ${readableStatus(kind.status(item)) || '—'}; can: ${can || 'nothing now'}.`;
    const inConsole = `Huawei Cloud console: ${consoleLink(this.context, { kind: kind.contextValue, region: scope.region, id: kind.id(item) })}`;
    return resourceResult(`${summary}\n${inConsole}`, item, this.redact);
  }
}

/** A listing of what belongs to another resource (a pool's nodes, a VPC's subnets), which the input names by id or name. */
export abstract class SubResourceListTool<P, T, Input extends ListInput> extends ListResourcesTool<T, Input> {
  protected abstract readonly parentKind: ResourceKind<P>;
  /** The input's id or name of the parent. */
  protected abstract parentOf(input: Input): string;

  protected override async listScope(input: Input, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<ListScope> {
    const parent = await findByIdOrName(services, this.parentKind, scope, this.parentOf(input), signal);
    return { ...scope, parentId: this.parentKind.id(parent) };
  }
}
