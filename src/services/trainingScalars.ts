/**
 * The numbers a training script prints, read from its log as series (loss, acc, lr, any numeric key).
 *
 * A line counts when it is one of:
 * - a step or epoch line: `step 100`, `Epoch [2/10]`, `epoch=3`, `'epoch': 0.1`… with `key=value` or `key: value`
 *   pairs, or made only of `word number` pairs (`step 100 loss 0.5 acc 0.9`, a plain print);
 * - a JSON object or Python dict repr (`{"loss": 0.5}`, Hugging Face Trainer's `{'loss': 0.52, 'epoch': 0.1}`);
 * - a Keras progress line (`100/100 [====] - 2s 20ms/step - loss: 0.31`) after its `Epoch 3/10` header.
 * Other lines, however many numbers they hold (timestamps, ids, versions, progress percentages), are not read.
 *
 * x is, in this order: the step when the line gives no epoch it belongs to; the epochs done, fractional when the line
 * says how far into its epoch it is (`step 50/100`, `| 50/100 [` of a progress bar) or prints it so (`'epoch': 0.1`);
 * the line's number (JSON lines alone). An epoch heading is taken as 1-based (Keras, `Epoch [1/10]`), except on
 * progress bars (PyTorch Lightning counts from 0) and where it is 0, so that "epochs done" means the same across
 * formats.
 * A key seen again at the same x keeps its newest value; points are in x order.
 */

export interface ScalarPoint {
  readonly x: number;
  readonly y: number;
}

export interface ScalarSeries {
  readonly key: string;
  readonly points: readonly ScalarPoint[];
  readonly xLabel: 'step' | 'epoch' | 'line';
}

/** Series beyond this many keys are dropped: a log is hostile data and must not make an unbounded chart list. */
export const MAX_SCALAR_SERIES = 40;
const MAX_KEY_LENGTH = 64;

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
/** A number that ends there: not the start of a date, a time, a version, a percentage or a unit (`2s`, `9.8it/s`). */
const WHOLE_NUMBER = String.raw`(${NUMBER})(?![\w.%/:-])`;
/** `key=value`, `key: value`, `"key": value`, `'key': value`. */
const PAIR = new RegExp(String.raw`(?<![\w./-])["']?([A-Za-z_][\w./-]*)["']?\s*(?:=|:)\s*${WHOLE_NUMBER}`, 'g');
/** `Epoch 3`, `epoch [2/10]`, `Step 100`, `iter: 5/200`: a marker word and its number, with a total when in a run. */
const MARKER = /\b(epoch|step|global_step|iter|iteration)\b\s*[:=]?\s*[[(]?\s*(\d+(?:\.\d+)?)(?:\s*\/\s*(0*[1-9]\d*))?/gi;
/** How far into its epoch a progress line is: Keras `50/100 [` at the line start, or tqdm's `| 50/100 [`. */
const PROGRESS = /(?:^\s*|(\|)\s*)(\d+)\/(0*[1-9]\d*)(?![\d/])/;
const WORD = /^[A-Za-z_][\w./-]*$/;
const ONLY_NUMBER = new RegExp(`^${NUMBER}$`);
const KERAS_HEADER = /^\s*Epoch\s+(\d+)\/\d+\s*$/i;
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[A-Za-z]/g;

const STEP_KEYS = new Set(['step', 'global_step', 'iter', 'iteration']);
/** Keys that number or date a line rather than measure training. */
const NOT_SCALARS = new Set(['epoch', ...STEP_KEYS, 'v_num', 'version', 'pid', 'id', 'rank', 'local_rank', 'world_size', 'seed', 'timestamp', 'time_stamp', 'date']);

interface LineX {
  readonly x: number;
  readonly xLabel: ScalarSeries['xLabel'];
}

export function parseTrainingScalars(lines: readonly string[]): ScalarSeries[] {
  const series = new Map<string, { xLabel: ScalarSeries['xLabel']; points: ScalarPoint[] }>();
  let kerasEpoch: number | undefined;
  lines.forEach((line, index) => {
    // A progress bar rewrites itself with carriage returns: each rewrite is a line of its own.
    for (const segment of line.replace(ANSI_ESCAPE, '').split('\r')) {
      const header = KERAS_HEADER.exec(segment);
      if (header) {
        kerasEpoch = Number(header[1]);
        continue;
      }
      const pairs = pairsOf(segment);
      const lineX = xOf(segment, pairs, kerasEpoch, index + 1);
      if (!lineX) {
        continue;
      }
      for (const [key, value] of pairs) {
        if (NOT_SCALARS.has(key.toLowerCase()) || key.length > MAX_KEY_LENGTH || !Number.isFinite(value)) {
          continue;
        }
        let entry = series.get(key);
        if (!entry && series.size < MAX_SCALAR_SERIES) {
          entry = { xLabel: lineX.xLabel, points: [] };
          series.set(key, entry);
        }
        // A series keeps one kind of x: a point counted another way would not belong on its axis.
        if (entry?.xLabel === lineX.xLabel) {
          entry.points.push({ x: lineX.x, y: value });
        }
      }
    }
  });
  return [...series].map(([key, { xLabel, points }]) => ({ key, xLabel, points: newestPerX(points) }));
}

/** The points in x order, one per x: the one printed last (the sort is stable). */
function newestPerX(points: readonly ScalarPoint[]): ScalarPoint[] {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  return sorted.filter((point, i) => i === sorted.length - 1 || sorted[i + 1].x !== point.x);
}

/** The line's `key=value` / `key: value` pairs, or its `word number` pairs when the whole line is made of them. */
function pairsOf(segment: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const match of segment.matchAll(PAIR)) {
    pairs.set(match[1], Number(match[2]));
  }
  const words = segment.trim().split(/[\s,;|]+/).map((word) => word.replace(/:$/, ''));
  const alternates = words.length >= 4 && words.length % 2 === 0 && words.every((word, i) => (i % 2 === 0 ? WORD : ONLY_NUMBER).test(word));
  if (alternates) {
    for (let i = 0; i < words.length; i += 2) {
      pairs.set(words[i], Number(words[i + 1]));
    }
  }
  return pairs;
}

function xOf(segment: string, pairs: ReadonlyMap<string, number>, kerasEpoch: number | undefined, lineNumber: number): LineX | undefined {
  if (pairs.size === 0) {
    return undefined;
  }
  let epoch: number | undefined;
  // An epoch printed as a value (`'epoch': 0.1`) is the epochs done already; a heading (`Epoch 3`) is not.
  let epochIsValue = false;
  let step: { value: number; total?: number } | undefined;
  for (const [key, value] of pairs) {
    const name = key.toLowerCase();
    if (name === 'epoch') {
      epoch = value;
      epochIsValue = true;
    } else if (STEP_KEYS.has(name)) {
      step = { value };
    }
  }
  for (const match of segment.matchAll(MARKER)) {
    const value = Number(match[2]);
    if (match[1].toLowerCase() === 'epoch') {
      epoch ??= value;
    } else {
      step = match[3] === undefined ? (step ?? { value }) : { value, total: Number(match[3]) };
    }
  }
  if (step && (step.total === undefined || epoch === undefined)) {
    return { x: step.value, xLabel: 'step' };
  }
  const progress = PROGRESS.exec(segment);
  if (epoch !== undefined) {
    if (step?.total !== undefined) {
      return epochsDone(epoch, false, step.value / step.total);
    }
    return progress && !epochIsValue ? epochsDone(epoch, progress[1] !== undefined, Number(progress[2]) / Number(progress[3])) : { x: epoch, xLabel: 'epoch' };
  }
  if (kerasEpoch !== undefined && progress && progress[1] === undefined) {
    return epochsDone(kerasEpoch, false, Number(progress[2]) / Number(progress[3]));
  }
  // A JSON object or a dict repr, perhaps after a logger's prefix.
  return segment.includes('{') && segment.trimEnd().endsWith('}') ? { x: lineNumber, xLabel: 'line' } : undefined;
}

/**
 * Epochs done, `within` of the way through epoch number `epoch`: 1-based, except on a tqdm progress bar (PyTorch
 * Lightning counts from 0) or where the number is 0. Rounded, so that a fraction recurs as the same number.
 */
function epochsDone(epoch: number, onProgressBar: boolean, within: number): LineX {
  const started = onProgressBar || epoch === 0 ? epoch : epoch - 1;
  return { x: Math.round((started + within) * 1e6) / 1e6, xLabel: 'epoch' };
}
