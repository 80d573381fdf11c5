export const en = {
  app: { title: 'Hangar' },
  status: {
    connecting: 'Connecting to the Hangar service…',
    connected: 'Connected to the Hangar service {{version}} ({{mode}})',
    disconnected: 'The connection to the Hangar service was lost: {{reason}}',
  },
  mode: { web: 'browser mode', electron: 'desktop' },
  manager: {
    empty: 'No connections yet.',
  },
} as const;
