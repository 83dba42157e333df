export type DatabaseTarget =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; connectionString: string };

/** `sqlite:<path>` (or `sqlite::memory:`) or `postgres://…`; null when it is neither. */
export function parseDatabaseUrl(url: string): DatabaseTarget | null {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return path.length > 0 ? { dialect: 'sqlite', path } : null;
  }
  if (/^postgres(ql)?:\/\/.+/.test(url)) return { dialect: 'postgres', connectionString: url };
  return null;
}
