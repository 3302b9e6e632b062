import { Injectable } from '@nestjs/common';
import { AppConfig } from '@resocc/core';
import jwt from 'jsonwebtoken';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'resocc';
const AUDIENCE = 'resocc-api';

export interface AccessClaims {
  userId: string;
  /** Session family: revoking it ends the access tokens issued within it. */
  familyId: string;
}

/** Short-lived JWTs: HS256 only, issuer, audience and expiry always checked. */
@Injectable()
export class AccessTokens {
  constructor(private readonly config: AppConfig) {}

  issue(claims: AccessClaims, now = new Date()): { token: string; expiresAt: Date } {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const token = jwt.sign({ sid: claims.familyId, iat: issuedAt }, this.config.jwtSecret, {
      algorithm: 'HS256',
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      issuer: ISSUER,
      audience: AUDIENCE,
      subject: claims.userId,
    });
    return { token, expiresAt: new Date((issuedAt + ACCESS_TOKEN_TTL_SECONDS) * 1000) };
  }

  /** The claims of a valid token, or null (bad signature, other algorithm, expired, wrong issuer or audience). */
  verify(token: string): AccessClaims | null {
    try {
      const payload = jwt.verify(token, this.config.jwtSecret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (
        typeof payload !== 'object' ||
        typeof payload.sub !== 'string' ||
        typeof payload['sid'] !== 'string'
      ) {
        return null;
      }
      return { userId: payload.sub, familyId: payload['sid'] as string };
    } catch {
      return null;
    }
  }
}
