/**
 * Masking and redaction of credentials. AK, SK and security tokens may only
 * leave the credential store in masked form ("HPUA****WXYZ").
 */
export function maskSecret(value: string): string {
  if (value.length <= 8) {
    return '****';
  }
  return `${value.slice(0, 4)}****${value.slice(-4)}`;
}

/** Replaces every known secret in a text by its masked form: the last line of defence before output. */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(...values: (string | undefined)[]): void {
    for (const value of values) {
      // Very short values would redact ordinary words; real keys are long.
      if (value && value.length >= 8) {
        this.secrets.add(value);
      }
    }
  }

  clear(): void {
    this.secrets.clear();
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) {
      if (result.includes(secret)) {
        result = result.split(secret).join(maskSecret(secret));
      }
    }
    return result;
  }
}
