/** One printed figure of `npm run bench`: what was measured, the measured value, and its target. */
export function benchRow(what: string, value: string, target: string): string {
  return `${what.padEnd(52)} ${value.padEnd(30)} ${target}`;
}
