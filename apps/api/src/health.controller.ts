import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { HealthService, Public, type ReadinessReport } from '@resocc/core';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers. */
  @Public()
  @Get()
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 503 while the database or the search engine cannot be reached. */
  @Public()
  @Get('ready')
  async ready(): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    if (!report.ready) throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
