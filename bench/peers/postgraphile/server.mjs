// PostGraphile V5 as a peer for `npm run bench:peers` (run on Node 22 by bench/peers/run.ts).
// Amber preset over the `pgl` schema of views (bench/peers/seed.ts), which carry the anonymous visibility
// rules and, as smart tags, the keys and composite foreign keys. PgIndexBehaviorsPlugin is disabled: views
// have no indexes, and with it PostGraphile would hide their relations and orderings.
//
// Environment: DATABASE_URL, PORT, HOST (127.0.0.1), DATABASE_POOL_MAX (10), PRINT_SCHEMA=1 (print SDL, exit).
import { createServer } from 'node:http'
import { printSchema } from 'graphql'
import { postgraphile } from 'postgraphile'
import { makePgService } from 'postgraphile/adaptors/pg'
import { grafserv } from 'postgraphile/grafserv/node'
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber'

const preset = {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['pgl'],
      poolConfig: { max: Number(process.env.DATABASE_POOL_MAX || 10), application_name: 'postgraphile' },
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
}

const pgl = postgraphile(preset)

if (process.env.PRINT_SCHEMA === '1') {
  const { schema } = await pgl.getSchemaResult()
  process.stdout.write(printSchema(schema))
  await pgl.release()
  process.exit(0)
}

const serv = pgl.createServ(grafserv)
const server = createServer()
serv.addTo(server)
const port = Number(process.env.PORT || 5678)
const host = process.env.HOST || '127.0.0.1'
server.listen(port, host, () => console.log(`PostGraphile V5 listening on http://${host}:${port}/graphql`))

const stop = async () => {
  server.close()
  await pgl.release()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
