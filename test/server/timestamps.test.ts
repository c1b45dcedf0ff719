import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { parseTimestamptz } from '../../db/client.js'

const general = pg.types.getTypeParser(1184, 'text') as (text: string) => Date

describe('timestamptz parsing', () => {
  it.each([
    '2026-12-01 22:09:30.117+00',
    '2026-12-01 22:09:30.117654+00',
    '2026-12-01 22:09:30+00',
    '2026-12-01 22:09:30.1+00',
    '2026-12-01 23:09:30.5+01',
    '1999-01-08 04:05:06+05:30',
    '0010-01-01 00:00:00+00 BC',
    '2026-02-30 10:00:00+00',
  ])('answers %s exactly as the general parser does', (text) => {
    expect(String(parseTimestamptz(text))).toBe(String(general(text)))
    expect(Number(parseTimestamptz(text))).toEqual(Number(general(text)))
  })
})
