//

export * from './Api.server';
