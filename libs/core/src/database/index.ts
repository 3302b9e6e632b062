// Database helpers without Nest: usable from scripts and the Jest global setup.
export * from './embedded-postgres';
export * from './data-source';
