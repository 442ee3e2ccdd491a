// The only place that reaches for the `electron` module. It is fetched at run time
// because the package is optional and absent where its binary could not be downloaded:
// a static import would break type-checking and tests on those machines. `require` is
// what exists in both places this runs: the CommonJS main bundle and the sandboxed
// preload, which has no dynamic import().
export function loadElectron<T>(): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  return require('electron') as T;
}
