import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_MEDIA_TYPE } from './problem.js';

// Node's parser error codes for requests it refuses before any route sees them.
const STATUS_OF: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/**
 * Requests Node's HTTP parser refuses (headers or URL too large, malformed
 * syntax) never reach Fastify's error handler; answer them as problem details
 * too, on the raw socket, and close it: its stream is no longer in step.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy(error);
    return;
  }
  const status = STATUS_OF[error.code ?? ''] ?? 400;
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const body = JSON.stringify({
    type: 'about:blank',
    title,
    status,
    detail:
      status === 431
        ? 'The request headers or URL are too large (16 KB at most).'
        : status === 408
          ? 'The request took too long to arrive.'
          : 'The request is not valid HTTP.',
  });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\n` +
      `content-type: ${PROBLEM_MEDIA_TYPE}; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'x-content-type-options: nosniff\r\n' +
      'connection: close\r\n\r\n' +
      body,
  );
}
