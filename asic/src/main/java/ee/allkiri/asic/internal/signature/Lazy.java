package ee.allkiri.asic.internal.signature;

import java.util.function.Supplier;

/**
 * A value made on first use, once, then kept: DSS's engine and validation policy (JAXB, XML
 * Schema, DSS's own Bouncy Castle provider, the trusted sources) cost a cold process about a
 * second, and a run whose signatures all take the fast path never needs them. Thread-safe.
 */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> make;
    private volatile T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = java.util.Objects.requireNonNull(make.get());
                    value = v;
                }
            }
        }
        return v;
    }

    /** Whether the value has been made. */
    boolean made() {
        return value != null;
    }
}
