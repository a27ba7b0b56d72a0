import { FieldValidationError } from '../errors';
import { checkPhoto } from './request-photos';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64, 7),
]);

/** The field and code of a refusal. */
function refusal(run: () => void): { field?: string; code?: string; status?: string } {
  try {
    run();
    return {};
  } catch (error) {
    if (error instanceof FieldValidationError)
      return { field: error.issues[0]?.field, code: error.issues[0]?.code };
    return { field: (error as { field?: string }).field, code: (error as { code?: string }).code };
  }
}

describe('a photo sent with a request', () => {
  it('is taken when its bytes are an image and its name agrees', () => {
    expect(refusal(() => checkPhoto({ fileName: 'boiler.png', content: PNG }, 1000))).toEqual({});
    expect(refusal(() => checkPhoto({ fileName: 'IMG_0001.jpg', content: JPEG }, 1000))).toEqual({});
  });

  it('is refused on the photo field when empty, too big, a program, a document, or named for something else', () => {
    expect(refusal(() => checkPhoto({ fileName: 'a.png', content: Buffer.alloc(0) }, 1000))).toEqual({
      field: 'photo',
      code: 'empty_file',
    });
    expect(refusal(() => checkPhoto({ fileName: 'a.png', content: PNG }, 10))).toEqual({
      field: 'photo',
      code: 'attachment_too_large',
    });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 1)]);
    expect(refusal(() => checkPhoto({ fileName: 'photo.jpg', content: exe }, 1000))).toEqual({
      field: 'photo',
      code: 'not_a_photo',
    });
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    expect(refusal(() => checkPhoto({ fileName: 'scan.pdf', content: pdf }, 1000))).toEqual({
      field: 'photo',
      code: 'not_a_photo',
    });
    expect(refusal(() => checkPhoto({ fileName: 'boiler.jpg', content: PNG }, 1000))).toEqual({
      field: 'photo',
      code: 'not_a_photo',
    });
  });
});
