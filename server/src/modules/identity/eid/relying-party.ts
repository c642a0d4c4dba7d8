// The platform as an OpenID Connect relying party of the national eID: authorization
// code flow with PKCE, state and nonce. The provider is found through its discovery
// document, so a real provider is only configuration (EID_ISSUER, EID_CLIENT_ID,
// EID_CLIENT_SECRET, EID_REDIRECT_URI).
import * as oidc from 'openid-client';

export interface RelyingPartySettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUri: string;
  scope: string;
  /** Plain http is allowed only for a local or demo provider. */
  allowHttp: boolean;
  /** How to reach the provider; the embedded demo provider is called in-process. */
  fetch?: oidc.CustomFetch;
}

export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export class EidRelyingParty {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly settings: RelyingPartySettings) {}

  private discover(): Promise<oidc.Configuration> {
    const s = this.settings;
    this.configuration ??= oidc
      .discovery(new URL(s.issuer), s.clientId, undefined, s.clientSecret ? oidc.ClientSecretBasic(s.clientSecret) : oidc.None(), {
        ...(s.fetch ? { [oidc.customFetch]: s.fetch } : {}),
        execute: s.allowHttp ? [oidc.allowInsecureRequests] : [],
      })
      .catch((err: unknown) => {
        this.configuration = undefined; // try discovery again on the next sign-in
        throw err;
      });
    return this.configuration;
  }

  static newChecks(): AuthorizationChecks {
    return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  }

  async authorizationUrl(checks: AuthorizationChecks): Promise<string> {
    const config = await this.discover();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    }).href;
  }

  /** Exchanges the code and returns the ID token claims merged with the userinfo claims. */
  async complete(callbackUrl: URL, checks: AuthorizationChecks): Promise<Record<string, unknown>> {
    const config = await this.discover();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the eID provider returned no ID token');
    const userinfo = config.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
    return { ...idClaims, ...userinfo };
  }
}
