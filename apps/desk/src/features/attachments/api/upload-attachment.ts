import type { AttachmentAnswer } from '@fieldstream/api-contract';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { NetworkError } from '../../../shared/api/network-error';
import { parseProblem } from '../../../shared/api/parse-problem';
import { attachmentPaths } from './attachment-paths';

function parseJson(text: string): unknown {
  try {
    return text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/**
 * Sends one file as multipart/form-data field `file`. XMLHttpRequest rather than fetch, because
 * only it reports upload progress; errors are the same ApiProblemError the rest of the desk reads.
 */
export function uploadAttachment(options: {
  ownerKind: string;
  ownerCode: string;
  file: File;
  token: string | undefined;
  /** 0..1 as the bytes leave. */
  onProgress?: (fraction: number) => void;
}): Promise<AttachmentAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', attachmentPaths.list(options.ownerKind, options.ownerCode));
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (options.token) request.setRequestHeader('Authorization', `Bearer ${options.token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    request.onerror = () => reject(new NetworkError(new Error('upload failed')));
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        options.onProgress?.(1);
        resolve(body as AttachmentAnswer);
        return;
      }
      reject(new ApiProblemError(parseProblem(request.status, request.statusText, body), body));
    };
    const form = new FormData();
    form.append('file', options.file, options.file.name);
    request.send(form);
  });
}
