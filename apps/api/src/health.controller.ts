import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { HealthService, type PublicReadiness, Public, publicReadiness } from '@resocc/core';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers. */
  @Public()
  @Get()
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: 503 while the database or the search engine cannot be reached. Anyone may
   * ask, so the answer says up or down per dependency and nothing else (why goes to the logs).
   */
  @Public()
  @Get('ready')
  async ready(): Promise<PublicReadiness> {
    const report = publicReadiness(await this.health.readiness());
    if (report.status !== 'ready') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
