// GET …/factors/{factorId}/qr/{token}: the PNG the enrollment's qrcode link points at.
import QRCode from 'qrcode';
import type { SimContext } from '../context';
import { oktaErrors } from '../errors';
import type { ApiRequest, ApiResponse } from '../http';
import type { SimFactor, SimUser } from '../model';

const QR_ISSUER = 'Okta Simulator';

/** What the code encodes: an otpauth:// URI for TOTP, an activation URL for push. */
function qrContent(ctx: SimContext, user: SimUser, factor: SimFactor): string {
  const { totp } = factor.secrets;
  if (totp) {
    const label = encodeURIComponent(`${QR_ISSUER}:${user.profile.login}`);
    return `otpauth://totp/${label}?secret=${totp.sharedSecret}&issuer=${encodeURIComponent(QR_ISSUER)}&digits=${totp.digits}&period=${totp.timeStep}`;
  }
  return `${ctx.baseUrl}/api/v1/users/${user.id}/factors/${factor.id}/lifecycle/activate?token=${factor.secrets.qrToken}`;
}

export async function qrImage(ctx: SimContext, req: ApiRequest): Promise<ApiResponse> {
  const user = ctx.store.requireUser(req.params.userId);
  const factor = ctx.store.requireFactor(user, req.params.factorId);
  if (factor.status !== 'PENDING_ACTIVATION' || !factor.secrets.qrToken || factor.secrets.qrToken !== req.params.token) {
    throw oktaErrors.noSuchEndpoint(req.path);
  }
  const data = await QRCode.toBuffer(qrContent(ctx, user, factor), { type: 'png', margin: 2, width: 200 });
  return { status: 200, raw: { data, contentType: 'image/png' } };
}
