import { describe, expect, it } from "vitest";
import { readEvents } from "./sse";

function stream(chunks: string[]) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

describe("readEvents", () => {
  it("reads named events split across chunks, multi-line data and CRLF, and skips comments", async () => {
    const events = [];
    for await (const e of readEvents(stream(['event: progress\ndata: {"progress"', ':0.5}\n\n: keep-alive\n\n', "event: done\r\ndata: a\r\ndata: b\r\n\r\n"]))) {
      events.push(e);
    }
    expect(events).toEqual([
      { event: "progress", data: '{"progress":0.5}' },
      { event: "done", data: "a\nb" },
    ]);
  });
});
