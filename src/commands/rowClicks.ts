/** Two clicks on one row closer than this are a double click. */
const DOUBLE_CLICK_MS = 500;

/**
 * Tells a double click from two clicks. VS Code runs a row's command once per click and gives it no "pinned" flag
 * (its editors learn of a double click from the open event, which only its own commands receive): a second run on
 * the same row soon after the first is taken as the double click.
 */
export class RowClicks {
  /** Milliseconds; tests replace it with a clock of their own. */
  clock: () => number = Date.now;
  private last: { readonly row: string; readonly at: number } | undefined;

  /** Records a click on `row`; answers whether it is the second of a double click. */
  isDoubleClick(row: string): boolean {
    const at = this.clock();
    const double = this.last !== undefined && this.last.row === row && at - this.last.at < DOUBLE_CLICK_MS;
    // The click that completes a double click starts no new one.
    this.last = double ? undefined : { row, at };
    return double;
  }
}
