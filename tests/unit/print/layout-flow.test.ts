// The page flow with a stand-in measure (every character as wide as its size), so these
// tests are about where things land, not about the font.
import { describe, expect, it } from 'vitest';
import { layoutForm } from '../../../renderer/features/print/layout/flow';
import type { Band, Cell, DrawOp, FormDocument, LaidOutPage } from '../../../renderer/features/print/layout/model';

const measure = (text: string, size: number): number => Array.from(text).length * size;
const page = { width: 400, height: 300 };
const margin = 20;
const bottom = page.height - margin;

const cell = (text: string, width: number, extra: Partial<Cell> = {}): Cell => ({ width, blocks: [{ kind: 'text', text, size: 10 }], ...extra });
const texts = (p: LaidOutPage): string[] => p.ops.flatMap((op) => (op.op === 'text' ? [op.text] : []));
const rects = (p: LaidOutPage): Extract<DrawOp, { op: 'rect' }>[] => p.ops.flatMap((op) => (op.op === 'rect' ? [op] : []));

function form(bands: Band[], continuationHeader?: Band): FormDocument {
  return { pageSize: page, margin, bands, continuationHeader, footer: { template: '{page} / {pages}', size: 8 } };
}

/** Numbered lines, so each can be found exactly once. */
const numbered = (count: number): string => Array.from({ length: count }, (_, i) => `行${String(i + 1).padStart(3, '0')}`).join('\n');

describe('layoutForm', () => {
  it('flows a cell taller than the page onto further pages, every line exactly once and in order', () => {
    const header: Band = { stacks: [{ rows: [{ cells: [cell('見出し', 360, { shade: true })] }] }] };
    const pages = layoutForm(form([{ header, stacks: [{ rows: [{ cells: [cell(numbered(60), 360)] }] }] }], { stacks: [{ rows: [{ cells: [cell('続き', 360, { borderless: true })] }] }] }), measure);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const printed = pages.flatMap(texts).filter((t) => t.startsWith('行'));
    expect(printed).toEqual(numbered(60).split('\n'));
    pages.forEach((p, i) => {
      expect(texts(p)).toContain('見出し'); // column headings again on every page
      expect(texts(p)).toContain(`${i + 1} / ${pages.length}`);
      expect(texts(p).includes('続き')).toBe(i > 0);
      for (const op of p.ops) if (op.op === 'text') expect(op.baseline).toBeLessThanOrEqual(page.height);
    });
  });

  it('keeps each line inside its page: no text below the bottom margin but the footer', () => {
    const pages = layoutForm(form([{ stacks: [{ rows: [{ cells: [cell(numbered(40), 180), cell(numbered(25), 180)] }] }] }]), measure);
    for (const p of pages) {
      for (const op of p.ops) if (op.op === 'text' && !op.text.includes('/')) expect(op.baseline).toBeLessThanOrEqual(bottom);
    }
    expect(pages.flatMap(texts).filter((t) => t.startsWith('行'))).toHaveLength(65);
  });

  it('stretches a growing band so the bands after it end at the bottom of the page', () => {
    const pages = layoutForm(
      form([
        { growToFill: true, stacks: [{ rows: [{ cells: [cell('本文', 360)] }] }] },
        { stacks: [{ rows: [{ cells: [cell('署名', 360)], minHeight: 40 }] }] },
      ]),
      measure,
    );
    expect(pages).toHaveLength(1);
    const lowest = Math.max(...rects(pages[0] as LaidOutPage).map((r) => r.y + r.height));
    expect(lowest).toBeCloseTo(bottom, 5);
  });

  it('moves a band that must stay together to the next page instead of splitting it', () => {
    const pages = layoutForm(
      form([
        { stacks: [{ rows: [{ cells: [cell(numbered(14), 360)] }] }] },
        { keepTogether: true, stacks: [{ rows: [{ cells: [cell(numbered(5).replace(/行/g, '印'), 360)] }] }] },
      ]),
      measure,
    );
    expect(pages).toHaveLength(2);
    expect(texts(pages[1] as LaidOutPage).filter((t) => t.startsWith('印'))).toHaveLength(5);
  });

  it('circles the chosen option and only that one', () => {
    const choices = [
      { label: '初回', chosen: false },
      { label: '紹介', chosen: false },
      { label: '継続', chosen: true },
    ];
    const [only] = layoutForm(form([{ stacks: [{ rows: [{ cells: [{ width: 360, blocks: [{ kind: 'choices', choices, size: 10 }] }] }] }] }]), measure);
    const ops = (only as LaidOutPage).ops;
    const ellipses = ops.filter((op) => op.op === 'ellipse');
    expect(ellipses).toHaveLength(1);
    const chosen = ops.find((op) => op.op === 'text' && op.text === '継続') as Extract<DrawOp, { op: 'text' }>;
    const ring = ellipses[0] as Extract<DrawOp, { op: 'ellipse' }>;
    expect(ring.cx).toBeCloseTo(chosen.x + 10, 5); // centre of the two 10-point characters
  });
});
