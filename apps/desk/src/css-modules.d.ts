// Vite turns *.module.css into a map of scoped class names; jest maps it to an empty stub.
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
