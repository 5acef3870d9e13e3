import { describe, expect, it } from "vitest";
import { BOX, panView, planSections, showBox, zoomView } from "./section-plan";

describe("planSections", () => {
  it("puts bands under the stage, dearest first, each centred", () => {
    const plan = planSections([["Floor"], ["101", "102"], ["201"]]);
    const at = (name: string) => plan.sections.find((s) => s.section === name)!;
    expect(at("Floor").y).toBeLessThan(at("101").y);
    expect(at("101").y).toBe(at("102").y);
    expect(at("201").y).toBeGreaterThan(at("101").y);
    // Centred: Floor sits midway between 101 and 102.
    expect(at("Floor").x + BOX.width / 2).toBeCloseTo((at("101").x + at("102").x + BOX.width) / 2);
    expect(plan.stage.y).toBeLessThan(at("Floor").y);
    for (const { x, y } of plan.sections) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x + BOX.width).toBeLessThanOrEqual(plan.width);
      expect(y + BOX.height).toBeLessThanOrEqual(plan.height);
    }
  });

  it("wraps a wide band onto lines of six, keeping price order", () => {
    const names = Array.from({ length: 14 }, (_, i) => `S${i + 1}`);
    const plan = planSections([["Floor"], names]);
    const ys = [...new Set(plan.sections.map((s) => s.y))];
    expect(ys).toHaveLength(4); // the floor, then 6 + 6 + 2
    expect(plan.sections.filter((s) => s.y === ys[1]).map((s) => s.section)).toEqual(names.slice(0, 6));
    expect(plan.width).toBeLessThan(7 * BOX.width + 7 * BOX.gap);
  });
});

describe("zoom and pan", () => {
  const whole = { x: 0, y: 0, width: 1000, height: 500 };

  it("zooms about the point under the pointer, which stays put", () => {
    const zoomed = zoomView(whole, 2, { x: 800, y: 100 }, whole);
    expect(zoomed.width).toBe(500);
    expect(zoomed.height).toBe(250);
    // The point keeps its place in the view (80 % across, 20 % down).
    expect((800 - zoomed.x) / zoomed.width).toBeCloseTo(0.8);
    expect((100 - zoomed.y) / zoomed.height).toBeCloseTo(0.2);
  });

  it("never zooms out past the whole plan, nor in past about one section", () => {
    expect(zoomView(whole, 0.1, { x: 500, y: 250 }, whole)).toEqual(whole);
    expect(zoomView(whole, 100, { x: 500, y: 250 }, whole).width).toBe(BOX.width * 1.5);
  });

  it("pans within the plan only", () => {
    const zoomed = zoomView(whole, 2, { x: 500, y: 250 }, whole);
    expect(panView(zoomed, -10_000, 0, whole).x).toBe(0);
    expect(panView(zoomed, 10_000, 10_000, whole)).toMatchObject({ x: 500, y: 250 });
    expect(panView(whole, 50, 50, whole)).toEqual(whole);
  });

  it("moves just enough to show a section reached by keyboard", () => {
    const view = { x: 0, y: 0, width: 400, height: 200 };
    expect(showBox(view, { x: 100, y: 50, width: 50, height: 50 }, whole)).toBe(view);
    expect(showBox(view, { x: 600, y: 300, width: 100, height: 100 }, whole)).toEqual({ x: 300, y: 200, width: 400, height: 200 });
    expect(showBox({ ...view, x: 500, y: 300 }, { x: 100, y: 10, width: 50, height: 50 }, whole)).toMatchObject({ x: 100, y: 10 });
  });
});
