/**
 * The OASIS STIX 2.1 JSON schemas (test/fixtures/stix2.1-schemas, third-party, verbatim)
 * compiled with Ajv for draft 2020-12. A bundle is checked against bundle.json and each of
 * its objects against its own type's schema.
 *
 * bundle.json lists a schema for most object types but not for note, opinion, location,
 * grouping and incident; those fall to its branch for custom objects, which wants exactly
 * one of core.json and cyber-observable-core.json to match, and every SDO with created and
 * modified matches both. So a valid bundle with a note can never pass bundle.json as a
 * whole: objects of those types are checked against their own schemas only, and the rest of
 * the bundle (envelope and listed types) against bundle.json.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'stix2.1-schemas', 'schemas')

export interface StixValidator {
  /** Every problem, as "<object id or bundle>: <path> <message>"; empty when valid. */
  problems(bundle: unknown): string[]
}

interface Schema {
  $id: string
  properties?: { objects?: { items?: { anyOf?: { oneOf?: { $ref?: string }[] }[] } } }
}

export function stixValidator(): StixValidator {
  // The schemas use the older "definitions" and free-form keywords (strict mode is for our
  // own schemas), and patterns such as `\-` that are valid only without the u flag.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false })
  addFormats(ajv)
  // Used only by domain-name observables, which Sightline never writes; ajv-formats lacks it.
  ajv.addFormat('idn-hostname', true)
  const byType = new Map<string, string>()
  let bundle: Schema | undefined
  for (const folder of ['common', 'sdos', 'sros', 'observables']) {
    for (const name of readdirSync(join(ROOT, folder))) {
      const schema = JSON.parse(readFileSync(join(ROOT, folder, name), 'utf8')) as Schema
      ajv.addSchema(schema)
      if (name === 'bundle.json') bundle = schema
      if (folder !== 'common' || name === 'marking-definition.json') {
        byType.set(name.replace(/\.json$/, ''), schema.$id)
      }
    }
  }
  const listed = new Set(
    (bundle?.properties?.objects?.items?.anyOf?.[0]?.oneOf ?? []).map((entry) =>
      (entry.$ref ?? '').replace(/^.*\//, '').replace(/\.json$/, ''),
    ),
  )
  const validateBundle = ajv.getSchema(bundle!.$id)!
  const describe = (where: string, errors: typeof ajv.errors): string[] =>
    (errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message ?? ''}`)
  return {
    problems(value) {
      const objects = (value as { objects?: { type: string; id: string }[] }).objects ?? []
      const envelope = { ...(value as object), objects: objects.filter((o) => listed.has(o.type)) }
      if (envelope.objects.length === 0) envelope.objects = objects.slice(0, 1)
      const out = validateBundle(envelope) ? [] : describe('bundle', validateBundle.errors)
      for (const object of objects) {
        const id = byType.get(object.type)
        if (!id) {
          out.push(`${object.id}: no schema for type ${object.type}`)
          continue
        }
        const validate = ajv.getSchema(id)!
        if (!validate(object)) out.push(...describe(object.id, validate.errors))
      }
      return out
    },
  }
}
