import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { UploadError } from '../native/upload-error';
import { describeFailure } from './send-failure';

describe('describeFailure', () => {
  it('should read the code and reason of a GraphQL error when the server refuses', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'WO-12 was reassigned',
          extensions: { code: 'CONFLICT', reason: 'REASSIGNED' },
        },
      ],
    });
    expect(describeFailure(error)).toEqual({
      kind: 'graphql',
      code: 'CONFLICT',
      reason: 'REASSIGNED',
      message: 'WO-12 was reassigned',
    });
  });

  it('should keep the HTTP status when the server fails without a GraphQL answer', () => {
    const error = new ServerError('Bad gateway', {
      response: new Response('<html>', { status: 502 }),
      bodyText: '<html>',
    });
    expect(describeFailure(error)).toMatchObject({ kind: 'http', status: 502 });
  });

  it('should read a GraphQL error out of a non-2xx body', () => {
    const body = JSON.stringify({
      errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const error = new ServerError('Unauthorized', {
      response: new Response(body, { status: 401 }),
      bodyText: body,
    });
    expect(describeFailure(error)).toMatchObject({ kind: 'graphql', code: 'UNAUTHENTICATED' });
  });

  it('should call anything else a network failure', () => {
    expect(describeFailure(new TypeError('Failed to fetch')).kind).toBe('network');
  });
});

describe('describeFailure of a resumable upload', () => {
  it('should treat no answer as offline, and keep the HTTP status and the server message otherwise', () => {
    expect(describeFailure(new UploadError('socket hang up', null))).toEqual({
      kind: 'network',
      message: 'No connection to the server',
    });
    expect(describeFailure(new UploadError('The file is not a PNG image', 400))).toEqual({
      kind: 'http',
      status: 400,
      message: 'The file is not a PNG image',
    });
    expect(describeFailure(new UploadError('busy', 503))).toMatchObject({
      kind: 'http',
      status: 503,
    });
  });
});
