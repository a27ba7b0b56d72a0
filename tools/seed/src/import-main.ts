import { runCliMain } from '@fieldstream/infrastructure';
import { runImportCli } from './run-import';

runCliMain('import', runImportCli);
