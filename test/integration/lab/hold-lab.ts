// Starts a lab, prints where it is, and waits to be killed: the lab must clean up after an owner that dies.
import { startLab } from '../../lab/lab.js';

const lab = await startLab();
console.log(JSON.stringify({ dir: lab.dir, pid: lab.pid }));
setInterval(() => undefined, 60_000);
