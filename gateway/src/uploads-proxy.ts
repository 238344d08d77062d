import { signActor } from '@attendant/kit';
import express from 'express';
import { admitSignedIn, type ForwardOptions } from './staff-route';

/** tus request headers the operations subgraph needs, and the answer headers the device needs. */
const REQUEST_HEADERS = [
  'tus-resumable',
  'upload-length',
  'upload-metadata',
  'upload-offset',
  'upload-defer-length',
  'upload-concat',
  'content-type',
  'x-http-method-override',
];
const RESPONSE_HEADERS = [
  'location',
  'upload-offset',
  'upload-length',
  'upload-metadata',
  'upload-expires',
  'tus-resumable',
  'tus-version',
  'tus-extension',
  'tus-max-size',
  'cache-control',
  'content-type',
  'attendant-attachment-id',
];
/** A chunk is at most this big (the app sends 256 KB; 5 MB files fit in one chunk too). */
const MAX_CHUNK = '6mb';

/**
 * `/uploads` — resumable uploads (tus) of work order files, for signed-in staff and API keys.
 * The credential is checked and rate-limited here; the protocol itself is served by the
 * operations subgraph, which owns attachments, behind its signed internal route.
 */
export function uploadsProxy(options: ForwardOptions): express.Router {
  const { operationsUrl, secret, logger } = options;
  const base = operationsUrl.replace(/\/graphql$/, '/internal');
  const router = express.Router();
  router.use(express.raw({ type: () => true, limit: MAX_CHUNK }));
  router.all(['/', '/:id'], async (req, res) => {
    const actor = await admitSignedIn(req, res, options, 'Sign in to upload files');
    if (!actor) return;
    const id = typeof req.params['id'] === 'string' ? req.params['id'] : undefined;
    if (id !== undefined && !/^[A-Za-z0-9_-]{1,100}$/.test(id)) {
      res.status(404).json({ message: 'Upload not found' });
      return;
    }
    const headers: Record<string, string> = signActor(actor, secret);
    for (const name of REQUEST_HEADERS) {
      const value = req.header(name);
      if (value !== undefined) headers[name] = value;
    }
    const body =
      Buffer.isBuffer(req.body) && req.body.length > 0 ? new Uint8Array(req.body) : undefined;
    try {
      const answer = await fetch(`${base}/uploads${id ? `/${id}` : ''}`, {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
        signal: AbortSignal.timeout(30_000),
      });
      res.status(answer.status);
      for (const name of RESPONSE_HEADERS) {
        const value = answer.headers.get(name);
        if (value !== null) res.setHeader(name, value);
      }
      res.setHeader('Access-Control-Expose-Headers', RESPONSE_HEADERS.join(', '));
      res.send(Buffer.from(await answer.arrayBuffer()));
    } catch (err) {
      logger.warn({ err }, 'upload could not be forwarded');
      res.status(503).json({ message: 'Uploads are unavailable; try again later' });
    }
  });
  return router;
}
