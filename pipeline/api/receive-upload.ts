// One uploaded file from a multipart request, streamed to a scratch folder: the file part (exactly one) and the
// optional `dataset` field. Shared by the upload and the upload check, so both read a request the same way.
import { createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { datasets } from '../contracts/index.ts';
import { CodedError } from './plugins/errors.ts';

const DATASETS = new Set(datasets.map((d) => d.name));

export async function receiveUpload(
  req: FastifyRequest,
  dir: string,
  limitMb: number,
): Promise<{ path: string; dataset: string | undefined }> {
  if (!req.isMultipart()) throw new CodedError('unsupported_media_type');
  let path: string | null = null;
  let dataset: string | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (path) throw new CodedError('upload.one_file');
      const name = basename(part.filename || 'upload').replace(/[^\p{L}\p{N}._-]/gu, '_') || 'upload';
      path = join(dir, name);
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) throw new CodedError('too_large', { limit_mb: limitMb });
    } else if (part.fieldname === 'dataset' && typeof part.value === 'string' && part.value !== '') {
      if (!DATASETS.has(part.value))
        throw new CodedError('upload.unknown_dataset', { dataset: part.value, known: [...DATASETS] });
      dataset = part.value;
    }
  }
  if (!path) throw new CodedError('upload.no_file');
  return { path, dataset };
}
