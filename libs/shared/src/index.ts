// Pure reference data and functions shared by the API and the web app (no I/O, no server
// dependency): what a code means in French.
export * from './departments';
export * from './cpv';
