/**
 * The fenced blocks of a guided tour in Markdown, in order. A block may be preceded (on the last
 * non-blank line before its fence) by a marker the tour test understands:
 *
 * - `<!-- tour-test: skip -->` before a shell block: the test does not run it, because it cannot
 *   or must not (it starts the server, which the test starts itself; it needs a second machine;
 *   it waits for hours). Say why after the marker's keyword, e.g. `skip: starts the server`.
 * - `<!-- tour-test: example -->` before an answer block: it illustrates an answer the tour's own
 *   commands do not get (a refusal, a delivery log after a day of retries), so it is not compared.
 *
 * Anything else in a comment is text for readers, not a marker.
 */
export interface TourBlock {
  kind: 'shell' | 'answer' | 'other';
  /** `sh`, `json`, `` (none) … as written after the fence. */
  language: string;
  text: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
  marker: 'skip' | 'example' | undefined;
}

const MARKER = /^<!--\s*tour-test:\s*(skip|example)\b.*-->$/;

export function tourBlocks(markdown: string): TourBlock[] {
  const lines = markdown.split('\n');
  const blocks: TourBlock[] = [];
  let lastText = '';
  for (let i = 0; i < lines.length; i += 1) {
    const fence = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!fence) {
      if (lines[i]!.trim() !== '') lastText = lines[i]!.trim();
      continue;
    }
    const language = fence[1] ?? '';
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]!); i += 1) body.push(lines[i]!);
    const marker = MARKER.exec(lastText)?.[1] as TourBlock['marker'];
    const text = body.join('\n');
    blocks.push({ kind: kindOf(language, text), language, text, line: start + 1, marker });
    lastText = '';
  }
  return blocks;
}

/** JSON blocks are answers; so are unlabelled blocks of JSON lines (what `jq -c` prints). */
function kindOf(language: string, text: string): TourBlock['kind'] {
  if (language === 'sh') return 'shell';
  if (language === 'json') return 'answer';
  if (language === '' && text.trim() !== '' && text.trim().split('\n').every(isJsonLine))
    return 'answer';
  return 'other';
}

function isJsonLine(line: string): boolean {
  if (line.trim() === '…') return true;
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** The documented answers of a block: a JSON block is one value, a block of lines one per line. */
export function documentedValues(block: TourBlock): unknown[] {
  if (block.language === 'json') return [JSON.parse(block.text) as unknown];
  return block.text
    .split('\n')
    .filter((line) => line.trim() !== '' && line.trim() !== '…')
    .map((line) => JSON.parse(line) as unknown);
}
