/**
 * Which region each bucket is in, for the OBS file system: a URI names only the bucket. ListBuckets with
 * QueryLocation answers every bucket of the account with its location; the answer is kept, and asked again
 * when a bucket is not in it (created since). Forgotten when the account or its settings change.
 */
import * as vscode from 'vscode';
import type { SessionManager } from '../session';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { ModelArtsServices } from '../services';

export class BucketRegions implements vscode.Disposable {
  private known: Promise<ReadonlyMap<string, string>> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly session: SessionManager,
    /** Settles once the stored profiles were read: a folder restored with the window asks before that. */
    private readonly accountsLoaded: Promise<void>,
  ) {
    this.subscription = session.onDidChange(() => (this.known = undefined));
  }

  /** The signed-in account's services, once the profiles were read; a clear refusal when no one is signed in. */
  async services(): Promise<ModelArtsServices> {
    await this.accountsLoaded;
    const services = this.session.services;
    if (!services) {
      throw new ModelArtsError(LocalErrorCode.notSignedIn, vscode.l10n.t('Sign in to ModelArts first (command "ModelArts: Sign In").'), 'config');
    }
    return services;
  }

  /** The region of `bucket`; NoSuchBucket (404) when the account has no bucket of that name. */
  async regionOf(bucket: string, signal?: AbortSignal): Promise<string> {
    const cached = this.known && (await this.known.catch(() => undefined))?.get(bucket);
    if (cached) {
      return cached;
    }
    const region = (await this.listAgain(signal)).get(bucket);
    if (!region) {
      throw new ModelArtsError('NoSuchBucket', vscode.l10n.t('The account has no bucket named "{0}"', bucket), 'service', undefined, 404);
    }
    return region;
  }

  private async listAgain(signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
    const services = await this.services();
    // The account's home region answers for buckets in every region.
    const region = this.session.account?.homeRegion ?? this.session.regions[0];
    const listing = services.obs.listAccountBuckets(region, signal).then((buckets) => new Map(buckets.map((bucket) => [bucket.name, bucket.location])));
    this.known = listing;
    return listing;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
