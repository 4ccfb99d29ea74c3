/**
 * KPS key pairs (§8; served on the KMS host), read-only: `GET
 * /v3/{project_id}/keypairs?limit&marker` → `{keypairs: [{keypair}], page_info:
 * {next_marker, previous_marker, current_count}}`. The marker is a key pair
 * name; `next_marker` is only sent when more follow (assumed). `limit` is 1–1000
 * (assumed; the reference gives only the default, 50). Errors are illustrative:
 * 400 `KPS.0005` for a bad `limit` or an unknown `marker`.
 *
 * Seed: the key pairs the demo notebooks and Lite Servers name — `KeyPair-demo`
 * in every seeded region; in cn-north-4 also `KeyPair-ops` (account-wide, used
 * by ops-admin's server), `KeyPair-ci-runner` (private key kept by KPS) and
 * `KeyPair-old-laptop` (frozen: `frozen_state` "1", an ordinary freeze in the
 * SDK's enumeration, where "0" is a usable key pair; the SDK types it a string).
 */
import { type ApiRequest, type ApiResponse, type Handler, modelArtsError, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { sha256Hex } from './devServerModel';
import { markerPage, type MarkerRules } from './markerPaging';

export interface KeyPairRecord {
  readonly name: string;
  readonly scope: 'user' | 'domain';
  readonly keptByKps: boolean;
  /** The SDK's enumeration: 0 normal; otherwise the sum of 1 ordinary, 2 public security, 4 violation, 8 unverified identity freezes. */
  readonly frozenState: number;
}

const PAGING: MarkerRules = { defaultLimit: 50, maxLimit: 1000, invalid: (message) => modelArtsError(400, 'KPS.0005', message) };

const SEED: Readonly<Record<string, readonly KeyPairRecord[]>> = {
  'cn-north-4': [
    { name: 'KeyPair-demo', scope: 'user', keptByKps: false, frozenState: 0 },
    { name: 'KeyPair-ops', scope: 'domain', keptByKps: false, frozenState: 0 },
    { name: 'KeyPair-ci-runner', scope: 'user', keptByKps: true, frozenState: 0 },
    { name: 'KeyPair-old-laptop', scope: 'user', keptByKps: false, frozenState: 1 },
  ],
  'cn-east-3': [{ name: 'KeyPair-demo', scope: 'user', keptByKps: false, frozenState: 0 }],
  'ap-southeast-3': [{ name: 'KeyPair-demo', scope: 'user', keptByKps: false, frozenState: 0 }],
};

export function seedKeyPairs(project: ProjectState): void {
  project.companion.keyPairs.push(...(SEED[project.region] ?? []));
}

export function registerKps(router: Router<Handler>): void {
  router.add('GET', '/v3/{project_id}/keypairs', listKeyPairs);
}

function listKeyPairs(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const page = markerPage(project.companion.keyPairs, (keyPair) => keyPair.name, request.query, PAGING);
  const names = page.items.map((keyPair) => keyPair.name);
  return ok({
    keypairs: page.items.map((keyPair) => ({ keypair: keyPairView(keyPair, project) })),
    page_info: {
      ...(page.more ? { next_marker: names[names.length - 1] } : {}),
      ...(request.query.get('marker') ? { previous_marker: request.query.get('marker') } : {}),
      current_count: page.items.length,
    },
  });
}

/** Illustrative key material derived from the name: stable, and unmistakably not a real key. */
function keyPairView(keyPair: KeyPairRecord, project: ProjectState): Record<string, unknown> {
  const digest = sha256Hex(`keypair:${project.id}:${keyPair.name}`);
  return {
    name: keyPair.name,
    type: 'ssh',
    scope: keyPair.scope,
    public_key: `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${Buffer.from(digest, 'hex').toString('base64')} ${keyPair.name}`,
    fingerprint: digest.slice(0, 32).replace(/(..)(?!$)/g, '$1:'),
    is_key_protection: keyPair.keptByKps,
    frozen_state: String(keyPair.frozenState),
  };
}
