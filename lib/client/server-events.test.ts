import { describe, expect, it } from "vitest";
import { ServerEventParser } from "./server-events";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("ServerEventParser", () => {
  it("reads events split anywhere across chunks, skipping heartbeats and retry lines", () => {
    const parser = new ServerEventParser();
    const text = 'retry: 2000\n\nid: 7\nevent: seat.held\ndata: {"seatIds":["a"]}\n\n: heartbeat\n\nid: 8\nevent: seat.freed\ndata: {}\n\n';
    const events = [...text].flatMap((char) => parser.push(bytes(char)));
    expect(events).toEqual([
      { id: "7", event: "seat.held", data: '{"seatIds":["a"]}' },
      { id: "8", event: "seat.freed", data: "{}" },
    ]);
  });

  it("joins multi-line data, takes CRLF line ends and defaults the event name", () => {
    const parser = new ServerEventParser();
    expect(parser.push(bytes("data: one\r\ndata:two\r\n\r\nevent: x\n"))).toEqual([{ event: "message", data: "one\ntwo" }]);
    expect(parser.push(bytes("data: 3\n\n"))).toEqual([{ event: "x", data: "3" }]);
  });
});
