import { http, HttpResponse, JsonBodyType } from 'msw';

/** An msw GET handler that answers `body` and keeps every request URL, so a test can assert what a tab asked for. */
export function recordingHandler(url: string, body: JsonBodyType) {
  const seen: URL[] = [];
  const handler = http.get(url, ({ request }) => {
    seen.push(new URL(request.url));
    return HttpResponse.json(body);
  });
  return { handler, seen };
}
