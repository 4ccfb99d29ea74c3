/**
 * The yardstick of the OBS bench: plain HTTP PUTs and GETs of the same bytes to the same OBS stand-in, signed
 * with OBS's header signature and nothing else (no SDK, no retries, no progress), over keep-alive connections;
 * and the stand-in itself, run in a process of its own so that its work is not charged to either side.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { Agent, type ClientRequest, type IncomingMessage, request } from 'node:http';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DEMO_CREDENTIALS } from '../emulator/accounts';
import { signObsRequest } from '../emulator/obs/signature';

export interface StandIn {
  readonly url: string;
  stop(): void;
}

/** Starts `node out/emulator/cli.js --empty` on a free port and answers its URL once it listens. */
export async function startStandIn(): Promise<StandIn> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, '..', 'emulator', 'cli.js'), '--port', '0', '--empty'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const listening = /listening on (http:\/\/\S+)/.exec(printed);
      if (listening) resolve(listening[1]);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening`)));
  });
  return { url, stop: () => void child.kill() };
}

export class PlainHttp {
  private readonly base: URL;
  private readonly agent: Agent;

  constructor(url: string, connections: number) {
    this.base = new URL(url);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** PUTs a local file's bytes as the object `bucket/key`. */
  async putFile(bucket: string, key: string, file: string, size: number): Promise<void> {
    const response = await this.send('PUT', bucket, key, size, (req) => pipeline(createReadStream(file), req));
    response.resume();
  }

  /** GETs the object `bucket/key` into a local file. */
  async getFile(bucket: string, key: string, file: string): Promise<void> {
    const response = await this.send('GET', bucket, key, 0, async (req) => void req.end());
    await pipeline(response, createWriteStream(file));
  }

  close(): void {
    this.agent.destroy();
  }

  /** Sends `size` bytes that `write` puts into the request; answers the response once its status is known to be 2xx. */
  private send(method: string, bucket: string, key: string, size: number, write: (req: ClientRequest) => Promise<void>): Promise<IncomingMessage> {
    const objectPath = `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const headers = { date: new Date().toUTCString(), 'content-type': 'application/octet-stream' };
    const signature = signObsRequest({ method, path: objectPath, rawQuery: '', headers }, 'OBS', DEMO_CREDENTIALS.sk);
    return new Promise((resolve, reject) => {
      const authorization = `OBS ${DEMO_CREDENTIALS.ak}:${signature}`;
      const req = request({ host: this.base.hostname, port: this.base.port, method, path: objectPath, agent: this.agent, headers: { ...headers, authorization, 'content-length': String(size) } });
      req.once('error', reject);
      req.once('response', (response) => {
        if ((response.statusCode ?? 0) >= 300) {
          response.resume();
          reject(new Error(`${method} ${objectPath}: HTTP ${response.statusCode}`));
        } else {
          resolve(response);
        }
      });
      write(req).catch(reject);
    });
  }
}
