import { runCliMain } from '@fieldstream/infrastructure';
import { runSeedCli } from './run-seed';

runCliMain('seed', runSeedCli);
