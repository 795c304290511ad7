package eqspice.netlist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads a netlist written by someone else into the lines eqspice hands to ngspice: the
 * untrusted-input gate of {@code eqspice solve}.
 *
 * <ul>
 *   <li>Lines end at {@code \n} (a {@code \r} before it is dropped), exactly where ngspice ends
 *   them; any other control character or Unicode line separator left in a line that reaches
 *   ngspice is refused, since an editor or another reader would show a line break ngspice does
 *   not see.</li>
 *   <li>The first line (the title) and every comment (lines starting {@code *}, {@code $},
 *   {@code #}, {@code ;} or {@code //}, and ngspice's end-of-line comments) are dropped: ngspice
 *   executes some comments ({@code *# shell ...}) and the title ({@code *ng_script}). The netlist
 *   gets eqspice's own title.</li>
 *   <li>Continuation lines ({@code +}) are joined onto the line they continue, so the whole
 *   statement is checked; a line ending in ngspice's shell-style {@code \\} continuation is refused.</li>
 *   <li>Each statement must pass {@link CardRules}: an allow-list of device letters and dot-cards.</li>
 *   <li>{@code .include} and {@code .lib file section} are resolved here, relative to the including
 *   file, and must stay inside the netlist's folder (no absolute path, no {@code ..} or symbolic link
 *   leading out) unless {@link Includes#ANYWHERE}; the included text goes through the same rules.
 *   ngspice never reads a file.</li>
 * </ul>
 * Every refusal names the file, the line and the rule ({@link NetlistRefusedException}).
 */
public final class NetlistReader {
    /** All files of one netlist together may hold at most this many bytes. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Includes may nest this deep. */
    static final int MAX_DEPTH = 16;

    private final Includes includes;
    private final Path rootLexical;
    private final Path rootReal;
    private final Path shownRoot;
    private final CardRules rules = new CardRules();
    private final Deque<Path> open = new ArrayDeque<>();
    private final List<String> cards = new ArrayList<>();
    private final List<String> origins = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private long bytes;

    private NetlistReader(Path netlist, Includes includes) throws IOException {
        this.includes = includes;
        Path abs = netlist.toAbsolutePath().normalize();
        this.rootLexical = abs.getParent();
        this.rootReal = rootLexical.toRealPath();
        this.shownRoot = netlist.getParent() == null ? Path.of("") : netlist.getParent();
    }

    /** Where a line comes from, for messages and for resolving what it includes. */
    private record Source(Path lexical, String shown, String includedBy) {
        String where(int line) {
            return shown + ": line " + line + via();
        }

        /** " (included by x.cir line 3)" for an included file, else empty. */
        String via() {
            return includedBy.isEmpty() ? "" : " (" + includedBy + ")";
        }

        /** How a file this line includes was reached. */
        String chainFrom(int line, String how) {
            return how + " by " + shown + " line " + line + (includedBy.isEmpty() ? "" : ", " + includedBy);
        }
    }

    /** One statement: continuation lines joined, comments removed; {@code line} is its first line. */
    private record Statement(String text, int line, boolean directive) {
    }

    /**
     * Reads a netlist and everything it includes.
     *
     * @throws NetlistRefusedException naming file, line and rule, also for a missing or unreadable file
     */
    public static ReadNetlist read(Path netlist, Includes includes) {
        NetlistReader r;
        try {
            r = new NetlistReader(netlist, includes);
        } catch (NoSuchFileException e) {
            throw new NetlistRefusedException(netlist + ": no such file");
        } catch (IOException e) {
            throw new NetlistRefusedException(netlist + ": cannot read: " + e.getMessage());
        }
        Path abs = netlist.toAbsolutePath().normalize();
        Source top = new Source(abs, netlist.toString(), "");
        Path real = r.real(abs, netlist.toString(), top, 0);
        r.readFile(real, top, true);
        r.rules.finish(netlist.toString(), true);
        return new ReadNetlist(netlist.toString(), r.cards, r.origins, r.files);
    }

    /**
     * Checks lines that were read before (by {@link #read}, in another process): each must be a
     * statement the rules pass as it is, with no comment, continuation or include left.
     */
    public static ReadNetlist recheck(String source, List<String> statements) {
        CardRules rules = new CardRules();
        List<String> cards = new ArrayList<>(statements.size());
        List<String> origins = new ArrayList<>(statements.size());
        for (int k = 0; k < statements.size(); k++) {
            String s = statements.get(k);
            String where = source + ": statement " + (k + 1);
            if (s == null || s.isEmpty() || !s.equals(s.strip()) || isComment(s) || s.charAt(0) == '+'
                    || isDirective(s)) {
                throw new NetlistRefusedException(where + ": not a statement as the reader writes it");
            }
            checkCharacters(s, where);
            if (rules.check(s, where) == CardRules.Kind.PASSED) {
                cards.add(s);
                origins.add(where);
            }
        }
        rules.finish(source, true);
        return new ReadNetlist(source, cards, origins, List.of());
    }

    /**
     * Checks the lines of one of eqspice's own model libraries: the same rules, no title (every
     * line counts), nothing included.
     */
    public static void checkLibrary(String source, List<String> lines) {
        Source src = new Source(null, source, "");
        CardRules rules = new CardRules();
        for (Statement s : statements(src, lines, 1, false)) {
            if (s.directive()) {
                throw new NetlistRefusedException(src.where(s.line()) + ": a library of eqspice includes no other file");
            }
            rules.check(s.text(), src.where(s.line()));
        }
        rules.finish(source, false);
    }

    private void readFile(Path real, Source src, boolean top) {
        if (open.contains(real)) {
            throw new NetlistRefusedException(src.shown() + src.via() + ": is already being read: the includes form "
                    + "a cycle");
        }
        if (open.size() >= MAX_DEPTH) {
            throw new NetlistRefusedException(src.shown() + src.via() + ": includes nest deeper than " + MAX_DEPTH);
        }
        List<String> lines = load(real, src);
        if (top && lines.isEmpty()) {
            throw new NetlistRefusedException(src.shown() + ": the file is empty");
        }
        open.push(real);
        files.add(src.shown());
        process(src, lines, 1, top);
        open.pop();
    }

    private void process(Source src, List<String> lines, int firstLine, boolean title) {
        for (Statement s : statements(src, lines, firstLine, title)) {
            if (s.directive()) {
                directive(src, s);
            } else if (rules.check(s.text(), src.where(s.line())) == CardRules.Kind.PASSED) {
                cards.add(s.text());
                origins.add(src.shown() + " line " + s.line());
            }
        }
    }

    /** The file's statements: title skipped, comments dropped, continuations joined, characters checked. */
    private static List<Statement> statements(Source src, List<String> lines, int firstLine, boolean title) {
        List<Statement> out = new ArrayList<>();
        boolean continuable = false;
        for (int k = title ? 1 : 0; k < lines.size(); k++) {
            int n = firstLine + k;
            String body = withoutComment(lines.get(k));
            if (body.isEmpty()) {
                continue; // ngspice skips blank and comment lines between a line and its continuations too
            }
            String where = src.where(n);
            checkCharacters(body, where);
            if (body.endsWith("\\\\")) {
                throw new NetlistRefusedException(where + ": ends in '\\\\', ngspice's shell-style continuation; "
                        + "continue a statement on a line starting with '+'");
            }
            if (body.charAt(0) == '+') {
                if (!continuable) {
                    throw new NetlistRefusedException(where + ": a continuation line ('+') with no statement before it "
                            + "to continue" + (out.isEmpty() ? "" : " (an .include or .lib line cannot be continued)"));
                }
                Statement prev = out.remove(out.size() - 1);
                String more = body.substring(1).strip();
                out.add(new Statement(more.isEmpty() ? prev.text() : prev.text() + " " + more, prev.line(), false));
                continue;
            }
            boolean directive = isDirective(body);
            out.add(new Statement(body, n, directive));
            continuable = !directive;
        }
        return out;
    }

    /**
     * The line without leading blanks and without comment: empty for a comment line, else the
     * text before an end-of-line comment ({@code ;}, {@code //}, or {@code $} after a blank or a
     * comma, as ngspice strips them), trailing blanks removed.
     */
    static String withoutComment(String line) {
        int start = 0;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        String t = line.substring(start);
        if (t.isEmpty() || isComment(t)) {
            return "";
        }
        int cut = t.length();
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            char before = t.charAt(i - 1);
            if (c == ';' || (c == '/' && before == '/') || (c == '$' && (before == ' ' || before == '\t'
                    || before == ','))) {
                cut = c == '/' ? i - 1 : i;
                break;
            }
        }
        int end = cut;
        while (end > 0 && (t.charAt(end - 1) == ' ' || t.charAt(end - 1) == '\t')) {
            end--;
        }
        return t.substring(0, end);
    }

    /** True for a line ngspice reads as blank or as a comment (which eqspice never passes on). */
    public static boolean isCommentOrBlank(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i == line.length() || isComment(line.substring(i, Math.min(line.length(), i + 2)));
    }

    private static boolean isComment(String t) {
        char c = t.charAt(0);
        return c == '*' || c == '$' || c == '#' || c == ';' || t.startsWith("//");
    }

    private static boolean isDirective(String statement) {
        return CardRules.DIRECTIVES.contains(CardRules.token(statement).toLowerCase(Locale.ROOT));
    }

    /** Printable ASCII and tabs only: what ngspice reads as one line is what every reader sees as one line. */
    private static void checkCharacters(String s, String where) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
                continue;
            }
            String what = switch (c) {
                case '\r' -> "a carriage return not followed by a line feed";
                case '\u2028', '\u2029', '\u0085', '\u000b', '\u000c' -> "a line separator (U+" + hex(c)
                        + ") that ngspice reads as part of the line but editors and other readers break lines at";
                case '\0' -> "a NUL character";
                case '\uFEFF' -> "a byte-order mark (U+FEFF)";
                default -> "the character U+" + hex(c);
            };
            throw new NetlistRefusedException(where + ", column " + (i + 1) + ": " + what + "; netlist statements are "
                    + "printable ASCII (comments may hold any text)");
        }
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "%04X", (int) c);
    }

    /** Resolves an {@code .include} or {@code .lib} line and reads what it names. */
    private void directive(Source src, Statement s) {
        String where = src.where(s.line());
        String card = CardRules.token(s.text()).toLowerCase(Locale.ROOT);
        String rest = s.text().substring(card.length()).strip();
        List<String> args = arguments(rest, where);
        if (args.isEmpty()) {
            throw new NetlistRefusedException(where + ": " + card + " needs a file name");
        }
        if (card.equals(".lib") && args.size() == 1) {
            throw new NetlistRefusedException(where + ": '.lib " + args.get(0) + "' without a section: write "
                    + "'.lib <file> <section>' to use a section of a library file, or '.include <file>'");
        }
        if (args.size() > (card.equals(".lib") ? 2 : 1)) {
            throw new NetlistRefusedException(where + ": " + card + " takes " + (card.equals(".lib")
                    ? "a file and a section" : "one file") + ", got '" + rest + "'");
        }
        Path lexical = lexical(src, args.get(0), where);
        String shown = shown(lexical);
        Path real = real(lexical, shown, src, s.line());
        Source included = new Source(lexical, shown, src.chainFrom(s.line(), card.equals(".lib")
                ? "section " + args.get(1) + " used" : "included"));
        if (card.equals(".lib")) {
            section(real, included, args.get(1));
        } else {
            readFile(real, included, false);
        }
    }

    /** Reads the lines between {@code .lib <section>} and {@code .endl} of a library file. */
    private void section(Path real, Source lib, String name) {
        if (open.contains(real)) {
            throw new NetlistRefusedException(lib.shown() + lib.via() + ": uses a section of a file being read "
                    + "(a cycle)");
        }
        List<String> lines = load(real, lib);
        int begin = -1;
        for (int k = 0; k < lines.size() && begin < 0; k++) {
            String t = withoutComment(lines.get(k));
            String[] w = t.split("[ \t]+");
            if (w.length == 2 && w[0].equalsIgnoreCase(".lib") && w[1].equalsIgnoreCase(name)) {
                begin = k + 1;
            }
        }
        if (begin < 0) {
            throw new NetlistRefusedException(lib.shown() + lib.via() + ": no section '.lib " + name + "' in it");
        }
        int end = begin;
        while (end < lines.size() && !CardRules.token(withoutComment(lines.get(end))).equalsIgnoreCase(".endl")) {
            end++;
        }
        if (end == lines.size()) {
            throw new NetlistRefusedException(lib.shown() + ": line " + begin + lib.via() + ": section '" + name
                    + "' has no .endl");
        }
        open.push(real);
        files.add(lib.shown() + " [" + name + "]");
        process(lib, lines.subList(begin, end), begin + 1, false);
        open.pop();
    }

    /** The file names of an include line: quoted ({@code "a b.lib"}, {@code 'x'}) or plain words. */
    private static List<String> arguments(String rest, String where) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '"' || c == '\'') {
                int close = rest.indexOf(c, i + 1);
                if (close < 0) {
                    throw new NetlistRefusedException(where + ": the quote " + c + " is not closed");
                }
                out.add(rest.substring(i + 1, close));
                i = close + 1;
            } else {
                int end = i;
                while (end < rest.length() && rest.charAt(end) != ' ' && rest.charAt(end) != '\t') {
                    end++;
                }
                out.add(rest.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    /** The included path, resolved against the including file's folder, checked to stay in the netlist's folder. */
    private Path lexical(Source src, String name, String where) {
        String flag = " (to read files outside the netlist's folder, pass --allow-outside-includes)";
        if (name.isEmpty()) {
            throw new NetlistRefusedException(where + ": an empty file name");
        }
        boolean home = name.equals("~") || name.startsWith("~/");
        if (home && includes != Includes.ANYWHERE) {
            throw new NetlistRefusedException(where + ": '" + name + "' is in the home folder, outside the netlist's "
                    + "folder" + flag);
        }
        Path p;
        try {
            p = home ? Path.of(System.getProperty("user.home"), name.substring(1).replaceFirst("^/", ""))
                    : Path.of(name);
        } catch (InvalidPathException e) {
            throw new NetlistRefusedException(where + ": '" + name + "' is not a file name: " + e.getReason());
        }
        if (p.isAbsolute() && includes != Includes.ANYWHERE) {
            throw new NetlistRefusedException(where + ": '" + name + "' is an absolute path; included files are "
                    + "named relative to the netlist's folder" + flag);
        }
        Path resolved = src.lexical().getParent().resolve(p).normalize();
        if (!resolved.startsWith(rootLexical) && includes != Includes.ANYWHERE) {
            throw new NetlistRefusedException(where + ": '" + name + "' leads out of the netlist's folder" + flag);
        }
        return resolved;
    }

    /** The file's real path (links followed), which must exist, be a regular file and stay in the folder. */
    private Path real(Path lexical, String shown, Source from, int line) {
        String where = line == 0 ? shown : from.where(line) + ": " + shown;
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NetlistRefusedException(where + ": no such file");
        } catch (IOException e) {
            throw new NetlistRefusedException(where + ": cannot read: " + e.getMessage());
        }
        if (line > 0 && includes != Includes.ANYWHERE && !real.startsWith(rootReal)) {
            throw new NetlistRefusedException(where + ": a symbolic link leads out of the netlist's folder (to " + real
                    + "; to read files outside it, pass --allow-outside-includes)");
        }
        if (!Files.isRegularFile(real)) {
            throw new NetlistRefusedException(where + ": not a regular file");
        }
        return real;
    }

    private String shown(Path lexical) {
        return lexical.startsWith(rootLexical) ? shownRoot.resolve(rootLexical.relativize(lexical)).toString()
                : lexical.toString();
    }

    /** The file's lines, split at {@code \n} as ngspice splits them, after size and encoding checks. */
    private List<String> load(Path real, Source src) {
        byte[] content;
        try {
            long size = Files.size(real);
            if (size > MAX_BYTES - bytes) {
                throw new NetlistRefusedException(src.shown() + src.via() + ": too large (" + size + " bytes; a netlist "
                        + "and its includes may hold " + MAX_BYTES / (1024 * 1024) + " MiB together)");
            }
            content = Files.readAllBytes(real);
        } catch (IOException e) {
            throw new NetlistRefusedException(src.shown() + src.via() + ": cannot read: " + e.getMessage());
        }
        bytes += content.length;
        return lines(decode(content, src));
    }

    private static String decode(byte[] content, Source src) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        try {
            CharBuffer out = utf8.decode(in);
            return out.toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(content);
            int line = 1;
            for (int i = 0; i < bad; i++) {
                line += content[i] == '\n' ? 1 : 0;
            }
            throw new NetlistRefusedException(src.shown() + src.via() + ": not UTF-8 text (line " + line
                    + "); a netlist is a text file");
        }
    }

    /** The offset of the first byte that is not part of valid UTF-8. */
    private static int firstBadByte(byte[] b) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        utf8.decode(in, out, true);
        return in.position();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int cut = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            out.add(text.substring(start, cut));
            start = end + 1;
        }
        return out;
    }
}
