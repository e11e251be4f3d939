// The demo's generation thread (started by produceThread.ts): generates every row and posts them a
// batch at a time through the producer pipe (lib/producerThread.ts), which waits while MAX_AHEAD
// batches are not yet written and stops the generator once the writer wants no more.
import { produceInWorker } from '../lib/producerThread';
import { produceRows } from './produce';
import { batchingSink, type ProduceRequest, type RowBatch } from './produceThread';

produceInWorker<ProduceRequest, RowBatch, null>((request, send) => {
  const { sink, end } = batchingSink(request.batchRows, send);
  produceRows(sink, request);
  end();
  return null;
});
