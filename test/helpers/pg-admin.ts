import pg from 'pg';

/** Runs one statement on its own connection (CREATE and DROP DATABASE need one outside a pool). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
