/**
 * Images saved from running notebooks (`POST …/notebooks/{id}/create-image`, §1.1): the account's
 * DEDICATED images (§1.5), listed with `GET /v1/{p}/images?type=DEDICATED` and usable to create a
 * notebook once ACTIVE. Built-in images live in `../catalog.ts`.
 */
import { NOTEBOOK_IMAGES, notebookImageView } from '../catalog';
import type { Timeline } from '../clock';
import type { ProjectState } from '../state';

/** §1.5 image statuses; a save is CREATING, then ACTIVE or CREATE_FAILED. */
export type ImageStatus = 'INIT' | 'CREATING' | 'CREATE_FAILED' | 'ERROR' | 'DELETED' | 'ACTIVE';

export interface SavedImageRecord {
  readonly id: string;
  readonly name: string;
  readonly tag: string;
  /** The SWR organization the image is pushed to. */
  readonly namespace: string;
  readonly description: string;
  readonly workspaceId: string;
  readonly arch: 'X86_64' | 'AARCH64';
  readonly categories: readonly ('CPU' | 'GPU' | 'ASCEND')[];
  /** KB. */
  readonly size: number;
  readonly createAt: number;
  /** `status_message` once the save has failed. */
  readonly failReason?: string;
  readonly timeline: Timeline<ImageStatus>;
}

/** The §1.5 image object of a saved image at `now`. */
export function savedImageView(image: SavedImageRecord, region: string, now: number): Record<string, unknown> {
  const current = image.timeline.current(now);
  return {
    id: image.id,
    name: image.name,
    tag: image.tag,
    swr_path: `swr.${region}.myhuaweicloud.com/${image.namespace}/${image.name}:${image.tag}`,
    namespace: image.namespace,
    type: 'DEDICATED',
    origin: 'IMAGE_SAVE',
    arch: image.arch,
    dev_services: ['NOTEBOOK', 'SSH'],
    resource_categories: image.categories,
    // (uncertain) The reference's example answers TRAIN for a saved image; DEV is what it is made for.
    service_type: 'DEV',
    status: current.status,
    status_message: current.status === 'CREATE_FAILED' ? (image.failReason ?? '') : '',
    size: image.size,
    visibility: 'PRIVATE',
    workspace_id: image.workspaceId,
    create_at: image.createAt,
    update_at: Math.max(image.createAt, current.at),
    description: image.description,
    tags: [],
  };
}

/** What a notebook's image is made of: where it runs and how it is shown in the notebook object. */
export interface ImageSummary {
  readonly arch: 'X86_64' | 'AARCH64';
  readonly categories: readonly string[];
  readonly size: number;
  /** The `image` of the notebook object (§1.4). */
  readonly view: Record<string, unknown>;
}

const NOTEBOOK_IMAGE_FIELDS = ['id', 'name', 'swr_path', 'tag', 'type', 'arch'];

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}

/** A built-in image, or one saved in this project (whatever its status), by id. */
export function imageSummary(project: ProjectState, id: string, now: number, publishedAt: number): ImageSummary | undefined {
  const builtIn = NOTEBOOK_IMAGES.find((image) => image.id === id);
  if (builtIn) {
    return { arch: builtIn.arch, categories: builtIn.categories, size: builtIn.size, view: pick(notebookImageView(builtIn, project.region, publishedAt), NOTEBOOK_IMAGE_FIELDS) };
  }
  const saved = project.notebookImages.get(id);
  return saved && { arch: saved.arch, categories: saved.categories, size: saved.size, view: pick(savedImageView(saved, project.region, now), NOTEBOOK_IMAGE_FIELDS) };
}

/** Whether a notebook can be created from (or switched to) the image: built in, or saved and ACTIVE. */
export function isUsableImage(project: ProjectState, id: string, now: number): boolean {
  const saved = project.notebookImages.get(id);
  return NOTEBOOK_IMAGES.some((image) => image.id === id) || saved?.timeline.status(now) === 'ACTIVE';
}
