// Test-only entry point (jest, fast-check, mingo): import it from spec files, never from src.
export { readStoreContract, type ReadStoreContractOptions } from './read-store.contract';
