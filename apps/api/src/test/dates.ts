/** A day counted from today in the municipality (Europe/Helsinki), as `YYYY-MM-DD`, as the server's clock reads it. */
export const helsinkiToday = (daysFromToday = 0): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(Date.now() + daysFromToday * 86_400_000));
