#!/usr/bin/env node
// The `framing-lens` command: loads the TypeScript sources through tsx, so the command line runs
// exactly the matcher the content script is built from.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
main(process.argv.slice(2));
