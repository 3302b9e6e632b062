import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export const DATA_SOURCE = Symbol('DATA_SOURCE');

/** Runs work in one transaction; every query inside must use the manager it receives. */
@Injectable()
export class TransactionRunner {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
