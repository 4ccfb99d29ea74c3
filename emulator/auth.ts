/**
 * The API Gateway's AK/SK check (§9.1, §11.2 APIG.0301): signature, date window and
 * the lockout after repeated failures.
 */
import { type Account, type AccountRegistry, maskAk } from './accounts';
import type { Clock } from './clock';
import { gatewayError } from './http';
import { computeSignature, headerValue, parseAuthorization, parseSdkDate, type SignableRequest, signaturesEqual } from './signature';

const DATE_WINDOW_MS = 15 * 60_000;
const FAILURES_BEFORE_LOCK = 5;
const LOCK_MS = 5 * 60_000;
const AUTH_PREFIX = 'Incorrect IAM authentication information: ';

interface FailureRecord {
  consecutive: number;
  lockedUntil?: number;
}

function authFailure(detail: string): ReturnType<typeof gatewayError> {
  return gatewayError(401, 'APIG.0301', AUTH_PREFIX + detail);
}

export class GatewayAuth {
  private readonly failures = new Map<string, FailureRecord>();

  constructor(
    private readonly accounts: AccountRegistry,
    private readonly clock: Clock,
  ) {}

  /**
   * The signing account, or throws the gateway's 401. An `X-Security-Token` is
   * accepted for any account without further checks: the emulator issues no
   * temporary credentials, so it cannot tell a valid token from another.
   */
  authenticate(request: SignableRequest): Account {
    const authorization = parseAuthorization(headerValue(request.headers, 'authorization'));
    if (!authorization) {
      // Illustrative detail text; the documented prefix and code are what clients see.
      throw authFailure('the Authorization header is missing or not SDK-HMAC-SHA256');
    }
    const account = this.accounts.get(authorization.access);
    if (!account) {
      throw authFailure(`Get secretKey failed,ak:${maskAk(authorization.access)},err:ak not exist`);
    }
    const now = this.clock.now();
    let record = this.failures.get(account.ak) ?? { consecutive: 0 };
    if (record.lockedUntil !== undefined) {
      if (now < record.lockedUntil) {
        throw authFailure('AK access failed to reach the limit,forbidden');
      }
      record = { consecutive: 0 };
    }
    const problem = this.problemWith(request, authorization.signedHeaders, authorization.signature, account);
    if (problem) {
      record.consecutive += 1;
      record.lockedUntil = record.consecutive >= FAILURES_BEFORE_LOCK ? now + LOCK_MS : undefined;
      this.failures.set(account.ak, record);
      throw authFailure(problem);
    }
    this.failures.delete(account.ak);
    return account;
  }

  private problemWith(request: SignableRequest, signedHeaders: readonly string[], signature: string, account: Account): string | undefined {
    const sdkDate = headerValue(request.headers, 'x-sdk-date');
    const signedAt = sdkDate === undefined ? undefined : parseSdkDate(sdkDate);
    if (signedAt === undefined || !signedHeaders.includes('x-sdk-date')) {
      // Illustrative wording: the gateway's exact text for a missing date is not documented.
      return 'verify aksk signature fail, X-Sdk-Date is missing or malformed';
    }
    // Wall-clock time on purpose: clients sign with their real clocks, not the emulator's.
    if (Math.abs(Date.now() - signedAt) > DATE_WINDOW_MS) {
      // Illustrative wording; the 15-minute window itself is documented (§9.1).
      return `verify aksk signature fail, X-Sdk-Date ${sdkDate} is not within 15 minutes of the server time`;
    }
    if (!signaturesEqual(computeSignature(request, signedHeaders, account.sk), signature)) {
      return 'verify aksk signature fail';
    }
    return undefined;
  }
}
