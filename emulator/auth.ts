/**
 * The API Gateway's AK/SK check (§9.1, §11.2 APIG.0301): signature, date window and
 * the lockout after repeated failures.
 */
import { type Account, type AccountRegistry, maskAk, type TemporaryCredentials } from './accounts';
import type { Clock } from './clock';
import { gatewayError } from './http';
import { type AuthorizationHeader, computeSignature, headerValue, parseAuthorization, parseSdkDate, type SignableRequest, signaturesEqual } from './signature';

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
   * The signing account, or throws the gateway's 401. Temporary credentials act as their account while
   * their token is valid; with a permanent AK an `X-Security-Token` is accepted without further checks.
   */
  authenticate(request: SignableRequest): Account {
    const authorization = parseAuthorization(headerValue(request.headers, 'authorization'));
    if (!authorization) {
      // Illustrative detail text; the documented prefix and code are what clients see.
      throw authFailure('the Authorization header is missing or not SDK-HMAC-SHA256');
    }
    const temporary = this.accounts.temporary(authorization.access);
    if (temporary) {
      return this.authenticateTemporary(request, authorization, temporary);
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
    const problem = this.problemWith(request, authorization, account.sk);
    if (problem) {
      record.consecutive += 1;
      record.lockedUntil = record.consecutive >= FAILURES_BEFORE_LOCK ? now + LOCK_MS : undefined;
      this.failures.set(account.ak, record);
      throw authFailure(problem);
    }
    this.failures.delete(account.ak);
    return account;
  }

  /**
   * The token must be the one issued with the AK, and not expired on the emulator clock. The gateway answers an
   * expired one with 401 APIG.0301 "Incorrect IAM authentication information: token expires, expires_at: …" (the
   * APIG FAQ's APIG.0301 messages, modelarts-api.md §11.2). Uncertain: the form of the time after `expires_at:`
   * (ISO 8601 assumed), that the token is checked before the signature (its SK comes from the token), and that
   * these failures do not count towards the AK lockout.
   */
  private authenticateTemporary(request: SignableRequest, authorization: AuthorizationHeader, temporary: TemporaryCredentials): Account {
    if (headerValue(request.headers, 'x-security-token') !== temporary.securityToken) {
      throw authFailure('decrypt token fail');
    }
    if (this.clock.now() >= temporary.expiresAt) {
      throw authFailure(`token expires, expires_at: ${new Date(temporary.expiresAt).toISOString()}`);
    }
    const problem = this.problemWith(request, authorization, temporary.sk);
    if (problem) {
      throw authFailure(problem);
    }
    return temporary.owner;
  }

  private problemWith(request: SignableRequest, { signedHeaders, signature }: AuthorizationHeader, sk: string): string | undefined {
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
    if (!signaturesEqual(computeSignature(request, signedHeaders, sk), signature)) {
      return 'verify aksk signature fail';
    }
    return undefined;
  }
}
