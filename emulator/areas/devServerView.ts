/**
 * The §7.3 server and hyperinstance objects, derived from records at a given
 * time, and the `{current,data,pages,size,total}` paging (§11.3) of the
 * Lite Server lists.
 */
import { queryInt } from '../http';
import type { ProjectState } from '../state';
import { oneOf } from '../validate';
import { devServerImage, imageView } from './devServerCatalog';
import { type DevServerRecord, type HyperinstanceRecord, liveHyperinstance, memberServers, updatedAt } from './devServerModel';

export interface OffsetPage<T> {
  readonly current: number;
  readonly data: T[];
  readonly pages: number;
  readonly size: number;
  readonly total: number;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1024;

/**
 * One page by record `offset` + `limit` (default 10, at most 1024). `limitMin` is 0 for the
 * server lists (where, as for pool lists, 0 means the default: uncertain) and 1 for the rest.
 * (uncertain) `current` is the 1-based page of `offset`: the SDK documents its range as 1 - 2097152.
 */
export function offsetPage<R, T>(records: readonly R[], query: URLSearchParams, view: (record: R) => T, limitMin: 0 | 1 = 1): OffsetPage<T> {
  const offset = queryInt(query, 'offset', 0, 0, 2_147_483_647);
  const limit = queryInt(query, 'limit', DEFAULT_LIMIT, limitMin, MAX_LIMIT) || DEFAULT_LIMIT;
  return {
    current: Math.floor(offset / limit) + 1,
    data: records.slice(offset, offset + limit).map(view),
    pages: Math.ceil(records.length / limit),
    size: limit,
    total: records.length,
  };
}

/** An unpaged list (flavors, images, all users' servers, jobs and job templates) in the same envelope. */
export function wholePage<T>(items: T[]): OffsetPage<T> {
  return { current: 1, data: items, pages: items.length > 0 ? 1 : 0, size: items.length, total: items.length };
}

/**
 * Sorts by `sort_key` (createTime | updateTime, default createTime) and `sort_dir` (ASC | DESC, default ASC).
 * Ties (e.g. the servers of one `count` create) keep creation order.
 */
export function sortByTime<R extends { readonly createAt: number }>(records: R[], query: URLSearchParams, updated: (record: R) => number): R[] {
  const key = oneOf(query.get('sort_key') ?? 'createTime', ['createTime', 'updateTime'], 'sort_key');
  const direction = oneOf((query.get('sort_dir') ?? 'ASC').toUpperCase(), ['ASC', 'DESC'], 'sort_dir') === 'ASC' ? 1 : -1;
  const value = key === 'createTime' ? (record: R) => record.createAt : updated;
  return records.sort((a, b) => (value(a) - value(b)) * direction);
}

export function serverView(server: DevServerRecord, project: ProjectState, now: number): Record<string, unknown> {
  const found = devServerImage(server.imageId);
  const hyper = server.hyperinstanceId === undefined ? undefined : liveHyperinstance(project, server.hyperinstanceId, now);
  const keyPairs = server.keyPairName ? [server.keyPairName] : [];
  return {
    id: server.id,
    name: server.name,
    status: server.timeline.status(now),
    flavor: server.flavor,
    charging_mode: server.chargingMode,
    category: server.hyperinstanceId === undefined ? 'SERVER' : 'HPS',
    vpc_id: server.vpcId,
    subnet_id: server.subnetId,
    ...(server.keyPairName ? { key_pair_name: server.keyPairName } : {}),
    ...(server.orderId ? { order_id: server.orderId } : {}),
    image: found ? imageView(found) : { image_id: server.imageId },
    cloud_server: {
      id: server.cloudServerId,
      type: server.serverType,
      ...(hyper ? { hps_id: hyper.hpsId, hps_ecs_id: server.cloudServerId } : {}),
    },
    // Illustrative contents: the SDK documents the fields (private address, SSH key pairs), not values.
    endpoints_response: [{ dev_service: 'SSH', ssh_keys: keyPairs, extensions: {} }],
    endpoints: [{ dev_service: 'SSH', service: 'SSH', uri: server.privateIp, key_pair_names: keyPairs }],
    volumes: server.volumes.map((volume) => ({ size: volume.size, type: volume.type, evs_type: volume.evsType, evs_id: volume.evsId })),
    ...(hyper ? { server_hps: { id: hyper.id, name: hyper.name } } : {}),
    create_at: server.createAt,
    update_at: updatedAt(server, now),
  };
}

export function hyperinstanceView(hyper: HyperinstanceRecord, project: ProjectState, now: number): Record<string, unknown> {
  return {
    id: hyper.id,
    name: hyper.name,
    hps_id: hyper.hpsId,
    ...(hyper.hpsClusterId ? { hps_cluster_id: hyper.hpsClusterId } : {}),
    ...(hyper.orderId ? { order_id: hyper.orderId } : {}),
    status: hyper.timeline.status(now),
    servers: memberServers(project, hyper, now).map((server) => serverView(server, project, now)),
    create_at: hyper.createAt,
    update_at: updatedAt(hyper, now),
  };
}
