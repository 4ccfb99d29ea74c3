/**
 * OBS object operations (API reference §10) over the one OBS request path: heads, reads, whole-object
 * writes, copies, multipart uploads and deletes. ObsService adds buckets and listings on top.
 */
import * as l10n from '@vscode/l10n';
import { addAbortSignal, Readable } from 'node:stream';
import { LocalErrorCode, ModelArtsError } from './errors';
import { ObsClients } from './obsClient';
import type { RetryPolicy } from './retry';
import type { SignedClientOptions } from './signedClient';

export interface ObjectHead {
  readonly size: number;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

/** A part of a local file: what one PUT of an object or of a multipart part sends. */
export interface FileSlice {
  readonly path: string;
  readonly offset: number;
  readonly size: number;
}

/** Told the bytes sent so far by the attempt under way (a retried attempt starts again from 0). */
export type SentBytes = (bytes: number) => void;

/** An object's place: its bucket and key. */
export interface ObjectPlace {
  readonly bucket: string;
  readonly key: string;
}

export class ObsObjects {
  protected readonly clients: ObsClients;

  constructor(options: SignedClientOptions) {
    this.clients = new ObsClients(options);
  }

  async headObject(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead> {
    const head = await this.clients.call({ region, what: `HEAD obs ${bucket}/${key}`, idempotent: true, signal }, (client, hooks) => client.getObjectMetadata({ ...hooks, Bucket: bucket, Key: key }));
    return { size: Number(head.ContentLength) || 0, contentType: head.ContentType || undefined, etag: head.ETag || undefined, lastModified: head.LastModified || undefined };
  }

  /**
   * An object's body as a stream (from `start` on, when given), destroyed when `signal` aborts. A failure
   * while it flows (a reset, a cancellation) is a stream error: `streamError` makes it a ModelArtsError.
   */
  async openObject(region: string, bucket: string, key: string, signal?: AbortSignal, start?: number): Promise<Readable> {
    return (await this.getObject(region, bucket, key, signal, start)).body;
  }

  /** An object's whole body and the ETag of that very version (a head before the read could name another). */
  async readObject(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<{ readonly body: Buffer; readonly etag?: string }> {
    const { body, etag } = await this.getObject(region, bucket, key, signal);
    return { body: await this.collect(body, signal), etag };
  }

  private async getObject(region: string, bucket: string, key: string, signal?: AbortSignal, start?: number): Promise<{ readonly body: Readable; readonly etag?: string }> {
    const result = await this.clients.call({ region, what: `GET obs ${bucket}/${key}`, idempotent: true, signal }, (client, hooks) =>
      client.getObject({ ...hooks, Bucket: bucket, Key: key, Range: start ? `bytes=${start}-` : undefined, SaveAsStream: true }),
    );
    // The request's own cancellation ends with the answer's headers; the body is cancelled here.
    return { body: signal ? addAbortSignal(signal, result.Content) : result.Content, etag: result.ETag || undefined };
  }

  private async collect(body: Readable, signal?: AbortSignal): Promise<Buffer> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of body) {
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      throw this.streamError(error, signal);
    }
    return Buffer.concat(chunks);
  }

  /** How failed requests are retried; a download that breaks off resumes the same way. */
  get retryPolicy(): RetryPolicy {
    return this.clients.retryPolicy;
  }

  streamError(error: unknown, signal?: AbortSignal): ModelArtsError {
    return this.clients.toError(error, signal);
  }

  /** An object's whole body as UTF-8 text, for objects already known to be small. */
  async readWhole(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<string> {
    return (await this.readObject(region, bucket, key, signal)).body.toString('utf8');
  }

  /**
   * Writes `body` as the whole object; answers its ETag. esdk-obs-nodejs sends any `Body` as
   * `application/json`, whatever ContentType says (its PutObject model lists Body after it): editors, which
   * go by the key's extension, are not misled, and no ContentType is passed that would not be sent.
   */
  async putObject(region: string, bucket: string, key: string, body: Uint8Array, signal?: AbortSignal): Promise<string> {
    const result = await this.clients.call({ region, what: `PUT obs ${bucket}/${key}`, idempotent: true, signal }, (client, hooks) => {
      // The SDK sends a body that is no stream as String(body), which would mangle bytes; a fresh stream
      // per attempt, since a retried attempt sends the whole body again.
      const sent = body.byteLength === 0 ? { Body: '' } : { Body: Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]), ContentLength: body.byteLength };
      return client.putObject({ ...hooks, ...sent, Bucket: bucket, Key: key });
    });
    return result.ETag;
  }

  /**
   * Copies an object inside OBS (its bytes never pass through here). OBS copies only within a region:
   * `region` is that of both buckets.
   */
  async copyObject(region: string, source: ObjectPlace, target: ObjectPlace, signal?: AbortSignal): Promise<void> {
    const what = `PUT obs ${target.bucket}/${target.key} (copy of ${source.bucket}/${source.key})`;
    const result = await this.clients.call({ region, what, idempotent: true, signal }, (client, hooks) =>
      client.copyObject({ ...hooks, Bucket: target.bucket, Key: target.key, CopySource: `${source.bucket}/${source.key}` }),
    );
    // OBS may answer 200 before copying and fail afterwards: only an ETag in the answer's body means the copy was made.
    if (!result.ETag) {
      throw new ModelArtsError(LocalErrorCode.malformed, l10n.t('OBS did not confirm the copy of {0} to {1}', `${source.bucket}/${source.key}`, `${target.bucket}/${target.key}`), 'service');
    }
  }

  /** Uploads a whole (small) file as one object; answers its ETag. */
  async putFile(region: string, bucket: string, key: string, file: FileSlice, sent: SentBytes, signal?: AbortSignal): Promise<string> {
    const result = await this.clients.call({ region, what: `PUT obs ${bucket}/${key}`, idempotent: true, signal }, (client, hooks) => {
      sent(0);
      // An empty file has nothing to read; the SDK's file path would still open one.
      const body = file.size === 0 ? { Body: '' } : { SourceFile: file.path, ContentLength: file.size };
      return client.putObject({ ...hooks, ...body, ProgressCallback: sent, Bucket: bucket, Key: key, ContentType: 'application/octet-stream' });
    });
    return result.ETag;
  }

  async startMultipartUpload(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<string> {
    const result = await this.clients.call({ region, what: `POST obs ${bucket}/${key}?uploads`, idempotent: false, signal }, (client, hooks) =>
      client.initiateMultipartUpload({ ...hooks, Bucket: bucket, Key: key, ContentType: 'application/octet-stream' }),
    );
    return result.UploadId;
  }

  async uploadPart(region: string, target: { bucket: string; key: string; uploadId: string; partNumber: number }, file: FileSlice, sent: SentBytes, signal?: AbortSignal): Promise<string> {
    const { bucket, key, uploadId, partNumber } = target;
    const result = await this.clients.call({ region, what: `PUT obs ${bucket}/${key}?partNumber=${partNumber}`, idempotent: true, signal }, (client, hooks) => {
      sent(0);
      return client.uploadPart({ ...hooks, ProgressCallback: sent, Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber, SourceFile: file.path, Offset: file.offset, PartSize: file.size });
    });
    return result.ETag;
  }

  async completeMultipartUpload(region: string, target: { bucket: string; key: string; uploadId: string }, etags: readonly string[], signal?: AbortSignal): Promise<void> {
    const { bucket, key, uploadId } = target;
    const parts = etags.map((etag, index) => ({ PartNumber: index + 1, ETag: etag }));
    await this.clients.call({ region, what: `POST obs ${bucket}/${key}?uploadId`, idempotent: false, signal }, (client, hooks) =>
      client.completeMultipartUpload({ ...hooks, Bucket: bucket, Key: key, UploadId: uploadId, Parts: parts }),
    );
  }

  /** Drops the parts of an upload that will not be completed; never cancelled, so a cancelled upload leaves none behind. */
  async abortMultipartUpload(region: string, target: { bucket: string; key: string; uploadId: string }): Promise<void> {
    const { bucket, key, uploadId } = target;
    await this.clients.call({ region, what: `DELETE obs ${bucket}/${key}?uploadId`, idempotent: true }, (client, hooks) => client.abortMultipartUpload({ ...hooks, Bucket: bucket, Key: key, UploadId: uploadId }));
  }

  async deleteObject(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<void> {
    await this.clients.call({ region, what: `DELETE obs ${bucket}/${key}`, idempotent: true, signal }, (client, hooks) => client.deleteObject({ ...hooks, Bucket: bucket, Key: key }));
  }
}
