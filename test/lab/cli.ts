// The lab's command line, for people and CI: `image` builds (or finds) the tiny guest's ISO, `accel` says which
// accelerator lab guests get here and why. Usage: tsx test/lab/cli.ts image|accel
import { chooseAccel } from './accel.js';
import { ensureTinyImage } from './image.js';

const commands: Readonly<Record<string, () => Promise<string>>> = {
  image: ensureTinyImage,
  accel: async () => {
    const started = Date.now();
    const { accel, reason } = await chooseAccel();
    return `${accel}: ${reason} (decided in ${Date.now() - started} ms)`;
  },
};

const command = commands[process.argv[2] ?? ''];
if (command === undefined) {
  console.error(`usage: tsx test/lab/cli.ts ${Object.keys(commands).join('|')}`);
  process.exitCode = 2;
} else {
  try {
    console.log(await command());
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
