/**
 * The signing SDK, loaded at the first request rather than at activation: it is most of the extension's code
 * by size (with axios, lodash, moment and form-data), and a session that only looks at the sign-in never needs it.
 */
import type { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder';
import type { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials';

export interface CoreSdk {
  readonly ClientBuilder: typeof ClientBuilder;
  readonly BasicCredentials: typeof BasicCredentials;
}

let loading: Promise<CoreSdk> | undefined;

/** The signing SDK, loaded once. */
export function loadCoreSdk(): Promise<CoreSdk> {
  loading ??= load();
  return loading;
}

async function load(): Promise<CoreSdk> {
  const { ClientBuilder } = await import('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');
  const { BasicCredentials } = await import('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials');
  // On import the core SDK configures log4js to log every failed request, Authorization header included, to
  // stdout: reconfigured after it, nothing of it reaches any output.
  const { default: log4js } = await import('log4js');
  log4js.configure({
    appenders: { discard: { type: 'stdout' } },
    categories: { default: { appenders: ['discard'], level: 'off' } },
  });
  return { ClientBuilder, BasicCredentials };
}
