// The correctly rounded libm lives in @tspyc/bytecode (the compiler folds constants with it too).
export { decompose, crExp, crLog, crPow, crLogBase, crTrig, crHypot, crAtan2, crAtan, crAsinAcos } from '@tspyc/bytecode';
