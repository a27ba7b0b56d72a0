import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = `http://127.0.0.1:${process.env['API_PORT'] ?? '3000'}`;

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the desk: separate chunks stay cached across releases.
        // Each screen is loaded on demand (`lazyScreen` in the routes), so only what the first page
        // needs may sit in a chunk that index.html loads up front: `vendor` takes only `$initial`
        // modules (statically imported from the entry). The calendar, map and chart libraries get
        // chunks of their own, loaded with the first screen that needs them; any other library a screen alone
        // uses stays in that screen's chunk (automatic chunking).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|clsx)/,
              priority: 20,
            },
            { name: 'vendor', test: /node_modules/, tags: ['$initial'], priority: 10 },
            {
              // Agendas, availability, the technician's agenda and the board.
              name: 'fullcalendar',
              test: /node_modules[\\/](@fullcalendar[\\/](react|core)|@full-ui|temporal-polyfill|temporal-utils)[\\/]/,
              priority: 8,
            },
            {
              // The board's resource timeline only.
              name: 'fullcalendar-scheduler',
              test: /node_modules[\\/]@fullcalendar[\\/]react-scheduler[\\/]/,
              priority: 6,
            },
            {
              name: 'leaflet',
              test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/,
              priority: 6,
            },
            {
              // The SLA dashboard's chart only: recharts and what it draws with (d3 through
              // victory-vendor, its redux store). Whatever the first page shares with it (clsx,
              // use-sync-external-store) has gone to `vendor` or `mantine` first, by priority.
              name: 'recharts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|use-sync-external-store|react-is)[\\/]/,
              priority: 6,
            },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env['DESK_PORT'] ?? 4200),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  // The preview proxies too, so a built desk can be tried against a running API without the launcher.
  preview: {
    host: '127.0.0.1',
    port: Number(process.env['DESK_PORT'] ?? 4300),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
