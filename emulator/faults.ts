/** Fault injection: rules matched (in the order added) against each non-control request before auth and routing. */

/** Which requests a rule hits; every kind of rule (also the OBS stand-in's) matches this way. */
export interface FaultMatch {
  /** HTTP method, case-insensitive; any when absent. */
  readonly method?: string;
  /** Substring of, or pattern tested against, the URL path (without query); any when absent. */
  readonly path?: RegExp | string;
  /** How many requests the rule hits before it expires (default 1; Infinity allowed). */
  readonly times?: number;
}

export type FaultRule = FaultMatch &
  (
    | { readonly kind: 'status'; readonly status: number; readonly errorCode?: string; readonly errorMsg?: string }
    | { readonly kind: 'latency'; readonly ms: number }
    /** Accept the request and never answer (until the client gives up or the server closes). */
    | { readonly kind: 'timeout' }
    /** Destroy the connection without a response. */
    | { readonly kind: 'reset' }
    /** 200 with a truncated JSON body. */
    | { readonly kind: 'malformed' }
  );

export type FaultKind = FaultRule['kind'];

interface ActiveRule<Rule> {
  readonly rule: Rule;
  remaining: number;
}

export class FaultController<Rule extends FaultMatch = FaultRule> {
  private rules: ActiveRule<Rule>[] = [];
  private baseLatencyMs: number;

  constructor(latencyMs = 0) {
    this.baseLatencyMs = latencyMs;
  }

  add(rule: Rule): void {
    const times = rule.times ?? 1;
    if (!(times > 0)) {
      throw new Error('fault rule times must be positive');
    }
    this.rules.push({ rule, remaining: times });
  }

  clear(): void {
    this.rules = [];
  }

  /** Latency added to every non-control response. */
  setLatency(ms: number): void {
    this.baseLatencyMs = Math.max(0, ms);
  }

  get latencyMs(): number {
    return this.baseLatencyMs;
  }

  /** How many rules are not used up yet: a test can tell that a request it delays has reached the emulator. */
  get pendingRules(): number {
    return this.rules.length;
  }

  /** The first rule matching the request, counted as used (and dropped when used up). */
  take(method: string, path: string): Rule | undefined {
    const index = this.rules.findIndex(({ rule }) => matches(rule, method, path));
    if (index < 0) {
      return undefined;
    }
    const active = this.rules[index];
    active.remaining -= 1;
    if (active.remaining <= 0) {
      this.rules.splice(index, 1);
    }
    return active.rule;
  }
}

function matches(rule: FaultMatch, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) {
    return false;
  }
  if (rule.path === undefined) {
    return true;
  }
  return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}

const THROTTLED_MESSAGE = 'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second';

/** The error a status fault answers with: gateway-style for 429/401/403, ModelArts-style otherwise. */
export function faultErrorBody(rule: { status: number; errorCode?: string; errorMsg?: string }): { error_code: string; error_msg: string } {
  const defaults = defaultFaultError(rule.status);
  return { error_code: rule.errorCode ?? defaults.code, error_msg: rule.errorMsg ?? defaults.message };
}

function defaultFaultError(status: number): { code: string; message: string } {
  if (status === 429) {
    return { code: 'APIG.0308', message: THROTTLED_MESSAGE };
  }
  if (status === 401 || status === 403) {
    return { code: 'APIG.0301', message: 'Incorrect IAM authentication information: verify aksk signature fail' };
  }
  // Illustrative: no public source gives the exact code ModelArts uses for internal errors.
  if (status >= 500) {
    return { code: 'ModelArts.0001', message: 'Internal server error, please try again later.' };
  }
  return { code: 'ModelArts.0101', message: 'Invalid request (injected fault).' };
}
