import { sectionSize, type VenueLayout } from "@/lib/organizer/venue-layout";

interface SectionsSvgProps {
  layout: Pick<VenueLayout, "sections">;
  /** What the picture shows, for assistive technology (a table beside it says it in words). */
  label: string;
  /** A share (0–1) per section, drawn darker the higher it is (a heat map); plain sections without it. */
  share?: (section: string) => number | undefined;
}

/** A venue's sections where they sit on the plan; positions are in seat widths and the plan scales to the page. */
export function SectionsSvg({ layout, label, share }: SectionsSvgProps) {
  const boxes = layout.sections.map((section) => ({ section, ...sectionSize(section) }));
  const width = Math.max(...boxes.map((b) => b.section.x + b.width));
  const height = Math.max(...boxes.map((b) => b.section.y + b.height));
  return (
    <svg viewBox={`-1 -1 ${width + 2} ${height + 2}`} className="h-auto max-h-[60vh] w-full" role="img" aria-label={label}>
      {boxes.map(({ section, width: w, height: h }) => {
        const part = share?.(section.name);
        return (
          <g key={section.name}>
            <rect
              x={section.x}
              y={section.y}
              width={w}
              height={h}
              rx={0.5}
              className={part === undefined ? "fill-brand-100 stroke-brand-600" : "stroke-slate-700"}
              style={part === undefined ? undefined : { fill: `hsl(350 75% ${96 - part * 56}%)` }}
              strokeWidth={Math.max(0.1, width / 400)}
            />
            <text
              x={section.x + w / 2}
              y={section.y + h / 2}
              textAnchor="middle"
              dominantBaseline="middle"
              fontSize={Math.min(h * 0.5, w / ((section.name.length + 5) * 0.6))}
              className={part !== undefined && part > 0.6 ? "fill-white" : "fill-slate-900"}
            >
              {part === undefined ? section.name : `${section.name} · ${Math.round(part * 100)}%`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
