// Runs the sync process from source (tests, the bench under tsx): registers tsx's loader in
// this process, then imports the TypeScript entry given as the first argument (the rest are
// the entry's own).
import { register } from 'tsx/esm/api'

register()
const entry = process.argv[2]
process.argv.splice(2, 1)
await import(entry)
