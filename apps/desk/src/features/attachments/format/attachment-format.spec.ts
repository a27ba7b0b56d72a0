import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { parseProblem } from '../../../shared/api/parse-problem';
import { formatBytes } from './format-bytes';
import { PREVIEW_MAX_BYTES, previewKind } from './preview-kind';
import { uploadProblemKey } from './upload-problem-key';

describe('formatBytes', () => {
  it('picks the unit and the language', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(1536, 'it')).toBe('1,5 kB');
    expect(formatBytes(25 * 1024 * 1024, 'en')).toBe('25 MB');
  });
});

describe('previewKind', () => {
  it('previews small images and PDFs only', () => {
    expect(previewKind('image/png', 100)).toBe('image');
    expect(previewKind('image/jpeg', 100)).toBe('image');
    expect(previewKind('application/pdf', 100)).toBe('pdf');
    expect(previewKind('image/svg+xml', 100)).toBeUndefined();
    expect(previewKind('text/csv', 100)).toBeUndefined();
    expect(previewKind('image/png', PREVIEW_MAX_BYTES + 1)).toBeUndefined();
  });
});

describe('uploadProblemKey', () => {
  const refusal = (status: number) =>
    new ApiProblemError(parseProblem(status, '', { errors: [{ field: 'file', message: 'no' }] }));
  it('says why an upload was refused', () => {
    expect(uploadProblemKey(refusal(413))).toBe('upload.tooLarge');
    expect(uploadProblemKey(refusal(415))).toBe('upload.typeRefused');
    expect(uploadProblemKey(refusal(403))).toBe('upload.forbidden');
    expect(uploadProblemKey(refusal(500))).toBeUndefined();
    expect(uploadProblemKey(new Error('x'))).toBeUndefined();
  });
});
