package eqspice.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a data file's lines without ever holding more than {@link DataLimits#MAX_LINE_BYTES}
 * of one: a longer line is an error naming the file and the line, found after reading that
 * many bytes of it (a {@code BufferedReader} would first read the whole line into memory).
 */
final class BoundedLines {
    private final InputStream in;
    private final Path file;
    private final String hint;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int number;

    BoundedLines(InputStream in, Path file, String hint) {
        this.in = in;
        this.file = file;
        this.hint = hint;
    }

    /** The next line without its line break, or null at the end of the file. */
    String next() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() >= DataLimits.MAX_LINE_BYTES) {
                throw new DataException(String.format(Locale.ROOT, "%s line %d: longer than %,d bytes, longer than any "
                        + "row of a data set; it is not the data set's file; %s", file, number + 1,
                        DataLimits.MAX_LINE_BYTES, hint));
            }
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        number++;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line.toByteArray())).toString();
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        } catch (CharacterCodingException e) {
            throw new DataException(file + " line " + number + ": not UTF-8 text; " + hint);
        }
    }

    /** The number of the line {@link #next} returned last. */
    int number() {
        return number;
    }
}
