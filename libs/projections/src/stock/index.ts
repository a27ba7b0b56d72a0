export * from './stock.projection';
