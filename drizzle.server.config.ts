import { defineConfig } from 'drizzle-kit';

// District server migrations (PostgreSQL dialect; applied to PGlite or PostgreSQL at start-up).
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
  migrations: { prefix: 'timestamp' },
  strict: true,
  verbose: true,
});
