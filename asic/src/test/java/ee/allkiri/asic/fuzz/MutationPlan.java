package ee.allkiri.asic.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A fuzz input read as a plan for one mutation: byte 0 picks the base container, byte 1 the
 * {@link Region}, byte 2 which one of its kind (data file, signature file, evidence value; taken
 * modulo how many there are), and every following 4 bytes one edit (operation, 16-bit position,
 * value), at most {@value #MAX_EDITS}. Positions are taken modulo the region's current length,
 * so every input is a valid plan. Every plan is verified on both paths.
 */
record MutationPlan(int base, Region region, int which, List<Edit> edits) {

    static final int MAX_EDITS = 16;

    /** One edit of the region's bytes. */
    record Edit(int operation, int position, int value) {
        @Override
        public String toString() {
            return switch (operation) {
                case 0 -> "flip bit " + (value & 7) + " at " + position;
                case 1 -> "set " + position + " to " + value;
                case 2 -> "insert " + value + " at " + position;
                default -> "delete at " + position;
            };
        }
    }

    static MutationPlan of(byte[] data, int bases) {
        int base = data.length > 0 ? (data[0] & 0xFF) % bases : 0;
        Region region = Region.values()[data.length > 1 ? (data[1] & 0xFF) % Region.values().length : 0];
        int which = data.length > 2 ? data[2] & 0xFF : 0;
        List<Edit> edits = new ArrayList<>();
        for (int i = 3; i + 3 < data.length && edits.size() < MAX_EDITS; i += 4) {
            edits.add(new Edit((data[i] & 0xFF) % 4, ((data[i + 1] & 0xFF) << 8) | (data[i + 2] & 0xFF), data[i + 3] & 0xFF));
        }
        return new MutationPlan(base, region, which, edits);
    }

    /** The plan's bytes: a single edit, for a seed. */
    static byte[] seed(int base, Region region, int which, Edit edit) {
        return new byte[] {(byte) base, (byte) region.ordinal(), (byte) which, (byte) edit.operation(),
                (byte) (edit.position() >> 8), (byte) edit.position(), (byte) edit.value()};
    }

    /** Applies the edits to {@code bytes[start, end)}; returns the new bytes. */
    byte[] apply(byte[] bytes, int start, int end) {
        List<Byte> region = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            region.add(bytes[i]);
        }
        for (Edit e : edits) {
            int size = region.size();
            if (e.operation() == 2) {
                region.add(size == 0 ? 0 : e.position() % (size + 1), (byte) e.value());
            } else if (size > 0) {
                int at = e.position() % size;
                switch (e.operation()) {
                    case 0 -> region.set(at, (byte) (region.get(at) ^ (1 << (e.value() & 7))));
                    case 1 -> region.set(at, (byte) e.value());
                    default -> region.remove(at);
                }
            }
        }
        byte[] out = new byte[start + region.size() + bytes.length - end];
        System.arraycopy(bytes, 0, out, 0, start);
        for (int i = 0; i < region.size(); i++) {
            out[start + i] = region.get(i);
        }
        System.arraycopy(bytes, end, out, start + region.size(), bytes.length - end);
        return out;
    }
}
