export * from './device-api.ts';
