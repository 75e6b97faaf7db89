/** Where and how to connect. */
export interface MysqlConnectionOptions {
  /** `mysql://user@host:port/database[?ssl-mode=DISABLED|REQUIRED|VERIFY_IDENTITY]`. */
  readonly url: string;
  /** Never taken from argv; see resolvePassword. A password in `url` is used when this is absent. */
  readonly password?: string;
  /** Asked once when the server denies access and no password was given (an interactive terminal). */
  readonly promptPassword?: () => Promise<string>;
  /** PEM text of the CA that signed the server certificate; implies verified TLS. */
  readonly tlsCa?: string;
  /** TLS without certificate checks, for test servers with self-signed certificates. */
  readonly insecureTls?: boolean;
}
