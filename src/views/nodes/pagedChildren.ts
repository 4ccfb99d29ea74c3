import type * as vscode from 'vscode';
import { asModelArtsError, type ModelArtsError } from '../../services/errors';
import type { Page } from '../../services/paging';
import type { ExplorerNode } from './explorerNode';
import { ErrorNode, LoadMoreNode, type PagedNode, PlaceholderNode } from './messageNodes';

/** Where the pages come from and what node shows each item (methods, so a listing of a subtype is one of its base type). */
export interface PageSource<T, C> {
  fetchPage(pageToken: string | undefined): Promise<Page<T>>;
  idOf(item: T): string;
  nodeFor(item: T): C;
}

/**
 * The children a node lists a page at a time, whatever they are (resources, folders and objects): one
 * request at a time, "Load more…" while there is a next page, a failed load shown as a node that retries,
 * a placeholder when there is nothing.
 */
export class PagedChildren<T, C extends ExplorerNode> {
  private children: C[] = [];
  private readonly shownIds = new Set<string>();
  private nextPageToken: string | undefined;
  private loaded = false;
  private failure: { readonly error: ModelArtsError; readonly duringLoadMore: boolean } | undefined;
  private loading: Promise<void> | undefined;
  /** Moves on at each reset: a page that was being read before it is dropped, never shown as the fresh list. */
  private generation = 0;

  constructor(
    private readonly owner: PagedNode,
    private readonly source: PageSource<T, C>,
  ) {}

  /** The children loaded so far, without loading anything. */
  get loadedNodes(): readonly C[] {
    return this.children;
  }

  /** The children (the first page is loaded when none is), then "Load more…", the failure, or `emptyLabel`. */
  async nodes(what: string, emptyLabel: string): Promise<ExplorerNode[]> {
    // A reset while a page was being read starts a fresh read, which this waits for too.
    while (!this.loaded) {
      await this.load(undefined);
    }
    const nodes: ExplorerNode[] = [...this.children];
    if (this.failure) {
      nodes.push(new ErrorNode(this.owner, this.failure.error, what));
    } else if (this.nextPageToken !== undefined) {
      nodes.push(new LoadMoreNode(this.owner));
    } else if (nodes.length === 0) {
      nodes.push(new PlaceholderNode(this.owner, emptyLabel));
    }
    return nodes;
  }

  loadMore(): Promise<void> {
    return this.load(this.nextPageToken);
  }

  /** After a failure: a failed "load more" is tried again, a failed first load starts over. */
  retry(): Promise<void> {
    if (this.failure?.duringLoadMore) {
      return this.loadMore();
    }
    this.reset();
    return Promise.resolve();
  }

  reset(): void {
    this.children = [];
    this.shownIds.clear();
    this.nextPageToken = undefined;
    this.loaded = false;
    this.failure = undefined;
    this.loading = undefined;
    this.generation += 1;
  }

  remove(child: C): void {
    this.children = this.children.filter((node) => node !== child);
  }

  private load(pageToken: string | undefined): Promise<void> {
    // One request at a time: VS Code may ask for children again while a page is loading.
    if (!this.loading) {
      const loading = this.fetch(pageToken).finally(() => {
        if (this.loading === loading) {
          this.loading = undefined;
        }
      });
      this.loading = loading;
    }
    return this.loading;
  }

  private async fetch(pageToken: string | undefined): Promise<void> {
    const generation = this.generation;
    try {
      const page = await this.source.fetchPage(pageToken);
      if (generation !== this.generation) {
        return;
      }
      // An item created between two pages shifts the offsets: skip what is already shown.
      const fresh = page.items.filter((item) => !this.shownIds.has(this.source.idOf(item)));
      fresh.forEach((item) => this.shownIds.add(this.source.idOf(item)));
      this.children.push(...fresh.map((item) => this.source.nodeFor(item)));
      this.nextPageToken = page.nextPageToken;
      this.failure = undefined;
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      this.failure = { error: asModelArtsError(error), duringLoadMore: pageToken !== undefined };
    }
    this.loaded = true;
  }
}

/**
 * A node whose children are listed a page at a time and can be narrowed by a filter (a category of
 * resources, a bucket or folder). Subclasses say where pages come from and what node shows an item.
 */
export abstract class PagedListNode<T, C extends ExplorerNode> implements PagedNode, PageSource<T, C> {
  abstract readonly id: string;
  abstract readonly parent: ExplorerNode | undefined;
  protected readonly listing: PagedChildren<T, C> = new PagedChildren<T, C>(this, this);
  private activeFilter: string | undefined;

  abstract getTreeItem(): vscode.TreeItem;
  abstract getChildren(): Promise<ExplorerNode[]>;
  abstract fetchPage(pageToken: string | undefined): Promise<Page<T>>;
  abstract idOf(item: T): string;
  abstract nodeFor(item: T): C;

  /** What the listing is narrowed to; undefined lists everything. */
  get filter(): string | undefined {
    return this.activeFilter;
  }

  setFilter(filter: string | undefined): void {
    this.activeFilter = filter || undefined;
    this.reset();
  }

  loadedChildren(): readonly ExplorerNode[] {
    return this.listing.loadedNodes;
  }

  loadMore(): Promise<void> {
    return this.listing.loadMore();
  }

  retry(): Promise<void> {
    return this.listing.retry();
  }

  reset(): void {
    this.listing.reset();
  }
}
