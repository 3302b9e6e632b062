import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/app-config';
import { errorLogEntry } from '../errors/error-logging';

export type { Logger };

/** Structured JSON logs on stdout. Secrets never reach them: known fields are redacted. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'resocc-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'password',
        '*.password',
        'req.headers.authorization',
        'req.headers.cookie',
        'variables.password',
        'variables.*.password',
        'refreshToken',
        '*.refreshToken',
        'err.parameters',
        'err.driverError.parameters',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.message;
  return JSON.stringify(value);
}

/** Lets Nest write through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, asText(message));
  }

  /**
   * Nest's exception handlers hand over every error a resolver or guard throws, client
   * errors included: those are logged at debug with their code (anyone can cause them, they
   * must not fill the error log), an unavailable database at warn, the rest at error.
   */
  error(message: unknown, trace?: string, context?: string): void {
    if (message instanceof Error) {
      const { kind, code } = errorLogEntry(message);
      if (kind === 'client') this.logger.debug({ context, code }, message.message);
      else if (kind === 'unavailable') this.logger.warn({ context, code }, message.message);
      else this.logger.error({ context, code, err: message }, message.message);
      return;
    }
    this.logger.error({ context, trace }, asText(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, asText(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, asText(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, asText(message));
  }

  fatal(message: unknown, context?: string): void {
    this.logger.fatal({ context }, asText(message));
  }
}

export const LOGGER = Symbol('LOGGER');
