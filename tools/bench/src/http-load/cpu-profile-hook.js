// Preloaded into the server processes (NODE_OPTIONS=--require) by `--cpu-prof DIR`: Node refuses
// --cpu-prof in NODE_OPTIONS, so the profile is taken through the inspector of the process itself
// and written when it exits. Plain JavaScript: it runs before any TypeScript hook is registered.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // An in-process session answers synchronously, so this completes inside the exit handler.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
