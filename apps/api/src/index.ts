// What benchmarks and tools outside the app may use: the composition root and its factory.
export { AppModule } from './app.module';
export { createApp, type CreateAppOptions } from './bootstrap';
