export * from './backchannel-number.ts';
export * from './device-api.ts';
export * from './device-proof-url.ts';
export * from './push-api.ts';
