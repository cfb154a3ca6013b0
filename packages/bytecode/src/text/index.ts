export * from './utf8-error.js';
