// Schemas and types shared by the server and the web app, plus pure helpers that both
// sides run (validation rules a citizen should see before sending a form).
export * from './errors.ts';
export * from './vietnamese.ts';
export * from './roles.ts';
export * from './abilities.ts';
