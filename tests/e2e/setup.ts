import { afterEach } from 'vitest';
import { checkPagesAfterTest } from './harness';

// Every e2e test fails when a page it opened reported an error, and its contexts are closed after it.
afterEach(checkPagesAfterTest);
