/**
 * The part of esdk-obs-nodejs (3.26.8, no types of its own) the product uses. Every method resolves
 * with `CommonMsg.Status >= 300` for an HTTP error and rejects for a network error (sdk-notes).
 */
declare module 'esdk-obs-nodejs' {
  import type { Agent as HttpAgent, ClientRequest, IncomingMessage } from 'node:http';
  import type { Agent as HttpsAgent } from 'node:https';
  import type { HttpsProxyAgent } from 'https-proxy-agent';
  import type { Readable } from 'node:stream';

  namespace ObsClient {
    interface Options {
      access_key_id: string;
      secret_access_key: string;
      security_token?: string;
      /** `https://obs.<region>.myhuaweicloud.com`, or an emulator's `http://127.0.0.1:<port>`. */
      server: string;
      signature?: 'obs' | 'v2';
      path_style?: boolean;
      is_signature_negotiation?: boolean;
      /** Defaults to false: certificates are not checked unless this is true (or a CA file). */
      ssl_verify?: boolean | string;
      max_retry_count?: number;
      /** Seconds. */
      timeout?: number;
      user_agent?: string;
      /** Handed to `http(s).request` as its agent: a proxy agent works as well. */
      http_agent?: HttpAgent | HttpsProxyAgent;
      https_agent?: HttpsAgent | HttpsProxyAgent;
    }

    interface CommonMsg {
      Status: number;
      Code: string;
      Message: string;
      RequestId: string;
    }

    interface Result<T> {
      CommonMsg: CommonMsg;
      InterfaceResult?: T;
    }

    /** Ways into the request the SDK makes: to abort it, and to follow its body. */
    interface RequestHooks {
      RequestHook?: (request: ClientRequest) => void;
      ProgressCallback?: (transferred: number, total: number, seconds: number) => void;
    }

    interface BucketParam extends RequestHooks {
      Bucket: string;
    }

    interface ObjectParam extends BucketParam {
      Key: string;
    }

    interface ListedBucket {
      BucketName: string;
      CreationDate: string;
      Location: string;
    }

    interface ListedObject {
      Key: string;
      LastModified: string;
      ETag: string;
      /** A number as text. */
      Size: string;
      StorageClass: string;
    }

    interface ListObjectsOutput {
      /** "true" or "false". */
      IsTruncated: string;
      NextMarker: string;
      Contents: ListedObject[];
      CommonPrefixes: { Prefix: string }[];
    }

    interface ObjectMetadataOutput {
      ContentLength: string;
      ContentType: string;
      ETag: string;
      LastModified: string;
      StorageClass?: string;
    }
  }

  class ObsClient {
    constructor(options: ObsClient.Options);
    listBuckets(param: ObsClient.RequestHooks & { QueryLocation?: boolean }): Promise<ObsClient.Result<{ Buckets: ObsClient.ListedBucket[] }>>;
    createBucket(param: ObsClient.BucketParam & { Location: string; StorageClass?: string }): Promise<ObsClient.Result<unknown>>;
    deleteBucket(param: ObsClient.BucketParam): Promise<ObsClient.Result<unknown>>;
    listObjects(param: ObsClient.BucketParam & { Prefix?: string; Delimiter?: string; Marker?: string; MaxKeys?: number }): Promise<ObsClient.Result<ObsClient.ListObjectsOutput>>;
    getObjectMetadata(param: ObsClient.ObjectParam): Promise<ObsClient.Result<ObsClient.ObjectMetadataOutput>>;
    getObject(param: ObsClient.ObjectParam & { Range?: string; SaveAsStream: true }): Promise<ObsClient.Result<ObsClient.ObjectMetadataOutput & { Content: IncomingMessage }>>;
    putObject(param: ObsClient.ObjectParam & { Body?: string | Readable; SourceFile?: string; ContentLength?: number; ContentType?: string }): Promise<ObsClient.Result<{ ETag: string }>>;
    /** `CopySource` is `bucket/key`; the SDK percent-encodes it. */
    copyObject(param: ObsClient.ObjectParam & { CopySource: string }): Promise<ObsClient.Result<{ ETag: string; LastModified: string }>>;
    deleteObject(param: ObsClient.ObjectParam): Promise<ObsClient.Result<unknown>>;
    deleteObjects(param: ObsClient.BucketParam & { Quiet?: boolean; Objects: { Key: string }[] }): Promise<ObsClient.Result<{ Errors: { Key: string; Code: string; Message: string }[] }>>;
    initiateMultipartUpload(param: ObsClient.ObjectParam & { ContentType?: string }): Promise<ObsClient.Result<{ UploadId: string }>>;
    uploadPart(param: ObsClient.ObjectParam & { PartNumber: number; UploadId: string; SourceFile: string; Offset: number; PartSize: number }): Promise<ObsClient.Result<{ ETag: string }>>;
    completeMultipartUpload(param: ObsClient.ObjectParam & { UploadId: string; Parts: { PartNumber: number; ETag: string }[] }): Promise<ObsClient.Result<{ ETag: string }>>;
    abortMultipartUpload(param: ObsClient.ObjectParam & { UploadId: string }): Promise<ObsClient.Result<unknown>>;
    close(): void;
  }

  export = ObsClient;
}
