// Turns the blocks of a cell into the lines it prints, at the cell's inner width.
import { wrapText } from '../text-wrap';
import type { Align, Block } from './model';

/** Width in points of `text` set at `size`. */
export type Measure = (text: string, size: number) => number;

export interface TextLine {
  kind: 'text';
  text: string;
  size: number;
  align: Align;
  width: number;
  height: number;
}

export interface ChoiceLine {
  kind: 'choices';
  items: { label: string; width: number; chosen: boolean }[];
  separator: { text: string; width: number };
  size: number;
  align: Align;
  width: number;
  height: number;
}

export type Line = TextLine | ChoiceLine;

const lineSpacing = 1.4;
const choiceSeparator = '・';

export function lineHeight(size: number): number {
  return size * lineSpacing;
}

/**
 * Where the baseline sits below a line's top: the ideographic em box (0.88 em above the
 * baseline in Noto Sans JP) centred in the line's height.
 */
export function baselineOffset(size: number): number {
  return ((lineSpacing - 1) / 2) * size + 0.88 * size;
}

/** Room each side of a choice for the circle drawn round it. */
export function choicePadding(size: number): number {
  return size * 0.45;
}

function choiceLines(block: Extract<Block, { kind: 'choices' }>, innerWidth: number, measure: Measure): ChoiceLine[] {
  const separator = { text: choiceSeparator, width: measure(choiceSeparator, block.size) };
  const pad = choicePadding(block.size);
  const lines: ChoiceLine[] = [];
  let current: ChoiceLine | undefined;
  for (const choice of block.choices) {
    const item = { label: choice.label, width: measure(choice.label, block.size), chosen: choice.chosen };
    const slot = item.width + 2 * pad;
    if (current && current.width + separator.width + slot <= innerWidth) {
      current.items.push(item);
      current.width += separator.width + slot;
    } else {
      current = { kind: 'choices', items: [item], separator, size: block.size, align: block.align ?? 'left', width: slot, height: lineHeight(block.size) };
      lines.push(current);
    }
  }
  return lines;
}

export function layoutBlocks(blocks: readonly Block[], innerWidth: number, measure: Measure): Line[] {
  return blocks.flatMap((block): Line[] => {
    if (block.kind === 'choices') return choiceLines(block, innerWidth, measure);
    if (block.text === '') return [];
    const size = block.size;
    return wrapText(block.text, innerWidth, (text) => measure(text, size)).map((text) => ({
      kind: 'text',
      text,
      size,
      align: block.align ?? 'left',
      width: measure(text, size),
      height: lineHeight(size),
    }));
  });
}
