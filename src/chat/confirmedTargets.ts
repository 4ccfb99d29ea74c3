import { canonicalInput } from './confirmationText';

/** Confirmations prepared but not (yet) acted on, per tool; a declined one stays until a call of the same input. */
const MAX_PENDING = 100;

/**
 * What a changing tool's confirmation named (the resource's id, its region and workspace), kept
 * from the preparation to the call it confirms. VS Code's API pairs the two only by their input
 * (`prepareInvocation` and `invoke` get the same one, and nothing else in common), so targets are
 * kept by the canonical input and taken once. When two confirmations of the same input named
 * different targets (a declined one, or two chats at once), which one the user accepted is
 * unknowable: the call is refused, never guessed.
 */
export class ConfirmedTargets<Target> {
  private readonly pending = new Map<string, Target[]>();

  constructor(private readonly same: (a: Target, b: Target) => boolean) {}

  /** Keeps what a confirmation of `input` names. */
  remember(input: unknown, target: Target): void {
    const key = canonicalInput(input);
    const targets = this.pending.get(key) ?? [];
    this.pending.delete(key);
    this.pending.set(key, [...targets, target]);
    if (this.pending.size > MAX_PENDING) {
      const [oldest] = this.pending.keys();
      this.pending.delete(oldest);
    }
  }

  /**
   * The target confirmed for `input`, taken: `none` when no confirmation named one, `ambiguous`
   * when confirmations of it named different ones.
   */
  take(input: unknown): { readonly target: Target } | 'none' | 'ambiguous' {
    const key = canonicalInput(input);
    const targets = this.pending.get(key) ?? [];
    this.pending.delete(key);
    if (targets.length === 0) {
      return 'none';
    }
    const [first] = targets;
    return targets.every((target) => this.same(first, target)) ? { target: first } : 'ambiguous';
  }
}
