import { runCliMain } from '@fieldstream/infrastructure';
import { runRebuildCli } from './run-rebuild';

runCliMain('rebuild', runRebuildCli);
