/**
 * The JSON objects and arrays in a command's output, in order: curl prints answers one after the
 * other without separators, `curl -i` puts headers before them, and `jq -c` one per line. Text
 * between them (headers, CSV) is skipped.
 */
export function jsonValuesIn(output: string): unknown[] {
  const values: unknown[] = [];
  let i = 0;
  while (i < output.length) {
    const char = output[i];
    if (char !== '{' && char !== '[') {
      i += 1;
      continue;
    }
    const end = closingIndex(output, i);
    if (end === -1) break;
    try {
      values.push(JSON.parse(output.slice(i, end + 1)));
      i = end + 1;
    } catch {
      i += 1;
    }
  }
  return values;
}

/** Where the object or array opening at `start` closes, minding strings; -1 if it never does. */
function closingIndex(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
