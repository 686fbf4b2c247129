import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CardPicker } from "./CardPicker";

const As = 51, Kh = 46, Qd = 41;

describe("CardPicker", () => {
  it("greys out cards used by other fields and presses the target's own", () => {
    const used = new Map([[As, "players[0].hand"], [Kh, "boards[0]"]]);
    render(<CardPicker used={used} target={{ field: "players[0].hand", label: "Player 1", full: false }} onPick={() => {}} />);
    expect(screen.getByRole("button", { name: "ace of spades" })).toHaveAttribute("aria-pressed", "true");
    const kh = screen.getByRole("button", { name: "king of hearts (in use)" });
    expect(kh).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "queen of diamonds" })).toHaveAttribute("aria-disabled", "false");
    expect(screen.getAllByRole("button")).toHaveLength(52);
  });

  it("picks free cards and removes the target's own, but ignores cards in use", async () => {
    const onPick = vi.fn();
    const used = new Map([[As, "players[0].hand"], [Kh, "boards[0]"]]);
    render(<CardPicker used={used} target={{ field: "players[0].hand", label: "Player 1", full: false }} onPick={onPick} />);
    await userEvent.click(screen.getByRole("button", { name: "queen of diamonds" }));
    await userEvent.click(screen.getByRole("button", { name: "ace of spades" }));
    await userEvent.click(screen.getByRole("button", { name: "king of hearts (in use)" }));
    expect(onPick.mock.calls).toEqual([[Qd], [As]]);
  });

  it("moves between cards with the arrow keys from a single tab stop", async () => {
    render(<CardPicker used={new Map()} target={{ field: "dead", label: "Dead cards", full: false }} onPick={() => {}} />);
    await userEvent.tab();
    expect(document.activeElement).toHaveAccessibleName("ace of spades");
    await userEvent.keyboard("{ArrowRight}{ArrowDown}");
    expect(document.activeElement).toHaveAccessibleName("king of hearts");
  });
});
