/**
 * `.gitignore` semantics (https://git-scm.com/docs/gitignore) for the files a folder sync sends: comments,
 * `!` negation, directory-only patterns (`name/`), anchored patterns (a `/` at the start or in the middle),
 * `*`, `?`, `[...]`, and `**` as a whole segment (any number of folders; at the end, everything inside).
 * Paths are `/`-separated and relative to one root; an ignore file's rules apply below the folder it sits in.
 */

export interface IgnoreRule {
  readonly negated: boolean;
  readonly directoryOnly: boolean;
  /** Matches a path relative to the folder of the rule's ignore file. */
  readonly pattern: RegExp;
}

/** The rules of one ignore file and where it sits: `''` for the root, else its folder with a trailing `/`. */
export interface IgnoreFile {
  readonly base: string;
  readonly rules: readonly IgnoreRule[];
}

/** The rules of an ignore file's text; blank lines, comments and patterns that cannot match are skipped. */
export function parseIgnoreRules(text: string): IgnoreRule[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const rule = parseLine(line);
    return rule ? [rule] : [];
  });
}

/**
 * Whether `path` (relative to the root) is ignored. `files` come in rising precedence (a deeper `.gitignore`
 * after a shallower one): the last rule that matches decides, as in git. A path inside an ignored folder is
 * never reached by the walk, so nothing can re-include it, as in git.
 */
export function isIgnored(files: readonly IgnoreFile[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const file of files) {
    if (!path.startsWith(file.base)) {
      continue;
    }
    const local = path.slice(file.base.length);
    for (const rule of file.rules) {
      if ((!rule.directoryOnly || isDirectory) && rule.pattern.test(local)) {
        ignored = !rule.negated;
      }
    }
  }
  return ignored;
}

function parseLine(raw: string): IgnoreRule | undefined {
  // Trailing spaces are dropped unless escaped with a backslash.
  let line = raw.replace(/(?<!\\)\s+$/, '');
  if (line === '' || line.startsWith('#')) {
    return undefined;
  }
  const negated = line.startsWith('!');
  if (negated) {
    line = line.slice(1);
  }
  const directoryOnly = line.endsWith('/');
  if (directoryOnly) {
    line = line.slice(0, -1);
  }
  // A slash at the start or in the middle anchors the pattern to the ignore file's folder.
  const anchored = line.includes('/');
  if (line.startsWith('/')) {
    line = line.slice(1);
  }
  if (line === '') {
    return undefined;
  }
  const body = globToRegExp(line);
  return { negated, directoryOnly, pattern: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`) };
}

/** The regular expression source of a glob whose `/` separate path segments. */
function globToRegExp(glob: string): string {
  const segments = glob.split('/');
  let source = '';
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      // Leading or inner: zero or more folders; at the end: everything inside.
      source += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    source += segmentToRegExp(segment) + (last ? '' : '/');
  });
  return source;
}

function segmentToRegExp(segment: string): string {
  let source = '';
  for (let index = 0; index < segment.length; index++) {
    const char = segment[index];
    if (char === '\\' && index + 1 < segment.length) {
      index++;
      source += escapeRegExp(segment[index]);
    } else if (char === '*') {
      // Other runs of asterisks are plain asterisks.
      while (segment[index + 1] === '*') index++;
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const end = segment.indexOf(']', index + 2);
      if (end < 0) {
        source += '\\[';
        continue;
      }
      let set = segment.slice(index + 1, end);
      const negatedSet = set.startsWith('!') || set.startsWith('^');
      if (negatedSet) set = set.slice(1);
      source += `[${negatedSet ? '^/' : ''}${set.replace(/[\\\]^]/g, (special) => `\\${special}`)}]`;
      index = end;
    } else {
      source += escapeRegExp(char);
    }
  }
  return source;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, (special) => `\\${special}`);
}
