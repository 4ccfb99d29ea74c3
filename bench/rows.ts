/** One printed figure of `npm run bench`: what was measured, the measured value, and its target. */
export function benchRow(what: string, value: string, target: string): string {
  return `${what.padEnd(52)} ${value.padEnd(30)} ${target}`;
}

/** Prints a bench part's rows when its file is run alone (`node out/bench/<part>.js`). */
export function printRows(rows: () => Promise<readonly string[]>): void {
  rows().then(
    (lines) => lines.forEach((line) => console.log(line)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
