import packageJson from '../../package.json' with { type: 'json' };

export const BATON_VERSION: string = packageJson.version;
