/**
 * Masking and redaction of credentials. AK, SK and security tokens may only
 * leave the credential store in masked form ("HPUA****WXYZ"); passwords as "****".
 */
const MASK = '****';
/** Characters a masked key shows at each end. */
const SHOWN_END = 4;
/** Shorter secrets show no end at all: four characters at each end would give most of them away. */
const SHOWN_ENDS_FROM = 16;
/** Very short values would redact ordinary words; real keys and accepted passwords are longer. */
const MIN_SECRET_LENGTH = 8;
/** A piece of a secret at a cut edge is masked from this length: shorter pieces are not told apart from text. */
const MIN_PIECE_LENGTH = 4;

export function maskSecret(value: string): string {
  return value.length < SHOWN_ENDS_FROM ? MASK : `${value.slice(0, SHOWN_END)}${MASK}${value.slice(-SHOWN_END)}`;
}

/**
 * Where a text was cut out of a longer one (a log's newest part, a tail still growing): a secret
 * may straddle the cut, so the piece of it on this side is masked too.
 */
export interface TextWindow {
  /** Text came before the first character: the text may start with a secret's last characters. */
  readonly cutBefore?: boolean;
  /** Text may follow the last character: the text may end with a secret's first characters. */
  readonly cutAfter?: boolean;
}

/** Replaces every known secret in a text by its masked form: the last line of defence before output. */
export class Redactor {
  /** Each secret with what is shown instead, longest first once sorted (a token may contain a key). */
  private readonly secrets = new Map<string, string>();

  /** Keys and tokens: shown masked, with at most four characters at each end. */
  add(...values: (string | undefined)[]): void {
    for (const value of values) {
      if (value && value.length >= MIN_SECRET_LENGTH) {
        this.secrets.set(value, maskSecret(value));
      }
    }
  }

  /** Passwords: no character of them is ever shown. */
  addPassword(...values: (string | undefined)[]): void {
    for (const value of values) {
      if (value && value.length >= MIN_SECRET_LENGTH) {
        this.secrets.set(value, MASK);
      }
    }
  }

  clear(): void {
    this.secrets.clear();
  }

  /** The text with every secret masked; call it before cutting the text, or say in `window` where it was cut. */
  redact(text: string, window: TextWindow = {}): string {
    const secrets = [...this.secrets].sort(([a], [b]) => b.length - a.length);
    let result = text;
    for (const [secret, masked] of secrets) {
      if (result.includes(secret)) {
        result = result.split(secret).join(masked);
      }
    }
    for (const [secret, masked] of secrets) {
      const shown = masked === MASK ? 0 : SHOWN_END;
      if (window.cutBefore) {
        const piece = longestPiece(secret, (length) => result.startsWith(secret.slice(-length)), result.length);
        if (piece > shown) {
          result = `${MASK}${secret.slice(secret.length - shown)}${result.slice(piece)}`;
        }
      }
      if (window.cutAfter) {
        const piece = longestPiece(secret, (length) => result.endsWith(secret.slice(0, length)), result.length);
        if (piece > shown) {
          result = `${result.slice(0, result.length - piece)}${secret.slice(0, shown)}${MASK}`;
        }
      }
    }
    return result;
  }
}

/** The length of the longest part of `secret` (not all of it) that `present` finds at an edge; 0 for none worth masking. */
function longestPiece(secret: string, present: (length: number) => boolean, textLength: number): number {
  for (let length = Math.min(secret.length - 1, textLength); length >= MIN_PIECE_LENGTH; length--) {
    if (present(length)) {
      return length;
    }
  }
  return 0;
}
