/**
 * Whether one exchange with the emulator keeps to the SDK contract: the operation exists, its query parameters and
 * body are the operation's, and a successful answer has the response model's shape. A finding a deviation entry
 * explains (`deviations.ts`) is not a failure.
 */
import type { RecordedExchange } from '../recorder';
import { Router } from '../router';
import { DEVIATIONS, type Deviation, OUTSIDE_SDK, type OutsideSdkOperation } from './deviations';
import { type Contract, type ContractOperation, sdkContract } from './operations';
import { checkShape, queryValueMatches, type ShapeProblem } from './shapes';

export type FindingProblem = ShapeProblem | 'unknown-operation' | 'unknown-query' | 'wrong-query-type' | 'missing-query' | 'unexpected-body' | 'not-json' | 'accepted-refusal';

export interface Finding {
  /** The SDK operation's name, `METHOD /template` of a call documented outside the SDK, else `METHOD /path`. */
  readonly operation: string;
  /** `query.limit`, `body.config[].envs`, `response.data[].lease`… */
  readonly at: string;
  readonly problem: FindingProblem;
  readonly detail: string;
}

/** One request and its answer, as the emulator records them. */
export type Exchange = RecordedExchange;

/** What a request is: an SDK operation, a call documented outside the SDK, or neither. */
export type ResolvedOperation =
  | { readonly kind: 'sdk'; readonly name: string; readonly spec: ContractOperation }
  | { readonly kind: 'outside-sdk'; readonly name: string; readonly entry: OutsideSdkOperation }
  | { readonly kind: 'unknown'; readonly name: string };

/** The SDK writes these response fields from headers (`Content-Range`, `X-Request-Id`): they are not in the body. */
const HEADER_FIELD = /^(x-|content-)/i;
const API_PATH = /^\/(v1|v2|v3)(\/|$)/;

export class ConformanceChecker {
  private readonly outside = new Router<OutsideSdkOperation>();

  constructor(
    private readonly contract: Contract = sdkContract(),
    outsideSdk: readonly OutsideSdkOperation[] = OUTSIDE_SDK,
    private readonly deviations: readonly Deviation[] = DEVIATIONS,
  ) {
    for (const entry of outsideSdk) {
      this.outside.add(entry.method, entry.path.replace(/\{\w+\}/g, '{param}'), entry);
    }
  }

  /** OBS requests go through esdk-obs-nodejs, which builds their wire format: the contract has nothing to say. */
  isApiPath(path: string): boolean {
    return API_PATH.test(path);
  }

  resolve(method: string, path: string): ResolvedOperation {
    const spec = this.contract.match(method, path);
    if (spec) {
      return { kind: 'sdk', name: spec.operation, spec };
    }
    const entry = this.outside.match(method, path)?.handler;
    if (entry) {
      return { kind: 'outside-sdk', name: `${entry.method} ${entry.path}`, entry };
    }
    return { kind: 'unknown', name: `${method} ${path}` };
  }

  /** Findings on the request side: what the emulator refuses at run time unless a deviation explains it. */
  checkRequest(method: string, path: string, query: Readonly<Record<string, string>>, body: unknown): { operation: ResolvedOperation; findings: Finding[] } {
    const operation = this.resolve(method, path);
    if (operation.kind === 'outside-sdk') {
      return { operation, findings: [] };
    }
    if (operation.kind === 'unknown') {
      return { operation, findings: [{ operation: operation.name, at: 'path', problem: 'unknown-operation', detail: 'neither an SDK operation nor a documented call' }] };
    }
    const spec = operation.spec;
    const findings: Finding[] = [];
    const finding = (at: string, problem: FindingProblem, detail: string): void => void findings.push({ operation: operation.name, at, problem, detail });
    for (const [name, value] of Object.entries(query)) {
      const parameter = spec.query?.[name];
      if (!parameter) {
        finding(`query.${name}`, 'unknown-query', `${spec.operation} has no query parameter ${name}`);
      } else if (!queryValueMatches(value, parameter.type)) {
        finding(`query.${name}`, 'wrong-query-type', `expected ${parameter.type}, got "${value}"`);
      }
    }
    for (const [name, parameter] of Object.entries(spec.query ?? {})) {
      if (parameter.required && query[name] === undefined) {
        finding(`query.${name}`, 'missing-query', `${spec.operation} requires the query parameter ${name}`);
      }
    }
    if (spec.body === undefined) {
      if (body !== undefined && body !== null) {
        finding('body', 'unexpected-body', `${spec.operation} takes no body`);
      }
    } else if (body === undefined || body === null) {
      if (spec.body_required) {
        finding('body', 'missing-required', `${spec.operation} requires a ${spec.body} body`);
      }
    } else {
      for (const shape of checkShape(body, spec.body, spec.models, 'body', 'request')) {
        finding(shape.at, shape.problem, shape.detail);
      }
    }
    return { operation, findings };
  }

  /** Findings on the answer: a 2xx answer to an SDK operation has its response model's shape. */
  checkResponse(operation: ResolvedOperation, status: number, response: unknown): Finding[] {
    if (operation.kind !== 'sdk' || status < 200 || status > 299 || response === null || response === undefined) {
      return [];
    }
    const spec = operation.spec;
    if (typeof response === 'string') {
      return [{ operation: operation.name, at: 'response', problem: 'not-json', detail: 'the answer is not JSON' }];
    }
    const model = spec.models[spec.response] ?? {};
    const bodyFields = Object.entries(model).filter(([name]) => !HEADER_FIELD.test(name));
    // A response model whose one body field is `body` describes a bare JSON value (SWR's arrays).
    const bare = bodyFields.length === 1 && bodyFields[0][0] === 'body';
    const shapes = bare
      ? checkShape(response, bodyFields[0][1].type, spec.models, 'response', 'response')
      : checkShape(response, spec.response, { ...spec.models, [spec.response]: Object.fromEntries(bodyFields) }, 'response', 'response');
    return shapes.map((shape) => ({ operation: operation.name, at: shape.at, problem: shape.problem, detail: shape.detail }));
  }

  /** Every finding on a recorded exchange, the explained ones included. */
  checkExchange(exchange: Exchange): { operation: ResolvedOperation; findings: Finding[] } {
    const { operation, findings } = this.checkRequest(exchange.method, exchange.path, exchange.query, exchange.body);
    if (exchange.intent === 'refusal') {
      // Bad on purpose: the request side is the test's, the emulator's part is to refuse it.
      const refused = exchange.status >= 400 && exchange.status < 500;
      return { operation, findings: refused ? [] : [{ operation: operation.name, at: 'status', problem: 'accepted-refusal', detail: `sent to be refused, answered ${exchange.status}` }] };
    }
    if (exchange.fault !== undefined) {
      return { operation, findings };
    }
    return { operation, findings: [...findings, ...this.checkResponse(operation, exchange.status, exchange.response)] };
  }

  /** The deviation entry that explains a finding, if one does. */
  explanation(finding: Finding): Deviation | undefined {
    return this.deviations.find((deviation) => explains(deviation, finding));
  }
}

export function explains(deviation: Deviation, finding: Finding): boolean {
  const operations = typeof deviation.operation === 'string' ? [deviation.operation] : deviation.operation;
  return operations.includes(finding.operation) && deviation.at === finding.at && deviation.problem === finding.problem;
}
