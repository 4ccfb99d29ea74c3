/**
 * The emulator refuses what the real API refuses: a request to an SDK operation with a field its body model lacks,
 * a required field missing, a value of the wrong type or a query parameter the operation does not have is a 400
 * naming the field, unless a deviation entry explains it.
 */
import { ApiError, modelArtsError } from '../http';
import type { ConformanceChecker, Finding } from './conformance';

/** Each service's "invalid parameter" code (the SWR, VPC, KPS and BSS ones are illustrative). */
const INVALID_PARAMETER_CODES: Readonly<Record<string, string>> = {
  modelarts: 'ModelArts.0101',
  swr: 'SVCSTG.SWR.4000014',
  vpc: 'VPC.0101',
  kps: 'KPS.0005',
  bss: 'CBC.0100',
};

/** Mentioned in one message, so that a client mistake is fixed in one round. */
const MOST_NAMED = 5;

export function enforceContract(checker: ConformanceChecker, method: string, path: string, query: URLSearchParams, body: unknown): void {
  const { operation, findings } = checker.checkRequest(method, path, Object.fromEntries(query), body);
  if (operation.kind !== 'sdk') {
    // Routes outside the SDK are the emulator's own choice, checked against the deviations list by the tests.
    return;
  }
  const refused = findings.filter((finding) => checker.explanation(finding) === undefined);
  if (refused.length > 0) {
    throw invalidRequest(operation.spec.service, refused);
  }
}

function invalidRequest(service: string, findings: readonly Finding[]): ApiError {
  const named = findings.slice(0, MOST_NAMED).map((finding) => `${finding.at}: ${finding.detail}`);
  const more = findings.length > MOST_NAMED ? ` (and ${findings.length - MOST_NAMED} more)` : '';
  return modelArtsError(400, INVALID_PARAMETER_CODES[service] ?? 'ModelArts.0101', `Invalid parameter ${named.join('; ')}${more}`);
}
