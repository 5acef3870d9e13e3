/**
 * Starts the production server (scripts/serve.ts), as tsx or `node --import tsx` arguments,
 * the way `npm start` does: with the react-server condition, because it loads the API's
 * server-only route modules itself.
 */
export const SERVE_ARGS = ["--conditions=react-server", "scripts/serve.ts"];
