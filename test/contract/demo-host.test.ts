// The contract suite on the Demo host (drivers/demo), opened through drivers/index like the app does.
import { openConnection } from '../../drivers/index.js';
import { contractSuite } from './suite.js';

contractSuite('Demo host (drivers/demo)', {
  backend: 'demo',
  async open(fixture) {
    const conn = await openConnection(`test://${fixture}`);
    return { conn, close: () => conn.close() };
  },
});
