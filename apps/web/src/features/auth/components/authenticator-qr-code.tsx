import { Box } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';

interface AuthenticatorQrCodeProps {
  /** The `otpauth://` URI from the server; it holds the secret, so it is drawn here and sent nowhere. */
  otpauthUri: string;
  /** What a screen reader says instead of the picture. */
  label: string;
}

/**
 * The secret as a QR code for the authenticator app to scan, drawn in the browser as SVG. Dark on
 * white with a four-module quiet zone in either colour scheme, as scanners expect.
 */
export function AuthenticatorQrCode({ otpauthUri, label }: AuthenticatorQrCodeProps) {
  return (
    <Box bg="white" style={{ lineHeight: 0, alignSelf: 'center', borderRadius: 'var(--mantine-radius-sm)' }}>
      <QRCodeSVG value={otpauthUri} size={208} level="M" marginSize={4} aria-label={label} />
    </Box>
  );
}
