import { defineConfig } from 'drizzle-kit';

// Migrations are timestamp-named and committed; they are applied at start-up by the backend.
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/backend/db/schema/tables/*.ts',
  out: './electron/backend/db/migrations',
  migrations: { prefix: 'timestamp' },
  strict: true,
  verbose: true,
});
