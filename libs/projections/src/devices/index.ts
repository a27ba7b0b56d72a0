export * from './device-document';
export * from './devices.projection';
