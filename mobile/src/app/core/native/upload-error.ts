/** A refused or failed upload, with the HTTP status the server answered (null: no answer). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}
