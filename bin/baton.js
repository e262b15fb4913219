#!/usr/bin/env node
// The `baton` command: the bundled CLI, built on first use when this checkout has not built it yet.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/baton.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  const { buildServer } = await import('../scripts/build.mjs');
  await buildServer();
}
await import(bundle.href);
