import { collectPages, markerPage, type Page, PICKER_LIMIT } from './paging';
import { expectArray, findListed } from './responses';
import type { SignedClient } from './signedClient';

/** A KPS SSH key pair (§8); KPS knows a key pair by its name. */
export interface KeyPair {
  readonly name: string;
  /** ssh or x509. */
  readonly type?: string;
  /** user: the signed-in user's; domain: the whole account's. */
  readonly scope?: string;
  readonly public_key?: string;
  readonly fingerprint?: string;
  /** Whether KPS keeps the private key. */
  readonly is_key_protection?: boolean;
  /** "0" when usable; else the sum of the freezes (`KEY_PAIR_FREEZES`), as text (the SDK's Keypair). */
  readonly frozen_state?: string;
}

/** Why a key pair is frozen: the SDK's enumeration of `frozen_state` is these flags added up (3 is ordinary and public security). */
export const KEY_PAIR_FREEZES = { ordinary: 1, publicSecurity: 2, violation: 4, unverifiedIdentity: 8 } as const;

/** The freezes of a key pair as a number, 0 when it is usable (or says nothing). */
export function keyPairFrozenState(keyPair: KeyPair): number {
  const state = Number(keyPair.frozen_state ?? 0);
  return Number.isInteger(state) && state >= 0 ? state : 0;
}

/** A frozen key pair cannot be used to log in to anything new. */
export function isUsableKeyPair(keyPair: KeyPair): boolean {
  return keyPairFrozenState(keyPair) === 0;
}

interface KeyPairList {
  readonly keypairs?: { readonly keypair: KeyPair }[];
  readonly page_info?: { readonly next_marker?: string };
}

export const KEY_PAIR_PAGE_SIZE = 50;

/** SSH key pairs of KPS, served by the KMS endpoint (§8), read-only. */
export class KeyPairService {
  constructor(private readonly client: SignedClient) {}

  async list(region: string, pageToken?: string, signal?: AbortSignal): Promise<Page<KeyPair>> {
    const response = await this.client.request<KeyPairList>({
      service: 'kms',
      region,
      method: 'GET',
      path: '/v3/{project_id}/keypairs',
      query: { limit: KEY_PAIR_PAGE_SIZE, marker: pageToken },
      signal,
    });
    const items = expectArray(response.keypairs, 'key pair list').map((entry) => entry.keypair);
    return markerPage(items, response.page_info?.next_marker);
  }

  /** Found in the list by name: the reference names no single-key-pair read. */
  async get(region: string, name: string, signal?: AbortSignal): Promise<KeyPair> {
    return findListed(await this.listAll(region, signal), (keyPair) => keyPair.name === name, `key pair ${name}`);
  }

  /** For pickers and dropdowns: up to PICKER_LIMIT key pairs. */
  listAll(region: string, signal?: AbortSignal): Promise<KeyPair[]> {
    return collectPages((token, pageSignal) => this.list(region, token, pageSignal), PICKER_LIMIT, signal);
  }
}
