/** `{ ...F0 }`; F0 spreads F1 ten times; F1 spreads F2 ten times ...: 10^levels copies of the last fragment. */
export function fragmentExplosion(levels: number): string {
  let source = '{ ...F0 }\n'
  for (let i = 0; i < levels; i++)
    source += `fragment F${i} on Query { ${Array(10)
      .fill(`...F${i + 1}`)
      .join(' ')} }\n`
  return `${source}fragment F${levels} on Query { viewer { user { id } } }`
}
