package eqspice.sweep;

/**
 * One shard of a sweep ({@code --shard i/n}): the points whose id falls into bucket {@code i}
 * of {@code n}. Ids hash the point's parameters, so the assignment is stable and does not
 * depend on the order of the axes in the file or on which machine plans it.
 *
 * @param index 0-based shard number
 * @param count number of shards
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard must be i/n with 0 <= i < n, got " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--shard must be i/n with 0 <= i < n (e.g. 0/4), got '" + text + "'");
    }

    /** Whether the point with this id belongs to the shard. */
    public boolean contains(String id) {
        return Long.remainderUnsigned(Long.parseUnsignedLong(id.substring(0, 12), 16), count) == index;
    }

    /** File-name suffix of the shard's own files, e.g. {@code -shard-2-of-4}. */
    public String suffix() {
        return "-shard-" + index + "-of-" + count;
    }
}
