// Prints the README's configuration table: node -r @swc-node/register libs/infrastructure/src/config/print-config-table.ts
import { environmentVariablesMarkdown } from './environment-variables';

process.stdout.write(`${environmentVariablesMarkdown()}\n`);
