/** Files the page bundles (webpack.config.js, ASSETS): an xlsx as a data: URL, text as a string. */
declare module "*.xlsx" {
  const url: string;
  export default url;
}
declare module "*.html?raw" {
  const text: string;
  export default text;
}
