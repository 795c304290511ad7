package eqspice.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetlistReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private ReadNetlist read(String text) throws IOException {
        return NetlistReader.read(write("x.cir", text), Includes.INSIDE_FOLDER);
    }

    private String refused(String text) throws IOException {
        Path p = write("x.cir", text);
        return assertThrows(NetlistRefusedException.class, () -> NetlistReader.read(p, Includes.INSIDE_FOLDER))
                .getMessage();
    }

    @Test
    void titleAndEveryCommentAreDroppedContinuationsJoinedAndEqspiceGivesTheTitle() throws IOException {
        ReadNetlist n = read("*ng_script is only a title here\r\n"
                + "* a comment\n"
                + "*# shell touch pwned\n"
                + "  *# shell touch pwned\n"
                + ";# shell touch pwned\n"
                + "$# shell touch pwned\n"
                + "# hash comment\n"
                + "// slash comment\n"
                + "v1 a 0 dc 1 ; trailing\n"
                + "r1 a b\n"
                + "* a comment between a line and its continuation\n"
                + "\n"
                + "+ 1k $ dollar comment\n"
                + "r2 b 0 2k // slash\n"
                + ".model dm d(is=1e-14 $ after a blank\n"
                + "+ n=1)\n"
                + "d1 b 0 dm\n"
                + ".options klu reltol = 1e-6\n"
                + ".op\n"
                + ".end\n");
        assertEquals(List.of(ReadNetlist.TITLE, "v1 a 0 dc 1", "r1 a b 1k", "r2 b 0 2k", ".model dm d(is=1e-14 n=1)",
                "d1 b 0 dm", ".options klu reltol = 1e-6", ".end"), n.lines());
        assertEquals(List.of(dir.resolve("x.cir").toString()), n.files());
    }

    @Test
    void scriptsAnalysesAndUnknownCardsAreRefusedWithFileLineAndRule() throws IOException {
        for (String bad : List.of(".control", ".CONTROL", "  .control", ".controlx", ".endc", ".tran 1n 1u",
                ".if (1)", ".csparam x=1", ".exec shell ls", ".save all", ".meas op x param='1'", ".macro m a")) {
            String msg = refused("t\nv1 a 0 1\n" + bad + "\nr1 a 0 1\n");
            assertTrue(msg.startsWith(dir.resolve("x.cir") + ": line 3: '"), msg);
            assertTrue(msg.contains("is not allowed") && msg.contains("allowed dot-cards: "), msg);
        }
    }

    @Test
    void deviceLettersModelTypesAndOptionsAreAllowListed() throws IOException {
        assertTrue(refused("t\na1 a b filesrc\nv1 a 0 1\n").contains("line 2: element 'a1': device letter 'a' is not "
                + "allowed (XSPICE code-model instances"), "a");
        assertTrue(refused("t\nn1 a b numd\nv1 a 0 1\n").contains("device letter 'n'"), "n");
        assertTrue(refused("t\n@ stop here\nv1 a 0 1\n").contains("line 2: '@' is neither an element"), "@");
        assertTrue(refused("t\nv1 a 0 1\n.model src filesource(file=\"/etc/passwd\")\n")
                .contains("line 3: .model src: model type 'filesource' is not allowed"), "filesource");
        assertTrue(refused("t\nv1 a 0 1\n.model m d_cosim simulation=\"./x.so\"\n").contains("'d_cosim'"), "d_cosim");
        assertTrue(refused("t\nv1 a 0 1\n.options rawfile=out.raw\n").contains("line 3: option 'rawfile=out.raw' is "
                + "not allowed"), "rawfile");
        assertTrue(refused("t\nv1 a 0 1\n.options reltol=\"1\"\n").contains("option 'reltol=\"1\"'"), "quoted");
        read("t\nv1 a 0 1\nr1 a 0 1k\n.model q1 npn(bf=100)\n.model sw1 sw vt=1\n.options gmin=1e-12 itl1=100\n");
    }

    @Test
    void charactersThatOtherReadersTakeForALineBreakAreRefusedInStatements() throws IOException {
        String[][] cases = {{"\r", "carriage return"}, {"\u2028", "U+2028"}, {"\u2029", "U+2029"},
                {"\u0085", "U+0085"}, {"\u000b", "U+000B"}, {"\u000c", "U+000C"}, {"\0", "NUL"},
                {"\u00b5", "U+00B5"}, {"\ufeff", "byte-order mark"}};
        for (String[] c : cases) {
            String msg = refused("t\nv1 a 0 1" + c[0] + "*# shell touch pwned\nr1 a 0 1\n");
            assertTrue(msg.contains(": line 2, column 9: ") && msg.contains(c[1]), c[1] + ": " + msg);
        }
        // In a comment any text is fine: ngspice reads the whole line as the comment, and eqspice drops it.
        assertEquals(List.of(ReadNetlist.TITLE, "v1 a 0 1", ".end"),
                read("t\n* \u00b5\r.control\u2028shell\nv1 a 0 1\n").lines());
    }

    @Test
    void continuationsAndTheShellStyleBackslashNeedAStatementBefore() throws IOException {
        assertTrue(refused("t\n+ r1 a 0 1\nv1 a 0 1\n").contains("line 2: a continuation line ('+') with no statement"));
        assertTrue(refused("t\nv1 a 0 1 \\\\\n.control\n").contains("line 2: ends in '\\\\'"));
        write("m.lib", ".model dm d\n");
        assertTrue(refused("t\nv1 a 0 1\n.include m.lib\n+ r1 a 0 1\n").contains("line 4: a continuation line ('+') "
                + "with no statement before it to continue (an .include or .lib line cannot be continued)"));
    }

    @Test
    void theWholeNetlistIsChecked() throws IOException {
        assertTrue(refused("").endsWith("x.cir: the file is empty"));
        assertTrue(refused("t\n* only a comment\n").contains("no element lines after the title line"));
        assertTrue(refused("t\n.subckt s a\nr1 a 0 1\n.ends\n").contains("no element lines"));
        assertTrue(refused("t\nv1 a 0 1\n.subckt s a\nr1 a 0 1\n").contains("x.cir: line 3 (.subckt s) is not closed"));
        assertTrue(refused("t\nv1 a 0 1\n.ends\n").contains("line 3: .ends without a .subckt"));
        assertTrue(refused("t\nv1 a 0 1\n.end\n.control\nshell ls\n.endc\n").contains("line 4: '.control'"),
                "lines after .end are read too, as ngspice reads them");
        Path latin1 = dir.resolve("l1.cir");
        Files.write(latin1, "t\nv1 a 0 1\n* caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(assertThrows(NetlistRefusedException.class, () -> NetlistReader.read(latin1, Includes.INSIDE_FOLDER))
                .getMessage().endsWith("l1.cir: not UTF-8 text (line 3); a netlist is a text file"));
        assertTrue(assertThrows(NetlistRefusedException.class, () -> NetlistReader.read(dir.resolve("none.cir"),
                Includes.INSIDE_FOLDER)).getMessage().endsWith("none.cir: no such file"));
    }

    @Test
    void includesAreReadByTheSameRulesAndNamedInMessages() throws IOException {
        write("lib/models.lib", "* models\n.model dm d(is=1e-14)\n.include sub/more.inc\n");
        write("lib/sub/more.inc", "r9 a 0 9k\n");
        write("lib/sections.lib", "* sections\n.lib tt\n.model dt d(is=2e-14)\n.endl tt\n.lib ff\n.control\n.endl\n");
        ReadNetlist n = read("t\n.include lib/models.lib\n.INC \"lib/sub/more.inc\"\n.lib 'lib/sections.lib' TT\n"
                + "d1 a 0 dm\nv1 a 0 1\n");
        assertEquals(List.of(".model dm d(is=1e-14)", "r9 a 0 9k", "r9 a 0 9k", ".model dt d(is=2e-14)", "d1 a 0 dm",
                "v1 a 0 1"), n.statements());
        assertEquals(5, n.files().size(), n.files().toString());
        assertTrue(n.files().get(4).endsWith("sections.lib [TT]"), n.files().toString());

        write("lib/bad.inc", "* fine\n.control\n");
        write("lib/outer.inc", ".include bad.inc\n");
        assertEquals(dir.resolve("lib/bad.inc") + ": line 2 (included by " + dir.resolve("lib/outer.inc") + " line 1, "
                + "included by " + dir.resolve("x.cir") + " line 3): '.control' is not allowed",
                refused("t\nv1 a 0 1\n.include lib/outer.inc\n").split(" \\(eqspice solves")[0]);
        assertTrue(refused("t\nv1 a 0 1\n.lib lib/sections.lib ss\n").contains("no section '.lib ss' in it"));
        assertTrue(refused("t\nv1 a 0 1\n.lib lib/sections.lib\n").contains("without a section"));
        assertTrue(refused("t\nv1 a 0 1\n.lib lib/sections.lib ff\n").contains("lib/sections.lib: line 6 (section ff "
                + "used by"), "the section's lines are checked with the library file's line numbers");
        assertTrue(refused("t\nv1 a 0 1\n.include\n").contains("line 3: .include needs a file name"));
        assertTrue(refused("t\nv1 a 0 1\n.include lib/nothing.lib\n").endsWith("lib/nothing.lib: no such file"));
        assertTrue(refused("t\nv1 a 0 1\n.include lib\n").endsWith("lib: not a regular file"));
        assertTrue(refused("t\nv1 a 0 1\n.include \"lib/models.lib\n").contains("the quote \" is not closed"));
    }

    @Test
    void includesStayInTheNetlistsFolderUnlessTheUserAllowsMore(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.inc"), "r1 a 0 1\n");
        String flag = "(to read files outside the netlist's folder, pass --allow-outside-includes)";
        assertTrue(refused("t\nv1 a 0 1\n.include /etc/passwd\n").contains("line 3: '/etc/passwd' is an absolute path; "
                + "included files are named relative to the netlist's folder " + flag));
        assertTrue(refused("t\nv1 a 0 1\n.include ../x.inc\n").contains("line 3: '../x.inc' leads out of the netlist's "
                + "folder " + flag));
        assertTrue(refused("t\nv1 a 0 1\n.include lib/../../x.inc\n").contains("leads out of the netlist's folder"));
        assertTrue(refused("t\nv1 a 0 1\n.include ~/x.inc\n").contains("'~/x.inc' is in the home folder"));
        Files.createSymbolicLink(dir.resolve("link.inc"), outside.resolve("secret.inc"));
        assertTrue(refused("t\nv1 a 0 1\n.include link.inc\n").contains("a symbolic link leads out of the netlist's "
                + "folder (to " + outside.resolve("secret.inc").toRealPath()));
        write("self.cir", "t\nv1 a 0 1\n.include self.cir\n");
        write("a.inc", ".include b.inc\n");
        write("b.inc", ".include a.inc\n");
        assertTrue(refused("t\nv1 a 0 1\n.include a.inc\n").contains("a.inc (included by " + dir.resolve("b.inc")
                + " line 1, included by " + dir.resolve("a.inc") + " line 1, included by " + dir.resolve("x.cir")
                + " line 3): is already being read: the includes form a cycle"));

        Path net = write("y/y.cir", "t\nv1 a 0 1\n.include " + outside.resolve("secret.inc") + "\n.include ../x.cir\n");
        write("x.cir", "rt title line\nr2 a 0 2\n");
        ReadNetlist n = NetlistReader.read(net, Includes.ANYWHERE);
        assertEquals(List.of("v1 a 0 1", "r1 a 0 1", "rt title line", "r2 a 0 2"), n.statements(), "an included file "
                + "has no title: its first line is a statement, as ngspice reads it");
    }

    @Test
    void outsideIncludesStillPassTheRules(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("evil.inc"), "*# shell touch pwned\n.control\nshell touch pwned\n.endc\n");
        Path net = write("x.cir", "t\nv1 a 0 1\n.include " + outside.resolve("evil.inc") + "\n");
        String msg = assertThrows(NetlistRefusedException.class, () -> NetlistReader.read(net, Includes.ANYWHERE))
                .getMessage();
        assertTrue(msg.startsWith(outside.resolve("evil.inc") + ": line 2 (included by "), msg);
    }

    @Test
    void recheckTakesOnlyStatementsAsTheReaderWritesThem() {
        assertEquals(List.of("v1 a 0 1", "r1 a 0 1"), NetlistReader.recheck("s", List.of("v1 a 0 1", ".op",
                "r1 a 0 1")).statements());
        for (String bad : List.of("*# shell touch x", "+ 1k", ".include x.lib", " v1 a 0 1", "v2 a 0 1\n.control",
                ".control", "")) {
            assertThrows(NetlistRefusedException.class, () -> NetlistReader.recheck("s", List.of("v1 a 0 1", bad)), bad);
        }
    }

    @Test
    void librariesPassTheSameRulesWithoutATitle() {
        NetlistReader.checkLibrary("lib", List.of("* first line is a comment, not a title", ".model dm d",
                ".subckt s a b", "r1 a b 1", ".ends s"));
        assertTrue(assertThrows(NetlistRefusedException.class, () -> NetlistReader.checkLibrary("lib",
                List.of(".model dm d", ".include other.lib"))).getMessage().startsWith("lib: line 2: a library of eqspice"));
        assertTrue(assertThrows(NetlistRefusedException.class, () -> NetlistReader.checkLibrary("lib",
                List.of(".control"))).getMessage().startsWith("lib: line 1: '.control' is not allowed"));
    }
}
