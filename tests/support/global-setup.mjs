// Jest loads global setup outside its ESM pipeline, so the TypeScript module is loaded through tsx.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startTestPostgres } = await tsImport('./test-postgres.ts', import.meta.url);
  await startTestPostgres();
}
