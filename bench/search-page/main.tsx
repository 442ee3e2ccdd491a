import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { generateDemoData } from '../../shared/demo/generate';
import { PersonIndexProvider } from '../../renderer/app/context';
import type { PersonIndexFeed, PersonSearch } from '../../renderer/features/search/index-feed';
import { PersonSearchIndex } from '../../renderer/features/search/person-index';
import { SearchPage } from '../../renderer/features/search/SearchPage';
import { NaiveSearch } from './naive-search';
import '../../renderer/styles/app.css';

// The real search screen over invented persons, for bench/search.ts: `?persons=N` and
// `?engine=indexed|naive`. The persons are generated here, in the page, so that a
// hundred thousand of them need not cross the DevTools protocol.

const params = new URLSearchParams(window.location.search);
const count = Number(params.get('persons') ?? '100000');
const engine = params.get('engine') === 'naive' ? 'naive' : 'indexed';

const started = performance.now();
const { persons } = generateDemoData({ persons: count, personsOnly: true, seed: 20261001 });
const generated = performance.now();
let index: PersonSearch;
if (engine === 'naive') {
  index = new NaiveSearch(persons);
} else {
  const built = new PersonSearchIndex();
  built.upsertMany(persons);
  built.search('ア'); // sorts the entries into kana order, as the first search after unlock does
  index = built;
}
const indexed = performance.now();

const feed: PersonIndexFeed = { index, ready: () => true, version: () => 0, subscribe: () => () => undefined, stop: () => undefined };
Object.assign(window, { benchInfo: { engine, persons: persons.length, generateMs: generated - started, indexMs: indexed - generated } });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <HashRouter>
      <PersonIndexProvider feed={feed}>
        <main id="main">
          <SearchPage />
        </main>
      </PersonIndexProvider>
    </HashRouter>,
  );
}
