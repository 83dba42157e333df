import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * `layers/imports`: an import may not cross into a folder its zone forbids (the dependency rule
 * of docs/architecture.md). Each zone is `{ target, from, except?, message }`, folders relative to
 * the repository; an import is checked where it resolves, so `../../store/x.js` from any depth is
 * caught, and so are `export … from` and `import('…')` types.
 */
const imports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer to the imports the dependency rule allows.' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            target: { type: 'string' },
            from: { type: 'string' },
            except: { type: 'array', items: { type: 'string' } },
            message: { type: 'string' },
          },
          required: ['target', 'from', 'message'],
          additionalProperties: false,
        },
      },
    ],
  },
  create(context) {
    const zones = context.options[0] ?? [];
    const file = relative(ROOT, context.filename);
    const mine = zones.filter((zone) => within(file, zone.target));
    if (mine.length === 0) return {};

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = relative(ROOT, resolve(dirname(context.filename), source));
      for (const zone of mine) {
        const excepted = (zone.except ?? []).some((folder) => within(to, folder));
        if (within(to, zone.from) && !excepted) {
          context.report({ node, message: `${zone.message} (${source})` });
        }
      }
    }

    const fromSource = (node) => {
      if (node.source) check(node.source, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node.source, node.source.value),
      TSImportType: (node) => check(node, node.source?.value),
    };
  },
};

function within(path, folder) {
  const normal = path.split(sep).join('/');
  return normal === folder || normal.startsWith(`${folder}/`);
}

export const layers = { rules: { imports } };
