// The event-loop benchmark's idle sibling (tests/bench/eventLoop.ts forks it): a process that does
// nothing but watch its own loop, under the same load at the same moments as the hosting process.
// 'start' begins a window, 'stop' answers with its figures (loopWatch.ts), 'exit' ends it.
import { watchLoop } from './loopWatch';

let watching: ReturnType<typeof watchLoop> | undefined;
process.on('message', (message) => {
  if (message === 'start') {
    watching = watchLoop();
    process.send?.('started');
  } else if (message === 'stop' && watching) {
    process.send?.(watching.stop());
    watching = undefined;
  } else if (message === 'exit') {
    process.exit(0);
  }
});
process.send?.('ready');
