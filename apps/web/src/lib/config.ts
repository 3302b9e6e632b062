// The web server's settings, read from the environment at request time (never inlined in
// the browser's code). Everything shown to people is French; names here are English.

export interface WebConfig {
  /** Where the API answers, without /graphql. */
  readonly apiUrl: string;
  /** Public address of this site, for canonical URLs, the sitemap and Open Graph. */
  readonly siteUrl: string;
  /** The network's name, shown in the header, titles and footer. */
  readonly networkName: string;
  /** One line under the name. */
  readonly networkTagline: string;
  /** Optional logo (an address the browser may load: same origin, e.g. /logo.svg). */
  readonly networkLogoUrl: string | undefined;
  /** Main colour (#rrggbb) of the white-label identity. */
  readonly networkColor: string;
  /** Contact address for the accessibility statement and the legal pages. */
  readonly contactEmail: string;
  /** Publisher shown in the legal notice. */
  readonly publisher: string;
  /** The State's identity (Marianne, "République française", Marianne font): only for entitled operators. */
  readonly officialStateIdentity: boolean;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function webConfig(): WebConfig {
  const color = env('NETWORK_COLOR');
  const logo = env('NETWORK_LOGO_URL');
  return {
    apiUrl: (env('API_URL') ?? 'http://localhost:3000').replace(/\/+$/, '').replace(/\/graphql$/, ''),
    siteUrl: (env('WEB_URL') ?? `http://localhost:${env('PORT') ?? '3001'}`).replace(/\/+$/, ''),
    networkName: env('NETWORK_NAME') ?? "RES'OCC",
    networkTagline: env('NETWORK_TAGLINE') ?? 'Réseau des achats responsables en Occitanie',
    networkLogoUrl: logo !== undefined && /^(\/|https:\/\/)/.test(logo) ? logo : undefined,
    networkColor: color !== undefined && HEX_COLOR.test(color) ? color : '#00605a',
    contactEmail: env('CONTACT_EMAIL') ?? 'contact@resocc.example',
    publisher: env('PUBLISHER') ?? "Association RES'OCC (réseau fictif de démonstration)",
    officialStateIdentity: env('OFFICIAL_STATE_IDENTITY') === 'true',
  };
}
