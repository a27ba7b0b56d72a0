import { Image, Loader } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code of `url` as an SVG image: sharp at any print size, readable by any phone's camera.
 * Medium error correction survives a label that gets scuffed on a machine.
 */
export function AssetQrCode({ url, alt, size = 220 }: { url: string; alt: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((made) => {
      if (live) setSvg(made);
    });
    return () => {
      live = false;
    };
  }, [url]);
  if (!svg) return <Loader size="sm" aria-hidden="true" />;
  return (
    <Image
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={alt}
      w={size}
      h={size}
      data-testid="asset-qr"
      data-url={url}
    />
  );
}
