package ee.allkiri.asic.internal.signature;

/**
 * Judges certificates, revocation, time and qualification of one signature whose signed
 * content allkiri has already checked itself ({@link SignatureCase#core()}). Two engines
 * exist: DSS's ETSI EN 319 102-1 process ({@link DssJudge}) and the fast path for the common
 * shape ({@link FastJudge}), which hands everything else to DSS. Implementations are
 * thread-safe.
 */
interface Engine {

    /** The engine's judgement; never null, never throws for a bad signature. */
    Judgement judge(SignatureCase signature);
}
