// Vite gives an imported asset's built URL with `?url`; the renderer's tsconfig loads no vite/client
// types, so the one kind of asset this feature imports is declared here.
declare module '*.ttf?url' {
  const url: string;
  export default url;
}
