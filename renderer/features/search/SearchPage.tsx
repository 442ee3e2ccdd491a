import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { format, uiMessages } from '../../../shared/index';
import { usePersonIndex } from '../../app/context';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { ledgerPath, ResultsTable } from './ResultsTable';

const m = uiMessages.search;
export const resultLimit = 50;

/**
 * The screen staff open first: one box, results as they type. Arrow keys move from the
 * box into the results and between them, Enter opens the focused person (or, from the
 * box, the first one), Escape returns to the box. The query lives in the address, so
 * going back from a ledger shows the same results.
 */
export function SearchPage() {
  useTitle(m.title);
  const { feed, version, ready } = usePersonIndex();
  const [params, setParams] = useSearchParams();
  // The box keeps its own state so that typing (and IME composition) never waits for the router.
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const queryRef = useRef(query);
  queryRef.current = query;
  const currentQuery = useCallback(() => queryRef.current, []);
  // The address follows once typing pauses: a router update per keystroke would render
  // every link on the screen again.
  const setParamsRef = useRef(setParams);
  setParamsRef.current = setParams;
  useEffect(() => {
    const timer = setTimeout(() => setParamsRef.current(query === '' ? {} : { q: query }, { replace: true }), 400);
    return () => clearTimeout(timer);
  }, [query]);
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const inputId = useId();

  // Searched on every render: the page renders again when the query changes and when
  // the store's persons change (`version`), so a sync shows up in open results; a
  // repeated query only re-filters its own previous hits.
  void version;
  const result = ready ? feed.index.search(query, resultLimit) : { total: 0, hits: [] };

  const resultLinks = () => Array.from(resultsRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-result]') ?? []);

  const onBoxKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      resultLinks()[0]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const first = result.hits[0];
      if (first) void navigate(ledgerPath(first.id), { state: { fromSearch: query } });
    }
  };

  const onResultsKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const links = resultLinks();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at === 0) inputRef.current?.focus();
      else links[at - 1]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      inputRef.current?.focus();
    }
  };

  const summary =
    query.trim() === ''
      ? ''
      : result.total === 0
        ? m.empty
        : result.total > result.hits.length
          ? format(m.moreThanShown, { total: result.total, shown: result.hits.length })
          : format(m.count, { total: result.total });

  return (
    <div className="search">
      <PageHeading focusOnMount={false}>
        <span className="visually-hidden">{m.title}</span>
      </PageHeading>
      <div className="search-box">
        <label htmlFor={inputId}>{m.box}</label>
        <input
          ref={inputRef}
          id={inputId}
          type="search"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby={hintId}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onBoxKey}
        />
        <p id={hintId} className="field-hint">
          {m.hint}
        </p>
      </div>
      <p className="search-summary" role="status" data-query={ready ? query : undefined}>
        {!ready ? format(m.indexing, { count: feed.index.size }) : feed.index.size === 0 ? m.noPersons : summary}
      </p>
      {/* Key handling on the wrapper only moves focus between the links inside; the links stay the interactive elements. */}
      <div ref={resultsRef} onKeyDown={onResultsKey}>
        {result.hits.length > 0 && <ResultsTable hits={result.hits} currentQuery={currentQuery} />}
      </div>
    </div>
  );
}
