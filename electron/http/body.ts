import type { IncomingMessage } from 'node:http';

/** A request the bridge refuses, with the HTTP status that says why. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request body as JSON, at most `limit` bytes. A declared length over the limit is refused
 * before a byte is read; a body that grows over it stops being read (the caller answers 413 and
 * closes the connection). A body cut off before its declared end, one that is not UTF-8 or not
 * JSON is a 400.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    return Promise.reject(new HttpError(413, `the body is larger than the bridge's limit of ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
    };
    const fail = (error: HttpError) => {
      stop();
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(new HttpError(413, `the body is larger than the bridge's limit of ${limit} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      let text: string;
      try {
        text = utf8.decode(Buffer.concat(chunks));
      } catch {
        return reject(new HttpError(400, 'the body is not valid UTF-8'));
      }
      try {
        resolve(text.length > 0 ? JSON.parse(text) : {});
      } catch (error) {
        reject(new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`));
      }
    };
    const onError = () => fail(new HttpError(400, 'the body was cut off before its end'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}
