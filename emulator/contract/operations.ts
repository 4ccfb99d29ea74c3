/**
 * The official SDK's operations and models (`sdk/`, imported from the Python SDK by
 * `scripts/import-sdk-contract.mjs`), indexed by method and path. The emulator answers to it, and so does the
 * client: it is the independent judge of both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from '../router';

export interface FieldSpec {
  /** `str`, `int`, `float`, `bool`, `object`, `datetime`, `list[T]`, `dict(str, T)` or a model's name. */
  readonly type: string;
  readonly required?: boolean;
}

export type ModelSpec = Readonly<Record<string, FieldSpec>>;

export interface OperationSpec {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, FieldSpec>>;
  readonly body?: string;
  readonly body_required?: boolean;
  readonly response: string;
}

interface ServiceContractFile {
  readonly service: string;
  readonly operations: readonly OperationSpec[];
  readonly models: Readonly<Record<string, ModelSpec>>;
}

export interface ContractOperation extends OperationSpec {
  /** `modelarts`, `iam`, `kps`, `swr`, `vpc` or `bss`. */
  readonly service: string;
  /** The models of the operation's service, where its body and response types are defined. */
  readonly models: Readonly<Record<string, ModelSpec>>;
}

const CONTRACT_FILES = ['modelarts-v1', 'iam-v3', 'kps-v3', 'swr-v2', 'vpc-v2', 'vpc-v3', 'bss-v2'];

/** The JSON stays in the source tree: compiled code runs from `out/emulator/contract/`. */
const CONTRACT_DIR = join(__dirname, '..', '..', '..', 'emulator', 'contract', 'sdk');

export class Contract {
  private readonly router = new Router<ContractOperation>();
  readonly operations: readonly ContractOperation[];

  constructor(files: readonly ServiceContractFile[]) {
    const operations: ContractOperation[] = [];
    const routes = new Set<string>();
    for (const file of files) {
      for (const operation of file.operations) {
        // The SDK names a segment differently in different operations (`{id}`, `{instance_id}`): one name for all.
        const template = operation.path.replace(/\{\w+\}/g, '{param}');
        const route = `${operation.method} ${template}`;
        if (routes.has(route)) {
          // A few IAM and VPC calls are one path with several body variants; none of them is one this product makes.
          continue;
        }
        routes.add(route);
        const entry = { ...operation, service: file.service, models: file.models };
        this.router.add(operation.method, template, entry);
        operations.push(entry);
      }
    }
    this.operations = operations;
  }

  /** The SDK operation a request is, by the same rule as the gateway: at each segment a literal before a parameter. */
  match(method: string, path: string): ContractOperation | undefined {
    return this.router.match(method, path)?.handler;
  }
}

let loaded: Contract | undefined;

export function sdkContract(): Contract {
  loaded ??= new Contract(CONTRACT_FILES.map((name) => JSON.parse(readFileSync(join(CONTRACT_DIR, `${name}.json`), 'utf8')) as ServiceContractFile));
  return loaded;
}
