// DOCX → HTML with mammoth (merged cells become rowspan/colspan), then the HTML extractor.
import mammoth from 'mammoth';
import { extractHtml } from './extract-html.ts';
import type { ExtractedDocument } from './document.ts';

export async function extractDocx(buffer: Buffer): Promise<ExtractedDocument> {
  const { value } = await mammoth.convertToHtml({ buffer });
  return { ...extractHtml(`<body>${value}</body>`), lineUnit: 'paragraph or table row' };
}
