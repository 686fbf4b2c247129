import { describe, expect, it } from "vitest";
import { cardName, cardText, cardsText, looksLikeHand, parseCards } from "./cards";

function cards(text: string) {
  const parsed = parseCards(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return cardsText(parsed.cards);
}

describe("parseCards", () => {
  it("reads cards run together, in either case, with 10 for ten", () => {
    expect(cards("AsKsQhJh")).toBe("AsKsQhJh");
    expect(cards("as ks qh jh")).toBe("AsKsQhJh");
    expect(cards("10hTd")).toBe("ThTd");
    expect(cards("AS")).toBe("As");
  });

  it("reads the suit symbols, filled and hollow", () => {
    expect(cards("A♠K♥Q♦J♣")).toBe("AsKhQdJc");
    expect(cards("A♤K♡Q♢J♧")).toBe("AsKhQdJc");
  });

  it("accepts an empty text as no cards", () => {
    expect(parseCards("  ")).toEqual({ ok: true, cards: [] });
  });

  it("names the position of a bad rank, a bad suit and a missing suit", () => {
    expect(parseCards("AsXs")).toMatchObject({ ok: false, error: { position: 3 } });
    expect(parseCards("AsKx")).toMatchObject({ ok: false, error: { position: 4 } });
    expect(parseCards("As K")).toMatchObject({ ok: false, error: { position: 4, message: expect.stringContaining("has no suit") } });
  });

  it("refuses a card written twice and says where the first one is", () => {
    const parsed = parseCards("AsKsas");
    expect(parsed).toMatchObject({ ok: false, error: { position: 5 } });
    if (!parsed.ok) expect(parsed.error.message).toContain("already at position 1");
  });

  it("counts positions in characters, so a symbol is one position", () => {
    expect(parseCards("A♠K?")).toMatchObject({ ok: false, error: { position: 4 } });
  });
});

describe("card names", () => {
  it("numbers cards as the engine does", () => {
    expect(cardText(0)).toBe("2c");
    expect(cardText(51)).toBe("As");
    expect(cardName(51)).toBe("ace of spades");
  });
});

describe("looksLikeHand", () => {
  it("tells hands from ranges", () => {
    expect(looksLikeHand("AsKsQhJh")).toBe(true);
    expect(looksLikeHand("AA**:ds")).toBe(false);
    expect(looksLikeHand("")).toBe(false);
  });
});
