// A small keep-alive HTTP client for 127.0.0.1 only (lower overhead than fetch).
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpResponse {
  status: number;
  body: string;
}

export function postJson(
  port: number,
  path: string,
  payload: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<HttpResponse> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request to 127.0.0.1:${port}${path} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POST /graphql; throws on a non-200 status or GraphQL errors. */
export async function graphql<T>(
  port: number,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await postJson(
    port,
    '/graphql',
    { query, variables },
    token ? { authorization: `Bearer ${token}` } : {},
  );
  let parsed: GraphQLResult<T>;
  try {
    parsed = JSON.parse(response.body) as GraphQLResult<T>;
  } catch {
    throw new Error(`HTTP ${response.status}, not JSON: ${response.body.slice(0, 300)}`);
  }
  if (parsed.errors && parsed.errors.length > 0)
    throw new Error(`GraphQL errors: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  if (response.status !== 200 || parsed.data === undefined)
    throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 300)}`);
  return parsed.data;
}

/** Polls `{ __typename }` until the API answers, or throws after `timeoutMs`. */
export async function waitForGraphQL(
  port: number,
  timeoutMs: number,
  alive: () => boolean,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) throw new Error(`the process exited before answering:\n${describe()}`);
    try {
      const data = await graphql<{ __typename: string }>(port, '{ __typename }', {}, undefined);
      if (data.__typename === 'Query') return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`no answer on port ${port} after ${timeoutMs} ms:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
