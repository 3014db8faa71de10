import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  // One file per aggregate; src/db/schema.ts only assembles them for drizzle() at run time.
  schema: './src/db/schema/*.ts',
  out: './migrations',
});
