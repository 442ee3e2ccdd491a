// linebreak (UAX #14, the line breaker pdfkit uses) ships no types.
declare module 'linebreak' {
  interface Break {
    /** Index in UTF-16 code units where the next line may start. */
    position: number;
    /** A mandatory break (a newline in the text). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
