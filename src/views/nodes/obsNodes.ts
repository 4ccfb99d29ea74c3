import * as vscode from 'vscode';
import type { ModelArtsServices } from '../../services';
import type { Page } from '../../services/paging';
import { asModelArtsError, type ModelArtsError } from '../../services/errors';
import { baseName, type ObsBucket, type ObsEntry, type ObsObject, obsUri } from '../../services/obs';
import { fieldTooltip, formatAge, formatSize, formatTimestamp, joinParts, parseTimestamp } from '../format';
import type { ExplorerNode } from './explorerNode';
import { ErrorNode, PlaceholderNode } from './messageNodes';
import { PagedListNode } from './pagedChildren';

/** The "OBS Buckets" category of a region: the account's buckets in that region. */
export class ObsBucketGroupNode implements ExplorerNode {
  private buckets: ObsBucketNode[] | undefined;
  private failure: ModelArtsError | undefined;

  constructor(
    readonly parent: ExplorerNode,
    readonly services: ModelArtsServices,
    readonly region: string,
  ) {}

  get id(): string {
    return `${this.parent.id}/obsBuckets`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('OBS Buckets'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('database');
    item.contextValue = 'group obsBucketGroup refreshable';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.buckets && !this.failure) {
      try {
        this.buckets = (await this.services.obs.listBuckets(this.region)).map((bucket) => new ObsBucketNode(this, bucket));
      } catch (error) {
        this.failure = asModelArtsError(error);
      }
    }
    if (this.failure) {
      return [new ErrorNode(this, this.failure, vscode.l10n.t('buckets'))];
    }
    const buckets = this.buckets ?? [];
    return buckets.length > 0 ? buckets : [new PlaceholderNode(this, vscode.l10n.t('No buckets in this region'))];
  }

  loadedChildren(): readonly ExplorerNode[] {
    return this.buckets ?? [];
  }

  removeBucket(node: ObsBucketNode): void {
    this.buckets = this.buckets?.filter((bucket) => bucket !== node);
  }

  reset(): void {
    this.buckets = undefined;
    this.failure = undefined;
  }
}

/**
 * What is under one prefix of a bucket (the bucket's top, or a folder): folders, then objects, a page
 * at a time, optionally narrowed to names starting with a filter.
 */
export abstract class ObsListingNode extends PagedListNode<ObsEntry, ObsFolderNode | ObsObjectNode> {
  abstract readonly role: 'obsBucket' | 'obsFolder';

  constructor(
    readonly parent: ExplorerNode,
    readonly services: ModelArtsServices,
    readonly region: string,
    readonly bucket: string,
    /** Empty for the bucket's top; `folder/` otherwise. */
    readonly prefix: string,
  ) {
    super();
  }

  /** The id of the bucket's node, which the ids of everything in it extend by their key. */
  abstract get bucketNodeId(): string;

  /** `obs://bucket/prefix`. */
  get uri(): string {
    return obsUri(this.bucket, this.prefix);
  }

  getChildren(): Promise<ExplorerNode[]> {
    const empty = this.filter === undefined ? vscode.l10n.t('No objects') : vscode.l10n.t('No names start with "{0}"', this.filter);
    return this.listing.nodes(vscode.l10n.t('objects'), empty);
  }

  fetchPage(pageToken: string | undefined): Promise<Page<ObsEntry>> {
    return this.services.obs.listEntries(this.region, this.bucket, { prefix: this.prefix + (this.filter ?? '') }, pageToken);
  }

  idOf(entry: ObsEntry): string {
    return entry.key;
  }

  nodeFor(entry: ObsEntry): ObsFolderNode | ObsObjectNode {
    return entry.kind === 'folder' ? new ObsFolderNode(this, entry.key) : new ObsObjectNode(this, entry);
  }

  /** The description shared by buckets and folders: the active filter. */
  protected filterDescription(): string | undefined {
    return this.filter === undefined ? undefined : vscode.l10n.t('only {0}…', this.filter);
  }

  /** The contextValue of a bucket or folder: `obsFiltered` offers Clear Filter while a filter narrows it. */
  protected containerContext(kind: 'obsBucket' | 'obsFolder'): string {
    return `${kind} obsContainer refreshable${this.filter === undefined ? '' : ' obsFiltered'}`;
  }

  /** The tooltip line that says the listing is narrowed, and how to see all again. */
  protected filterTooltip(): string | undefined {
    return this.filter === undefined ? undefined : vscode.l10n.t('Only names starting with "{0}"; Clear Filter shows all.', this.filter);
  }
}

/** "3 d ago · cn-north-4": when a bucket was created, and where it is (its row and the bucket pickers). */
export function bucketDescription(bucket: ObsBucket): string {
  return joinParts(formatAge(parseTimestamp(bucket.created)), bucket.location);
}

export class ObsBucketNode extends ObsListingNode {
  readonly role = 'obsBucket';

  constructor(
    override readonly parent: ObsBucketGroupNode,
    readonly info: ObsBucket,
  ) {
    super(parent, parent.services, parent.region, info.name, '');
  }

  get id(): string {
    return `${this.parent.id}/${this.bucket}`;
  }

  get bucketNodeId(): string {
    return this.id;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.bucket, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('archive');
    item.description = joinParts(this.filterDescription(), bucketDescription(this.info));
    item.contextValue = this.containerContext('obsBucket');
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    item.tooltip = fieldTooltip(this.bucket, [
      [vscode.l10n.t('URI'), this.uri],
      [vscode.l10n.t('Region'), this.info.location],
      [vscode.l10n.t('Created'), this.info.created && formatTimestamp(parseTimestamp(this.info.created))],
      [vscode.l10n.t('Filter'), this.filterTooltip()],
    ]);
    return Promise.resolve(item);
  }
}

export class ObsFolderNode extends ObsListingNode {
  readonly role = 'obsFolder';

  constructor(
    override readonly parent: ObsListingNode,
    prefix: string,
  ) {
    super(parent, parent.services, parent.region, parent.bucket, prefix);
  }

  get id(): string {
    return `${this.bucketNodeId}/${this.prefix}`;
  }

  get bucketNodeId(): string {
    return this.parent.bucketNodeId;
  }

  get name(): string {
    return baseName(this.prefix);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = vscode.ThemeIcon.Folder;
    item.resourceUri = vscode.Uri.from({ scheme: 'obs', authority: this.bucket, path: `/${this.prefix}` });
    item.description = this.filterDescription();
    item.contextValue = this.containerContext('obsFolder');
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    item.tooltip = fieldTooltip(this.name, [
      [vscode.l10n.t('URI'), this.uri],
      [vscode.l10n.t('Filter'), this.filterTooltip()],
    ]);
    return Promise.resolve(item);
  }
}

/** One object: its size and age; a click opens it. Its tooltip, like a bucket's and a folder's, is built on hover (resolveTreeItem). */
export class ObsObjectNode implements ExplorerNode {
  readonly role = 'obsObject';

  constructor(
    readonly parent: ObsListingNode,
    readonly object: ObsObject,
  ) {}

  get id(): string {
    return `${this.parent.bucketNodeId}/${this.key}`;
  }

  get region(): string {
    return this.parent.region;
  }

  get bucket(): string {
    return this.parent.bucket;
  }

  get key(): string {
    return this.object.key;
  }

  get uri(): string {
    return obsUri(this.bucket, this.key);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(baseName(this.key));
    item.id = this.id;
    item.iconPath = vscode.ThemeIcon.File;
    item.resourceUri = vscode.Uri.from({ scheme: 'obs', authority: this.bucket, path: `/${this.key}` });
    item.description = joinParts(formatSize(this.object.size), formatAge(parseTimestamp(this.object.lastModified)));
    item.contextValue = 'obsObject';
    // A click opens any object in VS Code's editor for its kind (a large one is offered for download instead).
    item.command = { command: 'modelarts.obs.open', title: vscode.l10n.t('Open'), arguments: [this] };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    item.tooltip = fieldTooltip(baseName(this.key), [
      [vscode.l10n.t('URI'), this.uri],
      [vscode.l10n.t('Size'), formatSize(this.object.size)],
      [vscode.l10n.t('Modified'), this.object.lastModified],
      [vscode.l10n.t('Storage class'), this.object.storageClass],
    ]);
    return Promise.resolve(item);
  }
}

/** What can be dragged between OBS folders in the explorer. */
export type DraggedObs = ObsFolderNode | ObsObjectNode;
