export * from './libm.js';
