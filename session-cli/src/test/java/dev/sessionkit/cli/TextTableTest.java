package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Tables for people: aligned, terminal-safe, long cells cut. */
class TextTableTest {

    @Test
    void printWhenCellsOfDifferentWidthsThenColumnsAligned() {
        String printed = print(new TextTable("ID", "USER", "IP").row("a", "alice", "::1")
                .row("bbbbbb", "bo", "203.0.113.7"));

        assertEquals("ID      USER   IP\n"
                + "a       alice  ::1\n"
                + "bbbbbb  bo     203.0.113.7\n", printed);
    }

    @Test
    void printWhenCellHoldsControlCharactersOrIsEmptyThenMadeSafe() {
        String printed = print(new TextTable("A", "B").row("evil\u001b[2J\nline", ""));

        assertEquals("A" + " ".repeat(14) + "B\nevil?[2J?line  -\n", printed);
    }

    @Test
    void printWhenCellTooLongThenCut() {
        String printed = print(new TextTable("A").row("x".repeat(100)));

        assertEquals("A\n" + "x".repeat(TextTable.MAX_CELL - 3) + "...\n", printed);
    }

    private static String print(TextTable table) {
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
